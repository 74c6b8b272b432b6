"""The Findings tab: per standard and per checklist item, with bars, filtered by sector and type.

The figures come from ``business_unit.findings.compute_findings`` (the same as the PDF and the
workbook); this only lays them out.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from s11audit.business_unit.findings_model import Change, Findings, ItemFindings, StandardFindings
from s11audit.figures import percent_text, round_half_up
from s11audit.safe_text import shown
from s11audit.standards import ItemType, StandardsSet
from s11audit.ui.bars import BAR_COLOUR_ROLE, PERCENT_ROLE, BarDelegate
from s11audit.ui.row_table_model import SORT_ROLE, RowTableModel
from s11audit.ui.text_size import scaled, set_column_widths


STEADY_POINTS = 0.5  # a change of less than this many percentage points either way is shown as "="
# The columns of the standards table and of the items table.
STANDARD, GRADED, MEETING, GRADES, OPEN_ACTIONS, STANDARD_CHANGE, AGREEMENT = range(7)
ITEM, APPLIES, ANSWERED, FIGURE, SUMMARY, ITEM_CHANGE = range(6)


def _percent_text(value: float | None) -> str:
    return percent_text(value)  # half up, as every report prints it


def _points(change: Change | None) -> str:
    if change is None:
        return ""
    points = change.points
    arrow = "▲" if points > STEADY_POINTS else "▼" if points < -STEADY_POINTS else "="
    return f"{arrow} {int(round_half_up(points)):+d} pp (was {percent_text(change.previous)})"


class StandardsModel(RowTableModel):
    headers = ("Standard", "Graded", "Meeting the standard", "Grades given", "Open actions", "Change", "Agreement")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tips = {STANDARD_CHANGE: "Change in percentage points since the previous cycle",
                     AGREEMENT: "How often moderation agreed with the self-grade"}

    def set_findings(self, findings: Findings, standards_set: StandardsSet) -> None:
        self.beginResetModel()
        self.scale = standards_set.grade_scale
        self.changes = {c.id: c for c in findings.standard_changes}
        self.rows = list(findings.standards)
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row: StandardFindings = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._sort_value(row, column) if role == SORT_ROLE else self._shown(row, column)
        if role == PERCENT_ROLE and column == MEETING:
            return row.grades.percent_meeting
        if role == BAR_COLOUR_ROLE and column == MEETING:
            return self.scale.level(self.scale.meets).colour
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell too narrow for it
            return row.title if column == STANDARD else self._shown(row, column)
        return None

    def _shown(self, row: StandardFindings, column: int) -> object:
        grades = row.grades
        if column == STANDARD:
            return f"{row.number}. {row.title}"
        if column == GRADED:
            return grades.graded
        if column == MEETING:
            return f"{_percent_text(grades.percent_meeting)} ({grades.meeting} of {grades.graded})"
        if column == GRADES:
            parts = [f"{self.scale.level(level).label} {count}" for level, count in grades.counts if count]
            if grades.not_applicable:
                parts.append(f"{self.scale.not_applicable_label} {grades.not_applicable}")
            return " · ".join(parts)
        if column == OPEN_ACTIONS:
            return f"{row.open_actions} of {row.actions}"
        if column == STANDARD_CHANGE:
            return _points(self.changes.get(row.standard_id))
        if column == AGREEMENT:
            value = row.agreement.percent
            return "" if value is None else f"{percent_text(value)} of {row.agreement.moderated}"
        return None

    def _sort_value(self, row: StandardFindings, column: int) -> object:
        grades = row.grades
        if column == STANDARD:
            return f"{int(row.number):04}" if str(row.number).isdigit() else str(row.number)
        if column == GRADED:
            return grades.graded
        if column == MEETING:
            return -1 if grades.percent_meeting is None else grades.percent_meeting
        if column == GRADES:
            return grades.below
        if column == OPEN_ACTIONS:
            return row.open_actions
        if column == STANDARD_CHANGE:
            change = self.changes.get(row.standard_id)
            return change.points if change else 0
        if column == AGREEMENT:
            return -1 if row.agreement.percent is None else row.agreement.percent
        return None


def _item_summary(item: ItemFindings) -> str:
    if item.type is ItemType.YES_NO:
        partly = f", partly {item.partly}" if item.partly else ""
        return f"yes {item.yes}{partly}, no {item.no}"
    if item.numbers is not None:
        n = item.numbers
        return f"median {n.median:g}, range {n.minimum:g}–{n.maximum:g} (n={n.n})"
    if item.dates is not None:
        d = item.dates
        return f"{d.recent} of {d.n} within the last two years; oldest {d.oldest:%d %b %Y}"
    if item.choices:
        return " · ".join(f"{choice} {count}" for choice, count in item.choices if count)
    if item.grades is not None:
        return f"{item.grades.meeting} of {item.grades.graded} meeting"
    return f"{item.answered} answered"


class ItemsModel(RowTableModel):
    headers = ("Item", "Applies", "Answered", "Figure", "Summary", "Change")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tips = {APPLIES: "Returns from organisations to whom the item applies",
                     ITEM_CHANGE: "Change in percentage points since the previous cycle"}

    def set_findings(self, findings: Findings) -> None:
        self.beginResetModel()
        self.changes = {c.id: c for c in findings.item_changes if not c.option}  # options: the summary and reports
        self.rows = [item for item in findings.items if item.type is not ItemType.TEXT]
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row: ItemFindings = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._sort_value(row, column) if role == SORT_ROLE else self._shown(row, column)
        if role == PERCENT_ROLE and column == FIGURE and row.type is not ItemType.NUMBER:
            return row.headline
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.label if column == ITEM else self._shown(row, column)
        return None

    def _shown(self, row: ItemFindings, column: int) -> object:
        if column == ITEM:
            return f"{row.item_id} {row.label}"
        if column == APPLIES:
            return row.respondents
        if column == ANSWERED:
            return row.answered
        if column == FIGURE:
            value = row.headline
            return "" if value is None else percent_text(value) + (" yes" if row.type is ItemType.YES_NO else "")
        if column == SUMMARY:
            return _item_summary(row)
        if column == ITEM_CHANGE:
            return _points(self.changes.get(row.item_id))
        return None

    def _sort_value(self, row: ItemFindings, column: int) -> object:
        if column == ITEM:
            return ".".join(f"{int(p):04}" if p.isdigit() else p for p in row.item_id.split("."))
        if column == FIGURE:
            return -1 if row.headline is None else row.headline
        if column == ITEM_CHANGE:
            change = self.changes.get(row.item_id)
            return change.points if change else 0
        return self._shown(row, column)  # the counts and the summary sort as shown


def prepare_table(table: QTableView, model: RowTableModel, bar_column: int,
                  widths: dict[int, int]) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(table)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table.setModel(proxy)
    table.setItemDelegateForColumn(bar_column, BarDelegate(table))
    table.setTabKeyNavigation(False)  # Tab leaves the list for the next control; arrow keys move in it
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    set_column_widths(table, widths)  # wide enough for the heading at any text size; cells end in "…"
    last = model.columnCount() - 1
    header.setMinimumSectionSize(min(header.sectionSizeHint(last), scaled(120)))  # "Agreement" whole
    return proxy


def summary_html(summary) -> str:
    """The annual report summary (``annual_summary.AnnualSummary``, or None when the findings are of one
    sector or type) as the HTML of the Findings tab's summary pane; every text escaped."""
    from html import escape

    from s11audit.business_unit.annual_summary import rate_text

    def text(value: str, limit: int = 300) -> str:
        return escape(shown(value, limit))

    if summary is None:
        return ("<p><i>The annual report summary is of every sector and type: choose All sectors and All types "
                "to see it.</i></p>")
    last = summary.previous_cycle
    parts = [f"<h3>Annual report summary: {text(summary.cycle, 80)}</h3>",
             f"<p><b>Response rate:</b> {text(rate_text(summary.response, last).removeprefix('All: '))}</p>"]
    for heading, rates in (("By type", summary.by_type), ("By sector", summary.by_sector)):
        if rates:
            parts.append(f"<p><b>{heading}:</b> " + "; ".join(text(rate_text(r, last)) for r in rates) + "</p>")
    parts.append("<p><b>Headline measures</b> (Headline measures… to choose them)</p><ul>")
    parts += [f"<li>{text(m.sentence, 400)}</li>" for m in summary.measures] or ["<li>None chosen.</li>"]
    parts.append("</ul>")
    if summary.weakest:
        parts.append("<p><b>Weakest standards:</b> " + "; ".join(text(w) for w in summary.weakest) + "</p>")
    if summary.common_actions:
        parts.append("<p><b>Actions most often planned:</b> "
                     + "; ".join(f"{text(s)} ({n:,})" for s, n in summary.common_actions) + "</p>")
    return "".join(parts)
