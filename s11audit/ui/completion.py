"""The completion screen: the standards on the left, the selected standard's page on the right.

Left: the navigator (each standard with how much is done and its grade as a coloured swatch; a set
with parts shows each part's title as a heading row over its standards; an information section has
no grade), the overall progress and the list of what is still missing. Right: the page of the selected standard
(``standard_pane.StandardPane``) in a scroll area.

Pages are built the first time a standard is opened and kept, so going back to a standard is
instant and keeps the reader's place; after an edit only the open page is refreshed at once, the
others are marked stale and refreshed when next shown. The navigator, progress and missing list
are refreshed on every change from one ``completeness()`` call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QVBoxLayout, QWidget

from s11audit.completeness import Completeness
from s11audit.figures import percent_text
from s11audit.grading import standard_percent
from s11audit.store.rows import ResponseRow
from s11audit.ui.colours import NOT_APPLICABLE_COLOUR, swatch_icon
from s11audit.ui.completeness_panel import CompletenessPanel
from s11audit.ui.document import AuditDocument
from s11audit.ui.generated.completion_view import CompletionViewForm
from s11audit.ui.standard_pane import StandardPane
from s11audit.ui.row_table_model import RowTableModel
from s11audit.ui.text_size import scaled

HEADERS = ("Standard", "Done", "Grade")
DONE_COLUMN, GRADE_COLUMN = 1, 2
DONE_TIP = ("Done counts what you have given: each grade (or not applicable) and each required answer, and "
            "each action, evidence file, example or reason that a grade needs. When all are done, nothing is "
            "missing.")
NOT_GRADED = "Not graded"
INFORMATION = "Information"
PART_BACKGROUND = QColor("#E8EEF3")


PREBUILD_DELAY_MS = 250


@dataclass(frozen=True)
class NavigatorRow:
    standard_id: str
    heading: str
    progress: str
    grade: str
    colour: str  # "" for not graded
    spoken: str
    part: bool = False  # a part's heading row (``standard_id`` is ""), not a standard


class NavigatorModel(RowTableModel[NavigatorRow]):
    headers = HEADERS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[NavigatorRow] = []
        self.tips = {1: DONE_TIP, 2: "The grade given. A standard not graded yet says \"Not graded\"."}

    def set_rows(self, rows: Sequence[NavigatorRow]) -> None:
        if [r.standard_id for r in rows] != [r.standard_id for r in self.rows]:
            self.beginResetModel()
            self.rows = list(rows)
            self.endResetModel()
            return
        for number, (old, new) in enumerate(zip(self.rows, rows, strict=True)):  # same standards, checked above
            if old != new:
                self.rows[number] = new
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(HEADERS) - 1))

    def row_of(self, standard_id: str) -> int:
        if not standard_id:
            return -1
        return next((n for n, row in enumerate(self.rows) if row.standard_id == standard_id), -1)

    def standard_rows(self) -> list[NavigatorRow]:
        return [row for row in self.rows if not row.part]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.isValid() and self.rows[index.row()].part:
            return Qt.ItemFlag.ItemIsEnabled  # a heading: read, not chosen
        return super().flags(index)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if row.part:
            return self._part_data(row, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.heading, row.progress, row.grade)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == GRADE_COLUMN and row.grade != INFORMATION:
            return swatch_icon(row.colour)
        if role == Qt.ItemDataRole.ForegroundRole and column == GRADE_COLUMN and row.grade in (NOT_GRADED, INFORMATION):
            return Qt.GlobalColor.darkGray
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.spoken
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DONE_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _part_data(row: NavigatorRow, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return row.heading if column == 0 else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(PART_BACKGROUND)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.spoken
        return None


class WrappingDelegate(QStyledItemDelegate):
    """Lets long standard titles wrap onto a second line instead of being cut off.

    A tree view asks for row heights without telling the delegate the column's width, so the
    delegate reads it from the header and the view re-lays out its rows when the column is resized.
    """

    def __init__(self, view: QTreeView, column: int):
        super().__init__(view)
        self._view = view
        self._column = column
        view.header().sectionResized.connect(self._resized)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != self._column:
            return size
        width = max(40, self._view.header().sectionSize(self._column) - 10)
        text = str(index.data() or "")
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(size.width(), max(size.height(), bounds.height() + 8))

    def _resized(self, section: int, _old: int, _new: int) -> None:
        if section == self._column:
            self._view.doItemsLayout()


class CompletionView(QWidget):
    def __init__(self, document: AuditDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.form = CompletionViewForm(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.navigator = self.form.navigator
        self.pane_scroll = self.form.paneScroll  # not "scroll": that is QWidget.scroll()
        self.model = NavigatorModel(self)
        self.navigator.setModel(self.model)
        header = self.navigator.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.navigator.setItemDelegate(WrappingDelegate(self.navigator, 0))
        self.navigator.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.setFocusProxy(self.navigator)  # focus given to the view (an audit just opened) goes to the standards
        self.completeness_panel = CompletenessPanel()
        self.form.completenessLayout.addWidget(self.completeness_panel)
        self.completeness_panel.jump.connect(self.show_standard)
        self.form.splitter.setStretchFactor(0, 0)
        self.form.splitter.setStretchFactor(1, 1)
        # The standards are the way round the audit, so they get most of the height.
        self.form.sidebarLayout.setStretchFactor(self.navigator, 2)
        self.form.sidebarLayout.setStretchFactor(self.form.completenessHost, 1)
        # With larger text (View > Text size) the standards list grows by half as much as the text, so
        # the names stay readable and the page keeps room for the grade descriptors side by side.
        self.form.splitter.setSizes([(420 + scaled(420)) // 2, 946])

        # Every page opened so far lives in one container and all but the current one are hidden:
        # showing and hiding is cheap, whereas moving a page in and out of the scroll area
        # re-applies the style sheet to every widget on it.
        self._pages = QWidget()
        self._pages.setObjectName("standardPages")
        self._pages_layout = QVBoxLayout(self._pages)
        self._pages_layout.setContentsMargins(0, 0, 0, 0)
        self.pane_scroll.setWidget(self._pages)
        self._panes: dict[str, StandardPane] = {}
        self._current = ""
        self._guidance_expanded = False
        self._completeness: Completeness | None = None

        for keys, step in (("Ctrl+Down", 1), ("Ctrl+Up", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._step(step))

        document.changed.connect(self._document_changed)
        self._refresh_overview()
        if self.model.standard_rows():
            self.show_standard(self.model.standard_rows()[0].standard_id)
            # Build the other pages once the first screen has been painted, not before it.
            QTimer.singleShot(PREBUILD_DELAY_MS, self, self._build_next_pane)

    # --- public API --------------------------------------------------------------------------------

    def current_standard_id(self) -> str:
        return self._current

    def show_standard(self, standard_id: str, item_id: str = "") -> None:
        """Select a standard, show its page and, given an item, scroll to its editor and focus it."""
        row = self.model.row_of(standard_id)
        if row < 0:
            return
        if self.navigator.currentIndex().row() != row:
            self.navigator.setCurrentIndex(self.model.index(row, 0))
        self._display(standard_id)
        if item_id:
            pane = self._panes[standard_id]
            editor = pane.focus_item(item_id)
            if editor is not None:
                self._pages_layout.activate()
                pane_layout = pane.layout()
                if pane_layout is not None:
                    pane_layout.activate()
                self.pane_scroll.ensureWidgetVisible(editor, 40, 80)
                # The page may not be laid out yet the first time it is shown; scroll again once it is.
                QTimer.singleShot(0, self, lambda: self._scroll_to(pane, editor))

    def current_pane(self) -> StandardPane | None:
        """The page on show (for the main window and tests)."""
        return self._panes.get(self._current)

    def flush_pending(self) -> None:
        """Save text typed but not yet saved (call before closing the audit file)."""
        pane = self._panes.get(self._current)
        if pane is not None:
            pane.flush_pending()

    # --- showing -----------------------------------------------------------------------------------

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self.model.rows[current.row()].part:
            self._display(self.model.rows[current.row()].standard_id)

    def _display(self, standard_id: str) -> None:
        if standard_id == self._current:
            return
        old = self._panes.get(self._current)
        if old is not None:
            old.flush_pending()
            old.hide()
        pane = self._panes.get(standard_id) or self._build_pane(standard_id)
        self._current = standard_id
        pane.set_guidance_expanded(self._guidance_expanded)
        if pane.stale:
            pane.refresh(self._current_completeness())
        pane.show()
        self.pane_scroll.verticalScrollBar().setValue(0)

    def _build_pane(self, standard_id: str) -> StandardPane:
        # Made inside the container (a parentless page would be a window of its own while being
        # built, which takes activation away from the main window) and explicitly hidden, so adding
        # it to the container's layout does not show it.
        pane = StandardPane(self.document, self.document.assessment.standards_set.standard(standard_id), self._pages)
        pane.hide()
        pane.guidance_toggled.connect(self._guidance_toggled)
        self._panes[standard_id] = pane
        self._pages_layout.addWidget(pane)
        return pane

    def _build_next_pane(self) -> None:
        """Build the pages not yet opened, one per turn of the event loop, so first visits are instant too."""
        if self.document.closed:
            return
        missing = next((row.standard_id for row in self.model.standard_rows() if row.standard_id not in self._panes),
                       None)
        if missing is not None:
            self._build_pane(missing).ensurePolished()
            QTimer.singleShot(0, self, self._build_next_pane)

    def _scroll_to(self, pane: StandardPane, editor: QWidget) -> None:
        if self._panes.get(self._current) is pane:
            self.pane_scroll.ensureWidgetVisible(editor, 40, 80)

    def _step(self, step: int) -> None:
        rows = self.model.standard_rows()
        row = next((n for n, each in enumerate(rows) if each.standard_id == self._current), -1) + step
        if 0 <= row < len(rows):
            in_navigator = self.navigator.hasFocus()
            self.show_standard(rows[row].standard_id)
            if not in_navigator:
                self._panes[self._current].focus_first()

    def _guidance_toggled(self, expanded: bool) -> None:
        self._guidance_expanded = expanded

    # --- refreshing --------------------------------------------------------------------------------

    def _document_changed(self, standard_id: str) -> None:
        self._refresh_overview()
        for pane_id, pane in self._panes.items():
            if pane_id != self._current:
                pane.stale = True
        current = self._panes.get(self._current)
        if current is not None and standard_id in ("", self._current):
            current.refresh(self._current_completeness())

    def _current_completeness(self) -> Completeness:
        """The completeness worked out at the last change (``_refresh_overview`` sets it)."""
        if self._completeness is None:
            self._completeness = self.document.assessment.completeness()
        return self._completeness

    def _refresh_overview(self) -> None:
        assessment = self.document.assessment
        completeness = self._completeness = assessment.completeness()
        responses = assessment.responses()
        rows = self._navigator_rows(completeness, responses)
        self.model.set_rows(rows)
        for number, row in enumerate(rows):
            self.navigator.setFirstColumnSpanned(number, QModelIndex(), row.part)
        progress = self.form.progress
        progress.setValue(completeness.percent)
        progress.setAccessibleDescription(f"{completeness.percent}% complete")
        self.form.progressLabel.setText(f"{completeness.done} of {completeness.total} done: grades, required answers "
                                        "and what each grade needs")
        self.form.progressLabel.setToolTip(DONE_TIP)
        self.completeness_panel.set_completeness(completeness, assessment.standards_set)

    def _navigator_rows(self, completeness: Completeness, responses: dict[str, ResponseRow]) -> list[NavigatorRow]:
        assessment = self.document.assessment
        standards_set = assessment.standards_set
        standards = assessment.standards
        rows: list[NavigatorRow] = []
        if standards_set.groups:
            placed: set[str] = set()
            for group in standards_set.groups:
                members = [s for s in standards if s.group == group.id]
                if members:
                    rows.append(NavigatorRow("", group.title, "", "", "", f"Part: {group.title}", part=True))
                    rows += [self._standard_row(s, completeness, responses) for s in members]
                    placed.update(s.id for s in members)
            rows += [self._standard_row(s, completeness, responses) for s in standards if s.id not in placed]
        else:
            rows = [self._standard_row(s, completeness, responses) for s in standards]
        return rows

    def _standard_row(self, standard, completeness: Completeness, responses: dict[str, ResponseRow]) -> NavigatorRow:
        assessment = self.document.assessment
        scale = assessment.standards_set.grade_scale
        done, total = completeness.per_standard.get(standard.id, (0, 0))
        response = responses.get(standard.id) or ResponseRow(standard.id)
        if not standard.graded:
            spoken = f"Information section {standard.heading}: {done} of {total} answered, not graded"
            return NavigatorRow(standard.id, standard.heading, f"{done}/{total}", INFORMATION, "", spoken)
        if response.not_applicable:
            grade, colour = scale.not_applicable_label, NOT_APPLICABLE_COLOUR
        elif response.grade:
            level = scale.level(response.grade)
            grade, colour = level.label, level.colour
        else:
            grade, colour = NOT_GRADED, ""
        # The % score is shown where criteria make it more than the grade restated (standards format 2).
        percent = standard_percent(standard, scale, assessment.org_type, responses) if standard.criteria else None
        shown = grade if percent is None or grade == NOT_GRADED else f"{grade} ({percent_text(percent)})"
        how = ", worked out from its criteria" if standard.derived else ""
        spoken = f"Standard {standard.heading}: {done} of {total} done, grade {shown}{how}"
        return NavigatorRow(standard.id, standard.heading, f"{done}/{total}", shown, colour, spoken)
