"""The organisation's File > Delete old evidence: evidence files of the file's audits older than a period (in
months), listed with their audit and size, deleted for good and the file compacted afterwards.

The audit file's SQLite connection belongs to the UI thread (``AuditDocument`` edits through it), so the
deletion (one transaction) and the compaction (``VACUUM``) run on the UI thread; the compaction behind a
progress dialog that is repainted as it goes without handling other events (:func:`compact_with_progress`).
Neither can be cancelled half way, so there is no Cancel. The deletion is committed with SQLite's
``secure_delete`` on (the core), so even a file that then cannot be compacted has the content overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from s11audit.safe_text import shown
from s11audit.store.retention import OldEvidence
from s11audit.ui.business_unit.tables import rows_table
from s11audit.ui.file_sizes import files_text, period_text, size_text
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.old_evidence_dialog import OldEvidenceDialogForm
from s11audit.ui.row_table_model import Column, RowTableModel, date_key

if TYPE_CHECKING:
    from s11audit.store import AuditFile
    from s11audit.store.database import CompactReport

DEFAULT_MONTHS = 36  # offered when the file has no period of its own: three years, a usual audit cycle and one more
TITLE = "Delete old evidence"


class OldEvidenceModel(RowTableModel[OldEvidence]):
    """The preview's files: the audit (cycle) they belong to, the file's name, its audit's sign-off and size."""

    columns = (Column("Audit", lambda e: shown(e.cycle)),
               Column("File", lambda e: shown(e.name), tooltip=lambda e: shown(e.name)),
               Column("Signed off", lambda e: f"{e.signed_at:%d %b %Y}", sort=lambda e: date_key(e.signed_at)),
               Column("Size", lambda e: size_text(e.size), sort=lambda e: e.size))


class OldEvidenceDialog(FormDialog[OldEvidenceDialogForm]):
    """The period and the files older than it; OK (Delete…) hands back ``months()`` and ``preview``."""

    def __init__(self, parent: QWidget | None, months: int | None, preview_of: Callable[[int], list[OldEvidence]]):
        super().__init__(OldEvidenceDialogForm, parent)
        form = self.form
        self._preview_of = preview_of
        self.preview: list[OldEvidence] = []
        self.set_ok_text("&Delete…")
        self.model = OldEvidenceModel(self)
        rows_table(form.previewTable, self.model, (120, 360, 110, 90))
        form.olderThan.setValue(months or DEFAULT_MONTHS)
        form.olderThan.valueChanged.connect(self._show_preview)
        self._show_preview()
        form.olderThan.setFocus()

    def months(self) -> int:
        return self.form.olderThan.value()

    def _show_preview(self) -> None:
        self.preview = preview = self._preview_of(self.months())
        self.model.set_rows(preview)
        total = sum(e.size for e in preview)
        self.form.totals.setText(f"In all: {files_text(len(preview), total)}." if preview else
                                 f"No evidence file is older than {period_text(self.months())}.")
        self.set_ok_enabled(bool(preview))


def compact_with_progress(parent: QWidget,
                          compact: Callable[[Callable[[int, int], None]], CompactReport]) -> CompactReport:
    """Run ``compact(progress)`` on this thread behind a progress dialog without Cancel (a compaction is all or
    nothing). No events are processed while it runs, only the dialog repainted: an event handled then (a
    view repainting, the autosave timer) would read or write the file through the connection being compacted,
    and SQLite refuses to compact inside a transaction. So the dialog is not modal either (a modal one
    processes events in ``setValue``); the window takes no input meanwhile as no events are handled."""
    dialog = QProgressDialog("Compacting the file so that nothing deleted can be read from it…", "", 0, 0, parent)
    dialog.setWindowTitle("Compacting the file")
    dialog.setAccessibleName("Compacting the file")
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.show()
    QApplication.processEvents()  # shown and painted before the compaction starts

    def progress(done: int, total: int) -> None:
        if total and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total else 0)
        dialog.repaint()

    try:
        return compact(progress)
    finally:
        dialog.close()
        dialog.deleteLater()


def delete_old_evidence(parent: QWidget, audit_file: AuditFile) -> bool:
    """The whole of File > Delete old evidence: choose, confirm, delete, compact, say what was freed.
    True when something was deleted (the caller shows the audit again)."""
    from s11audit.store import AuditFileError

    dialog = OldEvidenceDialog(parent, audit_file.evidence_retention_months(),
                               lambda months: list(audit_file.evidence_retention_preview(months)))
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    months, preview = dialog.months(), dialog.preview
    dialog.deleteLater()
    if not accepted or not preview:
        return False
    size = sum(e.size for e in preview)
    if QMessageBox.question(parent, TITLE, f"Delete {files_text(len(preview), size)} of evidence older than "
                            f"{period_text(months)} from this file for good?\n\nThis cannot be undone.") \
            != QMessageBox.StandardButton.Yes:
        return False
    try:
        audit_file.set_evidence_retention_months(months)
        files, freed = audit_file.delete_old_evidence(preview)
    except AuditFileError as error:
        QMessageBox.warning(parent, "Cannot delete the evidence", str(error))
        return False
    try:
        report = compact_with_progress(parent, lambda progress: audit_file.compact(progress=progress))
    except AuditFileError as error:
        QMessageBox.warning(parent, "Evidence deleted; the file is not compacted",
                            f"{files_text(files, freed)} of evidence deleted, but the file could not be compacted, "
                            f"so deleted content may still be read from it until it is.\n\n{error}")
        return True
    saved = max(0, report.bytes_before - report.bytes_after)
    QMessageBox.information(parent, "Old evidence deleted",
                            f"{files_text(files, freed)} of evidence deleted and the file compacted: it is "
                            f"{size_text(saved)} smaller.")
    return True
