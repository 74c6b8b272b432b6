"""Choosing a standard's grade by reading its descriptors side by side and clicking under one.

One column per level of the grade scale, lowest on the left: the level's label on its colour,
what the level means, this standard's descriptor for it, what the level needs (an action,
evidence, an example) and a "Choose ..." button. Below them "Not applicable" (when the scale
allows it) with its reason, and "Clear grade". The chooser only emits what the user chose; the
standard pane turns that into an undoable ``SetJudgement`` and shows back what was stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from s11audit.standards import GradeLevel, GradeScale, Standard
from s11audit.standards.model import Requirement
from s11audit.store.rows import ResponseRow
from s11audit.ui.colours import text_colour_on, tint
from s11audit.ui.text_autosave import AutoSave, GrowingTextEdit


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

    def __init__(self, level: GradeLevel, descriptor: str, standard_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.level = level
        self.setObjectName(f"descriptor_{level.id}")
        self.setMinimumWidth(170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(6)
        header = _label(level.label, f"background: {level.colour}; color: {text_colour_on(level.colour)};"
                                     "font-weight: bold; font-size: 12pt; padding: 6px 8px;"
                                     "border-top-left-radius: 4px; border-top-right-radius: 4px;", wrap=False)
        layout.addWidget(header)
        body = QVBoxLayout()
        body.setContentsMargins(10, 0, 10, 0)
        body.setSpacing(8)
        body.addWidget(_label(level.meaning, "color: #444444; font-style: italic;"))
        self.descriptor = _label(descriptor)
        self.descriptor.setAccessibleName(f"{level.label} descriptor for standard {standard_number}")
        body.addWidget(self.descriptor)
        needs = level_needs(level)
        if needs:
            body.addWidget(_label(" ".join(needs), "color: #5B2C00; font-weight: bold;"))
        body.addStretch(1)
        self.button = QPushButton(f"Choose {level.label}")
        self.button.setCheckable(True)
        self.button.setAccessibleName(f"Grade {level.label} for standard {standard_number}")
        self.button.setAccessibleDescription(descriptor)
        self.button.setMinimumHeight(32)
        body.addWidget(self.button)
        layout.addLayout(body, 1)
        self.set_chosen(False)

    def set_chosen(self, chosen: bool) -> None:
        self.button.setChecked(chosen)
        self.button.setText(f"\u2713 {self.level.label} chosen" if chosen else f"Choose {self.level.label}")
        # The same outer size either way (border + padding = 3px), so choosing does not shift the columns.
        border, padding = (f"3px solid {self.level.colour}", 0) if chosen else ("1px solid #9AA5B1", 2)
        background = tint(self.level.colour) if chosen else "#FFFFFF"
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ border: {border}; padding: {padding}px; border-radius: 5px;"
                           f" background: {background}; }}")


class GradeChooser(QWidget):
    chosen = Signal(str)  # a level id
    not_applicable_chosen = Signal()
    cleared = Signal()
    reason_saved = Signal(str)

    def __init__(self, standard: Standard, scale: GradeScale, parent: QWidget | None = None):
        super().__init__(parent)
        self.scale = scale
        number = standard.number
        # The app's style sheet draws every button alike; a chosen grade must look chosen. Border
        # colours are left alone so the keyboard focus frame still shows.
        self.setStyleSheet("QPushButton:checked { background: #D4E4F1; color: #0B2740; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(_label("Read each descriptor and choose the grade that best describes your organisation "
                                "now. The grade should be one your evidence supports."))
        row = QHBoxLayout()
        row.setSpacing(10)
        self.columns: dict[str, DescriptorColumn] = {}
        for level in scale.levels:
            column = DescriptorColumn(level, standard.descriptors.get(level.id, ""), number)
            column.button.clicked.connect(lambda _checked=False, c=column: self._choose(c))
            self.columns[level.id] = column
            row.addWidget(column, 1)
        layout.addLayout(row)

        actions = QHBoxLayout()
        self.na_button: QPushButton | None = None
        self.reason_box: QWidget | None = None
        if scale.not_applicable_allowed:
            self.na_button = QPushButton(scale.not_applicable_label)
            self.na_button.setCheckable(True)
            self.na_button.setAccessibleName(f"Grade {scale.not_applicable_label} for standard {number}")
            self.na_button.setAccessibleDescription("This standard does not apply to your organisation; it is left "
                                                    "out of scoring" + (" and needs a reason." if
                                                                        scale.not_applicable_reason_required else "."))
            self.na_button.clicked.connect(self._choose_na)
            actions.addWidget(self.na_button)
        self.clear_button = QPushButton("Clear grade")
        self.clear_button.setAccessibleName(f"Clear the grade of standard {number}")
        self.clear_button.clicked.connect(self.cleared)
        actions.addWidget(self.clear_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        if scale.not_applicable_allowed:
            self.reason_box = QWidget()
            box = QVBoxLayout(self.reason_box)
            box.setContentsMargins(0, 0, 0, 0)
            required = " (required)" if scale.not_applicable_reason_required else ""
            box.addWidget(_label(f"<b>Why does this standard not apply to your organisation?</b>{required}"))
            self.reason_edit = GrowingTextEdit(min_lines=2, max_lines=8)
            self.reason_edit.setPlaceholderText("For example: we do not provide services to children directly; "
                                                "our contact with children is through ...")
            self.reason_edit.setAccessibleName(f"Reason standard {number} is not applicable")
            self.reason_autosave = AutoSave(self.reason_edit)
            self.reason_autosave.save.connect(self.reason_saved)
            box.addWidget(self.reason_edit)
            layout.addWidget(self.reason_box)
            self.reason_box.hide()

    def _choose(self, column: DescriptorColumn) -> None:
        column.button.setChecked(True)  # clicking the chosen grade again keeps it chosen
        self.chosen.emit(column.level.id)

    def _choose_na(self) -> None:
        self.na_button.setChecked(True)
        self.not_applicable_chosen.emit()

    def show_response(self, response: ResponseRow, read_only: bool) -> None:
        for level_id, column in self.columns.items():
            column.set_chosen(not response.not_applicable and response.grade == level_id)
        if self.na_button is not None:
            self.na_button.setChecked(response.not_applicable)
            self.na_button.setText(("\u2713 " if response.not_applicable else "") + self.scale.not_applicable_label)
            self.reason_box.setVisible(response.not_applicable)
            self.reason_autosave.show_text(response.na_reason)
        self.clear_button.setEnabled(response.judged and not read_only)

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
