"""The findings of an annual compliance statement cycle as an editable, accessible Word document.

The same findings as the PDF (``statement_findings_pdf``), in the form a business unit pastes into its
annual report: the title and details, how to read action progress, % confirming each standard (a chart
whose alternative text states its figures, and the same figures as a table), the standards that
declined, action progress overall and per standard, the overdue actions (no contacts: a published
report names no one's email), and an appendix with each organisation's action history.

Accessible as the full findings' Word document is (``findings_docx``, whose parts it uses): title,
subject, author and language en-GB; real headings in order (Title, Heading 1, Heading 2); every table
with a description and a header row that repeats on each page; text from returns only as text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document

from s11audit import __version__
from s11audit.business_unit.statements import CATEGORIES, CATEGORY_WORDS, OrganisationHistory, StatementFigures
from s11audit.figures import percent_text
from s11audit.reports import findings_png
from s11audit.reports import statement_findings as words
from s11audit.reports.atomic import atomic_output
from s11audit.reports.findings_docx import _fonts, _footer, _language, _page, picture, table

if TYPE_CHECKING:
    from s11audit.standards import StandardsSet

CONFIRMING_COLOUR = "#1F6F8B"


class _Writer:
    def __init__(self, document, figures: StatementFigures, standards_set: StandardsSet | None):
        self.doc, self.figures = document, figures
        self.labels = words.standard_labels(figures, standards_set)
        self.numbers = words.standard_numbers(figures, standards_set)
        self.grades = words.grade_labels(standards_set)

    def label(self, standard_id: str) -> str:
        return self.labels.get(standard_id, f"Standard {standard_id}")

    def para(self, text: str) -> None:
        self.doc.add_paragraph(text)

    def details(self, partnership: str, standards_set: StandardsSet | None, produced: dt.date) -> None:
        f = self.figures
        rows = ([["Partnership", partnership]] if partnership else []) + [["Cycle", f.cycle],
                                                                        ["Based on", words.basis_text(f)]]
        if standards_set is not None:
            rows.append(["Standards set", standards_set.display_name])
        rows += [["Statements", words.statements_text(f)], ["Progress as at", words.day(f.as_of)],
                 ["Produced", words.day(produced)]]
        table(self.doc, ["Detail", "Value"], rows, [5, 12], caption="About these findings")
        self.doc.add_heading("How to read these findings", level=1)
        self.para("Between full audits each organisation makes an annual compliance statement: for each standard "
                  "whether it is still as at the baseline, has improved or has declined (saying what changed), and "
                  "the progress of each action still open at the baseline. \u201cConfirming\u201d a standard means "
                  "saying it is still as at the baseline or has improved.")
        table(self.doc, ["Action progress", "What it means"], [list(p) for p in words.category_definitions(f)],
              [4, 13], caption="The categories of action progress")
        if f.flagged:
            self.para(f"{f.flagged:,} statement{'' if f.flagged == 1 else 's'} flagged for a decision (the baseline "
                      "not held, or signed with another key) are counted here as they stand.")

    def confirmation(self) -> None:
        f = self.figures
        self.doc.add_heading("Standards confirmed", level=1)
        if not f.confirmation:
            self.para("No statement answered any standard.")
            return
        self.para("Organisations saying each standard is still as at the baseline or has improved, as a percentage "
                  "of the statements answering it.")
        shown: list[tuple[str, float | None]] = [(self.label(s.standard_id), s.percent_confirming)
                                                 for s in f.confirmation]
        alt = "Bar chart of the percentage of organisations confirming each standard: " + "; ".join(
            f"{label}: {percent_text(value)}" for label, value in shown) + "."
        picture(self.doc, findings_png.meeting_png(shown, CONFIRMING_COLOUR), alt, "Standards confirmed")
        table(self.doc, ["Standard", "Answered", "Still as at the baseline", "Improved", "Declined", "Confirming"],
              [[self.label(s.standard_id), f"{s.answered:,}", f"{s.same:,}", f"{s.improved:,}", f"{s.declined:,}",
                percent_text(s.percent_confirming)] for s in f.confirmation],
              [6.6, 2, 2.4, 2, 2, 2], numeric_from=1, caption="Statements confirming each standard")

    def declines(self) -> None:
        f = self.figures
        self.doc.add_heading("Standards that declined", level=1)
        if not f.declines:
            self.para("No organisation said a standard had declined.")
            return
        self.para("Each time an organisation said a standard had declined since the baseline: what it said changed, "
                  "and its grade at the baseline and now.")
        table(self.doc, ["Standard", "Organisation", "What changed", "Grade"],
              [[self.label(d.standard_id), d.organisation, d.narrative,
                words.grade_change(d.baseline_grade, d.new_grade, self.grades)] for d in f.declines],
              [4.4, 3.6, 6.2, 2.8], caption="Standards that declined, by organisation")

    def progress(self) -> None:
        f = self.figures
        self.doc.add_heading("Action progress", level=1)
        if not f.progress.total:
            self.para("The statements report no action still open at the baseline.")
            return
        self.para(words.progress_intro(f))
        self.doc.add_heading("Overall", level=2)
        table(self.doc, ["Progress", "Actions", "Share"],
              [[name, f"{n:,}", share] for name, n, share in words.tally_rows(f.progress)]
              + [["All actions", f"{f.progress.total:,}", "100%"]],
              [7, 2.4, 2.4], numeric_from=1, caption="Action progress, all standards")
        self.doc.add_heading("By standard", level=2)
        table(self.doc, ["Standard", *(CATEGORY_WORDS[k].capitalize() for k in CATEGORIES), "All"],
              [[self.label(sid), *(words.count_and_percent(t, k) for k in CATEGORIES), f"{t.total:,}"]
               for sid, t in f.progress_by_standard.items()],
              [4.6] + [2.1] * len(CATEGORIES) + [1.4], numeric_from=1,
              caption="Action progress by standard: actions in each category and their share")

    def chase(self) -> None:
        f = self.figures
        self.doc.add_heading("Overdue actions", level=1)
        if not f.chase:
            self.para(f"No action was overdue on {words.day(f.as_of)}.")
            return
        self.para(f"{len(f.chase):,} action{' was' if len(f.chase) == 1 else 's were'} not complete and past "
                  f"{'its' if len(f.chase) == 1 else 'their'} due date on {words.day(f.as_of)}, longest overdue "
                  "first. (Whom to contact is in the workbook.)")
        table(self.doc, ["Organisation", "No.", "Action", "Due", "Days overdue"],
              [[c.organisation, self.numbers.get(c.standard_id, c.standard_id), c.action, words.day(c.due_on),
                f"{c.days_overdue:,}"] for c in f.chase],
              [4.2, 1.3, 6.9, 2.4, 2.2], caption="Overdue actions, longest overdue first")

    def appendix(self) -> None:
        f = self.figures
        if not f.histories:
            return
        cycles = words.history_cycles(f)
        self.doc.add_heading("Appendix: action history by organisation", level=1)
        self.para(f"Each action still open at the baseline ({f.baseline_cycle}) as the baseline had it and as the "
                  f"statement{'s' if len(cycles) > 1 else ''} of {', '.join(cycles)} reported it, then the new "
                  "actions the statements set.")
        for history in f.histories:
            self.history(history, cycles)

    def history(self, history: OrganisationHistory, cycles: list[str]) -> None:
        f = self.figures
        name = f"{history.organisation} ({history.reference})" if history.reference else history.organisation
        self.doc.add_heading(name, level=2)
        if history.flag:
            # Why is in the workbook: the published report only says its figures may change with the decision.
            self.para("Its statement is flagged for the business unit\u2019s decision; it is counted as it stands.")
        if history.steps:
            column = min(3.4, 11 / (len(cycles) + 1))
            rows = []
            for step in history.steps:
                stages = {s.cycle: s for s in words.stages(step, f.cycle, f.earlier_cycles)}
                rows.append([self.numbers.get(step.standard_id, step.standard_id), step.action,
                             words.baseline_text(step),
                             *(words.stage_text(stages[c], step.due_on) if c in stages else "\u2013" for c in cycles)])
            table(self.doc, ["No.", "Action", f"Baseline {f.baseline_cycle}".strip(), *cycles], rows,
                  [1.3, 15.7 - column * (len(cycles) + 1)] + [column] * (len(cycles) + 1),
                  caption=f"Action history of {history.organisation}")
        else:
            self.para("No action was open at the baseline.")
        new = words.new_actions(history, f.cycle)
        if new:
            table(self.doc, ["Set in", "No.", "New action", "Due"],
                  [[cycle, self.numbers.get(str(e.get("standard_id", "")), str(e.get("standard_id", ""))),
                    str(e.get("action") or ""), words.day(words.action_due(e)) or "no date"] for cycle, e in new],
                  [2.2, 1.3, 11.1, 2.4], caption=f"New actions set by {history.organisation}")


def _build(figures: StatementFigures, *, partnership: str, business_unit: str, standards_set: StandardsSet | None,
           produced: dt.date):
    document = Document()
    _page(document)
    _fonts(document)
    _language(document)
    title = f"Findings: {words.title(figures)}"
    properties = document.core_properties
    properties.title = title
    properties.subject = f"{words.KIND} findings, based on {figures.baseline_cycle}"
    properties.author = business_unit or partnership or "Safeguarding partnership business unit"
    properties.comments = f"Produced with s11audit {__version__}"
    properties.keywords = "safeguarding; annual compliance statement; action progress; findings"
    properties.last_modified_by = properties.author
    properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    _footer(document, title)
    writer = _Writer(document, figures, standards_set)
    document.add_heading(title, level=0)
    if business_unit or partnership:
        writer.para(business_unit or partnership)
    writer.details(partnership, standards_set, produced)
    writer.confirmation()
    writer.declines()
    writer.progress()
    writer.chase()
    writer.appendix()
    return document


def write_statement_docx(figures: StatementFigures, out_path: Path | str, *, partnership: str = "",
                         business_unit: str = "", standards_set: StandardsSet | None = None,
                         produced: dt.date | None = None) -> Path:
    """Write the statement findings as a Word document, atomically; returns the path. Raises ``ReportError``
    naming the file if it cannot be written."""
    with atomic_output(out_path) as temp:  # a folder that cannot be written to is refused before any work
        _build(figures, partnership=partnership, business_unit=business_unit, standards_set=standards_set,
               produced=produced or dt.date.today()).save(str(temp))
    return Path(out_path)


__all__ = ["write_statement_docx"]
