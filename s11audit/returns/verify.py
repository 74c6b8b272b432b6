"""Reading and verifying a signed return (``.s11return``).

:func:`verify_return` checks a file step by step (the order in ``docs/return-format.md``) and says
exactly what is wrong; :func:`read_return` loads a return's content once it has been verified.
Every check runs on a file we do not control: the container is checked by ``container.py``
(limits and canonical ZIP form before anything is inflated), JSON is parsed by ``strict_json.py``
and ``manifest.json`` and ``return.json`` are checked against their schemas (``schema.py``) before
any field is used. A bad file is never an exception, only an invalid :class:`Verification`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from s11audit.returns import schema
from s11audit.returns.container import Container, ContainerError, open_container
from s11audit.returns.format import (EVIDENCE_FOLDER, FORMAT_MAJOR, FORMAT_NAME, KIND_FULL_AUDIT, MANIFEST_MEMBER,
                                     RETURN_MEMBER, SIGNATURE_MEMBER, STANDARDS_MEMBER, ReturnError)
from s11audit.returns.keys import PUBLIC_KEY_BYTES, SIGNATURE_BYTES, fingerprint, signature_is_valid
from s11audit.returns.limits import LIMITS, Limits
from s11audit.returns.strict_json import JsonProblem, parse
from s11audit.safe_text import bounded

_FORMAT = re.compile(rf"{re.escape(FORMAT_NAME)}/(\d+)(?:\.(\d+))?")
_log = logging.getLogger(__name__)
# What an invalid return's organisation, reference and cycle may hold when shown (they are untrusted).
_SHOWN_LIMIT = 500


@dataclass(frozen=True)
class Verification:
    """The outcome of :func:`verify_return` for one file.

    ``code`` is a stable machine-readable word (``"valid"``, ``"member-changed"``, ...); ``reason`` is the
    sentence for people. Organisation, reference and cycle come from ``return.json`` and the fingerprint
    from the manifest's public key; on an invalid return they are shown as found and cannot be trusted.
    ``kind`` is set once ``return.json`` fits its schema: ``"full_audit"`` (also when the key is absent)
    or ``"compliance_statement"``.
    """

    path: Path
    valid: bool
    reason: str
    code: str
    organisation: str | None = None
    reference: str | None = None
    cycle: str | None = None
    fingerprint: str | None = None
    kind: str | None = None


class _Invalid(Exception):
    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code, self.reason = code, reason


def format_major(value: object) -> int:
    """The major version of a format string such as ``"s11audit-return/1"`` (or ``".../1.2"``)."""
    match = _FORMAT.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        from s11audit.safe_text import shown

        raise _Invalid("unsupported-format", f"format {shown(value, 60)} is not an s11audit return format")
    return int(match.group(1))


def _check_format(value: object, where: str) -> None:
    major = format_major(value)
    if major > FORMAT_MAJOR:
        raise _Invalid("unsupported-format", f"{where} is in format {value}, newer than this version of s11audit "
                                             f"reads ({FORMAT_NAME}/{FORMAT_MAJOR}); update s11audit to read it")


def _json(container: Container, name: str, code: str) -> dict:
    return _parsed(container.read(name), name, code, container.limits)


def _parsed(data: bytes, name: str, code: str, limits: Limits) -> dict:
    try:
        value = parse(data, name, limits)
    except JsonProblem as exc:
        raise _Invalid(code, str(exc)) from exc
    if not isinstance(value, dict):
        raise _Invalid(code, f"{name} is not a JSON object")
    return value


def _peek(container: Container, found: dict) -> None:
    """Organisation and cycle as written, for the report even when the return turns out invalid.

    Only text is kept, cut to a bounded length: the values are untrusted and may be anything. The bytes
    read and what parsing them gave are kept (``_return_bytes``, ``_return_json`` or ``_return_problem``)
    so that the checks below hash and use these very bytes instead of reading and parsing them again.
    """
    def text(value: object) -> str | None:
        return bounded(value, _SHOWN_LIMIT) if isinstance(value, str) else None

    if RETURN_MEMBER not in container.members:
        return
    try:
        found["_return_bytes"] = container.read(RETURN_MEMBER)
    except ContainerError:
        return  # the checks below report what is wrong
    try:
        content = found["_return_json"] = _parsed(found["_return_bytes"], RETURN_MEMBER, "bad-return-json",
                                                  container.limits)
    except _Invalid as exc:
        found["_return_problem"] = exc  # reported in its turn, after the signature and members
        return
    organisation = content.get("organisation")
    if isinstance(organisation, dict):
        found.update(organisation=text(organisation.get("name")), reference=text(organisation.get("reference")))
    found["cycle"] = text(content.get("cycle"))


def _public_key(manifest: dict) -> bytes:
    try:
        key = base64.b64decode(manifest.get("public_key", ""), validate=True)
    except (binascii.Error, TypeError, ValueError) as exc:
        raise _Invalid("bad-manifest", "manifest.json's public key is not valid base64") from exc
    if len(key) != PUBLIC_KEY_BYTES:
        raise _Invalid("bad-manifest", f"manifest.json's public key is {len(key)} bytes, not {PUBLIC_KEY_BYTES}")
    return key


def _listed_members(container: Container, manifest: dict) -> dict[str, dict]:
    """The manifest's members, which must be exactly the archive's others, in the archive's order."""
    listed: dict[str, dict] = {}
    for entry in manifest["members"]:
        if entry["name"] in listed or entry["name"] in (MANIFEST_MEMBER, SIGNATURE_MEMBER):
            raise _Invalid("bad-manifest", f"manifest.json lists {bounded(entry['name'], 100)} more than once or "
                                           "lists itself")
        listed[entry["name"]] = entry
    for required in (RETURN_MEMBER, STANDARDS_MEMBER):
        if required not in listed:
            raise _Invalid("bad-manifest", f"manifest.json does not list {required}")
    names = container.names
    for name in listed:
        if name not in container.members:
            raise _Invalid("member-missing", f"member {bounded(name, 100)} is listed in the manifest but missing from "
                                             "the return")
    for name in names:
        if name not in listed and name not in (MANIFEST_MEMBER, SIGNATURE_MEMBER):
            raise _Invalid("member-added", f"member {name} is not listed in the manifest (added after signing)")
    if names != [*listed, MANIFEST_MEMBER, SIGNATURE_MEMBER]:
        raise _Invalid("not-canonical", "the members are not in the order of the manifest, with manifest.json and "
                                        "signature.bin last, as s11audit writes them")
    return listed


def _sha256(container: Container, name: str) -> str:
    digest = hashlib.sha256()
    for chunk in container.chunks(name):
        digest.update(chunk)
    return digest.hexdigest()


class Digests:
    """The SHA-256 of ``standards.json`` as found in earlier returns, known again by its stored bytes.

    Returns made against one set carry the same ``standards.json`` (the largest member), deflated by the
    same writer to the same bytes. Inflating the same bytes gives the same bytes, so a member whose header
    (method, CRC, size) and stored bytes are those of one inflated (CRC and sizes checked) and hashed
    before has that SHA-256: compared byte for byte, never trusted from a hash of the stored bytes. One
    entry, the last seen; for importing many returns (``verify_and_read(digests=...)``).
    """

    members = (STANDARDS_MEMBER,)

    def __init__(self) -> None:
        self._last: dict[str, tuple[tuple[int, int, int, bytes], str]] = {}

    def sha256(self, container: Container, name: str) -> str:
        member = container.members[name]
        key = (member.method, member.crc, member.size, container.stored(name))
        last = self._last.get(name)
        if last is not None and last[0] == key:
            return last[1]
        digest = _sha256(container, name)  # inflates and checks the CRC and sizes; raises if damaged
        self._last[name] = (key, digest)
        return digest


def _check_members(container: Container, listed: dict[str, dict], held: dict[str, bytes],
                   digests: Digests | None = None) -> None:
    """Each member's size and SHA-256 against the manifest; ``held`` members were read already (these bytes
    are used)."""
    for name, entry in listed.items():
        size = container.members[name].size
        if size != entry["size"]:
            raise _Invalid("member-changed", f"member {name} has changed since signing: it is {size} bytes, "
                                             f"the manifest says {entry['size']}")
        if name in held:
            actual = hashlib.sha256(held[name]).hexdigest()
        elif digests is not None and name in digests.members:
            actual = digests.sha256(container, name)
        else:
            actual = _sha256(container, name)
        if actual != entry["sha256"]:
            raise _Invalid("member-changed", f"member {name} has changed since signing: its SHA-256 is "
                                             f"{actual[:16]}…, the manifest says {entry['sha256'][:16]}…")


def _check_evidence(content: dict, listed: dict[str, dict]) -> None:
    described: set[str] = set()
    carried = content.get("return_evidence", "files")
    if carried == "none" and content["evidence"]:
        raise _Invalid("evidence-mismatch", "return.json says it carries no evidence (return_evidence none) but "
                                            "its evidence list is not empty")
    for position, entry in enumerate(content["evidence"], start=1):
        label = f"evidence {bounded(entry['id'], 60)!r} ({bounded(entry.get('name', ''), 80)})"
        if entry.get("included", True) is False:
            if "member" in entry:
                raise _Invalid("evidence-mismatch", f"{label} is listed as not included but names member "
                                                    f"{bounded(entry['member'], 100)!r}")
            continue
        if carried != "files":
            raise _Invalid("evidence-mismatch", f"{label} is carried, but return.json says the return carries "
                                                f"{'only a list of' if carried == 'list' else 'no'} evidence")
        if "member" not in entry:
            raise _Invalid("evidence-mismatch", f"{label} names no member and is not marked as not included")
        member = entry["member"]
        if member not in listed or not member.startswith(f"{EVIDENCE_FOLDER}{position}-"):
            raise _Invalid("evidence-mismatch", f"{label} names member {bounded(member, 100)!r}, which is not "
                                                f"evidence file {position} in the return")
        if member in described:
            raise _Invalid("evidence-mismatch", f"{label} names member {member}, which another entry names too")
        if entry["sha256"] != listed[member]["sha256"]:
            raise _Invalid("evidence-mismatch", f"{label}: return.json gives SHA-256 {entry['sha256'][:16]}…"
                                                f" but {member} has {listed[member]['sha256'][:16]}…")
        if entry["size"] != listed[member]["size"]:
            raise _Invalid("evidence-mismatch", f"{label}: return.json gives size {entry['size']} but "
                                                f"{member} is {listed[member]['size']} bytes")
        described.add(member)
    for name in (n for n in listed if n.startswith(EVIDENCE_FOLDER) and n not in described):
        raise _Invalid("evidence-mismatch", f"member {name} is not described in return.json's evidence list")


def signed_manifest(container: Container, noun: str, check_format: Callable[[object], None],
                    seen_key: Callable[[bytes], None] | None = None) -> tuple[dict, bytes]:
    """manifest.json read and its format checked (``check_format``), then signature.bin checked against the
    manifest's own key (given to ``seen_key`` before the signature is checked, so a refusal can still name
    it): (the manifest, the raw public key). Shared by returns and evidence supplements (``noun`` names
    which in the messages); the manifest's schema is checked by the caller."""
    if MANIFEST_MEMBER not in container.members:
        raise _Invalid("no-manifest", f"manifest.json is missing; this is not a signed {noun} or it has been altered")
    manifest_bytes = container.read(MANIFEST_MEMBER)
    manifest = _json(container, MANIFEST_MEMBER, "bad-manifest")
    check_format(manifest.get("format"))
    public_key = _public_key(manifest)
    if seen_key is not None:
        seen_key(public_key)
    if SIGNATURE_MEMBER not in container.members:
        raise _Invalid("no-signature", f"signature.bin is missing; the {noun} is not signed")
    signature = container.read(SIGNATURE_MEMBER)
    if len(signature) != SIGNATURE_BYTES:
        raise _Invalid("bad-signature", f"signature.bin is malformed: {len(signature)} bytes, "
                                        f"an Ed25519 signature is {SIGNATURE_BYTES}")
    try:
        matches = signature_is_valid(public_key, signature, manifest_bytes)
    except ValueError as exc:
        raise _Invalid("bad-manifest", "manifest.json's public key is not an Ed25519 public key") from exc
    if not matches:
        raise _Invalid("signature-mismatch", f"the signature does not match manifest.json: the {noun} was changed "
                                             "after signing or the signature was made with another key")
    return manifest, public_key


def _check_signature(container: Container, found: dict, expected_fingerprint: str | None) -> tuple[dict, bytes]:
    """Steps 2-8: the manifest, its key and signature and its schema; returns the manifest and key."""
    manifest, public_key = signed_manifest(
        container, "return", lambda value: _check_format(value, MANIFEST_MEMBER),
        lambda key: found.__setitem__("fingerprint", fingerprint(key)))
    problem = schema.problem(MANIFEST_MEMBER, manifest)
    if problem:
        raise _Invalid("bad-manifest", problem)
    if manifest["key_fingerprint"] != found["fingerprint"]:
        raise _Invalid("bad-manifest", "manifest.json's key fingerprint does not belong to its public key")
    if expected_fingerprint is not None and expected_fingerprint.replace(" ", "").lower() != \
            found["fingerprint"].replace(" ", ""):
        raise _Invalid("unexpected-key", f"signed with key {found['fingerprint']}, not the expected "
                                         f"{expected_fingerprint}")
    return manifest, public_key


def _check(container: Container, found: dict, expected_fingerprint: str | None, digests: Digests | None = None) -> int:
    """Run every check in order; raises :class:`_Invalid` at the first failure, else returns the member count.

    What was read on the way (``manifest``, ``content``, ``public_key``) is left in ``found`` under keys
    starting with ``_`` for :func:`verify_and_read`.
    """
    _peek(container, found)
    manifest, public_key = _check_signature(container, found, expected_fingerprint)
    found["_manifest"], found["_public_key"] = manifest, public_key
    listed = _listed_members(container, manifest)
    held = {RETURN_MEMBER: found["_return_bytes"]} if "_return_bytes" in found else {}
    _check_members(container, listed, held, digests)
    if "_return_problem" in found:
        raise found["_return_problem"]
    content = found["_return_json"] if "_return_json" in found else _json(container, RETURN_MEMBER, "bad-return-json")
    _check_format(content.get("format"), RETURN_MEMBER)
    problem = schema.problem(RETURN_MEMBER, content)
    if problem:
        raise _Invalid("bad-return-json", problem)
    _check_evidence(content, listed)
    found["_content"] = content
    found["kind"] = content.get("kind", KIND_FULL_AUDIT)
    return len(listed)


def verify_return(path: Path | str, expected_fingerprint: str | None = None) -> Verification:
    """Check a return file; never raises for a bad file, the :class:`Verification` says what is wrong.

    With ``expected_fingerprint`` (the organisation's known key) a return signed by any other key is invalid.
    """
    return verify_and_read(path, expected_fingerprint)[0]


def _shown(found: dict) -> dict:
    return {key: value for key, value in found.items() if not key.startswith("_")}


def verify_and_read(path: Path | str, expected_fingerprint: str | None = None, limits: Limits = LIMITS,
                    known_standards: dict[str, dict] | None = None,
                    digests: Digests | None = None) -> tuple[Verification, SignedReturn | None]:
    """Verify a return and, when valid, load it from the same opening of the file (one read, not two).

    Returns the :class:`Verification` and the :class:`SignedReturn` (``None`` when invalid); never raises
    for a bad file. For importing many returns, where reading each file twice would double the time.
    ``known_standards`` maps the SHA-256 of ``standards.json`` bytes the caller already holds to their
    content: a return carrying exactly those bytes (checked against the manifest like every member)
    is given that content instead of parsing the largest member again; ``digests`` (one per import) spares
    inflating and hashing it again when its stored bytes are the ones seen last (:class:`Digests`).
    """
    path = Path(path)
    found: dict = {}
    try:
        with open_container(path, limits) as container:
            count = _check(container, found, expected_fingerprint, digests)
            listed = {m["name"]: m["sha256"] for m in found["_manifest"]["members"]}
            standards = (known_standards or {}).get(listed[STANDARDS_MEMBER])
            if standards is None:
                standards = _json(container, STANDARDS_MEMBER, "bad-standards")
    except (_Invalid, ContainerError) as exc:
        return Verification(path, False, exc.reason, exc.code, **_shown(found)), None
    except OSError as exc:
        return Verification(path, False, f"the file cannot be read ({exc.strerror or exc})", "unreadable",
                            **_shown(found)), None
    except Exception as exc:  # noqa: BLE001 - a fault of ours must not stop a batch; it is logged in full
        _log.exception("Unexpected error while verifying %s", path)
        from s11audit.logs import where

        return Verification(path, False, f"s11audit could not check this file because of a fault in s11audit itself "
                                         f"({type(exc).__name__}); the details are in {where()}", "internal-error",
                            **_shown(found)), None
    verification = Verification(path, True, f"signature valid; all {count} members match the manifest", "valid",
                                **_shown(found))
    return verification, SignedReturn(path, found["_content"], found["_manifest"], standards, found["_public_key"],
                                      found["fingerprint"], verification)


def content_id(public_key: bytes, content: dict) -> str:
    """The identity of a signed return: SHA-256 of the signer's raw key and ``return.json`` in canonical form.

    ``return.json`` pins every evidence file (its SHA-256) and the standards set (its content hash), so
    two files with the same key and content are the same return whatever their ZIP bytes. The canonical
    form is compact UTF-8 JSON with sorted keys (``canonical_json``).
    """
    return hashlib.sha256(bytes(public_key) + canonical_json(content)).hexdigest()


def canonical_json(value: object) -> bytes:
    """UTF-8 JSON with sorted keys and no spaces: one text for one value, quick to make."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class SignedReturn:
    """A return loaded by :func:`read_return`: its content, manifest, standards snapshot and key."""

    path: Path
    content: dict
    manifest: dict
    standards: dict
    public_key: bytes
    fingerprint: str
    verification: Verification | None = field(default=None, compare=False)

    @property
    def kind(self) -> str:
        """``"full_audit"`` (also when ``return.json`` has no ``kind``, as every return before statements)
        or ``"compliance_statement"``."""
        kind = self.content.get("kind", KIND_FULL_AUDIT)
        return kind if isinstance(kind, str) else KIND_FULL_AUDIT

    @property
    def evidence(self) -> list[dict]:
        """The evidence entries from ``return.json`` whose files the return carries, in order (a file listed
        with ``included: false`` is not among them: see :attr:`listed_evidence`)."""
        return [e for e in self.content.get("evidence", []) if e.get("included", True) is not False]

    @property
    def listed_evidence(self) -> list[dict]:
        """The entries of files listed but not carried (``included: false``): the organisation keeps them."""
        return [e for e in self.content.get("evidence", []) if e.get("included", True) is False]

    @property
    def return_evidence(self) -> str:
        """What the return carries of the evidence: ``"files"`` (also when ``return.json`` does not say, as
        every return before it), ``"list"`` (entries with ``included: false``, no bytes) or ``"none"``."""
        value = self.content.get("return_evidence", "files")
        return value if value in ("files", "list", "none") else "files"

    @cached_property
    def canonical(self) -> bytes:
        """``return.json``'s content in canonical form (``canonical_json``), made once: the importer hashes
        and stores it."""
        return canonical_json(self.content)

    @cached_property
    def content_id(self) -> str:
        return hashlib.sha256(bytes(self.public_key) + self.canonical).hexdigest()  # as ``content_id()`` gives it

    def member_bytes(self, name: str) -> bytes:
        """The bytes of any member, read from the file when asked for (checked again as it is read)."""
        try:
            with open_container(self.path) as container:
                if name not in container.members:
                    raise ReturnError(f"{self.path} has no member {name}.")
                return container.read(name)
        except ContainerError as exc:
            raise ReturnError(f"{self.path} cannot be read: {exc.reason}.") from exc
        except OSError as exc:
            raise ReturnError(f"{self.path} cannot be read: {exc.strerror or exc}.") from exc

    def evidence_bytes(self, evidence_id: object) -> bytes:
        """The file bytes of the evidence whose ``id`` is ``evidence_id`` (compared as text)."""
        for entry in self.content.get("evidence", []):
            if str(entry.get("id")) == str(evidence_id):
                if "member" not in entry:
                    raise ReturnError(f"{self.path} lists evidence {evidence_id!r} but does not carry it: the "
                                      "organisation keeps it.")
                return self.member_bytes(entry["member"])
        raise ReturnError(f"{self.path} has no evidence {evidence_id!r}.")


def read_return(path: Path | str, verify: bool = True) -> SignedReturn:
    """Load a return; by default it must verify first, else :class:`ReturnError` gives the reason.

    ``verify=False`` loads an unverified return (to show what an invalid file claims); trust nothing in
    it. Its container must still be sound and its JSON members readable.
    """
    path = Path(path)
    if verify:
        verification, signed = verify_and_read(path)
        if signed is None:
            raise ReturnError(f"{path} is not a valid signed return: {verification.reason}.")
        return signed
    try:
        with open_container(path) as container:
            manifest = _json(container, MANIFEST_MEMBER, "bad-manifest")
            content = _json(container, RETURN_MEMBER, "bad-return-json")
            standards = _json(container, STANDARDS_MEMBER, "bad-standards")
            public_key = _public_key(manifest)
    except (_Invalid, ContainerError) as exc:
        raise ReturnError(f"{path} cannot be read: {exc.reason}.") from exc
    except KeyError as exc:
        raise ReturnError(f"{path} cannot be read: member {exc.args[0]} is missing.") from exc
    except OSError as exc:
        raise ReturnError(f"{path} cannot be read as a return: {exc.strerror or exc}.") from exc
    return SignedReturn(path, content, manifest, standards, public_key, fingerprint(public_key), None)
