"""Tab goes through each screen in a sensible order and each screen opens with focus in a sensible
place (issue 14): the first field to fill or the main list, dates are one stop, lists are left by Tab.

Driven with real key presses (QTest.keyClick Key_Tab) on the screens of ``tests.ui.every_screen``.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDateTimeEdit, QTableView, QWidget

from tests.ui.every_screen import OFFSCREEN, screens

pytestmark = OFFSCREEN

# Where focus is when each screen opens, by object name (or accessible name where a control has none).
FIRST_FOCUS = {
    "retention": "evidenceMonths", "remove_organisation": "deleteReturns", "old_evidence": "olderThan",
    "main/start": "newFileButton",  # no recent file yet: Enter starts a new one
    "main/s175": "navigator", "main/s175/action_plan": "actionsTable", "main/s175/trail": "Search the audit trail",
    "main/s11": "navigator", "main/s11/action_plan": "actionsTable", "main/s11/trail": "Search the audit trail",
    "about": "Close", "action": "description", "evidence_link_items": "tree", "evidence_link_existing": "files",
    "export": "returnPath", "new_audit": "standardsSet", "new_file": "organisationName", "sign_off": "signatoryName0",
    "standards_sets": "setsTable", "user_guide": "browser", "user_name": "nameEdit", "welcome": "schoolNewButton",
    "crash": "Close",
    "main/statement": "standardList", "main/statement/actions": "actionsTable", "action_progress": "status",
    "business_unit": "registerTable", "headlines": "measureList", "moderation": "moderated 1",
    "new_cycle": "cycleName", "organisation": "orgName", "peer_event": "eventName", "peer_recording": "challengeNotes",
    "business_unit_details": "unitName", "dsl_directory": "listChooser",
}


def _name(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return widget.objectName() or widget.accessibleName() or type(widget).__name__


def _focused(qtbot, top: QWidget) -> QWidget | None:
    top.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is top)
    QApplication.processEvents()
    return QApplication.focusWidget()


def _tab(qtbot, backwards: bool = False) -> QWidget:
    widget = QApplication.focusWidget()
    qtbot.keyClick(widget, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
                   Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier)
    return QApplication.focusWidget()


def _leaves_at_once(qtbot, top: QWidget, box: QWidget) -> bool:
    if isinstance(box, QAbstractItemView) and box.model() is not None and box.model().rowCount():
        box.setCurrentIndex(box.model().index(0, 0))
    box.setFocus(Qt.FocusReason.TabFocusReason)
    return _tab(qtbot) is not box and _tab(qtbot, backwards=True) is box and _tab(qtbot, backwards=True) is not box


def test_each_screen_opens_on_its_first_field_or_main_list_and_tab_leaves_lists_and_dates(every_screen, qtbot):
    """First focus is where work starts; a table that Tab moved around cell by cell (or a date box, day
    to month to year) kept keyboard users in it: arrow keys move inside, Tab goes on at once."""
    wrong, trapped = [], []
    for name, top in every_screen:
        focused = _focused(qtbot, top)
        if name in FIRST_FOCUS and _name(focused) != FIRST_FOCUS[name]:
            wrong.append(f"{name}: focus on {_name(focused)}, not {FIRST_FOCUS[name]}")
        boxes = [w for w in top.findChildren(QWidget) if w.window() is top and w.isVisible() and w.isEnabled()
                 and isinstance(w, (QDateTimeEdit, QTableView))]
        trapped += [f"{name}: {_name(box)}" for box in boxes if not _leaves_at_once(qtbot, top, box)]
        if name in DATES_TYPED:
            DATES_TYPED[name](qtbot, top)
    assert wrong == [] and trapped == []


def test_moderation_tab_goes_through_the_grades_that_can_change_then_save(qtbot, screen_data):
    for _, dialog in screens(qtbot, screen_data, only={"moderation"}):
        first = _focused(qtbot, dialog)
        choosers = [chooser for _, _, chooser, _ in dialog.rows]
        assert first is choosers[0]
        second = dialog.rows[1]
        second[2].setCurrentIndex(2)  # moderated: its "why" box can now be filled in
        save = dialog.form.buttons.button(dialog.form.buttons.StandardButton.Save)
        visited = [first]
        while visited[-1] is not save and len(visited) < 100:
            visited.append(_tab(qtbot))
        expected = [*choosers[:2], second[3], *choosers[2:], dialog.form.letterButton, save]
        assert [_name(w) for w in visited] == [_name(w) for w in expected]  # no label, no "why" box that is off


def _action_date_is_one_stop(qtbot, dialog) -> None:
    form = dialog.form
    form.owner.setFocus(Qt.FocusReason.TabFocusReason)
    assert _tab(qtbot) is form.dueDate
    assert _tab(qtbot) is form.noDueDate
    assert _tab(qtbot, backwards=True) is form.dueDate
    assert _tab(qtbot, backwards=True) is form.owner
    for typed, date in (("15/06/2027", QDate(2027, 6, 15)), ("1/2/2028", QDate(2028, 2, 1))):
        assert _tab(qtbot) is form.dueDate
        qtbot.keyClicks(form.dueDate, typed)
        assert form.dueDate.date() == date and form.dueDate.text() == date.toString("dd/MM/yyyy")
        assert _tab(qtbot) is form.noDueDate
        _tab(qtbot, backwards=True)
        _tab(qtbot, backwards=True)


def _signatory_date_is_one_stop(qtbot, dialog) -> None:
    row = dialog.rows[0]
    row.name.setFocus(Qt.FocusReason.TabFocusReason)
    assert [_tab(qtbot), _tab(qtbot)] == [row.signed_on, row.confirmed]  # name, date, tick box


# A date typed straight in, day, month and year, in a single Tab stop (checked on these as they pass).
DATES_TYPED = {"action": _action_date_is_one_stop, "sign_off": _signatory_date_is_one_stop}
