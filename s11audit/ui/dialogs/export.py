"""Exporting the open audit: the signed return (with the PDF and action plan workbook beside it), or
the PDF or workbook alone. The files are written off the UI thread behind a busy progress dialog."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from s11audit.store import AuditFile, AuditFileError
from s11audit.store.assessment import SelfAssessment
from s11audit.ui import file_dialogs
from s11audit.ui.background import run_in_background
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.export_dialog import ExportDialogForm

RETURN_FILTER = "Signed returns (*.s11return)"
PDF_FILTER = "PDF documents (*.pdf)"
XLSX_FILTER = "Excel workbooks (*.xlsx)"


def base_name(audit_file: AuditFile, assessment: SelfAssessment) -> str:
    """A file name stem such as ``St Aidan's CE Primary School 2026-27``."""
    text = f"{audit_file.organisation().name} {assessment.cycle}".replace("/", "-")
    return re.sub(r'[<>:"\\|?*\x00-\x1f]', "", text).strip() or "audit"


class ExportDialog(FormDialog[ExportDialogForm]):
    """Where to write the return, and whether to write the PDF and workbook beside it."""

    def __init__(self, parent: QWidget | None, folder: Path, stem: str, workbook: str = "action plan"):
        super().__init__(ExportDialogForm, parent)
        self._workbook = workbook  # the workbook's name after the return's: "<stem> action plan.xlsx"
        self.set_ok_text("&Export")
        form = self.form
        form.returnPath.setText(str(folder / f"{stem}.s11return"))
        form.browseButton.clicked.connect(self._browse)
        form.returnPath.textChanged.connect(self.validate)
        self.validate()
        form.returnPath.setFocus()

    def _browse(self) -> None:
        path = file_dialogs.save_file_name(self, "Export the return", self.form.returnPath.text(), RETURN_FILTER)
        if path:
            self.form.returnPath.setText(path)

    def return_path(self) -> Path | None:
        text = self.form.returnPath.text().strip()
        if not text:
            return None
        path = Path(text)
        return path if path.suffix == ".s11return" else path.with_name(path.name + ".s11return")

    def problem(self) -> str:
        path = self.return_path()
        if path is None:
            return "Choose where to write the return."
        if not path.parent.is_dir():
            return f"The folder {path.parent} does not exist."
        return ""

    def targets(self) -> tuple[Path, Path | None, Path | None]:
        returned = self.return_path()
        if returned is None:  # OK (and so this) needs a path: problem() says so until there is one
            raise ValueError("no path chosen for the return")
        pdf = returned.with_suffix(".pdf") if self.form.writePdf.isChecked() else None
        xlsx = returned.with_name(f"{returned.stem} {self._workbook}.xlsx") if self.form.writeXlsx.isChecked() \
            else None
        return returned, pdf, xlsx


def run_export(parent: QWidget, audit_file: AuditFile, assessment: SelfAssessment, returned: Path | None = None,
               pdf: Path | None = None, xlsx: Path | None = None) -> bool:
    """Write the files asked for off the UI thread behind a progress dialog, then say what happened.

    The audit is read into a snapshot here, on the UI thread; the worker only writes files from it. The
    SHA-256 of the return written is kept in the audit file afterwards, on the UI thread again, so a later
    annual compliance statement can name this return as its baseline.
    """
    from s11audit.export import Exported, record_written_return, take_snapshot

    targets = (returned, pdf, xlsx)
    written = [p for p in targets if p is not None]
    try:
        snapshot = take_snapshot(audit_file, assessment, with_return=returned is not None)
    except AuditFileError as error:
        QMessageBox.warning(parent, "Export failed", f"The export was not started.\n\n{error}")
        return False

    def write(progress, _cancelled) -> Exported:
        return snapshot.write(*targets, progress=lambda n, path: progress(
            n, len(written), f"Writing {path.name} ({n + 1} of {len(written)})…"))

    exported, failure, _ = run_in_background(parent, "Exporting", write, cancellable=False)
    if failure is not None:
        QMessageBox.warning(parent, "Export failed", f"The export was not completed.\n\n{failure_text(failure)}")
        return False
    if isinstance(exported, Exported):
        record_written_return(audit_file, assessment.id, exported)
    sample = ("\n\nThis is the app's sample audit: what was written is marked SAMPLE, and a business unit will "
              "not import its return." if snapshot.sample else "")
    QMessageBox.information(parent, "Exported", "Written:\n\n" + "\n".join(str(p) for p in written) + sample)
    return True


def failure_text(failure: BaseException) -> str:
    """What went wrong writing an export, in words; a fault that is not ours (a bug) is raised again, for
    the log and the crash dialog."""
    from s11audit.reports import ReportError
    from s11audit.returns import ReturnError

    if not isinstance(failure, (OSError, ReportError, ReturnError, AuditFileError)):
        raise failure
    if isinstance(failure, OSError):
        return f"{failure.filename or 'the file'} could not be written: {failure.strerror or failure}"
    return str(failure)


def export_return(parent: QWidget, audit_file: AuditFile, assessment: SelfAssessment, folder: Path) -> bool:
    """File > Export return: choose where, then write the return and (if ticked) the PDF and workbook."""
    dialog = ExportDialog(parent, folder, base_name(audit_file, assessment))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return run_export(parent, audit_file, assessment, *dialog.targets())


def export_one(parent: QWidget, audit_file: AuditFile, assessment: SelfAssessment, folder: Path, kind: str) -> bool:
    """File > Export PDF / Export action plan, for signed and unsigned audits alike."""
    stem = base_name(audit_file, assessment)
    if kind == "pdf":
        title, default, file_filter, suffix = "Export PDF", folder / f"{stem}.pdf", PDF_FILTER, ".pdf"
    else:
        title, default, file_filter, suffix = ("Export action plan", folder / f"{stem} action plan.xlsx", XLSX_FILTER,
                                               ".xlsx")
    chosen = file_dialogs.save_file_name(parent, title, default, file_filter)
    if not chosen:
        return False
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    if kind == "pdf":
        return run_export(parent, audit_file, assessment, pdf=path)
    return run_export(parent, audit_file, assessment, xlsx=path)
