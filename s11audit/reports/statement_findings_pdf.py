"""The findings of an annual compliance statement cycle as a PDF for a partnership's annual report.

Title page (cycle, what it is based on, statements received and flagged, how to read action progress),
% of organisations confirming each standard (a bar chart and its figures), the standards that declined
(who, what changed, the grade before and after), action progress overall and per standard, the overdue
actions to chase (without contacts: a published report names no one's email), and an appendix with each
organisation's action history (the baseline, each earlier statement, this one) and its new actions.
Styles, tables and escaping come from ``pdf_parts`` (every text from a return goes through it), the page
header, "Page N of M" and outline from the return PDF's document; written through ``atomic``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from s11audit import __version__
from s11audit.business_unit.statements import CATEGORIES, CATEGORY_WORDS, OrganisationHistory, StatementFigures
from s11audit.figures import percent_text
from s11audit.reports import findings_charts as charts
from s11audit.reports import pdf_parts as parts
from s11audit.reports import statement_findings as words
from s11audit.reports.atomic import atomic_output
from s11audit.reports.fonts import register_fonts
from s11audit.reports.pdf import _numbered_canvas, _ReturnDocument

if TYPE_CHECKING:
    from s11audit.standards import StandardsSet

CONFIRMING_COLOUR = "#1F6F8B"
NUMBER_WIDTH = 1.3 * cm
CYCLE_WIDTH = 3.4 * cm  # a cycle's column in the action history, at most
ACTION_WIDTH = 4.5 * cm  # the action's column in the action history, at least


class _Context:
    """What every section needs: the figures, the styles and the labels of standards and grades."""

    def __init__(self, figures: StatementFigures, standards_set: StandardsSet | None):
        self.figures = figures
        self.styles = parts.make_styles()
        # Room above a section that follows a table on the same page (none at the top of a page).
        self.styles["Section"] = ParagraphStyle("Section", parent=self.styles["Section"], spaceBefore=16)
        self.labels = words.standard_labels(figures, standards_set)
        self.numbers = words.standard_numbers(figures, standards_set)
        self.grades = words.grade_labels(standards_set)
        self.right = ParagraphStyle("CellRight", parent=self.styles["Cell"], alignment=TA_RIGHT)

    def figure(self, text: str) -> Paragraph:
        """A table cell holding a figure, right-aligned (a cell's ALIGN does not move a paragraph)."""
        return Paragraph(parts.esc(text), self.right)

    def label(self, standard_id: str) -> str:
        return self.labels.get(standard_id, f"Standard {standard_id}")

    def body(self, text: str) -> Paragraph:
        return Paragraph(parts.esc(text), self.styles["Body"])


def _cover(c: _Context, partnership: str, produced: dt.date, standards_set: StandardsSet | None) -> list[Flowable]:
    f, styles = c.figures, c.styles
    details = [("Cycle", f.cycle), ("Based on", words.basis_text(f))]
    if standards_set is not None:
        details.append(("Standards set", f"{standards_set.title}, version {standards_set.version}"))
    details += [("Statements", words.statements_text(f)), ("Progress as at", words.day(f.as_of)),
                ("Produced", words.day(produced))]
    rows: list[list[parts.Cell]] = [["Action progress", "What it means"]]
    rows += [[name, meaning] for name, meaning in words.category_definitions(f)]
    return [Spacer(1, 1.5 * cm), Paragraph(words.KIND, styles["Kicker"]),
            parts.text_block(partnership or "Safeguarding partnership", styles["CoverTitle"]),
            Paragraph(parts.esc(f"{f.cycle}: findings from the organisations\u2019 statements"),
                      styles["CoverSubtitle"]),
            Spacer(1, 0.6 * cm), parts.details_table(details, styles), Spacer(1, 0.6 * cm),
            Paragraph("How to read these findings", styles["Heading"]),
            c.body("Between full audits each organisation makes an annual compliance statement: for each standard "
                   "whether it is still as at the baseline, has improved or has declined (saying what changed), and "
                   "the progress of each action still open at the baseline. \u201cConfirming\u201d a standard means "
                   "saying it is still as at the baseline or has improved."),
            parts.grid(rows, [4 * cm, parts.WIDTH - 4 * cm], styles),
            *([Spacer(1, 0.3 * cm), Paragraph(parts.esc(
                f"{f.flagged:,} statement{'' if f.flagged == 1 else 's'} flagged for a decision (the baseline not "
                "held, or signed with another key) are counted here as they stand."), styles["Small"])]
              if f.flagged else []),
            PageBreak()]


def _confirmation(c: _Context) -> list[Flowable]:
    f, styles = c.figures, c.styles
    story: list[Flowable] = [Paragraph("Standards confirmed", styles["Section"])]
    if not f.confirmation:
        return [*story, c.body("No statement answered any standard.")]
    story += [c.body("Organisations saying each standard is still as at the baseline or has improved, as a "
                     "percentage of the statements answering it."),
              charts.meeting_chart([(c.label(s.standard_id), s.percent_confirming) for s in f.confirmation],
                                   CONFIRMING_COLOUR, parts.WIDTH),
              Spacer(1, 0.4 * cm)]
    rows: list[list[parts.Cell]] = [["Standard", "Answered", "Still as at the baseline", "Improved", "Declined",
                                     "Confirming"]]
    rows += [[c.label(s.standard_id), *map(c.figure, (f"{s.answered:,}", f"{s.same:,}", f"{s.improved:,}",
                                                      f"{s.declined:,}", percent_text(s.percent_confirming)))]
             for s in f.confirmation]
    return [*story, parts.grid(rows, [6.6 * cm, 2 * cm, 2.4 * cm, 2 * cm, 2 * cm, 2 * cm], styles)]


def _declines(c: _Context) -> list[Flowable]:
    f, styles = c.figures, c.styles
    story: list[Flowable] = [CondPageBreak(6 * cm), Paragraph("Standards that declined", styles["Section"])]
    if not f.declines:
        return [*story, c.body("No organisation said a standard had declined.")]
    story.append(c.body(f"{len(f.declines):,} time{'' if len(f.declines) == 1 else 's'} an organisation said a "
                        "standard had declined since the baseline: what it said changed, and its grade at the "
                        "baseline and now."))
    rows: list[list[parts.Cell]] = [["Standard", "Organisation", "What changed", "Grade"]]
    rows += [[c.label(d.standard_id), d.organisation, d.narrative,
              words.grade_change(d.baseline_grade, d.new_grade, c.grades)] for d in f.declines]
    return [*story, parts.grid(rows, [4.4 * cm, 3.6 * cm, 6.2 * cm, 2.8 * cm], styles)]


def _progress(c: _Context) -> list[Flowable]:
    f, styles = c.figures, c.styles
    story: list[Flowable] = [CondPageBreak(8 * cm), Paragraph("Action progress", styles["Section"])]
    if not f.progress.total:
        return [*story, c.body("The statements report no action still open at the baseline.")]
    story.append(c.body(words.progress_intro(f)))
    overall: list[list[parts.Cell]] = [["Progress", "Actions", "Share"]]
    overall += [[name, c.figure(f"{n:,}"), c.figure(share)] for name, n, share in words.tally_rows(f.progress)]
    overall.append([Paragraph("<b>All actions</b>", styles["Cell"]), c.figure(f"{f.progress.total:,}"),
                    c.figure("100%")])
    story += [CondPageBreak(5 * cm), Paragraph("Overall", styles["Heading"]),
              parts.grid(overall, [7 * cm, 2.4 * cm, 2.4 * cm], styles)]
    heads: list[parts.Cell] = ["Standard", *(CATEGORY_WORDS[k].capitalize() for k in CATEGORIES), "All"]
    rows: list[list[parts.Cell]] = [heads]
    rows += [[c.label(sid), *(c.figure(words.count_and_percent(t, k)) for k in CATEGORIES), c.figure(f"{t.total:,}")]
             for sid, t in f.progress_by_standard.items()]
    story += [CondPageBreak(4 * cm), Paragraph("By standard", styles["Heading"]),
              Paragraph("Actions in each category, and their share of the standard\u2019s actions.", styles["Small"]),
              parts.grid(rows, [4.6 * cm] + [2.1 * cm] * len(CATEGORIES) + [1.9 * cm], styles)]
    return story


def _chase(c: _Context) -> list[Flowable]:
    f, styles = c.figures, c.styles
    story: list[Flowable] = [CondPageBreak(4.5 * cm), Paragraph("Overdue actions", styles["Section"])]
    if not f.chase:
        return [*story, c.body(f"No action was overdue on {words.day(f.as_of)}.")]
    story.append(c.body(f"{len(f.chase):,} action{' was' if len(f.chase) == 1 else 's were'} not complete and past "
                        f"{'its' if len(f.chase) == 1 else 'their'} due date on {words.day(f.as_of)}, longest "
                        "overdue first. (Whom to contact is in the workbook.)"))
    rows: list[list[parts.Cell]] = [["Organisation", "No.", "Action", "Due", "Days overdue"]]
    rows += [[item.organisation, c.numbers.get(item.standard_id, item.standard_id), item.action,
              words.day(item.due_on), c.figure(f"{item.days_overdue:,}")] for item in f.chase]
    first = parts.id_width([r[1] for r in rows[1:]], NUMBER_WIDTH)
    return [*story, parts.grid(rows, [4.2 * cm, first, 8.2 * cm - first, 2.4 * cm, 2.2 * cm], styles)]


def _history(c: _Context, history: OrganisationHistory) -> list[Flowable]:
    f, styles = c.figures, c.styles
    cycles = words.history_cycles(f)
    heading = f"{history.organisation} ({history.reference})" if history.reference else history.organisation
    head: list[Flowable] = [Paragraph(parts.esc(heading), styles["Heading"])]
    if history.flag:
        # Why is in the workbook: the published report only says its figures may change with the decision.
        head.append(Paragraph("Its statement is flagged for the business unit\u2019s decision; it is counted as it "
                              "stands.", styles["Small"]))
    story: list[Flowable] = []
    if history.steps:
        first = parts.id_width([c.numbers.get(s.standard_id, s.standard_id) for s in history.steps], NUMBER_WIDTH)
        column = min(CYCLE_WIDTH, (parts.WIDTH - first - ACTION_WIDTH) / (len(cycles) + 1))
        rows: list[list[parts.Cell]] = [["No.", "Action", f"Baseline {f.baseline_cycle}".strip(), *cycles]]
        for step in history.steps:
            stages = {s.cycle: s for s in words.stages(step, f.cycle, f.earlier_cycles)}
            rows.append([c.numbers.get(step.standard_id, step.standard_id), step.action, words.baseline_text(step),
                         *(words.stage_text(stages[name], step.due_on) if name in stages else "\u2013"
                           for name in cycles)])
        story.append(parts.grid(rows, [first, parts.WIDTH - first - column * (len(cycles) + 1)]
                                + [column] * (len(cycles) + 1), styles))
    else:
        story.append(c.body("No action was open at the baseline."))
    new = words.new_actions(history, f.cycle)
    if new:
        rows = [["Set in", "No.", "New action", "Due"]]
        rows += [[cycle, c.numbers.get(str(entry.get("standard_id", "")), str(entry.get("standard_id", ""))),
                  str(entry.get("action") or ""), words.day(words.action_due(entry)) or "no date"]
                 for cycle, entry in new]
        story += [Spacer(1, 0.15 * cm), parts.grid(rows, [2.2 * cm, NUMBER_WIDTH, 11.1 * cm, 2.4 * cm], styles)]
    # The heading stays with the first rows of its table (a long table still splits across pages).
    return [CondPageBreak(4 * cm), KeepTogether(head), *story, Spacer(1, 0.3 * cm)]


def _appendix(c: _Context) -> list[Flowable]:
    if not c.figures.histories:
        return []
    cycles = words.history_cycles(c.figures)
    story: list[Flowable] = [
        PageBreak(), Paragraph("Appendix: action history by organisation", c.styles["Section"]),
        c.body(f"Each action still open at the baseline ({c.figures.baseline_cycle}) as the baseline had it and as "
               f"the statement{'s' if len(cycles) > 1 else ''} of {', '.join(cycles)} reported it, then the new "
               "actions the statements set.")]
    for history in c.figures.histories:
        story += _history(c, history)
    return story


def write_statement_pdf(figures: StatementFigures, out_path: Path | str, *, partnership: str = "",
                        business_unit: str = "", standards_set: StandardsSet | None = None,
                        produced: dt.date | None = None) -> Path:
    """Write the statement findings PDF to ``out_path`` atomically; returns the path. ``business_unit``
    is the PDF's author (default ``partnership``). Raises ``ReportError`` naming the file if it cannot be
    written."""
    register_fonts()
    c = _Context(figures, standards_set)
    story = _cover(c, partnership, produced or dt.date.today(), standards_set)
    story += _confirmation(c) + _declines(c) + _progress(c) + _chase(c) + _appendix(c)
    header = " \u2013 ".join(x for x in (partnership, figures.cycle, words.KIND, "Findings") if x)
    with atomic_output(out_path) as temp:
        doc = _ReturnDocument(str(temp), **parts.document_properties(
            f"Findings: {words.title(figures)}", f"{words.KIND} findings, based on {figures.baseline_cycle}",
            business_unit or partnership))
        doc.build(story, canvasmaker=_numbered_canvas(header, f"Produced with s11audit {__version__}"))
    return Path(out_path)


__all__ = ["write_statement_pdf"]
