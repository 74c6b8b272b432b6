"""Percentages as people read them: whole numbers rounded half up, the same in every report and screen.

Python's ``round`` and ``format(x, ".0f")`` round half to even (62.5 -> "62"); Excel, readers and
published annual reports expect half up (5 of 8 = 62.5% -> "63%"). Every percentage we print goes
through :func:`whole_percent` or :func:`percent_text`; figures are kept unrounded everywhere else.
"""

from __future__ import annotations

import math

NO_FIGURE = "–"  # where there is nothing to take a percentage of


def round_half_up(value: float, places: int = 0) -> float:
    """``value`` rounded to ``places`` decimals, halves away from zero (2.5 -> 3, -2.5 -> -3).

    A tiny allowance absorbs binary noise (100 * 5 / 8 is exactly 62.5, but 100 * 0.145 is 14.499...)."""
    scale = 10 ** places
    scaled = abs(value) * scale
    rounded = math.floor(scaled + 0.5 + 1e-9)
    return math.copysign(rounded / scale, value) if rounded else 0.0


def whole_percent(percent: float | None) -> int | None:
    """A percentage (0-100, unrounded) as the whole number we print, or None."""
    return None if percent is None else int(round_half_up(percent))


def percent_of(part: int, whole: int) -> int | None:
    """``part`` of ``whole`` as a whole-number percentage rounded half up (5 of 8 -> 63), or None if whole is 0."""
    return whole_percent(100 * part / whole) if whole else None


def percent_text(percent: float | None, none: str = NO_FIGURE) -> str:
    """A percentage (0-100, unrounded) as printed: "63%"; ``none`` when there is no figure."""
    shown = whole_percent(percent)
    return none if shown is None else f"{shown}%"


def points_text(change: float | None, none: str = NO_FIGURE) -> str:
    """A change in percentage points as printed, with its sign: "+6 points", "-3 points", "no change"."""
    if change is None:
        return none
    shown = int(round_half_up(change))
    if shown == 0:
        return "no change"
    return f"{shown:+d} point{'s' if abs(shown) != 1 else ''}"
