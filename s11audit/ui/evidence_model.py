"""The rows of the evidence list: plain text worked out once per refresh, never in ``data()``."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from s11audit.reports.common import human_size
from s11audit.standards import Standard, StandardsSet
from s11audit.store import EvidenceRow
from s11audit.ui.row_table_model import RowTableModel

HEADERS = ("File", "Description", "Size", "Added", "Linked to")


def linked_to(row: EvidenceRow, standard: Standard, standards_set: StandardsSet) -> str:
    """Where a file is linked, seen from one standard: "This standard; items 2.1, 2.3; also standard 5"."""
    parts = []
    if (standard.id, "") in row.links:
        parts.append("This standard")
    criteria = {c.id: c.number or c.id for c in standard.criteria}
    linked = [item for sid, item in row.links if sid == standard.id and item and item not in criteria]
    for ids, one, many in ((sorted(criteria[i] for sid, i in row.links if sid == standard.id and i in criteria),
                            "criterion ", "criteria "), (sorted(linked), "item ", "items ")):
        if ids:
            parts.append((one if len(ids) == 1 else many) + ", ".join(ids))
    others = sorted({standards_set.standard(sid).number for sid, _ in row.links if sid != standard.id})
    if others:
        parts.append("also standard " + ", ".join(others))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class EvidenceListRow:
    evidence: EvidenceRow
    cells: tuple[str, ...]
    tooltip: str


class EvidenceModel(RowTableModel[EvidenceListRow]):
    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[EvidenceListRow] = []

    def show_evidence(self, rows: list[EvidenceRow], standard: Standard, standards_set: StandardsSet) -> None:
        """Show these evidence files, described for ``standard`` (a reset only when a row changed)."""
        new = []
        for row in rows:
            added = f"{row.added_by}, {row.added_at:%d %b %Y}".lstrip("0") if row.added_at else row.added_by
            cells = (row.name, row.description or "No description", human_size(row.size), added,
                     linked_to(row, standard, standards_set))
            tooltip = (f"{row.name}\nOriginal file: {row.original_name}\n{row.description}\nSHA-256 {row.sha256}"
                       .replace("\n\n", "\n"))
            new.append(EvidenceListRow(row, cells, tooltip))
        if new == self.rows:
            return
        self.beginResetModel()
        self.rows = new
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip if index.column() == 0 else row.cells[index.column()]
        return None
