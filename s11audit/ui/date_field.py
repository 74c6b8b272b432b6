"""Date boxes that are one Tab stop and typed as dd/mm/yyyy.

Qt's date box moves Tab from day to month to year before leaving, so a keyboard user met three stops
where they see one field. Here Tab and Shift+Tab always leave the box; inside it, typing moves on by
itself once a part is complete (or on "/"), the arrow keys move between parts and the calendar
button (Alt+Down) picks a day. Time boxes (hours and minutes) get the same single Tab stop.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

DATE_FORMAT = "dd/MM/yyyy"  # how people in England write a date; all digits, so it can be typed straight in
TYPED = "Type the date as dd/mm/yyyy, or press Alt+Down for a calendar"
SEPARATORS = "/.-: "
EditT = TypeVar("EditT", bound=QDateTimeEdit)


class _OneStop(QObject):
    """Before the box sees Tab, put it on its last part (Shift+Tab: its first), so Qt's own handling
    finds no part to move to and passes focus on. A "/" typed just after a part filled itself (and Qt
    moved on by itself) is dropped, so "15/06/2027" lands in day, month and year."""

    def __init__(self, parent: QDateTimeEdit):
        super().__init__(parent)
        self._typed_in: int | None = None  # the part a digit was last typed into

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QDateTimeEdit) \
                or not isinstance(event, QKeyEvent):
            return False
        key_event = event
        modifiers = key_event.modifiers()
        if key_event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            backwards = key_event.key() == Qt.Key.Key_Backtab or bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            watched.setCurrentSectionIndex(0 if backwards else watched.sectionCount() - 1)
            self._typed_in = None
            return False
        text = key_event.text()
        if text.isdigit():
            self._typed_in = watched.currentSectionIndex()
            return False
        moved_on = self._typed_in is not None and watched.currentSectionIndex() > self._typed_in
        self._typed_in = None
        return bool(text) and text in SEPARATORS and moved_on  # Qt already moved on: the separator is not a step


def python_date(date: QDate) -> dt.date:
    """A date box's date as a ``datetime.date`` (``QDate.toPython`` is typed as returning any object)."""
    return dt.date(date.year(), date.month(), date.day())


def one_stop(edit: EditT, display_format: str = DATE_FORMAT) -> EditT:
    """Make ``edit`` a single Tab stop shown and typed in ``display_format`` (a date box also gets its
    calendar and says how to type); returns it."""
    edit.setDisplayFormat(display_format)
    if edit.displayedSections() & QDateTimeEdit.Section.DateSections_Mask:
        edit.setCalendarPopup(True)
        if display_format == DATE_FORMAT and not edit.toolTip():
            edit.setToolTip(TYPED)
    edit.installEventFilter(_OneStop(edit))
    return edit
