"""Keyboard helpers the screen tests share: Alt keys pressed as a user would, and unique on a screen."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.test_alt_keys import window_keys


def press_alt(qtbot, widget: QWidget, key: Qt.Key) -> None:
    """Alt+key on ``widget``'s window, made active first (offscreen, none is active again after a dialog)."""
    top = widget.window()
    if QApplication.activeWindow() is not top:
        top.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is top)
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


def assert_unique_alt_keys(top: QWidget) -> None:
    counts = Counter(key for key, _ in window_keys(top))
    assert [key for key, n in counts.items() if n > 1] == []
