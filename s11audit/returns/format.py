"""Writing a signed return (``.s11return``): one ZIP the business unit can read and verify alone.

Members, in this order (see ``docs/return-format.md`` for every field):

- ``return.json``   the assessment: organisation, cycle, grades, narratives, answers, evidence list,
                    action plan, sign-off and audit trail summary;
- ``standards.json`` the full standards set snapshot the audit was made against;
- ``evidence/<n>-<safe name>`` each evidence file, byte for byte;
- ``manifest.json`` every member above with its SHA-256 and size, the public key and its fingerprint;
- ``signature.bin`` the raw 64-byte Ed25519 signature over the exact bytes of ``manifest.json``.

The output is deterministic: the same content, evidence and key give the same bytes.
This module takes plain data and does not depend on the store.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from s11audit import __version__
from s11audit.returns.keys import PUBLIC_KEY_BYTES, fingerprint, signature_is_valid

FORMAT_NAME = "s11audit-return"
FORMAT_MAJOR = 1
FORMAT = f"{FORMAT_NAME}/{FORMAT_MAJOR}"
EXTENSION = ".s11return"

RETURN_MEMBER = "return.json"
SUPPLEMENT_MEMBER = "supplement.json"  # an evidence supplement's own content (supplement.py)
STANDARDS_MEMBER = "standards.json"
MANIFEST_MEMBER = "manifest.json"
SIGNATURE_MEMBER = "signature.bin"
EVIDENCE_FOLDER = "evidence/"
# return.json's optional ``kind``: absent (every return before statements) means a full audit.
KIND_FULL_AUDIT = "full_audit"
KIND_STATEMENT = "compliance_statement"
SIGNATURE_ALGORITHM = "Ed25519"

# Every member carries this timestamp (the earliest a ZIP can hold) so output is byte-for-byte repeatable.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
# Pinned so every return's headers are the same whatever Python wrote them; the reader
# (container.py) accepts exactly these.
ZIP_VERSION = 20
ZIP_CREATE_SYSTEM = 3
ZIP_EXTERNAL_ATTR = 0o644 << 16
COMPRESS_LEVEL = 6
# A member whose first 64 KB deflate to more than 97 % of their size (JPEG, PNG, ZIP-based Office files,
# most PDFs) is stored: deflating such data costs time and saves nothing.
_SAMPLE_BYTES = 64 * 1024
_WORTH_DEFLATING = 0.97
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 80
_MAX_EXTENSION = 10  # the longest extension kept whole when a name is cut to _MAX_NAME
_FILE_MODE = 0o644


class ReturnError(Exception):
    """A return that cannot be written or read; the message names the file and says why."""


def json_bytes(value: object) -> bytes:
    """Canonical JSON used for every JSON member: UTF-8, sorted keys, 2-space indent, final newline.

    Dates and datetimes are written as ISO 8601 text.
    """
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=_json_default)
            + "\n").encode("utf-8")


def _json_default(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} cannot be written to a return")


def safe_member_name(index: int, name: str) -> str:
    """``evidence/<index>-<name>`` with the name reduced to letters, digits, dot, dash and underscore."""
    stem = _SAFE_NAME.sub("_", name).strip("._") or "file"
    if len(stem) > _MAX_NAME:
        base, dot, ext = stem.rpartition(".")
        stem = (base[:_MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) <= _MAX_EXTENSION else stem[:_MAX_NAME]
    return f"{EVIDENCE_FOLDER}{index}-{stem}"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _prepare_content(content: dict, evidence: list[tuple[str, bytes]]) -> tuple[dict, list[tuple[str, bytes]]]:
    """A copy of ``content`` with format, app version and each evidence entry's size, sha256 and member.

    Returns the copy and the evidence members ``(member name, bytes)`` in the order of the evidence list.
    """
    for key in ("organisation", "cycle", "standards_set"):
        if key not in content:
            raise ReturnError(f"The return content has no {key!r}.")
    data_by_id: dict[str, bytes] = {}
    for evidence_id, data in evidence:
        if str(evidence_id) in data_by_id:
            raise ReturnError(f"Evidence {evidence_id!r} is given twice.")
        data_by_id[str(evidence_id)] = bytes(data)
    prepared = dict(content)
    prepared["format"] = FORMAT
    prepared.setdefault("app_version", __version__)
    entries, members = [], []
    for index, given in enumerate(content.get("evidence") or [], start=1):
        entry = dict(given)
        key = str(entry.get("id"))
        if entry.get("included", True) is False:
            entries.append(_listed_entry(entry, data_by_id.pop(key, None)))
            continue
        entry.pop("included", None)  # a file carried is written as every return always wrote it
        if key not in data_by_id:
            raise ReturnError(f"Evidence {entry.get('id')!r} ({entry.get('name', '')}) has no file bytes.")
        data = data_by_id.pop(key)
        member = safe_member_name(index, str(entry.get("original_name") or entry.get("name") or "file"))
        entry.update(size=len(data), sha256=sha256_hex(data), member=member)
        entries.append(entry)
        members.append((member, data))
    if data_by_id:
        raise ReturnError(f"Evidence {', '.join(sorted(data_by_id))} is not described in the content's evidence list.")
    prepared["evidence"] = entries
    return prepared, members


def _listed_entry(entry: dict, data: bytes | None) -> dict:
    """An evidence entry listed but not carried (``"included": false``, a set's ``return_evidence: list``):
    its size and SHA-256 from the bytes when given (they are not written), else as the entry gives them."""
    entry.pop("member", None)
    if data is not None:
        entry.update(size=len(data), sha256=sha256_hex(data))
    elif not isinstance(entry.get("size"), int) or not isinstance(entry.get("sha256"), str):
        raise ReturnError(f"Evidence {entry.get('id')!r} ({entry.get('name', '')}) is listed without its size "
                          "and SHA-256.")
    return entry


def build_manifest(members: Iterable[tuple[str, bytes]], public_key: bytes) -> dict:
    """The manifest that the signature covers: each member's name, SHA-256 and size, and the public key."""
    return {
        "format": FORMAT,
        "signature": {"algorithm": SIGNATURE_ALGORITHM, "member": SIGNATURE_MEMBER},
        "public_key": base64.b64encode(public_key).decode("ascii"),
        "key_fingerprint": fingerprint(public_key),
        "members": [{"name": name, "sha256": sha256_hex(data), "size": len(data)} for name, data in members],
    }


def worth_deflating(name: str, data: bytes) -> bool:
    """Whether a member is deflated (``ZIP_DEFLATED``) rather than stored; decided from its bytes alone."""
    if name == SIGNATURE_MEMBER or not data:
        return False
    sample = data[:_SAMPLE_BYTES]
    return len(zlib.compress(sample, 1)) <= _WORTH_DEFLATING * len(sample)


def _zip_info(name: str, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.create_system = ZIP_CREATE_SYSTEM  # the same on every platform
    info.create_version = info.extract_version = ZIP_VERSION
    info.external_attr = ZIP_EXTERNAL_ATTR
    return info


def write_zip(target, members: Iterable[tuple[str, bytes]]) -> None:
    """Write ``(name, bytes)`` members to ``target`` (path or binary file) as a deterministic ZIP.

    Members are deflated, except those :func:`worth_deflating` rejects (``signature.bin``, already
    compressed evidence), which are stored.
    """
    with zipfile.ZipFile(target, "w", compresslevel=COMPRESS_LEVEL) as archive:
        for name, data in members:
            archive.writestr(_zip_info(name, compress=worth_deflating(name, data)), data)


def write_return(out_path: Path | str, content: dict, evidence: list[tuple[str, bytes]],
                 standards_snapshot: dict, public_key: bytes, sign: Callable[[bytes], bytes]) -> Path:
    """Write and sign a return at ``out_path``; returns the path written.

    ``content`` is the plain ``return.json`` data (see ``docs/return-format.md``); its ``evidence`` list
    describes each file and ``evidence`` gives the bytes as ``(evidence id, bytes)`` pairs, matched on
    ``str(id)``. The writer fills in ``format``, ``app_version`` (when absent) and each evidence entry's
    ``size``, ``sha256`` and ``member``. ``sign(manifest_bytes)`` must return the raw Ed25519 signature
    made with the private key of ``public_key``.

    The file is written to a temporary file in the same folder and renamed into place, so a failure
    (unwritable folder, full disk) raises :class:`ReturnError` naming the file and leaves nothing behind.
    """
    return write_signed_return(out_path, content, evidence, standards_snapshot, public_key, sign).path


@dataclass(frozen=True)
class WrittenReturn:
    """A return written: its path and the SHA-256 of its ``return.json`` bytes as signed (the manifest's
    entry for it), by which a later compliance statement names this return as its baseline."""

    path: Path
    return_sha256: str


def write_signed_return(out_path: Path | str, content: dict, evidence: list[tuple[str, bytes]],
                        standards_snapshot: dict, public_key: bytes, sign: Callable[[bytes], bytes]) -> WrittenReturn:
    """:func:`write_return`, also giving the SHA-256 of the ``return.json`` written."""
    out_path = Path(out_path)
    public_key = bytes(public_key)
    if len(public_key) != PUBLIC_KEY_BYTES:
        raise ReturnError(f"The public key must be {PUBLIC_KEY_BYTES} raw bytes, not {len(public_key)}.")
    prepared, evidence_members = _prepare_content(content, evidence)
    members = [(RETURN_MEMBER, json_bytes(prepared)), (STANDARDS_MEMBER, json_bytes(standards_snapshot)),
               *evidence_members]
    _check_limits(members)
    return_sha256 = sha256_hex(members[0][1])
    manifest = json_bytes(build_manifest(members, public_key))
    signature = bytes(sign(manifest))
    try:
        matches = signature_is_valid(public_key, signature, manifest)
    except ValueError as exc:
        raise ReturnError("The public key is not an Ed25519 public key; the return was not written.") from exc
    if not matches:
        raise ReturnError("The signing key does not belong to the public key given; the return was not written.")
    members += [(MANIFEST_MEMBER, manifest), (SIGNATURE_MEMBER, signature)]
    _write_atomically(out_path, members)
    return WrittenReturn(out_path, return_sha256)


def _check_limits(members: list[tuple[str, bytes]]) -> None:
    """Refuse to write what a business unit would refuse to read (``limits.py``, ``return.schema.json``)."""
    from s11audit.returns.limits import LIMITS, megabytes
    from s11audit.returns.schema import problem

    evidence_count = len(members) - 2
    if evidence_count > LIMITS.evidence_files:
        raise ReturnError(f"The audit has {evidence_count} evidence files; a return may carry at most "
                          f"{LIMITS.evidence_files}. Combine some files (for example into one PDF) and export again.")
    sizes = {RETURN_MEMBER: LIMITS.return_json, STANDARDS_MEMBER: LIMITS.standards_json}
    for name, data in members:
        limit = sizes.get(name, LIMITS.evidence_file)
        if len(data) > limit:
            raise ReturnError(f"{name} would be {megabytes(len(data))}, more than the {megabytes(limit)} a return may "
                              "hold; the return was not written.")
    total = sum(len(data) for _, data in members)
    if total > LIMITS.total:
        raise ReturnError(f"The return would hold {megabytes(total)}, more than the {megabytes(LIMITS.total)} "
                          "allowed. Reduce the evidence and export again.")
    found = problem(RETURN_MEMBER, json.loads(members[0][1]))
    if found:
        raise ReturnError(f"The return cannot be written because a business unit would refuse it: {found}.")


def _write_atomically(out_path: Path, members: list[tuple[str, bytes]]) -> None:
    temp_name = None
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=out_path.parent)
        with os.fdopen(handle, "wb") as stream:
            write_zip(stream, members)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, _FILE_MODE)  # mkstemp makes it private; a return is a document to send
        os.replace(temp_name, out_path)
        temp_name = None
    except OSError as exc:
        raise ReturnError(f"The return could not be written to {out_path}: {exc.strerror or exc}. "
                          "Choose a folder you can write to with enough free space.") from exc
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
