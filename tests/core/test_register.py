"""The register: read from CSV and XLSX with flexible headers, bad rows reported, typed in by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from s11audit.business_unit.register import entry, import_register, read_register
from s11audit.business_unit.workspace import Workspace
from s11audit.store import AuditFileError

ROWS = [
    ["St Aidan's CE Primary", "124578", "", "Primary school", "Helen Morris", "dsl@staidans.example"],
    ["", "124579", "", "primary", "", ""],                        # row 3: no name
    ["Brookhurst Academy", "", "", "secondary", "", ""],           # row 4: no reference
    ["Oakley Special", "124580", "", "special school (SEND)", "", ""],  # row 5: unknown type
    ["St Aidan again", " 124578 ", "", "primary", "", ""],         # row 6: duplicate reference
    ["Northfield Police", "P01", "Criminal justice", "police", "Insp. Lloyd", "lloyd@police.example"],
    ["Kingsmead Nursery", "EY1", "", "", "", ""],                  # no type: allowed, no sector
]
HEADER = [" Organisation Name ", "URN", "SECTOR", "Type", "Contact  name", "E-mail"]


@pytest.fixture
def workspace(tmp_path, s175_set):
    with Workspace.create(tmp_path / "unit.s11workspace", user="BU") as opened:
        opened.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        yield opened


def _csv(path, rows):
    import csv

    with open(path, "w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([HEADER, *rows])
    return path


def _xlsx(path, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append([int(v) if v.isdigit() else (v or None) for v in row])  # URNs typed as numbers in Excel
    workbook.save(path)
    return path


@pytest.mark.parametrize("make", [_csv, _xlsx], ids=["csv", "xlsx"])
def test_register_file_with_bad_rows(workspace, tmp_path, make):
    path = make(tmp_path / f"register.{'csv' if make is _csv else 'xlsx'}", ROWS)
    report = import_register(workspace, "2026/27", path)
    assert [(b.row, b.reason) for b in report.bad_rows] == [
        (3, "no name"), (4, "no reference"), (5, "unknown organisation type 'special school (SEND)'"),
        (6, "reference '124578' is also on row 2")]
    registered = {o.reference: o for o in workspace.organisations(workspace.cycle("2026/27").id)}
    assert set(registered) == {"124578", "P01", "EY1"}
    school = registered["124578"]
    assert (school.org_type, school.sector, school.contact_name, school.contact_email) == \
        ("primary", "Education", "Helen Morris", "dsl@staidans.example")  # sector from the type's kind
    assert registered["P01"].sector == "Criminal justice"  # sector from the file wins
    assert (registered["EY1"].org_type, registered["EY1"].sector) == ("", "")
    assert "4 rows could not be read" in report.summary()


def test_importing_the_same_register_again_reports_rows_already_registered(workspace, tmp_path):
    path = _csv(tmp_path / "r.csv", ROWS[:1])
    import_register(workspace, "2026/27", path)
    again = import_register(workspace, "2026/27", path)
    assert again.added == [] and "already in the register" in again.bad_rows[0].reason


def test_a_register_without_a_reference_column_is_refused(workspace, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("Name,Phone\nA school,0123\n")
    with pytest.raises(AuditFileError, match="has no reference column"):
        read_register(path)


def test_other_files_are_refused(workspace, tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(b"%PDF")
    with pytest.raises(AuditFileError, match="CSV"):
        read_register(path)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(AuditFileError, match="cannot be read"):
        read_register(broken)


def test_typed_in_entry_defaults_its_sector_from_the_type():
    assert entry("Northfield Trust", "RXY", "health").sector == "Agency"
    assert entry("Northfield Trust", "RXY", "health", sector="Health").sector == "Health"
    with pytest.raises(ValueError, match="unknown organisation type"):
        entry("X", "1", "castle")
