"""Checking and showing answers to criteria and checklist items, by item type."""

from __future__ import annotations

import datetime as dt
from typing import Any

from s11audit.standards import GradeScale, Item, ItemType

YES_NO_LABELS = {"yes": "Yes", "partly": "Partly", "no": "No"}


class AnswerError(ValueError):
    """An answer that does not fit its item (wrong type, out of range, not a choice)."""


def normalise(item: Item, value: Any, scale: GradeScale) -> Any:
    """The value to store for an answer, or ``None`` for no answer; raises ``AnswerError``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = item.type
    if kind is ItemType.YES_NO:
        allowed = ("yes", "partly", "no") if item.partly else ("yes", "no")
        if value not in allowed:
            raise AnswerError(f"Item {item.id}: answer must be one of {', '.join(allowed)}.")
        return value
    if kind in (ItemType.NUMBER, ItemType.PERCENTAGE):
        return _number(item, value)
    if kind is ItemType.DATE:
        return _date(item, value)
    if kind is ItemType.CHOICE:
        if value not in item.choices:
            raise AnswerError(f"Item {item.id}: {value!r} is not one of the choices.")
        return value
    if kind is ItemType.MULTI_CHOICE:
        return _ticked(item, value)
    if kind is ItemType.GRADED:
        if not scale.has_level(str(value)):
            raise AnswerError(f"Item {item.id}: {value!r} is not a grade of this scale.")
        return value
    return str(value)


def _number(item: Item, value: Any) -> int | float:
    """A number or percentage answer within the item's range: a whole number as an int."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = float(str(value).strip().rstrip("%"))
        except ValueError as exc:
            raise AnswerError(f"Item {item.id}: {value!r} is not a number.") from exc
    if (item.min is not None and value < item.min) or (item.max is not None and value > item.max):
        low = "" if item.min is None else f"from {item.min:g} "
        high = "" if item.max is None else f"to {item.max:g}"
        raise AnswerError(f"Item {item.id}: {value:g} is outside the allowed range {low}{high}.".replace("  ", " "))
    return int(value) if float(value).is_integer() else float(value)


def _date(item: Item, value: Any) -> str:
    """A date answer as ISO text (YYYY-MM-DD)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise AnswerError(f"Item {item.id}: {value!r} is not a date (YYYY-MM-DD).") from exc


def _ticked(item: Item, value: Any) -> list[str] | None:
    """The choices ticked, in the order the set lists them; ``None`` when none is ticked."""
    chosen = [value] if isinstance(value, str) else value
    if not isinstance(chosen, (list, tuple)):
        raise AnswerError(f"Item {item.id}: the answer must be a list of the choices ticked.")
    unknown = [c for c in chosen if c not in item.choices]
    if unknown:
        raise AnswerError(f"Item {item.id}: {unknown[0]!r} is not one of the choices.")
    ticked = [c for c in item.choices if c in chosen]
    return ticked or None


def shown(item: Item, value: Any, scale: GradeScale) -> str:
    """An answer as a person reads it."""
    if value is None:
        return ""
    if item.type is ItemType.YES_NO:
        return YES_NO_LABELS.get(value, str(value))
    if item.type is ItemType.PERCENTAGE:
        return f"{value:g}%"
    if item.type is ItemType.NUMBER:
        return f"{value:g}" + (f" {item.unit}" if item.unit else "")
    if item.type is ItemType.DATE:
        return dt.date.fromisoformat(value).strftime("%d %B %Y").lstrip("0")
    if item.type is ItemType.GRADED and scale.has_level(value):
        return scale.level(value).label
    if item.type is ItemType.MULTI_CHOICE and isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)
