"""Evidence requests (``.s11request``) and signed evidence supplements (``.s11supplement``), issue 17.

A return made on a set with ``return_evidence: list`` lists each evidence file (name, size, SHA-256)
without its content. When moderation needs the files of one standard, the business unit writes an
*evidence request* (plain JSON naming the return by the SHA-256 of its ``return.json``, the standard
and the files wanted); the organisation answers with an *evidence supplement*: a ZIP like a return
(same canonical container, limits, manifest and Ed25519 signature with the audit's key) holding
``supplement.json``, only the files asked for, ``manifest.json`` and ``signature.bin``.

:func:`read_supplement` trusts nothing in the file, in the order of a return's checks: the container
(``container.py``), the signature over the manifest, the manifest's schema, every member's size and
SHA-256, then ``supplement.json``'s schema and its evidence entries against the members. Whether the
files are the ones the named return listed is the business unit's check (``business_unit/supplements.py``).
The formats are in ``docs/return-format.md``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from s11audit import __version__
from s11audit.returns import schema
from s11audit.returns.container import ContainerError, open_container
from s11audit.returns.format import (EVIDENCE_FOLDER, MANIFEST_MEMBER, SIGNATURE_MEMBER, SUPPLEMENT_MEMBER,
                                     ReturnError, _write_atomically, build_manifest, json_bytes, safe_member_name,
                                     sha256_hex)
from s11audit.returns.keys import fingerprint, signature_is_valid
from s11audit.returns.limits import LIMITS, MB, Limits, megabytes
from s11audit.returns.strict_json import JsonProblem, parse
from s11audit.returns.verify import _check_evidence, _check_members, _Invalid, _json, signed_manifest
from s11audit.safe_text import bounded, shown

REQUEST_FORMAT_NAME = "s11audit-evidence-request"
SUPPLEMENT_FORMAT_NAME = "s11audit-evidence-supplement"
FORMAT_MAJOR = 1
REQUEST_FORMAT = f"{REQUEST_FORMAT_NAME}/{FORMAT_MAJOR}"
SUPPLEMENT_FORMAT = f"{SUPPLEMENT_FORMAT_NAME}/{FORMAT_MAJOR}"
REQUEST_EXTENSION = ".s11request"
SUPPLEMENT_EXTENSION = ".s11supplement"
SUPPLEMENT_KIND = "evidence_supplement"
_NAMES = (SUPPLEMENT_MEMBER, MANIFEST_MEMBER, SIGNATURE_MEMBER)
# A request names at most a few thousand files in a few hundred bytes each.
REQUEST_LIMIT = 1 * MB
_REQUEST = "the request"  # how the request is named in its schema's sentences


class SupplementError(ReturnError):
    """A request or supplement that cannot be written or read; ``code`` is the stable reason word."""

    def __init__(self, path: Path, code: str, reason: str):
        super().__init__(f"{path.name}: {reason}")
        self.path, self.code, self.reason = path, code, reason


def _check_format(value: object, name: str, where: str) -> None:
    match = re.fullmatch(rf"{re.escape(name)}/(\d+)(?:\.(\d+))?", value) if isinstance(value, str) else None
    if match is None:
        raise _Invalid("unsupported-format", f"{where} is not in the {name} format (it says {shown(value, 60)})")
    if int(match.group(1)) > FORMAT_MAJOR:
        raise _Invalid("unsupported-format", f"{where} is in format {value}, newer than this version of s11audit "
                                             f"reads ({name}/{FORMAT_MAJOR}); update s11audit to read it")


# --- the request ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RequestedFile:
    id: str
    name: str
    sha256: str
    size: int | None = None


@dataclass(frozen=True)
class EvidenceRequest:
    """What a business unit asks for: the files of one standard of one signed return (named by the SHA-256
    of its ``return.json``)."""

    cycle: str
    organisation: str
    reference: str
    return_sha256: str
    key_fingerprint: str
    standard_id: str
    files: tuple[RequestedFile, ...]
    standard: str = ""  # the standard's number and title, for people
    requested_by: str = ""
    business_unit: str = ""
    requested_at: dt.datetime | None = None

    def as_json(self) -> dict:
        return {"format": REQUEST_FORMAT, "cycle": self.cycle,
                "organisation": {"name": self.organisation, "reference": self.reference},
                "return_sha256": self.return_sha256, "key_fingerprint": self.key_fingerprint,
                "standard_id": self.standard_id, "standard": self.standard, "requested_by": self.requested_by,
                "business_unit": self.business_unit, "requested_at": self.requested_at,
                "evidence": [{"id": f.id, "name": f.name, "sha256": f.sha256, **({"size": f.size} if f.size is not None
                                                                                  else {})} for f in self.files]}


def write_request(path: Path | str, request: EvidenceRequest) -> Path:
    """Write the request as JSON (atomically); raises :class:`ReturnError` naming the file on failure."""
    path = Path(path)
    data = json_bytes(request.as_json())
    found = schema.problem(_REQUEST, json.loads(data))
    if found:
        raise ReturnError(f"The request cannot be written: {found}.")
    _write_plain(path, data)
    return path


def _write_plain(path: Path, data: bytes) -> None:
    temp_name = None
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
        temp_name = None
    except OSError as exc:
        raise ReturnError(f"{path} could not be written: {exc.strerror or exc}.") from exc
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def read_request(path: Path | str, limits: Limits = LIMITS) -> EvidenceRequest:
    """Read an evidence request strictly (size, JSON limits, format, schema); raises :class:`SupplementError`."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > REQUEST_LIMIT:
            raise _Invalid("too-large", f"the file is {megabytes(size)}, more than the {megabytes(REQUEST_LIMIT)} an "
                                        "evidence request may be")
        with open(path, "rb") as stream:
            data = stream.read(REQUEST_LIMIT + 1)
        try:
            value = parse(data, _REQUEST, limits)
        except JsonProblem as exc:
            raise _Invalid("bad-request", f"it is not an evidence request ({exc})") from exc
        if not isinstance(value, dict):
            raise _Invalid("bad-request", "it is not an evidence request (not a JSON object)")
        _check_format(value.get("format"), REQUEST_FORMAT_NAME, "the request")
        found = schema.problem(_REQUEST, value)
        if found:
            raise _Invalid("bad-request", found)
    except _Invalid as exc:
        raise SupplementError(path, exc.code, exc.reason) from exc
    except OSError as exc:
        raise SupplementError(path, "unreadable", f"the file cannot be read ({exc.strerror or exc})") from exc
    organisation = value["organisation"]
    return EvidenceRequest(
        cycle=value["cycle"], organisation=organisation["name"], reference=organisation["reference"],
        return_sha256=value["return_sha256"], key_fingerprint=value["key_fingerprint"],
        standard_id=value["standard_id"], standard=str(value.get("standard") or ""),
        files=tuple(RequestedFile(str(e["id"]), str(e.get("name") or ""), e["sha256"], e.get("size"))
                    for e in value["evidence"]),
        requested_by=str(value.get("requested_by") or ""), business_unit=str(value.get("business_unit") or ""))


# --- the supplement ------------------------------------------------------------------------------------

def write_supplement(out_path: Path | str, content: dict, files: list[tuple[str, bytes]], public_key: bytes,
                     sign: Callable[[bytes], bytes]) -> Path:
    """Write and sign an evidence supplement at ``out_path`` (atomically).

    ``content`` gives ``return_sha256``, ``cycle``, ``organisation`` ({name, reference}), ``standard_id`` and
    ``evidence`` (entries with ``id``, ``name``, ``original_name``, ``description``, ``media_type``); ``files``
    the bytes as ``(evidence id, bytes)``. The writer fills in the format, kind, app version, creation time and
    each entry's size, SHA-256 and member, and refuses what :func:`read_supplement` would refuse.
    """
    out_path = Path(out_path)
    data_by_id = {str(evidence_id): bytes(data) for evidence_id, data in files}
    prepared = {**content, "format": SUPPLEMENT_FORMAT, "kind": SUPPLEMENT_KIND, "app_version": __version__}
    prepared.setdefault("created_at", dt.datetime.now(dt.UTC).replace(microsecond=0))
    entries, members = [], []
    for index, given in enumerate(content.get("evidence") or [], start=1):
        entry = dict(given)
        data = data_by_id.pop(str(entry.get("id")), None)
        if data is None:
            raise ReturnError(f"Evidence {entry.get('id')!r} ({entry.get('name', '')}) has no file bytes.")
        member = safe_member_name(index, str(entry.get("original_name") or entry.get("name") or "file"))
        entry.update(size=len(data), sha256=sha256_hex(data), member=member)
        entries.append(entry)
        members.append((member, data))
    prepared["evidence"] = entries
    supplement = json_bytes(prepared)
    found = schema.problem(SUPPLEMENT_MEMBER, json.loads(supplement))
    if found:
        raise ReturnError(f"The evidence supplement cannot be written: {found}.")
    members.insert(0, (SUPPLEMENT_MEMBER, supplement))
    for name, data in members:
        if len(data) > (LIMITS.manifest_json if name == SUPPLEMENT_MEMBER else LIMITS.evidence_file):
            raise ReturnError(f"{name} would be {megabytes(len(data))}, more than an evidence supplement may hold.")
    if sum(len(d) for _, d in members) > LIMITS.total:
        raise ReturnError("The evidence supplement would be larger than a return may be; ask for fewer files.")
    manifest_data = {**build_manifest(members, public_key), "format": SUPPLEMENT_FORMAT, "kind": SUPPLEMENT_KIND}
    manifest = json_bytes(manifest_data)
    signature = bytes(sign(manifest))
    if not signature_is_valid(public_key, signature, manifest):
        raise ReturnError("The signing key does not belong to the public key given; the supplement was not written.")
    _write_atomically(out_path, [*members, (MANIFEST_MEMBER, manifest), (SIGNATURE_MEMBER, signature)])
    return out_path


@dataclass(frozen=True)
class Supplement:
    """A verified evidence supplement: its ``supplement.json`` content and the key that signed it."""

    path: Path
    content: dict
    public_key: bytes
    fingerprint: str

    @property
    def return_sha256(self) -> str:
        return str(self.content["return_sha256"])

    @property
    def evidence(self) -> list[dict]:
        return list(self.content["evidence"])

    def files(self) -> Iterator[tuple[dict, bytes]]:
        """Each evidence entry with its bytes, read again through the checked container, SHA-256 checked again."""
        try:
            with open_container(self.path, fixed=_NAMES) as container:
                for entry in self.evidence:
                    data = container.read(entry["member"])
                    if sha256_hex(data) != entry["sha256"]:
                        raise SupplementError(self.path, "member-changed",
                                              f"evidence {entry['member']} changed while it was being read")
                    yield entry, data
        except ContainerError as exc:
            raise SupplementError(self.path, exc.code, exc.reason) from exc
        except OSError as exc:
            raise SupplementError(self.path, "unreadable", f"the file cannot be read ({exc.strerror or exc})") from exc


def read_supplement(path: Path | str, limits: Limits = LIMITS) -> Supplement:
    """Verify an evidence supplement strictly (module docstring); raises :class:`SupplementError` with the reason."""
    path = Path(path)
    try:
        with open_container(path, limits, fixed=_NAMES) as container:
            return _checked(path, container)
    except (_Invalid, ContainerError) as exc:
        raise SupplementError(path, exc.code, exc.reason) from exc
    except OSError as exc:
        raise SupplementError(path, "unreadable", f"the file cannot be read ({exc.strerror or exc})") from exc


def _checked(path: Path, container) -> Supplement:
    manifest, public_key = signed_manifest(container, "evidence supplement", lambda value: _check_format(
        value, SUPPLEMENT_FORMAT_NAME, MANIFEST_MEMBER))
    found = schema.problem(MANIFEST_MEMBER, manifest)
    if found:
        raise _Invalid("bad-manifest", found)
    if manifest["key_fingerprint"] != fingerprint(public_key) or manifest.get("kind") != SUPPLEMENT_KIND:
        raise _Invalid("bad-manifest", "manifest.json's key fingerprint does not belong to its public key, or it is "
                                       "not an evidence supplement's")
    listed = _listed(container, manifest)
    _check_members(container, listed, {})
    content = _json(container, SUPPLEMENT_MEMBER, "bad-supplement")
    _check_format(content.get("format"), SUPPLEMENT_FORMAT_NAME, SUPPLEMENT_MEMBER)
    found = schema.problem(SUPPLEMENT_MEMBER, content)
    if found:
        raise _Invalid("bad-supplement", found)
    _check_evidence(content, listed)
    return Supplement(path, content, public_key, fingerprint(public_key))


def _listed(container, manifest: dict) -> dict[str, dict]:
    """The manifest's members: exactly the archive's others, in its order, ``supplement.json`` among them."""
    listed: dict[str, dict] = {}
    for entry in manifest["members"]:
        if entry["name"] in listed or entry["name"] in (MANIFEST_MEMBER, SIGNATURE_MEMBER):
            raise _Invalid("bad-manifest", f"manifest.json lists {bounded(entry['name'], 100)} more than once or "
                                           "lists itself")
        listed[entry["name"]] = entry
    if SUPPLEMENT_MEMBER not in listed:
        raise _Invalid("bad-manifest", f"manifest.json does not list {SUPPLEMENT_MEMBER}")
    for name in listed:
        if name not in container.members:
            raise _Invalid("member-missing", f"member {bounded(name, 100)} is listed in the manifest but missing from "
                                             "the supplement")
    for name in container.names:
        if name not in listed and name not in (MANIFEST_MEMBER, SIGNATURE_MEMBER):
            raise _Invalid("member-added", f"member {name} is not listed in the manifest (added after signing)")
    if container.names != [*listed, MANIFEST_MEMBER, SIGNATURE_MEMBER]:
        raise _Invalid("not-canonical", "the members are not in the order of the manifest, with manifest.json and "
                                        "signature.bin last, as s11audit writes them")
    if any(not n.startswith(EVIDENCE_FOLDER) for n in listed if n != SUPPLEMENT_MEMBER):
        raise _Invalid("bad-manifest", "manifest.json lists a member an evidence supplement does not have")
    return listed
