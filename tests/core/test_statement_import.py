"""The business unit's annual compliance statement cycles (issue 16): cycle kinds, importing statements
(flagged when their baseline is not held), and the statement figures, hand-computed.

Two organisations audit in 2026/27 on the Working Together set (the sample's audit: actions 1 to 5, of
which 1, 2 and 5 are open: indexes 0, 1 and 4 of the baseline return's action plan; 1 and 2 on standard
3, 5 on standard 8). Both make a 2027/28 statement. The workspace holds Northfield's baseline return but
not Riverside's, so Riverside's statement is flagged.

- Northfield: standard 3 improved, 6 declined (new grade red, a new action), the rest the same; action
  index 0 completed 5 days before it was due (completed), index 1 slipped to 200 days after its due date
  (in progress on time), index 4 dropped.
- Riverside: standard 6 declined (a new action), the rest the same; index 0 completed a day after it was
  due (completed late), index 1 slipped to 10 days after its due date, index 4 not started (both overdue).

Judged on ``as_of`` = 30 days after index 1's due date (2027-03-01 in the sample: 2027-03-31).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import zipfile
from pathlib import Path

import pytest

from s11audit.business_unit import statements
from s11audit.business_unit.importing import FLAGGED, IMPORTED, import_returns
from s11audit.business_unit.workspace import WORKSPACE, OrganisationEntry, Workspace
from s11audit.export import export, export_statement
from s11audit.sample import make_sample
from s11audit.store import AuditFile, OrganisationDetails
from s11audit.store.database import AuditFileError, head_revision
from s11audit.store.evidence import read_evidence_file
from tests.core.statement_support import (NORTHFIELD, RIVERSIDE, baseline_and_statement_cycles, downgrade_workspace,
                                         sign_statement)

TODAY = dt.date.today()


def _made(folder: Path, organisation: OrganisationDetails, standards_set, northfield: bool) -> tuple[Path, Path]:
    """The organisation's signed 2026/27 baseline return and its 2027/28 statement (see the module docstring)."""
    audit = make_sample(folder / f"{organisation.reference}.s11audit", standards_set, organisation, signed=True,
                        sample=False, cycle="2026/27")
    baseline_out, statement_out = folder / f"{organisation.reference} baseline.s11return", \
        folder / f"{organisation.reference} statement.s11return"
    with AuditFile.open(audit, "Officer") as audit_file:
        baseline = audit_file.audits()[0]
        export(audit_file, audit_file.assessment(baseline.id), returned=baseline_out)
        statement = audit_file.start_statement(baseline.id, "2027/28")
        for standard in statement.standards:
            statement.set_position(standard.id, "same")
        statement.set_position("6", "declined")
        statement.set_narrative("6", f"{organisation.name}: two recruitment files had no reference.")
        statement.set_new_grade("6", "red")
        actions = {a.id: a for a in statement.open_actions()}
        assert sorted(actions) == [1, 2, 5]
        due = {n: actions[n].due_date for n in actions}
        assert due[1] is not None and due[2] is not None and due[5] is not None and due[1] < TODAY - dt.timedelta(2)
        if northfield:
            statement.set_position("3", "improved")
            statement.set_narrative("3", "Information sharing relaunched.")
            statement.actions.add("6", "Audit every recruitment file", owner="HR", due_date=dt.date(2028, 3, 31))
            statement.update_progress(1, status="complete", note="Relaunched.",
                                      completed_on=due[1] - dt.timedelta(days=5))
            minutes = folder / "Relaunch briefing.txt"
            minutes.write_text("Minutes of the relaunch briefing", encoding="utf-8")
            statement.add_completion_evidence(1, read_evidence_file(minutes), "Briefing minutes")
            statement.update_progress(2, status="in_progress", note="Half done.",
                                      new_due_date=due[2] + dt.timedelta(days=200))
            statement.update_progress(5, status="dropped", dropped_reason="Replaced by a joint audit.")
        else:
            statement.update_progress(1, status="complete", completed_on=due[1] + dt.timedelta(days=1))
            statement.update_progress(2, status="in_progress", new_due_date=due[2] + dt.timedelta(days=10))
            statement.update_progress(5, status="not_started", note="Waiting for the joint audit.")
            statement.actions.add("6", "Check every recruitment file", owner="HR", due_date=dt.date(2028, 1, 31))
        sign_statement(statement)
        export_statement(audit_file, statement, statement_out)
    return baseline_out, statement_out


@pytest.fixture(scope="module")
def returns(tmp_path_factory, shipped_sets) -> dict[str, tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("statements")
    wt = shipped_sets["s11-wt2023"]
    return {"RYN": _made(folder, NORTHFIELD, wt, True), "RHA 77": _made(folder, RIVERSIDE, wt, False)}


def _register(workspace: Workspace, cycle_id: int) -> None:
    workspace.add_organisations(cycle_id, [OrganisationEntry(o.name, o.reference, "Health" if o is NORTHFIELD
                                                             else "Housing", o.org_type, o.contact_name,
                                                             o.contact_email) for o in (NORTHFIELD, RIVERSIDE)])


@pytest.fixture
def workspace(tmp_path, shipped_sets, returns):
    wt = shipped_sets["s11-wt2023"]
    with Workspace.create(tmp_path / "unit.s11workspace", "Officer") as workspace:
        full, _ = baseline_and_statement_cycles(workspace, wt, _register)
        assert [f.outcome for f in import_returns(workspace, full, [returns["RYN"][0]]).files] == [IMPORTED]
        yield workspace


def _sha256_of_return_json(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return hashlib.sha256(archive.read("return.json")).hexdigest()


# --- cycle kinds -----------------------------------------------------------------------------------

def test_cycle_kinds_and_refusals(workspace, shipped_sets):
    wt = shipped_sets["s11-wt2023"]
    full, statement = workspace.cycles()
    assert (full.kind, full.baseline_id, full.is_statement) == ("full", None, False)
    assert (statement.kind, statement.baseline_id, statement.is_statement) == ("statement", full.id, True)
    assert workspace.cycle("2027/28") == statement
    due = dt.date(2029, 3, 31)
    for kwargs, message in (
            ({"kind": "statement"}, "needs a baseline: the name of the earlier full audit cycle"),
            ({"kind": "statement", "baseline": "2025/26"},
             "has no cycle '2025/26' to be the baseline of '2028/29' (full audit cycles: 2026/27)"),
            ({"kind": "statement", "baseline": "2027/28"},
             "cycle '2027/28' is itself an annual compliance statement cycle: the baseline of '2028/29' must be "
             "a full audit cycle"),
            ({"baseline": "2026/27"}, "is a full audit cycle, which has no baseline"),
            ({"kind": "interim"}, "not 'interim'")):
        with pytest.raises(AuditFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
            workspace.add_cycle("2028/29", wt, due, **kwargs)
    with pytest.raises(AuditFileError, match="must use its baseline's standards set"):
        workspace.add_cycle("2028/29", shipped_sets["s175-kcsie2025"], due, kind="statement", baseline="2026/27")
    assert [c.name for c in workspace.cycles()] == ["2026/27", "2027/28"]


def test_cli_cycle_add_statement(tmp_path, capsys):
    from s11audit.cli import main

    path = str(tmp_path / "unit.s11workspace")
    assert main(["workspace", "new", path]) == 0
    assert main(["cycle", "add", path, "--name", "2026/27", "--set", "s11-wt2023", "--due", "2027-03-31"]) == 0
    capsys.readouterr()
    assert main(["cycle", "add", path, "--name", "2027/28", "--set", "s11-wt2023", "--due", "2028-03-31",
                 "--kind", "statement", "--baseline", "2025/26"]) != 0
    assert "has no cycle '2025/26' to be the baseline" in capsys.readouterr().err
    assert main(["cycle", "add", path, "--name", "2027/28", "--set", "s11-wt2023", "--due", "2028-03-31",
                 "--kind", "statement", "--baseline", "2026/27"]) == 0
    assert "annual compliance statement cycle based on the full audit cycle 2026/27" in capsys.readouterr().out
    with Workspace.open(path, "Officer", read_only=True) as workspace:
        assert [(c.name, c.kind) for c in workspace.cycles()] == [("2026/27", "full"), ("2027/28", "statement")]


# --- importing ---------------------------------------------------------------------------------------

def test_statements_import_only_into_a_statement_cycle_and_a_missing_baseline_is_flagged(workspace, returns):
    full, statement = workspace.cycles()
    [wrong] = import_returns(workspace, statement, [returns["RHA 77"][0]]).files
    assert wrong.outcome == "rejected" and wrong.reason == (
        "RHA 77 baseline.s11return is a full self-assessment, not an annual compliance statement: cycle 2027/28 is "
        "an annual compliance statement cycle, which takes only statements (import full self-assessments into a "
        "full audit cycle); it was not imported")
    [into_full] = import_returns(workspace, full, [returns["RYN"][1]]).files
    assert into_full.outcome == "rejected" and "cycle 2026/27 is a full audit cycle" in into_full.reason

    report = import_returns(workspace, statement, [returns["RYN"][1], returns["RHA 77"][1]])
    northfield, riverside = report.files
    assert (northfield.outcome, northfield.flag) == (IMPORTED, "")
    assert riverside.outcome == FLAGGED and riverside.flag.startswith(
        "its baseline (2026/27 audit, version 1) is not among this organisation's returns in cycle 2026/27")
    assert "flagged for a decision: its baseline" in riverside.reason
    assert "1 statement flagged for a decision" in report.summary()
    rows = {r.reference: r for r in workspace.returns(statement.id)}
    assert rows["RYN"].state == rows["RHA 77"].state == "current"
    assert rows["RYN"].flag == "" and rows["RHA 77"].flag == riverside.flag
    # The baseline return is known by its return.json's SHA-256, as the statement names it.
    [baseline] = workspace.returns(full.id)
    from s11audit.business_unit.models import ImportedReturn
    assert workspace.session.get(ImportedReturn, baseline.id).return_sha256 == _sha256_of_return_json(
        returns["RYN"][0])
    # A person decides: the flag is cleared, the statement stays current.
    assert workspace.clear_flag(rows["RHA 77"].id).flag == ""
    with pytest.raises(AuditFileError, match="is not flagged for a decision"):
        workspace.clear_flag(rows["RYN"].id)


def test_a_statement_signed_with_another_key_than_its_baseline_is_flagged(workspace, returns, tmp_path):
    from s11audit.returns import read_return, write_return
    from s11audit.returns.keys import generate_private_key, public_key_of, signer

    signed = read_return(returns["RYN"][1])
    private = generate_private_key()
    content = {k: v for k, v in signed.content.items() if k not in ("format",)}
    content["evidence"] = []
    content["statement"] = {**content["statement"], "action_progress": [
        e for e in content["statement"]["action_progress"] if e["status"] != "complete"]}
    other = tmp_path / "other key.s11return"
    write_return(other, content, [], signed.standards, public_key_of(private), signer(private))
    [outcome] = import_returns(workspace, "2027/28", [other]).files
    assert outcome.outcome == FLAGGED and outcome.flag.startswith("signed with a different key")


# --- the figures -------------------------------------------------------------------------------------

def test_statement_figures_by_hand(workspace, returns):
    full, statement = workspace.cycles()
    import_returns(workspace, statement, [returns["RYN"][1], returns["RHA 77"][1]])
    baseline = workspace.return_content(workspace.returns(full.id)[0].id)
    plan = baseline["action_plan"]
    due = [dt.date.fromisoformat(plan[i]["due_date"]) for i in (0, 1, 4)]
    as_of = due[1] + dt.timedelta(days=30)
    figures = statements.statement_figures(workspace, "2027/28", as_of=as_of)

    assert (figures.cycle, figures.baseline_cycle, figures.statements, figures.flagged) == ("2027/28", "2026/27", 2, 1)
    confirming = {c.standard_id: (c.answered, c.same, c.improved, c.declined, c.percent_confirming)
                  for c in figures.confirmation}
    assert confirming == {"1": (2, 2, 0, 0, 100), "2": (2, 2, 0, 0, 100), "3": (2, 1, 1, 0, 100),
                          "4": (2, 2, 0, 0, 100), "5": (2, 2, 0, 0, 100), "6": (2, 0, 0, 2, 0),
                          "7": (2, 2, 0, 0, 100), "8": (2, 2, 0, 0, 100), "9": (2, 2, 0, 0, 100)}
    grade_6 = next(s["grade"] for s in baseline["standards"] if s["standard_id"] == "6")
    assert [(d.organisation, d.standard_id, d.baseline_grade, d.new_grade, d.narrative) for d in figures.declines] == [
        (NORTHFIELD.name, "6", grade_6, "red", f"{NORTHFIELD.name}: two recruitment files had no reference."),
        (RIVERSIDE.name, "6", None, "red", f"{RIVERSIDE.name}: two recruitment files had no reference.")]

    # Overall: Northfield completed, on time, dropped; Riverside completed late, overdue, overdue.
    assert figures.progress == statements.Tally(completed=1, completed_late=1, on_time=1, overdue=2, dropped=1)
    assert figures.progress.total == 6 and figures.progress.percent(statements.OVERDUE) == 33
    assert figures.progress_by_standard == {
        "3": statements.Tally(completed=1, completed_late=1, on_time=1, overdue=1),
        "8": statements.Tally(overdue=1, dropped=1)}

    northfield, riverside = figures.histories
    assert (northfield.organisation, northfield.flag, riverside.organisation) == (
        NORTHFIELD.name, "", RIVERSIDE.name)
    assert northfield.baseline_return_id == workspace.returns(full.id)[0].id and riverside.baseline_return_id is None
    assert riverside.flag.startswith("its baseline")
    assert [(s.index, s.standard_id, s.baseline_status, s.status, s.category, s.due) for s in northfield.steps] == [
        (0, "3", plan[0]["status"], "complete", "completed", due[0]),
        (1, "3", plan[1]["status"], "in_progress", "on_time", due[1] + dt.timedelta(days=200)),
        (4, "8", plan[4]["status"], "dropped", "dropped", due[2])]
    assert northfield.steps[0].completed_on == due[0] - dt.timedelta(days=5)
    assert northfield.steps[0].evidence == ("Relaunch briefing.txt",)
    assert northfield.steps[2].dropped_reason == "Replaced by a joint audit."
    assert [a["action"] for a in northfield.new_actions] == ["Audit every recruitment file"]
    assert [(s.index, s.baseline_status, s.category, s.completed_on) for s in riverside.steps] == [
        (0, None, "completed_late", due[0] + dt.timedelta(days=1)), (1, None, "overdue", None),
        (4, None, "overdue", None)]

    # The chase list: Riverside's two overdue actions, longest overdue first.
    assert [(c.organisation, c.contact_email, c.standard_id, c.due_on, c.days_overdue) for c in figures.chase] == [
        (RIVERSIDE.name, RIVERSIDE.contact_email, "8", due[2], (as_of - due[2]).days),
        (RIVERSIDE.name, RIVERSIDE.contact_email, "3", due[1] + dt.timedelta(days=10), 20)]
    assert (as_of - due[2]).days == 30  # the sample's actions 2 and 5 are due on the same day

    with pytest.raises(AuditFileError, match="is a full audit cycle: statement figures"):
        statements.statement_figures(workspace, "2026/27")


def test_action_category_boundaries():
    due, as_of = dt.date(2027, 3, 1), dt.date(2027, 3, 31)
    category = statements.action_category
    assert category("complete", due, None, due, as_of) == "completed"  # on the day it was due
    assert category("complete", due, None, due + dt.timedelta(1), as_of) == "completed_late"
    assert category("complete", None, None, as_of, as_of) == "completed"
    assert category("in_progress", due, None, None, due) == "on_time"  # due today: not overdue yet
    assert category("not_started", due, None, None, due + dt.timedelta(1)) == "overdue"
    assert category("in_progress", due, as_of, None, as_of) == "on_time"  # slipped to today
    assert category("in_progress", None, None, None, as_of) == "on_time"
    assert category("dropped", due, None, None, as_of) == "dropped"


# --- an old workspace --------------------------------------------------------------------------------

def test_a_0006_workspace_opens_with_every_cycle_a_full_cycle(workspace, returns, tmp_path):

    path = workspace.path
    full_id = workspace.cycles()[0].id
    baseline_id = workspace.returns(full_id)[0].id
    workspace.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys=ON")
    with db:  # a 0006 workspace has no statement cycle
        db.execute("DELETE FROM cycle WHERE kind = 'statement'")
    db.close()

    downgrade_workspace(path, "0006")
    db = sqlite3.connect(path)
    columns = {row[1] for row in db.execute("PRAGMA table_info(cycle)")}
    assert "kind" not in columns and "baseline_cycle_id" not in columns
    assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0006"
    db.close()

    with Workspace.open(path, "Officer") as reopened:
        assert reopened.upgraded_backup is not None
        [cycle] = reopened.cycles()
        assert (cycle.name, cycle.kind, cycle.baseline_id) == ("2026/27", "full", None)
        [row] = reopened.returns(cycle.id)
        assert (row.id, row.flag, row.state) == (baseline_id, "", "current")
        from s11audit.business_unit.models import ImportedReturn
        assert reopened.session.get(ImportedReturn, row.id).return_sha256 == _sha256_of_return_json(
            returns["RYN"][0])
    db = sqlite3.connect(path)
    assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision(WORKSPACE) == "0008"
    db.close()
