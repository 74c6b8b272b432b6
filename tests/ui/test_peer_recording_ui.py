"""Recording the peer audit day for one challenge group, by keyboard, saved as typed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from s11audit.business_unit import peer_audit as pa
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.ui.business_unit.peer_recording import NOT_RECORDED, PeerRecordingDialog
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS

pytestmark = OFFSCREEN_SIZE_HINTS
AGENCIES = [("Riverside Community Health", "RH1", "Health", "health"), ("Northshire Police", "NP1", "Police", "police"),
            ("Hillview Council", "HC1", "Local authority", "local_authority"),
            ("Youth Works", "YW1", "Voluntary and community", "voluntary_community")]


@pytest.fixture
def event(tmp_path, s11_set):
    workspace = Workspace.create(tmp_path / "unit.s11workspace", "Officer")
    cycle = workspace.add_cycle("2026/27", s11_set, dt.date(2027, 3, 31))
    added = workspace.add_organisations(cycle.id, [OrganisationEntry(n, r, s, t) for n, r, s, t in AGENCIES])
    found = pa.add_event(workspace, cycle.id, "Peer audit day March 2027", dt.date(2027, 3, 12), ["2", "3", "5"])
    pa.add_participants(workspace, found.id, [o.id for o in added])
    groups = pa.propose_event_groups(workspace, found.id, 2)
    pa.set_groups(workspace, found.id, groups)
    yield workspace, found, groups
    workspace.close()


def test_record_outcomes_for_a_group(qtbot, event, tmp_path):
    workspace, found, groups = event
    dialog = PeerRecordingDialog(None, workspace, found.id, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.form
    assert dialog.model.rowCount() == len(groups[0]) * 3  # each agency of group 1 on the three standards
    assert dialog.model.index(0, 3).data() == NOT_RECORDED
    qtbot.waitUntil(form.challengeNotes.hasFocus)

    # First row, by keyboard only: notes, outcome, recommendations, then an action.
    qtbot.keyClicks(form.challengeNotes, "Children's views are collected but not used in service plans.")
    qtbot.keyClick(form.challengeNotes, Qt.Key.Key_Tab)  # leaving the field saves it
    assert form.outcome.hasFocus()
    form.outcome.setCurrentIndex(form.outcome.findData("met_with_recommendations"))
    form.outcome.activated.emit(form.outcome.currentIndex())
    qtbot.keyClick(form.outcome, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.recommendations, "Show how children's views changed the service plan.")
    qtbot.mouseClick(form.addActionButton, Qt.MouseButton.LeftButton)  # saves the recommendations (focus leaves)
    table = form.actionsTable
    table.item(0, 0).setText("Add a 'you said, we did' section to the annual report")
    table.item(0, 1).setText("Head of participation")
    table.item(0, 2).setText("30/06/2027")
    first = dialog.model.rows[0]
    assert dialog.model.index(0, 3).data() == "Met with recommendations"

    # Alt+Down to the next row; the first is kept.
    qtbot.keyClick(form.challengeNotes, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert form.rowsTable.currentIndex().row() == 1
    assert form.challengeNotes.toPlainText() == ""
    qtbot.keyClicks(form.challengeNotes, "Strong evidence of multi-agency information sharing.")
    dialog.accept()  # closing saves what was being typed

    stored = {(r.organisation_id, r.standard_id): r for r in pa.records(workspace, found.id)}
    kept = stored[(first.organisation_id, first.standard_id)]
    assert kept.challenge_notes.startswith("Children's views") and kept.outcome == "met_with_recommendations"
    assert kept.recommendations == "Show how children's views changed the service plan."
    [action] = kept.actions
    assert (action.action, action.owner, action.due_on) == ("Add a 'you said, we did' section to the annual report",
                                                            "Head of participation", dt.date(2027, 6, 30))
    second = dialog.model.rows[1]
    assert stored[(second.organisation_id, second.standard_id)].challenge_notes.startswith("Strong evidence")


def test_a_wrong_date_is_explained_and_not_saved(qtbot, event):
    workspace, found, _ = event
    dialog = PeerRecordingDialog(None, workspace, found.id, 2)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.form.addActionButton, Qt.MouseButton.LeftButton)
    dialog.form.actionsTable.item(0, 2).setText("next spring")
    assert "is not a date" in dialog.form.problem.text()
    row = dialog.model.rows[0]
    [stored] = [r for r in pa.records(workspace, found.id) if (r.organisation_id, r.standard_id) ==
                (row.organisation_id, row.standard_id)]
    assert stored.actions[0].due_on is None
