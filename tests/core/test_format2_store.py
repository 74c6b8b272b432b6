"""The store on a standards format 2 set (no Qt): criteria graded one by one with the standard's grade
derived in the same change, information sections, N/A rules, multi-select answers, date windows in
completeness, actions on a criterion and the undo path, on a small set written for these tests."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from s11audit.completeness import Gap, check
from s11audit.standards.loader import load_file
from s11audit.store import AnswerError, AuditFile, AuditFileError, EvidenceFile, OrganisationDetails

SET = """\
format: s11audit-standards/2
id: "f2-store-test"
title: "Format 2 store test"
version: "1"
legal_basis: "Section 11, Children Act 2004"
effective_date: 2026-09-01
organisation_kinds: [agency]
grade_scale:
  name: Red, amber, green
  levels:
    - {id: red, label: Red, meaning: Not in place., colour: "#C0392B", score: 0, needs_action: true}
    - {id: amber, label: Amber, meaning: Partly in place., colour: "#F39C12", score: 1, needs_action: true}
    - {id: green, label: Green, meaning: In place., colour: "#27AE60", score: 2, requires: evidence}
  meets: green
  not_applicable: {label: Not applicable, reason_required: true}
scales:
  score-0-3:
    name: Score 0 to 3
    levels:
      - {id: "0", label: "0", meaning: None., colour: "#C0392B", score: 0, needs_action: true}
      - {id: "1", label: "1", meaning: Some., colour: "#E67E22", score: 1, needs_action: true}
      - {id: "2", label: "2", meaning: Clear., colour: "#F1C40F", score: 2}
      - {id: "3", label: "3", meaning: Embedded., colour: "#27AE60", score: 3}
    meets: "2"
sign_off:
  declaration: We confirm this is accurate.
  signatories: [{role: Chief executive}]
standards:
  - id: "A"
    number: "A"
    kind: information
    title: About your organisation
    intent: The facts.
    items:
      - {id: "A.1", text: Services provided (tick all that apply), type: multi_choice,
         choices: [Children, Parents, Adults]}
      - {id: "A.2", text: Date of the last board report, type: date, within: P12M}
  - id: "1"
    number: "1"
    title: Lowest
    intent: Graded by its lowest criterion.
    grade_from_criteria: lowest
    criteria:
      - {id: "1.1", text: First., descriptors: {red: r, amber: a, green: g}}
      - {id: "1.2", text: Second., descriptors: {red: r, amber: a, green: g}}
      - {id: "1.3", text: Third., descriptors: {red: r, amber: a, green: g}}
  - id: "2"
    number: "2"
    title: Most common
    intent: Graded by its most common criterion grade.
    grade_from_criteria: most_common
    criteria:
      - {id: "2.1", text: First., descriptors: {red: r, amber: a, green: g}}
      - {id: "2.2", text: Second., descriptors: {red: r, amber: a, green: g}}
      - {id: "2.3", text: Third., descriptors: {red: r, amber: a, green: g}}
  - id: "3"
    number: "3"
    title: Mean score
    intent: Graded by the mean of its criteria's scores.
    grade_from_criteria: mean_score
    not_applicable: not_allowed
    criteria:
      - {id: "3.1", text: First., scale: score-0-3, descriptors: {"0": a, "1": b, "2": c, "3": d}}
      - {id: "3.2", text: Second., scale: score-0-3, not_applicable: reason_required,
         descriptors: {"0": a, "1": b, "2": c, "3": d}}
      - {id: "3.3", text: Third., scale: score-0-3, descriptors: {"0": a, "1": b, "2": c, "3": d}}
  - id: "4"
    number: "4"
    title: Chosen
    intent: Graded by the organisation, its criteria shown.
    not_applicable: not_allowed
    criteria:
      - {id: "4.1", text: First., descriptors: {red: r, amber: a, green: g}}
      - {id: "4.2", text: Second., not_applicable: allowed, descriptors: {red: r, amber: a, green: g}}
  - id: "5"
    number: "5"
    title: Plain
    intent: Graded on its own.
    not_applicable: allowed
    descriptors: {red: r, amber: a, green: g}
"""


@pytest.fixture(scope="module")
def f2_set(tmp_path_factory):
    path = tmp_path_factory.mktemp("sets") / "f2-store-test.yaml"
    path.write_text(SET, encoding="utf-8")
    return load_file(path)


@pytest.fixture
def assessment(tmp_path, f2_set):
    standards_set = f2_set
    organisation = OrganisationDetails("Northfield Community Health NHS Trust", "RXY", "agency", "health")
    with AuditFile.create(tmp_path / "agency.s11audit", organisation, user="Test User") as audit_file:
        yield audit_file.start_audit(standards_set, "2026/27")


def _grades(assessment, grades: dict[str, str]) -> None:
    for target_id, grade in grades.items():
        assessment.set_grade(target_id, grade)


def _trail_since(assessment, count: int) -> list:
    return list(reversed(assessment.trail()))[count:]


# --- a standard's grade worked out from its criteria --------------------------------------------------


def test_grading_the_last_criterion_derives_the_standard_in_the_same_change(assessment):
    _grades(assessment, {"1.1": "green", "1.2": "amber"})
    assert assessment.response("1").grade is None  # not while a criterion is ungraded
    before = len(assessment.trail())
    assessment.set_grade("1.3", "green")
    assert assessment.response("1").grade == "amber"  # lowest
    entries = _trail_since(assessment, before)
    assert [(e.what, e.old_value, e.new_value) for e in entries] == [
        ("Criterion 1.3: grade", "", "Green"),
        ("Standard 1 (Lowest): grade worked out from its criteria", "", "Amber"),
    ]
    before = len(assessment.trail())
    assessment.set_grade("1.2", "green")
    assert assessment.response("1").grade == "green"
    assert [e.what for e in _trail_since(assessment, before)] == [
        "Criterion 1.2: grade", "Standard 1 (Lowest): grade worked out from its criteria"]
    before = len(assessment.trail())
    assessment.set_grade("1.2", "green")  # no change: no trail entry
    assessment.set_narrative("1.1", "Board minutes show it.")  # a narrative does not touch the grade
    assert [e.what for e in _trail_since(assessment, before)] == ["Criterion 1.1: narrative"]


def test_a_criterion_change_that_fails_leaves_neither_grade(assessment, monkeypatch):
    _grades(assessment, {"1.1": "green", "1.2": "green"})

    def broken(*args, **kwargs):
        raise RuntimeError("the rule failed")

    monkeypatch.setattr("s11audit.store.assessment.derived_grade", broken)
    with pytest.raises(RuntimeError):
        assessment.set_grade("1.3", "red")
    monkeypatch.undo()
    assert assessment.response("1.3").grade is None and assessment.response("1").grade is None
    assert "Criterion 1.3: grade" not in [e.what for e in assessment.trail()]


@pytest.mark.parametrize(("grades", "expected"), [
    (["green", "amber", "amber"], "amber"),
    (["green", "green", "red"], "green"),
    (["green", "red", "amber"], "red"),  # a three-way tie goes to the lowest
])
def test_most_common(assessment, grades, expected):
    _grades(assessment, dict(zip(["2.1", "2.2", "2.3"], grades, strict=True)))
    assert assessment.response("2").grade == expected


@pytest.mark.parametrize(("scores", "expected"), [
    (["3", "2", "3"], "green"),  # mean 89% of the 0-3 scale: nearest green (100%)
    (["1", "2", "1"], "amber"),  # 44%: nearest amber (50%)
    (["0", "1", "1"], "red"),    # 22%: nearer red (0%) than amber (50%)
    (["0", "3", "0"], "amber"),  # 33%: nearer amber
])
def test_mean_score(assessment, scores, expected):
    _grades(assessment, dict(zip(["3.1", "3.2", "3.3"], scores, strict=True)))
    assert assessment.response("3").grade == expected


def test_a_criterion_not_applicable_leaves_the_mean_and_clearing_a_grade_clears_the_standard(assessment):
    _grades(assessment, {"3.1": "3", "3.2": "0", "3.3": "2"})
    assert assessment.response("3").grade == "amber"  # 56%
    assessment.set_not_applicable("3.2", "We do not commission this service.")
    assert assessment.response("3").grade == "green"  # 83%, from 3.1 and 3.3 only
    assessment.set_grade("3.3", None)
    assert assessment.response("3").grade is None
    assert assessment.trail(1)[0].what == "Standard 3 (Mean score): grade worked out from its criteria"


def test_set_grade_is_refused_on_derived_and_information_standards(assessment):
    with pytest.raises(AuditFileError, match="grade of standard 1 is worked out from its criteria; grade the criteria"):
        assessment.set_grade("1", "green")
    with pytest.raises(AuditFileError, match="standard A is an information section and has no grade"):
        assessment.set_grade("A", "green")
    with pytest.raises(AuditFileError, match="'amber' is not a grade of Score 0 to 3"):
        assessment.set_grade("3.1", "amber")  # a criterion is graded on its own scale
    assert assessment.responses() == {}


def test_a_chosen_standard_with_criteria_takes_its_own_grade(assessment):
    _grades(assessment, {"4.1": "red", "4.2": "red"})
    assert assessment.response("4").grade is None  # chosen: never worked out
    assessment.set_grade("4", "amber")
    assert assessment.response("4").grade == "amber"
    assessment.set_grade("4.1", "green")
    assert assessment.response("4").grade == "amber"


# --- not applicable ---------------------------------------------------------------------------------


def test_not_applicable_is_refused_where_the_set_does_not_allow_it(assessment):
    with pytest.raises(AuditFileError, match=r"criterion 3\.1 may not be marked not applicable"):
        assessment.set_not_applicable("3.1", "No reason is enough")
    with pytest.raises(AuditFileError, match="standard 4 may not be marked not applicable"):
        assessment.set_not_applicable("4", "No reason is enough")
    with pytest.raises(AuditFileError, match="standard A may not be marked not applicable"):
        assessment.set_not_applicable("A")
    assert assessment.responses() == {}
    assessment.set_not_applicable("4.2")  # allowed, without a reason
    assessment.set_not_applicable("5")
    assert assessment.response("4.2").not_applicable and assessment.response("5").not_applicable
    missing = {(m.gap, m.item_id or m.standard_id) for m in assessment.completeness().missing}
    assert (Gap.NA_REASON, "4.2") not in missing and (Gap.NA_REASON, "5") not in missing


def test_a_reason_is_required_by_completeness_where_the_set_says(assessment):
    assessment.set_not_applicable("3.2", "")
    assert [m.message for m in assessment.completeness().missing if m.gap is Gap.NA_REASON] == [
        "Standard 3, criterion 3.2: marked not applicable without a reason"]
    assessment.set_na_reason("3.2", "We do not commission this service.")
    assert not [m for m in assessment.completeness().missing if m.gap is Gap.NA_REASON]


# --- answers and completeness -----------------------------------------------------------------------


def test_multi_choice_answers_are_kept_in_the_sets_order_without_repeats(assessment):
    assessment.set_answer("A.1", ["Adults", "Children", "Adults"])
    assert assessment.answer("A.1") == ["Children", "Adults"]
    assert assessment.shown_answer("A.1", assessment.answer("A.1")) == "Children; Adults"
    assessment.set_answer("A.1", "Parents")  # one choice on its own
    assert assessment.answer("A.1") == ["Parents"]
    with pytest.raises(AnswerError, match="'Pets' is not one of the choices"):
        assessment.set_answer("A.1", ["Children", "Pets"])
    with pytest.raises(AnswerError, match="list of the choices ticked"):
        assessment.set_answer("A.1", 3)
    assert assessment.answer("A.1") == ["Parents"]
    assessment.set_answer("A.1", [])  # nothing ticked: no answer
    assert assessment.answer("A.1") is None


def test_completeness_counts_criteria_and_information_sections(assessment):
    report = assessment.completeness()
    # A: two fields; 1-3: three criteria each (never their own grade); 4: its grade and two criteria; 5: its grade.
    assert report.per_standard == {"A": (0, 2), "1": (0, 3), "2": (0, 3), "3": (0, 3), "4": (0, 3), "5": (0, 1)}
    assert report.total == 15
    ungraded = {m.item_id or m.standard_id for m in report.missing if m.gap is Gap.UNGRADED}
    assert ungraded == {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4", "4.1", "4.2", "5"}
    assessment.set_answer("A.1", ["Children"])
    assessment.set_answer("A.2", dt.date.today().isoformat())
    _grades(assessment, {"3.1": "2", "3.2": "3", "3.3": "2"})
    report = assessment.completeness()
    assert report.per_standard["A"] == (2, 2) and report.per_standard["3"] == (3, 4)
    assert not report.for_standard("A")
    assert assessment.response("3").grade == "green"
    # What the worked-out grade needs is asked of the standard, one more thing to do in its count.
    assert [m.message for m in report.for_standard("3")] == [
        "Standard 3: Green may only be chosen with evidence linked"]
    data = b"Audit report\n"
    row = assessment.evidence.add(EvidenceFile("audit.txt", data, hashlib.sha256(data).hexdigest(), "text/plain"))
    assessment.evidence.link(row.id, "3")
    assert not assessment.completeness().for_standard("3")
    assert assessment.completeness().per_standard["3"] == (4, 4)


def test_a_date_outside_its_window_is_a_hint_not_a_gap(assessment):
    assessment.set_answer("A.1", ["Children"])
    assessment.set_answer("A.2", "2025-03-01")
    report = assessment.completeness()
    assert report.per_standard["A"] == (2, 2) and not report.for_standard("A")
    today = dt.date(2026, 11, 1)
    args = (assessment.standards_set, assessment.org_type, assessment.responses(), assessment.answers(), [], [])
    [hint] = check(*args, today=today).hints
    assert (hint.gap, hint.standard_id, hint.item_id) == (Gap.OUT_OF_DATE, "A", "A.2")
    assert "2025-03-01" in hint.message
    assessment.set_answer("A.2", "2025-11-01")  # exactly 12 months back is still within
    assert check(assessment.standards_set, assessment.org_type, assessment.responses(), assessment.answers(), [], [],
                 today=today).hints == ()


# --- actions and evidence on a criterion ------------------------------------------------------------


def test_an_action_on_a_criterion_is_what_its_grade_needs(assessment):
    assessment.set_grade("4.1", "red")
    assessment.actions.add("4", "Not this one: for the standard as a whole")
    needs = [m for m in assessment.completeness().missing if m.gap is Gap.NEEDS_ACTION]
    assert [(m.standard_id, m.item_id) for m in needs] == [("4", "4.1")]
    action = assessment.actions.add("4", "Put 4.1 in place", owner="Priya Shah", criterion_id="4.1")
    assert action.criterion_id == "4.1" and assessment.actions.all_actions()[-1].criterion_id == "4.1"
    assert assessment.trail(1)[0].what == "Action added to criterion 4.1"
    assert not [m for m in assessment.completeness().missing if m.gap is Gap.NEEDS_ACTION]
    with pytest.raises(AuditFileError, match=r"criterion '4\.1' belongs to standard 4, not '5'"):
        assessment.actions.add("5", "Wrong standard", criterion_id="4.1")
    with pytest.raises(AuditFileError, match=r"no criterion '9\.9'"):
        assessment.actions.add("4", "No such criterion", criterion_id="9.9")
    assert len(assessment.actions.all_actions()) == 2


def test_evidence_the_grade_requires_is_linked_to_the_criterion(assessment):
    assessment.set_grade("1.1", "green")  # green may only be chosen with evidence
    needs = [m for m in assessment.completeness().missing if m.gap is Gap.NEEDS_EVIDENCE]
    assert [m.item_id for m in needs] == ["1.1"]
    data = b"Board minutes\n"
    row = assessment.evidence.add(EvidenceFile("minutes.txt", data, hashlib.sha256(data).hexdigest(), "text/plain"))
    assessment.evidence.link(row.id, "1", "1.1")
    assert not [m for m in assessment.completeness().missing if m.gap is Gap.NEEDS_EVIDENCE]
    assert assessment.trail(1)[0].new_value == "standard 1, criterion 1.1"


# --- the undo path ----------------------------------------------------------------------------------


def test_restore_judgement_puts_a_criterion_back_and_the_standard_follows(assessment):
    _grades(assessment, {"3.1": "3", "3.2": "0", "3.3": "3"})
    assert assessment.response("3").grade == "amber"  # 67%: nearer amber (50%) than green (100%)
    assessment.restore_judgement("3.2", None, True, "We do not commission this service.")  # redo of "mark N/A"
    assert assessment.response("3.2").not_applicable and assessment.response("3.2").grade is None
    assert assessment.response("3").grade == "green"
    assessment.restore_judgement("3.2", "0", False, "")  # its undo
    assert (assessment.response("3.2").grade, assessment.response("3.2").not_applicable) == ("0", False)
    assert assessment.response("3").grade == "amber"
    assessment.restore_judgement("3.2", None, False, "")  # back to ungraded
    assert assessment.response("3").grade is None


def test_undoing_not_applicable_on_a_derived_standard_gives_back_its_worked_out_grade(assessment):
    _grades(assessment, {"1.1": "green", "1.2": "amber", "1.3": "green"})
    assessment.set_not_applicable("1", "Services we no longer provide.")
    assert assessment.response("1").not_applicable and assessment.response("1").grade is None
    assessment.restore_judgement("1", "amber", False, "")  # undo: its grade comes from its criteria again
    assert (assessment.response("1").grade, assessment.response("1").not_applicable) == ("amber", False)
    assert assessment.trail(1)[0].what == "Standard 1 (Lowest): grade worked out from its criteria"
