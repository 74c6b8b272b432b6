"""Choosing a standard's grade by reading its descriptors side by side and clicking under one.

One column per level of the grade scale, lowest on the left: the level's label on its colour,
what the level means, this standard's descriptor for it, what the level needs (an action,
evidence, an example) and a "Choose ..." button. Below them "Not applicable" (where the standard's
or criterion's rule allows it) with its reason, and "Clear grade". The chooser only emits what the
user chose; the page turns that into an undoable ``SetJudgement`` and shows back what was stored.

A criterion (standards format 2) gets the compact form: the level's meaning moves to a tooltip
(it is the same for every criterion), and its level buttons are one stop of the Tab order: the
arrow keys move between them and Space or Return chooses, so Tab goes from criterion to criterion.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from s11audit.standards import GradeLevel, GradeScale, Standard
from s11audit.standards.model import Criterion, NotApplicable, Requirement
from s11audit.store.rows import ResponseRow
from s11audit.ui.colours import text_colour_on, tint
from s11audit.ui.text_autosave import AutoSave, GrowingTextEdit


COLUMN_MIN_WIDTH = 120  # a descriptor column is never narrower than this
COLUMN_ROOM = 190  # the width a column needs to be easy to read; fewer to a row below it


def level_needs(level: GradeLevel) -> list[str]:
    """What choosing a level commits the user to, in their words."""
    needs = []
    if level.needs_action:
        needs.append("Needs at least one action.")
    if level.requires is Requirement.EVIDENCE:
        needs.append("Only with evidence linked.")
    if level.requires is Requirement.EXAMPLE:
        needs.append("Needs a best-practice example.")
    return needs


def _label(text: str, style: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if style:
        label.setStyleSheet(style)
    return label


class DescriptorColumn(QFrame):
    """One grade level: its header, meaning, this standard's descriptor and the button to choose it."""

    def __init__(self, level: GradeLevel, descriptor: str, standard_number: str, parent: QWidget | None = None,
                 what: str = "standard", compact: bool = False):
        super().__init__(parent)
        self.level = level
        self.compact = compact
        self.setObjectName(f"descriptor_{level.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(6)
        header = _label(level.label, f"background: {level.colour}; color: {text_colour_on(level.colour)};"
                                     "font-weight: bold; padding: 6px 8px;"
                                     "border-top-left-radius: 4px; border-top-right-radius: 4px;", wrap=compact)
        header.setProperty("role", "gradeHeaderCompact" if compact else "gradeHeader")  # its size: style.qss
        header.setToolTip(level.meaning)
        layout.addWidget(header)
        body = QVBoxLayout()
        body.setContentsMargins(10, 0, 10, 0)
        body.setSpacing(8)
        if not compact:
            body.addWidget(_label(level.meaning, "color: #444444; font-style: italic;"))
        self.descriptor = _label(descriptor)
        self.descriptor.setAccessibleName(f"{level.label} descriptor for {what} {standard_number}")
        body.addWidget(self.descriptor)
        needs = level_needs(level)
        if needs:
            body.addWidget(_label(" ".join(needs), "color: #5B2C00; font-weight: bold;"))
        body.addStretch(1)
        self.button = QPushButton(f"Choose {level.label}")
        self.button.setCheckable(True)
        self.button.setAccessibleName(f"Grade {level.label} for {what} {standard_number}")
        self.button.setAccessibleDescription(descriptor)
        self.button.setMinimumHeight(32)
        body.addWidget(self.button)
        layout.addLayout(body, 1)
        self.set_chosen(False)

    def minimumSizeHint(self) -> QSize:
        # Never narrower than its longest word (which grows with View > Text size), nor than the minimum.
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), COLUMN_MIN_WIDTH), hint.height())

    def set_chosen(self, chosen: bool) -> None:
        self.button.setChecked(chosen)
        if self.compact:  # the label is in the header above; a long label would not fit a narrow button
            self.button.setText("\u2713 Chosen" if chosen else "Choose")
        else:
            self.button.setText(f"\u2713 {self.level.label} chosen" if chosen else f"Choose {self.level.label}")
        # The same outer size either way (border + padding = 3px), so choosing does not shift the columns.
        border, padding = (f"3px solid {self.level.colour}", 0) if chosen else ("1px solid #9AA5B1", 2)
        background = tint(self.level.colour) if chosen else "#FFFFFF"
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ border: {border}; padding: {padding}px; border-radius: 5px;"
                           f" background: {background}; }}")


NA_REFUSED = "{what} {number} may not be marked not applicable: it applies to every organisation this audit is for."


class GradeChooser(QWidget):
    chosen = Signal(str)  # a level id
    not_applicable_chosen = Signal()
    cleared = Signal()
    reason_saved = Signal(str)

    def __init__(self, target: Standard | Criterion, scale: GradeScale, parent: QWidget | None = None,
                 compact: bool = False, explain_no_na: bool = False):
        super().__init__(parent)
        self.scale = scale
        self.compact = compact
        what = "criterion" if isinstance(target, Criterion) else "standard"
        number = target.number
        rule = target.not_applicable
        # The app's style sheet draws every button alike; a chosen grade must look chosen. Border
        # colours are left alone so the keyboard focus frame still shows.
        # The chosen level keeps the app's yellow focus look when it has the keyboard focus.
        self.setStyleSheet("QPushButton:checked { background: #D4E4F1; color: #0B2740; }"
                           "QPushButton:checked:focus { background: #FFDD00; color: #0B0C0C;"
                           " border: 2px solid #0B0C0C; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8 if compact else 10)
        if not compact:
            layout.addWidget(_label("Read each descriptor and choose the grade that best describes your organisation "
                                    "now. The grade should be one your evidence supports."))
        self.grid = QGridLayout()
        self.grid.setSpacing(8 if compact else 10)
        self._per_row = 0
        self.columns: dict[str, DescriptorColumn] = {}
        for level in scale.levels:
            column = DescriptorColumn(level, target.descriptors.get(level.id, ""), number, what=what, compact=compact)
            column.button.clicked.connect(lambda _checked=False, c=column: self._choose(c))
            if compact:
                column.button.installEventFilter(self)
            self.columns[level.id] = column
        self._arrange(len(self.columns))
        layout.addLayout(self.grid)
        self.na_button: QPushButton | None = None
        self.na_note: QLabel | None = None
        layout.addLayout(self._actions_row(rule, what, number, explain_no_na))
        self.reason_box: QWidget | None = None
        if self.na_button is not None:
            self.reason_box = self._reason_box(rule, what, number)
            layout.addWidget(self.reason_box)
            self.reason_box.hide()
        self._set_tab_stop(self.first_button())

    def _actions_row(self, rule: NotApplicable, what: str, number: str, explain_no_na: bool) -> QHBoxLayout:
        """Not applicable (where it is allowed, else why not) and Clear grade, under the descriptors."""
        scale = self.scale
        actions = QHBoxLayout()
        if rule is not NotApplicable.NOT_ALLOWED:
            self.na_button = QPushButton(scale.not_applicable_label)
            self.na_button.setCheckable(True)
            self.na_button.setAccessibleName(f"Grade {scale.not_applicable_label} for {what} {number}")
            self.na_button.setAccessibleDescription(f"This {what} does not apply to your organisation; it is left "
                                                    "out of scoring" + (" and needs a reason." if
                                                                        rule is NotApplicable.REASON_REQUIRED else "."))
            self.na_button.clicked.connect(self._choose_na)
            actions.addWidget(self.na_button)
        self.clear_button = QPushButton("Clear grade")
        self.clear_button.setAccessibleName(f"Clear the grade of {what} {number}")
        self.clear_button.clicked.connect(self.cleared)
        actions.addWidget(self.clear_button)
        if rule is NotApplicable.NOT_ALLOWED and explain_no_na:
            # Say why there is no "Not applicable", rather than leave the user looking for it.
            self.na_note = _label(NA_REFUSED.format(what=what.capitalize(), number=number), "color: #3E4C59;")
            self.na_note.setObjectName("naNotAllowed")
            actions.addWidget(self.na_note, 1)
        else:
            actions.addStretch(1)
        return actions

    def _reason_box(self, rule: NotApplicable, what: str, number: str) -> QWidget:
        """The reason for not applicable, shown while it is chosen."""
        reason_box = QWidget()
        box = QVBoxLayout(reason_box)
        box.setContentsMargins(0, 0, 0, 0)
        required = " (required)" if rule is NotApplicable.REASON_REQUIRED else " (optional)"
        box.addWidget(_label(f"<b>Why does this {what} not apply to your organisation?</b>{required}"))
        self.reason_edit = GrowingTextEdit(min_lines=2, max_lines=8)
        self.reason_edit.setPlaceholderText("For example: we do not provide services to children directly; "
                                            "our contact with children is through ...")
        self.reason_edit.setAccessibleName(f"Reason {what} {number} is not applicable")
        self.reason_autosave = AutoSave(self.reason_edit)
        self.reason_autosave.save.connect(self.reason_saved)
        box.addWidget(self.reason_edit)
        return reason_box

    # --- side by side when there is room, two by two (or one under another) when there is not ------

    def _arrange(self, per_row: int) -> None:
        """Place the descriptor columns ``per_row`` to a row (large text or a narrow window wraps them)."""
        if per_row == self._per_row:
            return
        self._per_row = per_row
        for column in self.columns.values():
            self.grid.removeWidget(column)
        for place, column in enumerate(self.columns.values()):
            self.grid.addWidget(column, place // per_row, place % per_row)
        for number in range(len(self.columns)):
            self.grid.setColumnStretch(number, 1 if number < per_row else 0)

    def _column_room(self) -> int:
        """The width one column needs: easy reading, or its longest word at a large text size."""
        widest = max((c.minimumSizeHint().width() for c in self.columns.values()), default=0)
        return max(COLUMN_ROOM, widest + self.grid.spacing())

    def minimumSizeHint(self) -> QSize:
        # As narrow as one column, not as the row on screen now: the columns then go one under
        # another (resizeEvent) rather than pushing the page wider than its window.
        hint = super().minimumSizeHint()
        widest = max((c.minimumSizeHint().width() for c in self.columns.values()), default=0)
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        return QSize(widest + margins.left() + margins.right(), hint.height())

    def resizeEvent(self, event) -> None:
        count = len(self.columns)
        fits = max(1, (self.width() + self.grid.spacing()) // self._column_room())
        # Rows of equal length: four levels go 4, 2 + 2 or 1 per row, never 3 + 1.
        per_row = next(n for n in range(min(count, fits), 0, -1) if n == count or count % n == 0 or n == 1)
        self._arrange(per_row)
        super().resizeEvent(event)

    # --- the keyboard (compact form): one Tab stop, arrows move, Space or Return chooses -----------

    def _buttons(self) -> list[QPushButton]:
        return [column.button for column in self.columns.values()]

    def _set_tab_stop(self, stop: QPushButton) -> None:
        if not self.compact:
            return
        for button in self._buttons():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn and watched in self._buttons():
            self._set_tab_stop(watched)
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or watched not in self._buttons():
            return False
        key = event.key()
        buttons = self._buttons()
        place = buttons.index(watched)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End):
            step: dict[int, int] = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}
            target = (0 if key == Qt.Key.Key_Home else len(buttons) - 1 if key == Qt.Key.Key_End
                      else max(0, min(len(buttons) - 1, place + step[key])))
            self._set_tab_stop(buttons[target])
            buttons[target].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            watched.click()
            return True
        return False

    # --- choosing and showing ---------------------------------------------------------------------

    def _choose(self, column: DescriptorColumn) -> None:
        column.button.setChecked(True)  # clicking the chosen grade again keeps it chosen
        self.chosen.emit(column.level.id)

    def _choose_na(self) -> None:
        if self.na_button is not None:  # the button's own slot: always
            self.na_button.setChecked(True)
        self.not_applicable_chosen.emit()

    def show_response(self, response: ResponseRow, read_only: bool) -> None:
        for level_id, column in self.columns.items():
            column.set_chosen(not response.not_applicable and response.grade == level_id)
        if self.na_button is not None:
            self.na_button.setChecked(response.not_applicable)
            self.na_button.setText(("\u2713 " if response.not_applicable else "") + self.scale.not_applicable_label)
        if self.reason_box is not None:  # there whenever the N/A button is
            self.reason_box.setVisible(response.not_applicable)
            self.reason_autosave.show_text(response.na_reason)
        self.clear_button.setEnabled(response.judged and not read_only)
        chosen = self.columns.get(response.grade or "")
        if self.compact and not any(button.hasFocus() for button in self._buttons()):
            self._set_tab_stop(chosen.button if chosen is not None else self.first_button())

    def set_read_only(self, read_only: bool) -> None:
        for column in self.columns.values():
            column.button.setEnabled(not read_only)
        if self.na_button is not None:
            self.na_button.setEnabled(not read_only)
            self.reason_edit.setReadOnly(read_only)
        self.clear_button.setEnabled(not read_only)

    def flush_pending(self) -> None:
        if self.reason_box is not None:
            self.reason_autosave.flush_pending()

    def first_button(self) -> QPushButton:
        return next(iter(self.columns.values())).button

    def tab_stop(self) -> QPushButton:
        """The level button that Tab lands on (the chosen level, or the first)."""
        return next((b for b in self._buttons() if b.focusPolicy() == Qt.FocusPolicy.StrongFocus), self.first_button())
