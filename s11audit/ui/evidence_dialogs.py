"""Dialogs of the evidence panel: link one file to items and standards; link files already added.

One evidence file often supports several standards (a training log, board minutes), so a file is
added once and linked where it applies rather than added again for each standard. Within a
standard it can be linked to the standard as a whole, to one of its criteria (standards format 2,
where a grade may need evidence for that criterion) or to a checklist item.
Both dialogs only report what the user ticked; the evidence panel turns that into undoable
link/unlink commands.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QWidget

from s11audit.standards import Standard
from s11audit.store import EvidenceRow
from s11audit.store.assessment import SelfAssessment
from s11audit.ui.generated.evidence_link_existing import EvidenceLinkExistingForm
from s11audit.ui.generated.evidence_link_items import EvidenceLinkItemsForm

Link = tuple[str, str]  # (standard id, item id or "" for the standard as a whole)
LINK_ROLE = Qt.ItemDataRole.UserRole + 1


def _checkable(text: str, link: Link | int, checked: bool) -> QStandardItem:
    item = QStandardItem(text)
    item.setCheckable(True)
    item.setEditable(False)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    item.setData(link, LINK_ROLE)
    item.setToolTip(text)
    return item


def _heading(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setSelectable(False)
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    return item


class LinkItemsDialog:
    """Tick the standards and items of this audit that one evidence file supports."""

    def __init__(self, parent: QWidget | None, assessment: SelfAssessment, evidence: EvidenceRow, standard: Standard):
        self.dialog = EvidenceLinkItemsForm(parent)
        self.dialog.setWindowTitle(f"Link \u201c{evidence.name}\u201d")
        self.dialog.intro.setText(
            f"Tick what \u201c{evidence.name}\u201d is evidence for: standard {standard.number} as a whole, "
            f"particular criteria of it, or other standards. Untick to remove a link; the file stays in the audit.")
        linked = set(evidence.links)
        self.model = QStandardItemModel(self.dialog)
        self.shown: set[Link] = set()
        this = _heading(f"This standard: {standard.heading}")
        self._add(this, f"Standard {standard.number} as a whole", (standard.id, ""), linked)
        for criterion in standard.criteria_for(assessment.org_type):
            self._add(this, f"Criterion {criterion.heading}", (standard.id, criterion.id), linked)
        for item in standard.items_for(assessment.org_type):
            self._add(this, f"{item.id}  {item.text}", (standard.id, item.id), linked)
        self.model.appendRow(this)
        others = [s for s in assessment.standards if s.id != standard.id]
        if others:
            other = _heading("Other standards (as a whole)")
            for each in others:
                self._add(other, each.heading, (each.id, ""), linked)
            self.model.appendRow(other)
        tree = self.dialog.tree
        tree.setModel(self.model)
        tree.expandAll()
        tree.setCurrentIndex(self.model.index(0, 0, self.model.index(0, 0)))
        tree.setFocus()
        self.dialog.buttons.accepted.connect(self.dialog.accept)
        self.dialog.buttons.rejected.connect(self.dialog.reject)

    def _add(self, parent: QStandardItem, text: str, link: Link, linked: set[Link]) -> None:
        parent.appendRow(_checkable(text, link, link in linked))
        self.shown.add(link)

    def chosen(self) -> set[Link]:
        result: set[Link] = set()
        for top in range(self.model.rowCount()):
            heading = self.model.item(top)
            for row in range(heading.rowCount()):
                child = heading.child(row)
                if child.checkState() == Qt.CheckState.Checked:
                    result.add(tuple(child.data(LINK_ROLE)))
        return result

    @classmethod
    def ask(cls, parent: QWidget | None, assessment: SelfAssessment, evidence: EvidenceRow,
            standard: Standard) -> tuple[set[Link], set[Link]] | None:
        """``(links shown, links ticked)``, or ``None`` if cancelled."""
        dialog = cls(parent, assessment, evidence, standard)
        try:
            if dialog.dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.shown, dialog.chosen()
        finally:
            dialog.dialog.deleteLater()


class LinkExistingDialog:
    """Tick evidence files already in the audit (added for other standards) to link them here too."""

    def __init__(self, parent: QWidget | None, assessment: SelfAssessment, standard: Standard):
        self.dialog = EvidenceLinkExistingForm(parent)
        self.dialog.setWindowTitle(f"Link existing evidence to standard {standard.number}")
        self.dialog.intro.setText(
            f"These files are already in this audit. Tick the ones that are also evidence for standard "
            f"{standard.heading}; they are linked, not copied again.")
        numbers = {s.id: s.number for s in assessment.standards_set.standards}
        self.model = QStandardItemModel(self.dialog)
        for row in assessment.evidence.all_evidence():
            if row.linked_to_standard(standard.id):
                continue
            where = sorted({numbers.get(sid, sid) for sid, _ in row.links}, key=_number_key)
            text = row.name + (f" \u2014 {row.description}" if row.description else "")
            text += f"  (linked to standard {', '.join(where)})" if where else "  (not linked to any standard)"
            self.model.appendRow(_checkable(text, row.id, False))
        self.dialog.files.setModel(self.model)
        if self.model.rowCount():
            self.dialog.files.setCurrentIndex(self.model.index(0, 0))
        self.dialog.buttons.accepted.connect(self.dialog.accept)
        self.dialog.buttons.rejected.connect(self.dialog.reject)

    def chosen(self) -> list[int]:
        return [self.model.item(row).data(LINK_ROLE) for row in range(self.model.rowCount())
                if self.model.item(row).checkState() == Qt.CheckState.Checked]

    @classmethod
    def ask(cls, parent: QWidget | None, assessment: SelfAssessment, standard: Standard) -> list[int] | None:
        """Ids of the evidence files ticked, or ``None`` if cancelled."""
        dialog = cls(parent, assessment, standard)
        try:
            if dialog.dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.chosen()
        finally:
            dialog.dialog.deleteLater()


def _number_key(number: str) -> tuple:
    """Sort "2", "10", "3a" as people number them (numbers by value, then text)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in number.replace(".", " ").split())
