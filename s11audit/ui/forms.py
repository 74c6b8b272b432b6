"""Load Qt Designer forms from ``forms/`` (one ``.ui`` file per window or dialog module)."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from s11audit.paths import forms_dir


class FormError(RuntimeError):
    """A form file missing from the installation: a packaging bug, not a user error."""


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget described by ``forms/<name>.ui``; named children are attributes of it."""
    path = forms_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"form {path} is missing from this installation")
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise FormError(f"form {path} could not be read")
    return widget
