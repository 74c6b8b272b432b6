"""Findings on a criterion-graded set (format 2), checked against small cases worked out by hand:
per criterion figures, moderated against self, multi-select percentages, date windows, information
standards left out of grades, % scores and parts."""

from __future__ import annotations

import datetime as dt

import pytest

from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.findings_rows import data_rows
from s11audit.business_unit.records import ReturnRecord

TODAY = dt.date(2026, 9, 1)
KIDS, PARENTS = "Services to children directly", "Services to parents and carers"


@pytest.fixture(scope="module")
def example(shipped_sets):
    return shipped_sets["s11-criteria-example"]


def records() -> list[ReturnRecord]:
    return [
        ReturnRecord("R1", "Riverside", "Health", "health", {"1": "mostly_met", "2": "fully_met", "3": "partly_met"},
                     frozenset(), {"A.1": [KIDS, PARENTS], "A.6": "2026-01-10", "4.b": "2024-06-01"},
                     criteria={"1.1": "3", "1.2": "0", "1.3": "2", "1.4": "2", "2.1": "3", "2.2": "3", "2.3": "3"},
                     criteria_na=frozenset({"2.4"}), moderated_criteria={"1.1": "2"}),
        ReturnRecord("R2", "Northgate", "Police", "police", {"1": "mostly_met"}, frozenset(),
                     {"A.1": [KIDS], "A.6": "2025-01-01", "4.b": "2021-01-01"},
                     criteria={"1.1": "1", "1.2": "1", "1.3": "2", "1.4": "3"}),
        ReturnRecord("R3", "Eastbrook", "Health", "health", {}, frozenset(), {"A.6": "2026-08-01"},
                     criteria={"1.1": "3"}),
    ]


def test_figures_per_criterion_on_its_own_scale(example):
    f = compute_findings(example, records(), reference_date=TODAY)
    one = f.standard("1")
    assert [c.criterion_id for c in one.criteria] == ["1.1", "1.2", "1.3", "1.4"]
    c11 = one.criteria[0]  # R1 3, R2 1, R3 3
    assert c11.grades.counts == (("0", 0), ("1", 1), ("2", 0), ("3", 2))
    assert (c11.grades.graded, c11.grades.meeting) == (3, 2) and c11.percent_meeting == pytest.approx(200 / 3)
    assert c11.mean_score == pytest.approx(7 / 3)
    c12 = one.criteria[1]  # R1 0, R2 1, R3 not graded
    assert (c12.grades.graded, c12.grades.meeting, c12.grades.not_graded) == (2, 0, 1)
    c24 = f.standard("2").criteria[3]  # R1 not applicable, R2 and R3 not graded
    assert (c24.grades.not_applicable, c24.grades.not_graded, c24.percent_meeting) == (1, 2, None)
    assert one.group_id == "part-b" and one.group_title.startswith("Part B")
    assert f.groups[0] == ("part-a", "Part A: About your organisation")


def test_moderated_against_self_per_criterion(example):
    self_basis = compute_findings(example, records(), reference_date=TODAY).standard("1").criteria[0]
    assert (self_basis.agreement.moderated, self_basis.agreement.agreed) == (1, 0)
    assert (self_basis.self_mean_moderated, self_basis.moderated_mean) == (3.0, 2.0)
    moderated = compute_findings(example, records(), basis="moderated", reference_date=TODAY).standard("1").criteria[0]
    assert moderated.grades.counts == (("0", 0), ("1", 1), ("2", 1), ("3", 1))  # R1's 3 moderated to 2
    assert moderated.mean_score == pytest.approx(2.0)


def test_multi_select_percent_of_those_who_answered(example):
    item = compute_findings(example, records(), reference_date=TODAY).item("A.1")
    assert (item.respondents, item.answered) == (3, 2)  # R3 did not answer: left out of the denominator
    shares = dict(item.choice_percents)
    assert shares[KIDS] == 100 and shares[PARENTS] == 50
    assert shares["Residential or overnight care for children"] == 0
    assert item.headline is None


def test_dates_count_within_the_items_own_window(example):
    f = compute_findings(example, records(), reference_date=TODAY)
    board = f.item("A.6")  # P12M: from 1 September 2025
    assert (board.dates.n, board.dates.recent) == (3, 2) and board.within_words == "within 12 months"
    checked = f.item("4.b")  # P3Y: from 1 September 2023, so June 2024 counts (two years would not)
    assert (checked.dates.n, checked.dates.recent) == (2, 1) and checked.within_words == "within 3 years"


def test_information_standards_are_left_out_of_grade_figures(example):
    f = compute_findings(example, records(), reference_date=TODAY)
    assert "A" not in [s.standard_id for s in f.standards]
    assert "A" not in [s.standard_id for s in f.weakest]
    assert f.item("A.1").standard_id == "A" and f.item("A.1").group_id == "part-a"


def test_percent_score_per_standard_and_overall(example):
    f = compute_findings(example, records(), reference_date=TODAY)
    one = f.standard("1")
    # R1: (100 + 0 + 67 + 67) / 4 = 58.3; R2: (33 + 33 + 67 + 100) / 4 = 58.3; R3: 1.1 only, 100
    assert one.scored == 3 and one.percent_score == pytest.approx((175 / 3 * 2 + 100) / 3)
    assert f.standard("2").percent_score == 100 and f.standard("4").percent_score is None
    # every standard % score of every return: 58.3, 58.3, 100 (standard 1) and 100 (standard 2)
    assert f.percent_score == pytest.approx((175 / 3 * 2 + 200) / 4)


def test_data_rows_carry_criteria_parts_and_multi_select_answers(example):
    rows = [r for r in data_rows(example, records()) if r.reference == "R1"]
    assert not any(r.standard == "A" and r.item == "" for r in rows)  # no grade row for information
    criterion = next(r for r in rows if r.item == "1.1")
    assert criterion.answer == "3 - Evidence of good practice / embedded" and criterion.group.startswith("Part B")
    na = next(r for r in rows if r.item == "2.4")
    assert na.answer == "Not applicable"
    assert next(r for r in rows if r.item == "A.1").answer == f"{KIDS}; {PARENTS}"


def test_moderated_criteria_give_a_derived_standard_its_moderated_grade(example):
    from dataclasses import replace

    recs = records()
    recs[0] = replace(recs[0], moderated_criteria={"1.1": "0"})  # R1: 0, 0, 2, 2 is a mean of 33 %: partly met
    moderated = compute_findings(example, recs, basis="moderated", reference_date=TODAY).standard("1")
    assert dict(moderated.grades.counts)["partly_met"] == 1 and dict(moderated.grades.counts)["mostly_met"] == 1
    assert moderated.agreement.moderated == 0  # the standard itself was not moderated
    row = next(r for r in data_rows(example, recs, basis="moderated") if r.reference == "R1" and r.standard == "1"
               and r.item == "")
    assert row.answer == "Partly met"
    assert compute_findings(example, recs, reference_date=TODAY).standard("1").grades.counts[2] == ("mostly_met", 2)


def test_findings_documents_show_parts_criteria_options_and_windows(example, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from s11audit.reports.findings_pdf import write_findings_pdf
    from s11audit.reports.findings_xlsx import write_findings_xlsx

    findings = compute_findings(example, records(), reference_date=TODAY)
    pdf = write_findings_pdf(findings, example, tmp_path / "f.pdf", cycle="2026/27")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Criteria Each criterion is graded on its own scale (Score 0 to 3)" in text
    assert "Part B: Leadership, accountability and a safe workforce" in text
    assert "1.1 A named member of the board" in text and "Moderated" in text
    assert "of the 2 organisations who answered, the share ticking each option" in text
    assert "within 12 months" in text and "within 3 years" in text and "within two years" not in text
    assert "Overall score: 79%" in text
    book = load_workbook(write_findings_xlsx(findings, example, records(), tmp_path / "f.xlsx"))
    assert book.sheetnames == ["About", "Standards", "Criteria", "Items", "By sector", "By type", "Data"]
    criteria = {row[1]: row for row in book["Criteria"].iter_rows(min_row=2, values_only=True)}
    head = [c.value for c in book["Criteria"][1]]
    c11 = dict(zip(head, criteria["1.1"], strict=True))
    assert (c11["Graded"], c11["Meeting"], c11["Mean score"], c11["Moderated"]) == (3, 2, 2.33, 1)
    assert c11["Part"].startswith("Part B") and c11["3 - Evidence of good practice / embedded"] == 2
    items = {row[1]: row for row in book["Items"].iter_rows(min_row=2, values_only=True)}
    item_head = [c.value for c in book["Items"][1]]
    a1 = dict(zip(item_head, items["A.1"], strict=True))
    assert a1["Choices"].startswith(f"{KIDS}: 2 (100%); {PARENTS}: 1 (50%)")
    assert dict(zip(item_head, items["4.b"], strict=True))["Window"] == "within 3 years"
    assert "A" not in [row[0] for row in book["Standards"].iter_rows(min_row=2, values_only=True)]
