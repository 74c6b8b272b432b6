"""The Headline measures dialog: which measures a cycle's annual report summary gives, in which order,
in whose words (``business_unit.headlines``).

A list of every measure the cycle's set offers (standards, items with a figure, options of choice
items), each with a tick box; ticked ones stay at the top in the order chosen (Move up / Move down),
the others follow in the set's order. The model holds plain rows (``MeasureChoice``) and never reads
the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QAbstractListModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from s11audit.business_unit.headlines import MAX_MEASURES, Measure, MeasureChoice
from s11audit.safe_text import shown
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.headlines_dialog import HeadlinesDialogForm


@dataclass
class _Row:
    choice: MeasureChoice
    ticked: bool
    wording: str = ""


class MeasuresModel(QAbstractListModel):
    """Every measure on offer, ticked ones first in their order; checkable rows."""

    def __init__(self, offered: list[MeasureChoice], current: tuple[Measure, ...], parent=None):
        super().__init__(parent)
        self._offered = offered
        self.rows: list[_Row] = []
        self.focus_row = 0  # where the row last ticked, unticked or moved now is (the view selects it)
        self.choose(current)

    def choose(self, measures: tuple[Measure, ...] | list[Measure]) -> None:
        """Tick ``measures`` (in their order, with their wording); every other measure unticked after them."""
        by_key = {c.measure.key: c for c in self._offered}
        chosen = [m for m in measures if m.key in by_key]
        keys = {m.key for m in chosen}
        self.beginResetModel()
        self.focus_row = 0
        self.rows = [_Row(by_key[m.key], True, m.wording) for m in chosen]
        self.rows += [_Row(c, False) for c in self._offered if c.measure.key not in keys]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008  # Qt's own signature (a default index)
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = shown(row.choice.label, 160)
            if row.wording:
                text += f"  \u2014 \u201c{shown(row.wording, 80)}\u201d"
            return text + ("  (a default of the set)" if row.choice.default else "")
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return shown(row.choice.label, 400)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_ticked(index.row(), ticked)
        return True

    def set_ticked(self, row: int, ticked: bool) -> int:
        """Tick (to the end of the ticked ones) or untick (back among the others, in the set's order) a
        row; returns the row where it now is."""
        moving = self.rows[row]
        if moving.ticked == ticked:
            return row
        rows = self.rows[:row] + self.rows[row + 1:]
        moving.ticked = ticked
        chosen = [r for r in rows if r.ticked]
        if ticked:
            at = len(chosen)
        else:
            order = {c.measure.key: n for n, c in enumerate(self._offered)}
            after = [r for r in rows if not r.ticked]
            place = sum(order[r.choice.measure.key] < order[moving.choice.measure.key] for r in after)
            at = len(chosen) + place
        self.beginResetModel()
        self.rows = [*rows[:at], moving, *rows[at:]]
        self.focus_row = at
        self.endResetModel()
        return at

    def move(self, row: int, step: int) -> int:
        """Move a ticked row up (-1) or down (+1) among the ticked ones; returns where it is."""
        target = row + step
        if not (0 <= row < len(self.rows)) or not self.rows[row].ticked or not (0 <= target < len(self.rows)) \
                or not self.rows[target].ticked:
            return row
        self.beginResetModel()
        self.rows[row], self.rows[target] = self.rows[target], self.rows[row]
        self.focus_row = target
        self.endResetModel()
        return target

    def set_wording(self, row: int, wording: str) -> None:
        self.rows[row].wording = wording.strip()
        index = self.index(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def measures(self) -> list[Measure]:
        return [replace(r.choice.measure, wording=r.wording) for r in self.rows if r.ticked]


class HeadlinesDialog(FormDialog[HeadlinesDialogForm]):
    """Choose a cycle's headline measures. ``measures()`` gives the ticked ones in order."""

    def __init__(self, parent: QWidget | None, cycle_name: str, offered: list[MeasureChoice],
                 current: tuple[Measure, ...]):
        super().__init__(HeadlinesDialogForm, parent)
        self.setWindowTitle(f"Headline measures: {shown(cycle_name, 60)}")
        self.set_ok_text("&Save measures")
        form = self.form
        self._defaults = tuple(c.measure for c in offered if c.default)
        self.model = MeasuresModel(offered, current, self)
        form.measureList.setModel(self.model)
        form.measureList.selectionModel().currentChanged.connect(lambda *_: self._selected())
        form.upButton.clicked.connect(lambda: self._move(-1))
        form.downButton.clicked.connect(lambda: self._move(1))
        form.defaultsButton.clicked.connect(self._use_defaults)
        form.wording.textEdited.connect(self._wording_edited)
        self.model.modelReset.connect(self._reset)
        self.model.dataChanged.connect(lambda *_: self.validate())
        self._select(0)
        self.validate()

    def _row(self) -> int:
        index = self.form.measureList.currentIndex()
        return index.row() if index.isValid() else -1

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.form.measureList.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._selected()

    def _selected(self) -> None:
        row = self._row()
        form = self.form
        ticked = row >= 0 and self.model.rows[row].ticked
        form.wording.setEnabled(ticked)
        form.wording.setText(self.model.rows[row].wording if ticked else "")
        form.upButton.setEnabled(ticked and row > 0)
        form.downButton.setEnabled(ticked and row + 1 < len(self.model.rows) and self.model.rows[row + 1].ticked)

    def _reset(self) -> None:
        """After a tick, a move or the defaults: the row that moved stays selected."""
        self._select(self.model.focus_row)
        self.validate()

    def _move(self, step: int) -> None:
        self.model.move(self._row(), step)

    def _use_defaults(self) -> None:
        self.model.choose(self._defaults)

    def _wording_edited(self, text: str) -> None:
        row = self._row()
        if row >= 0 and self.model.rows[row].ticked:
            self.model.set_wording(row, text)

    def problem(self) -> str:
        count = len(self.model.measures())
        if count > MAX_MEASURES:
            return f"{count} measures are too many for a summary; tick at most {MAX_MEASURES}."
        return ""

    def measures(self) -> list[Measure]:
        return self.model.measures()
