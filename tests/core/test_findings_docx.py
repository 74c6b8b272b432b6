"""The findings as an accessible Word document, read back with python-docx: title, language, headings,
repeating header rows, charts with alternative text stating the figures, percentages rounded half up."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from PIL import Image

from s11audit.business_unit.annual_summary import AnnualSummary, HeadlineMeasure, ResponseRate
from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.records import ReturnRecord
from s11audit.reports import ReportError
from s11audit.reports.findings_docx import write_findings_docx

BU = "Northfield Safeguarding Children Partnership"


def _record(n: int, grade: str, org_type: str = "primary", answers: dict | None = None) -> ReturnRecord:
    return ReturnRecord(f"URN {n}", f"School {n}", "Education", org_type, grades={"1": grade, "2": "fully_met"},
                        answers=answers or {})


@pytest.fixture(scope="module")
def findings(shipped_sets):
    s175_set = shipped_sets["s175-kcsie2025"]
    # Standard 1: 5 of 8 fully met = 62.5% -> 63% half up (62% half to even). Item 1.2: 5 of 8 yes.
    records = [_record(n, "fully_met" if n < 5 else "partly_met", answers={"1.2": "yes" if n < 5 else "no"})
               for n in range(8)]
    previous = [_record(n, "fully_met" if n < 3 else "not_met", answers={"1.2": "yes" if n < 3 else "no"})
                for n in range(8)]  # 3 of 8 = 37.5% -> 38%; change +25 points
    return compute_findings(s175_set, records, previous=previous, previous_set=s175_set, expected=10,
                            reference_date=dt.date(2027, 3, 31), previous_reference_date=dt.date(2026, 3, 31))


@pytest.fixture(scope="module")
def summary():
    return AnnualSummary(
        "2026/27", "2025/26", BU, ResponseRate("All", 8, 10, 80.0, 62.5),
        (ResponseRate("Education", 8, 10, 80.0, 62.5),),
        (ResponseRate("Primary", 5, 8, 62.5, 50.0), ResponseRate("Secondary", 3, 2 * 2, 75.0, None)),
        (HeadlineMeasure("Early help training", "91% of returning settings have accessed early help training "
                         "(85% in 2025/26).", 90.5, 84.5, 8),),
        ("1. Leadership and governance (63% meeting)",), (("1. Leadership and governance", 3),))


@pytest.fixture(scope="module")
def written(findings, summary, shipped_sets, tmp_path_factory):
    out = write_findings_docx(findings, shipped_sets["s175-kcsie2025"],
                              tmp_path_factory.mktemp("docx") / "findings.docx", summary, cycle="2026/27",
                              previous_cycle="2025/26", business_unit=BU)
    return Document(str(out))


def _texts(document) -> str:
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_title_author_and_language(written):
    properties = written.core_properties
    assert properties.title.startswith("Findings: Section 175/157") and properties.title.endswith("2026/27")
    assert properties.author == BU and "findings" in properties.subject.lower()
    defaults = written.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
    assert properties.language == "en-GB"


def test_real_headings_in_order(written):
    headings = [(p.style.name, p.text) for p in written.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", written.core_properties.title)
    names = [text for style, text in headings if style == "Heading 1"]
    assert names[:3] == ["Annual report summary", "Who returned", "Standards met"]  # the summary comes first
    assert "Findings by standard" in names
    assert ("Heading 2", "1. Leadership and governance") in headings
    assert ("Heading 2", "Headline measures") in headings
    levels = [0 if style == "Title" else int(style.split()[-1]) for style, _ in headings]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))  # never a level skipped


def test_every_table_has_a_repeating_header_row(written):
    assert len(written.tables) >= 10
    for grid in written.tables:
        assert grid.style.name == "Table Grid"
        first = grid.rows[0]._tr.trPr
        assert first is not None and first.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
        assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in grid.rows[1:])


def test_charts_are_pictures_whose_alt_text_states_the_figures(written):
    pictures = written.inline_shapes
    assert len(pictures) == 2
    meeting, spread = (shape._inline.docPr.get("descr") for shape in pictures)
    assert "1. Leadership and governance: 63%" in meeting and "2. Designated safeguarding lead" in meeting
    assert "1. Leadership and governance: Not met 0%, Partly met 38%, Fully met 63%" in spread
    for shape in pictures:
        blob = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        image = Image.open(io.BytesIO(written.part.related_parts[blob].blob))
        assert image.format == "PNG" and image.width >= 1200


def test_percentages_round_half_up_everywhere(written):
    text = _texts(written)
    assert "62%" not in text and "38%" in text and "63%" in text  # 62.5 -> 63, 37.5 -> 38
    assert re.search(r"63% of the 8 organisations graded on this standard were graded Fully met or above "
                     r"\(38% since 2025/26, \+25 points\)", text)
    assert "8 of 10 organisations returned the audit in 2026/27: 80% (63% in 2025/26)." in text
    item = next(row for grid in written.tables for row in grid.rows if row.cells[0].text == "1.2")
    assert [c.text for c in item.cells][2:] == ["8 of 8", "63% yes", "+25 points"]
    summary_rates = next(grid for grid in written.tables if grid.rows[0].cells[0].text == "Organisations")
    assert [c.text for c in summary_rates.rows[3].cells] == ["Type: Primary", "5", "8", "63%", "50%"]


def test_an_unwritable_folder_is_a_report_error(findings, s175_set, tmp_path):
    with pytest.raises(ReportError, match="Cannot write"):
        write_findings_docx(findings, s175_set, tmp_path / "missing" / "f.docx")


def test_cli_findings_docx_writes_the_summary_and_the_findings(tmp_path, s175_set, capsys):
    from benchmarks.make_returns import Organisation, write_one
    from s11audit.business_unit.importing import import_returns
    from s11audit.business_unit.workspace import OrganisationEntry, Workspace
    from s11audit.cli import main

    organisations = [Organisation(f"School {n}", f"URN {n}", "Education", "primary", "Head", f"h@s{n}.example.org")
                     for n in range(1, 4)]
    path = tmp_path / "unit.s11workspace"
    with Workspace.create(path, user="BU") as workspace:
        cycle = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        workspace.add_organisations(cycle.id, [OrganisationEntry(o.name, o.reference, o.sector, o.org_type,
                                                                 o.contact_name, o.contact_email)
                                               for o in organisations])
        import_returns(workspace, cycle, [write_one(tmp_path, s175_set, o) for o in organisations[:2]])
    out = tmp_path / "findings.docx"
    assert main(["findings", str(path), "--cycle", "2026/27", "--docx", str(out)]) == 0
    assert f"Word document: {out}" in capsys.readouterr().out
    document = Document(str(out))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"][:2] == ["Annual report summary",
                                                                                         "Who returned"]
    assert "2 of 3 organisations returned the audit in 2026/27: 67%." in _texts(document)  # 66.7 -> 67
    # For one sector there is no summary (it is of the whole cycle): the findings come first.
    assert main(["findings", str(path), "--cycle", "2026/27", "--docx", str(out), "--sector", "Education"]) == 0
    document = Document(str(out))
    assert next(p.text for p in document.paragraphs if p.style.name == "Heading 1") == "Who returned"
    assert "Sector: Education" in _texts(document)
