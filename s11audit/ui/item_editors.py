"""One editor per kind of criterion or checklist item (graded, yes/no, number, date, text, choice,
tick all that apply).

Each editor shows the item's id, text, guidance and whether it must be answered, and emits
``answered(item_id, value)`` when the user gives or clears an answer (``None`` clears). Editors
never write to the audit file themselves: the standard pane turns ``answered`` into an undoable
``SetAnswer`` and then shows whatever the core stored, so a refused value snaps back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDateEdit, QFrame, QGridLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from s11audit.dates import describe, within_window
from s11audit.standards import GradeScale, Item, ItemType
from s11audit.store.answers import YES_NO_LABELS
from s11audit.ui.colours import swatch_icon
from s11audit.ui.date_field import one_stop
from s11audit.ui.text_autosave import SAVE_DELAY_MS, AutoSave, GrowingTextEdit

NOT_ANSWERED = "Not answered"
ERROR_COLOUR = "#A93226"


class ItemEditor(QFrame):
    """The frame shared by every item editor; subclasses add the input in ``_build_input``."""

    answered = Signal(str, object)
    fills_row = False  # True: the input takes the whole width (long text answers)

    def __init__(self, item: Item, scale: GradeScale, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.scale = scale
        self.setObjectName(f"item_{item.id}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 6, 0, 6)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        number = QLabel(f"<b>{item.id}</b>")
        number.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        number.setMinimumWidth(36)
        grid.addWidget(number, 0, 0)
        marker = QLabel("Required" if item.required else "Optional")
        marker.setProperty("role", "secondary")
        marker.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(marker, 1, 0, 2, 1)
        self.text_label = QLabel(item.text)
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if item.guidance:
            self.text_label.setToolTip(item.guidance)
        grid.addWidget(self.text_label, 0, 1)
        if item.guidance:
            guidance = QLabel(item.guidance)
            guidance.setWordWrap(True)
            guidance.setProperty("role", "secondary")
            guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(guidance, 1, 1)
        self.input_row = QHBoxLayout()
        self.input_row.setSpacing(8)
        grid.addLayout(self.input_row, 2, 1)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setProperty("role", "error")
        self.error_label.setAccessibleName(f"Problem with the answer to item {item.id}")
        self.error_label.hide()
        grid.addWidget(self.error_label, 3, 1)
        self._build_input()
        if not self.fills_row:
            self.input_row.addStretch(1)

    def _name(self, what: str) -> str:
        return f"{what} for item {self.item.id}"

    def _describe(self, widget: QWidget, name: str) -> None:
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(self.item.text)

    # Every editor class overrides the next four (tests/ui/test_completion_items.py checks this).

    def _build_input(self) -> None:
        """Create the input widgets in ``self.input_row``."""

    def show_value(self, value: Any) -> None:
        """Show the stored answer (``None``: not answered)."""

    def focus_editor(self) -> None:
        """Give keyboard focus to the input."""

    def set_read_only(self, read_only: bool) -> None:
        """Let the answer be read but not changed."""

    def flush_pending(self) -> None:
        """Save anything typed but not yet saved."""

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))


class _ComboEditor(ItemEditor):
    """A drop-down list with "Not answered" first; graded and choice items."""

    def _options(self) -> list[tuple[str, str, str]]:
        """(value, label, colour) of each option; overridden by each combo editor."""
        return []

    def _build_input(self) -> None:
        self.combo = QComboBox()
        self.combo.addItem(NOT_ANSWERED, None)
        for value, label, colour in self._options():
            if colour:
                self.combo.addItem(swatch_icon(colour), label, value)
            else:
                self.combo.addItem(label, value)
        self.combo.setMinimumContentsLength(16)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._describe(self.combo, self._name("Grade" if self.item.type is ItemType.GRADED else "Answer"))
        self.combo.activated.connect(lambda index: self.answered.emit(self.item.id, self.combo.itemData(index)))
        self.input_row.addWidget(self.combo)

    def show_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(index, 0))

    def focus_editor(self) -> None:
        self.combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_read_only(self, read_only: bool) -> None:
        self.combo.setEnabled(not read_only)


class GradedEditor(_ComboEditor):
    def _options(self) -> list[tuple[str, str, str]]:
        return [(level.id, level.label, level.colour) for level in self.scale.levels]


class ChoiceEditor(_ComboEditor):
    def _options(self) -> list[tuple[str, str, str]]:
        return [(choice, choice, "") for choice in self.item.choices]


class YesNoEditor(ItemEditor):
    def _build_input(self) -> None:
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        values = ["yes", "partly", "no"] if self.item.partly else ["yes", "no"]
        for value in values:
            button = QRadioButton(YES_NO_LABELS[value])
            self._describe(button, f"{YES_NO_LABELS[value]} for item {self.item.id}")
            self.group.addButton(button)
            self.buttons[value] = button
            self.input_row.addWidget(button)
            button.clicked.connect(lambda _checked=False, v=value: self.answered.emit(self.item.id, v))
        self.clear_button = QPushButton("Clear answer")
        self._describe(self.clear_button, f"Clear the answer to item {self.item.id}")
        self.clear_button.clicked.connect(lambda: self.answered.emit(self.item.id, None))
        self.input_row.addSpacing(12)
        self.input_row.addWidget(self.clear_button)

    def show_value(self, value: Any) -> None:
        # An exclusive group cannot show "no button checked", so lift exclusivity to clear it.
        self.group.setExclusive(False)
        for key, button in self.buttons.items():
            button.setChecked(key == value)
        self.group.setExclusive(True)
        self.clear_button.setEnabled(value is not None and self.buttons["yes"].isEnabled())

    def focus_editor(self) -> None:
        checked = self.group.checkedButton() or self.buttons["yes"]
        checked.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not read_only)
        self.clear_button.setEnabled(not read_only and self.group.checkedButton() is not None)


class NumberEditor(ItemEditor):
    """A number (or a percentage) typed in a box; the core checks the range and refuses what is outside."""

    def _build_input(self) -> None:
        self.edit = QLineEdit()
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"-?[0-9]*\.?[0-9]*%?"), self.edit))
        self.edit.setMaximumWidth(120)
        self.edit.setPlaceholderText(NOT_ANSWERED)
        low, high = self.item.min, self.item.max
        hint = " to ".join(f"{v:g}" for v in (low, high) if v is not None)
        if low is not None and high is None:
            hint = f"{low:g} or more"
        elif high is not None and low is None:
            hint = f"up to {high:g}"
        self._describe(self.edit, self._name("Percentage" if self.item.type is ItemType.PERCENTAGE else "Number"))
        if hint:
            self.edit.setAccessibleDescription(f"{self.item.text} (from {hint})")
        self.edit.editingFinished.connect(self._commit)
        self.input_row.addWidget(self.edit)
        unit = "%" if self.item.type is ItemType.PERCENTAGE else self.item.unit
        if unit:
            self.input_row.addWidget(QLabel(unit))
        if hint:
            range_label = QLabel(f"({hint})")
            range_label.setProperty("role", "secondary")
            self.input_row.addWidget(range_label)

    def _commit(self) -> None:
        text = self.edit.text().strip().rstrip("%")
        self.edit.setModified(False)  # from here on the stored value is what the box must show
        self.answered.emit(self.item.id, text or None)

    def show_value(self, value: Any) -> None:
        if self.edit.hasFocus() and self.edit.isModified():
            return  # the user is typing; their text wins until they finish
        text = "" if value is None else str(value) if isinstance(value, int) else f"{value:.10g}"
        if self.edit.text() != text:
            self.edit.setText(text)

    def focus_editor(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit.selectAll()

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def flush_pending(self) -> None:
        if self.edit.isModified():
            self._commit()


class _DateEdit(QDateEdit):
    """A date box whose lowest date stands for "not answered"; stepping from there starts at today."""

    def stepBy(self, steps: int) -> None:
        if self.date() == self.minimumDate():
            self.setDate(QDate.currentDate())
            return
        super().stepBy(steps)


class DateEditor(ItemEditor):
    NO_DATE = QDate(1900, 1, 1)

    def _build_input(self) -> None:
        self.edit = one_stop(_DateEdit(), "d MMMM yyyy")  # one Tab stop, not one per day, month and year
        self.edit.setDateRange(self.NO_DATE, QDate(2100, 12, 31))
        self.edit.setSpecialValueText(NOT_ANSWERED)
        self.edit.setMinimumWidth(170)
        self._describe(self.edit, self._name("Date"))
        self.edit.calendarWidget().installEventFilter(self)
        # Arrow keys and the calendar change the date step by step; save once the user settles.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._commit)
        self._loading = False
        self.edit.dateChanged.connect(lambda _date: None if self._loading else self._timer.start())
        self.edit.editingFinished.connect(self.flush_pending)
        self.input_row.addWidget(self.edit)
        self.clear_button = QPushButton("Clear date")
        self._describe(self.clear_button, f"Clear the date for item {self.item.id}")
        self.clear_button.clicked.connect(lambda: self.answered.emit(self.item.id, None))
        self.input_row.addWidget(self.clear_button)
        self.window_label: QLabel | None = None
        if self.item.within:
            # The rule in words beside the date, and a warning (not a refusal) when the date is older.
            self.window_label = QLabel()
            self.window_label.setWordWrap(True)
            self.window_label.setAccessibleName(f"How recent the date for item {self.item.id} should be")
            self.input_row.addWidget(self.window_label, 1)
            self.edit.setAccessibleDescription(f"{self.item.text} (should be within {self.rule_text()})")

    def rule_text(self) -> str:
        words = describe(self.item.within)
        return words if words.startswith("this ") else f"the last {words}"

    def _show_window(self, value: str | None) -> None:
        if self.window_label is None:
            return
        rule = f"Should be within {self.rule_text()}."
        if value and not within_window(value, self.item.within, dt.date.today()):
            self.window_label.setText(f"\u26a0 {rule} This date is older: check it, or give a more recent one.")
            self.window_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        else:
            self.window_label.setText(rule)
            self.window_label.setStyleSheet("color: #3E4C59;")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An unanswered date would open the calendar in 1900; open it at this month instead.
        if event.type() == QEvent.Type.Show and self.edit.date() == self.NO_DATE:
            today = QDate.currentDate()
            self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False

    def _commit(self) -> None:
        self._timer.stop()
        date = self.edit.date()
        self.answered.emit(self.item.id, None if date == self.NO_DATE else date.toString(Qt.DateFormat.ISODate))

    def flush_pending(self) -> None:
        if self._timer.isActive():
            self._commit()

    def show_value(self, value: Any) -> None:
        if self._timer.isActive():
            return
        date = QDate.fromString(value, Qt.DateFormat.ISODate) if value else self.NO_DATE
        self._loading = True
        self.edit.setDate(date)
        self._loading = False
        self.clear_button.setEnabled(value is not None and not self.edit.isReadOnly())
        self._show_window(value)

    def focus_editor(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.clear_button.setEnabled(not read_only and self.edit.date() != self.NO_DATE)


class TextEditor(ItemEditor):
    fills_row = True

    def _build_input(self) -> None:
        self.edit = GrowingTextEdit(min_lines=3, max_lines=12)
        self.edit.setPlaceholderText("Type your answer; it is saved as you go.")
        self._describe(self.edit, self._name("Answer"))
        self.autosave = AutoSave(self.edit)
        self.autosave.save.connect(lambda text: self.answered.emit(self.item.id, text.strip() and text))
        self.input_row.addWidget(self.edit, 1)

    def show_value(self, value: Any) -> None:
        self.autosave.show_text(value or "")

    def focus_editor(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def flush_pending(self) -> None:
        self.autosave.flush_pending()


class _WrappingCheck(QWidget):
    """A check box whose text wraps (a QCheckBox's own text never does, so a long choice would widen
    the page); clicking the text ticks it, and the text is underlined while the box has the focus."""

    FOCUSED = "color: #1D5C8C; text-decoration: underline;"

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.check = QCheckBox()
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        self.check.installEventFilter(self)
        self.label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.check and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.label.setStyleSheet(self.FOCUSED if event.type() == QEvent.Type.FocusIn else "")
        elif (watched is self.label and event.type() == QEvent.Type.MouseButtonRelease
              and self.check.isEnabled()):
            self.check.click()
            return True
        return False


class MultiChoiceEditor(ItemEditor):
    """Tick all that apply: one check box per choice (Tab moves between them, Space ticks); each tick
    saves the list of ticked choices, in the set's order."""

    fills_row = True  # long choices wrap across the whole width

    def _build_input(self) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.boxes: dict[str, QCheckBox] = {}
        for choice in self.item.choices:
            line = _WrappingCheck(choice)
            check = line.check
            self._describe(check, f"{choice}, for item {self.item.id}")
            check.clicked.connect(lambda _checked=False: self.answered.emit(self.item.id, self.ticked() or None))
            self.boxes[choice] = check
            column.addWidget(line)
        self.input_row.addWidget(box, 1)

    def ticked(self) -> list[str]:
        return [choice for choice, check in self.boxes.items() if check.isChecked()]

    def show_value(self, value: Any) -> None:
        chosen = set(value or ())
        for choice, check in self.boxes.items():
            check.setChecked(choice in chosen)

    def focus_editor(self) -> None:
        next(iter(self.boxes.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def set_read_only(self, read_only: bool) -> None:
        for check in self.boxes.values():
            check.setEnabled(not read_only)


EDITORS: dict[ItemType, type[ItemEditor]] = {
    ItemType.GRADED: GradedEditor,
    ItemType.YES_NO: YesNoEditor,
    ItemType.NUMBER: NumberEditor,
    ItemType.PERCENTAGE: NumberEditor,
    ItemType.DATE: DateEditor,
    ItemType.TEXT: TextEditor,
    ItemType.CHOICE: ChoiceEditor,
    ItemType.MULTI_CHOICE: MultiChoiceEditor,
}


def make_editor(item: Item, scale: GradeScale, parent: QWidget | None = None) -> ItemEditor:
    return EDITORS[item.type](item, scale, parent)
