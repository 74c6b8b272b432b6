"""Format 2 through the return and the business unit: criteria in the return, the import checks,
records, moderation per criterion and an old workspace opening (the example set, built through the
store's own APIs in ``criteria_audit``)."""

from __future__ import annotations

import copy
import datetime as dt
import sqlite3

import pytest

from s11audit.business_unit.importing import IMPORTED, REJECTED, import_returns
from s11audit.business_unit.tracking import records_for_cycle
from s11audit.business_unit.workspace import WORKSPACE, OrganisationEntry, Workspace
from s11audit.returns import generate_private_key, public_key_of, read_return, signer, verify_return, write_return
from s11audit.store.database import AuditFileError, head_revision

DUE = dt.date(2027, 3, 31)


@pytest.fixture
def workspace(tmp_path, example):
    with Workspace.create(tmp_path / "unit.s11workspace", user="Officer") as opened:
        cycle = opened.add_cycle("2026/27", example, DUE)
        opened.add_organisation(cycle.id, OrganisationEntry("Riverside NHS Trust", "RH1", "Health", "health"))
        yield opened


def test_the_return_carries_criteria_actions_per_criterion_and_multi_select_lists(riverside, example):
    assert verify_return(riverside).valid
    content = read_return(riverside).content
    standards = {s["standard_id"]: s for s in content["standards"]}
    assert "criteria" not in standards["A"] and standards["A"]["grade"] is None  # information: no grade
    one = standards["1"]
    assert [c["criterion_id"] for c in one["criteria"]] == ["1.1", "1.2", "1.3", "1.4"]
    assert [c["grade"] for c in one["criteria"]] == ["3", "0", "2", "2"]
    assert one["criteria"][0]["narrative"] == "What we do for 1.1."
    # mean of 100, 0, 67, 67 = 58 %: nearest the "mostly met" level (67 %)
    assert one["grade"] == "mostly_met"
    na = next(c for c in standards["2"]["criteria"] if c["criterion_id"] == "2.4")
    assert na["not_applicable"] and na["grade"] is None and na["na_reason"]
    assert standards["3"]["grade"] == "mostly_met"  # chosen, with its criteria beside it
    assert {(a["standard_id"], a.get("criterion_id")) for a in content["action_plan"]} == {("1", "1.2"), ("4", "4.1")}
    answers = {a["item_id"]: a["value"] for a in content["item_answers"]}
    assert answers["A.1"] == ["Services to children directly", "Services to parents and carers"]
    assert {"standard_id": "1", "item_id": "1.1"} in content["evidence"][0]["links"]


def test_a_format_1_return_is_written_as_before(tmp_path, s175_set):
    from s11audit.export import export
    from s11audit.sample import make_sample
    from s11audit.store import AuditFile

    path = make_sample(tmp_path / "school.s11audit", s175_set, signed=True)
    with AuditFile.open(path, user="x") as audit_file:
        export(audit_file, audit_file.latest_assessment(), returned=tmp_path / "r.s11return")
    content = read_return(tmp_path / "r.s11return").content
    assert all(set(s) == {"standard_id", "grade", "not_applicable", "na_reason", "narrative", "example"}
               for s in content["standards"])
    assert all("criterion_id" not in a for a in content["action_plan"])


def test_import_keeps_the_criteria_in_the_records(workspace, riverside):
    cycle = workspace.cycle("2026/27")
    report = import_returns(workspace, cycle, [riverside])
    assert [f.outcome for f in report.files] == [IMPORTED], report.files[0].reason
    [record] = records_for_cycle(workspace, cycle)
    assert record.criteria["1.1"] == "3" and record.criteria["1.2"] == "0"
    assert record.criteria_na == frozenset({"2.4"})
    assert record.grades["1"] == "mostly_met" and "A" not in record.grades
    assert {(a.standard_id, a.criterion_id) for a in record.actions} == {("1", "1.2"), ("4", "4.1")}


def _standard(content: dict, sid: str) -> dict:
    return next(s for s in content["standards"] if s["standard_id"] == sid)


def _criterion(content: dict, cid: str) -> dict:
    return next(c for s in content["standards"] for c in s.get("criteria", []) if c["criterion_id"] == cid)


def _answer(content: dict, item_id: str) -> dict:
    return next(a for a in content["item_answers"] if a["item_id"] == item_id)


def _derived_changed(c):
    _standard(c, "1")["grade"] = "fully_met"  # its criteria give mostly met


def _criterion_score_changed(c):
    _criterion(c, "1.3")["grade"] = "0"  # mean 42 %: partly met, not the mostly met the return says


def _unknown_criterion(c):
    _criterion(c, "1.3")["criterion_id"] = "1.9"


def _criterion_of_another_standard(c):
    _criterion(c, "1.3")["criterion_id"] = "2.1"


def _not_on_the_scale(c):
    _criterion(c, "1.3")["grade"] = "mostly_met"  # a level of the set's scale, not of score 0-3


def _na_not_allowed(c):
    _criterion(c, "1.3").update(grade=None, not_applicable=True, na_reason="We are small.")


def _na_without_reason(c):
    _criterion(c, "2.4")["na_reason"] = ""


def _multi_not_a_list(c):
    _answer(c, "A.1")["value"] = "Services to children directly"


def _multi_unknown_choice(c):
    _answer(c, "A.1")["value"] = ["Services to children directly", "Space travel"]


def _multi_twice(c):
    _answer(c, "A.1")["value"] = ["Services to children directly", "Services to children directly"]


def _information_graded(c):
    _standard(c, "A")["grade"] = "fully_met"


def _action_on_another_standards_criterion(c):
    next(a for a in c["action_plan"] if a.get("criterion_id") == "1.2")["criterion_id"] = "4.1"


@pytest.mark.parametrize("change, reason", [
    (_derived_changed, "standards[1].grade is fully_met, but standard 1's grade comes from its criteria (mean score), "
                       "which give mostly_met: the return was changed after it was made, or is inconsistent"),
    (_criterion_score_changed, "standards[1].grade is mostly_met, but standard 1's grade comes from its criteria "
                               "(mean score), which give partly_met"),
    (_unknown_criterion, "standards[1].criteria[2].criterion_id is 1.9, which is not a criterion of standard 1"),
    (_criterion_of_another_standard, "criteria[2].criterion_id is 2.1, which is not a criterion of standard 1"),
    (_not_on_the_scale, "standards[1].criteria[2].grade is mostly_met, which is not a level of criterion 1.3's "
                        "scale (0, 1, 2, 3)"),
    (_na_not_allowed, "standards[1].criteria[2] marks criterion 1.3 not applicable, which the set does not allow"),
    (_na_without_reason, "marks criterion 2.4 not applicable without the reason the set asks for"),
    (_multi_not_a_list, "the answer to item A.1 must be a list of the choices ticked"),
    (_multi_unknown_choice, "Space travel is not one of item A.1's choices"),
    (_multi_twice, "the answer to item A.1 ticks Services to children directly twice"),
    (_information_graded, "standards[0].grade is fully_met, but standard A is an information section and has no grade"),
    (_action_on_another_standards_criterion, "action_plan[0].criterion_id is 4.1, which is not a criterion of "
                                             "standard 1"),
])
def test_a_signed_return_that_does_not_fit_the_criteria_is_rejected_with_the_reason(
        workspace, riverside, example, tmp_path, change, reason):
    signed = read_return(riverside)
    content = copy.deepcopy(signed.content)
    change(content)
    key = generate_private_key()  # anyone can sign: the content checks are what stop it
    files = [(str(e["id"]), signed.evidence_bytes(e["id"])) for e in content["evidence"]]
    tampered = write_return(tmp_path / "tampered.s11return", content, files, example.content,
                            public_key_of(key), signer(key))
    report = import_returns(workspace, workspace.cycle("2026/27"), [tampered])
    [outcome] = report.files
    assert outcome.outcome == REJECTED
    assert reason in outcome.reason
    assert workspace.returns(workspace.cycle("2026/27").id) == []


def test_moderation_per_criterion_beside_the_self_grade_with_its_trail(workspace, riverside):
    cycle = workspace.cycle("2026/27")
    [outcome] = import_returns(workspace, cycle, [riverside]).files
    rid = outcome.return_id
    row = workspace.set_criterion_moderation(rid, "1.1", "2", "Evidence shows it is in place, not embedded")
    assert (row.criterion_id, row.grade, row.by) == ("1.1", "2", "Officer")
    workspace.set_criterion_moderation(rid, "1.1", "1", "Changed after the challenge day")
    workspace.set_criterion_moderation(rid, "4.1", "1")
    workspace.clear_criterion_moderation(rid, "4.1")
    workspace.set_moderation(rid, "1", "partly_met", "Moderated down")
    assert {cid: m.grade for cid, m in workspace.criterion_moderations(rid).items()} == {"1.1": "1"}
    with pytest.raises(AttributeError):
        workspace.criterion_moderations(rid)["1.1"].grade = "3"  # frozen
    trail = [(t.target, t.target_id, t.old_grade, t.new_grade) for t in workspace.moderation_trail(rid)]
    assert trail == [("criterion", "1.1", "", "2"), ("criterion", "1.1", "2", "1"), ("criterion", "4.1", "", "1"),
                     ("criterion", "4.1", "1", ""), ("standard", "1", "", "partly_met")]
    with pytest.raises(AuditFileError, match=r"'fully_met' is not a level of criterion 1.1's scale \(0, 1, 2, 3\)"):
        workspace.set_criterion_moderation(rid, "1.1", "fully_met")
    with pytest.raises(AuditFileError, match=r"has no criterion '9\.9'"):
        workspace.set_criterion_moderation(rid, "9.9", "1")
    with pytest.raises(AuditFileError, match="standard A is an information section and has no grade to moderate"):
        workspace.set_moderation(rid, "A", "fully_met")
    [record] = records_for_cycle(workspace, cycle)
    assert record.moderated_criteria == {"1.1": "1"} and record.moderated == {"1": "partly_met"}
    assert record.criterion_grade("1.1", "moderated") == "1" and record.criterion_grade("1.1") == "3"
    [self_only] = records_for_cycle(workspace, cycle, basis="self")
    assert self_only.moderated_criteria == {}


def test_a_workspace_from_before_criterion_moderation_opens_and_takes_it(tmp_path, example, riverside):
    path = tmp_path / "old.s11workspace"
    with Workspace.create(path, "Officer") as workspace:
        cycle = workspace.add_cycle("2026/27", example, DUE)
        workspace.add_organisation(cycle.id, OrganisationEntry("Riverside NHS Trust", "RH1", "Health", "health"))
        [outcome] = import_returns(workspace, cycle, [riverside]).files
        workspace.set_moderation(outcome.return_id, "3", "partly_met")
    db = sqlite3.connect(path)
    with db:  # as a 0003 workspace was: without the two tables 0004 adds (and 0005's column, 0006's tables)
        db.execute("DROP TABLE headline_measure")
        db.execute("DROP TABLE workspace_setting")
        db.execute("DROP TABLE criterion_moderation")
        db.execute("DROP TABLE moderation_trail")
        db.execute("ALTER TABLE imported_return DROP COLUMN findings_content")
        db.execute("UPDATE alembic_version SET version_num = '0003'")
    db.close()
    with Workspace.open(path, "Officer") as workspace:
        assert workspace.upgraded_backup is not None and workspace.upgraded_backup.exists()
        assert workspace.moderations(outcome.return_id)["3"].grade == "partly_met"
        assert workspace.moderation_trail(outcome.return_id) == []  # nothing made up for the past
        workspace.set_criterion_moderation(outcome.return_id, "3.1", "1")
        assert workspace.criterion_moderations(outcome.return_id)["3.1"].grade == "1"
    db = sqlite3.connect(path)
    assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision(WORKSPACE) == "0008"
    db.close()


def test_the_whole_loop_from_sample_to_findings_with_moderation_per_criterion(tmp_path, example, capsys):
    from s11audit.business_unit.cycle_findings import cycle_findings
    from s11audit.cli import main
    from s11audit.export import export
    from s11audit.sample import make_sample
    from s11audit.store import AuditFile

    path = make_sample(tmp_path / "trust.s11audit", example, signed=True, sample=False)  # a real return, imported
    with AuditFile.open(path, user="Lead") as audit_file:
        organisation = audit_file.organisation()
        export(audit_file, audit_file.latest_assessment(), returned=tmp_path / "trust.s11return")
    with Workspace.create(tmp_path / "unit.s11workspace", user="Officer") as workspace:
        cycle = workspace.add_cycle("2026/27", example, DUE)
        workspace.add_organisation(cycle.id, OrganisationEntry(organisation.name, organisation.reference, "Health",
                                                               organisation.org_type))
        [outcome] = import_returns(workspace, cycle, [tmp_path / "trust.s11return"]).files
        assert outcome.outcome == IMPORTED, outcome.reason
        [record] = records_for_cycle(workspace, cycle)
        own = record.criteria["1.1"]
        other = next(level.id for level in example.criterion("1.1").scale.levels if level.id != own)
        workspace.set_criterion_moderation(outcome.return_id, "1.1", other, "Seen at the challenge day")
        findings = cycle_findings(workspace, cycle, basis="moderated")
    c11 = findings.standard("1").criteria[0]
    assert c11.grades.graded == 1 and dict(c11.grades.counts)[other] == 1
    assert (c11.agreement.moderated, c11.agreement.agreed) == (1, 0)
    assert "A" not in [s.standard_id for s in findings.standards] and findings.item("A.1").answered == 1
    assert findings.percent_score is not None
    assert main(["findings", str(tmp_path / "unit.s11workspace"), "--cycle", "2026/27", "--basis", "moderated",
                 "--xlsx", str(tmp_path / "f.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "weakest criterion: " in out and "overall score: " in out


def test_the_criteria_checks_never_raise_on_any_schema_valid_content(riverside, example):
    """Seeded fuzz: random judgements, ids, answers and N/A marks give a reason or pass, never a traceback."""
    import random

    from s11audit.business_unit.return_checks import ContentChecker
    from s11audit.returns.schema import problem as schema_problem

    checker, base = ContentChecker(example), read_return(riverside).content
    rng = random.Random(11)
    words = [None, "", "0", "3", "9", "mostly_met", "1.1", "2.4", "A", "A.1", "x" * 300, "\u202e"]
    scalars = [*words[1:], 0, 1.5, True, False, None]
    for _ in range(400):
        content = copy.deepcopy(base)
        for _ in range(rng.randint(1, 4)):
            standard = rng.choice(content["standards"])
            criteria = standard.get("criteria") or [standard]
            target = rng.choice([*criteria, standard])
            key = rng.choice(["grade", "not_applicable", "na_reason", "criterion_id", "standard_id", "criteria"])
            if key == "not_applicable":
                target[key] = rng.random() < 0.5
            elif key == "criteria":
                standard["criteria"] = rng.choice([[], criteria[:1] * 2, criteria[::-1]])
            elif key in ("criterion_id", "standard_id") and key in target:
                target[key] = rng.choice([w for w in words if w])
            else:
                target[key] = rng.choice(words)
            answer = rng.choice(content["item_answers"])
            answer["value"] = rng.choice([rng.sample(scalars, rng.randint(0, 4)), rng.choice(scalars)])
            action = rng.choice(content["action_plan"])
            action["criterion_id"] = rng.choice(words)
        if schema_problem("return.json", content) is not None:
            continue
        found = checker.problem(content)
        assert found is None or (isinstance(found, str) and found.startswith("return.json"))
