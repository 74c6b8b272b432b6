"""Moderating a return: beside each self-grade, the business unit's grade ("Agree" keeps the self-grade) and why.

Standards are listed under their parts. A standard graded on its own has one row; under a standard
with criteria (standards format 2) each criterion has its row, on that criterion's own scale; a
standard whose grade comes from its criteria shows, read-only, what its moderated criteria give
(``grading.derived_grade``), as findings count it. Information standards are not moderated. The
dialog only gathers the choices: :meth:`ModerationDialog.save` hands the changed ones to the
workspace's setters, each of which records its trail entry.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QGridLayout, QLabel, QLineEdit, QPushButton, QSizePolicy,
                               QWidget)

from s11audit.business_unit.supplements import EvidenceLine
from s11audit.business_unit.workspace import Workspace
from s11audit.grading import derived_grade
from s11audit.safe_text import shown
from s11audit.standards import StandardsSet
from s11audit.standards.model import GradeScale, Standard
from s11audit.store.rows import ResponseRow
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.file_sizes import size_text
from s11audit.ui.generated.moderation_dialog import ModerationDialogForm
from s11audit.ui.text_size import screen_of

AGREE = "Agree"
WHAT, THEIRS, MODERATED, WHY = range(4)
INDENT = 22  # pixels a criterion sits in from its standard


class _Chooser(QComboBox):
    """A grade combo that ignores the mouse wheel unless it has focus, so scrolling the list never changes a grade."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


@dataclass
class _Row:
    target_id: str  # a standard's or a criterion's id
    self_grade: str | None
    chooser: QComboBox
    comment: QLineEdit
    before: tuple[str | None, str]  # (moderated grade or None, comment) as last saved

    @property
    def chosen(self) -> tuple[str | None, str]:
        grade = self.chooser.currentData()
        return grade, self.comment.text().strip() if grade is not None else ""


def _plain(text: str) -> str:
    return " ".join(str(text).split())


def _grade_words(scale: GradeScale, entry: dict | None) -> str:
    if entry is None:
        return "Not in the return"
    if entry.get("not_applicable"):
        reason = _plain(entry.get("na_reason") or "")
        return scale.not_applicable_label + (f": {shown(reason, 160)}" if reason else "")
    grade = entry.get("grade")
    return scale.level(grade).label if grade and scale.has_level(grade) else "Not graded"


class ModerationDialog(FormDialog[ModerationDialogForm]):
    """One row per standard graded on its own and per criterion: self-grade, moderated grade and why."""

    def __init__(self, parent: QWidget | None, standards_set: StandardsSet, organisation: str, content: dict,
                 moderated: dict[str, tuple[str, str]],
                 moderated_criteria: dict[str, tuple[str, str]] | None = None, *,
                 evidence: list[EvidenceLine] | None = None):
        super().__init__(ModerationDialogForm, parent)
        self.form.heading.setText(f"{shown(organisation)}: {standards_set.title}")
        self.standards_set = standards_set
        self.org_type = str((content.get("organisation") or {}).get("org_type") or "")
        self._own = {str(s.get("standard_id")): s for s in content.get("standards", [])}
        self._own_criteria = {str(c.get("criterion_id")): c for s in content.get("standards", [])
                              for c in s.get("criteria") or []}
        self._moderated, self._moderated_criteria = moderated, moderated_criteria or {}
        self.rows: list[tuple[str, str | None, QComboBox, QLineEdit]] = []  # standards: (id, self-grade, combo, why)
        self.criterion_rows: list[_Row] = []
        self._standard_rows: list[_Row] = []
        self.derived: dict[str, QLabel] = {}  # derived standard id -> what its moderated criteria give
        # Each standard's evidence files, what the workspace holds of them (issue 17: a return may only list them).
        self.evidence = evidence or []
        self.evidence_labels: dict[str, QLabel] = {}
        self.evidenceButton = QPushButton("Save e&vidence…")
        self.evidenceButton.setAccessibleName("Save a copy of an evidence file the workspace holds for this return")
        self.evidenceButton.setAutoDefault(False)
        self.evidenceButton.setEnabled(any(line.held for line in self.evidence))
        self.form.bottomRow.insertWidget(1, self.evidenceButton)
        self._grid = QGridLayout(self.form.rowsWidget)
        self._next = 0
        self._build()
        self._buttons()
        self._fit_screen()
        self._update_derived()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        rows = self._in_order()
        if rows:
            rows[0].chooser.setFocus()  # the first grade to look at, not the letter button

    def _in_order(self) -> list[_Row]:
        return sorted(self._standard_rows + self.criterion_rows, key=lambda r: self._grid.indexOf(r.chooser))

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        grid = self._grid
        grid.setColumnStretch(WHAT, 7)
        grid.setColumnStretch(THEIRS, 3)
        grid.setColumnStretch(WHY, 5)
        for column, title in ((THEIRS, "Their grade"), (MODERATED, "Moderated grade"), (WHY, "Why")):
            grid.addWidget(self._label(title, role="secondary"), 0, column)
        self._next = 1
        standards = [s for s in self.standards_set.standards if s.id in self._own]
        groups = [(g.title, [s for s in standards if s.group == g.id]) for g in self.standards_set.groups]
        grouped = {s.id for _, members in groups for s in members}
        groups.append(("Other standards" if groups else "", [s for s in standards if s.id not in grouped]))
        for title, members in groups:
            if not members:
                continue
            if title:
                self._full_row(self._label(title, larger=True))
            for standard in members:
                self._standard(standard)
        grid.setRowStretch(self._next, 1)

    def _label(self, text: str, role: str = "", indent: int = 0, bold: bool = False, larger: bool = False) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # wrap rather than widen
        label.setMinimumWidth(80)
        if role:
            label.setProperty("role", role)
        if indent:
            label.setIndent(indent)
        if bold or larger:
            font = QFont(label.font())
            font.setBold(True)
            if larger:  # a part stands out from the standards under it
                font.setPointSizeF(font.pointSizeF() * 1.2)
                label.setContentsMargins(0, 8, 0, 2)
            label.setFont(font)
        return label

    def _full_row(self, widget: QWidget) -> None:
        self._grid.addWidget(widget, self._next, 0, 1, 4)
        self._next += 1

    def _standard(self, standard: Standard) -> None:
        own, scale = self._own[standard.id], self.standards_set.grade_scale
        heading = _plain(standard.heading)
        if not standard.graded:
            self._full_row(self._label(f"{heading} (information, not moderated)", bold=True))
            self._evidence_row(standard)
            return
        row = self._next
        self._grid.addWidget(self._label(heading, bold=True), row, WHAT)
        self._grid.addWidget(self._label(_grade_words(scale, own)), row, THEIRS)
        if standard.derived:
            label = self._label("")
            label.setAccessibleName(f"Moderated grade for {heading}, from its criteria")
            self._grid.addWidget(label, row, MODERATED, 1, 2)
            self.derived[standard.id] = label
            self._next += 1
        else:
            added = self._choice_row(standard.id, heading, scale, own, self._moderated, indent=0)
            self._standard_rows.append(added)
            self.rows.append((added.target_id, added.self_grade, added.chooser, added.comment))
        for criterion in standard.criteria_for(self.org_type) if self.org_type else standard.criteria:
            entry = self._own_criteria.get(criterion.id)
            words = f"{criterion.number} {_plain(criterion.text)}" if criterion.number else _plain(criterion.text)
            if entry is not None and entry.get("not_applicable"):
                self._grid.addWidget(self._label(words, indent=INDENT), self._next, WHAT)
                self._grid.addWidget(self._label(_grade_words(criterion.scale, entry)), self._next, THEIRS, 1, 3)
                self._next += 1
                continue
            self._grid.addWidget(self._label(words, indent=INDENT), self._next, WHAT)
            self._grid.addWidget(self._label(_grade_words(criterion.scale, entry)), self._next, THEIRS)
            self.criterion_rows.append(self._choice_row(criterion.id, f"criterion {criterion.number or criterion.id}",
                                                        criterion.scale, entry, self._moderated_criteria, INDENT))
        self._evidence_row(standard)

    def _evidence_row(self, standard: Standard) -> None:
        """The standard's evidence files in one line: name, size and whether the workspace holds the file or the
        organisation keeps it (ask for it with Request evidence…)."""
        linked = [line for line in self.evidence if standard.id in line.standard_ids]
        if not linked:
            return
        words = "; ".join(f"{shown(line.name, 120)} ({size_text(line.size) + ', ' if line.size is not None else ''}"
                          f"{line.status})" for line in linked)
        label = self._label(f"Evidence: {words}", role="secondary", indent=INDENT)
        label.setAccessibleName(f"Evidence for {_plain(standard.heading)}")
        self._full_row(label)
        self.evidence_labels[standard.id] = label

    def _choice_row(self, target_id: str, name: str, scale: GradeScale, own: dict | None,
                    moderated: dict[str, tuple[str, str]], indent: int) -> _Row:
        """The moderated grade combo and the why box of the current grid row (its text is already there)."""
        chooser = _Chooser()
        chooser.setObjectName(f"moderated {target_id}")
        chooser.setAccessibleName(f"Moderated grade for {name}")
        chooser.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        chooser.setMinimumContentsLength(14)
        chooser.addItem(AGREE, None)
        for level in scale.levels:
            chooser.addItem(level.label, level.id)
            chooser.setItemData(chooser.count() - 1, _plain(level.meaning), Qt.ItemDataRole.ToolTipRole)
        comment = QLineEdit()
        comment.setObjectName(f"why {target_id}")
        comment.setAccessibleName(f"Why, for {name}")
        comment.setPlaceholderText("Why the grade was moderated")
        before: tuple[str | None, str] = (None, "")
        if target_id in moderated:
            grade, why = moderated[target_id]
            before = (grade, why)
            chooser.setCurrentIndex(max(0, chooser.findData(grade)))
            comment.setText(why)
        comment.setEnabled(chooser.currentData() is not None)
        chooser.currentIndexChanged.connect(lambda _: comment.setEnabled(chooser.currentData() is not None))
        chooser.currentIndexChanged.connect(self._update_derived)
        self._grid.addWidget(chooser, self._next, MODERATED)
        self._grid.addWidget(comment, self._next, WHY)
        self._next += 1
        self_grade = None if own is None or own.get("not_applicable") else own.get("grade")
        return _Row(target_id, self_grade, chooser, comment, before)

    def _buttons(self) -> None:
        buttons = self.form.buttons
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for button, text in ((save, "&Save"), (cancel, "&Cancel")):
            button.setText(text)
            button.setAccessibleName(text.replace("&", ""))
        save.setDefault(True)
        # Rows are built after the form, so they would come last in the focus chain: put them first.
        chain = [w for r in self._in_order() for w in (r.chooser, r.comment)] + [
            self.form.letterButton, self.evidenceButton, save, cancel]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _fit_screen(self) -> None:
        """Never larger than the screen (at 200 % text a laptop screen is small); the rows scroll instead."""
        parent = self.parentWidget()
        screen = screen_of(parent) if parent is not None else QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            self.resize(min(self.width(), int(room.width() * 0.95)), min(self.height(), int(room.height() * 0.9)))

    # --- what the choices give ----------------------------------------------------------------

    def _update_derived(self) -> None:
        chosen = {r.target_id: r.chooser.currentData() or r.self_grade for r in self.criterion_rows}
        scale = self.standards_set.grade_scale
        for standard_id, label in self.derived.items():
            standard = self.standards_set.standard(standard_id)
            responses = {c.id: ResponseRow(c.id, chosen.get(c.id),
                                           bool((self._own_criteria.get(c.id) or {}).get("not_applicable")))
                         for c in standard.criteria}
            grade = derived_grade(standard, scale, self.org_type, responses)
            label.setText(f"{scale.level(grade).label}, from the moderated criteria" if grade
                          else "Not worked out: a criterion is not graded")

    def derived_grades(self) -> dict[str, str]:
        """What each derived standard's label says, by standard id (for tests and screen readers)."""
        return {sid: label.text() for sid, label in self.derived.items()}

    def choices(self) -> dict[str, tuple[str | None, str]]:
        """Standard id -> (moderated grade or None to agree, comment)."""
        return {r.target_id: r.chosen for r in self._standard_rows}

    def criterion_choices(self) -> dict[str, tuple[str | None, str]]:
        """Criterion id -> (moderated grade or None to agree, comment)."""
        return {r.target_id: r.chosen for r in self.criterion_rows}

    def save(self, workspace: Workspace, return_id: int) -> None:
        """Hand what changed to the workspace's setters (each change is one transaction with its trail entry)."""
        for rows, set_grade, clear in ((self._standard_rows, workspace.set_moderation, workspace.clear_moderation),
                                       (self.criterion_rows, workspace.set_criterion_moderation,
                                        workspace.clear_criterion_moderation)):
            for row in rows:
                grade, comment = row.chosen
                if (grade, comment) == (row.before[0], row.before[1] if row.before[0] is not None else ""):
                    continue
                if grade is None:
                    clear(return_id, row.target_id)
                else:
                    set_grade(return_id, row.target_id, grade, comment)
                row.before = (grade, comment)  # saved: the letter button saves before the dialog closes
