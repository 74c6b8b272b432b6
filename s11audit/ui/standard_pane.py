"""The page of one standard: read it, grade it, write the narrative, answer its items, evidence, actions.

From top to bottom in the order a lead works: what the standard is and its guidance; the grade
descriptors side by side with a button under each; what the chosen grade still needs; the
best-practice example (when the scale asks for one); the narrative; the criteria and checklist;
the evidence; the actions. Every edit is an undoable command on the document; after each one the
page shows what the audit file holds (``refresh``), updating only widgets whose value differs so
the cursor is never lost while typing.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from s11audit.completeness import Completeness, Gap
from s11audit.standards import Standard
from s11audit.standards.model import Requirement
from s11audit.store import AnswerError
from s11audit.store.answers import normalise
from s11audit.store.rows import ResponseRow
from s11audit.ui.commands import SetAnswer, SetJudgement, SetStandardText
from s11audit.ui.criterion_panel import CriterionBlock, DerivedGrade, score_text, text_label
from s11audit.ui.document import AuditDocument
from s11audit.ui.elide import ElidedToolButton
from s11audit.ui.evidence_panel import EvidencePanel
from s11audit.ui.grade_chooser import GradeChooser
from s11audit.ui.item_editors import ItemEditor, make_editor
from s11audit.ui.personal_data_hint import PersonalDataHint
from s11audit.ui.standard_actions import StandardActions
from s11audit.ui.text_autosave import AutoSave, GrowingTextEdit

NARRATIVE_PLACEHOLDER = (
    "Explain your grade in your own words: what is in place, how you know it works in practice (audits, "
    "supervision, feedback from children, families and staff), what the evidence below shows, and what you "
    "still need to do. Name the evidence files you rely on. This is saved automatically as you type.")
# Standards format 2 grades criteria; a grade chooser there explains why a standard has no N/A.
CRITERIA_FORMAT = 2
NOTICE_STYLE = "background: #FDEBD0; color: #4A2500; border: 1px solid #E59866; border-radius: 4px; padding: 8px;"


def paragraphs_html(text: str) -> str:
    """Guidance is written hard-wrapped in YAML; reflow it into paragraphs (and "- " lines into a list)."""
    parts = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        bullets = [line[2:] for line in lines if line.startswith(("- ", "* "))]
        if bullets and len(bullets) == len(lines):
            parts.append("<ul>" + "".join(f"<li>{html.escape(b)}</li>" for b in bullets) + "</ul>")
        else:
            parts.append(f"<p>{html.escape(' '.join(lines))}</p>")
    return "".join(parts)


class StandardPane(QWidget):
    guidance_toggled = Signal(bool)

    @staticmethod
    def _briefings(document: AuditDocument, standard: Standard) -> QLabel | None:
        """What the business unit sent for this standard (last peer audit's recommendations, its
        note), shown above the grades so it is read before grading; None when there is nothing."""
        rows = document.assessment.briefings(standard.id)
        if not rows:
            return None
        parts = [f"<p><b>{html.escape(row.heading)}</b>"
                 + (f" <i>({html.escape(row.source)})</i>" if row.source else "")
                 + f"<br>{html.escape(row.text).replace(chr(10), '<br>')}</p>" for row in rows]
        label = text_label("".join(parts), rich=True)
        label.setProperty("role", "briefing")
        label.setAccessibleName(f"From the business unit for standard {standard.number}")
        return label

    def __init__(self, document: AuditDocument, standard: Standard, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.standard = standard
        self.stale = True  # shown values may be out of date; refreshed before the page is shown
        scale = document.assessment.standards_set.grade_scale
        self.setObjectName(f"standard_{standard.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 28)
        layout.setSpacing(10)
        self._build_heading(layout)

        self.grades: GradeChooser | None = None
        self.derived: DerivedGrade | None = None
        self.score: QLabel | None = None
        self.criteria: dict[str, CriterionBlock] = {}
        self.example_edit: GrowingTextEdit | None = None
        self.narrative: GrowingTextEdit | None = None
        self.evidence: EvidencePanel | None = None
        self.standard_actions: StandardActions | None = None
        if standard.graded:
            if standard.criteria:
                self._build_criteria(layout)
            self._build_grade(layout, scale)
            self._build_example(layout, scale)
            self._build_narrative(layout)
        else:
            layout.addWidget(text_label("This is an information section: answer its questions. It has no grade.",
                                   "color: #3E4C59; font-style: italic;"))
        self._build_items(layout, scale)
        if standard.graded:
            self._build_evidence_and_actions(layout)
        layout.addStretch(1)

    # --- building the parts of the page ------------------------------------------------------------

    def _build_heading(self, layout: QVBoxLayout) -> None:
        """The standard's heading, reference and intent, its guidance (shown on demand) and what the
        business unit sent for it."""
        standard = self.standard
        number = standard.number
        # Sizes are set in style.qss by role, relative to the text size (View > Text size).
        self.heading = text_label(standard.heading)
        self.heading.setProperty("role", "title")
        self.heading.setAccessibleName(f"Standard {standard.heading}")
        layout.addWidget(self.heading)
        if standard.statutory_reference:
            layout.addWidget(text_label(f"Statutory reference: {standard.statutory_reference}", "color: #3E4C59;"))
        layout.addWidget(text_label(standard.intent))
        self.guidance_button = ElidedToolButton()  # with large text the page may be narrower than its words
        self.guidance_button.setText("&Guidance: what good looks like and what evidence to offer")
        self.guidance_button.setCheckable(True)
        self.guidance_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.guidance_button.setArrowType(Qt.ArrowType.RightArrow)
        self.guidance_button.setAutoRaise(True)
        self.guidance_button.setAccessibleName(f"Show guidance for standard {number}")
        self.guidance_button.toggled.connect(self._guidance_toggled)
        self.guidance = text_label(paragraphs_html(standard.guidance), "background: #F4F6F7; padding: 4px 12px;",
                                   rich=True)
        self.guidance.setAccessibleName(f"Guidance for standard {number}")
        self.guidance.hide()
        layout.addWidget(self.guidance_button)
        layout.addWidget(self.guidance)
        if not standard.guidance.strip():
            self.guidance_button.hide()
        self.briefings = self._briefings(self.document, standard)
        if self.briefings is not None:
            layout.addWidget(self.briefings)

    def _build_evidence_and_actions(self, layout: QVBoxLayout) -> None:
        self._section(layout, "Evidence")
        self.evidence = EvidencePanel(self.document, self.standard)
        layout.addWidget(self.evidence)
        self._section(layout, "Actions")
        self.standard_actions = StandardActions(self.document, self.standard)
        layout.addWidget(self.standard_actions)
        for block in self.criteria.values():
            block.action_wanted.connect(self.standard_actions.add_action)

    def _build_criteria(self, layout: QVBoxLayout) -> None:
        criteria = self.standard.criteria_for(self.document.assessment.org_type)
        self._section(layout, f"Criteria ({len(criteria)})")
        layout.addWidget(text_label("Grade each criterion: read its descriptors and choose the one that fits your "
                               "organisation now. Tab moves from criterion to criterion; the arrow keys move between "
                               "the grades and Space or Return chooses one.", "color: #3E4C59;"))
        for index, criterion in enumerate(criteria):
            if index:
                layout.addWidget(self._rule(light=True))
            block = CriterionBlock(self.document, criterion)
            self.criteria[criterion.id] = block
            layout.addWidget(block)

    def _build_grade(self, layout: QVBoxLayout, scale) -> None:
        standard = self.standard
        self._section(layout, "Grade of the standard" if standard.criteria else "Grade")
        if standard.derived:
            self.derived = DerivedGrade(standard)
            layout.addWidget(self.derived)
        else:
            if standard.criteria:
                layout.addWidget(text_label("Choose the standard's grade yourself, with its criteria's grades above in "
                                       "mind.", "color: #3E4C59;"))
            explain = self.document.assessment.standards_set.format_version >= CRITERIA_FORMAT
            self.grades = GradeChooser(standard, scale, explain_no_na=explain)
            self.grades.chosen.connect(self._choose)
            self.grades.not_applicable_chosen.connect(self._choose_na)
            self.grades.cleared.connect(lambda: self._judge(None))
            self.grades.reason_saved.connect(lambda text: self._save_text("na_reason", text))
            self.grades.set_read_only(self.document.read_only)
            layout.addWidget(self.grades)
        self.score = text_label("", "font-weight: 600; color: #17324D;")
        self.score.setObjectName("standardScore")
        self.score.hide()
        layout.addWidget(self.score)
        self.notice = text_label("", NOTICE_STYLE)
        self.notice.setAccessibleName(f"What the grade of standard {standard.number} still needs")
        self.notice.hide()
        layout.addWidget(self.notice)

    def _build_example(self, layout: QVBoxLayout, scale) -> None:
        example_levels = [level.label for level in scale.levels if level.requires is Requirement.EXAMPLE]
        if not example_levels:
            return
        number = self.standard.number
        self._section(layout, "Best-practice example")
        layout.addWidget(text_label(f"Needed to choose {' or '.join(example_levels)}: describe one piece of practice "
                               "for this standard that others could learn from, and its impact for children.",
                               "color: #3E4C59;"))
        self.example_edit = GrowingTextEdit(min_lines=4, max_lines=20)
        self.example_edit.setPlaceholderText("What you did, for whom, and what changed for children as a result.")
        self.example_edit.setAccessibleName(f"Best-practice example for standard {number}")
        self.example_autosave = AutoSave(self.example_edit)
        self.example_autosave.save.connect(lambda text: self._save_text("example", text))
        self.example_edit.setReadOnly(self.document.read_only)
        layout.addWidget(self.example_edit)

    def _build_narrative(self, layout: QVBoxLayout) -> None:
        self._section(layout, "Narrative")
        self.narrative = GrowingTextEdit(min_lines=10, max_lines=40)
        self.narrative.setPlaceholderText(NARRATIVE_PLACEHOLDER)
        self.narrative.setAccessibleName(f"Narrative for standard {self.standard.number}")
        self.narrative.setAccessibleDescription("Why you chose this grade. Saved automatically as you type.")
        self.narrative_autosave = AutoSave(self.narrative)
        self.narrative_autosave.save.connect(lambda text: self._save_text("narrative", text))
        self.narrative.setReadOnly(self.document.read_only)
        layout.addWidget(self.narrative)
        # Under the box, never in the way: a narrative explains practice, it need not name a child.
        self.narrative_hint = PersonalDataHint(self.narrative, f"narrative for standard {self.standard.number}")
        layout.addWidget(self.narrative_hint)

    def _build_items(self, layout: QVBoxLayout, scale) -> None:
        standard = self.standard
        items = standard.items_for(self.document.assessment.org_type)
        self.editors: dict[str, ItemEditor] = {}
        self.items_note = text_label("", "color: #3E4C59; font-style: italic;")
        if not items and (standard.criteria or not standard.graded):
            return  # the criteria (or the note above) say it all
        title = ("Questions" if not standard.graded else "Checklist" if standard.criteria
                 else "Criteria and checklist")
        self._section(layout, f"{title} ({len(items)})")
        layout.addWidget(self.items_note)
        for index, item in enumerate(items):
            if index:
                layout.addWidget(self._rule(light=True))
            editor = make_editor(item, scale)
            editor.answered.connect(self._answer)
            editor.set_read_only(self.document.read_only)
            self.editors[item.id] = editor
            layout.addWidget(editor)
        if not items:
            self.items_note.setText("This standard has no criteria or checklist items for your organisation.")

    @staticmethod
    def _rule(light: bool = False) -> QFrame:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet(f"color: {'#E5E7E9' if light else '#BFC5C9'};")
        return line

    def _section(self, layout: QVBoxLayout, title: str) -> None:
        layout.addSpacing(8)
        layout.addWidget(self._rule())
        label = QLabel(title)
        label.setProperty("role", "section")  # style.qss
        layout.addWidget(label)

    # --- showing what the audit file holds --------------------------------------------------------

    def refresh(self, completeness: Completeness) -> None:
        assessment = self.document.assessment
        response = assessment.response(self.standard.id)
        read_only = self.document.read_only
        responses = assessment.responses() if self.standard.criteria else {}
        if self.grades is not None:
            self.grades.show_response(response, read_only)
        if self.derived is not None:
            self._show_derived(response, responses)
        if self.standard.graded:
            self._show_notices(completeness, response.grade)
        if self.score is not None:  # a graded standard's
            score = score_text(self.standard, self.document, responses) if self.standard.criteria else ""
            self.score.setText(score)
            self.score.setVisible(bool(score))
        for criterion_id, block in self.criteria.items():
            block.refresh(completeness, responses.get(criterion_id) or ResponseRow(criterion_id))
        if self.narrative is not None:
            self.narrative_autosave.show_text(response.narrative)
        if self.example_edit is not None:
            self.example_autosave.show_text(response.example)
        answers = assessment.answers()
        for item_id, editor in self.editors.items():
            editor.show_value(answers.get(item_id))
        if self.editors:
            self.items_note.setText("This standard is marked not applicable, so its criteria do not need answers."
                                    if response.not_applicable else "")
        self.items_note.setVisible(bool(self.items_note.text()))
        if self.evidence is not None:
            self.evidence.refresh()
        if self.standard_actions is not None:
            self.standard_actions.refresh()
        self.stale = False

    def _show_derived(self, response: ResponseRow, responses: dict[str, ResponseRow]) -> None:
        if self.derived is None:
            return
        counted = [c for c in self.standard.criteria_for(self.document.assessment.org_type)
                   if not (responses.get(c.id) and responses[c.id].not_applicable)]
        graded = sum(1 for c in counted if responses.get(c.id) and responses[c.id].grade)
        scale = self.document.assessment.standards_set.grade_scale
        level = scale.level(response.grade) if response.grade and scale.has_level(response.grade) else None
        self.derived.show_grade(level.label if level else "", level.colour if level else "", graded, len(counted))

    def _show_notices(self, completeness: Completeness, grade: str | None) -> None:
        scale = self.document.assessment.standards_set.grade_scale
        label = scale.level(grade).label if grade else ""
        lines = []
        for missing in completeness.for_standard(self.standard.id):
            if missing.item_id:
                continue  # an item's or criterion's own gap is shown beside it
            if missing.gap is Gap.NEEDS_ACTION:
                lines.append(f"{label} needs at least one action: add one under Actions below.")
            elif missing.gap is Gap.NEEDS_EVIDENCE:
                lines.append(f"{label} may only be chosen with evidence: add or link evidence under Evidence below.")
            elif missing.gap is Gap.NEEDS_EXAMPLE:
                lines.append(f"{label} needs a best-practice example: write it under Best-practice example below.")
            elif missing.gap is Gap.NA_REASON:
                lines.append("Not applicable needs a reason: say why this standard does not apply to you.")
        self.notice.setText("\n".join(f"\u26a0 {line}" for line in lines))
        self.notice.setVisible(bool(lines))

    def set_guidance_expanded(self, expanded: bool) -> None:
        self.guidance_button.setChecked(expanded)

    def _guidance_toggled(self, expanded: bool) -> None:
        self.guidance.setVisible(expanded)
        self.guidance_button.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        verb = "Hide" if expanded else "Show"
        self.guidance_button.setAccessibleName(f"{verb} guidance for standard {self.standard.number}")
        self.guidance_toggled.emit(expanded)

    # --- edits -------------------------------------------------------------------------------------

    def _choose(self, level_id: str) -> None:
        response = self.document.assessment.response(self.standard.id)
        if response.grade != level_id or response.not_applicable:
            self._judge(level_id)

    def _judge(self, level_id: str | None) -> None:
        self.document.push(SetJudgement(self.document, self.standard.id, level_id))

    def _choose_na(self) -> None:
        response = self.document.assessment.response(self.standard.id)
        if not response.not_applicable:
            self.document.push(SetJudgement(self.document, self.standard.id, None, not_applicable=True))
        grades = self.grades  # this is its signal's slot, so it is there
        if grades is not None and grades.reason_box is not None and not response.na_reason.strip():
            grades.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_text(self, field: str, text: str) -> None:
        if getattr(self.document.assessment.response(self.standard.id), field) != text:
            self.document.push(SetStandardText(self.document, self.standard.id, field, text))

    def _answer(self, item_id: str, value: Any) -> None:
        assessment = self.document.assessment
        editor = self.editors[item_id]
        stored = assessment.answer(item_id)
        try:
            unchanged = normalise(editor.item, value, assessment.standards_set.grade_scale) == stored
        except AnswerError:
            unchanged = False  # let the command report the problem in the core's words
        if unchanged:
            editor.show_error("")
            editor.show_value(stored)
            return
        command = SetAnswer(self.document, item_id, value)
        self.document.push(command)
        editor.show_error(command.failed_message)

    # --- focus and saving --------------------------------------------------------------------------

    def focus_item(self, item_id: str) -> QWidget | None:
        """Focus an item's editor or a criterion's grades; returns the widget to scroll to."""
        editor = self.editors.get(item_id)
        if editor is not None:
            editor.focus_editor()
            return editor
        block = self.criteria.get(item_id)
        if block is not None:
            block.focus()
        return block

    def focus_first(self) -> None:
        if self.criteria:
            next(iter(self.criteria.values())).focus()
        elif self.grades is not None:
            self.grades.first_button().setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.editors:
            next(iter(self.editors.values())).focus_editor()

    def flush_pending(self) -> None:
        """Save whatever was typed but is still waiting for the pause in typing."""
        if self.narrative is not None:
            self.narrative_autosave.flush_pending()
        if self.example_edit is not None:
            self.example_autosave.flush_pending()
        if self.grades is not None:
            self.grades.flush_pending()
        for block in self.criteria.values():
            block.flush_pending()
        for editor in self.editors.values():
            editor.flush_pending()
