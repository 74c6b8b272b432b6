"""The parts of the return PDF that standards format 2 adds: part headings, the table of a standard's
graded criteria, and answers that need more than one line (ticked options, dates with how recent
they must be). User and standards text is always escaped (``pdf_parts.esc`` / ``text_block``).
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from s11audit.dates import ACADEMIC_YEAR, describe, within_window
from s11audit.reports import pdf_parts as parts
from s11audit.reports.common import RAG_COLOURS, judgement
from s11audit.standards.model import Group, ItemType
from s11audit.store.rows import ResponseRow

OUT_OF_DATE = RAG_COLOURS["red"]
TICK = "\u2713"
CRITERIA_WIDTHS = [1.1 * cm, 7.6 * cm, 3 * cm, 5.3 * cm]


def part_heading(group: Group, styles) -> list[Flowable]:
    """A part's title (an outline entry) and its intro, above the first standard of the part."""
    story: list[Flowable] = [CondPageBreak(6 * cm), Paragraph(parts.esc(group.title), styles["PartHeading"])]
    if group.intro:
        story.append(parts.text_block(group.intro, styles["PartIntro"]))
    return story


def within_words(within: str) -> str:
    """A date item's rule as a sentence ending: "within the last 12 months", "in this academic year"."""
    return "in this academic year" if within == ACADEMIC_YEAR else f"within the last {describe(within)}"


def answer_cell(assessment, item, value, reference: dt.date, styles) -> str | list[Flowable]:
    """An answer as the checklist shows it: ticked options one a line; a date with its rule, flagged
    when it is older than the rule allows on ``reference`` (the day of sign-off)."""
    if value is None:
        return "Not answered"
    if item.type is ItemType.MULTI_CHOICE and isinstance(value, list):
        return [Paragraph(f"{TICK} {parts.esc(choice)}", styles["CellTick"]) for choice in value]
    shown = assessment.shown_answer(item.id, value) or "Not answered"
    if item.type is not ItemType.DATE or not item.within:
        return shown
    cell: list[Flowable] = [parts.text_block(shown, styles["Cell"])]
    if within_window(value, item.within, reference):
        cell.append(Paragraph(parts.esc(f"Should be {within_words(item.within)}."), styles["CellNote"]))
    else:
        day = reference.strftime("%d %B %Y").lstrip("0")
        cell.append(Paragraph(f'<font color="{OUT_OF_DATE}"><b>Out of date:</b></font> '
                              + parts.esc(f"should be {within_words(item.within)} (checked on {day})."),
                              styles["CellNote"]))
    return cell


def _criterion_cell(criterion, response: ResponseRow, evidence, actions, styles) -> list[Flowable]:
    cell: list[Flowable] = [parts.text_block(criterion.text, styles["Cell"])]
    if criterion.reference:
        cell.append(Paragraph(f"<i>Reference: {parts.esc(criterion.reference)}</i>", styles["CellNote"]))
    if response.narrative:
        cell.append(Paragraph("<b>Comments</b>", styles["CellLabel"]))
        cell += parts.paragraphs(response.narrative, styles["CellPara"])
    if response.example:
        cell.append(Paragraph("<b>Best-practice example</b>", styles["CellLabel"]))
        cell += parts.paragraphs(response.example, styles["CellPara"])
    files = [e.name for e in evidence if any(iid == criterion.id for _, iid in e.links)]
    if files:
        cell.append(Paragraph("<b>Evidence:</b> " + parts.esc("; ".join(files)), styles["CellNote"]))
    linked = [a for a in actions if getattr(a, "criterion_id", "") == criterion.id]
    if linked:
        word = "action" if len(linked) == 1 else "actions"
        cell.append(Paragraph(parts.esc(f"{len(linked)} {word} in the action plan"), styles["CellNote"]))
    return cell


def criteria_table(assessment, standard, responses, evidence, actions, styles) -> Flowable:
    """One row per criterion that applies: number; text, reference, comments and evidence; the grade
    in its colour (or N/A); and the descriptor of the grade given (or the reason it is N/A)."""
    rows: list[list[parts.Cell]] = [["No.", "Criterion, comments and reference", "Grade",
                                     "Descriptor of the grade given"]]
    extra: list[tuple] = []
    for index, criterion in enumerate(standard.criteria_for(assessment.org_type), start=1):
        response = responses.get(criterion.id) or ResponseRow(criterion.id)
        grade = judgement(assessment, criterion, response)
        if response.not_applicable:
            meaning = [Paragraph("<b>Reason not applicable</b>", styles["CellLabel"]),
                       *parts.paragraphs(response.na_reason or "No reason given.", styles["Cell"])]
        else:
            meaning = [parts.text_block(grade.descriptor, styles["Cell"])]
        rows.append([criterion.number, _criterion_cell(criterion, response, evidence, actions, styles),
                     parts.coloured(grade.label, grade.colour, styles), meaning])
        extra.append(("BACKGROUND", (2, index), (2, index), colors.HexColor(grade.colour)))
    first = parts.id_width([row[0] for row in rows[1:]], CRITERIA_WIDTHS[0])
    widths = [first, CRITERIA_WIDTHS[1] - (first - CRITERIA_WIDTHS[0]), *CRITERIA_WIDTHS[2:]]
    return parts.grid(rows, widths, styles, extra)
