"""Completing a criterion-graded audit (standards format 2) as a user would, by keyboard and mouse:
parts in the navigator, criteria graded one by one with the standard's grade worked out live,
information sections, "Not applicable" only where the rules allow, tick-all-that-apply items,
date windows and actions for one criterion."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication

from s11audit.ui.completion import INFORMATION, NOT_GRADED
from s11audit.ui.document import AuditDocument
from s11audit.ui.item_editors import MultiChoiceEditor
from tests.ui.completion_support import AFTER_TYPING_MS, OFFSCREEN_SIZE_HINTS, show_view

pytestmark = OFFSCREEN_SIZE_HINTS


@pytest.fixture
def criteria_doc(agency_file, shipped_sets) -> AuditDocument:
    """An empty audit on the example set graded criterion by criterion (scores 0-3, parts A-C)."""
    document = AuditDocument(agency_file, agency_file.start_audit(shipped_sets["s11-criteria-example"], "2026/27"))
    yield document
    document.close()


def _nav(view, standard_id: str):
    return view.model.rows[view.model.row_of(standard_id)]


def _key(qtbot, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def test_navigator_groups_standards_under_their_parts(qtbot, criteria_doc):
    view = show_view(qtbot, criteria_doc)
    rows = view.model.rows
    parts = [row.heading for row in rows if row.part]
    assert parts == ["Part A: About your organisation", "Part B: Leadership, accountability and a safe workforce",
                     "Part C: Working with children, families and partners"]
    assert [row.standard_id for row in rows] == ["", "A", "", "1", "2", "", "3", "4", "5"]
    assert view.navigator.isFirstColumnSpanned(0, view.model.index(0, 0).parent())
    assert not view.model.flags(view.model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert view.current_standard_id() == "A"  # the first standard, not the part heading
    assert _nav(view, "A").grade == INFORMATION and _nav(view, "1").grade == NOT_GRADED
    view.show_standard("1")
    qtbot.keyClick(view.navigator, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.current_standard_id() == "2"
    qtbot.keyClick(view.navigator, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.current_standard_id() == "3"  # over the "Part C" heading


def test_criteria_graded_by_keyboard_work_out_the_standards_grade_live(qtbot, criteria_doc):
    view = show_view(qtbot, criteria_doc)
    view.show_standard("1")
    pane = view.current_pane()
    assert pane.grades is None and pane.derived is not None  # worked out, never chosen
    assert "once every criterion that applies is graded (0 of 4" in pane.derived.grade.text()
    assert "mean of its criteria's scores" in pane.derived.rule.text()
    first = pane.criteria["1.1"]
    assert next(iter(first.grades.columns.values())).descriptor.text().startswith("No board-level lead is named")
    view.show_standard("1", "1.1")  # as the "Still to do" list does
    assert QApplication.focusWidget() is first.grades.columns["0"].button
    _key(qtbot, Qt.Key.Key_Right)
    _key(qtbot, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is first.grades.columns["2"].button
    assert criteria_doc.assessment.response("1.1").grade is None  # moving is not choosing
    _key(qtbot, Qt.Key.Key_Space)
    assert criteria_doc.assessment.response("1.1").grade == "2"
    assert first.grades.columns["2"].button.isChecked()
    for _ in range(4):  # Tab leaves the criterion's grades (by its Clear grade and comments) for the next one
        _key(qtbot, Qt.Key.Key_Tab)
        if pane.criteria["1.2"].isAncestorOf(QApplication.focusWidget()):
            break
    assert QApplication.focusWidget() is pane.criteria["1.2"].grades.columns["0"].button
    for criterion_id, level in (("1.2", "3"), ("1.3", "1"), ("1.4", "2")):
        pane.criteria[criterion_id].focus()
        _key(qtbot, Qt.Key.Key_End if level == "3" else Qt.Key.Key_Home)
        for _ in range(int(level) if level != "3" else 0):
            _key(qtbot, Qt.Key.Key_Right)
        _key(qtbot, Qt.Key.Key_Return)
        assert criteria_doc.assessment.response(criterion_id).grade == level
    # (2 + 3 + 1 + 2) / 4 = 2 of 3, 67%: nearest to "Mostly met".
    assert criteria_doc.assessment.response("1").grade == "mostly_met"
    assert "Mostly met" in pane.derived.grade.text()
    assert pane.score.isVisible() and pane.score.text() == "Score: 67%"
    assert _nav(view, "1").grade == "Mostly met (67%)"

    criteria_doc.undo_stack.undo()  # criterion 1.4 back to ungraded: the standard's grade goes too
    assert criteria_doc.assessment.response("1.4").grade is None
    assert criteria_doc.assessment.response("1").grade is None
    assert not any(c.button.isChecked() for c in pane.criteria["1.4"].grades.columns.values())
    assert "3 of 4 graded" in pane.derived.grade.text() and _nav(view, "1").grade == NOT_GRADED
    criteria_doc.undo_stack.redo()
    assert criteria_doc.assessment.response("1").grade == "mostly_met"
    assert pane.criteria["1.4"].grades.columns["2"].button.isChecked()


def test_a_chosen_standard_is_graded_below_its_criteria(qtbot, criteria_doc):
    view = show_view(qtbot, criteria_doc)
    view.show_standard("3")
    pane = view.current_pane()
    assert pane.derived is None and pane.grades is not None and list(pane.criteria) == ["3.1", "3.2", "3.3"]
    assert pane.grades.y() > pane.criteria["3.3"].y()  # with the criteria above it
    qtbot.mouseClick(pane.grades.columns["fully_met"].button, Qt.MouseButton.LeftButton)
    assert criteria_doc.assessment.response("3").grade == "fully_met"
    criteria_doc.undo_stack.undo()
    assert criteria_doc.assessment.response("3").grade is None


def test_information_section_has_no_grade_and_counts_in_completeness(qtbot, criteria_doc):
    view = show_view(qtbot, criteria_doc)
    view.show_standard("A")
    pane = view.current_pane()
    assert pane.grades is None and pane.derived is None and not pane.criteria
    assert pane.narrative is None and pane.evidence is None and pane.standard_actions is None
    assert list(pane.editors) == ["A.1", "A.2", "A.3", "A.4", "A.5", "A.6"]
    assert _nav(view, "A").progress == "0/6"
    pane.editors["A.4"].edit.setPlainText("Dr Amira Khan, non-executive director")
    qtbot.wait(AFTER_TYPING_MS)
    assert _nav(view, "A").progress == "1/6"
    assert not [m for m in criteria_doc.assessment.completeness().for_standard("A") if m.item_id == ""]


def test_multi_choice_ticks_save_a_list_shown_back_and_undone(qtbot, criteria_doc):
    view = show_view(qtbot, criteria_doc)
    view.show_standard("A", "A.1")
    editor = view.current_pane().editors["A.1"]
    assert isinstance(editor, MultiChoiceEditor) and len(editor.boxes) == 8
    first, second = list(editor.boxes)[:2]
    assert QApplication.focusWidget() is editor.boxes[first]
    _key(qtbot, Qt.Key.Key_Space)
    assert criteria_doc.assessment.answer("A.1") == [first]
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.boxes[second]
    _key(qtbot, Qt.Key.Key_Space)
    assert criteria_doc.assessment.answer("A.1") == [first, second]
    criteria_doc.undo_stack.undo()
    assert criteria_doc.assessment.answer("A.1") == [first]
    assert editor.ticked() == [first]
    criteria_doc.assessment.set_answer("A.1", [second])  # shown back as stored (after any change)
    criteria_doc.changed.emit("A")
    assert editor.ticked() == [second]
    editor.boxes[second].click()
    assert criteria_doc.assessment.answer("A.1") is None  # nothing ticked: not answered


def test_date_with_a_window_says_its_rule_and_warns_when_older(qtbot, criteria_doc):
    view = show_view(qtbot, criteria_doc)
    editor = view.current_pane().editors["A.6"]
    assert editor.window_label.text() == "Should be within the last 12 months."
    old = dt.date.today() - dt.timedelta(days=500)
    editor.edit.setDate(QDate(old))
    qtbot.wait(AFTER_TYPING_MS)
    assert criteria_doc.assessment.answer("A.6") == old.isoformat()
    assert "older" in editor.window_label.text()
    hints = criteria_doc.assessment.completeness().hints
    assert [h.item_id for h in hints] == ["A.6"]
    editor.edit.setDate(QDate.currentDate())
    qtbot.wait(AFTER_TYPING_MS)
    assert "older" not in editor.window_label.text()


def test_not_applicable_only_where_the_rules_allow_it(qtbot, criteria_doc):
    view = show_view(qtbot, criteria_doc)
    view.show_standard("2")
    pane = view.current_pane()
    refused = pane.criteria["2.1"].grades
    assert refused.na_button is None and refused.na_note.isVisible()
    assert "may not be marked not applicable" in refused.na_note.text()
    allowed = pane.criteria["2.4"].grades
    assert allowed.na_button is not None and allowed.na_note is None
    qtbot.waitUntil(lambda: allowed.na_button.height() > 0)  # the page is laid out
    qtbot.mouseClick(allowed.na_button, Qt.MouseButton.LeftButton)
    assert criteria_doc.assessment.response("2.4").not_applicable
    assert allowed.reason_box.isVisible() and QApplication.focusWidget() is allowed.reason_edit
    gaps = [m.gap for m in criteria_doc.assessment.completeness().for_standard("2") if m.item_id == "2.4"]
    assert gaps == ["na_reason"]
    assert "needs a reason" in pane.criteria["2.4"].notice.text()
    qtbot.keyClicks(allowed.reason_edit, "We have no volunteers.")
    qtbot.wait(AFTER_TYPING_MS)
    assert criteria_doc.assessment.response("2.4").na_reason == "We have no volunteers."
    assert not pane.criteria["2.4"].notice.isVisible()


def test_an_action_for_one_criterion(qtbot, criteria_doc):
    from s11audit.ui.dialogs.action_dialog import ActionDialog

    view = show_view(qtbot, criteria_doc)
    view.show_standard("1")
    pane = view.current_pane()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ActionDialog)
        combo = dialog.form.criterion
        assert combo.isVisible() and combo.itemText(0) == "Standard 1 as a whole"
        assert combo.count() == 5
        combo.setCurrentIndex(combo.findData("1.3"))
        dialog.form.description.setPlainText("Add safeguarding objectives to the business plan")
        dialog.ok_button.click()

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(pane.standard_actions.add_button, Qt.MouseButton.LeftButton)
    [action] = criteria_doc.assessment.actions.all_actions()
    assert (action.standard_id, action.criterion_id) == ("1", "1.3")
    model = pane.standard_actions.model
    assert model.data(model.index(0, 0)).startswith("Criterion 1.3: Add safeguarding")
    # A criterion graded 1 needs an action of its own; this one counts for criterion 1.3.
    pane.criteria["1.3"].grades.columns["1"].button.click()
    assert not [m for m in criteria_doc.assessment.completeness().missing if m.item_id == "1.3"]
    pane.criteria["1.2"].grades.columns["1"].button.click()
    assert "needs at least one action" in pane.criteria["1.2"].notice.text()
    button = pane.criteria["1.2"].add_action_button
    assert button.isVisible() and not pane.criteria["1.3"].add_action_button.isVisible()

    def fill_for_the_criterion() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog.form.criterion.currentData() == "1.2"  # chosen already
        dialog.form.description.setPlainText("Publish the accountability chart on the intranet")
        dialog.ok_button.click()

    QTimer.singleShot(0, fill_for_the_criterion)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isVisible() and not pane.criteria["1.2"].notice.isVisible()
    pane.standard_actions.view.setCurrentIndex(pane.standard_actions.model.index(0, 0))
    pane.standard_actions.remove_button.click()
    criteria_doc.undo_stack.undo()  # put back, still for criterion 1.3
    assert [a.criterion_id for a in criteria_doc.assessment.actions.all_actions()] == ["1.3", "1.2"]


def test_action_plan_table_names_the_criterion(qtbot, criteria_doc):
    from s11audit.ui.action_plan_model import ActionsModel, Column

    criteria_doc.assessment.actions.add("2", "Check references for all volunteers", criterion_id="2.4")
    model = ActionsModel(criteria_doc.assessment.standards)
    model.set_rows(criteria_doc.assessment.actions.all_actions())
    assert model.data(model.index(0, Column.STANDARD)).endswith("\u2014 criterion 2.4")


def test_evidence_can_be_linked_to_a_criterion(qtbot, criteria_doc, tmp_path):
    from s11audit.ui.evidence_dialogs import LinkItemsDialog

    path = tmp_path / "accountability chart.pdf"
    path.write_bytes(b"%PDF-1.4 chart")
    row = criteria_doc.assessment.evidence.add_path(path, links=[("1", "")])
    dialog = LinkItemsDialog(None, criteria_doc.assessment, row, criteria_doc.assessment.standards_set.standard("1"))
    try:
        assert ("1", "1.4") in dialog.shown
        this = dialog.model.item(0)
        texts = [this.child(n).text() for n in range(this.rowCount())]
        assert texts[1].startswith("Criterion 1.1 ")
    finally:
        dialog.dialog.deleteLater()


def test_still_to_do_names_a_criterion_and_goes_to_its_grades(qtbot, criteria_doc):
    view = show_view(qtbot, criteria_doc)
    panel = view.completeness_panel
    row = next(n for n, r in enumerate(panel.model.rows) if r.item_id == "2.2")
    assert panel.model.rows[row].text == "Standard 2, criterion 2.2: not graded yet"
    assert panel.model.data(panel.model.index(row), Qt.ItemDataRole.AccessibleDescriptionRole).startswith("2.2 ")
    panel.view.setCurrentIndex(panel.model.index(row))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert view.current_standard_id() == "2"
    assert QApplication.focusWidget() is view.current_pane().criteria["2.2"].grades.columns["0"].button
