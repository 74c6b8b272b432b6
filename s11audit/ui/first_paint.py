"""Waiting for the main window's first screen to be painted: what ``s11audit app --smoke-test`` times.

"Shown" is not "drawn": Qt paints a window once the event loop has run after ``show()``. The first
screen is the start screen, or the open audit's current view when a file was given; the first
paint event reaching it (or a widget inside it) is the moment the user sees it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget

from s11audit.ui.qapp import running_app

if TYPE_CHECKING:
    from s11audit.ui.main_window import MainWindow

START_SCREEN, AUDIT = "start screen", "audit"


def first_screen(window: MainWindow) -> tuple[str, QWidget | None]:
    """What the window shows now, and the widget whose painting means it is drawn."""
    if window.pages.currentWidget() is window.auditPage:
        return AUDIT, window.tabs.currentWidget()
    return START_SCREEN, window.start_screen


class _PaintWatcher(QObject):
    def __init__(self, window: MainWindow, loop: QEventLoop):
        super().__init__(window)
        self.window, self.loop = window, loop
        self.painted = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            name, target = first_screen(self.window)
            if target is not None and self.window.isVisible() and (watched is target or target.isAncestorOf(watched)):
                self.painted = name
                self.loop.quit()
        return False


def wait_for_first_paint(window: MainWindow, timeout_s: float = 30.0) -> str:
    """Run the event loop until the window's first screen has been painted; which screen it was
    (``START_SCREEN`` or ``AUDIT``), or "" if nothing was painted within ``timeout_s``.

    One nested event loop rather than calling processEvents in a loop, which would spin while idle.
    """
    loop = QEventLoop()
    watcher = _PaintWatcher(window, loop)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    app = running_app()
    app.installEventFilter(watcher)
    try:
        timer.start(round(timeout_s * 1000))
        loop.exec()
    finally:
        timer.stop()
        app.removeEventFilter(watcher)
        watcher.deleteLater()
    return watcher.painted
