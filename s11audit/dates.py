"""How recent a date must be: an item's ``within`` (``P12M``, ``P3Y``, ``P6W``, ``P30D`` or
``academic_year``) measured back from a reference day (today for hints, the cycle's due date in
findings). Pure functions shared by completeness and findings.
"""

from __future__ import annotations

import datetime as dt
import re

_DURATION = re.compile(r"P([1-9][0-9]{0,2})([YMWD])")
ACADEMIC_YEAR = "academic_year"
ACADEMIC_YEAR_STARTS = (9, 1)  # 1 September
DEFAULT_WITHIN = "P2Y"  # what findings counted for every date before items could say


def _months_back(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    # The same day of that month, or its last day (31 March back one month is 28/29 February).
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def window_start(within: str, reference: dt.date) -> dt.date:
    """The earliest date that is still "within" ``within`` of ``reference``."""
    if within == ACADEMIC_YEAR:
        month, day = ACADEMIC_YEAR_STARTS
        year = reference.year if (reference.month, reference.day) >= (month, day) else reference.year - 1
        return dt.date(year, month, day)
    match = _DURATION.fullmatch(within)
    if match is None:
        raise ValueError(f"{within!r} is not a period such as P12M, P3Y or academic_year")
    count, unit = int(match.group(1)), match.group(2)
    if unit == "Y":
        return _months_back(reference, 12 * count)
    if unit == "M":
        return _months_back(reference, count)
    return reference - dt.timedelta(weeks=count) if unit == "W" else reference - dt.timedelta(days=count)


def within_window(value: object, within: str, reference: dt.date) -> bool:
    """Whether a date answer (ISO text or a date) is no older than the window; later dates count as within."""
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return False
    return day >= window_start(within or DEFAULT_WITHIN, reference)


def describe(within: str) -> str:
    """The window in words: "12 months", "3 years", "this academic year"."""
    if within == ACADEMIC_YEAR:
        return "this academic year"
    match = _DURATION.fullmatch(within or DEFAULT_WITHIN)
    if match is None:
        return within
    count, unit = int(match.group(1)), match.group(2)
    word = {"Y": "year", "M": "month", "W": "week", "D": "day"}[unit]
    return f"{count} {word}{'s' if count != 1 else ''}"
