"""Help > Standards sets: the sets this computer offers, where each came from, and skipped files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QWidget

from s11audit.organisations import AGENCY, EDUCATION
from s11audit.paths import shipped_standards_dir, user_standards_dir
from s11audit.standards import LoadReport, StandardsError, load_file
from s11audit.standards.loader import SUFFIXES, default_folders
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.start_screen import skipped_reason

KIND_WORDS = {AGENCY: "Agencies", EDUCATION: "Schools and colleges"}
HEADERS = ("Title", "Id", "Version", "For", "In effect from", "File")


def set_files(report: LoadReport) -> dict[tuple[str, str], Path]:
    """Which file each loaded set came from (the load report does not record it)."""
    skipped = {item.path for item in report.skipped}
    origins: dict[tuple[str, str], Path] = {}
    for folder in default_folders():
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in SUFFIXES or path in skipped:
                continue
            try:
                origins.setdefault(load_file(path, bases=report.sets).key, path)
            except StandardsError:
                continue
    return origins


def _file_text(origin: Path | None) -> str:
    if origin is None:
        return ""
    where = "your folder" if origin.parent == user_standards_dir() else "shipped"
    return f"{origin.name} ({where})"


class StandardsSetsDialog(FormDialog):
    def __init__(self, parent: QWidget | None, report: LoadReport):
        super().__init__("standards_sets_dialog", parent)
        form = self.form
        origins = set_files(report)
        model = QStandardItemModel(0, len(HEADERS), self)
        model.setHorizontalHeaderLabels(HEADERS)
        for standards_set in report.sets:
            origin = origins.get(standards_set.key)
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
        if report.skipped:
            form.skippedText.setText("\n".join(f"• {item.path}: {skipped_reason(item)}" for item in report.skipped))
        else:
            form.skippedText.setText("None: every standards file was read without problems.")
        form.folders.setText(f"Standards shipped with the app: {shipped_standards_dir()}\n"
                             f"Your standards folder: {user_standards_dir()}")
        form.openFolderButton.clicked.connect(self._open_folder)

    def _open_folder(self) -> None:
        folder = user_standards_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    @classmethod
    def show_sets(cls, parent: QWidget | None, report: LoadReport) -> None:
        cls(parent, report).exec()
