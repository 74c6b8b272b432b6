"""Findings checked against small cases computed by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.findings_rows import data_rows
from s11audit.business_unit.records import ActionRecord, ReturnRecord
from s11audit.standards import (
    GradeLevel,
    GradeScale,
    Item,
    ItemType,
    SignOff,
    Standard,
    StandardsSet,
)

SCALE = GradeScale("Not met, partly met, fully met", (
    GradeLevel("not_met", "Not met", "", "#C0392B", 1, True, None),
    GradeLevel("partly_met", "Partly met", "", "#F39C12", 2, True, None),
    GradeLevel("fully_met", "Fully met", "", "#27AE60", 3, False, None)), "fully_met", True, "Not applicable", True)


def make_set() -> StandardsSet:
    s1 = Standard("1", "1", "Leadership", "", "", "", {}, (
        Item("1.1", "Deputy DSL?", ItemType.YES_NO, partly=True, report_label="Deputy DSL"),
        Item("1.2", "Post-16 programme?", ItemType.YES_NO, applies_to=frozenset({"secondary"})),
        Item("1.3", "DSLs", ItemType.NUMBER),
        Item("1.4", "Staff trained", ItemType.PERCENTAGE),
        Item("1.5", "Policy reviewed", ItemType.DATE),
        Item("1.6", "Transfer", ItemType.CHOICE, choices=("Secure", "Post")),
        Item("1.7", "Oversight", ItemType.GRADED)))
    s2 = Standard("2", "2", "Training", "", "", "", {}, (Item("2.1", "Trained?", ItemType.YES_NO),))
    s3 = Standard("3", "3", "Sixth form", "", "", "", {}, (), applies_to=frozenset({"secondary"}))
    return StandardsSet("t", "Test set", "1", "", dt.date(2025, 9, 1), ("education",), SCALE,
                        SignOff("", ()), (s1, s2, s3))


def records() -> list[ReturnRecord]:
    return [
        ReturnRecord("A", "Alpha Primary", "Schools", "primary", {"1": "fully_met", "2": "not_met"}, frozenset(),
                     {"1.1": "yes", "1.2": "yes", "1.3": 2, "1.4": 90, "1.5": "2025-06-01", "1.6": "Secure",
                      "1.7": "fully_met", "2.1": "no"},
                     (ActionRecord("2", "in_progress"), ActionRecord("2", "complete")), {"2": "not_met"}),
        ReturnRecord("B", "Beta Secondary", "Schools", "secondary", {"1": "partly_met", "2": "fully_met",
                                                                     "3": "fully_met"}, frozenset(),
                     {"1.1": "partly", "1.2": "no", "1.3": 4, "1.4": 50, "1.5": "2022-01-01", "1.6": "Post",
                      "1.7": "partly_met", "2.1": "yes"}, (ActionRecord("1", "not_started"),),
                     {"1": "fully_met", "2": "fully_met"}),
        ReturnRecord("C", "Gamma Secondary", "Independent", "secondary", {"1": "fully_met", "3": "not_met"},
                     frozenset({"2"}), {"1.1": "yes", "1.3": 9, "1.5": "2024-09-30", "2.1": "yes"}),
        ReturnRecord("D", "Delta Primary", "Schools", "primary", {"2": "partly_met"}, frozenset(),
                     {"1.1": "no", "2.1": "yes"}),
    ]


TODAY = dt.date(2026, 9, 1)


def test_standard_grades_distribution_and_percent_meeting():
    f = compute_findings(make_set(), records(), reference_date=TODAY, expected=5)
    assert f.received == 4 and f.response_rate == pytest.approx(80.0)
    s1 = f.standard("1")
    # A fully, B partly, C fully, D not graded
    assert s1.grades.counts == (("not_met", 0), ("partly_met", 1), ("fully_met", 2))
    assert (s1.grades.not_graded, s1.grades.not_applicable, s1.grades.graded) == (1, 0, 3)
    assert s1.percent_meeting == pytest.approx(200 / 3)
    s2 = f.standard("2")  # A not met, B fully, C N/A (left out), D partly
    assert s2.grades.not_applicable == 1 and s2.grades.graded == 3
    assert s2.percent_meeting == pytest.approx(100 / 3)
    s3 = f.standard("3")  # applies to secondary only: B fully, C not met; primaries left out whole
    assert s3.grades.graded == 2 and s3.grades.not_graded == 0 and s3.percent_meeting == 50
    assert dict(s1.by_sector)["Schools"].percent_meeting == 50  # A fully, B partly (D not graded)
    assert dict(s1.by_sector)["Independent"].percent_meeting == 100
    assert dict(s2.by_type)["primary"].percent_meeting == 0  # A not met, D partly
    assert [w.standard_id for w in f.weakest] == ["2", "3", "1"]
    assert (s2.actions, s2.open_actions, s1.actions, s1.open_actions) == (2, 1, 1, 1)


def test_checklist_items_only_count_those_to_whom_they_apply():
    f = compute_findings(make_set(), records(), reference_date=TODAY)
    deputy = f.item("1.1")  # yes, partly, yes, no
    assert (deputy.respondents, deputy.answered, deputy.yes, deputy.partly) == (4, 4, 2, 1)
    assert deputy.percent_yes == 50 and deputy.percent_partly == 25
    post16 = f.item("1.2")  # secondary only: B no; A's "yes" does not count; C did not answer
    assert (post16.respondents, post16.answered, post16.yes) == (2, 1, 0)
    assert post16.percent_yes == 0
    trained = f.item("2.1")  # C marked standard 2 not applicable: its answer is left out
    assert (trained.respondents, trained.answered, trained.yes) == (3, 3, 2)


def test_numbers_dates_choices_and_graded_items():
    f = compute_findings(make_set(), records(), reference_date=TODAY)
    n = f.item("1.3").numbers
    assert (n.n, n.median, n.minimum, n.maximum, n.mean) == (3, 4, 2, 9, 5)
    p = f.item("1.4")
    assert p.numbers.median == 70 and p.headline == 70
    d = f.item("1.5").dates  # cut-off 1 Sep 2024: 2025-06-01 and 2024-09-30 within, 2022-01-01 not
    assert (d.n, d.recent, d.oldest, d.newest) == (3, 2, dt.date(2022, 1, 1), dt.date(2025, 6, 1))
    assert d.percent_recent == pytest.approx(200 / 3)
    assert f.item("1.6").choices == (("Secure", 1), ("Post", 1))
    graded = f.item("1.7")
    assert graded.grades.graded == 2 and graded.headline == 50


def test_moderated_basis_and_agreement():
    self_ = compute_findings(make_set(), records(), reference_date=TODAY)
    moderated = compute_findings(make_set(), records(), basis="moderated", reference_date=TODAY)
    # B's standard 1 moderated partly -> fully: 3 of 3 meeting on the moderated basis
    assert self_.standard("1").percent_meeting == pytest.approx(200 / 3)
    assert moderated.standard("1").percent_meeting == 100
    # Moderated: A2 not_met = self (agree), B1 fully != partly, B2 fully = fully: 2 of 3
    assert (self_.agreement.agreed, self_.agreement.moderated) == (2, 3)
    assert self_.agreement.percent == pytest.approx(200 / 3)
    assert self_.standard("1").agreement.percent == 0
    assert self_.standard("2").agreement.percent == 100


def test_filters_keep_only_the_sector_or_type():
    f = compute_findings(make_set(), records(), org_type="primary", reference_date=TODAY)
    assert f.received == 2 and f.standard("1").grades.graded == 1
    g = compute_findings(make_set(), records(), sector="Independent", reference_date=TODAY)
    assert g.received == 1 and g.item("1.1").percent_yes == 100


def test_change_since_last_cycle_in_points():
    last = [ReturnRecord("A", "Alpha", "Schools", "primary", {"1": "not_met", "2": "fully_met"}, frozenset(),
                         {"1.1": "no"}),
            ReturnRecord("B", "Beta", "Schools", "secondary", {"1": "fully_met"}, frozenset(), {"1.1": "yes"})]
    f = compute_findings(make_set(), records(), previous=last, reference_date=TODAY)
    changes = {c.id: c for c in f.standard_changes}
    assert changes["1"].previous == 50 and changes["1"].points == pytest.approx(200 / 3 - 50)
    assert changes["2"].points == pytest.approx(100 / 3 - 100)
    assert "3" not in changes  # no figure last cycle
    items = {c.id: c for c in f.item_changes}
    assert items["1.1"].points == 0  # 50% yes both cycles
    assert "2.1" not in items


def test_data_rows_one_per_organisation_and_applicable_standard_or_item():
    rows = list(data_rows(make_set(), records()))
    # primaries: 2 standards + 7 items (no 1.2); secondaries: 3 standards + 8 items
    assert len(rows) == 2 * 9 + 2 * 11
    first = rows[0]
    assert (first.reference, first.standard, first.item, first.answer) == ("A", "1", "", "Fully met")
    assert any(r.item == "1.4" and r.value == 90 and r.is_percentage for r in rows)
    na = [r for r in rows if r.reference == "C" and r.standard == "2" and r.item == ""]
    assert na[0].answer == "Not applicable"


def test_ten_thousand_records_finish(s175_set):
    # The speed figure is benchmarks/bench_findings.py's; this only guards against a hang at that scale.
    import time

    from benchmarks.bench_findings import make_records
    recs = make_records(s175_set, 10_000)
    start = time.perf_counter()
    findings = compute_findings(s175_set, recs)
    assert time.perf_counter() - start < 20.0
    assert findings.received == 10_000 and len(findings.standards) == sum(s.graded for s in s175_set.standards)
