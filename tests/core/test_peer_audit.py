"""The peer audit day in the workspace: events, recording, templates, the day summary and old files.

Three agencies take part in a peer audit day of cycle 2026/27 (standards 2, 3 and 5 of the S11
set): Riverside Health (its self-grades come from last cycle's return, 2025/26, as it has not
returned yet), Northshire Police (its 2026/27 return is imported) and Hillview Health (no return at
all). Riverside also took part in a peer audit day in 2025/26, where it was given a recommendation.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import event as sa_event

from s11audit.business_unit import peer_audit as pa
from s11audit.business_unit.cycle_starting_files import starting_files_for_cycle
from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.peer_summary import day_summary
from s11audit.business_unit.peer_templates import write_peer_templates
from s11audit.business_unit.workspace import WORKSPACE, OrganisationEntry, Workspace
from s11audit.export import export
from s11audit.sample import fill_assessment, sign_sample
from s11audit.store import (BUSINESS_UNIT_NOTE, RECOMMENDATION, AuditFile, AuditFileError, BriefingRow,
                            OrganisationDetails)
from s11audit.store.database import head_revision

RIVERSIDE = OrganisationDetails("Riverside Community Health", "RH1", "agency", "health")
POLICE = OrganisationDetails("Northshire Police", "NP1", "agency", "police")
HILLVIEW = OrganisationDetails("Hillview Health", "HH1", "agency", "health")
FOCUS = ["2", "3", "5"]
DAY = dt.date(2027, 3, 12)


def _signed_return(folder, organisation, standards_set, cycle, grades):
    """A signed return with the given grades for some standards (the rest as the sample fills them)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{organisation.reference}-{cycle.replace('/', '-')}.s11audit"
    with AuditFile.create(path, organisation, "Lead") as audit_file:
        assessment = audit_file.start_audit(standards_set, cycle)
        fill_assessment(assessment, organisation.name, seed=len(organisation.name))
        for standard_id, grade in grades.items():
            assessment.set_grade(standard_id, grade)
            assessment.set_narrative(standard_id, f"{organisation.name} on standard {standard_id} in {cycle}.")
            if standard_id == "2":
                assessment.actions.add("2", f"Children's panel ({cycle})", owner="Head of service",
                                       due_date=dt.date(2027, 6, 30))
        sign_sample(assessment)
        returned = path.with_suffix(".s11return")
        export(audit_file, assessment, returned=returned)
    return returned


@pytest.fixture
def day(tmp_path, s11_set):
    """The workspace with both cycles, the returns imported, last year's peer day and this year's event."""
    workspace = Workspace.create(tmp_path / "unit.s11workspace", "Officer")
    last = workspace.add_cycle("2025/26", s11_set, dt.date(2026, 3, 31))
    entries = [OrganisationEntry(o.name, o.reference, sector, o.org_type)
               for o, sector in ((RIVERSIDE, "Health"), (POLICE, "Police"), (HILLVIEW, "Health"))]
    old = {o.reference: o for o in workspace.add_organisations(last.id, entries)}
    import_returns(workspace, last, [
        _signed_return(tmp_path / "r", RIVERSIDE, s11_set, "2025/26", {"2": "amber", "3": "green", "5": "green"})])
    last_day = pa.add_event(workspace, last.id, "Peer audit day 2026", dt.date(2026, 3, 1), ["2"])
    pa.add_participants(workspace, last_day.id, [old["RH1"].id])
    pa.set_recommendations(workspace, last_day.id, old["RH1"].id, "2", "Involve children in designing services.")
    this = workspace.add_cycle("2026/27", s11_set, dt.date(2027, 3, 31), previous="2025/26")
    orgs = {o.reference: o for o in workspace.add_organisations(this.id, entries)}
    import_returns(workspace, this, [
        _signed_return(tmp_path / "p", POLICE, s11_set, "2026/27", {"2": "green", "3": "amber", "5": "green"})])
    peer_day = pa.add_event(workspace, this.id, "Peer audit day 2027", DAY, ["5", "2", "3"],
                            starts_at=dt.time(9, 30), slot_minutes=45)
    pa.add_participants(workspace, peer_day.id, [o.id for o in orgs.values()])
    yield workspace, peer_day, {k: o.id for k, o in orgs.items()}
    workspace.close()


def _commits(workspace):
    counted = []
    sa_event.listen(workspace.session, "after_commit", lambda session: counted.append(1))
    return counted


def test_event_keeps_focus_in_the_sets_order_and_refuses_what_is_not_in_the_set(day):
    workspace, peer_day, _ = day
    assert peer_day.standard_ids == ("2", "3", "5")
    assert next(s.title for s in pa.standards_in_focus(workspace, peer_day.id)) == "Listening to children"
    with pytest.raises(AuditFileError, match="has no standard '99'"):
        pa.add_event(workspace, peer_day.cycle_id, "Another", DAY, ["2", "99"])
    with pytest.raises(AuditFileError, match="not an outcome"):
        pa.set_outcome(workspace, peer_day.id, next(iter(day[2].values())), "2", "green")
    with pytest.raises(AuditFileError, match="not in focus"):
        pa.set_challenge_notes(workspace, peer_day.id, next(iter(day[2].values())), "1", "x")
    assert [o.id for o in pa.outcome_scale(workspace, peer_day.id).levels] == ["met", "met_with_recommendations",
                                                                                "not_met"]


def test_self_grades_from_this_cycles_return_else_last_cycles(day):
    workspace, peer_day, ids = day
    grades = pa.self_grades(workspace, peer_day.id)
    assert grades[ids["NP1"]]["3"] == pa.SelfGrade("amber", False, "return", "2026/27")
    riverside = grades[ids["RH1"]]["2"]
    assert (riverside.grade, riverside.source, riverside.cycle) == ("amber", "previous", "2025/26")
    assert riverside.from_previous_cycle
    assert grades[ids["HH1"]] == {}


def test_each_setter_is_one_transaction_and_survives_reopening(day):
    workspace, peer_day, ids = day
    rh = ids["RH1"]
    commits = _commits(workspace)
    pa.set_business_unit_note(workspace, peer_day.id, rh, "3", "Learning from review R: supervision gaps.")
    pa.set_challenge_notes(workspace, peer_day.id, rh, "3", "Asked for supervision audit results.")
    pa.set_outcome(workspace, peer_day.id, rh, "3", "met_with_recommendations")
    pa.set_recommendations(workspace, peer_day.id, rh, "3", "Audit supervision records quarterly.")
    action = pa.add_action(workspace, peer_day.id, rh, "3", "Quarterly supervision audit", "Named nurse",
                           due_on=dt.date(2027, 6, 30))
    pa.update_action(workspace, action.id, owner="Head of nursing")
    pa.move_participant(workspace, peer_day.id, rh, 2)
    assert len(commits) == 7
    path = workspace.path
    workspace.close()
    with Workspace.open(path, "Someone else") as reopened:
        [row] = [r for r in pa.records(reopened, peer_day.id) if r.organisation_id == rh and r.standard_id == "3"]
        assert row.business_unit_note == "Learning from review R: supervision gaps."
        assert row.challenge_notes == "Asked for supervision audit results."
        assert row.outcome == "met_with_recommendations"
        assert row.recommendations == "Audit supervision records quarterly."
        assert row.actions == (pa.PeerActionRow(action.id, rh, "3", "Quarterly supervision audit", "Head of nursing",
                                                dt.date(2027, 6, 30)),)
        assert row.updated_by == "Officer" and row.self_grade.grade == "green"
        assert [p.group for p in pa.participants(reopened, peer_day.id) if p.organisation_id == rh] == [2]
        # A row for every participant and standard in focus, recorded or not.
        assert len(pa.records(reopened, peer_day.id)) == 9
        assert len(pa.records(reopened, peer_day.id, (i for i in [rh, ids["NP1"]]))) == 6
        pa.set_outcome(reopened, peer_day.id, rh, "3", None)
        pa.remove_action(reopened, action.id)
        [row] = [r for r in pa.records(reopened, peer_day.id, [rh]) if r.standard_id == "3"]
        assert row.outcome is None and row.actions == ()


def test_groups_proposed_stored_edited_and_scheduled(day):
    workspace, peer_day, ids = day
    proposed = pa.propose_event_groups(workspace, peer_day.id, 2)
    # Two health agencies and one police force in groups of two: the health agencies are apart.
    assert sorted(map(len, proposed)) == [1, 2] and all(not {ids["RH1"], ids["HH1"]} <= set(g) for g in proposed)
    pa.set_groups(workspace, peer_day.id, [[ids["RH1"], ids["NP1"]], [ids["HH1"]]])
    pa.move_participant(workspace, peer_day.id, ids["NP1"], 2)
    slots = pa.schedule(workspace, peer_day.id)
    assert [(s.group, s.starts_at.time(), s.ends_at.time(), [p.name for p in s.participants]) for s in slots] == [
        (1, dt.time(9, 30), dt.time(10, 15), [RIVERSIDE.name]),
        (2, dt.time(10, 15), dt.time(11, 0), [HILLVIEW.name, POLICE.name])]
    with pytest.raises(AuditFileError, match="two challenge groups"):
        pa.set_groups(workspace, peer_day.id, [[ids["RH1"]], [ids["RH1"]]])
    pa.set_groups(workspace, peer_day.id, [[ids["HH1"]]])
    assert {p.name: p.group for p in pa.participants(workspace, peer_day.id)} == {
        HILLVIEW.name: 1, RIVERSIDE.name: None, POLICE.name: None}


def test_template_carries_the_focus_standards_recommendations_and_note(day, tmp_path):
    workspace, peer_day, ids = day
    pa.set_business_unit_note(workspace, peer_day.id, ids["RH1"], "3", "Learning from review R: supervision gaps.")
    steps = []
    [result] = write_peer_templates(workspace, peer_day.id, tmp_path / "templates", [ids["RH1"]],
                                    progress=lambda done, total, text: steps.append((done, total)))
    assert result.written and steps == [(0, 1), (1, 1)]
    with AuditFile.open(result.path, "Riverside", read_only=True) as audit_file:
        assessment = audit_file.latest_assessment()
        assert assessment.cycle == "2026/27"
        responses = assessment.responses()
        assert sorted(responses) == FOCUS
        assert responses["2"].grade == "amber"
        assert responses["3"].narrative == f"{RIVERSIDE.name} on standard 3 in 2025/26."
        evidence = assessment.evidence.all_evidence()
        assert evidence and all(link[0] in FOCUS for e in evidence for link in e.links)
        assert {a.standard_id for a in assessment.actions.all_actions()} <= set(FOCUS)
        assert any(a.description == "Children's panel (2025/26)" for a in assessment.actions.all_actions())
        assert assessment.briefings("2") == [BriefingRow("2", RECOMMENDATION, "Involve children in designing services.",
                                                         "Peer audit day 2026, 1 March 2026")]
        assert assessment.briefings("3") == [BriefingRow("3", BUSINESS_UNIT_NOTE,
                                                         "Learning from review R: supervision gaps.",
                                                         "Peer audit day 2027, 12 March 2027")]
        assert assessment.briefings("3")[0].heading == "Note from the business unit"
        assert assessment.briefings("1") == []


def test_day_summary_and_findings_with_moderated_outcomes(day):
    workspace, peer_day, ids = day
    rh, np_, hh = ids["RH1"], ids["NP1"], ids["HH1"]
    for organisation_id, standard_id, outcome in [(rh, "2", "not_met"), (rh, "3", "met_with_recommendations"),
                                                  (rh, "5", "not_met"), (np_, "2", "met"), (np_, "3", "met"),
                                                  (hh, "2", "met")]:
        pa.set_outcome(workspace, peer_day.id, organisation_id, standard_id, outcome)
    pa.set_recommendations(workspace, peer_day.id, rh, "3", "Audit supervision records quarterly.")
    pa.add_action(workspace, peer_day.id, rh, "5", "Training needs analysis", "Trust lead", due_on=dt.date(2027, 9, 1))
    summary = day_summary(workspace, peer_day.id)
    table = {(r.agency, r.standard_id): r for r in summary.rows}
    assert len(table) == 9
    # Self amber (below green) agrees with not met; self green with met with recommendations.
    assert table[RIVERSIDE.name, "2"].agrees is True and table[RIVERSIDE.name, "3"].agrees is True
    assert table[RIVERSIDE.name, "5"].change == "lower" and table[RIVERSIDE.name, "5"].changed
    assert table[POLICE.name, "3"].change == "higher"
    assert table[POLICE.name, "5"].outcome is None and table[POLICE.name, "5"].agrees is None
    assert table[HILLVIEW.name, "2"].agrees is None and table[HILLVIEW.name, "2"].self_grade_label == ""
    assert table[RIVERSIDE.name, "2"].self_grade.from_previous_cycle
    assert table[RIVERSIDE.name, "5"].actions[0].action == "Training needs analysis"
    assert [(r.agency, r.standard_id) for r in summary.changes] == [(POLICE.name, "3"), (RIVERSIDE.name, "5")]
    findings = summary.findings
    assert (findings.compared, findings.agreed) == (5, 3) and findings.agreement_rate == pytest.approx(0.6)
    by_standard = {s.standard_id: s for s in findings.standards}
    assert dict(by_standard["2"].counts) == {"met": 2, "met_with_recommendations": 0, "not_met": 1}
    assert dict(by_standard["3"].counts) == {"met": 1, "met_with_recommendations": 1, "not_met": 0}
    assert dict(by_standard["5"].counts) == {"met": 0, "met_with_recommendations": 0, "not_met": 1}
    assert [by_standard[s].not_recorded for s in FOCUS] == [0, 1, 2]
    assert [(by_standard[s].compared, by_standard[s].agreed) for s in FOCUS] == [(2, 2), (2, 1), (1, 0)]
    assert findings.agencies_with_recommendations == (RIVERSIDE.name,)
    feedback = {a.agency: a for a in summary.agencies}
    assert [r.standard_id for r in feedback[RIVERSIDE.name].rows] == FOCUS
    assert feedback[RIVERSIDE.name].has_recommendations and not feedback[POLICE.name].has_recommendations


def test_next_cycles_starting_files_carry_the_recommendations(day, tmp_path, s11_set):
    workspace, peer_day, ids = day
    pa.set_recommendations(workspace, peer_day.id, ids["RH1"], "3", "Audit supervision records quarterly.")
    following = workspace.add_cycle("2027/28", s11_set, dt.date(2028, 3, 31), previous="2026/27")
    [org] = workspace.add_organisations(following.id, [OrganisationEntry(RIVERSIDE.name, RIVERSIDE.reference,
                                                                         "Health", "health")])
    [result] = starting_files_for_cycle(workspace, following, [org.id], tmp_path / "next")
    with AuditFile.open(result.path, "x", read_only=True) as audit_file:
        briefings = audit_file.latest_assessment().briefings()
    # The 2027 day (the last Riverside took part in) supersedes the 2026 day's recommendation.
    assert briefings == [BriefingRow("3", RECOMMENDATION, "Audit supervision records quarterly.",
                                     "Peer audit day 2027, 12 March 2027")]


def test_old_workspace_0001_is_upgraded_to_the_newest_and_keeps_its_data(tmp_path, s11_set):
    path = tmp_path / "old.s11workspace"
    with Workspace.create(path, "Officer") as workspace:
        cycle = workspace.add_cycle("2025/26", s11_set, dt.date(2026, 3, 31))
        workspace.add_organisations(cycle.id, [OrganisationEntry(POLICE.name, POLICE.reference, "Police", "police")])
    # Make it a 0001 workspace: 0002 only added the peer audit tables, 0003 a return's content identity,
    # 0004 the criterion moderation and moderation trail tables, 0005 a return's findings content, 0006 the
    # workspace settings and headline measure tables.
    db = sqlite3.connect(path)
    with db:
        for table in ("peer_action", "peer_record", "peer_participant", "peer_event", "criterion_moderation",
                      "moderation_trail", "headline_measure", "workspace_setting"):
            db.execute(f"DROP TABLE {table}")
        db.execute("DROP INDEX ix_return_cycle_content")
        db.execute("ALTER TABLE imported_return DROP COLUMN content_id")
        db.execute("ALTER TABLE imported_return DROP COLUMN findings_content")
        db.execute("UPDATE alembic_version SET version_num = '0001'")
    db.close()
    with Workspace.open(path, "Officer") as workspace:
        assert workspace.upgraded_backup is not None and workspace.upgraded_backup.exists()
        [cycle] = workspace.cycles()
        [organisation] = workspace.organisations(cycle.id)
        assert organisation.name == POLICE.name and organisation.sector == "Police"
        peer_day = pa.add_event(workspace, cycle.id, "Peer audit day", DAY, ["2"])
        pa.add_participants(workspace, peer_day.id, [organisation.id])
        pa.set_outcome(workspace, peer_day.id, organisation.id, "2", "met")
    db = sqlite3.connect(path)
    assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision(WORKSPACE) == "0008"
    db.close()


def test_old_audit_file_is_upgraded_to_the_newest_with_no_briefings(tmp_path, s11_set):
    path = tmp_path / "old.s11audit"
    with AuditFile.create(path, POLICE, "Lead") as audit_file:
        audit_file.start_audit(s11_set, "2025/26").set_grade("1", "green")
    db = sqlite3.connect(path)
    with db:
        for sql in ("DROP TABLE statement_standard", "DROP TABLE action_progress",
                    "ALTER TABLE audit DROP COLUMN baseline_audit_id", "ALTER TABLE audit DROP COLUMN kind"):
            db.execute(sql)  # as 0007 added them
        db.execute("DROP TABLE briefing")
        db.execute("ALTER TABLE action DROP COLUMN criterion_id")  # as 0006 added it
        db.execute("UPDATE alembic_version SET version_num = '0004'")
    db.close()
    with AuditFile.open(path, "Lead") as audit_file:
        assert audit_file.upgraded_backup is not None
        assessment = audit_file.latest_assessment()
        assert assessment.response("1").grade == "green" and assessment.briefings() == []
        started = audit_file.start_audit(s11_set, "2026/27", briefings=[
            BriefingRow("1", BUSINESS_UNIT_NOTE, "Read the review.", "Business unit"),
            BriefingRow("not-a-standard", RECOMMENDATION, "Left out.", "x")])
        assert started.briefings() == [BriefingRow("1", BUSINESS_UNIT_NOTE, "Read the review.", "Business unit")]
    db = sqlite3.connect(path)
    assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision() == "0007"
    db.close()


def test_briefings_stay_with_a_reopened_audit(tmp_path, s11_set):
    with AuditFile.create(tmp_path / "p.s11audit", POLICE, "Lead") as audit_file:
        assessment = audit_file.start_audit(s11_set, "2026/27", briefings=[
            BriefingRow("2", RECOMMENDATION, "Hear from children in custody.", "Peer audit day 2026")])
        fill_assessment(assessment, POLICE.name)
        sign_sample(assessment)
        reopened = audit_file.reopen_for_changes(assessment.id)
        assert reopened.briefings("2") == assessment.briefings("2") != []


def test_event_details_can_be_changed(day):
    workspace, peer_day, _ = day
    changed = pa.update_event(workspace, peer_day.id, name="Challenge day", standard_ids=["3"], slot_minutes=30)
    assert (changed.name, changed.standard_ids, changed.slot_minutes, changed.held_on) == ("Challenge day", ("3",), 30,
                                                                                            DAY)
    assert pa.events(workspace, peer_day.cycle_id) == [changed]
    assert {r.standard_id for r in pa.records(workspace, peer_day.id)} == {"3"}
    with pytest.raises(AuditFileError, match="slot"):
        pa.update_event(workspace, peer_day.id, slot_minutes=0)


def test_peer_audit_cycle_on_the_reduced_set_starts_from_the_last_full_audit(tmp_path, s11_set, shipped_sets):
    peer_set = shipped_sets["s11-peer-audit"]
    with Workspace.create(tmp_path / "unit.s11workspace", "Officer") as workspace:
        full = workspace.add_cycle("2025/26", s11_set, dt.date(2026, 3, 31))
        entry = OrganisationEntry(RIVERSIDE.name, RIVERSIDE.reference, "Health", "health")
        workspace.add_organisations(full.id, [entry])
        import_returns(workspace, full, [_signed_return(tmp_path / "r", RIVERSIDE, s11_set, "2025/26",
                                                        {"2": "amber", "3": "green", "5": "green"})])
        peer = workspace.add_cycle("2026/27 peer audit", peer_set, dt.date(2027, 3, 31), previous="2025/26")
        [org] = workspace.add_organisations(peer.id, [entry])
        peer_day = pa.add_event(workspace, peer.id, "Peer audit day 2027", DAY, ["2", "3", "5"])
        pa.add_participants(workspace, peer_day.id, [org.id])
        assert pa.self_grades(workspace, peer_day.id)[org.id]["2"].source == "previous"
        [result] = write_peer_templates(workspace, peer_day.id, tmp_path / "templates")
    with AuditFile.open(result.path, "x", read_only=True) as audit_file:
        assessment = audit_file.latest_assessment()
        assert assessment.standards_set.id == "s11-peer-audit"
        assert {sid: r.grade for sid, r in assessment.responses().items()} == {"2": "amber", "3": "green", "5": "green"}
