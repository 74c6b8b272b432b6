"""Recording the peer audit day for one challenge group, by keyboard, saved as typed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from s11audit.business_unit import peer_audit as pa
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.ui.business_unit.peer_recording import NOT_RECORDED, PeerRecordingDialog
from tests.ui.business_unit_support import AGENCIES
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS

pytestmark = OFFSCREEN_SIZE_HINTS


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


def test_peer_audit_tab_sets_up_groups_records_and_writes_the_documents(qtbot, tmp_path, s11_set, monkeypatch,
                                                                        messages):
    from s11audit.ui.business_unit.peer_view import PeerEventDialog
    from s11audit.ui.business_unit.window import BusinessUnitWindow
    from tests.ui.shell_support import when_dialog

    workspace = Workspace.create(tmp_path / "unit.s11workspace", "Officer")
    cycle = workspace.add_cycle("2026/27", s11_set, dt.date(2027, 3, 31))
    workspace.add_organisations(cycle.id, [OrganisationEntry(n, r, s, t) for n, r, s, t in AGENCIES])
    window = BusinessUnitWindow(workspace, [s11_set])
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    window.show()
    form = window.form
    form.tabs.setCurrentWidget(form.peerTab)
    assert not form.proposeGroupsButton.isEnabled()

    def create(dialog: PeerEventDialog) -> None:
        qtbot.keyClicks(dialog.form.eventName, "Peer audit day March 2027")
        for i in range(dialog.form.focus.count()):  # standards 2, 3 and 5
            item = dialog.form.focus.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ("2", "3", "5")
                               else Qt.CheckState.Unchecked)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert when_dialog(PeerEventDialog, create) is not None
    qtbot.mouseClick(form.newEventButton, Qt.MouseButton.LeftButton)
    event_id = window.peer.event_id
    assert event_id is not None and [s.id for s in pa.standards_in_focus(workspace, event_id)] == ["2", "3", "5"]

    form.groupSize.setValue(2)
    qtbot.mouseClick(form.proposeGroupsButton, Qt.MouseButton.LeftButton)
    tree = form.groupsTree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == ["Group 1", "Group 2"]
    for i in range(2):  # each group mixes sectors
        group = tree.topLevelItem(i)
        sectors = [group.child(c).text(1) for c in range(group.childCount())]
        assert len(sectors) == 2 and len(set(sectors)) == 2

    # Record group 1: one outcome, then the tree shows it.
    tree.setCurrentItem(tree.topLevelItem(0))

    def record(dialog: PeerRecordingDialog) -> None:
        dialog.form.outcome.setCurrentIndex(dialog.form.outcome.findData("met"))
        dialog.form.outcome.activated.emit(dialog.form.outcome.currentIndex())
        dialog.accept()

    assert when_dialog(PeerRecordingDialog, record) is not None
    qtbot.mouseClick(form.recordButton, Qt.MouseButton.LeftButton)
    assert tree.topLevelItem(0).child(0).text(2) == "1 of 3"
    window.refresh()  # the findings include the day's outcomes
    form.tabs.setCurrentWidget(form.findingsTab)  # findings are worked out when their tab is shown
    assert ("Peer audit day March 2027: peer outcomes agreed with the self-grade in none yet"
            in form.findingsSummary.text())
    assert "Met 1" in form.findingsSummary.text()
    _writes_the_days_documents(window, tmp_path, messages, monkeypatch)
    window.close()


def _writes_the_days_documents(window, tmp_path, messages, monkeypatch) -> None:
    """The schedule, the day's summary, the outcomes workbook and a feedback letter for each agency."""
    from PySide6.QtWidgets import QFileDialog
    from pypdf import PdfReader

    outputs = {"schedule": tmp_path / "schedule.pdf", "summary": tmp_path / "summary.pdf",
               "workbook": tmp_path / "outcomes.xlsx"}
    for kind, target in outputs.items():
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target, **k: (str(t), "")))
        window.peer.write_report(kind)
        assert target.exists()
    schedule = " ".join(page.extract_text() for page in PdfReader(outputs["schedule"]).pages)
    assert "Group 1" in schedule and "Northshire Police" in schedule
    letters = tmp_path / "letters"
    letters.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(letters)))
    window.peer.write_feedback()
    assert len(list(letters.glob("*.pdf"))) == len(AGENCIES)
    assert messages.texts("warning") == [] and f"{len(AGENCIES)} feedback letters written" in messages.texts()[-1]


def test_the_standard_page_shows_what_the_business_unit_sent(qtbot, tmp_path, s11_set, shown_window):
    from s11audit.sample import make_sample
    from s11audit.store import BUSINESS_UNIT_NOTE, RECOMMENDATION, AuditFile, BriefingRow, OrganisationDetails
    from s11audit.store.briefings import write_briefings

    agency = OrganisationDetails("Riverside Community Health", "RH1", "agency", "health")
    path = make_sample(tmp_path / "template.s11audit", s11_set, agency, sample=False)  # a business unit's template
    with AuditFile.open(path, "Business unit") as audit_file:
        assessment = audit_file.latest_assessment()
        with audit_file.writer.change() as session:
            write_briefings(session, assessment.id, [
                BriefingRow("2", RECOMMENDATION, "Involve children in designing services.", "Peer audit day 2026"),
                BriefingRow("2", BUSINESS_UNIT_NOTE, "Learning from review R: <voice of the child> missing.", "")],
                assessment.standards_set)
    assert shown_window.open_file(path)
    view = shown_window.views["self_assessment"]
    view.show_standard("2")
    shown = view.current_pane().briefings
    assert shown is not None and shown.isVisibleTo(shown_window)
    text = shown.text()
    assert "Recommendation from the last peer audit" in text and "Involve children in designing services." in text
    assert "&lt;voice of the child&gt;" in text  # user text is escaped, never markup
    view.show_standard("3")
    assert view.current_pane().briefings is None


def test_close_button_and_escape_close_the_dialog_keeping_what_was_typed(qtbot, event):
    workspace, found, _ = event
    for close in ("button", "escape"):
        dialog = PeerRecordingDialog(None, workspace, found.id, 1)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(dialog.form.challengeNotes.hasFocus)
        dialog.form.challengeNotes.selectAll()  # typing replaces what the first round kept
        qtbot.keyClicks(dialog.form.challengeNotes, f"Closed by {close}.")
        assert dialog.close_button.text().replace("&", "") == "Close" and dialog.close_button.isVisible()
        if close == "button":
            qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(dialog.form.challengeNotes, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
        first = dialog.model.rows[0]
        [stored] = [r for r in pa.records(workspace, found.id)
                    if (r.organisation_id, r.standard_id) == (first.organisation_id, first.standard_id)]
        assert stored.challenge_notes == f"Closed by {close}."
