"""Signed returns: write then verify, and every kind of tampering fails with its own reason."""

from __future__ import annotations

import base64
import datetime as dt
import errno
import json
import os
import sys
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from s11audit.returns import (FORMAT, ReturnError, fingerprint, read_return, signer, trail_summary, verify_return,
                              write_return)
from s11audit.returns import format as fmt

RAW = serialization.Encoding.Raw
STANDARDS = {"id": "s175", "version": "2026.1", "title": "Schools (s175/157)",
             "standards": [{"id": "1", "title": "Leadership", "grades": ["Met", "Partly met", "Not met"]}]}
EVIDENCE = [("7", b"%PDF-1.7 policy " * 40), ("9", bytes(range(256)) * 8)]


def _public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(RAW, serialization.PublicFormat.Raw)


def _content() -> dict:
    return {
        "created_at": "2026-11-23T10:00:00+00:00",
        "organisation": {"name": "Ysgol Gymraeg Llanfair — 学校", "reference": "URN 123456", "kind": "school",
                         "org_type": "primary", "contact": {"name": "A. Lead", "email": "lead@example.org"}},
        "cycle": "2026-27", "audit_version": 1,
        "standards_set": {"id": "s175", "version": "2026.1", "content_hash": "c0ffee" * 10 + "abcd"},
        "standards": [{"standard_id": "1", "grade": "Met", "not_applicable": False, "na_reason": "",
                       "narrative": "Governors review the policy each year. Ελληνικά.", "example": "Minutes"}],
        "item_answers": [{"item_id": "1.1", "value": True, "comment": ""}],
        "evidence": [
            {"id": 7, "name": "Safeguarding policy", "original_name": "policy 2026 (final).pdf",
             "description": "Adopted policy", "media_type": "application/pdf", "added_by": "A. Lead",
             "added_at": dt.datetime(2026, 10, 1, 9, 30), "links": [{"standard_id": "1", "item_id": "1.1"}]},
            {"id": 9, "name": "Training log", "original_name": "training.xlsx", "description": "",
             "media_type": "application/octet-stream", "added_by": "A. Lead", "added_at": "2026-10-02T09:00:00",
             "links": []},
        ],
        "action_plan": [{"standard_id": "1", "action": "Refresh training", "owner": "DSL",
                         "due_date": dt.date(2027, 3, 1), "status": "open", "progress_notes": ""}],
        "sign_off": {"declaration": "We confirm this return is accurate.", "signed_at": "2026-11-23T09:55:00+00:00",
                     "signatories": [{"role": "Headteacher", "name": "B. Head", "signed_on": "2026-11-23",
                                      "confirmed_read": True}]},
        "audit_trail": trail_summary([{"at": "2026-10-01T09:00:00", "user": "A. Lead", "action": "created"},
                                      {"at": "2026-11-23T09:55:00", "user": "B. Head", "action": "signed"}]),
    }


@pytest.fixture()
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture()
def signed(tmp_path: Path, key: Ed25519PrivateKey) -> Path:
    return write_return(tmp_path / "school.s11return", _content(), EVIDENCE, STANDARDS, _public(key), key.sign)


def _members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def _rewrite(path: Path, members: list[tuple[str, bytes]]) -> Path:
    out = path.with_name("tampered.s11return")
    fmt.write_zip(out, members)
    return out


def _replace(members: list[tuple[str, bytes]], name: str, data: bytes) -> list[tuple[str, bytes]]:
    assert name in dict(members)
    return [(n, data if n == name else d) for n, d in members]


def _flip(data: bytes, at: int | None = None) -> bytes:
    at = len(data) // 2 if at is None else at
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def _resigned(members: list[tuple[str, bytes]], key: Ed25519PrivateKey, manifest_format: str = FORMAT):
    """Members with a fresh manifest and a valid signature, as a careful forger with the key would make."""
    body = [(n, d) for n, d in members if n not in (fmt.MANIFEST_MEMBER, fmt.SIGNATURE_MEMBER)]
    manifest = fmt.build_manifest(body, _public(key))
    manifest["format"] = manifest_format
    manifest_bytes = fmt.json_bytes(manifest)
    return [*body, (fmt.MANIFEST_MEMBER, manifest_bytes), (fmt.SIGNATURE_MEMBER, key.sign(manifest_bytes))]


def _evidence_member(path: Path, index: int = 0) -> str:
    return [n for n, _ in _members(path) if n.startswith("evidence/")][index]


def _invalid(path: Path, code: str, *words: str):
    result = verify_return(path)
    assert not result.valid
    assert result.code == code, result.reason
    for word in words:
        assert word in result.reason
    return result


def test_write_then_verify_and_read(signed: Path, key: Ed25519PrivateKey):
    result = verify_return(signed)
    assert result.valid and result.code == "valid", result.reason
    assert result.organisation == "Ysgol Gymraeg Llanfair — 学校"
    assert result.cycle == "2026-27" and result.reference == "URN 123456"
    assert result.fingerprint == fingerprint(_public(key))
    names = [n for n, _ in _members(signed)]
    assert names == ["return.json", "standards.json", "evidence/1-policy_2026_final_.pdf", "evidence/2-training.xlsx",
                     "manifest.json", "signature.bin"]

    loaded = read_return(signed)
    assert loaded.content["format"] == FORMAT == "s11audit-return/1"
    assert loaded.content["app_version"]
    assert loaded.standards == STANDARDS
    assert loaded.public_key == _public(key) and loaded.fingerprint == result.fingerprint
    assert loaded.evidence_bytes(7) == EVIDENCE[0][1] and loaded.evidence_bytes("9") == EVIDENCE[1][1]
    policy = loaded.evidence[0]
    assert policy["size"] == len(EVIDENCE[0][1]) and policy["member"] == names[2]
    assert policy["added_at"] == "2026-10-01T09:30:00"
    assert loaded.content["action_plan"][0]["due_date"] == "2027-03-01"
    manifest = loaded.manifest
    assert [m["name"] for m in manifest["members"]] == names[:4]
    assert base64.b64decode(manifest["public_key"]) == _public(key)
    assert manifest["key_fingerprint"] == result.fingerprint


def test_fingerprint_is_16_hex_digits_in_fours(key: Ed25519PrivateKey):
    text = fingerprint(_public(key))
    groups = text.split(" ")
    assert len(groups) == 4 and all(len(g) == 4 and int(g, 16) >= 0 for g in groups)
    assert fingerprint(_public(key)) == text != fingerprint(_public(Ed25519PrivateKey.generate()))


def test_output_is_deterministic(tmp_path: Path, key: Ed25519PrivateKey):
    first = write_return(tmp_path / "a.s11return", _content(), EVIDENCE, STANDARDS, _public(key), key.sign)
    second = write_return(tmp_path / "b.s11return", _content(), EVIDENCE, STANDARDS, _public(key), key.sign)
    assert first.read_bytes() == second.read_bytes()
    if sys.platform != "win32":
        assert first.stat().st_mode & 0o777 == 0o644
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {fmt.ZIP_TIMESTAMP}
        assert archive.getinfo("return.json").compress_type == zipfile.ZIP_DEFLATED
        assert archive.getinfo("signature.bin").compress_type == zipfile.ZIP_STORED


def test_already_compressed_evidence_is_stored_and_still_verifies(tmp_path: Path, key: Ed25519PrivateKey):
    photo = os.urandom(200_000)  # like a JPEG: deflate would gain nothing
    content = _content()
    out = write_return(tmp_path / "r.s11return", content, [("7", photo), EVIDENCE[1]], STANDARDS, _public(key),
                       key.sign)
    with zipfile.ZipFile(out) as archive:
        assert archive.getinfo(_evidence_member(out)).compress_type == zipfile.ZIP_STORED
        assert archive.getinfo(_evidence_member(out, 1)).compress_type == zipfile.ZIP_DEFLATED
    assert verify_return(out).valid and read_return(out).evidence_bytes(7) == photo


def test_flipped_byte_in_return_json(signed: Path):
    members = _members(signed)
    tampered = _rewrite(signed, _replace(members, "return.json", _flip(dict(members)["return.json"])))
    _invalid(tampered, "member-changed", "return.json", "SHA-256")


def test_flipped_byte_in_an_evidence_member(signed: Path):
    members, name = _members(signed), _evidence_member(signed)
    tampered = _rewrite(signed, _replace(members, name, _flip(dict(members)[name])))
    _invalid(tampered, "member-changed", name)


@pytest.mark.parametrize("member", ["return.json", "standards.json", "evidence/2-training.xlsx", "manifest.json",
                                    "signature.bin"])
def test_flipped_byte_anywhere_in_the_file_is_detected(signed: Path, member: str):
    """A byte flipped in a member's stored (compressed) data, as damage or tampering on disk would do."""
    with zipfile.ZipFile(signed) as archive:
        info = archive.getinfo(member)
    raw = bytearray(signed.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + info.compress_size // 2] ^= 0x01
    signed.write_bytes(bytes(raw))
    result = verify_return(signed)
    assert not result.valid
    if member in ("manifest.json", "signature.bin"):
        assert result.code in ("member-damaged", "bad-manifest", "signature-mismatch"), result.reason
    else:
        assert result.code in ("member-damaged", "member-changed") and member in result.reason, result.reason


def test_evidence_replaced_with_manifest_updated_but_not_signed(signed: Path, key: Ed25519PrivateKey):
    members, name = _members(signed), _evidence_member(signed)
    replaced = _replace(members, name, b"a different file")
    forged_manifest = dict(_resigned(replaced, key))["manifest.json"]  # new hashes; old signature kept
    tampered = _rewrite(signed, _replace(replaced, "manifest.json", forged_manifest))
    _invalid(tampered, "signature-mismatch", "manifest")


def test_manifest_edited(signed: Path):
    members = _members(signed)
    manifest = json.loads(dict(members)["manifest.json"])
    manifest["members"][0]["size"] += 1
    tampered = _rewrite(signed, _replace(members, "manifest.json", fmt.json_bytes(manifest)))
    result = _invalid(tampered, "signature-mismatch", "manifest")
    # What the file claims is still shown, for the person reading the report.
    assert result.organisation.startswith("Ysgol") and result.cycle == "2026-27" and result.fingerprint


def test_signature_removed(signed: Path):
    tampered = _rewrite(signed, [(n, d) for n, d in _members(signed) if n != "signature.bin"])
    _invalid(tampered, "no-signature", "signature.bin")


def test_signature_malformed(signed: Path):
    tampered = _rewrite(signed, _replace(_members(signed), "signature.bin", b"\x00" * 10))
    _invalid(tampered, "bad-signature", "malformed")


def test_signature_replaced_by_another_keys(signed: Path):
    members = _members(signed)
    other = Ed25519PrivateKey.generate().sign(dict(members)["manifest.json"])
    _invalid(_rewrite(signed, _replace(members, "signature.bin", other)), "signature-mismatch", "another key")


def test_whole_return_resigned_by_another_key_shows_its_fingerprint(signed: Path, key: Ed25519PrivateKey):
    forger = Ed25519PrivateKey.generate()
    tampered = _rewrite(signed, _resigned(_members(signed), forger))
    result = verify_return(tampered)  # self-consistent, but the fingerprint is not the organisation's
    assert result.valid and result.fingerprint == fingerprint(_public(forger)) != fingerprint(_public(key))
    checked = verify_return(tampered, expected_fingerprint=fingerprint(_public(key)))
    assert not checked.valid and checked.code == "unexpected-key"
    assert verify_return(signed, expected_fingerprint=fingerprint(_public(key))).valid


def test_member_added(signed: Path):
    tampered = _rewrite(signed, [*_members(signed), ("evidence/3-extra.pdf", b"slipped in later")])
    _invalid(tampered, "member-added", "evidence/3-extra.pdf")


def test_member_missing(signed: Path):
    name = _evidence_member(signed, 1)
    _invalid(_rewrite(signed, [(n, d) for n, d in _members(signed) if n != name]), "member-missing", name)


def test_duplicate_member(signed: Path):
    members = _members(signed)
    with pytest.warns(UserWarning, match="Duplicate name"):
        tampered = _rewrite(signed, [*members, ("return.json", b"{}")])
    _invalid(tampered, "duplicate-member", "return.json")


def test_manifest_missing(signed: Path):
    tampered = _rewrite(signed, [(n, d) for n, d in _members(signed) if n != "manifest.json"])
    _invalid(tampered, "no-manifest", "manifest.json")


def test_not_a_zip_and_unreadable(tmp_path: Path):
    text = tmp_path / "notes.s11return"
    text.write_text("just some text, not a return")
    _invalid(text, "not-a-zip", "ZIP")
    empty = tmp_path / "empty.s11return"
    empty.write_bytes(b"")
    _invalid(empty, "not-a-zip")
    _invalid(tmp_path / "absent.s11return", "unreadable")
    with pytest.raises(ReturnError, match=r"notes\.s11return"):
        read_return(text)


def test_newer_format_is_refused(signed: Path, key: Ed25519PrivateKey):
    newer = _rewrite(signed, _resigned(_members(signed), key, manifest_format="s11audit-return/2"))
    _invalid(newer, "unsupported-format", "s11audit-return/2", "newer")

    members = _members(signed)
    content = json.loads(dict(members)["return.json"])
    content["format"] = "s11audit-return/3.0"
    newer_content = _rewrite(signed, _resigned(_replace(members, "return.json", fmt.json_bytes(content)), key))
    _invalid(newer_content, "unsupported-format", "return.json", "newer")


def test_a_minor_version_of_the_same_major_is_read(signed: Path, key: Ed25519PrivateKey):
    minor = _rewrite(signed, _resigned(_members(signed), key, manifest_format="s11audit-return/1.4"))
    assert verify_return(minor).valid


def test_evidence_hash_in_return_json_must_match_the_member(signed: Path, key: Ed25519PrivateKey):
    members = _members(signed)
    content = json.loads(dict(members)["return.json"])
    content["evidence"][1]["sha256"] = "0" * 64
    tampered = _rewrite(signed, _resigned(_replace(members, "return.json", fmt.json_bytes(content)), key))
    _invalid(tampered, "evidence-mismatch", "Training log", "SHA-256")


def test_read_return_refuses_an_invalid_file_unless_asked(signed: Path):
    members = _members(signed)
    edited = dict(members)["return.json"].replace(b"Governors review", b"Governors ignore")
    tampered = _rewrite(signed, _replace(members, "return.json", edited))
    with pytest.raises(ReturnError, match=r"tampered\.s11return.*return\.json"):
        read_return(tampered)
    assert read_return(tampered, verify=False).content["cycle"] == "2026-27"


def test_write_fails_cleanly_into_a_missing_folder(tmp_path: Path, key: Ed25519PrivateKey):
    out = tmp_path / "no such folder" / "school.s11return"
    with pytest.raises(ReturnError, match=r"school\.s11return"):
        write_return(out, _content(), EVIDENCE, STANDARDS, _public(key), key.sign)
    assert not out.parent.exists()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_write_fails_cleanly_into_an_unwritable_folder(tmp_path: Path, key: Ed25519PrivateKey):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ReturnError, match=r"locked.*school\.s11return"):
            write_return(folder / "school.s11return", _content(), EVIDENCE, STANDARDS, _public(key), key.sign)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_full_disk_leaves_no_partial_file_and_keeps_the_old_one(tmp_path: Path, key: Ed25519PrivateKey, monkeypatch):
    out = tmp_path / "school.s11return"
    out.write_bytes(b"previous export")
    real_write_zip = fmt.write_zip

    def full_disk(target, members):
        real_write_zip(target, members[:1])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fmt, "write_zip", full_disk)
    with pytest.raises(ReturnError, match=r"school\.s11return.*No space left"):
        write_return(out, _content(), EVIDENCE, STANDARDS, _public(key), key.sign)
    assert [p.name for p in tmp_path.iterdir()] == ["school.s11return"]
    assert out.read_bytes() == b"previous export"


def test_wrong_signing_key_and_missing_evidence_bytes_are_refused(tmp_path: Path, key: Ed25519PrivateKey):
    out = tmp_path / "school.s11return"
    other = Ed25519PrivateKey.generate()
    with pytest.raises(ReturnError, match="signing key"):
        write_return(out, _content(), EVIDENCE, STANDARDS, _public(key), other.sign)
    with pytest.raises(ReturnError, match="Training log"):
        write_return(out, _content(), EVIDENCE[:1], STANDARDS, _public(key), key.sign)
    with pytest.raises(ReturnError, match="not described"):
        write_return(out, _content(), [*EVIDENCE, ("99", b"x")], STANDARDS, _public(key), key.sign)
    assert not out.exists()


def test_key_helpers_sign_returns(tmp_path: Path):
    from s11audit.returns import generate_private_key, public_key_of
    private = generate_private_key()
    out = write_return(tmp_path / "r.s11return", _content(), EVIDENCE, STANDARDS, public_key_of(private),
                       signer(private))
    assert verify_return(out).fingerprint == fingerprint(public_key_of(private))


def test_trail_summary_orders_and_limits():
    entries = [{"at": dt.datetime(2026, 1, day), "user": user, "action": "edit"}
               for day, user in [(3, "B"), (1, "A"), (2, "B"), (4, "C")]]
    summary = trail_summary(entries, last=2)
    assert summary["entries"] == 4 and summary["users"] == ["A", "B", "C"]
    assert summary["first_at"] == "2026-01-01T00:00:00" and summary["last_at"] == "2026-01-04T00:00:00"
    assert [row["user"] for row in summary["last"]] == ["B", "C"]
    assert trail_summary([]) == {"entries": 0, "first_at": None, "last_at": None, "users": [], "last": []}


def test_rename_failure_leaves_no_temporary_file(tmp_path: Path, key: Ed25519PrivateKey, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fmt.os, "replace", refuse)
    with pytest.raises(ReturnError, match=r"school\.s11return.*Permission denied"):
        write_return(tmp_path / "school.s11return", _content(), EVIDENCE, STANDARDS, _public(key), key.sign)
    assert list(tmp_path.iterdir()) == []
