"""The completion screen driven as a lead would: grading, N/A, narrative, undo, the missing list, keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QLineEdit,
                               QPlainTextEdit, QWidget)

from s11audit.completeness import Gap
from s11audit.store import AuditFile
from s11audit.ui.completeness_panel import COMPLETE_TEXT
from s11audit.ui.completion import NOT_GRADED
from s11audit.ui.dialogs.action_dialog import ActionDialog
from s11audit.ui.document import AuditDocument
from tests.ui.completion_support import AFTER_TYPING_MS, OFFSCREEN_SIZE_HINTS, show_view

pytestmark = OFFSCREEN_SIZE_HINTS


def _nav_row(view, standard_id: str):
    return view.model.rows[view.model.row_of(standard_id)]


def _gaps(document: AuditDocument, standard_id: str) -> set[Gap]:
    return {m.gap for m in document.assessment.completeness().for_standard(standard_id)}


def test_grading_by_clicking_under_a_descriptor_updates_navigator_and_progress(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    view.show_standard("2")
    pane = view.current_pane()
    assert _nav_row(view, "2").grade == NOT_GRADED
    before = view.form.progress.value()
    labels = [column.level.label for column in pane.grades.columns.values()]
    assert labels == ["Red", "Amber", "Green", "Blue"]  # lowest first, left to right
    xs = [column.geometry().x() for column in pane.grades.columns.values()]
    assert xs == sorted(xs) and len(set(xs)) == 4  # side by side, not stacked

    qtbot.mouseClick(pane.grades.columns["green"].button, Qt.MouseButton.LeftButton)

    assert agency_doc.assessment.response("2").grade == "green"
    row = _nav_row(view, "2")
    assert (row.grade, row.colour) == ("Green", "#27AE60")
    assert view.form.progress.value() > before
    assert pane.grades.columns["green"].button.isChecked()
    assert not pane.grades.columns["red"].button.isChecked()
    assert "Standard 2: not graded yet" not in [r.text for r in view.completeness_panel.model.rows]


def test_a_grade_that_needs_an_action_says_so_until_one_is_added(qtbot, agency_doc, monkeypatch):
    view = show_view(qtbot, agency_doc)
    view.show_standard("3")
    pane = view.current_pane()
    qtbot.mouseClick(pane.grades.columns["red"].button, Qt.MouseButton.LeftButton)
    assert pane.notice.isVisible() and "Red needs at least one action" in pane.notice.text()
    assert Gap.NEEDS_ACTION in _gaps(agency_doc, "3")

    answer = dict(standard_id="3", description="Relaunch the information sharing protocol", owner="Priya Shah",
                  due_date=dt.date(2027, 3, 31), status="not_started", progress_notes="")
    seen = []
    monkeypatch.setattr(ActionDialog, "ask", classmethod(lambda cls, parent, assessment, standard_id=None, action=None:
                                                         seen.append((standard_id, action)) or answer))
    qtbot.mouseClick(pane.standard_actions.add_button, Qt.MouseButton.LeftButton)
    assert seen == [("3", None)]
    assert [a.description for a in agency_doc.assessment.actions.for_standard("3")] == [answer["description"]]
    assert not pane.notice.isVisible()
    assert pane.standard_actions.model.rows[0].owner == "Priya Shah"

    pane.standard_actions.view.setCurrentIndex(pane.standard_actions.model.index(0, 0))
    monkeypatch.setattr(ActionDialog, "ask", classmethod(lambda cls, parent, assessment, standard_id=None, action=None:
                                                         {**answer, "status": "in_progress"}))
    qtbot.mouseClick(pane.standard_actions.edit_button, Qt.MouseButton.LeftButton)
    assert agency_doc.assessment.actions.for_standard("3")[0].status == "in_progress"
    qtbot.mouseClick(pane.standard_actions.remove_button, Qt.MouseButton.LeftButton)
    assert agency_doc.assessment.actions.for_standard("3") == []
    assert pane.notice.isVisible()
    agency_doc.undo_stack.undo()  # Remove is undoable
    assert len(pane.standard_actions.model.rows) == 1 and not pane.notice.isVisible()


def test_not_applicable_needs_a_reason_and_is_listed_as_missing_until_given(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    view.show_standard("9")
    grades = view.current_pane().grades
    qtbot.mouseClick(grades.na_button, Qt.MouseButton.LeftButton)

    assert agency_doc.assessment.response("9").not_applicable
    assert _nav_row(view, "9").grade == "Not applicable"
    assert grades.reason_box.isVisible()
    assert grades.reason_edit.hasFocus()  # straight to the reason
    missing = [r for r in view.completeness_panel.model.rows if r.standard_id == "9"]
    assert [r.gap for r in missing] == [Gap.NA_REASON]  # items of an N/A standard are not asked for
    assert "needs a reason" in view.current_pane().notice.text()

    qtbot.keyClicks(grades.reason_edit, "We commission no services for children.")
    qtbot.wait(AFTER_TYPING_MS)
    assert agency_doc.assessment.response("9").na_reason == "We commission no services for children."
    assert not [r for r in view.completeness_panel.model.rows if r.standard_id == "9"]
    assert not view.current_pane().notice.isVisible()


def test_narrative_saves_after_a_pause_and_one_undo_reverts_the_burst(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    narrative = view.current_pane().narrative
    assert "saved automatically" in narrative.placeholderText()
    assert narrative.minimumHeight() >= 150 and narrative.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    narrative.setFocus()
    qtbot.keyClicks(narrative, "Our board lead reports each quarter.")
    assert agency_doc.assessment.response("1").narrative == ""  # not on every keystroke
    qtbot.wait(AFTER_TYPING_MS)
    assert agency_doc.assessment.response("1").narrative == "Our board lead reports each quarter."
    qtbot.keyClicks(narrative, " Minutes show challenge.")
    qtbot.wait(AFTER_TYPING_MS)
    assert agency_doc.assessment.response("1").narrative.endswith("Minutes show challenge.")
    short = narrative.height()
    qtbot.keyClicks(narrative, " More." * 400)
    qtbot.wait(AFTER_TYPING_MS)
    assert narrative.height() > short  # grows with the text

    agency_doc.undo_stack.undo()
    assert agency_doc.assessment.response("1").narrative == ""
    assert narrative.toPlainText() == ""


def test_narrative_is_saved_when_the_field_is_left_or_the_screen_hidden(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    pane = view.current_pane()
    pane.narrative.setFocus()
    qtbot.keyClicks(pane.narrative, "Typed then tabbed away")
    pane.grades.first_button().setFocus()
    assert agency_doc.assessment.response("1").narrative == "Typed then tabbed away"
    qtbot.keyClicks(pane.narrative, ", and more")
    view.hide()  # the main window removing the tab, or closing
    assert agency_doc.assessment.response("1").narrative == "Typed then tabbed away, and more"


def test_undo_of_a_grade_is_shown(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    pane = view.current_pane()
    qtbot.mouseClick(pane.grades.columns["amber"].button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pane.grades.columns["blue"].button, Qt.MouseButton.LeftButton)
    assert "Blue needs a best-practice example" in pane.notice.text()
    assert pane.example_edit is not None  # the scale has a level that requires an example

    agency_doc.undo_stack.undo()
    assert agency_doc.assessment.response("1").grade == "amber"
    assert pane.grades.columns["amber"].button.isChecked() and not pane.grades.columns["blue"].button.isChecked()
    assert _nav_row(view, "1").grade == "Amber"
    agency_doc.undo_stack.undo()
    assert not any(c.button.isChecked() for c in pane.grades.columns.values())
    assert _nav_row(view, "1").grade == NOT_GRADED


def test_descriptor_buttons_are_reached_by_tab_and_chosen_with_space(qtbot, school_doc):
    view = show_view(qtbot, school_doc)
    pane = view.current_pane()
    buttons = [c.button for c in pane.grades.columns.values()]
    buttons[0].setFocus()
    for following in buttons[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is following
    qtbot.keyClick(buttons[1], Qt.Key.Key_Space)
    assert school_doc.assessment.response("1").grade == "partly_met"
    assert buttons[1].accessibleName() == "Grade Partly met for standard 1"


def test_ctrl_down_and_up_move_between_standards(qtbot, school_doc):
    view = show_view(qtbot, school_doc)
    view.navigator.setFocus()
    qtbot.keyClick(view.navigator, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.current_standard_id() == "2"
    narrative = view.current_pane().narrative
    narrative.setFocus()
    qtbot.keyClick(narrative, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.current_standard_id() == "3"
    assert QApplication.focusWidget() is view.current_pane().grades.first_button()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert view.current_standard_id() == "2"
    assert view.model.row_of("2") == view.navigator.currentIndex().row()


def test_missing_list_updates_and_jumps_to_the_item(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    panel = view.completeness_panel
    assert panel.heading.text() == f"Still to do ({len(agency_doc.assessment.completeness().missing)})"
    row = next(n for n, r in enumerate(panel.model.rows) if r.item_id == "5.2")
    index = panel.model.index(row)
    panel.view.scrollTo(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(index).center())
    assert view.current_standard_id() == "5"
    editor = view.current_pane().editors["5.2"]
    assert QApplication.focusWidget() is editor.edit
    qtbot.waitUntil(lambda: editor.visibleRegion().boundingRect().height() > 0)

    qtbot.keyClicks(editor.edit, "80")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert "5.2" not in [r.item_id for r in panel.model.rows]

    row = next(n for n, r in enumerate(panel.model.rows) if r.item_id == "1.4")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(row))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert view.current_standard_id() == "1"
    assert QApplication.focusWidget() is view.current_pane().editors["1.4"].edit


def test_show_standard_api_and_everything_complete(qtbot, agency_doc):
    from s11audit.sample import fill_assessment

    fill_assessment(agency_doc.assessment, "Northfield")
    view = show_view(qtbot, agency_doc)
    assert view.completeness_panel.complete_label.isVisible()
    assert COMPLETE_TEXT in view.completeness_panel.complete_label.text()
    assert view.form.progress.value() == 100
    view.show_standard("6", "6.3")
    assert view.current_standard_id() == "6"
    assert view.navigator.currentIndex().row() == view.model.row_of("6")
    view.show_standard("no such standard")
    assert view.current_standard_id() == "6"


def test_read_only_document_disables_editing_but_keeps_text_readable(qtbot, agency_file, s11_set):
    from s11audit.sample import fill_assessment

    fill_assessment(agency_file.start_audit(s11_set, "2026/27"), "Northfield")
    path = agency_file.path
    agency_file.close()
    with AuditFile.open(path, "Reader", read_only=True) as audit_file:
        document = AuditDocument(audit_file, audit_file.latest_assessment())
        view = show_view(qtbot, document)
        for standard_id in ("1", "5"):
            view.show_standard(standard_id)
            pane = view.current_pane()
            assert not any(c.button.isEnabled() for c in pane.grades.columns.values())
            assert not pane.grades.na_button.isEnabled() and not pane.grades.clear_button.isEnabled()
            assert pane.narrative.isReadOnly() and pane.narrative.toPlainText()
            for editor in pane.editors.values():
                for widget in [w for w in editor.findChildren(QWidget) if w.isVisibleTo(editor)]:
                    if isinstance(widget, (QAbstractButton, QComboBox)):
                        assert not widget.isEnabled(), (editor.item.id, widget)
                    if isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)) and widget.isEnabled():
                        assert widget.isReadOnly(), (editor.item.id, widget)
            assert not pane.evidence.buttons["add"].isEnabled()
            assert not pane.standard_actions.add_button.isEnabled()
        pane.evidence.view.setCurrentIndex(pane.evidence.model.index(0, 0))
        assert pane.evidence.buttons["open"].isEnabled() and not pane.evidence.buttons["remove"].isEnabled()
        view.close()
        document.close()  # before the file closes, as the main window does


@pytest.mark.parametrize("standard_id", ["1", "5", "9"])
def test_every_control_has_an_accessible_name(qtbot, agency_doc, standard_id):
    view = show_view(qtbot, agency_doc)
    view.show_standard(standard_id)
    pane = view.current_pane()
    qtbot.mouseClick(pane.grades.na_button, Qt.MouseButton.LeftButton)  # shows the reason field too
    unnamed = []
    for widget in [view.navigator, view.completeness_panel.view, *pane.findChildren(QWidget)]:
        inner = isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox))  # parts of a named control
        takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(view) and not inner
        if takes_tab and not widget.accessibleName():
            unnamed.append(widget)
    assert unnamed == []


def test_tab_goes_through_the_page_from_top_to_bottom(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    view.show_standard("5")
    pane = view.current_pane()
    pane.guidance_button.setFocus()
    seen = []
    while True:
        widget = QApplication.focusWidget()
        if widget is None or not pane.isAncestorOf(widget) or widget in seen:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    positions = [(w.mapTo(pane, w.rect().topLeft()).y(), w.mapTo(pane, w.rect().topLeft()).x()) for w in seen]
    rows = [y for y, _ in positions]
    assert rows == sorted(rows), [w.accessibleName() for w in seen]
    names = [w.accessibleName() for w in seen]
    assert names[:5] == ["Show guidance for standard 5", "Grade Red for standard 5", "Grade Amber for standard 5",
                         "Grade Green for standard 5", "Grade Blue for standard 5"]
    assert "Narrative for standard 5" in names and "Percentage for item 5.2" in names
    assert names[-1] == "Add an action to standard 5"
