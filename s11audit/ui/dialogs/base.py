"""What every dialog shares: its Designer form inside a QDialog, with OK/Cancel wired up."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from s11audit.ui.forms import load_form


class FormDialog(QDialog):
    """A dialog whose content is ``forms/<form_name>.ui`` (a QWidget holding a ``buttons`` box)."""

    def __init__(self, form_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = load_form(form_name, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.form)
        self.setWindowTitle(self.form.windowTitle())
        self.resize(self.form.size())
        self.form.buttons.accepted.connect(self.accept)
        self.form.buttons.rejected.connect(self.reject)
        for button in self.form.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
            button.setIcon(QIcon())  # Linux styles add icons that Windows users never see; keep one look

    @property
    def ok_button(self) -> QPushButton | None:
        return self.form.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def set_ok_text(self, text: str) -> None:
        self.ok_button.setText(text)
        self.ok_button.setAccessibleName(text.replace("&", ""))

    def problem(self) -> str:
        """What stops OK, in words ("" when nothing does); dialogs that check their fields override it."""
        return ""

    def validate(self) -> None:
        """Show the current problem in the form's ``problem`` label and allow OK only without one."""
        problem = self.problem()
        self.form.problem.setText(problem)
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        # Enter in a line edit presses the default button even when it is disabled; refuse then.
        if self.ok_button is None or self.ok_button.isEnabled():
            super().accept()
