"""An action's RAG (red, amber, green) from its status and due date. Pure functions, no Qt.

Written once so that the action plan screen, a standard's page, the PDF and the workbook agree.
A plain status rule made every "Not started" action red months before it was due, which told a
school it was failing when it was not; so the due date counts as much as the status:

- green: complete, or in progress and not past its due date (on track);
- red: past its due date and not complete;
- amber: not started and due within ``AMBER_DAYS`` days (today included);
- not yet due: not started, due later than that or with no due date yet (no colour).

``RULE`` says the same in words for tooltips; the user guide ("The action plan") repeats it.
"""

from __future__ import annotations

import datetime as dt

AMBER_DAYS = 28

RED, AMBER, GREEN, NOT_DUE = "red", "amber", "green", "not_due"

# Most urgent first, for sorting.
RAG_ORDER = {RED: 0, AMBER: 1, NOT_DUE: 2, GREEN: 3}
RAG_WORDS = {RED: "Red", AMBER: "Amber", GREEN: "Green", NOT_DUE: "Not yet due"}

RULE = (f"Red: past its due date and not complete. Amber: not started and due within {AMBER_DAYS} days. "
        "Green: complete, or in progress and not past its due date. Not yet due: not started and due "
        f"more than {AMBER_DAYS} days from now, or no due date yet.")


def overdue(status: str, due: dt.date | None, today: dt.date) -> bool:
    """Past its due date (the day after it) and not complete."""
    return status != "complete" and due is not None and due < today


def rag(status: str, due: dt.date | None, today: dt.date) -> str:
    """RED, AMBER, GREEN or NOT_DUE for an action with this status ("not_started", "in_progress",
    "complete") and due date, on ``today``."""
    if status == "complete":
        return GREEN
    if overdue(status, due, today):
        return RED
    if status == "in_progress":
        return GREEN
    if due is not None and (due - today).days <= AMBER_DAYS:
        return AMBER
    return NOT_DUE
