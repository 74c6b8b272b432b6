"""Table models for the business unit's register and imported returns (plain rows from the core).

Each is one column specification (``ui.row_table_model.Column``): what is shown, what it sorts by
(dates and versions by value) and its tooltip.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from s11audit.business_unit.tracking import LATE, NOT_RETURNED, REJECTED, RETURNED
from s11audit.business_unit.workspace import ReturnRow
from s11audit.organisations import type_label
from s11audit.safe_text import shown
from s11audit.ui.row_table_model import Column, RowSortProxy, RowTableModel, date_key
from s11audit.ui.text_size import set_column_widths

STATUS_LABELS = {NOT_RETURNED: "Not returned", RETURNED: "Returned", LATE: "Returned late", REJECTED: "Rejected"}
STATUS_COLOURS = {NOT_RETURNED: "#FBE3E1", LATE: "#FDF0D5", REJECTED: "#F6C9C4", RETURNED: "#DFF2E4"}
STATE_LABELS = {"current": "Current", "superseded": "Replaced by a newer return (kept in the history)",
                "unmatched": "Waiting to be matched to the register",
                "key_pending": "Different signing key: check with them, then accept or reject",
                "key_rejected": "Rejected (different signing key)"}
FINGERPRINT_TIP = ("A check that the return came from the organisation's own audit file (also on the return's PDF). "
                   "A return signed with a different key than the organisation's earlier returns waits until you "
                   "have checked with them.")
# A flagged statement (its baseline not held, or signed with another key than its baseline) counts until a
# person rejects it; a rejected one is kept with its flag, which the next column shows.
FLAGGED_LABEL = "Waiting for your decision"
FLAG_REJECTED_LABEL = "Rejected: kept, not counted"
FLAG_TIP = ("Why the statement waits for a decision: the business unit does not hold the full audit return it is "
            "based on, or it was signed with another key than that return. Check with the organisation, then "
            "accept it (it counts) or reject it (it is kept but never counts).")
ROW_ROLE = Qt.ItemDataRole.UserRole + 50
REGISTER_STATUS_COLUMN = 4  # "Status" in RegisterModel.columns, coloured by status
RETURN_STATE_COLUMN = 5  # "State" in ReturnsModel.columns, marked where the return waits for a decision


def waits_for(row: ReturnRow) -> str:
    """The decision a return waits for: "key" (another signing key), "flag" (a flagged statement) or ""."""
    if row.state == "key_pending":
        return "key"
    return "flag" if row.flag and row.state != "key_rejected" else ""


def state_words(row: ReturnRow) -> str:
    """Where the return sits, in words; a flagged statement says it waits for a decision or was rejected."""
    if row.flag and row.state == "current":
        return FLAGGED_LABEL
    if row.flag and row.state == "key_rejected":
        return FLAG_REJECTED_LABEL
    return STATE_LABELS.get(row.state, row.state)


def _sentence(flag: str) -> str:
    return shown(flag, 600).rstrip(". ")


def decision_words(row: ReturnRow) -> str:
    """What a flagged statement (or a return with a new key) waits for, or what was decided, in a sentence."""
    name = shown(row.name, 120)
    if row.flag and row.state == "key_rejected":
        return f"The statement from {name} was rejected: it is kept but does not count. It was flagged because " \
               f"{_sentence(row.flag)}."
    waiting = waits_for(row)
    if waiting == "key":
        return (f"The return from {name} is signed with a different key than this organisation's earlier returns: "
                "check with them, then Accept… or Reject… it.")
    if waiting == "flag":
        return (f"The statement from {name} waits for your decision because {_sentence(row.flag)}. It counts until "
                "you decide: Accept… keeps it counted, Reject… keeps it out of every count.")
    return ""


def _when(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value:%d %b %Y %H:%M}" if isinstance(value, dt.datetime) else f"{value:%d %b %Y}"


def _text(value: str) -> str:
    return value.casefold()


class RegisterModel(RowTableModel):
    """rows: (organisation, status, first signed) as set by ``set_rows``."""

    columns = (
        Column("Organisation", lambda r: r[0].name, lambda r: _text(r[0].name)),
        Column("Reference", lambda r: r[0].reference, lambda r: _text(r[0].reference)),
        Column("Sector", lambda r: r[0].sector, lambda r: _text(r[0].sector)),
        Column("Type", lambda r: type_label(r[0].org_type)),
        Column("Status", lambda r: STATUS_LABELS.get(r[1], r[1])),
        Column("Returned", lambda r: _when(r[2]), lambda r: date_key(r[2])),
        Column("Contact", lambda r: r[0].contact_name, lambda r: _text(r[0].contact_name)),
        Column("Email", lambda r: r[0].contact_email, lambda r: _text(r[0].contact_email)),
    )

    def more_data(self, row, column: int, role: int):
        organisation, status, _ = row
        if role == ROW_ROLE:
            return organisation
        if role == Qt.ItemDataRole.BackgroundRole and column == REGISTER_STATUS_COLUMN and status in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[status])
        return None


class ReturnsModel(RowTableModel):
    # Name, reference and file name come from the return: shown as one escaped line (sorted by the text itself).
    columns = (
        Column("Organisation", lambda r: shown(r.name, 200), lambda r: _text(r.name)),
        Column("Reference", lambda r: shown(r.reference, 80), lambda r: _text(r.reference)),
        Column("Version", lambda r: r.audit_version),
        Column("Signed", lambda r: _when(r.signed_at), lambda r: date_key(r.signed_at)),
        Column("Imported", lambda r: _when(r.imported_at), lambda r: date_key(r.imported_at)),
        Column("State", state_words, tooltip=lambda r: decision_words(r) or None),
        # Why a statement was flagged, from the import's checks of the file: one escaped line, whole in the tooltip.
        Column("Flagged because", lambda r: shown(r.flag, 300), lambda r: _text(r.flag),
               tooltip=lambda r: shown(r.flag, 2000) if r.flag else None, header_tip=FLAG_TIP),
        Column("Key fingerprint", lambda r: r.key_fingerprint, header_tip=FINGERPRINT_TIP),
        Column("File", lambda r: shown(r.file_name, 200), lambda r: _text(r.file_name)),
    )

    def more_data(self, row: ReturnRow, column: int, role: int):
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.BackgroundRole and column == RETURN_STATE_COLUMN \
                and (row.state == "unmatched" or waits_for(row)):
            return QColor("#FDF0D5")
        return None


def rows_table(table: QTableView, model: RowTableModel, widths: tuple[int, ...],
               proxy: QSortFilterProxyModel | None = None) -> QSortFilterProxyModel:
    """Show ``model`` in ``table`` behind a proxy that filters and leaves sorting to the model."""
    proxy = proxy or RowSortProxy(table)
    proxy.setSourceModel(model)
    table.setModel(proxy)
    table.setTabKeyNavigation(False)  # Tab leaves the list for the next control; arrow keys move in it
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    set_column_widths(table, widths)  # larger with the text size, never narrower than the heading
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return proxy
