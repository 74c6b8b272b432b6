"""Ctrl+Z / Ctrl+Y in a text box: the box's own typing first, then the audit's last change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from s11audit.ui import undo_keys
from tests.ui.completion_support import AFTER_TYPING_MS
from tests.ui.shell_support import AGENCY, OFFSCREEN_SIZE_HINTS, make_file

pytestmark = OFFSCREEN_SIZE_HINTS
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(shown_window, tmp_path, s11_set):
    assert shown_window.open_file(make_file(tmp_path / "agency.s11audit", AGENCY, s11_set))
    return shown_window


def _pane(window, standard_id: str):
    view = window.views["self_assessment"]
    view.show_standard(standard_id)
    return view.current_pane()


def _focus(qtbot, box) -> None:
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)


def test_ctrl_z_in_an_empty_box_undoes_not_applicable_and_ctrl_y_redoes_it(qtbot, window):
    assessment = window.document.assessment
    pane = _pane(window, "9")
    qtbot.mouseClick(pane.grades.na_button, Qt.MouseButton.LeftButton)
    assert assessment.response("9").not_applicable
    assert window.undo_action.isEnabled()
    reason = pane.grades.reason_edit
    qtbot.waitUntil(reason.isVisible)
    _focus(qtbot, reason)
    QTest.keyClick(reason, Qt.Key.Key_Z, CTRL)
    assert not assessment.response("9").not_applicable
    _focus(qtbot, pane.narrative)
    QTest.keyClick(pane.narrative, Qt.Key.Key_Y, CTRL)
    assert assessment.response("9").not_applicable


def test_typing_is_undone_in_the_box_then_the_change_before_it(qtbot, window):
    assessment = window.document.assessment
    pane = _pane(window, "2")
    qtbot.mouseClick(pane.grades.columns["green"].button, Qt.MouseButton.LeftButton)
    assert assessment.response("2").grade == "green"
    _focus(qtbot, pane.narrative)
    QTest.keyClicks(pane.narrative, "Audited")
    QTest.keyClick(pane.narrative, Qt.Key.Key_Z, CTRL)  # the typing first, in the box
    assert pane.narrative.toPlainText() == "" and assessment.response("2").grade == "green"
    QTest.keyClick(pane.narrative, Qt.Key.Key_Y, CTRL)  # Ctrl+Y redoes it, on every platform
    assert pane.narrative.toPlainText() == "Audited"
    QTest.keyClick(pane.narrative, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert pane.narrative.toPlainText() == "Audited" and assessment.response("2").grade == "green"  # nothing to redo
    qtbot.wait(AFTER_TYPING_MS)
    assert assessment.response("2").narrative == "Audited"
    QTest.keyClick(pane.narrative, Qt.Key.Key_Z, CTRL)
    assert pane.narrative.toPlainText() == ""
    QTest.keyClick(pane.narrative, Qt.Key.Key_Z, CTRL)  # the box has nothing left: the saved text goes back
    qtbot.waitUntil(lambda: assessment.response("2").narrative == "")
    QTest.keyClick(pane.narrative, Qt.Key.Key_Z, CTRL)  # and then the grade
    assert assessment.response("2").grade is None


def test_boxes_in_other_windows_never_undo_the_audit(qtbot):
    window, dialog = QWidget(), QDialog()
    in_window, in_dialog = QLineEdit(window), QLineEdit(dialog)
    for shown in (window, dialog):
        qtbot.addWidget(shown)
    group, stack = QUndoGroup(window), QUndoStack(window)
    group.addStack(stack)
    group.setActiveStack(stack)
    stack.push(QUndoCommand("Choose Not applicable"))
    undo_keys.install(window, group)
    for box in (in_dialog, in_window):  # the dialog's box first: its Ctrl+Z leaves the audit alone
        box.window().show()
        qtbot.waitExposed(box.window())
        box.window().activateWindow()
        box.setFocus()
        qtbot.waitUntil(box.hasFocus)
        QTest.keyClick(box, Qt.Key.Key_Z, CTRL)
        assert stack.index() == (1 if box is in_dialog else 0)
