"""Asks the user's name once; it is recorded in the audit trail beside each change."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.user_name_dialog import UserNameDialogForm


class UserNameDialog(FormDialog[UserNameDialogForm]):
    def __init__(self, parent: QWidget | None = None, current: str = ""):
        super().__init__(UserNameDialogForm, parent)
        self.form.nameEdit.textChanged.connect(self._validate)
        self.form.nameEdit.setText(current)
        self._validate()

    def _validate(self) -> None:
        self.set_ok_enabled(bool(self.name))

    @property
    def name(self) -> str:
        return " ".join(self.form.nameEdit.text().split())

    @classmethod
    def ask(cls, parent: QWidget | None, current: str = "") -> str | None:
        dialog = cls(parent, current)
        return dialog.name if dialog.exec() == QDialog.DialogCode.Accepted else None
