"""Opening, creating and starting audits from the window, with every refusal explained.

Kept apart from the main window so the rules for read-only files, files in use, newer files and
upgraded files sit in one place. Only the main window calls these.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from s11audit.standards import LoadReport
from s11audit.store import AuditFile, AuditFileError, OrganisationDetails, ReadOnlyError
from s11audit.store.assessment import SelfAssessment
from s11audit.ui.dialogs.new_audit import NewAuditDialog, tell_carried_forward

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def explain(parent: QWidget | None, title: str, error: AuditFileError) -> None:
    """Show a refusal naming the file and its folder."""
    QMessageBox.warning(parent, title, f"The file “{error.path.name}” {error.problem}\n\nFolder: {error.path.parent}")


def writable(path: Path) -> bool:
    # SQLite writes a journal beside the file, so the folder must be writable too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _offer_read_only(parent: QWidget | None, path: Path) -> bool:
    answer = QMessageBox.question(
        parent, "Open read-only?",
        f"Changes to “{path.name}” cannot be saved: the file or its folder is read-only on this computer.\n\n"
        "Open it read-only, so you can read it but not change it?", Yes | No, Yes)
    return answer == Yes


def open_audit_file(parent: QWidget | None, path: Path, user: str) -> AuditFile | None:
    """Open a file for editing, or read-only if it cannot be written and the user agrees."""
    read_only = path.exists() and not writable(path)
    if read_only and not _offer_read_only(parent, path):
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    refusal: AuditFileError | None = None
    try:
        audit_file = AuditFile.open(path, user, read_only=read_only)
    except AuditFileError as exc:
        refusal = exc
    finally:
        QGuiApplication.restoreOverrideCursor()
    if isinstance(refusal, ReadOnlyError) and not read_only:
        # The check above can say "writable" and the disk still refuse (network shares do this).
        return open_audit_file_read_only(parent, path, user) if _offer_read_only(parent, path) else None
    if refusal is not None:
        explain(parent, "Cannot open the audit file", refusal)
        return None
    if audit_file.upgraded_backup:
        QMessageBox.information(
            parent, "Audit file upgraded",
            f"“{path.name}” was made by an earlier version of s11audit, so it has been upgraded to work with this "
            f"version.\n\nA copy of the file as it was before is kept at:\n{audit_file.upgraded_backup}")
    return audit_file


def open_audit_file_read_only(parent: QWidget | None, path: Path, user: str) -> AuditFile | None:
    try:
        return AuditFile.open(path, user, read_only=True)
    except AuditFileError as exc:
        explain(parent, "Cannot open the audit file", exc)
        return None


def create_audit_file(parent: QWidget | None, path: Path, organisation: OrganisationDetails,
                      user: str) -> AuditFile | None:
    try:
        return AuditFile.create(path, organisation, user)
    except AuditFileError as exc:
        explain(parent, "Cannot create the audit file", exc)
        return None


def start_audit(parent: QWidget | None, audit_file: AuditFile, report: LoadReport) -> SelfAssessment | None:
    """Ask for the standards set, cycle and what to carry forward, then start the audit (telling what was
    carried forward); None if cancelled or refused."""
    organisation = audit_file.organisation()
    if audit_file.read_only:
        QMessageBox.information(parent, "Cannot start an audit",
                                f"“{audit_file.path.name}” is open read-only, so a new audit cannot be started in it.")
        return None
    chosen = NewAuditDialog.ask(parent, report.for_kind(organisation.kind), organisation.name, audit_file.audits())
    if chosen is None:
        return None
    standards_set, cycle, carry_forward_from = chosen
    try:
        assessment = audit_file.start_audit(standards_set, cycle, carry_forward_from=carry_forward_from)
    except AuditFileError as exc:
        QMessageBox.warning(parent, "Cannot start the audit", f"The audit could not be started: {exc.problem}")
        return None
    tell_carried_forward(parent, assessment.carried_forward)
    return assessment
