"""Carrying criteria forward (standards format 2): criterion grades, N/A and narratives, multi-select
answers, actions and evidence on criteria, from the organisation's own last audit and from a business
unit starting file; what no longer fits is left out and listed, and derived grades are worked out again."""

from __future__ import annotations

import copy

import pytest

from s11audit.business_unit.starting_files import earlier_from_return, write_starting_file
from s11audit.returns import read_return
from s11audit.standards.loader import set_from_snapshot
from s11audit.store import AuditFile, OrganisationDetails
from s11audit.store.carry_forward import Earlier, EarlierAction, choose
from s11audit.store.rows import ResponseRow
from tests.core.criteria_audit import EXAMPLE, fill, signed_return

TRUST = OrganisationDetails("Riverside NHS Trust", "RH1", "agency", "health")
KIDS, PARENTS = "Services to children directly", "Services to parents and carers"
# 1.1 scored 3 with evidence, 1.2 scored 0 with an action on it, 2.4 not applicable with its reason.
GRADES = {"1.1": "3", "1.2": "0"}


@pytest.fixture(scope="module")
def example(shipped_sets):
    return shipped_sets[EXAMPLE]


@pytest.fixture(scope="module")
def changed(example):
    """The next version of the set: 1.1 on a new yes/no scale, 1.2 gone, 2.4 no longer N/A-able,
    standard 3 now takes its grade from its criteria (mean score)."""
    content = copy.deepcopy(example.content)
    content["version"] = "2027.1"
    content["scales"]["yes-no"] = {"name": "Yes or no", "levels": [
        {"id": "no", "label": "No", "meaning": "Not in place.", "score": 0, "needs_action": True, "colour": "#C0392B"},
        {"id": "yes", "label": "Yes", "meaning": "In place.", "score": 1, "colour": "#27AE60"}], "meets": "yes"}
    standards = {s["id"]: s for s in content["standards"]}
    standards["1"]["criteria"][0]["scale"] = "yes-no"
    standards["1"]["criteria"][0]["descriptors"] = {"no": "Not in place.", "yes": "In place."}
    del standards["1"]["criteria"][1]
    standards["2"]["criteria"][3]["not_applicable"] = "not_allowed"
    standards["3"]["grade_from_criteria"] = "mean_score"
    return set_from_snapshot(content)


@pytest.fixture
def last_cycle(tmp_path, example):
    """An audit file holding last cycle's completed audit on the example set; yields (file, audit id)."""
    with AuditFile.create(tmp_path / "trust.s11audit", TRUST, user="Lead") as audit_file:
        assessment = audit_file.start_audit(example, "2026/27")
        fill(assessment, grades=GRADES, answers={"A.1": [KIDS, PARENTS]})
        yield audit_file, assessment.id


def _actions(assessment) -> set[tuple[str, str, str]]:
    return {(a.standard_id, a.criterion_id, a.description) for a in assessment.actions.all_actions()}


def test_an_organisations_own_audit_carries_its_criteria_forward(last_cycle, example):
    audit_file, earlier_id = last_cycle
    new = audit_file.start_audit(example, "2027/28", carry_forward_from=earlier_id)
    responses = new.responses()
    assert responses["1.1"].grade == "3" and responses["1.2"].grade == "0"
    assert responses["1.1"].narrative == "What we do for 1.1."
    assert responses["2.4"].not_applicable and responses["2.4"].na_reason.startswith("We do not employ")
    assert responses["1"].grade == "mostly_met"  # 3, 0, 2, 2: a mean of 58 %, worked out again
    assert responses["3"].grade == "mostly_met"  # chosen by the organisation: carried as it was
    assert new.answers()["A.1"] == [KIDS, PARENTS]
    assert ("1", "1.2", "Improve 1.2") in _actions(new)
    [evidence] = new.evidence.all_evidence()
    assert ("1", "1.1") in set(evidence.links)
    report = new.carried_forward
    assert report.criteria == sum(len(s.criteria) for s in example.standards)
    assert report.standards == 5  # A has no grade
    assert "18 criteria" in report.carried and report.left_out == ()


def test_what_no_longer_fits_the_next_version_is_left_out_and_listed(last_cycle, changed):
    audit_file, earlier_id = last_cycle
    new = audit_file.start_audit(changed, "2027/28", carry_forward_from=earlier_id)
    responses = new.responses()
    assert responses["1.1"].grade is None and responses["1.1"].narrative == "What we do for 1.1."
    assert "1.2" not in responses
    assert not responses["2.4"].not_applicable and responses["2.4"].grade is None
    # Derived grades are never carried: 1 waits for 1.1 to be graded again; 3 now comes from 3.1-3.3 (all 2).
    assert responses["1"].grade is None
    assert responses["3"].grade == "mostly_met"
    assert ("1", "", "Improve 1.2") in _actions(new)  # kept for the standard as a whole
    left_out = "\n".join(new.carried_forward.left_out)
    assert "Criterion 1.1: grade '3' is not a grade of Yes or no" in left_out
    assert "Criterion 1.2: not in the new set" in left_out
    assert "Criterion 2.4: 'not applicable' is not allowed" in left_out
    assert "its criterion 1.2 is not in the new set, so it was carried for standard 1 as a whole" in left_out


def test_a_derived_grade_is_worked_out_from_the_criteria_not_copied(example):
    earlier = Earlier("2026/27", 1, responses=(ResponseRow("1", "fully_met", narrative="Ours"),
                                               *(ResponseRow(f"1.{n}", "0") for n in range(1, 5)),
                                               *(ResponseRow(f"2.{n}", "3") for n in range(1, 5))),
                      answers=(), evidence=(), actions=(EarlierAction("2", "Refresh training", criterion_id="1.1"),))
    carried = choose(earlier, example, "health")
    by_id = {r.standard_id: r for r in carried.responses}
    assert by_id["1"].grade == "not_met" and by_id["1"].narrative == "Ours"
    assert by_id["2"].grade == "fully_met"  # had no response of its own: made from its criteria
    assert "3" not in by_id  # nothing graded, nothing to derive
    assert carried.criteria == 8
    [action] = carried.actions  # 1.1 is a criterion of standard 1, not 2
    assert action.criterion_id == ""


def test_a_starting_file_carries_the_criteria_of_last_cycles_return(tmp_path, example):
    returned = read_return(signed_return(tmp_path, example, TRUST.name, TRUST.reference, grades=GRADES))
    earlier = earlier_from_return(returned)
    assert {r.standard_id for r in earlier.responses} >= {"1", "1.1", "2.4"}
    path = write_starting_file(tmp_path / "next.s11audit", TRUST, example, "2027/28", returned)
    with AuditFile.open(path, "Lead") as audit_file:
        new = audit_file.latest_assessment()
        responses = new.responses()
        assert (responses["1.1"].grade, responses["1.2"].grade, responses["1"].grade) == ("3", "0", "mostly_met")
        assert responses["2.4"].not_applicable
        assert ("1", "1.2", "Improve 1.2") in _actions(new) and ("4", "4.1", "Improve 4.1") not in _actions(new)
        assert new.answers()["A.1"] == ["Services to children directly", "Services to parents and carers"]
        assert ("1", "1.1") in set(new.evidence.all_evidence()[0].links)


def test_reopening_a_signed_audit_keeps_each_action_on_its_criterion(last_cycle):
    """The next version of a signed audit copies actions with the criterion they are for (they were
    copied onto the standard as a whole before)."""
    from s11audit.sample import sign_sample

    audit_file, audit_id = last_cycle
    signed = audit_file.assessment(audit_id)
    sign_sample(signed)
    before = _actions(signed)
    assert ("1", "1.2", "Improve 1.2") in before
    reopened = audit_file.reopen_for_changes(audit_id)
    assert _actions(reopened) == before
