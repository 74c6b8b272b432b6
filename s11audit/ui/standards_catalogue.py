"""The standards sets the app offers, found once without holding up the first window.

Reading and validating the YAML files takes a noticeable fraction of a second, so it is done just
after the start screen has been drawn, and put off while an audit is on screen (only the start
screen and the dialogs need the sets). It runs on the GUI thread on purpose: Python code on a
worker thread can trigger garbage collection there, which may destroy Qt objects off the GUI
thread and crash the app. Anything that needs the sets sooner simply loads them at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:  # importing the loader (YAML, JSON schema) is itself part of the work put off
    from s11audit.standards import LoadReport

# Long enough for the window's first paint to happen first, short enough not to be noticed.
AFTER_FIRST_PAINT_MS = 60


class StandardsCatalogue(QObject):
    loaded = Signal(object)  # the LoadReport, once

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._report: LoadReport | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AFTER_FIRST_PAINT_MS)
        self._timer.timeout.connect(self.report)

    def start(self) -> None:
        """Load the sets soon, once control is back in the event loop."""
        if self._report is None and not self._timer.isActive():
            self._timer.start()

    def postpone(self) -> None:
        """Not now (an audit is being opened); ``start`` or ``report`` will load them later."""
        self._timer.stop()

    def replace(self, report: LoadReport) -> None:
        """Use sets found again (after a set was imported), so new audits offer them at once."""
        self._timer.stop()
        self._report = report
        self.loaded.emit(report)

    def report(self) -> LoadReport:
        """The sets and skipped files, loading them now if that has not happened yet."""
        if self._report is None:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                from s11audit.standards import discover

                self._report = discover()
            finally:
                QGuiApplication.restoreOverrideCursor()
            self.loaded.emit(self._report)
        return self._report


