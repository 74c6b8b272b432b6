"""What a screen reader says for each control of every window and dialog: a name for every control
that takes focus (its text, a label's buddy or an accessible name), and no empty text in the guide.

Elsewhere an empty line is left in place on purpose: a dialog's "what is still needed" line keeps its
room so the buttons do not jump as it fills, and a screen reader passes over it while it is empty."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QWidget

from tests.ui.every_screen import OFFSCREEN, screens

pytestmark = OFFSCREEN


def _unnamed(top: QWidget) -> list[str]:
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible():
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue  # the line edit inside a date or combo box is named by the box
        name = interface.text(QAccessible.Text.Name).strip()
        focusable = widget.focusPolicy() & widget.focusPolicy().TabFocus and widget.isEnabled()
        if focusable and not name:
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
        elif isinstance(widget, QLabel) and not widget.text().strip() and widget.pixmap().isNull():
            found.append(f"empty label {widget.objectName()!r}")  # read out as nothing: hide it while empty
    return found


def test_every_control_on_every_screen_has_a_name_a_screen_reader_can_say(qtbot, screen_data):
    problems = {}
    for name, top in screens(qtbot, screen_data):
        found = [f for f in _unnamed(top) if name == "user_guide" or not f.startswith("empty label")]
        if found:
            problems[name] = found
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())
