"""The findings of an annual compliance statement cycle (issue 16) as a PDF, a workbook and a Word document.

:func:`write_statement_reports` writes whichever of the three it is given a path for, each atomically,
from one ``StatementFigures`` (``business_unit.statements``): statements received and flagged, % of
organisations confirming each standard, the standards that declined, action progress overall and per
standard, the overdue actions to chase and, per organisation, each baseline action's history (the
baseline, each earlier statement, this one) with the new actions each statement set.

The rest of this module is what the three documents share, so that they say the same thing in the same
words: a standard's label, a grade's label, an action's stage in words. The published documents (PDF and
Word) leave out the contacts' names and email addresses of the chase list; the workbook, which stays
with the business unit, has them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from s11audit.business_unit.records import date_or_none
from s11audit.business_unit.statements import (
    CATEGORIES,
    CATEGORY_WORDS,
    COMPLETED,
    COMPLETED_LATE,
    DROPPED,
    OVERDUE,
    ActionStep,
    OrganisationHistory,
    StatementFigures,
    Tally,
)
from s11audit.figures import NO_FIGURE, percent_text
from s11audit.reports.common import numbered
from s11audit.store.rows import ACTION_STATUSES

if TYPE_CHECKING:
    from s11audit.standards import StandardsSet

KIND = "Annual compliance statement"


def day(value: dt.date | None) -> str:
    """A date as the reports print it: "3 Mar 2027" ("" for none)."""
    return f"{value.day} {value:%b %Y}" if value is not None else ""


def title(figures: StatementFigures) -> str:
    """The documents' title: "2027/28: annual compliance statement"."""
    return f"{figures.cycle}: {KIND.lower()}" if figures.cycle else KIND


def earlier_cycles(figures: StatementFigures) -> tuple[str, ...]:
    """The earlier statement cycles on the same baseline, oldest first."""
    return tuple(figures.earlier_cycles)


def basis_text(figures: StatementFigures) -> str:
    """What the statements are measured against, in words."""
    text = f"The full audit of {figures.baseline_cycle}" if figures.baseline_cycle else "The baseline full audit"
    earlier = earlier_cycles(figures)
    if earlier:
        text += f", and the earlier statement{'s' if len(earlier) > 1 else ''} of {', '.join(earlier)}"
    return text


def statements_text(figures: StatementFigures) -> str:
    """ "2 statements received, 1 flagged for a decision" (what every document and the CLI say)."""
    received = f"{figures.statements:,} statement{'' if figures.statements == 1 else 's'} received"
    return received + (f", {figures.flagged:,} flagged for a decision" if figures.flagged else ", none flagged")


def category_definitions(figures: StatementFigures) -> list[tuple[str, str]]:
    """Each progress category with what it means (how every document explains the tally)."""
    judged = day(figures.as_of)
    return [(CATEGORY_WORDS[COMPLETED], "completed on or before the date it was first due (or with no date)"),
            (CATEGORY_WORDS[COMPLETED_LATE], "completed after the date it was first due"),
            ("in progress on time", f"not complete, and not yet due on {judged} (the new date when it slipped)"),
            (CATEGORY_WORDS[OVERDUE], f"not complete, and due before {judged} (the new date when it slipped)"),
            (CATEGORY_WORDS[DROPPED], "dropped, with the organisation's reason")]


def standards_named(figures: StatementFigures, standards_set: StandardsSet | None = None) -> dict[str, tuple[str, str]]:
    """Each standard id's (number, title), from the set when given, else from the figures."""
    named = {c.standard_id: (c.number, c.title) for c in figures.confirmation}
    named.update({d.standard_id: (d.number, d.title) for d in figures.declines})
    if standards_set is not None:
        named.update({s.id: (s.number, s.title) for s in standards_set.standards})
    return named


def standard_labels(figures: StatementFigures, standards_set: StandardsSet | None = None) -> dict[str, str]:
    """Each standard id's label ("6. Safer recruitment")."""
    return {sid: numbered(number, title) for sid, (number, title) in standards_named(figures, standards_set).items()}


def standard_numbers(figures: StatementFigures, standards_set: StandardsSet | None = None) -> dict[str, str]:
    """Each standard id's number (a compact column)."""
    return {sid: number or sid for sid, (number, _) in standards_named(figures, standards_set).items()}


def grade_labels(standards_set: StandardsSet | None) -> dict[str, str]:
    return {level.id: level.label for level in standards_set.grade_scale.levels} if standards_set else {}


def grade_text(grade: str | None, labels: Mapping[str, str], missing: str = "not known") -> str:
    """A grade id as its label ("red" -> "Red"); ``missing`` when there is none."""
    if not grade:
        return missing
    return labels.get(grade, grade)


def grade_change(before: str | None, after: str | None, labels: Mapping[str, str]) -> str:
    """ "Green \u2192 Red"; the baseline grade is "not held" when the workspace has not the baseline return."""
    return f"{grade_text(before, labels, 'baseline not held')} \u2192 {grade_text(after, labels, 'no new grade')}"


def tally_rows(tally: Tally) -> list[tuple[str, int, str]]:
    """(category in words, count, percentage of all) per category, in ``CATEGORIES`` order."""
    return [(CATEGORY_WORDS[c], getattr(tally, c), percent_text(tally.percent(c))) for c in CATEGORIES]


def count_and_percent(tally: Tally, category: str) -> str:
    """ "2 (33%)", or "0" when there are none."""
    count = getattr(tally, category)
    return f"{count:,} ({percent_text(tally.percent(category))})" if count else "0"


def progress_intro(figures: StatementFigures) -> str:
    """What the progress tally counts, in a sentence (the PDF and the Word document open with it)."""
    text = (f"The baseline actions these statements report on, as at {day(figures.as_of)}: "
            f"{tally_text(figures.progress)}.")
    if figures.earlier_cycles:
        text += (" An action closed (completed or dropped) in an earlier statement is not reported again, so it is "
                 "not counted here; it is in the action history.")
    return text


def tally_text(tally: Tally) -> str:
    """The tally in a line: "6 actions: 1 completed, 1 completed late, ..."."""
    counts = ", ".join(f"{n:,} {words}" for words, n, _ in tally_rows(tally))
    return f"{tally.total:,} action{'' if tally.total == 1 else 's'}: {counts}"


@dataclass(frozen=True)
class Stage:
    """An action's progress as one statement cycle reported it."""

    cycle: str
    status: str
    category: str
    progress_note: str = ""
    completed_on: dt.date | None = None
    new_due_on: dt.date | None = None
    dropped_reason: str = ""
    reported: bool = True  # False: closed in an earlier statement, not reported in this one
    closed_in: str = ""  # the earlier statement cycle that closed it (when not reported and known)


def stages(step: ActionStep, cycle: str, earlier_cycles: Sequence[str] = ()) -> list[Stage]:
    """The action's progress in each earlier statement cycle (oldest first), then in ``cycle``'s. An action
    closed in an earlier statement (not reported in this one) is shown closed in the cycle that closed it
    and, in ``cycle``, as not reported again."""
    earlier = [Stage(e.cycle, e.status, e.category, e.progress_note or "", e.completed_on, e.new_due_on,
                     e.dropped_reason or "") for e in step.earlier]
    last = Stage(cycle, step.status, step.category, step.progress_note, step.completed_on, step.new_due_on,
                 step.dropped_reason, step.reported)
    closing = step.closed_in
    if closing and closing != cycle:
        earlier.append(dataclasses.replace(last, cycle=closing, reported=True))
        last = dataclasses.replace(last, closed_in=closing)
    return [*earlier, last]


def status_words(status: str | None) -> str:
    return ACTION_STATUSES.get(status or "", status or "").lower()


def stage_text(stage: Stage, due_on: dt.date | None, *, detail: bool = True) -> str:
    """One cycle's progress of an action in words: "completed late, 3 Apr 2027", "overdue (in progress,
    due 1 Apr 2027)"; with ``detail`` the reason it was dropped. One not reported again is said to be closed."""
    due = stage.new_due_on or due_on
    if stage.category in (COMPLETED, COMPLETED_LATE):
        text = CATEGORY_WORDS[stage.category] + (f", {day(stage.completed_on)}" if stage.completed_on else "")
    elif stage.category == DROPPED:
        text = "dropped" + (f": {stage.dropped_reason}" if detail and stage.dropped_reason else "")
    else:
        state = "on time" if stage.category != OVERDUE else "overdue"
        slipped = ", new date" if stage.new_due_on else ""
        text = f"{status_words(stage.status)}, {state}" + (f" (due{slipped} {day(due)})" if due else "")
    if stage.reported:
        return text
    if stage.closed_in:
        return f"not reported again (closed in {stage.closed_in})"
    return f"closed earlier ({text}); not reported again"


def baseline_text(step: ActionStep) -> str:
    """The action as the baseline had it: its status and due date ("baseline not held" when not held); for
    an action an earlier statement set, "set in <cycle>" and its due date."""
    due = f", due {day(step.due_on)}" if step.due_on else ", no due date"
    if step.set_in:
        return f"set in the {step.set_in} statement{due}"
    status = status_words(step.baseline_status) if step.baseline_status is not None else "baseline not held"
    return status + due


def new_actions(history: OrganisationHistory, cycle: str) -> list[tuple[str, dict]]:
    """(cycle, action plan entry) of every new action the organisation's statements set, oldest cycle first."""
    found = [(name, entry) for name, entries in history.earlier_new_actions for entry in entries]
    return found + [(cycle, entry) for entry in history.new_actions]


def action_due(entry: dict) -> dt.date | None:
    """A new action's due date (the return holds it as ISO text)."""
    value = entry.get("due_date")
    return value if isinstance(value, dt.date) else date_or_none(value)


def action_status(entry: dict) -> str:
    return status_words(entry.get("status")) or NO_FIGURE


def history_cycles(figures: StatementFigures) -> list[str]:
    """The statement cycles an action's history runs through: each earlier one, then this one."""
    return [*earlier_cycles(figures), figures.cycle]


def write_statement_reports(figures: StatementFigures, *, pdf: Path | None = None, xlsx: Path | None = None,
                            docx: Path | None = None, partnership: str = "", business_unit: str = "",
                            standards_set: StandardsSet | None = None,
                            produced: dt.date | None = None) -> list[Path]:
    """Write the statement findings as a PDF, workbook and/or Word document (each atomically, each only when
    given a path); returns the paths written. ``business_unit`` (the workspace's business unit name) is the
    documents' author; ``standards_set`` (the cycle's) gives grade labels and standard titles; ``produced``
    (default today) is printed as the day they were made. Raises ``ReportError`` naming a file that cannot be
    written."""
    from s11audit.reports.statement_findings_docx import write_statement_docx
    from s11audit.reports.statement_findings_pdf import write_statement_pdf
    from s11audit.reports.statement_findings_xlsx import write_statement_xlsx

    written: list[Path] = []
    for path, write in ((pdf, write_statement_pdf), (xlsx, write_statement_xlsx), (docx, write_statement_docx)):
        if path is not None:
            written.append(write(figures, path, partnership=partnership, business_unit=business_unit,
                                 standards_set=standards_set, produced=produced or dt.date.today()))
    return written


__all__ = ["write_statement_reports"]
