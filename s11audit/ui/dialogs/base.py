"""What every dialog shares: its Designer form inside a QDialog, with OK/Cancel wired up."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

FormT = TypeVar("FormT", bound=QWidget)


class FormDialog(QDialog, Generic[FormT]):
    """A dialog whose content is a generated form (``s11audit/ui/generated``) holding a ``buttons`` box.

    ``FormDialog[ExportDialogForm]`` types ``self.form``, so every named child of the form is checked.
    """

    def __init__(self, form_class: type[FormT], parent: QWidget | None = None):
        super().__init__(parent)
        self.form: FormT = form_class(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.form)
        self.setWindowTitle(self.form.windowTitle())
        self.resize(self.form.size())
        self.buttons = _named(self.form, QDialogButtonBox, "buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
            button.setIcon(QIcon())  # Linux styles add icons that Windows users never see; keep one look

    @property
    def ok_button(self) -> QPushButton | None:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def set_ok_text(self, text: str) -> None:
        if self.ok_button is not None:
            self.ok_button.setText(text)
            self.ok_button.setAccessibleName(text.replace("&", ""))

    def set_ok_enabled(self, enabled: bool) -> None:
        button = self.ok_button
        if button is not None:
            button.setEnabled(enabled)

    def problem(self) -> str:
        """What stops OK, in words ("" when nothing does); dialogs that check their fields override it."""
        return ""

    def validate(self) -> None:
        """Show the current problem in the form's ``problem`` label and allow OK only without one."""
        problem = self.problem()
        _named(self.form, QLabel, "problem").setText(problem)
        if self.ok_button is not None:
            self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        # Enter in a line edit presses the default button even when it is disabled; refuse then.
        if self.ok_button is None or self.ok_button.isEnabled():
            super().accept()


ChildT = TypeVar("ChildT", bound=QWidget)


def _named(form: QWidget, kind: type[ChildT], name: str) -> ChildT:
    """The form's child ``name``; every dialog form has one (a form without it is a programming error)."""
    child = form.findChild(kind, name)
    if child is None:
        raise LookupError(f"form {form.objectName()} has no {kind.__name__} called {name!r}")
    return child
