"""Three years of one organisation (issue 16): a baseline full audit with actions (2026/27), a compliance
statement the next year (2027/28) and a second statement the year after (2028/29), all on the same baseline;
the returns verify; the business unit imports them and the action history across the cycles and the
progress figures are matched against figures worked out by hand. Riverside's statement, whose baseline the
workspace does not hold, is flagged.

The sample's baseline (Working Together set, "today" 2026-11-01) has actions 1 to 5; 1, 2 and 5 are open
(indexes 0, 1 and 4 of the baseline return's action plan; 1 and 2 on standard 3, 5 on standard 8).

- 2027/28: action 1 completed (5 days before it was due) with evidence of completion; action 2 slipped
  to a new due date 200 days after its own; action 5 dropped with a reason; standard 6 declined, with a new
  action; the rest the same.
- 2028/29: of the baseline only action 2 is still open (1 was completed, 5 dropped in the signed 2027/28
  statement): it is completed on 2026-11-20 (before its original due date, so "completed"); 2027/28's new
  action is asked about too: in progress, slipped to 2029-06-30, with evidence so far; standard 6 improved.

By hand, for 2028/29 judged on 2029-01-31: two actions reported (tally 1 completed, 1 in progress on time);
the history lists the three baseline actions: index 0 (closed in 2027/28: complete, not reported again,
its evidence), index 1 (2027/28: in progress, on time on the day it was signed, new due date; 2028/29:
complete), index 4 (closed in 2027/28: dropped, with the reason); then 2027/28's new action. For 2027/28
judged on the same day: completed 1, overdue 1 (action 2's new due date has passed by 2029-01-31),
dropped 1; the chase list holds action 2 only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from s11audit.business_unit import statements
from s11audit.business_unit.importing import FLAGGED, IMPORTED, import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.export import export, export_statement
from s11audit.returns import verify_return
from s11audit.sample import make_sample
from s11audit.store import AuditFile
from s11audit.store.evidence import read_evidence_file
from tests.core.statement_support import NORTHFIELD, RIVERSIDE, sign_statement

AS_OF = dt.date(2029, 1, 31)


def _first_statement(statement, folder: Path) -> dict[int, dt.date]:
    for standard in statement.standards:
        statement.set_position(standard.id, "same")
    statement.set_position("6", "declined")
    statement.set_narrative("6", "Two recruitment files had no reference.")
    statement.actions.add("6", "Audit every recruitment file", owner="HR", due_date=dt.date(2028, 3, 31))
    due = {a.id: a.due_date for a in statement.open_actions()}
    statement.update_progress(1, status="complete", note="Relaunched.", completed_on=due[1] - dt.timedelta(days=5))
    minutes = folder / "Relaunch briefing.txt"
    minutes.write_text("Minutes of the relaunch briefing", encoding="utf-8")
    statement.add_completion_evidence(1, read_evidence_file(minutes), "Briefing minutes")
    statement.update_progress(2, status="in_progress", note="Half done.", new_due_date=due[2] + dt.timedelta(days=200))
    statement.update_progress(5, status="dropped", dropped_reason="Replaced by a joint audit.")
    sign_statement(statement)
    return due


@pytest.fixture(scope="module")
def years(tmp_path_factory, shipped_sets) -> dict:
    """Northfield's three returns and Riverside's 2027/28 statement, with the baseline due dates."""
    folder = tmp_path_factory.mktemp("three years")
    wt = shipped_sets["s11-wt2023"]
    made: dict = {}
    for organisation in (NORTHFIELD, RIVERSIDE):
        path = make_sample(folder / f"{organisation.reference}.s11audit", wt, organisation, signed=True,
                           sample=False, cycle="2026/27")
        out = {name: folder / f"{organisation.reference} {name}.s11return" for name in ("baseline", "y1", "y2")}
        with AuditFile.open(path, "Officer") as audit_file:
            baseline = audit_file.audits()[0]
            export(audit_file, audit_file.assessment(baseline.id), returned=out["baseline"])
            first = audit_file.start_statement(baseline.id, "2027/28")
            made["due"] = _first_statement(first, folder)
            export_statement(audit_file, first, out["y1"])
            if organisation is NORTHFIELD:
                second = audit_file.start_statement(baseline.id, "2028/29")
                # Action 2 is still open, and the new action 2027/28 set (action 6 of the file) is asked about.
                assert [a.id for a in second.open_actions()] == [2, 6] and second.set_in() == {6: "2027/28"}
                for standard in second.standards:
                    second.set_position(standard.id, "same")
                second.set_position("6", "improved")
                second.set_narrative("6", "Every recruitment file now audited.")
                second.update_progress(2, status="complete", note="Finished.", completed_on=dt.date(2026, 11, 20))
                second.update_progress(6, status="in_progress", note="Half the files audited.",
                                       new_due_date=dt.date(2029, 6, 30))
                sample = folder / "Recruitment audit sample.txt"
                sample.write_text("Files audited so far", encoding="utf-8")
                second.add_completion_evidence(6, read_evidence_file(sample), "Audit so far")
                sign_statement(second)
                export_statement(audit_file, second, out["y2"])
        made[organisation.reference] = out
    return made


@pytest.fixture
def workspace(tmp_path, shipped_sets, years):
    wt = shipped_sets["s11-wt2023"]
    with Workspace.create(tmp_path / "unit.s11workspace", "Officer") as workspace:
        cycles = [workspace.add_cycle("2026/27", wt, dt.date(2027, 3, 31)),
                  workspace.add_cycle("2027/28", wt, dt.date(2028, 3, 31), kind="statement", baseline="2026/27"),
                  workspace.add_cycle("2028/29", wt, dt.date(2029, 3, 31), kind="statement", baseline="2026/27")]
        for cycle in cycles:
            workspace.add_organisations(cycle.id, [OrganisationEntry(o.name, o.reference, "Health", o.org_type,
                                                                     o.contact_name, o.contact_email)
                                                   for o in (NORTHFIELD, RIVERSIDE)])
        northfield = years["RYN"]
        outcomes = [f.outcome for f in import_returns(workspace, cycles[0], [northfield["baseline"]]).files]
        outcomes += [f.outcome for f in import_returns(workspace, cycles[1], [northfield["y1"],
                                                                              years["RHA 77"]["y1"]]).files]
        outcomes += [f.outcome for f in import_returns(workspace, cycles[2], [northfield["y2"]]).files]
        assert outcomes == [IMPORTED, IMPORTED, FLAGGED, IMPORTED]
        yield workspace


def test_every_return_of_the_three_years_verifies(years):
    for reference in ("RYN", "RHA 77"):
        for name, path in years[reference].items():
            if path.exists():
                result = verify_return(path)
                assert result.valid, (reference, name, result.reason)
    assert not years["RHA 77"]["y2"].exists()


def test_the_second_year_history_across_both_statements(workspace, years):
    due = years["due"]
    figures = statements.statement_figures(workspace, "2028/29", as_of=AS_OF)
    assert (figures.cycle, figures.baseline_cycle, figures.earlier_cycles) == ("2028/29", "2026/27", ("2027/28",))
    assert (figures.statements, figures.flagged) == (1, 0)
    # Two actions reported this year: the baseline's action 2 completed before its original due date, and
    # 2027/28's new action in progress, slipped to 2029-06-30 (not yet due on 2029-01-31).
    assert figures.progress == statements.Tally(completed=1, on_time=1)
    assert figures.progress_by_standard == {"3": statements.Tally(completed=1), "6": statements.Tally(on_time=1)}
    assert figures.chase == []
    [history] = figures.histories
    assert (history.organisation, history.reference, history.flag) == (NORTHFIELD.name, "RYN", "")
    assert history.baseline_return_id is not None
    assert [(s.label, s.standard_id, s.reported, s.closed_in, s.status, s.category) for s in history.steps] == [
        ("1", "3", False, "2027/28", "complete", statements.COMPLETED),
        ("2", "3", True, "", "complete", statements.COMPLETED),
        ("5", "8", False, "2027/28", "dropped", statements.DROPPED),
        ("2027/28 new action 1", "6", True, "", "in_progress", statements.ON_TIME)]
    first, second, dropped, carried = history.steps
    assert (carried.set_in, carried.index, carried.due_on, carried.new_due_on, carried.baseline_status) == (
        "2027/28", 0, dt.date(2028, 3, 31), dt.date(2029, 6, 30), "not_started")  # as 2027/28's plan had it
    assert carried.evidence == ("Recruitment audit sample.txt",)
    assert (first.completed_on, first.evidence, first.earlier) == (due[1] - dt.timedelta(days=5),
                                                                   ("Relaunch briefing.txt",), ())
    assert (second.due_on, second.completed_on, second.new_due_on, second.progress_note) == (
        due[2], dt.date(2026, 11, 20), None, "Finished.")
    assert second.baseline_status == "in_progress"  # as the baseline return had it
    assert second.earlier == (statements.EarlierProgress(
        "2027/28", "in_progress", statements.ON_TIME, "Half done.", None, due[2] + dt.timedelta(days=200), ""),)
    assert (dropped.dropped_reason, dropped.earlier) == ("Replaced by a joint audit.", ())
    assert history.new_actions == ()
    [(cycle, new_actions)] = history.earlier_new_actions
    assert cycle == "2027/28" and [a["action"] for a in new_actions] == ["Audit every recruitment file"]
    # Standard 6 improved again; every other graded standard the same.
    confirming = {c.standard_id: (c.answered, c.same, c.improved, c.declined) for c in figures.confirmation}
    assert confirming["6"] == (1, 0, 1, 0)
    assert all(c.percent_confirming == 100 for c in figures.confirmation) and figures.declines == []


def test_the_first_year_figures_judged_later(workspace, years):
    due = years["due"]
    figures = statements.statement_figures(workspace, "2027/28", as_of=AS_OF)
    assert figures.earlier_cycles == () and (figures.statements, figures.flagged) == (2, 1)
    northfield = next(h for h in figures.histories if h.reference == "RYN")
    assert [(s.index, s.reported, s.category, s.earlier) for s in northfield.steps] == [
        (0, True, statements.COMPLETED, ()), (1, True, statements.OVERDUE, ()), (4, True, statements.DROPPED, ())]
    riverside = next(h for h in figures.histories if h.reference == "RHA 77")
    assert riverside.flag.startswith("its baseline (2026/27 audit, version 1) is not among this organisation's")
    assert riverside.baseline_return_id is None
    # Riverside made the same answers: its actions count too (its baseline is not held, so no baseline status).
    assert {s.baseline_status for s in riverside.steps} == {None}
    assert figures.progress == statements.Tally(completed=2, overdue=2, dropped=2)
    overdue_by = (AS_OF - (due[2] + dt.timedelta(days=200))).days
    # The same days overdue: by organisation name (Northfield before Riverside).
    assert [(c.reference, c.days_overdue) for c in figures.chase] == [("RYN", overdue_by), ("RHA 77", overdue_by)]
    assert {d.reference for d in figures.declines} == {"RYN", "RHA 77"}


def test_reading_and_working_out_are_apart(workspace):
    """The source is plain data: figures can be worked out after the workspace is closed."""
    source = statements.read_statement_source(workspace, "2028/29")
    workspace.close()
    figures = source.figures(AS_OF)
    assert figures.progress == statements.Tally(completed=1, on_time=1)


def test_status_names_the_baseline_and_the_flagged_statements(workspace, capsys):
    from s11audit.cli import main

    path = str(workspace.path)
    workspace.close()
    assert main(["status", path, "--cycle", "2027/28"]) == 0
    out = capsys.readouterr().out
    assert "2 of 2 (100%) returned" in out
    assert "Annual compliance statements based on the full audit cycle 2026/27; 1 flagged for a decision" in out
    assert "  Riverside Housing Association (RHA 77): its baseline (2026/27 audit, version 1) is not among" in out
    assert main(["status", path, "--cycle", "2026/27"]) == 0
    assert "flagged" not in capsys.readouterr().out


def test_a_key_accepted_on_one_statement_is_not_flagged_again_the_next_year(tmp_path, shipped_sets, years):
    """An organisation that lost its audit file signs both statements with a new key: the first is flagged
    for the key and accepted; the second, signed with the same key, is not flagged again."""
    from s11audit.returns import read_return, write_return
    from s11audit.returns.keys import generate_private_key, public_key_of, signer

    private = generate_private_key()
    resigned = {}
    for name in ("y1", "y2"):
        signed = read_return(years["RYN"][name])
        content = {k: v for k, v in signed.content.items() if k != "format"}
        content["evidence"] = []
        resigned[name] = tmp_path / f"new key {name}.s11return"
        write_return(resigned[name], content, [], signed.standards, public_key_of(private), signer(private))
    wt = shipped_sets["s11-wt2023"]
    for decided in (False, True):
        with Workspace.create(tmp_path / f"unit {decided}.s11workspace", "Officer") as workspace:
            cycles = [workspace.add_cycle("2026/27", wt, dt.date(2027, 3, 31)),
                      workspace.add_cycle("2027/28", wt, dt.date(2028, 3, 31), kind="statement", baseline="2026/27"),
                      workspace.add_cycle("2028/29", wt, dt.date(2029, 3, 31), kind="statement", baseline="2026/27")]
            for cycle in cycles:
                workspace.add_organisations(cycle.id, [OrganisationEntry(NORTHFIELD.name, "RYN", "Health")])
            import_returns(workspace, cycles[0], [years["RYN"]["baseline"]])
            [first] = import_returns(workspace, cycles[1], [resigned["y1"]]).files
            assert first.outcome == FLAGGED and first.flag.startswith("signed with a different key")
            if decided:
                workspace.clear_flag(first.return_id)
            [second] = import_returns(workspace, cycles[2], [resigned["y2"]]).files
            # Undecided, the next year's statement with that key is flagged too; accepted, it is not.
            assert (second.outcome, bool(second.flag)) == ((IMPORTED, False) if decided else (FLAGGED, True))


def test_decide_from_the_command_line(workspace, capsys):
    from s11audit.cli import main

    path = str(workspace.path)
    workspace.close()
    assert main(["decide", path, "--cycle", "2027/28", "--reference", "RYN", "accept"]) != 0
    assert "no return from reference 'RYN' in cycle 2027/28 waits for a decision" in capsys.readouterr().err
    assert main(["decide", path, "--cycle", "2027/28", "--reference", "rha 77", "reject"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rejected: Riverside Housing Association (RHA 77): flagged statement (its baseline")
    assert out.rstrip().endswith("; it is kept but does not count.")
    assert main(["decide", path, "--cycle", "2027/28", "--reference", "RHA 77", "accept"]) != 0  # decided already
    capsys.readouterr()
    with Workspace.open(path, "Officer", read_only=True) as reopened:
        figures = statements.statement_figures(reopened, "2027/28", as_of=AS_OF)
    assert (figures.statements, figures.flagged) == (1, 0)  # Riverside's statement no longer counts


def test_baselines_are_read_whole_where_findings_keep_nothing(workspace):
    """A baseline return imported without what findings keep of it (findings_content null) gives the same
    figures, read from its whole content."""
    from sqlalchemy import update

    from s11audit.business_unit.models import ImportedReturn

    before = statements.statement_figures(workspace, "2028/29", as_of=AS_OF)
    with workspace.change() as session:
        session.execute(update(ImportedReturn).values(findings_content=None))
    after = statements.statement_figures(workspace, "2028/29", as_of=AS_OF)
    assert after == before and after.histories[0].steps[1].baseline_status == "in_progress"
