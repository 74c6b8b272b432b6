"""Table models for the business unit's register and imported returns (plain rows from the core)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from s11audit.business_unit.tracking import LATE, NOT_RETURNED, REJECTED, RETURNED
from s11audit.business_unit.workspace import ReturnRow
from s11audit.organisations import type_label
from s11audit.safe_text import shown
from s11audit.ui.row_table_model import RowTableModel

STATUS_LABELS = {NOT_RETURNED: "Not returned", RETURNED: "Returned", LATE: "Returned late", REJECTED: "Rejected"}
STATUS_COLOURS = {NOT_RETURNED: "#FBE3E1", LATE: "#FDF0D5", REJECTED: "#F6C9C4", RETURNED: "#DFF2E4"}
STATE_LABELS = {"current": "Current", "superseded": "Superseded (newer return imported)",
                "unmatched": "Waiting to be matched to the register", "key_pending": "New signing key: accept or reject",
                "key_rejected": "Rejected (different signing key)"}
ROW_ROLE = Qt.ItemDataRole.UserRole + 50


def _when(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value:%d %b %Y %H:%M}" if isinstance(value, dt.datetime) else f"{value:%d %b %Y}"


class RegisterModel(RowTableModel):
    headers = ("Organisation", "Reference", "Sector", "Type", "Status", "Returned", "Contact", "Email")

    # rows: (organisation, status, first signed) as set by ``set_rows``

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        organisation, status, returned = self.rows[index.row()]
        if role == ROW_ROLE:
            return organisation
        if role == Qt.ItemDataRole.DisplayRole:
            return (organisation.name, organisation.reference, organisation.sector, type_label(organisation.org_type),
                    STATUS_LABELS.get(status, status), _when(returned), organisation.contact_name,
                    organisation.contact_email)[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 4 and status in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[status])
        return None


class ReturnsModel(RowTableModel):
    headers = ("Organisation", "Reference", "Version", "Signed", "Imported", "State", "Key fingerprint", "File")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: ReturnRow = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            # Name, reference and file name come from the return: shown as one escaped line.
            return (shown(row.name, 200), shown(row.reference, 80), row.audit_version, _when(row.signed_at),
                    _when(row.imported_at), STATE_LABELS.get(row.state, row.state), row.key_fingerprint,
                    shown(row.file_name, 200))[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 5 and row.state in ("unmatched", "key_pending"):
            return QColor("#FDF0D5")
        return None
