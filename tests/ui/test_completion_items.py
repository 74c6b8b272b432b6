"""Answering criteria and checklist items of every type through their editors, as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from s11audit.standards import ItemType
from s11audit.ui.item_editors import NOT_ANSWERED, DateEditor, NumberEditor
from tests.ui.completion_support import AFTER_TYPING_MS, OFFSCREEN_SIZE_HINTS, show_view

pytestmark = OFFSCREEN_SIZE_HINTS


def _editor(view, item_id: str):
    standard_id = view.document.assessment.standards_set.standard_of_item(item_id).id
    view.show_standard(standard_id, item_id)
    return view.current_pane().editors[item_id]


def test_the_shipped_sets_together_offer_every_item_type(shipped_sets):
    # Tick-all-that-apply items come with the criterion-graded example set (standards format 2).
    types = {item.type for each in shipped_sets.values() for s in each.standards for item in s.items}
    assert types == set(ItemType)


def test_graded_item_by_keyboard(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    editor = _editor(view, "1.1")
    assert editor.combo.currentText() == NOT_ANSWERED
    assert [editor.combo.itemText(i) for i in range(editor.combo.count())] == [NOT_ANSWERED, "Red", "Amber", "Green",
                                                                               "Blue"]
    qtbot.keyClick(editor.combo, Qt.Key.Key_Down)
    qtbot.keyClick(editor.combo, Qt.Key.Key_Down)
    assert agency_doc.assessment.answer("1.1") == "amber"
    agency_doc.undo_stack.undo()
    assert agency_doc.assessment.answer("1.1") == "red"
    assert editor.combo.currentText() == "Red"


def test_yes_no_with_partly_and_clear(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    editor = _editor(view, "2.4")
    assert list(editor.buttons) == ["yes", "partly", "no"]
    assert not editor.clear_button.isEnabled()
    qtbot.mouseClick(editor.buttons["partly"], Qt.MouseButton.LeftButton)
    assert agency_doc.assessment.answer("2.4") == "partly"
    assert editor.clear_button.isEnabled()
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert agency_doc.assessment.answer("2.4") is None
    assert editor.group.checkedButton() is None
    assert editor.buttons["yes"].accessibleName() == "Yes for item 2.4"


def test_number_within_its_range_and_a_refused_value_snaps_back(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    editor = _editor(view, "5.6")
    assert isinstance(editor, NumberEditor)
    assert QApplication.focusWidget() is editor.edit
    qtbot.keyClicks(editor.edit, "42")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert agency_doc.assessment.answer("5.6") == 42
    failures = []
    agency_doc.refused.connect(failures.append)
    agency_doc.failed.connect(lambda message: pytest.fail(f'a refused value was reported as a failed save: {message}'))
    editor.edit.selectAll()
    qtbot.keyClicks(editor.edit, "-3")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert agency_doc.assessment.answer("5.6") == 42
    assert editor.edit.text() == "42"  # the editor shows what is stored, not what was refused
    assert "outside the allowed range" in failures[-1]
    assert editor.error_label.isVisible() and "5.6" in editor.error_label.text()
    editor.edit.selectAll()
    qtbot.keyClicks(editor.edit, "40")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert agency_doc.assessment.answer("5.6") == 40 and not editor.error_label.isVisible()
    editor.edit.clear()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
    assert agency_doc.assessment.answer("5.6") is None


def test_percentage_from_0_to_100(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    editor = _editor(view, "5.2")
    qtbot.keyClicks(editor.edit, "87.5")
    view.current_pane().grades.first_button().setFocus()  # leaving the field saves it too
    assert agency_doc.assessment.answer("5.2") == 87.5
    editor.edit.setFocus()
    editor.edit.selectAll()
    qtbot.keyClicks(editor.edit, "150")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Enter)
    assert agency_doc.assessment.answer("5.2") == 87.5
    assert editor.edit.text() == "87.5"
    assert "%" in [label.text() for label in editor.findChildren(type(editor.error_label))]


def test_date_with_not_answered_state(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    editor = _editor(view, "1.4")
    assert isinstance(editor, DateEditor)
    assert editor.edit.text() == NOT_ANSWERED and editor.edit.calendarPopup()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Up)  # stepping from "not answered" starts at today
    assert editor.edit.date() == QDate.currentDate()
    editor.edit.setDate(QDate(2026, 10, 14))
    qtbot.wait(AFTER_TYPING_MS)
    assert agency_doc.assessment.answer("1.4") == "2026-10-14"
    assert editor.clear_button.isEnabled()
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert agency_doc.assessment.answer("1.4") is None
    assert editor.edit.text() == NOT_ANSWERED
    editor.edit.setDate(QDate(2027, 1, 5))
    view.current_pane().grades.first_button().setFocus()
    editor.flush_pending()
    assert agency_doc.assessment.answer("1.4") == "2027-01-05"


def test_text_item_saves_after_a_pause(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    editor = _editor(view, "1.2")
    qtbot.keyClicks(editor.edit, "Dr Jane Osei, Chief Nurse")
    assert agency_doc.assessment.answer("1.2") is None
    qtbot.wait(AFTER_TYPING_MS)
    assert agency_doc.assessment.answer("1.2") == "Dr Jane Osei, Chief Nurse"
    editor.edit.selectAll()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Delete)
    qtbot.wait(AFTER_TYPING_MS)
    assert agency_doc.assessment.answer("1.2") is None


def test_choice_item(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    editor = _editor(view, "5.4")
    qtbot.keyClick(editor.combo, Qt.Key.Key_Down)
    assert agency_doc.assessment.answer("5.4") == "At least monthly"
    qtbot.keyClick(editor.combo, Qt.Key.Key_End)
    assert agency_doc.assessment.answer("5.4") == "No planned safeguarding supervision"
    qtbot.keyClick(editor.combo, Qt.Key.Key_Home)
    assert agency_doc.assessment.answer("5.4") is None


def test_items_show_id_text_guidance_and_required(qtbot, school_doc, s175_set):
    view = show_view(qtbot, school_doc)
    view.show_standard("2")
    pane = view.current_pane()
    items = s175_set.standard("2").items_for("primary")
    assert list(pane.editors) == [item.id for item in items]
    editor = pane.editors["2.5"]
    assert editor.item.guidance and editor.text_label.toolTip() == editor.item.guidance
    texts = [label.text() for label in editor.findChildren(type(editor.text_label))]
    assert "<b>2.5</b>" in texts and "Required" in texts and editor.item.guidance in texts


def test_every_item_type_has_an_editor_that_does_all_an_editor_must():
    from s11audit.ui.item_editors import EDITORS, ItemEditor

    assert set(EDITORS) == set(ItemType)
    for editor_class in EDITORS.values():
        for method in ("_build_input", "show_value", "focus_editor", "set_read_only"):
            assert getattr(editor_class, method) is not getattr(ItemEditor, method), (editor_class, method)
