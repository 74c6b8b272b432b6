"""Hostile and malformed returns: each crafted file (made here from a valid return) gets its own reason
from ``verify`` and ``import``, the batch goes on, the workspace is unchanged for it, memory stays bounded."""

from __future__ import annotations

import io
import json
import sqlite3
import struct
import subprocess
import sys
import textwrap
import zipfile
import zlib
from pathlib import Path

import pytest
from sqlalchemy import text

from benchmarks.make_returns import Organisation, private_key, write_one
from s11audit.business_unit.importing import DUPLICATE, FAILED, IMPORTED, REJECTED, import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.cli import main
from s11audit.returns import read_return, verify_return
from s11audit.returns.format import (MANIFEST_MEMBER, RETURN_MEMBER, SIGNATURE_MEMBER, STANDARDS_MEMBER,
                                     build_manifest, json_bytes, write_zip)
from s11audit.returns.keys import generate_private_key, public_key_of, signer

import datetime as dt

ROOT = Path(__file__).resolve().parents[2]
SCHOOL = Organisation("St Aidan's CE Primary School", "URN 124578", "Education", "primary", "Helen Morris",
                      "dsl@staidans.example.sch.uk")


@pytest.fixture
def good(tmp_path, s175_set) -> Path:
    folder = tmp_path / "made"
    folder.mkdir()
    return write_one(folder, s175_set, SCHOOL, with_evidence=True)


@pytest.fixture
def workspace(tmp_path, s175_set):
    with Workspace.create(tmp_path / "unit.s11workspace", user="Business Unit") as opened:
        cycle = opened.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        opened.add_organisation(cycle.id, OrganisationEntry(SCHOOL.name, SCHOOL.reference, "Education", "primary"))
        yield opened


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def resign(path: Path, out: Path, *, edit_return=None, edit_manifest=None, key: bytes | None = None,
           raw_return: bytes | None = None, extra: list[tuple[str, bytes]] = ()) -> Path:
    """The return signed again (by the organisation's key unless given) after editing its JSON."""
    members = members_of(path)
    key = key or private_key(SCHOOL.reference, 2026)
    content = json.loads(members[RETURN_MEMBER])
    if edit_return:
        edit_return(content)
    body = raw_return if raw_return is not None else json_bytes(content)
    ordered = [(RETURN_MEMBER, body), (STANDARDS_MEMBER, members[STANDARDS_MEMBER]),
               *[(n, d) for n, d in members.items() if n.startswith("evidence/")], *extra]
    manifest = build_manifest(ordered, public_key_of(key))
    if edit_manifest:
        edit_manifest(manifest)
    manifest_bytes = json_bytes(manifest)
    write_zip(out, [*ordered, (MANIFEST_MEMBER, manifest_bytes), (SIGNATURE_MEMBER, signer(key)(manifest_bytes))])
    return out


def patch_headers(data: bytes, offset_in_header: int, fmt: str, value: int, local=True, central=True) -> bytes:
    """Set a field in every local header (offset from its start) and/or every central directory entry."""
    out = bytearray(data)
    for signature, shift, wanted in ((b"PK\x03\x04", 0, local), (b"PK\x01\x02", 2, central)):
        if not wanted:
            continue
        at = 0
        while (at := out.find(signature, at)) >= 0:
            struct.pack_into(fmt, out, at + offset_in_header + shift, value)
            at += 4
    return bytes(out)


def check(path: Path, code: str, words: str) -> None:
    result = verify_return(path)
    assert not result.valid and result.code == code, (result.code, result.reason)
    assert words in result.reason, result.reason


# --- ZIP header fields ------------------------------------------------------------------------------


@pytest.mark.parametrize("flag, code, words", [
    (0x01, "unsupported-zip", "encrypted"),
    (0x20, "unsupported-zip", "patched data"),
    (0x08, "unsupported-zip", "data descriptor"),
    (0x800, "unsupported-zip", "flags set"),
])
def test_zip_flags_are_refused_with_their_reason(good, tmp_path, flag, code, words):
    bad = tmp_path / "flag.s11return"
    bad.write_bytes(patch_headers(good.read_bytes(), 6, "<H", flag))
    check(bad, code, words)


@pytest.mark.parametrize("method", [1, 9, 12, 14, 93, 99])
def test_compression_methods_we_never_write_are_refused(good, tmp_path, method):
    bad = tmp_path / "method.s11return"
    bad.write_bytes(patch_headers(good.read_bytes(), 8, "<H", method))
    check(bad, "unsupported-zip", f"compression method {method}")


def test_a_zip_version_we_never_write_is_refused(good, tmp_path):
    bad = tmp_path / "version.s11return"
    bad.write_bytes(patch_headers(good.read_bytes(), 4, "<H", 63))
    check(bad, "not-canonical", "not one s11audit writes")
    bad.write_bytes(patch_headers(good.read_bytes(), 4, "<H", 63, central=False))
    check(bad, "not-canonical", "local header does not agree")


def test_a_local_header_that_disagrees_with_the_central_directory_is_refused(good, tmp_path):
    data = bytearray(good.read_bytes())
    at = data.find(b"PK\x03\x04")
    data[at + 18] ^= 0x01  # one bit of return.json's compressed size, in the local header only
    bad = tmp_path / "differs.s11return"
    bad.write_bytes(bytes(data))
    check(bad, "not-canonical", "does not agree with the central directory")


@pytest.mark.parametrize("extra, where", [(b"\0" * 7, "end"), (b"MZ" + bytes(62), "start"),
                                          (b"PK\x05\x06" + bytes(18), "end")])
def test_bytes_outside_the_members_are_refused(good, tmp_path, extra, where):
    data = good.read_bytes()
    bad = tmp_path / "outside.s11return"
    bad.write_bytes(data + extra if where == "end" else extra + data)
    result = verify_return(bad)
    assert not result.valid and result.code in ("not-canonical", "not-a-zip"), result


# --- members the format does not allow --------------------------------------------------------------


@pytest.mark.parametrize("name", ["/etc/passwd", "../outside.txt", "evidence/../../x", "C:/Windows/x.txt",
                                  "evidence\\1-x.txt", "notes.txt", "evidence/1-a b.txt"])
def test_a_signed_member_outside_evidence_is_refused(good, tmp_path, name):
    bad = resign(good, tmp_path / "outside.s11return", extra=[(name, b"hello")])
    check(bad, "bad-member-name", "member")


def test_a_symbolic_link_member_is_refused(good, tmp_path):
    bad = tmp_path / "link.s11return"
    data = bytearray(good.read_bytes())
    at = data.find(b"PK\x01\x02")
    struct.pack_into("<L", data, at + 38, 0o120777 << 16)
    bad.write_bytes(bytes(data))
    check(bad, "not-canonical", "attributes")


# --- JSON that Python's parser lets through ---------------------------------------------------------


def test_deeply_nested_json_in_an_unsigned_manifest_is_refused(good, tmp_path):
    members = members_of(good)
    members[MANIFEST_MEMBER] = b"[" * 100_000 + b"]" * 100_000
    bad = tmp_path / "deep.s11return"
    write_zip(bad, list(members.items()))
    check(bad, "bad-manifest", "nested more than")


@pytest.mark.parametrize("edit, words", [
    (lambda c: c.update(organisation="St Aidan's"), "return.json: organisation must be an object, not text"),
    (lambda c: c["organisation"].update(reference=["URN", 1]),
     "return.json: organisation.reference must be text, not a list"),
    (lambda c: c.update(audit_version="2"), "return.json: audit_version must be a whole number, not text"),
    (lambda c: c.update(audit_version=0), "return.json: audit_version is 0, outside the range allowed"),
    (lambda c: c["evidence"][0].update(member=["evidence/1-a.txt"]), "return.json: evidence[0].member must be text"),
    (lambda c: c["sign_off"].update(signed_at="last Tuesday"),
     "sign_off.signed_at is last Tuesday, which is not a date"),
    (lambda c: c["standards"][0].update(grade="purple"), "standards[0].grade is purple, which is not a grade"),
    (lambda c: c["standards"][0].update(standard_id="99"), "standards[0].standard_id is 99, which is not a standard"),
    (lambda c: c["item_answers"].append({"item_id": "no-such-item", "value": "yes"}), "which is not an item of"),
    (lambda c: c.update(standards=c["standards"] + c["standards"][:1]), "a second time"),
])
def test_a_return_signed_by_any_key_with_wrong_types_is_refused_by_verify_or_import(good, tmp_path, workspace, edit,
                                                                                     words):
    bad = resign(good, tmp_path / "types.s11return", edit_return=edit, key=generate_private_key())
    result = verify_return(bad)
    report = import_returns(workspace, "2026/27", [bad])
    [outcome] = report.files
    assert outcome.outcome == REJECTED and words in outcome.reason, outcome.reason
    if not result.valid:  # what only the cycle's set can judge passes verify and is refused at import
        assert words in result.reason
    assert workspace.returns(workspace.cycle("2026/27").id) == []


@pytest.mark.parametrize("raw, words", [
    (b'{"audit_version": 1e999}', "too large to be a real value"),
    (b'{"audit_version": NaN}', "NaN, which is not a number JSON allows"),
    (b'{"audit_version": Infinity}', "Infinity"),
    (b'{"audit_version": ' + b"9" * 5000 + b"}", "5,000 digits"),
    (b'{"audit_version": 99999999999999999999}', "20 digits"),
    (b'{"a": 1, "a": 2}', "gives the key a twice"),
    (b'{"name": "\\ud800"}', "lone surrogate"),
    (b"\xff\xfe{}", "not UTF-8"),
])
def test_numbers_and_text_json_allows_but_a_return_must_not_hold_are_refused(good, tmp_path, raw, words):
    bad = resign(good, tmp_path / "number.s11return", raw_return=raw)
    check(bad, "bad-return-json", words)


def test_a_5000_digit_integer_in_an_unsigned_return_is_named_as_such(good, tmp_path):
    members = members_of(good)
    members[MANIFEST_MEMBER] = b'{"format": ' + b"1" * 5000 + b"}"
    bad = tmp_path / "digits.s11return"
    write_zip(bad, list(members.items()))
    check(bad, "bad-manifest", "5,000 digits")


# --- the batch goes on, the log never fails -------------------------------------------------------


def test_one_bad_file_first_in_a_folder_does_not_stop_the_batch(tmp_path, workspace, s175_set, good):
    folder = tmp_path / "inbox"
    folder.mkdir()
    resign(good, folder / "0000-crafted.s11return", edit_return=lambda c: c.update(organisation="x"),
           key=generate_private_key())
    unsigned = members_of(good)
    unsigned[RETURN_MEMBER] = json_bytes({"organisation": {"name": ["list"], "reference": 10 ** 30}})
    unsigned.pop(SIGNATURE_MEMBER)
    write_zip(folder / "0001-unsigned.s11return", list(unsigned.items()))
    organisations = [Organisation(f"School {n}", f"URN 9{n:05d}", "Education", "primary", "DSL", "d@x")
                     for n in range(8)]
    for organisation in organisations:
        workspace.add_organisation(workspace.cycle("2026/27").id, OrganisationEntry(
            organisation.name, organisation.reference, "Education", "primary"))
        write_one(folder, s175_set, organisation)
    report = import_returns(workspace, "2026/27", [folder])
    outcomes = {o.path.name: o.outcome for o in report.files}
    assert outcomes.pop("0000-crafted.s11return") == REJECTED
    assert outcomes.pop("0001-unsigned.s11return") == REJECTED
    assert set(outcomes.values()) == {IMPORTED} and len(outcomes) == 8
    assert len(workspace.import_log(batch=report.batch)) == 10
    workspace.close()
    code = main(["import", str(folder), "--into", str(workspace.path), "--cycle", "2026/27"])
    assert code == 1  # rejected files make the exit code 1; the rest were duplicates


def test_a_fault_of_ours_in_one_file_is_logged_and_the_batch_goes_on(tmp_path, workspace, s175_set, good,
                                                                   monkeypatch, caplog):
    from s11audit.business_unit import importing

    folder = tmp_path / "inbox"
    folder.mkdir()
    first = write_one(folder, s175_set, SCHOOL)
    other = Organisation("Brookhurst Academy", "URN 200001", "Education", "secondary", "Mark Ellis", "m@x")
    workspace.add_organisation(workspace.cycle("2026/27").id, OrganisationEntry(other.name, other.reference,
                                                                                "Education", "secondary"))
    second = write_one(folder, s175_set, other)
    real = importing._Importer.store

    def broken(self, path, *args):
        if path == first:
            raise KeyError("a bug")
        return real(self, path, *args)

    monkeypatch.setattr(importing._Importer, "store", broken)
    report = import_returns(workspace, "2026/27", [first, second])
    assert [o.outcome for o in report.files] == [FAILED, IMPORTED]
    assert "fault in s11audit" in report.files[0].reason
    assert "Unexpected error while importing" in caplog.text


# --- identity and duplicates ------------------------------------------------------------------------


def test_the_same_signed_return_in_other_zip_bytes_is_a_duplicate(tmp_path, workspace, good):
    first = import_returns(workspace, "2026/27", [good])
    assert first.files[0].outcome == IMPORTED
    members = members_of(good)
    again = tmp_path / "recompressed.s11return"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(again, "w", compresslevel=1) as target:
        for info in source.infolist():
            target.writestr(info, members[info.filename], compresslevel=1)
    assert again.read_bytes() != good.read_bytes() and verify_return(again).valid
    second = import_returns(workspace, "2026/27", [again])
    assert second.files[0].outcome == DUPLICATE and "same signed return" in second.files[0].reason
    assert len(workspace.returns(workspace.cycle("2026/27").id)) == 1


def test_existing_returns_get_their_identity_when_the_workspace_is_upgraded(tmp_path, workspace, good):
    import_returns(workspace, "2026/27", [good])
    expected = read_return(good).content_id
    path = workspace.path
    workspace.close()
    with sqlite3.connect(path) as db:  # as a 0002 workspace had it
        db.execute("UPDATE imported_return SET content_id = NULL")
        db.execute("DROP INDEX ix_return_cycle_content")
        db.execute("ALTER TABLE imported_return DROP COLUMN content_id")
        db.execute("ALTER TABLE imported_return DROP COLUMN findings_content")  # as 0005 added it
        db.execute("DROP TABLE headline_measure")  # as 0006 added them
        db.execute("DROP TABLE workspace_setting")
        db.execute("DROP TABLE criterion_moderation")  # as 0004 added them
        db.execute("DROP TABLE moderation_trail")
        db.execute("UPDATE alembic_version SET version_num = '0002'")
    with Workspace.open(path, user="Business Unit") as reopened:
        [row] = reopened.session.execute(text("SELECT content_id FROM imported_return")).all()
        assert row.content_id == expected


# --- printing untrusted text ------------------------------------------------------------------------


def test_verify_cannot_be_made_to_print_a_forged_line(good, tmp_path, capsys):
    forged = "\u202eEvil\nschool.s11return: valid: signature valid; all 5 members match the manifest (\u202eSchool"
    bad = resign(good, tmp_path / "forged.s11return", edit_return=lambda c: c["organisation"].update(name=forged),
                 key=generate_private_key())
    members = members_of(bad)
    members[RETURN_MEMBER] = members[RETURN_MEMBER].replace(b"2026/27", b"2026/28")  # now invalid, name still shown
    write_zip(bad, list(members.items()))
    assert main(["verify", str(bad), str(good)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad}: INVALID") and "\\n" in lines[0] and "\\u202e" in lines[0]
    assert lines[1].startswith(f"{good}: valid")


# --- bombs: bounded memory ---------------------------------------------------------------------------


def _deflate_bomb(size: int) -> bytes:
    """A raw deflate stream of ``size`` zero bytes, made quickly from one repeated block."""
    chunk = 1024 * 1024
    maker = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = maker.compress(bytes(chunk)) + maker.flush(zlib.Z_FULL_FLUSH)
    block = maker.compress(bytes(chunk)) + maker.flush(zlib.Z_FULL_FLUSH)
    return first + block * (size // chunk - 1) + maker.flush()


def _bomb_zip(path: Path, name: str, real_size: int, declared_size: int, others: dict[str, bytes]) -> Path:
    """A ZIP in our canonical form whose member ``name`` inflates to ``real_size`` but declares ``declared_size``."""
    out = io.BytesIO()
    entries = []
    stream = [(n, d, zipfile.ZIP_STORED) for n, d in others.items() if n != name]
    stream.insert(0, (name, None, zipfile.ZIP_DEFLATED))
    for member, data, method in stream:
        if data is None:
            payload, crc, size = _deflate_bomb(real_size), 0, declared_size
        else:
            payload, crc, size = data, zlib.crc32(data), len(data)
        offset = out.tell()
        raw = member.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 33, crc, len(payload), size, len(raw), 0))
        out.write(raw + payload)
        entries.append((raw, method, crc, len(payload), size, offset))
    start = out.tell()
    for raw, method, crc, compressed, size, offset in entries:
        out.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x314, 20, 0, method, 0, 33, crc, compressed, size,
                              len(raw), 0, 0, 0, 0, 0o644 << 16, offset) + raw)
    end = out.tell()
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), end - start, start, 0))
    path.write_bytes(out.getvalue())
    return path


def test_zip_bombs_are_refused_within_a_1_gb_address_space(good, tmp_path):
    members = members_of(good)
    two_gb = 2 * 1024 ** 3 - 1
    bombs = {
        "manifest-declared": (MANIFEST_MEMBER, 8 * 1024 * 1024, two_gb),
        "return-declared": (RETURN_MEMBER, 8 * 1024 * 1024, two_gb),
        "evidence-declared": ("evidence/1-big.txt", 8 * 1024 * 1024, two_gb),
        "return-undeclared": (RETURN_MEMBER, 2 * 1024 ** 3 - 1024 ** 2, 1000),
        "manifest-undeclared": (MANIFEST_MEMBER, 2 * 1024 ** 3 - 1024 ** 2, 1000),
    }
    paths = {}
    for label, (name, real, declared) in bombs.items():
        others = dict(members)
        paths[label] = _bomb_zip(tmp_path / f"{label}.s11return", name, real, declared, others)
    assert max(p.stat().st_size for p in paths.values()) < 4 * 1024 * 1024
    script = textwrap.dedent(f"""
        import resource, sys
        sys.path.insert(0, {str(ROOT)!r})
        resource.setrlimit(resource.RLIMIT_AS, (1024 ** 3, 1024 ** 3))
        from s11audit.returns import verify_return
        for path in sys.argv[1:]:
            result = verify_return(path)
            print(result.code, "|", result.reason)
    """)
    done = subprocess.run([sys.executable, "-c", script, *map(str, paths.values())], capture_output=True, text=True,
                          timeout=120, check=False)  # the exit code is asserted below, with the child's stderr
    assert done.returncode == 0, done.stderr
    lines = dict(zip(paths, done.stdout.splitlines(), strict=True))
    assert lines["manifest-declared"].startswith("too-large") and "manifest.json" in lines["manifest-declared"]
    assert lines["return-declared"].startswith("too-large") and "return.json" in lines["return-declared"]
    assert lines["evidence-declared"].startswith("too-large") and "evidence/1-big.txt" in lines["evidence-declared"]
    for label in ("return-undeclared", "manifest-undeclared"):
        assert lines[label].startswith(("member-damaged", "not-canonical")), lines[label]


def test_an_oversized_evidence_member_is_refused_before_it_is_read(good, tmp_path, workspace):
    members = members_of(good)
    bomb = _bomb_zip(tmp_path / "evidence.s11return", "evidence/1-big.txt", 64 * 1024 * 1024, 51 * 1024 * 1024,
                     members)
    check(bomb, "too-large", "more than the 50.0 MB allowed")
    report = import_returns(workspace, "2026/27", [bomb])
    assert report.files[0].outcome == REJECTED and "50.0 MB" in report.files[0].reason


# --- refusals change nothing ------------------------------------------------------------------------


def test_a_refused_file_changes_nothing_in_the_workspace_but_its_log_line(tmp_path, workspace, good):
    import_returns(workspace, "2026/27", [good])
    before = workspace.returns(workspace.cycle("2026/27").id)
    bad = resign(good, tmp_path / "wrong.s11return", edit_return=lambda c: c.update(audit_version="9"))
    report = import_returns(workspace, "2026/27", [bad])
    assert report.files[0].outcome == REJECTED
    assert workspace.returns(workspace.cycle("2026/27").id) == before
    assert workspace.session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
