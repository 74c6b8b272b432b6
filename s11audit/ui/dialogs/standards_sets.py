"""Help > Standards sets: the sets this computer offers, where each came from, and skipped files.

It also turns sets into Excel workbooks and back (``standards/workbook_*.py``): "Save as
workbook..." writes the chosen set's file as a template, and "Import from workbook..." reads a
filled-in workbook, checks it like a set file and writes it into the per-user standards folder.
Reading and writing take up to a second or two for a large set, so both run off the UI thread.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QMessageBox, QWidget

from s11audit.organisations import AGENCY, EDUCATION
from s11audit.paths import shipped_standards_dir, user_standards_dir
from s11audit.reports import ReportError
from s11audit.reports.atomic import atomic_output
from s11audit.safe_text import shown
from s11audit.standards import LoadReport, StandardsError, discover, load_file
from s11audit.standards.workbook import WorkbookError
from s11audit.standards.workbook_read import read_workbook, yaml_text
from s11audit.standards.workbook_write import set_file_content, set_files, write_workbook
from s11audit.ui import file_dialogs
from s11audit.ui.background import run_in_background
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.standards_sets_dialog import StandardsSetsDialogForm
from s11audit.ui.start_screen import skipped_reason

__all__ = ["StandardsSetsDialog", "set_files"]

KIND_WORDS = {AGENCY: "Agencies", EDUCATION: "Schools and colleges"}
HEADERS = ("Title", "Id", "Version", "For", "In effect from", "File")
WORKBOOK_FILTER = "Excel workbooks (*.xlsx)"


def _file_text(origin: Path | None) -> str:
    if origin is None:
        return ""
    where = "your folder" if origin.parent == user_standards_dir() else "shipped"
    return f"{origin.name} ({where})"


def set_file_name(content: dict) -> str:
    """The file name an imported set gets in the standards folder: its id and version."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", f"{content['id']}-{content['version']}").strip(".-") + ".yaml"


class StandardsSetsDialog(FormDialog[StandardsSetsDialogForm]):
    sets_changed = Signal(object)  # the new LoadReport, after a set was imported

    def __init__(self, parent: QWidget | None, report: LoadReport):
        super().__init__(StandardsSetsDialogForm, parent)
        form = self.form
        form.workbookProblems.hide()
        form.folders.setText(f"Standards shipped with the app: {shipped_standards_dir()}\n"
                             f"Your standards folder: {user_standards_dir()}")
        form.openFolderButton.clicked.connect(self._open_folder)
        form.importButton.clicked.connect(self._import_workbook)
        form.saveWorkbookButton.clicked.connect(self._save_workbook)
        self._show_report(report)

    # --- the list ---------------------------------------------------------------------------------

    def _show_report(self, report: LoadReport, select: tuple[str, str] | None = None) -> None:
        form = self.form
        self.report = report
        self.origins = set_files(report)
        model = QStandardItemModel(0, len(HEADERS), self)
        model.setHorizontalHeaderLabels(HEADERS)
        self._keys = [s.key for s in report.sets]
        for standards_set in report.sets:
            origin = self.origins.get(standards_set.key)
            cells = (standards_set.title, standards_set.id, standards_set.version,
                     ", ".join(KIND_WORDS.get(k, k) for k in standards_set.organisation_kinds),
                     standards_set.effective_date.strftime("%d %b %Y").lstrip("0"),
                     _file_text(origin))
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setEditable(False)
                item.setToolTip(item.text())
            if origin:
                items[-1].setToolTip(str(origin))
            model.appendRow(items)
        form.setsTable.setModel(model)
        header = form.setsTable.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title takes what is left
        form.setsTable.selectionModel().selectionChanged.connect(self._selection_changed)
        if select in self._keys:
            form.setsTable.selectRow(self._keys.index(select))
        self._selection_changed()
        if report.skipped:
            form.skippedText.setText("\n".join(f"• {item.path}: {skipped_reason(item)}" for item in report.skipped))
        else:
            form.skippedText.setText("None: every standards file was read without problems.")

    def selected_key(self) -> tuple[str, str] | None:
        rows = self.form.setsTable.selectionModel().selectedRows()
        return self._keys[rows[0].row()] if rows else None

    def _selection_changed(self, *_args: object) -> None:
        key = self.selected_key()
        self.form.saveWorkbookButton.setEnabled(key is not None and key in self.origins)

    def _open_folder(self) -> None:
        folder = user_standards_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- workbooks --------------------------------------------------------------------------------

    def _say(self, text: str, problems: list[str] | None = None) -> None:
        self.form.workbookStatus.setText(text)
        self.form.workbookProblems.setPlainText("\n".join(shown(p, 400) for p in problems or []))
        self.form.workbookProblems.setVisible(bool(problems))

    def _run(self, title: str, job):
        result, error, _ = run_in_background(self, title, lambda progress, cancelled: job(), cancellable=False)
        if error is not None and not isinstance(error, (WorkbookError, StandardsError)):
            raise error
        return result, error

    def _save_workbook(self) -> None:
        key = self.selected_key()
        origin = self.origins.get(key) if key else None
        if key is None or origin is None:
            self._say("Choose a set in the list first.")
            return
        suggested = f"{Path(set_file_name({'id': key[0], 'version': key[1]})).stem}.xlsx"
        name = file_dialogs.save_file_name(self, "Save the standards set as a workbook", suggested, WORKBOOK_FILTER)
        if not name:
            return
        out = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        _, error = self._run("Writing the workbook", lambda: write_workbook(set_file_content(origin), out))
        if error is not None:
            self._say(f"The workbook {out.name} could not be written:", _problems(error))
        else:
            self._say(f"Saved {key[0]} version {key[1]} as {out}. Change it in Excel, then use Import from "
                      "workbook... to add it as a set (give a changed set a new version).")

    def _import_workbook(self) -> None:
        name = file_dialogs.open_file_name(self, "Import a standards set from a workbook",
                                           f"{WORKBOOK_FILTER};;All files (*)")
        if not name:
            return
        source = Path(name)
        content, error = self._run("Reading the workbook", lambda: _checked(source, self.report))
        if error is not None:
            self._say(f"{shown(source.name, 80)} could not be imported. Fix these in the workbook, save it and "
                      "import it again:", _problems(error))
            return
        key = (content["id"], content["version"])
        target = user_standards_dir() / set_file_name(content)
        elsewhere = self.origins.get(key)
        if elsewhere is not None and elsewhere != target:
            self._say(f"{shown(source.name, 80)} was not imported: set {shown(key[0], 64)} version "
                      f"{shown(key[1], 64)} is already on this computer ({elsewhere}). Give the set a new version "
                      "(the version row of the Set sheet) and import it again.")
            return
        if target.exists() and QMessageBox.question(
                self, "Replace the set file?", f"Your standards folder already has {target.name}. Replace it with "
                                               f"the set from {source.name}?") != QMessageBox.StandardButton.Yes:
            self._say("Nothing was imported: the existing file was kept.")
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with atomic_output(target) as temp:
                temp.write_text(yaml_text(content, source.name), encoding="utf-8")
        except (OSError, ReportError) as exc:
            self._say(f"{target} could not be written ({shown(exc)}).")
            return
        self._show_report(discover(), select=key)
        self.sets_changed.emit(self.report)
        self._say(f"Imported {shown(content['title'], 120)} (version {shown(key[1], 64)}) into your standards "
                  f"folder as {target.name}. New audits can use it now.")

    @classmethod
    def show_sets(cls, parent: QWidget | None, report: LoadReport) -> None:
        cls(parent, report).exec()


def _problems(error: BaseException) -> list[str]:
    if isinstance(error, WorkbookError):
        return error.problems
    if isinstance(error, StandardsError):
        return [str(problem) for problem in error.problems]
    return [str(error)]


def _checked(source: Path, report: LoadReport) -> dict:
    """The set content of a workbook, also loaded as a file would be (a ``based_on`` set needs its base)."""
    content = read_workbook(source)
    with tempfile.TemporaryDirectory() as folder:
        trial = Path(folder) / set_file_name(content)
        trial.write_text(yaml_text(content), encoding="utf-8")
        load_file(trial, bases=report.sets)
    return content
