"""The criteria of a standard graded criterion by criterion (standards format 2), on its page.

Each criterion shows its number, text, guidance, resources and reference, its own grade chooser
(the descriptors of its own scale, in the compact form: one Tab stop, arrows and Space/Return),
"Not applicable" only where its rule allows, what its grade still needs, and a comment box. Below
the criteria the standard's own grade: chosen by the user (the page's usual chooser) or, for a
derived rule, shown read-only as worked out by the core (``store.assessment`` saves it in the
same change as the criterion grade, so refreshing after ``changed`` shows it at once).
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from s11audit.completeness import Completeness, Gap
from s11audit.figures import percent_text
from s11audit.grading import standard_percent
from s11audit.standards import Standard
from s11audit.standards.model import Criterion, GradeRule, NotApplicable
from s11audit.store.rows import ResponseRow
from s11audit.ui.colours import text_colour_on
from s11audit.ui.commands import SetJudgement, SetStandardText
from s11audit.ui.document import AuditDocument
from s11audit.ui.grade_chooser import GradeChooser
from s11audit.ui.text_autosave import AutoSave, GrowingTextEdit

NOTICE_STYLE = "background: #FDEBD0; color: #4A2500; border: 1px solid #E59866; border-radius: 4px; padding: 6px;"
SECONDARY = "color: #3E4C59;"
RULE_WORDS = {
    GradeRule.LOWEST: "the lowest grade of its criteria",
    GradeRule.MOST_COMMON: "the grade most of its criteria have; a tie goes to the lower grade",
    GradeRule.MEAN_SCORE: "the mean of its criteria's scores, rounded to the nearest grade",
}


def text_label(text: str, style: str = "", rich: bool = False) -> QLabel:
    """A wrapped, selectable label (plain text unless ``rich``); the standard page uses it too."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def gap_lines(completeness: Completeness, standard_id: str, target_id: str, label: str, what: str) -> list[str]:
    """What the grade (or N/A) of one standard or criterion still needs, in the user's words."""
    lines = []
    for missing in completeness.for_standard(standard_id):
        if missing.item_id != target_id:
            continue
        if missing.gap is Gap.NEEDS_ACTION:
            lines.append(f"{label} needs at least one action: add one under Actions below"
                         + (f" and choose this {what} in it." if what == "criterion" else "."))
        elif missing.gap is Gap.NEEDS_EVIDENCE:
            lines.append(f"{label} may only be chosen with evidence: add evidence under Evidence below and "
                         f"link it to this {what} (Link to items\u2026).")
        elif missing.gap is Gap.NEEDS_EXAMPLE:
            lines.append(f"{label} needs a best-practice example.")
        elif missing.gap is Gap.NA_REASON:
            lines.append(f"Not applicable needs a reason: say why this {what} does not apply to you.")
    return lines


class CriterionBlock(QFrame):
    """One criterion: what it asks, its grade chooser, what its grade still needs and a comment."""

    action_wanted = Signal(str)  # a criterion id: its grade needs an action and the user asked to add one

    def __init__(self, document: AuditDocument, criterion: Criterion, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.criterion = criterion
        self.setObjectName(f"criterion_{criterion.id}")
        number = criterion.number or criterion.id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 10)
        layout.setSpacing(6)
        self.heading = text_label(f"<b>Criterion {html.escape(number)}</b>&nbsp;&nbsp;{html.escape(criterion.text)}",
                                  rich=True)
        self.heading.setProperty("role", "criterion")  # its size is in style.qss, relative to the text size
        self.heading.setAccessibleName(f"Criterion {number}: {criterion.text}")
        layout.addWidget(self.heading)
        for title, text in (("Guidance", criterion.guidance), ("Resources", criterion.resources),
                            ("Reference", criterion.reference)):
            if text.strip():
                shown = html.escape(" ".join(text.split()))
                layout.addWidget(text_label(f"<b>{title}:</b> {shown}", SECONDARY, rich=True))
        self.grades = GradeChooser(criterion, criterion.scale, compact=True, explain_no_na=True)
        self.grades.chosen.connect(self._choose)
        self.grades.not_applicable_chosen.connect(self._choose_na)
        self.grades.cleared.connect(lambda: self._judge(None))
        self.grades.reason_saved.connect(lambda text: self._save_text("na_reason", text))
        layout.addWidget(self.grades)
        self.notice = text_label("", NOTICE_STYLE)
        self.notice.setAccessibleName(f"What the grade of criterion {number} still needs")
        self.notice.hide()
        layout.addWidget(self.notice)
        self.add_action_button = QPushButton(f"Add an action for criterion {number}\u2026")
        self.add_action_button.clicked.connect(lambda: self.action_wanted.emit(criterion.id))
        self.add_action_button.hide()
        action_row = QHBoxLayout()
        action_row.addWidget(self.add_action_button)
        action_row.addStretch(1)
        layout.addLayout(action_row)
        comment_label = QLabel(f"Comments on criterion {number}")
        comment_label.setStyleSheet("font-weight: 600;")
        layout.addWidget(comment_label)
        self.comments = GrowingTextEdit(min_lines=2, max_lines=12)
        self.comments.setPlaceholderText("What is in place for this criterion and the evidence that shows it. "
                                         "Saved automatically as you type.")
        self.comments.setAccessibleName(f"Comments on criterion {number}")
        self.comments_autosave = AutoSave(self.comments)
        self.comments_autosave.save.connect(lambda text: self._save_text("narrative", text))
        comment_label.setBuddy(self.comments)
        layout.addWidget(self.comments)
        read_only = document.read_only
        self.grades.set_read_only(read_only)
        self.comments.setReadOnly(read_only)

    def refresh(self, completeness: Completeness, response: ResponseRow) -> None:
        self.grades.show_response(response, self.document.read_only)
        scale = self.criterion.scale
        label = scale.level(response.grade).label if response.grade else ""
        standard_id = self.document.assessment.standards_set.standard_of_criterion(self.criterion.id).id
        lines = gap_lines(completeness, standard_id, self.criterion.id, label, "criterion")
        self.notice.setText("\n".join(f"\u26a0 {line}" for line in lines))
        self.notice.setVisible(bool(lines))
        needs_action = any(m.gap is Gap.NEEDS_ACTION and m.item_id == self.criterion.id
                           for m in completeness.for_standard(standard_id))
        self.add_action_button.setVisible(needs_action and not self.document.read_only)
        self.comments_autosave.show_text(response.narrative)

    def _response(self) -> ResponseRow:
        return self.document.assessment.response(self.criterion.id)

    def _choose(self, level_id: str) -> None:
        response = self._response()
        if response.grade != level_id or response.not_applicable:
            self._judge(level_id)

    def _judge(self, level_id: str | None) -> None:
        self.document.push(SetJudgement(self.document, self.criterion.id, level_id))

    def _choose_na(self) -> None:
        response = self._response()
        if not response.not_applicable:
            self.document.push(SetJudgement(self.document, self.criterion.id, None, not_applicable=True))
        if self.criterion.not_applicable is NotApplicable.REASON_REQUIRED and not response.na_reason.strip():
            self.grades.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_text(self, field: str, text: str) -> None:
        if getattr(self._response(), field) != text:
            self.document.push(SetStandardText(self.document, self.criterion.id, field, text))

    def focus(self) -> None:
        self.grades.tab_stop().setFocus(Qt.FocusReason.OtherFocusReason)

    def flush_pending(self) -> None:
        self.comments_autosave.flush_pending()
        self.grades.flush_pending()


class DerivedGrade(QWidget):
    """The standard's grade as its rule works it out from the criteria: read-only, with the rule."""

    def __init__(self, standard: Standard, parent: QWidget | None = None):
        super().__init__(parent)
        self.standard = standard
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grade = text_label("", rich=True)
        self.grade.setObjectName("derivedGrade")
        self.grade.setAccessibleName(f"Grade of standard {standard.number}, worked out from its criteria")
        layout.addWidget(self.grade)
        self.rule = text_label(f"Rule: {RULE_WORDS[standard.grade_rule]}. Grade the criteria above to change it.",
                           SECONDARY)
        layout.addWidget(self.rule)

    def show_grade(self, label: str, colour: str, graded: int, counted: int) -> None:
        if label:
            swatch = (f"<span style='background:{colour}; color:{text_colour_on(colour)}; padding: 2px 8px;'>"
                      f"&nbsp;{html.escape(label)}&nbsp;</span>")
            self.grade.setText(f"Worked out from its criteria: {swatch}")
            self.grade.setAccessibleDescription(f"Worked out from its criteria: {label}")
        else:
            self.grade.setText(f"Worked out from its criteria once every criterion that applies is graded "
                               f"({graded} of {counted} graded so far).")
            self.grade.setAccessibleDescription(self.grade.text())


def score_text(standard: Standard, document: AuditDocument, responses: Mapping[str, ResponseRow]) -> str:
    """ "Score: 67%" for a standard on a scored scale (or with scored criteria), else ""."""
    assessment = document.assessment
    percent = standard_percent(standard, assessment.standards_set.grade_scale, assessment.org_type, responses)
    return "" if percent is None else f"Score: {percent_text(percent)}"
