"""The return PDF and the action plan workbook of a format 2 audit: parts, graded criteria, derived
grades, % scores, an information section, ticked options and dates checked against their rule.

The audit is completed through the store's own API on the shipped criterion-graded example set;
both files are written once for the module (the assertions only read them).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from s11audit.grading import standard_percent
from s11audit.reports.pdf import write_return_pdf
from s11audit.reports.xlsx import write_action_plan_xlsx
from s11audit.standards import discover
from s11audit.store import AuditFile, OrganisationDetails
from s11audit.store.rows import EvidenceFile

SIGNED_ON = dt.date(2026, 11, 20)
SCORES = {"1.1": "3", "1.2": "2", "1.3": "1", "1.4": "2", "2.1": "2", "2.2": "3", "2.3": "1",
          "3.1": "2", "3.2": "1", "3.3": "0", "4.1": "2", "4.2": "3", "4.3": "2", "4.4": "2",
          "5.1": "1", "5.2": "2", "5.3": "2"}
SERVICES = ["Services to children directly", "Commissioning of services from other providers"]
NA_REASON = "We commission no services that have contact with children <none> & never have."


def _evidence(name: str) -> EvidenceFile:
    data = f"%PDF-1.4 {name}".encode()
    return EvidenceFile(name, data, hashlib.sha256(data).hexdigest(), "application/pdf")


def _complete(assessment) -> None:
    """A completed audit on the example set, as an agency would fill it in."""
    for criterion_id, score in SCORES.items():
        assessment.set_grade(criterion_id, score)
    assessment.set_narrative("1.4", "The board minutes of 12 March show challenge on training figures & <follow-up>.")
    assessment.set_narrative("3.3", "No young people have yet been involved in reviewing our services.")
    assessment.set_not_applicable("2.4", NA_REASON)
    assessment.set_grade("3", "partly_met")
    for standard_id in ("1", "2", "3", "4", "5"):
        assessment.set_narrative(standard_id, f"Narrative for standard {standard_id}.")
    assessment.set_answer("A.1", SERVICES)
    assessment.set_answer("A.2", 420)
    assessment.set_answer("A.3", 35)
    assessment.set_answer("A.4", "Dr Helen Okafor, non-executive director")
    assessment.set_answer("A.5", "safeguarding@northfield.example")
    assessment.set_answer("A.6", "2026-06-30")  # within 12 months of sign-off
    assessment.set_answer("3.b", "2024-05-01")  # older than the 12 months the item allows
    assessment.set_answer("1.a", ["Whistleblowing policy", "Safeguarding children policy"])
    report = assessment.evidence.add(_evidence("Board safeguarding report 2026.pdf"))
    assessment.evidence.link(report.id, "1", "1.4")
    assessment.actions.add("3", "Set up a young people's panel to review two services a year", owner="Priya Shah",
                           due_date=dt.date(2027, 3, 31), criterion_id="3.3")
    assessment.actions.add("1", "Add measurable safeguarding objectives to the business plan", owner="Mark Ellis",
                           due_date=dt.date(2027, 1, 31), status="in_progress", criterion_id="1.3")
    assessment.actions.add("5", "Publish the training needs analysis", owner="Aisha Rahman")


@pytest.fixture(scope="module")
def criteria_audit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("criteria")
    example = next(s for s in discover().sets if s.id == "s11-criteria-example")
    organisation = OrganisationDetails("Northfield Community Health NHS Trust", "RXY", "agency", "health")
    with AuditFile.create(folder / "agency.s11audit", organisation, user="Report Tester") as audit_file:
        assessment = audit_file.start_audit(example, "2026/27")
        _complete(assessment)
        signatories = [SimpleNamespace(role="Board-level safeguarding lead", name="Helen Okafor", signed_on=SIGNED_ON)]
        pdf = write_return_pdf(assessment, organisation, folder / "return.pdf", sign_off=signatories)
        xlsx = write_action_plan_xlsx(assessment, organisation, folder / "plan.xlsx")
        yield SimpleNamespace(assessment=assessment, set=example, pdf=pdf, xlsx=xlsx, audit_file=audit_file,
                              responses=assessment.responses())


@pytest.fixture(scope="module")
def pages(criteria_audit):
    reader = PdfReader(criteria_audit.pdf)
    return [" ".join(page.extract_text().split()) for page in reader.pages]



def _flat(text: str) -> str:
    return " ".join(text.split())


def _standard_page(pages, standard) -> str:
    """The text of the page where a standard's section starts (with the next page, where it runs on)."""
    start = next(n for n, p in enumerate(pages) if (p.count(standard.heading) and "Grade given" in p)
                 or (standard.heading in p and "Answers" in p))
    return " ".join(pages[start:start + 2])


def test_pdf_shows_parts_in_the_summary_and_the_outline(criteria_audit, pages):
    example = criteria_audit.set
    summary = next(p for p in pages if "Summary of grades" in p)
    for group in example.groups:
        assert group.title in summary
        assert any(group.title in p and _flat(group.intro) in p for p in pages if "Summary of grades" not in p)
    assert (summary.index("Part B:") < summary.index("Leadership, accountability and governance")
            < summary.index("Part C:"))

    reader = PdfReader(criteria_audit.pdf)
    titles = [entry if isinstance(entry, list) else entry.title for entry in reader.outline]
    parts = reader.outline[titles.index("Standards") + 1]
    part_titles = [entry.title for entry in parts if not isinstance(entry, list)]
    assert part_titles == [g.title for g in example.groups]
    part_b = next(n for n, e in enumerate(parts) if not isinstance(e, list) and e.title == example.groups[1].title)
    under_b = parts[part_b + 1]
    assert [entry.title for entry in under_b] == [example.standard("1").heading, example.standard("2").heading]


def test_pdf_shows_each_criterion_with_its_grade_descriptor_and_comments(criteria_audit, pages):
    example = criteria_audit.set
    page = _standard_page(pages, example.standard("1"))
    criterion = example.criterion("1.4")
    level = criterion.scale.level(SCORES["1.4"])
    assert _flat(criterion.text) in page and level.label in page
    assert _flat(criterion.descriptors[level.id]) in page  # the descriptor of the level chosen, not the others
    assert _flat(criterion.descriptors["3"]) not in page
    assert "Reference: CQC KLOE W1; link to health audit: standard 1.4" in page
    assert "challenge on training figures & <follow-up>." in page  # comments, escaped
    assert "Evidence: Board safeguarding report 2026.pdf" in page
    assert "Worked out from its criteria (rule: mean of scores)" in page

    recruitment = _standard_page(pages, example.standard("2"))
    assert "Not applicable" in recruitment and _flat(NA_REASON) in recruitment
    listening = _standard_page(pages, example.standard("3"))
    assert "Chosen by the organisation" in listening and "Worked out from its criteria" not in listening
    assert "Partly met" in listening


def test_pdf_gives_scores_per_standard_and_overall(criteria_audit, pages):
    example, responses = criteria_audit.set, criteria_audit.responses
    percents = {s.id: standard_percent(s, example.grade_scale, "health", responses) for s in example.standards}
    assert percents["A"] is None and round(percents["1"]) == 67  # (3 + 2 + 1 + 2) / 12
    summary = next(p for p in pages if "Summary of grades" in p)
    for standard in example.standards[1:]:
        label = example.grade_scale.level(responses[standard.id].grade).label
        assert f"{standard.title} {label} {percents[standard.id]:.0f}%" in summary
        assert f"Score {percents[standard.id]:.0f}%" in _standard_page(pages, standard)
    overall = sum(p for p in percents.values() if p is not None) / 5
    assert f"Overall score: {overall:.0f}%" in summary
    assert "The grades of criteria: Score 0 to 3" in summary


def test_pdf_shows_information_sections_ticked_options_and_dates(criteria_audit, pages):
    example = criteria_audit.set
    about = _standard_page(pages, example.standard("A"))
    assert "information section" in about and "Grade given" not in about.split("1. Leadership")[0]
    assert "About your organisation Information" in next(p for p in pages if "Summary of grades" in p)
    assert "\u2713 Services to children directly \u2713 Commissioning of services from other providers" in about
    assert "30 June 2026 Should be within the last 12 months." in about
    listening = _standard_page(pages, example.standard("3"))
    assert "1 May 2024 Out of date: should be within the last 12 months (checked on 20 November 2026)." in listening
    leadership = _standard_page(pages, example.standard("1"))
    # ticked options one a line, in the order the set lists them
    assert "\u2713 Safeguarding children policy \u2713 Whistleblowing policy" in leadership
    plan = pages[-1]
    assert "Action plan" in plan and "Criterion 3.3" in plan and "Criterion 1.3" in plan


def test_workbook_has_parts_and_criteria_in_the_action_plan(criteria_audit):
    workbook = load_workbook(criteria_audit.xlsx)
    sheet = workbook["Action plan"]
    assert [c.value for c in sheet[1]] == ["Part", "No.", "Standard", "Criterion", "Action", "Owner", "Due date",
                                           "Status", "Progress notes"]
    rows = {row[4].value: row for row in sheet.iter_rows(min_row=2)}
    panel = rows["Set up a young people's panel to review two services a year"]
    assert panel[0].value == "Part C: Working with children, families and partners"
    assert (panel[1].value, panel[2].value) == (3, criteria_audit.set.standard("3").title)  # the number sorts
    assert panel[3].value.startswith("3.3 Children and young people help to design") and len(panel[3].value) <= 80
    assert rows["Publish the training needs analysis"][3].value is None  # an action for the standard as a whole
    validation = sheet.data_validations.dataValidation[0]
    assert str(validation.sqref).startswith("H2:H")  # the status drop-down moved with its column
    rules = [rule.formula[0] for rng in sheet.conditional_formatting for rule in rng.rules]
    assert any("$G2<TODAY()" in f for f in rules) and all("$H2" in f for f in rules)
    for ws in workbook.worksheets:
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"


def test_workbook_lists_criteria_grades_under_their_standards(criteria_audit):
    example, responses = criteria_audit.set, criteria_audit.responses
    grades = load_workbook(criteria_audit.xlsx)["Grades"]
    assert [c.value for c in grades[1]][:5] == ["Number", "Standard or criterion", "Grade", "Score",
                                                "How graded, or reason not applicable"]
    firsts = [row[0].value for row in grades.iter_rows(min_row=2) if row[0].value]
    assert firsts[:8] == [example.groups[0].title, "A", example.groups[1].title, 1, "1.1", "1.2", "1.3", "1.4"]
    assert "A2:G2" in {str(r) for r in grades.merged_cells.ranges}  # a part's title spans the sheet
    table = {row[0].value: row for row in grades.iter_rows(min_row=2) if row[0].value}
    assert table["A"][2].value == "Information" and table["A"][3].value is None
    leadership = table[1]  # a whole number stored as a number, so that it sorts
    assert leadership[1].font.b and leadership[2].value == "Mostly met"
    assert leadership[4].value == "Worked out from its criteria (rule: mean of scores)"
    assert leadership[3].value == pytest.approx(standard_percent(example.standard("1"), example.grade_scale, "health",
                                                                 responses) / 100, abs=1e-4)
    assert leadership[3].number_format == "0%"
    criterion = table["1.3"]
    level = example.criterion("1.3").scale.level("1")
    assert criterion[2].value == level.label and criterion[2].fill.fgColor.rgb.endswith(level.colour[1:].upper())
    assert criterion[1].alignment.indent == 2 and criterion[5].value == 1  # its action
    assert table["1.4"][6].value == 1  # its evidence
    assert table["2.4"][2].value == "Not applicable" and table["2.4"][4].value == NA_REASON
    assert table[3][4].value.startswith("Chosen by the organisation")
    last = grades[grades.max_row]
    assert last[1].value.startswith("Overall score") and 0 < last[3].value < 1
    assert grades.row_dimensions[table["2.3"][0].row].height >= 3 * 14  # tall enough for its wrapped text


def test_export_snapshot_gives_the_reports_the_criteria(criteria_audit, tmp_path):
    from s11audit.export import take_snapshot

    snapshot = take_snapshot(criteria_audit.audit_file, criteria_audit.assessment, with_return=False)
    written = snapshot.write(pdf=tmp_path / "snapshot.pdf", xlsx=tmp_path / "snapshot.xlsx")
    text = _flat(" ".join(page.extract_text() for page in PdfReader(written.pdf).pages))
    assert "Worked out from its criteria (rule: mean of scores)" in text and "Criterion 3.3" in text
    assert "Reason not applicable" in text and "\u2713 Services to children directly" in text
    grades = load_workbook(written.xlsx)["Grades"]
    assert "2.4" in [row[0].value for row in grades.iter_rows(min_row=2)]
