"""What findings read of each return is kept beside it (schema 0005) and read back to the same records;
a cycle's findings from a FindingsSource of plain data (read on the workspace's thread, worked out on
any), a moderation giving a new source with one record changed, and reading stopped when asked."""

from __future__ import annotations

import json
import sqlite3

import pytest

from s11audit.business_unit.cycle_findings import CalculationStopped, cycle_findings, read_for_findings
from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.records import (FINDINGS_PREFIX, findings_content, record_from_content,
                                            record_from_stored)
from s11audit.business_unit.tracking import records_for_cycle
from s11audit.business_unit.workspace import WORKSPACE, OrganisationEntry, Workspace
from s11audit.store.database import head_revision
from tests.core.criteria_audit import signed_return
from tests.core.test_criteria_returns import DUE


@pytest.fixture
def imported(tmp_path, example, riverside):
    folder = tmp_path / "more"
    folder.mkdir()
    second = signed_return(folder, example, "Hillside Police", "PO1", grades={"1.1": "1", "1.2": "2"})
    path = tmp_path / "unit.s11workspace"
    with Workspace.create(path, user="Officer") as workspace:
        cycle = workspace.add_cycle("2026/27", example, DUE)
        workspace.add_organisation(cycle.id, OrganisationEntry("Riverside NHS Trust", "RH1", "Health", "health"))
        workspace.add_organisation(cycle.id, OrganisationEntry("Hillside Police", "PO1", "Police", "police"))
        outcomes = import_returns(workspace, cycle, [riverside, second]).files
        assert all(o.return_id for o in outcomes)
    return path


def _same(a, b) -> bool:
    return (a.reference, a.name, a.org_type, a.grades, a.not_applicable, a.answers, a.actions, a.criteria,
            a.criteria_na) == (b.reference, b.name, b.org_type, b.grades, b.not_applicable, b.answers, b.actions,
                               b.criteria, b.criteria_na)


def test_each_imported_return_keeps_what_findings_read_and_it_reads_back_to_the_same_record(imported):
    db = sqlite3.connect(imported)
    rows = db.execute("SELECT content, findings_content FROM imported_return").fetchall()
    db.close()
    assert len(rows) == 2
    for content, kept in rows:
        assert kept is not None and len(kept) < len(content)
        assert kept.startswith(FINDINGS_PREFIX)  # what stored_returns looks for before it reads it
        whole = record_from_content(json.loads(content))
        assert _same(record_from_stored(json.loads(kept)), whole)
        assert whole.criteria  # a format 2 return: criteria grades are among what is kept


def test_a_workspace_from_before_0005_gets_it_on_upgrade_and_the_same_findings(imported):
    with Workspace.open(imported, "Officer") as workspace:
        cycle = workspace.cycle("2026/27")
        before = cycle_findings(workspace, cycle, basis="moderated")
    db = sqlite3.connect(imported)
    with db:
        db.execute("ALTER TABLE imported_return DROP COLUMN findings_content")
        db.execute("DROP TABLE headline_measure")  # and 0006's tables
        db.execute("DROP TABLE workspace_setting")
        db.execute("UPDATE alembic_version SET version_num = '0004'")
    db.close()
    with Workspace.open(imported, "Officer") as workspace:
        assert workspace.upgraded_backup is not None
        assert cycle_findings(workspace, workspace.cycle("2026/27"), basis="moderated") == before
    db = sqlite3.connect(imported)
    assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision(WORKSPACE) == "0008"
    assert db.execute("SELECT count(*) FROM imported_return WHERE findings_content IS NULL").fetchone()[0] == 0
    db.close()


@pytest.mark.parametrize("kept", [None, '{"findings_version": 99, "grades": {}}'])
def test_a_return_without_it_or_with_another_version_is_read_from_its_whole_content(imported, kept):
    with Workspace.open(imported, "Officer") as workspace:
        expected = records_for_cycle(workspace, workspace.cycle("2026/27"))
    db = sqlite3.connect(imported)
    with db:
        db.execute("UPDATE imported_return SET findings_content = ?", (kept,))
    db.close()
    with Workspace.open(imported, "Officer") as workspace:
        again = records_for_cycle(workspace, workspace.cycle("2026/27"))
    assert len(again) == 2 and all(_same(a, b) for a, b in zip(again, expected, strict=True))


def test_a_moderation_gives_a_new_source_with_that_record_changed_and_the_findings_of_a_fresh_reading(imported):
    with Workspace.open(imported, "Officer") as workspace:
        cycle = workspace.cycle("2026/27")
        source = read_for_findings(workspace, cycle)
        first = source.findings("moderated")
        chosen = source.current.returns[0].return_id
        workspace.set_moderation(chosen, "1", "not_met")
        workspace.set_criterion_moderation(chosen, "1.1", "0")
        standards = {sid: m.grade for sid, m in workspace.moderations(chosen).items()}
        criteria = {cid: m.grade for cid, m in workspace.criterion_moderations(chosen).items()}
        changed = source.moderated(chosen, standards, criteria)
        fresh = cycle_findings(workspace, cycle, basis="moderated")
    assert changed is not source and source.findings("moderated") == first  # the old source is untouched
    assert changed.findings("moderated") == fresh != first
    assert changed.records()[1:] == source.records()[1:] and changed.records()[0].moderated == {"1": "not_met"}


def test_reading_the_returns_stops_when_asked_and_nothing_is_kept(imported):
    with Workspace.open(imported, "Officer") as workspace:
        source = read_for_findings(workspace, workspace.cycle("2026/27"))
    with pytest.raises(CalculationStopped):
        source.findings("self", cancelled=lambda: True)
    assert not source.parsed
    assert source.findings("self").received == 2 and source.parsed


def test_findings_content_keeps_no_free_text_of_the_return(riverside):
    from s11audit.returns import read_return

    content = read_return(riverside).content
    kept = json.dumps(findings_content(content))
    for action in content.get("action_plan") or []:
        assert action["action"] not in kept
    for standard in content["standards"]:
        if standard.get("comment"):
            assert standard["comment"] not in kept
