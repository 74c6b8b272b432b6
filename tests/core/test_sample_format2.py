"""The sample audit on a format 2 set (the criterion-graded example): complete, varied, keeping every
rule of the set, signed and exported, and the same for the same seed."""

from __future__ import annotations

import datetime as dt

import pytest

from s11audit.cli import main
from s11audit.completeness import check
from s11audit.export import export
from s11audit.grading import derived_grade
from s11audit.returns import verify_return
from s11audit.sample import make_sample
from s11audit.standards import ItemType
from s11audit.standards.model import GradeRule, NotApplicable
from s11audit.store import AuditFile

EXAMPLE = "s11-criteria-example"
SAMPLE_DAY = dt.date(2026, 11, 1)  # the day the sample is written as of


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory, shipped_sets):
    return make_sample(tmp_path_factory.mktemp("sample") / "example.s11audit", shipped_sets[EXAMPLE], signed=True)


@pytest.fixture(scope="module")
def command_line_sample(tmp_path_factory):
    out_file = tmp_path_factory.mktemp("cli") / "example.s11audit"
    assert main(["sample", "--set", EXAMPLE, str(out_file)]) == 0
    return out_file


@pytest.fixture
def sample(sample_path):
    with AuditFile.open(sample_path, "Reader", read_only=True) as audit_file:
        yield audit_file.latest_assessment()


def test_sample_then_progress_on_the_example_set_is_complete(capsys, command_line_sample):
    capsys.readouterr()
    assert main(["progress", str(command_line_sample)]) == 0
    out = capsys.readouterr().out
    assert "100% complete" in out and "  - " not in out


def test_the_sample_keeps_the_sets_rules(sample):
    set_ = sample.standards_set
    responses, answers = sample.responses(), sample.answers()
    assert sample.completeness().complete
    for standard in sample.standards:
        if not standard.graded:
            assert standard.id not in responses  # an information section: only its fields
            assert all(answers.get(item.id) for item in standard.items if item.required)
            continue
        if standard.derived:
            assert responses[standard.id].grade == derived_grade(standard, set_.grade_scale, sample.org_type, responses)
        elif standard.grade_rule is GradeRule.CHOSEN:
            assert responses[standard.id].grade
        for criterion in standard.criteria:
            response = responses[criterion.id]
            if response.not_applicable:
                assert criterion.not_applicable is not NotApplicable.NOT_ALLOWED and response.na_reason
    for item_id, value in answers.items():
        if set_.item(item_id).type is ItemType.MULTI_CHOICE:
            assert isinstance(value, list) and value
    hints = check(set_, sample.org_type, responses, answers, sample.evidence.all_evidence(),
                  sample.actions.all_actions(), today=SAMPLE_DAY).hints
    assert hints == ()  # every date is within its item's window


def test_the_sample_is_varied_like_real_returns(sample):
    set_ = sample.standards_set
    responses = sample.responses()
    standard_grades = [responses[s.id].grade for s in sample.standards if s.graded]
    criterion_grades = [r.grade for cid, r in responses.items() if set_.is_criterion(cid) and r.grade]
    assert len(set(standard_grades)) >= 3 and len(set(criterion_grades)) == 4
    assert any(r.not_applicable for cid, r in responses.items() if set_.is_criterion(cid))
    low = {cid for cid, r in responses.items() if set_.is_criterion(cid) and r.grade
           and set_.criterion(cid).scale.level(r.grade).needs_action}
    with_action = {a.criterion_id for a in sample.actions.all_actions() if a.criterion_id}
    assert low and low == with_action
    assert all(a.standard_id == set_.standard_of_criterion(a.criterion_id).id
               for a in sample.actions.all_actions() if a.criterion_id)


def test_the_same_seed_makes_the_same_sample(sample, command_line_sample):
    with AuditFile.open(command_line_sample, "Reader", read_only=True) as audit_file:
        again = audit_file.latest_assessment()
        assert again.responses().keys() == sample.responses().keys()
        assert [(r.grade, r.not_applicable, r.narrative) for r in again.responses().values()] == \
               [(r.grade, r.not_applicable, r.narrative) for r in sample.responses().values()]
        assert again.answers() == sample.answers()
        assert [(a.criterion_id, a.description, a.due_date) for a in again.actions.all_actions()] == \
               [(a.criterion_id, a.description, a.due_date) for a in sample.actions.all_actions()]


def test_the_signed_sample_exports(sample_path, tmp_path):
    out = {suffix: tmp_path / f"example{suffix}" for suffix in (".s11return", ".pdf", ".xlsx")}
    with AuditFile.open(sample_path, "Reader", read_only=True) as audit_file:
        assessment = audit_file.latest_assessment()
        assert assessment.is_signed
        export(audit_file, assessment, out[".s11return"], out[".pdf"], out[".xlsx"])
    assert verify_return(out[".s11return"]).valid
    assert out[".pdf"].stat().st_size > 0 and out[".xlsx"].stat().st_size > 0
