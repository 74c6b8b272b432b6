"""Every sheet of every workbook s11audit writes prints well (``reports/xlsx_print``): read back with
openpyxl, each has a page setup (A4, orientation by its width, fitted to the page width, the header
row repeated, a print area over what was written, the title at the top and "Page n of m" at the
foot), named fonts and row heights for wrapped text; and the figures read as people expect:
percentages as percentages, standard numbers that sort as numbers, item types as words, and
"Produced" the day the workbook was made. (How many pages LibreOffice prints: benchmarks/print_check.py.)"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.tracking import NOT_RETURNED, REJECTED, OrganisationStatus, write_chase_list
from s11audit.business_unit.workspace import OrganisationRow
from s11audit.reports import xlsx_print
from s11audit.reports.findings_xlsx import write_findings_xlsx
from s11audit.reports.peer_audit_data import AgencyOutcome, OutcomeLevel, PeerEvent, Standard
from s11audit.reports.peer_outcomes_xlsx import write_outcomes_xlsx
from s11audit.reports.xlsx import write_action_plan_xlsx
from s11audit.standards import ItemType
from s11audit.standards.workbook_write import set_file_content, write_workbook
from s11audit.store import AuditFile, OrganisationDetails

SHIPPED = Path(__file__).resolve().parents[2] / "standards"
REFERENCE = dt.date(2027, 3, 31)  # the cycle's due date: what "within two years" counts back from
LONG = ("Review the safeguarding induction for new starters, supply staff and volunteers, and keep a record of "
        "who has had it and when, reporting the figures to the governing board each term")


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory, shipped_sets):
    """One workbook of each kind, written once for the module: {kind: (path, document title)}."""
    from benchmarks.bench_findings import make_records  # imported here: it sets up a private home folder

    folder = tmp_path_factory.mktemp("print")
    s175 = shipped_sets["s175-kcsie2025"]
    out = {}
    organisation = OrganisationDetails("St Aidan's & St Mary's Primary", "URN 100001", "education", "primary")
    with AuditFile.create(folder / "school.s11audit", organisation, user="Print Tester") as audit_file:
        assessment = audit_file.start_audit(s175, "2026/27")
        for standard in s175.standards[:3]:
            assessment.actions.add(standard.id, LONG, owner="Deputy designated safeguarding lead",
                                   due_date=dt.date(2027, 1, 31), progress_notes="Started")
        out["action plan"] = write_action_plan_xlsx(assessment, organisation, folder / "plan.xlsx")
    records = make_records(s175, 30)
    findings = compute_findings(s175, records, expected=40, previous=make_records(s175, 20, seed=7),
                                reference_date=REFERENCE)
    out["findings"] = write_findings_xlsx(findings, s175, records, folder / "findings.xlsx", partnership="Midshire",
                                          cycle="2026/27")
    found = [OrganisationStatus(OrganisationRow(f"School {n}", f"URN {n}", "Schools", "primary", "A Head",
                                                f"head@school{n}.example"), REJECTED if n == 2 else NOT_RETURNED,
                                rejected_reasons=(LONG,) if n == 2 else ()) for n in range(1, 4)]
    out["chase list"] = write_chase_list(found, folder / "chase.xlsx")
    scale = (OutcomeLevel("met", "Met the standard", "#27AE60", True),
             OutcomeLevel("not_met", "Not met", "#C0392B", False))
    event = PeerEvent("Police & health day", dt.date(2027, 3, 7), "Midshire", (Standard("s2", "2", "Listening"),),
                      scale)
    outcomes = [AgencyOutcome(f"Agency {n}", "Health", 1, "s2", "Good", "#27AE60", True, "met", LONG, LONG,
                              (("Audit records", "Lead", dt.date(2027, 6, 30)),)) for n in range(3)]
    out["peer outcomes"] = write_outcomes_xlsx(event, outcomes, folder / "peer.xlsx")
    out["standards template"] = write_workbook(set_file_content(SHIPPED / "s175-kcsie2025.yaml"),
                                               folder / "template.xlsx")
    return {kind: load_workbook(path) for kind, path in out.items()}


KINDS = ["action plan", "findings", "chase list", "peer outcomes", "standards template"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_sheet_has_a_page_setup(workbooks, kind):
    book = workbooks[kind]
    title = book.properties.title
    assert title
    for sheet in book.worksheets:
        setup = sheet.page_setup
        columns = sheet.max_column
        width = sum(xlsx_print.column_widths(sheet, columns))
        assert setup.orientation == ("landscape" if width > xlsx_print.PORTRAIT_WIDTH else "portrait"), sheet.title
        assert int(setup.paperSize) == 9 and sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title  # A4
        assert setup.fitToHeight == 0 and setup.fitToWidth >= 1, sheet.title
        if kind != "standards template":
            assert setup.fitToWidth == 1, sheet.title  # one page wide (a template's wide sheets: a few pages)
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.print_area.endswith(f"!$A$1:${get_column_letter(columns)}${sheet.max_row}"), sheet.title
        assert sheet.oddHeader.center.text == xlsx_print.header_text(title), sheet.title  # & written &&
        assert sheet.oddFooter.center.text == "Page &P of &N" and sheet.oddFooter.left.text == "&A", sheet.title


@pytest.mark.parametrize("kind", KINDS)
def test_fonts_are_named_and_wrapped_rows_are_tall_enough(workbooks, kind):
    for sheet in workbooks[kind].worksheets:
        widths = xlsx_print.column_widths(sheet, sheet.max_column)
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.font.name == "Arial", (sheet.title, cell.coordinate)
                wrapped = isinstance(cell.value, str) and cell.alignment.wrap_text
                if not wrapped or cell.coordinate in sheet.merged_cells:
                    continue
                # Longer than any font could print on one line of its column: the row must be taller.
                if len(cell.value) > 1.6 * widths[cell.column - 1]:
                    lines = len(cell.value) / (1.6 * widths[cell.column - 1])
                    height = sheet.row_dimensions[cell.row].height
                    assert height and height >= lines * 12, (sheet.title, cell.coordinate, height)


def test_row_height_estimate():
    assert xlsx_print.row_height([("Short", 20, False)]) is None
    assert xlsx_print.row_height([("x" * 100, 20, False)]) >= 4 * xlsx_print.LINE_POINTS  # a word broken
    words = " ".join(["safeguarding"] * 10)  # 129 characters, 12 to a word: 2 words a line at width 24
    assert xlsx_print.row_height([(words, 24, False)]) == math.ceil(5 * xlsx_print.LINE_POINTS) + 2
    assert xlsx_print.row_height([("one\ntwo", 50, False), ("", 5, False)]) == math.ceil(2 * xlsx_print.LINE_POINTS) + 2


def _rows(sheet) -> list[dict]:
    head = [c.value for c in sheet[1]]
    return [dict(zip(head, row, strict=True)) for row in sheet.iter_rows(min_row=2)]


def test_findings_percentages_are_percentages_and_match_the_data_sheet(workbooks, shipped_sets):
    book = workbooks["findings"]
    for row in _rows(book["Standards"]):
        assert 0 <= row["% meeting"].value <= 1 and row["% meeting"].number_format.endswith("%")
    percentage = [i for s in shipped_sets["s175-kcsie2025"].standards for i in s.items if i.type is ItemType.PERCENTAGE]
    assert percentage
    data = {}
    for row in _rows(book["Data"]):
        data.setdefault(row["Item"].value, []).append(row["Answer"].value)
    items = {row["Item"].value: row for row in _rows(book["Items"])}
    for item in percentage:
        row = items[item.id]
        answers = [v for v in data[item.id] if isinstance(v, (int, float))]  # 100% reads back as 1
        assert row["Median"].value == pytest.approx(statistics.median(answers), abs=1e-4)  # 0.92 both, not 92
        assert row["Median"].number_format.endswith("%") and row["Mean"].number_format.endswith("%")
        assert 0 <= row["Minimum"].value <= row["Maximum"].value <= 1
    types = {row["Type"].value for row in items.values()}
    assert "Yes/no" in types and not {t for t in types if "_" in t or t.islower()}  # words, not ids
    about = {row["Detail"].value: row["Value"].value for row in _rows(book["About"])}
    assert about["Produced"].date() == dt.date.today()
    assert about["Dates counted back from"].date() == REFERENCE


def test_standard_numbers_sort_as_numbers(workbooks):
    book = workbooks["findings"]
    numbers = [row["No."].value for row in _rows(book["Standards"])]
    assert all(isinstance(n, int) for n in numbers) and max(numbers) >= 10
    assert sorted(numbers) == list(range(1, len(numbers) + 1))  # 1, 2, ..., 10, not 1, 10, 11, 2
    for title in ("By sector", "By type", "Items", "Change"):
        column = "No." if title in ("By sector", "By type", "Change") else "Standard"
        values = [row[column].value for row in _rows(book[title]) if title != "Change" or row["Of"].value == "Standard"]
        assert values and all(isinstance(v, int) for v in values), title
    assert {type(row["Standard"].value) for row in _rows(book["Data"])} == {int}
    grades = [row["Number"].value for row in _rows(workbooks["action plan"]["Grades"])]
    assert 10 in grades and "10" not in grades
    assert [row["No."].value for row in _rows(workbooks["action plan"]["Action plan"])] == [1, 2, 3]


def test_header_text_keeps_an_ampersand_and_stays_short(workbooks):
    book = workbooks["peer outcomes"]
    assert book["Outcomes"].oddHeader.center.text == "Peer audit outcomes: Police && health day"
    assert book["Outcomes"].row_dimensions[2].height >= 3 * 12  # the long challenge notes wrap
    very_long = xlsx_print.header_text("A" * 300)
    assert len(very_long) <= xlsx_print.TITLE_CHARACTERS
