"""The one application-wide event filter: the keyboard rules (``keyboard``) and windows fitted to the
screen (``text_size``).

An application filter is Python run for every event of every object: opening an audit sends tens
of thousands. Two filters doubled that cost (about a quarter of a second of opening an audit, issue
15), so there is one, which reads the event's type once and hands only the four kinds it needs to
the module that acts on them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from s11audit.ui import keyboard, text_size

FILTER_NAME = "s11auditAppEvents"
_KEY_PRESS, _FOCUS_IN = QEvent.Type.KeyPress, QEvent.Type.FocusIn
_SHOW, _POLISH = QEvent.Type.Show, QEvent.Type.Polish


class AppEvents(QObject):
    """Installed once on the QApplication by :func:`install`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind is _KEY_PRESS:
            return keyboard.key_pressed(watched, event)
        if kind is _FOCUS_IN:
            if isinstance(watched, QWidget):
                keyboard.focus_moved(watched)
        elif kind is _SHOW:
            text_size.shown(watched)
        elif kind is _POLISH:
            keyboard.polished(watched)
        return False


def install(app: QApplication) -> None:
    """Install the filter on ``app``, once however often it is called."""
    if app.findChild(QObject, FILTER_NAME) is None:
        events = AppEvents(app)
        events.setObjectName(FILTER_NAME)
        app.installEventFilter(events)
