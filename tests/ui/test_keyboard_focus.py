"""The keyboard as its users meet it: Return presses the focused button, Escape cancels a dialog, the
focus is always drawn and always scrolled into view (ui/keyboard.py and the focus rules of style.qss)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QScrollArea, QTableView, QTabBar, QWidget

from s11audit.ui import app_events
from s11audit.ui.app import application
from s11audit.ui.dialogs.action_dialog import ActionDialog
from s11audit.ui.dialogs.user_name import UserNameDialog
from s11audit.ui.settings import Settings
from tests.ui.completion_support import show_view
from tests.ui.every_screen import screens
from tests.ui.shell_support import when_dialog

# The offscreen test platform cannot resize to hints or raise windows; Windows and X11 can.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)",
                                       r"This plugin does not support raise\(\)")
EDGE = 3  # pixels round a widget's edge where its focus frame is drawn


@pytest.fixture(autouse=True)
def app_keyboard(qapp):
    """The app's own setup (style sheet, keyboard filter), as ``main`` makes it; once, as doing it
    again restyles every window earlier tests left for deletion."""
    if qapp.findChild(QObject, app_events.FILTER_NAME) is None:
        application()


def _focus(qtbot, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


# --- Return ---------------------------------------------------------------------------------------

def test_return_on_the_welcomes_new_file_button_starts_a_new_file_not_close(shown_window, qtbot, monkeypatch):
    started: list[str] = []
    monkeypatch.setattr(shown_window, "new_file", lambda: started.append("new_file"))
    assert not Settings().welcome_seen
    dialog = shown_window.welcome_if_first_run()
    results: list[int] = []
    dialog.finished.connect(results.append)
    qtbot.waitExposed(dialog)
    button = dialog.form.schoolNewButton
    qtbot.waitUntil(button.hasFocus)  # where the welcome opens
    QTest.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: started == ["new_file"])
    assert results == [QDialog.DialogCode.Accepted]  # chosen, not closed by the default Close button
    assert shown_window.welcome_dialog is None


def test_return_and_space_on_a_grade_button_choose_that_grade(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    pane = view.current_pane()
    standard_id = pane.standard.id
    first, second = list(pane.grades.columns.values())[:2]
    _focus(qtbot, first.button)
    QTest.keyClick(first.button, Qt.Key.Key_Return)
    assert agency_doc.assessment.response(standard_id).grade == first.level.id
    _focus(qtbot, second.button)
    QTest.keyClick(second.button, Qt.Key.Key_Space)
    assert agency_doc.assessment.response(standard_id).grade == second.level.id
    QTest.keyClick(second.button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # the keypad's Enter too
    assert agency_doc.assessment.response(standard_id).grade == second.level.id


def _user_name_dialog(qtbot) -> UserNameDialog:
    dialog = UserNameDialog(None, "Helen Morris")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def test_return_on_cancel_cancels_and_return_in_a_box_presses_the_default_button(qtbot):
    dialog = _user_name_dialog(qtbot)
    cancel = dialog.form.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    _focus(qtbot, cancel)
    QTest.keyClick(cancel, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected

    dialog = _user_name_dialog(qtbot)
    edit = dialog.form.nameEdit
    _focus(qtbot, edit)
    QTest.keyClicks(edit, " Jones")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted


def test_escape_cancels_a_dialog_wherever_its_focus_is(qtbot):
    dialog = _user_name_dialog(qtbot)
    _focus(qtbot, dialog.form.nameEdit)
    QTest.keyClick(dialog.form.nameEdit, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


# --- focus scrolled into view ---------------------------------------------------------------------

def _in_view(area: QScrollArea, widget: QWidget) -> bool:
    """The whole height of ``widget`` shows in the scroll area (a page wider than it scrolls sideways)."""
    place = QRect(widget.mapTo(area.viewport(), QPoint(0, 0)), widget.size())
    shown = area.viewport().rect()
    return shown.top() <= place.top() and place.bottom() <= shown.bottom() and shown.intersects(place)


def test_focus_moved_below_the_page_is_scrolled_into_view(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    pane = view.current_pane()
    area = view.pane_scroll
    assert area.focusPolicy() == Qt.FocusPolicy.NoFocus  # the page itself is not a Tab stop
    target = pane.standard_actions.add_button
    assert not _in_view(area, target)
    _focus(qtbot, target)
    qtbot.waitUntil(lambda: _in_view(area, target))
    # Tab through the page from the top: every control it lands on is in view.
    _focus(qtbot, pane.grades.first_button())
    for _ in range(10):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if area.widget().isAncestorOf(focused):
            qtbot.waitUntil(lambda w=focused: _in_view(area, w), timeout=1000)


def test_the_reason_box_and_the_add_button_are_in_view_after_not_applicable_and_a_new_action(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    pane = view.current_pane()
    area = view.pane_scroll
    na = pane.grades.na_button
    _focus(qtbot, na)
    QTest.keyClick(na, Qt.Key.Key_Return)
    reason = pane.grades.reason_edit
    qtbot.waitUntil(lambda: reason.hasFocus() and _in_view(area, reason), timeout=2000)

    add = pane.standard_actions.add_button
    _focus(qtbot, add)
    place = add.mapTo(area.widget(), QPoint(0, 0)).y()

    def fill(dialog: ActionDialog) -> None:
        QTest.keyClicks(dialog.form.description, "Put the reason on the policy page")
        dialog.form.owner.setFocus()
        QTest.keyClicks(dialog.form.owner, "Helen Morris")
        QTest.keyClick(dialog.form.owner, Qt.Key.Key_Return)  # the dialog's OK

    when_dialog(ActionDialog, fill)
    QTest.keyClick(add, Qt.Key.Key_Return)
    assert [a.owner for a in agency_doc.assessment.actions.for_standard(pane.standard.id)] == ["Helen Morris"]
    qtbot.waitUntil(lambda: add.mapTo(area.widget(), QPoint(0, 0)).y() > place)  # the new action pushed it down
    view.window().activateWindow()  # as the system does when a dialog closes: focus goes back to the button
    qtbot.waitUntil(lambda: add.hasFocus() and _in_view(area, add), timeout=2000)


# --- a focus frame on every focusable control of every screen -------------------------------------

def _edge_changes(before: QImage, after: QImage, rect: QRect, sides: str = "tblr") -> tuple[int, int]:
    """(pixels changed, pixels) in the ``EDGE`` pixels inside the given sides (top, bottom, left, right) of ``rect``."""
    points: set[tuple[int, int]] = set()
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    for depth in range(EDGE):
        if "t" in sides or "b" in sides:
            rows = ([top + depth] if "t" in sides else []) + ([bottom - depth] if "b" in sides else [])
            points.update((x, y) for y in rows for x in range(left, right + 1))
        if "l" in sides or "r" in sides:
            columns = ([left + depth] if "l" in sides else []) + ([right - depth] if "r" in sides else [])
            points.update((x, y) for x in columns for y in range(top, bottom + 1))
    changed = sum(before.pixel(x, y) != after.pixel(x, y) for x, y in points)
    return changed, len(points)


def _focus_frame_missing(widget: QWidget) -> str:
    """Why ``widget`` shows no focus frame ("" when it does): grabbed unfocused and focused.

    No event processing between: grab() paints the focus state as it is, and events would let the
    main window build its other standards' pages in between, which is slow and beside the point.
    """
    widget.clearFocus()
    before = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    if not widget.hasFocus():
        return "takes no focus"
    after = widget.grab().toImage()
    if isinstance(widget, QTabBar):  # a tab bar frames its current tab (but not where it meets the page)
        tab = widget.tabRect(widget.currentIndex()).adjusted(0, 0, -2, 0).intersected(before.rect())
        changed, total = _edge_changes(before, after, tab, "tlr")
    else:
        changed, total = _edge_changes(before, after, before.rect())
    return "" if changed >= total // 2 else f"{changed} of {total} edge pixels change"


def _focusable(top: QWidget) -> list[QWidget]:
    return [w for w in top.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible()
            and w.isEnabled() and w.focusProxy() is None and w.window() is top and w.width() > 2 * EDGE]


def test_the_current_cell_of_a_focused_table_is_framed_and_keeps_its_fill(qtbot):
    model = QStandardItemModel(3, 3)
    for row in range(3):
        for column in range(3):
            model.setItem(row, column, QStandardItem(f"Cell {row} {column}"))
        model.item(row, 1).setBackground(QColor("#F6D0CC"))  # as the action plan's status column
    table = QTableView()
    table.setModel(model)
    table.resize(420, 200)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    table.setCurrentIndex(model.index(1, 1))
    table.clearSelection()  # a selected row is filled anyway; the frame is what marks the current cell
    cell = table.visualRect(model.index(1, 1))
    plain = table.viewport().grab(cell).toImage()
    _focus(qtbot, table)
    framed = table.viewport().grab(cell).toImage()
    changed, total = _edge_changes(plain, framed, framed.rect().adjusted(0, 0, -1, -1))
    assert changed >= total // 2
    assert framed.pixelColor(1, cell.height() // 2) == QColor("#0B0C0C")  # 19.6:1 on white
    assert framed.pixelColor(cell.width() - 5, cell.height() // 2) == QColor("#F6D0CC")  # the fill stays
    QTest.keyClick(table, Qt.Key.Key_Down)  # moves the current cell and the frame, and selects the row
    below = table.viewport().grab(table.visualRect(model.index(2, 1))).toImage()
    assert below.pixelColor(1, below.height() // 2) == QColor("#FFDD00")  # 5.27:1 on the #1D5C8C selection


def test_every_focusable_control_shows_a_focus_frame_and_escape_closes_every_dialog(qtbot, screen_data):
    missing: list[str] = []
    kinds = ("QPushButton", "QToolButton", "QRadioButton", "QCheckBox", "QLineEdit", "QPlainTextEdit", "QComboBox",
             "QDateEdit", "QTableView", "QTreeView", "QTabBar")
    seen: set[str] = set()
    for name, top in screens(qtbot, screen_data):
        top.activateWindow()
        qtbot.waitUntil(lambda t=top: QApplication.activeWindow() is t)
        for widget in _focusable(top):
            seen.update(kind for kind in kinds if widget.inherits(kind))
            why = _focus_frame_missing(widget)
            if why:
                label = widget.objectName() or widget.accessibleName()
                missing.append(f"{name}: {type(widget).__name__} {label}: {why}")
        if isinstance(top, QDialog):
            QTest.keyClick(QApplication.focusWidget() or top, Qt.Key.Key_Escape)
            assert not top.isVisible(), f"Escape left {name} open"
    assert not missing, "\n".join(missing)
    assert seen == set(kinds)  # every kind of control was looked at
