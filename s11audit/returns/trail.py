"""The audit trail summary carried in a return: counts, span, users and the most recent entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

LAST_ENTRIES = 50


def _text(value: object) -> object:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def trail_summary(entries: Iterable[Mapping], last: int = LAST_ENTRIES) -> dict:
    """Summarise audit trail entries (mappings with at least ``at`` and ``user``) for ``return.json``.

    Returns ``{"entries", "first_at", "last_at", "users", "last"}``: the number of entries, the first and
    last times (ISO 8601), the sorted distinct user names, and the ``last`` most recent entries (oldest
    first) with their datetimes as ISO 8601 text. Entries are ordered by ``at``, keeping the given order
    between equal times.
    """
    rows = [{key: _text(value) for key, value in entry.items()} for entry in entries]
    rows.sort(key=lambda row: str(row.get("at") or ""))
    return {
        "entries": len(rows),
        "first_at": rows[0].get("at") if rows else None,
        "last_at": rows[-1].get("at") if rows else None,
        "users": sorted({str(row["user"]) for row in rows if row.get("user")}),
        "last": rows[-last:] if last > 0 else [],
    }
