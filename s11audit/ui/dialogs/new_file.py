"""New audit file: the organisation's details and where to save the file."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from s11audit.organisations import AGENCY, EDUCATION, KIND_LABELS, types_of_kind
from s11audit.store import EXTENSION, OrganisationDetails
from s11audit.ui import file_dialogs
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.new_file_dialog import NewFileDialogForm

FILE_FILTER = f"s11audit audit files (*{EXTENSION})"

_REFERENCE_HINTS = {
    EDUCATION: ("URN, for example 124578",
                "Schools: the URN (unique reference number). Colleges: the UKPRN. Early years: the Ofsted number."),
    AGENCY: ("ODS code or other reference",
             "NHS bodies: the ODS code. Others: any reference the partnership gave you, or leave it blank."),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def default_file_name(organisation: str) -> str:
    """A file name made from the organisation's name, safe on Windows."""
    name = " ".join(_NOT_IN_FILE_NAMES.sub(" ", organisation).split()).strip(" .")
    return f"{name or 'Safeguarding audit'}{EXTENSION}"


def with_extension(path: str) -> Path:
    path = path.strip()
    return Path(path if path.lower().endswith(EXTENSION) else path + EXTENSION)


class NewFileDialog(FormDialog[NewFileDialogForm]):
    def __init__(self, parent: QWidget | None, folder: Path):
        super().__init__(NewFileDialogForm, parent)
        self._folder = folder
        self._path_chosen = False  # once the user picks or types a path, stop suggesting one
        self.set_ok_text("Create audit file")
        form = self.form
        for kind, label in KIND_LABELS.items():
            form.kind.addItem(label, kind)
        form.kind.currentIndexChanged.connect(self._kind_changed)
        form.organisationName.textChanged.connect(self._name_changed)
        form.filePath.textEdited.connect(self._path_edited)
        for edit in (form.filePath, form.contactEmail):
            edit.textChanged.connect(self._validate)
        form.browseButton.clicked.connect(self._browse)
        self._kind_changed()
        self._name_changed()

    # --- reacting to input -----------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.form.kind.currentData()
        self.form.organisationType.clear()
        for org_type in types_of_kind(kind):
            self.form.organisationType.addItem(org_type.label, org_type.id)
        placeholder, hint = _REFERENCE_HINTS[kind]
        self.form.reference.setPlaceholderText(placeholder)
        self.form.referenceHint.setText(hint)
        self.form.reference.setAccessibleDescription(hint)

    def _name_changed(self) -> None:
        if not self._path_chosen:
            self.form.filePath.setText(str(self._folder / default_file_name(self.form.organisationName.text())))
        self._validate()

    def _path_edited(self) -> None:
        self._path_chosen = True

    def _browse(self) -> None:
        chosen = file_dialogs.save_file_name(self, "Save the audit file as", self.form.filePath.text(), FILE_FILTER)
        if chosen:
            self._path_chosen = True
            self.form.filePath.setText(str(with_extension(chosen)))

    def problem(self) -> str:
        """What still stops the file being created, in plain words ("" when nothing)."""
        form = self.form
        if not form.organisationName.text().strip():
            return "Enter the organisation's name."
        email = form.contactEmail.text().strip()
        if email and not _EMAIL.match(email):
            return "The contact email does not look like an email address (for example dsl@school.example.sch.uk)."
        if not form.filePath.text().strip():
            return "Choose where to save the audit file."
        path = with_extension(form.filePath.text())
        if not path.parent.is_dir():
            return f"The folder {path.parent} does not exist. Use Browse… to choose a folder."
        if path.exists():
            return (f"There is already a file called {path.name} in that folder. Choose another name, or open that "
                    "file instead.")
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        self.form.problem.setText(problem)
        self.set_ok_enabled(not problem)

    # --- the result ------------------------------------------------------------------------------

    def path(self) -> Path:
        return with_extension(self.form.filePath.text())

    def organisation(self) -> OrganisationDetails:
        form = self.form
        return OrganisationDetails(
            name=" ".join(form.organisationName.text().split()),
            reference=form.reference.text().strip(),
            kind=form.kind.currentData(),
            org_type=form.organisationType.currentData(),
            contact_name=form.contactName.text().strip(),
            contact_email=form.contactEmail.text().strip(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, folder: Path) -> tuple[Path, OrganisationDetails] | None:
        dialog = cls(parent, folder)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.path(), dialog.organisation()
