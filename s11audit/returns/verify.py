"""Reading and verifying a signed return (``.s11return``).

:func:`verify_return` checks a file step by step (the order in ``docs/return-format.md``) and says
exactly what is wrong; :func:`read_return` loads a return's content once it has been verified.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from s11audit.returns.format import (EVIDENCE_FOLDER, FORMAT_MAJOR, FORMAT_NAME, MANIFEST_MEMBER, RETURN_MEMBER,
                                     SIGNATURE_MEMBER, STANDARDS_MEMBER, ReturnError)
from s11audit.returns.keys import PUBLIC_KEY_BYTES, SIGNATURE_BYTES, fingerprint, signature_is_valid

_FORMAT = re.compile(rf"{re.escape(FORMAT_NAME)}/(\d+)(?:\.(\d+))?")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Verification:
    """The outcome of :func:`verify_return` for one file.

    ``code`` is a stable machine-readable word (``"valid"``, ``"member-changed"``, ...); ``reason`` is the
    sentence for people. Organisation, reference and cycle come from ``return.json`` and the fingerprint
    from the manifest's public key; on an invalid return they are shown as found and cannot be trusted.
    """

    path: Path
    valid: bool
    reason: str
    code: str
    organisation: str | None = None
    reference: str | None = None
    cycle: str | None = None
    fingerprint: str | None = None


class _Invalid(Exception):
    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code, self.reason = code, reason


def format_major(value: object) -> int:
    """The major version of a format string such as ``"s11audit-return/1"`` (or ``".../1.2"``)."""
    match = _FORMAT.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise _Invalid("unsupported-format", f"format {value!r} is not an s11audit return format")
    return int(match.group(1))


def _check_format(value: object, where: str) -> None:
    major = format_major(value)
    if major > FORMAT_MAJOR:
        raise _Invalid("unsupported-format", f"{where} is in format {value}, newer than this version of s11audit "
                                             f"reads ({FORMAT_NAME}/{FORMAT_MAJOR}); update s11audit to read it")


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise _Invalid("member-damaged", f"member {name} is damaged and cannot be read ({exc})") from exc


def _sha256_of(archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
        raise _Invalid("member-damaged", f"member {name} is damaged and cannot be read ({exc})") from exc
    return digest.hexdigest()


def _json(data: bytes, name: str, code: str) -> dict:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _Invalid(code, f"{name} is not valid JSON ({exc})") from exc
    if not isinstance(value, dict):
        raise _Invalid(code, f"{name} is not a JSON object")
    return value


def _peek(archive: zipfile.ZipFile, names: set[str], found: dict) -> None:
    """Organisation and cycle as written, for the report even when the return turns out invalid."""
    try:
        content = json.loads(archive.read(RETURN_MEMBER)) if RETURN_MEMBER in names else {}
        organisation = content.get("organisation") or {}
        found.update(organisation=organisation.get("name"), reference=organisation.get("reference"),
                     cycle=None if content.get("cycle") is None else str(content.get("cycle")))
    except Exception:  # noqa: BLE001 - a best-effort peek; the checks below report what is wrong
        pass


def _public_key(manifest: dict) -> bytes:
    try:
        key = base64.b64decode(manifest.get("public_key", ""), validate=True)
    except (binascii.Error, TypeError, ValueError) as exc:
        raise _Invalid("bad-manifest", "manifest.json's public key is not valid base64") from exc
    if len(key) != PUBLIC_KEY_BYTES:
        raise _Invalid("bad-manifest", f"manifest.json's public key is {len(key)} bytes, not {PUBLIC_KEY_BYTES}")
    return key


def _listed_members(manifest: dict) -> dict[str, dict]:
    members = manifest.get("members")
    if not isinstance(members, list):
        raise _Invalid("bad-manifest", "manifest.json has no members list")
    listed: dict[str, dict] = {}
    for entry in members:
        if not (isinstance(entry, dict) and isinstance(entry.get("name"), str)
                and isinstance(entry.get("sha256"), str) and _SHA256.fullmatch(entry["sha256"])
                and isinstance(entry.get("size"), int) and entry["size"] >= 0):
            raise _Invalid("bad-manifest", f"manifest.json has a malformed member entry: {entry!r}")
        if entry["name"] in listed or entry["name"] in (MANIFEST_MEMBER, SIGNATURE_MEMBER):
            raise _Invalid("bad-manifest", f"manifest.json lists {entry['name']} more than once or lists itself")
        listed[entry["name"]] = entry
    for required in (RETURN_MEMBER, STANDARDS_MEMBER):
        if required not in listed:
            raise _Invalid("bad-manifest", f"manifest.json does not list {required}")
    return listed


def _check_members(archive: zipfile.ZipFile, names: set[str], listed: dict[str, dict]) -> None:
    for name in listed:
        if name not in names:
            raise _Invalid("member-missing", f"member {name} is listed in the manifest but missing from the return")
    for name in sorted(names - set(listed) - {MANIFEST_MEMBER, SIGNATURE_MEMBER}):
        raise _Invalid("member-added", f"member {name} is not listed in the manifest (added after signing)")
    for name, entry in listed.items():
        size = archive.getinfo(name).file_size
        if size != entry["size"]:
            raise _Invalid("member-changed", f"member {name} has changed since signing: it is {size} bytes, "
                                             f"the manifest says {entry['size']}")
        actual = _sha256_of(archive, name)
        if actual != entry["sha256"]:
            raise _Invalid("member-changed", f"member {name} has changed since signing: its SHA-256 is "
                                             f"{actual[:16]}…, the manifest says {entry['sha256'][:16]}…")


def _check_evidence(content: dict, listed: dict[str, dict]) -> None:
    evidence = content.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(entry, dict) for entry in evidence):
        raise _Invalid("bad-return-json", "return.json's evidence is not a list of objects")
    described = set()
    for entry in evidence:
        label = f"evidence {entry.get('id')!r} ({entry.get('name', '')})"
        member = entry.get("member")
        if member not in listed or not str(member).startswith(EVIDENCE_FOLDER):
            raise _Invalid("evidence-mismatch", f"{label} names member {member!r}, which is not in the return")
        if entry.get("sha256") != listed[member]["sha256"]:
            raise _Invalid("evidence-mismatch", f"{label}: return.json gives SHA-256 {str(entry.get('sha256'))[:16]}…"
                                                f" but {member} has {listed[member]['sha256'][:16]}…")
        if entry.get("size") != listed[member]["size"]:
            raise _Invalid("evidence-mismatch", f"{label}: return.json gives size {entry.get('size')} but "
                                                f"{member} is {listed[member]['size']} bytes")
        described.add(member)
    for name in sorted(n for n in listed if n.startswith(EVIDENCE_FOLDER) and n not in described):
        raise _Invalid("evidence-mismatch", f"member {name} is not described in return.json's evidence list")


def _check(archive: zipfile.ZipFile, found: dict, expected_fingerprint: str | None) -> int:
    """Run every check in order; raises :class:`_Invalid` at the first failure, else returns the member count.

    What was read on the way (``manifest``, ``content``, ``public_key``, ``listed``) is left in ``found``
    under keys starting with ``_`` for :func:`verify_and_read`.
    """
    counts = Counter(archive.namelist())
    duplicated = sorted(name for name, count in counts.items() if count > 1)
    if duplicated:
        raise _Invalid("duplicate-member", f"member {duplicated[0]} appears more than once")
    names = set(counts)
    _peek(archive, names, found)
    if MANIFEST_MEMBER not in names:
        raise _Invalid("no-manifest", "manifest.json is missing; this is not a signed return or it has been altered")
    manifest_bytes = _read(archive, MANIFEST_MEMBER)
    manifest = _json(manifest_bytes, MANIFEST_MEMBER, "bad-manifest")
    _check_format(manifest.get("format"), MANIFEST_MEMBER)
    public_key = _public_key(manifest)
    found["fingerprint"] = fingerprint(public_key)
    found["_manifest"], found["_public_key"] = manifest, public_key
    if SIGNATURE_MEMBER not in names:
        raise _Invalid("no-signature", "signature.bin is missing; the return is not signed")
    signature = _read(archive, SIGNATURE_MEMBER)
    if len(signature) != SIGNATURE_BYTES:
        raise _Invalid("bad-signature", f"signature.bin is malformed: {len(signature)} bytes, "
                                        f"an Ed25519 signature is {SIGNATURE_BYTES}")
    try:
        matches = signature_is_valid(public_key, signature, manifest_bytes)
    except ValueError as exc:
        raise _Invalid("bad-manifest", "manifest.json's public key is not an Ed25519 public key") from exc
    if not matches:
        raise _Invalid("signature-mismatch", "the signature does not match manifest.json: the manifest was changed "
                                             "after signing or the signature was made with another key")
    if manifest.get("key_fingerprint") != found["fingerprint"]:
        raise _Invalid("bad-manifest", "manifest.json's key fingerprint does not belong to its public key")
    if expected_fingerprint is not None and expected_fingerprint.replace(" ", "").lower() != \
            found["fingerprint"].replace(" ", ""):
        raise _Invalid("unexpected-key", f"signed with key {found['fingerprint']}, not the expected "
                                         f"{expected_fingerprint}")
    listed = _listed_members(manifest)
    _check_members(archive, names, listed)
    content = _json(_read(archive, RETURN_MEMBER), RETURN_MEMBER, "bad-return-json")
    _check_format(content.get("format"), RETURN_MEMBER)
    _check_evidence(content, listed)
    found["_content"], found["_listed"] = content, listed
    return len(listed)


def verify_return(path: Path | str, expected_fingerprint: str | None = None) -> Verification:
    """Check a return file; never raises for a bad file, the :class:`Verification` says what is wrong.

    With ``expected_fingerprint`` (the organisation's known key) a return signed by any other key is invalid.
    """
    return verify_and_read(path, expected_fingerprint)[0]


def _shown(found: dict) -> dict:
    return {key: value for key, value in found.items() if not key.startswith("_")}


def verify_and_read(path: Path | str, expected_fingerprint: str | None = None,
                    ) -> tuple[Verification, SignedReturn | None]:
    """Verify a return and, when valid, load it from the same opening of the file (one read, not two).

    Returns the :class:`Verification` and the :class:`SignedReturn` (``None`` when invalid); never raises
    for a bad file. For importing many returns, where reading each file twice would double the time.
    """
    path = Path(path)
    found: dict = {}
    try:
        with zipfile.ZipFile(path) as archive:
            count = _check(archive, found, expected_fingerprint)
            standards = _json(_read(archive, STANDARDS_MEMBER), STANDARDS_MEMBER, "bad-standards")
    except _Invalid as exc:
        return Verification(path, False, exc.reason, exc.code, **_shown(found)), None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        return Verification(path, False, f"not a return: the file is not a readable ZIP archive ({exc})",
                            "not-a-zip", **_shown(found)), None
    except OSError as exc:
        return Verification(path, False, f"the file cannot be read ({exc.strerror or exc})", "unreadable",
                            **_shown(found)), None
    verification = Verification(path, True, f"signature valid; all {count} members match the manifest", "valid",
                                **_shown(found))
    return verification, SignedReturn(path, found["_content"], found["_manifest"], standards, found["_public_key"],
                                      found["fingerprint"], verification)


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
    def evidence(self) -> list[dict]:
        """The evidence metadata entries from ``return.json``, in order."""
        return list(self.content.get("evidence", []))

    def member_bytes(self, name: str) -> bytes:
        """The bytes of any member, read from the file when asked for."""
        try:
            with zipfile.ZipFile(self.path) as archive:
                return archive.read(name)
        except KeyError as exc:
            raise ReturnError(f"{self.path} has no member {name}.") from exc
        except (OSError, zipfile.BadZipFile, zlib.error) as exc:
            raise ReturnError(f"{self.path} cannot be read: {exc}") from exc

    def evidence_bytes(self, evidence_id: object) -> bytes:
        """The file bytes of the evidence whose ``id`` is ``evidence_id`` (compared as text)."""
        for entry in self.evidence:
            if str(entry.get("id")) == str(evidence_id):
                return self.member_bytes(entry["member"])
        raise ReturnError(f"{self.path} has no evidence {evidence_id!r}.")


def read_return(path: Path | str, verify: bool = True) -> SignedReturn:
    """Load a return; by default it must verify first, else :class:`ReturnError` gives the reason.

    ``verify=False`` loads an unverified return (to show what an invalid file claims); trust nothing in it.
    """
    path = Path(path)
    verification = verify_return(path) if verify else None
    if verification is not None and not verification.valid:
        raise ReturnError(f"{path} is not a valid signed return: {verification.reason}.")
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _json(_read(archive, MANIFEST_MEMBER), MANIFEST_MEMBER, "bad-manifest")
            content = _json(_read(archive, RETURN_MEMBER), RETURN_MEMBER, "bad-return-json")
            standards = _json(_read(archive, STANDARDS_MEMBER), STANDARDS_MEMBER, "bad-standards")
            public_key = _public_key(manifest)
    except _Invalid as exc:
        raise ReturnError(f"{path} cannot be read: {exc.reason}.") from exc
    except KeyError as exc:
        raise ReturnError(f"{path} cannot be read: member {exc.args[0]} is missing.") from exc
    except (OSError, zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise ReturnError(f"{path} cannot be read as a return: {exc}.") from exc
    return SignedReturn(path, content, manifest, standards, public_key, fingerprint(public_key), verification)
