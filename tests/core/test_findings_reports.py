"""The findings PDF and workbook: key figures in the PDF's text, typed cells in the workbook."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader

from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.records import ReturnRecord
from s11audit.reports.findings_pdf import write_findings_pdf
from s11audit.reports.findings_xlsx import write_findings_xlsx
from tests.core.test_findings import TODAY, make_set, records


def _findings(**kw):
    last = [ReturnRecord("A", "Alpha", "Schools", "primary", {"1": "not_met"}, frozenset(), {"1.1": "no"}),
            ReturnRecord("B", "Beta", "Schools", "secondary", {"1": "fully_met"}, frozenset(), {"1.1": "yes"})]
    return compute_findings(make_set(), records(), previous=last, expected=5, reference_date=TODAY, **kw)


def test_pdf_holds_the_key_figures(tmp_path):
    out = write_findings_pdf(_findings(), make_set(), tmp_path / "findings.pdf", partnership="Northshire SCP",
                             cycle="2026/27", previous_cycle="2025/26")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages).replace("\n", " ")
    assert "Northshire SCP" in text
    assert "4 of 5 expected (80%)" in text
    assert "67%" in text  # standard 1 meeting (2 of 3)
    assert "50% yes, 25% partly" in text  # deputy DSL
    assert "median 4, range 2\u20139, mean 5.0" in text
    assert "\u2191 17 pp" in text and "50% 67%" in text  # standard 1: 50% -> 66.7%, in whole numbers
    assert "agreed with the self-grade in 2 (67%)" in text
    assert "Page 1 of" in text
    assert not list(tmp_path.glob(".*.tmp"))


def test_xlsx_numbers_are_numbers_and_text_never_a_formula(tmp_path):
    recs = records()
    recs[0] = ReturnRecord("=HYPERLINK(\"x\")", "=1+1", "Schools", "primary", recs[0].grades, recs[0].not_applicable,
                           {**recs[0].answers, "1.6": "Secure"}, recs[0].actions, recs[0].moderated)
    findings = compute_findings(make_set(), recs, expected=5, reference_date=TODAY)
    out = write_findings_xlsx(findings, make_set(), recs, tmp_path / "findings.xlsx", partnership="=cmd")
    book = load_workbook(out)
    assert book.sheetnames == ["About", "Standards", "Items", "By sector", "By type", "Data"]
    standards = book["Standards"]
    assert standards.freeze_panes == "A2" and standards.auto_filter.ref
    meeting = standards.cell(2, 5)
    assert abs(meeting.value - 2 / 3) < 1e-9 and "%" in meeting.number_format
    data = book["Data"]
    assert data.max_row == 1 + 40
    assert data.cell(2, 1).value == "=HYPERLINK(\"x\")" and data.cell(2, 1).data_type == "s"
    assert data.cell(2, 2).data_type == "s"
    percentages = [row[7] for row in data.iter_rows(min_row=2) if row[5].value == "1.4"]
    assert percentages[0].value == 0.9 and "%" in percentages[0].number_format
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"


def test_xlsx_change_sheet_when_there_is_a_previous_cycle(tmp_path):
    out = write_findings_xlsx(_findings(), make_set(), records(), tmp_path / "f.xlsx")
    change = load_workbook(out)["Change"]
    rows = {(r[0].value, r[1].value): r for r in change.iter_rows(min_row=2)}
    assert abs(rows["Standard", 1][5].value - 16.67) < 0.01  # the standard's number a number: it sorts
