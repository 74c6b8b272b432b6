"""A DSL's whole first sitting, through the real main window: create the audit file, grade every
standard, answer items, add evidence and an action, use the missing list and undo, close, reopen
and find everything where it was left."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog

from s11audit.completeness import Gap
from s11audit.standards import ItemType
from s11audit.ui.dialogs.action_dialog import ActionDialog
from s11audit.ui.dialogs.new_audit import NewAuditDialog
from s11audit.ui.dialogs.new_file import NewFileDialog
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS


@pytest.fixture
def window(shown_window):
    return shown_window


def _create_school_file(qtbot, window, target: Path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    def fill_file(dialog: NewFileDialog) -> None:
        form = dialog.form
        qtbot.keyClicks(form.organisationName, "St Aidan's CE Primary School")
        form.kind.setCurrentIndex(form.kind.findData("education"))
        form.organisationType.setCurrentIndex(form.organisationType.findData("primary"))
        qtbot.keyClicks(form.reference, "URN 124578")
        qtbot.mouseClick(form.browseButton, Qt.MouseButton.LeftButton)
        when_dialog(NewAuditDialog, choose_set)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    def choose_set(dialog: NewAuditDialog) -> None:
        form = dialog.form
        ids = [form.standardsSet.itemData(i).id for i in range(form.standardsSet.count())]
        form.standardsSet.setCurrentIndex(ids.index("s175-kcsie2025"))
        form.cycle.setCurrentText("2026/27")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(NewFileDialog, fill_file)
    qtbot.mouseClick(window.start_screen.form.newFileButton, Qt.MouseButton.LeftButton)


def test_complete_close_reopen_and_find_everything(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "St Aidans.s11audit"
    _create_school_file(qtbot, window, path, monkeypatch)
    assert path.exists() and window.pages.currentWidget() is window.auditPage
    view = window.views["self_assessment"]
    document = window.document
    standards = [s for s in document.assessment.standards if s.graded]  # not the DSL team's contacts (13)
    assert len(standards) == 12

    _grade_every_standard(qtbot, view, document, standards)
    yes_no, percentage = _answer_a_yes_no_and_a_percentage_item(qtbot, view, document, standards)
    _add_evidence_to_standard_1(qtbot, view, document, tmp_path, monkeypatch)
    _add_the_action_standard_4_needs_from_the_missing_list(qtbot, view, monkeypatch)
    _undo_a_grade(qtbot, window, view, document)

    # Close and reopen: everything is where it was left.
    window.close_file()
    assert window.pages.currentWidget() is window.startPage
    assert window.open_file(path)
    assessment = window.document.assessment
    assert assessment.response("1").grade == "fully_met"
    assert all(assessment.response(s.id).grade == "partly_met" for s in standards if s.id != "1")
    assert assessment.answer(yes_no.id) == "yes" and assessment.answer(percentage.id) == 96
    [evidence] = assessment.evidence.all_evidence()
    assert evidence.name == "Child protection policy 2026.pdf" and evidence.links == (("1", ""),)
    [action] = assessment.actions.all_actions()
    assert (action.standard_id, action.owner, action.due_date) == ("4", "DSL", dt.date(2027, 2, 28))
    reopened = window.views["self_assessment"]
    reopened.show_standard("1")
    assert reopened.current_pane().grades.columns["fully_met"].button.isChecked()
    assert [r.cells[0] for r in reopened.current_pane().evidence.model.rows] == ["Child protection policy 2026.pdf"]
    plan = window.views["action_plan"]
    assert plan.model.rows()[0].description == "Refresh safeguarding training for lunchtime staff"
    who = {entry.user for entry in assessment.trail()}
    assert who == {"Helen Morris"}
    assert QApplication.activeModalWidget() is None


def _grade_every_standard(qtbot, view, document, standards) -> None:
    """Grade every standard by clicking under its descriptor: Fully met on standard 1, Partly met elsewhere."""
    for standard in standards:
        view.show_standard(standard.id)
        grade = "fully_met" if standard.id == "1" else "partly_met"
        qtbot.mouseClick(view.current_pane().grades.columns[grade].button, Qt.MouseButton.LeftButton)
    responses = document.assessment.responses()
    assert all(responses[s.id].grade for s in standards)
    assert [row.grade for row in view.model.rows].count("Partly met") == 11


def _answer_a_yes_no_and_a_percentage_item(qtbot, view, document, standards) -> tuple:
    """Answer a yes/no item and a percentage item through their editors."""
    items = [item for s in standards for item in s.items_for("primary")]
    yes_no = next(i for i in items if i.type is ItemType.YES_NO)
    percentage = next(i for i in items if i.type is ItemType.PERCENTAGE)
    view.show_standard(document.assessment.standards_set.standard_of_item(yes_no.id).id, yes_no.id)
    qtbot.mouseClick(view.current_pane().editors[yes_no.id].buttons["yes"], Qt.MouseButton.LeftButton)
    view.show_standard(document.assessment.standards_set.standard_of_item(percentage.id).id, percentage.id)
    editor = view.current_pane().editors[percentage.id]
    qtbot.keyClicks(editor.edit, "96")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    return yes_no, percentage


def _add_evidence_to_standard_1(qtbot, view, document, tmp_path, monkeypatch) -> None:
    """Evidence for standard 1 (Fully met may only be chosen with evidence)."""
    view.show_standard("1")
    missing_before = {m.gap for m in document.assessment.completeness().for_standard("1")}
    assert Gap.NEEDS_EVIDENCE in missing_before
    policy = tmp_path / "Child protection policy 2026.pdf"
    policy.write_bytes(b"%PDF-1.4 policy approved by governors")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(policy)], "")))
    panel = view.current_pane().evidence
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy)
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    assert Gap.NEEDS_EVIDENCE not in {m.gap for m in document.assessment.completeness().for_standard("1")}


def _add_the_action_standard_4_needs_from_the_missing_list(qtbot, view, monkeypatch) -> None:
    """The action standard 4 needs, added from its page after jumping there from the missing list."""
    # The missing list names standard 4 as needing an action; activating it jumps there.
    panel_rows = view.completeness_panel.model.rows
    row = next(n for n, r in enumerate(panel_rows) if r.standard_id == "4" and r.gap is Gap.NEEDS_ACTION)
    list_view = view.completeness_panel.view
    list_view.setFocus()
    list_view.setCurrentIndex(view.completeness_panel.model.index(row))
    qtbot.keyClick(list_view, Qt.Key.Key_Return)
    assert view.current_standard_id() == "4"

    # Add the action from the standard's page.
    def ask(parent, assessment, standard_id=None, action=None) -> dict:
        return dict(standard_id=standard_id, description="Refresh safeguarding training for lunchtime staff",
                    owner="DSL", due_date=dt.date(2027, 2, 28), status="in_progress",
                    progress_notes="Booked for the spring term")

    monkeypatch.setattr(ActionDialog, "ask", staticmethod(ask))
    qtbot.mouseClick(view.current_pane().standard_actions.add_button, Qt.MouseButton.LeftButton)
    gaps_for_4 = [r for r in view.completeness_panel.model.rows if r.standard_id == "4"]
    assert not [r for r in gaps_for_4 if r.gap is Gap.NEEDS_ACTION]


def _undo_a_grade(qtbot, window, view, document) -> None:
    """Undo reverts a grade."""
    view.show_standard("2")
    qtbot.mouseClick(view.current_pane().grades.columns["not_met"].button, Qt.MouseButton.LeftButton)
    assert document.assessment.response("2").grade == "not_met"
    window.undo_action.trigger()
    assert document.assessment.response("2").grade == "partly_met"
    assert view.current_pane().grades.columns["partly_met"].button.isChecked()


def test_removing_evidence_clears_undo_history_and_no_op_edits_add_no_step(qtbot, window, tmp_path, s11_set):
    from s11audit.store import AuditFile, OrganisationDetails, read_evidence_file
    from s11audit.ui.commands import SetJudgement, rename_evidence
    from s11audit.ui.document import AuditDocument

    path = tmp_path / "agency.s11audit"
    with AuditFile.create(path, OrganisationDetails("Police", "P1", "agency", "police"), "u") as audit_file:
        assessment = audit_file.start_audit(s11_set, "2026/27")
        document = AuditDocument(audit_file, assessment)
        row = assessment.evidence.add(read_evidence_file(__file__), links=[("1", "")])
        document.push(rename_evidence(document, row.id, row.name, "Renamed.py", "1"))
        assert document.undo_stack.count() == 1
        assessment.evidence.remove(row.id)
        document.forget_history()
        assert document.undo_stack.count() == 0 and not document.undo_stack.canUndo()
        document.push(SetJudgement(document, "1", None))  # already ungraded: nothing to do
        assert document.undo_stack.count() == 0
