"""A register file from outside is hostile input: it is read within limits or refused with RegisterError.

Each check is reached with a small file made here (smaller ``RegisterLimits`` where the real limit
would need a big one), then a seeded fuzz run mutates a valid CSV and a valid XLSX a few hundred
times and asserts that every one either reads or is refused with ``RegisterError``, quickly.
"""

from __future__ import annotations

import csv
import io
import random
import re
import struct
import time
import unicodedata
import warnings
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from s11audit.business_unit.register import LIMITS, RegisterError, RegisterLimits, read_register
from s11audit.store import AuditFileError

HEADER = ["Organisation", "URN", "Sector", "Type", "Contact name", "Email"]
ROWS = [["St Aidan's CE Primary", "124578", "", "Primary school", "Helen Morris", "dsl@staidans.example"],
        ["Northfield Police", "P01", "Criminal justice", "police", "Insp. Lloyd", "lloyd@police.example"],
        ["Kingsmead Nursery", "EY1", "", "", "", ""]]
SHEET = "xl/worksheets/sheet1.xml"
SMALL = RegisterLimits(rows=10, rows_scanned=50, columns=8, commas=20, cell_chars=40, members=20,
                       uncompressed_bytes=200_000, file_bytes=1_000_000)


def _csv_bytes(rows=ROWS, header=HEADER, encoding="utf-8") -> bytes:
    stream = io.StringIO(newline="")
    csv.writer(stream).writerows([header, *rows])
    return stream.getvalue().encode(encoding)


def _xlsx_bytes(rows=ROWS, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in [header, *rows]:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.data_type = "s"  # text as typed, even "=1+1"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(members: dict[str, bytes] | list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore")  # a part written twice is one of the mutations
        for name, content in (members.items() if isinstance(members, dict) else members):
            archive.writestr(name, content)
    return out.getvalue()


def _with_sheet(xml_rows: str) -> bytes:
    members = _members(_xlsx_bytes())
    sheet = members[SHEET].decode()
    start, end = sheet.index("<sheetData>") + len("<sheetData>"), sheet.index("</sheetData>")
    members[SHEET] = (sheet[:start] + xml_rows + sheet[end:]).encode()
    return _zip(members)


def _inline_row(number: int, *values: str, column: str = "A") -> str:
    cells = "".join(f'<c r="{chr(ord(column) + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>'
                    for i, v in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _refused(path: Path, match: str, limits: RegisterLimits = LIMITS) -> RegisterError:
    with pytest.raises(RegisterError, match=match) as caught:
        read_register(path, limits=limits)
    assert path.name in str(caught.value) and "\n" not in str(caught.value)
    return caught.value


# --- the file as a whole ----------------------------------------------------------------------------

def test_register_error_is_an_audit_file_error_so_callers_keep_working():
    assert issubclass(RegisterError, AuditFileError)


def test_a_file_too_big_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "register.csv"
    with open(path, "wb") as stream:
        stream.truncate(LIMITS.file_bytes + 1)  # sparse: nothing is written, the size is what counts
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the file was opened"))
    _refused(path, "more than a register can be")


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "register.csv"
    folder.mkdir()
    _refused(folder, "is not a file")


def test_too_many_rows_are_refused_but_blank_rows_after_the_end_are_not(tmp_path):
    _refused(_write(tmp_path, "many.csv", _csv_bytes([[f"School {i}", str(i)] for i in range(11)])),
             "more than 10 rows", SMALL)
    blank_tail = _csv_bytes([[f"School {i}", str(i)] for i in range(5)]) + b",,,\r\n" * 30
    entries, _ = read_register(_write(tmp_path, "tail.csv", blank_tail), limits=SMALL)
    assert len(entries) == 5
    _refused(_write(tmp_path, "endless.csv", _csv_bytes() + b"\r\n" * 60), "more than 50 rows", SMALL)


def test_columns_after_the_limit_are_not_read(tmp_path):
    header = [f"Notes {i}" for i in range(8)] + HEADER
    path = _write(tmp_path, "wide.csv", _csv_bytes([[""] * 8 + ROWS[0]], header))
    _refused(path, r"has no name or reference column \(the header row has: Notes 0, Notes 1", SMALL)


def test_a_line_of_too_many_commas_is_refused_before_it_is_split(tmp_path):
    _refused(_write(tmp_path, "commas.csv", _csv_bytes() + b"," * 21 + b"\r\n"), "line 5 has more than 20 commas",
             SMALL)


# --- cells ------------------------------------------------------------------------------------------

def test_a_long_cell_makes_a_bad_row_named_and_the_rest_is_read(tmp_path):
    rows = [ROWS[0], ["x" * 41, "LONG1"], ["Oak School", "R" * 41], ROWS[1]]
    entries, bad = read_register(_write(tmp_path, "long.csv", _csv_bytes(rows)), limits=SMALL)
    assert [(b.row, b.reason) for b in bad] == [(3, "the name is longer than 40 characters"),
                                                (4, "the reference is longer than 40 characters")]
    assert [e.reference for _, e in entries] == ["124578", "P01"]


def test_a_field_past_the_csv_limit_is_refused_with_its_row(tmp_path):
    huge = _csv_bytes() + b'"' + b"x" * (csv.field_size_limit() + 10) + b'",1\r\n'
    _refused(_write(tmp_path, "huge.csv", huge), r"row 5 cannot be read as CSV: a cell is longer than 131,072")


def test_formulas_are_kept_as_text_and_never_evaluated(tmp_path):
    formulas = [["=1+1", "F1"], ["+SUM(A1:A9)", "F2"], ["-2+3", "F3"], ["@cmd|' /C calc'!A0", "F4"],
                ['=HYPERLINK("http://evil.example","x")', "F5"]]
    for path in (_write(tmp_path, "f.csv", _csv_bytes(formulas)), _write(tmp_path, "f.xlsx", _xlsx_bytes(formulas))):
        entries, bad = read_register(path)
        assert bad == []
        assert [e.name for _, e in entries] == [row[0] for row in formulas]


def test_an_xlsx_formula_gives_its_saved_result_never_a_computed_one(tmp_path):
    path = _write(tmp_path, "calc.xlsx", _with_sheet(
        _inline_row(1, "Name", "URN") + '<row r="2"><c r="A2"><f>1+1</f></c><c r="B2"><v>7</v></c></row>'))
    entries, bad = read_register(path)
    assert entries == [] and [(b.row, b.reason) for b in bad] == [(2, "no name")]  # no saved result: nothing


def test_control_characters_never_reach_the_register_or_a_message(tmp_path):
    rows = [["Evil\x1b[31m School\x07", "E1", "", "castle\nkeep\u202e", "", ""]]
    _, bad = read_register(_write(tmp_path, "ctl.csv", _csv_bytes(rows)))
    assert bad[0].reason == "unknown organisation type 'castle keep\\u202e'"
    entries, _ = read_register(_write(tmp_path, "ok.csv", _csv_bytes([["Evil\x1b[31m School\x07", "E1"]])))
    assert entries[0][1].name == "Evil [31m School"
    header_error = _refused(_write(tmp_path, "hdr.csv", _csv_bytes([], ["Name\u202e\x1b", "Phone"])), "no reference")
    assert "\x1b" not in str(header_error) and "\u202e" not in str(header_error)


# --- encodings --------------------------------------------------------------------------------------

def test_utf8_with_a_byte_order_mark_and_windows_csv_are_read(tmp_path):
    rows = [["Café Crèche", "C1"]]
    for name, data in (("bom.csv", b"\xef\xbb\xbf" + _csv_bytes(rows)),
                       ("win.csv", _csv_bytes(rows, encoding="cp1252"))):
        entries, _ = read_register(_write(tmp_path, name, data))
        assert entries[0][1].name == "Café Crèche"


def test_nul_bytes_and_undecodable_text_are_refused(tmp_path):
    _refused(_write(tmp_path, "nul.csv", _csv_bytes().replace(b"Police", b"Pol\x00ice")), "NUL bytes")
    _refused(_write(tmp_path, "utf16.csv", "Name,URN\r\nA,1\r\n".encode("utf-16")), "NUL bytes")
    # 0x81 is not a character in UTF-8 (alone) nor in Windows-1252.
    _refused(_write(tmp_path, "bad.csv", _csv_bytes() + b"Sch\x81ool,9\r\n"), "not text in UTF-8")


# --- workbooks --------------------------------------------------------------------------------------

def test_a_zip_bomb_is_refused_before_openpyxl_reads_it(tmp_path, monkeypatch):
    import openpyxl

    members = _members(_xlsx_bytes())
    members[SHEET] += b" " * (2 * 1024 * 1024)  # 2 MB that deflate packs into 2 kB
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("openpyxl was given the bomb"))
    _refused(_write(tmp_path, "bomb.xlsx", _zip(members)), r"packed more than 100 times")


def test_declared_sizes_past_the_limit_are_refused(tmp_path):
    members = _members(_xlsx_bytes())
    members["xl/media/big.bin"] = random.Random(1).randbytes(250_000)
    _refused(_write(tmp_path, "total.xlsx", _zip(members)), "would unpack to", SMALL)
    lying = bytearray(_xlsx_bytes())
    at = lying.index(b"PK\x01\x02")  # the first member's entry in the central directory
    lying[at + 24: at + 28] = struct.pack("<I", 3_000_000_000)  # its uncompressed size
    _refused(_write(tmp_path, "lying.xlsx", bytes(lying)), "would unpack to")


def test_a_size_declared_too_small_never_inflates_past_it(tmp_path):
    data = bytearray(_xlsx_bytes())
    for entry in re.finditer(b"PK\x01\x02", bytes(data)):  # every member's entry in the central directory
        data[entry.start() + 24: entry.start() + 28] = struct.pack("<I", 10)  # its uncompressed size
    _refused(_write(tmp_path, "small.xlsx", bytes(data)), "cannot be read as an Excel workbook")


def test_too_many_members_are_refused(tmp_path):
    members = _members(_xlsx_bytes())
    members.update({f"xl/extra/{i}.xml": b"<x/>" for i in range(30)})
    _refused(_write(tmp_path, "parts.xlsx", _zip(members)), "parts, more than a workbook has", SMALL)


def test_a_password_protected_or_old_excel_file_is_refused(tmp_path):
    _refused(_write(tmp_path, "locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), "password-protected")


def test_rows_and_columns_far_away_are_not_padded_out(tmp_path):
    far_row = _inline_row(1, "Name", "URN") + _inline_row(2, "A school", "1") + _inline_row(1_000_000_000, "x", "y")
    started = time.perf_counter()
    _refused(_write(tmp_path, "far.xlsx", _with_sheet(far_row)), "more than 1,048,576 rows")
    far_column = _inline_row(1, "Name", "URN") + '<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c>' \
        '<c r="B2" t="inlineStr"><is><t>1</t></is></c><c r="XFD2" t="inlineStr"><is><t>z</t></is></c></row>'
    entries, _ = read_register(_write(tmp_path, "wide.xlsx", _with_sheet(far_column)))
    assert [e.reference for _, e in entries] == ["1"]
    assert time.perf_counter() - started < 10  # a hang guard; figures are in benchmarks/


def test_a_claimed_sheet_size_is_not_trusted(tmp_path):
    members = _members(_xlsx_bytes())
    sheet = members[SHEET].decode()
    members[SHEET] = sheet.replace('<dimension ref="A1:F4"/>', '<dimension ref="A1:XFD1048576"/>').encode()
    assert members[SHEET] != sheet.encode()
    started = time.perf_counter()
    entries, _ = read_register(_write(tmp_path, "claims.xlsx", _zip(members)))
    assert len(entries) == 3 and time.perf_counter() - started < 10  # a hang guard; figures are in benchmarks/


def test_entity_expansion_in_a_workbook_is_refused(tmp_path):
    """A "billion laughs" DTD: Python's XML parser (expat 2.4 and later) stops it; Excel never writes one."""
    members = _members(_xlsx_bytes())
    laughs = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>")
    members[SHEET] = (laughs + members[SHEET].decode().replace("Kingsmead Nursery", "&j;")).encode()
    started = time.perf_counter()
    _refused(_write(tmp_path, "laughs.xlsx", _zip(members)), "cannot be read as an Excel workbook")
    assert time.perf_counter() - started < 10  # a hang guard; figures are in benchmarks/


# --- the seeded fuzz run ----------------------------------------------------------------------------

def _flip(rng: random.Random, data: bytes) -> bytes:
    mutable = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        mutable[rng.randrange(len(mutable))] = rng.randrange(256)
    return bytes(mutable)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def _insert(rng: random.Random, data: bytes, piece: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece + data[at:]


def _csv_mutation(rng: random.Random, data: bytes) -> bytes:
    kind = rng.randrange(7)
    if kind == 0:
        return _flip(rng, data)
    if kind == 1:
        return _truncate(rng, data)
    if kind == 2:  # a huge cell, sometimes past the csv module's field limit
        return _insert(rng, data, b'"' + b"y" * rng.choice([2_000, 140_000]) + b'"')
    if kind == 3:
        return _insert(rng, data, rng.choice([b"\x00", b"\x81", b"\xff\xfe", b"\xc3", b'"', b"\r", b"\n\n\n"]))
    if kind == 4:
        return _insert(rng, data, rng.choice([b"=1+1,", b"+cmd,", b"-2,", b"@SUM(A1),", b'"=HYPERLINK(""x"")",']))
    if kind == 5:  # many rows
        return data + b"School,1\r\n" * rng.randint(1, 30)
    return _insert(rng, data, b"," * rng.randint(1, 300))


def _xlsx_member_edit(rng: random.Random, data: bytes) -> bytes:
    members = list(_members(data).items())
    index = rng.randrange(len(members))
    name, content = members[index]
    kind = rng.randrange(6)
    if kind == 0:
        members[index] = (name, _flip(rng, content))
    elif kind == 1:
        members[index] = (name, _truncate(rng, content))
    elif kind == 2:
        del members[index]
    elif kind == 3:
        members.append((name, content))  # the same part twice
    elif kind == 4:
        members[index] = (name, content.replace(b"<", b"<" * rng.randint(1, 3), rng.randint(1, 5)))
    else:
        members[index] = (name, content * rng.randint(2, 2_000))
    return _zip(members)


def _xlsx_mutation(rng: random.Random, data: bytes) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        return _flip(rng, data)
    if kind == 1:
        return _truncate(rng, data)
    if kind == 2:  # a central directory size
        mutable = bytearray(data)
        at = mutable.rfind(b"PK\x01\x02")
        mutable[at + rng.choice([20, 24]): at + rng.choice([20, 24]) + 4] = struct.pack("<I", rng.randrange(2**32))
        return bytes(mutable)
    return _xlsx_member_edit(rng, data)


def _read_or_refuse(path: Path) -> None:
    started = time.perf_counter()
    try:
        entries, bad = read_register(path)
    except RegisterError as error:
        assert path.name in str(error) and "\n" not in str(error)
    else:
        for _, entry in entries:
            for value in (entry.name, entry.reference, entry.sector, entry.contact_name, entry.contact_email):
                assert len(value) <= LIMITS.cell_chars
                assert not [c for c in value if unicodedata.category(c) == "Cc"]
        assert all("\n" not in b.reason for b in bad)
    assert time.perf_counter() - started < 10, f"{path.name} took too long"


@pytest.mark.parametrize("suffix, make, mutate", [(".csv", _csv_bytes, _csv_mutation),
                                                  (".xlsx", _xlsx_bytes, _xlsx_mutation)], ids=["csv", "xlsx"])
def test_fuzzed_registers_read_or_are_refused(tmp_path, suffix, make, mutate):
    rng = random.Random(20260511)
    valid = make()
    for case in range(200):
        _read_or_refuse(_write(tmp_path, f"case{case}{suffix}", mutate(rng, valid)))
