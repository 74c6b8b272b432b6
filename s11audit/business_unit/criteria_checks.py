"""The format 2 checks of an imported return's judgements: criteria, derived grades, N/A rules,
information standards and multi-select answers (see ``return_checks`` for the whole check).

Each function takes one schema-valid entry of ``return.json`` and gives the first thing wrong with
it as a sentence naming the field, or ``None``. Format 1 sets have no criteria, information
standards or multi-select items, and their N/A rule is not checked here, so their returns are
accepted exactly as before.
"""

from __future__ import annotations

from s11audit.grading import derived_grade
from s11audit.safe_text import shown
from s11audit.standards import Item, StandardsSet
from s11audit.standards.model import Criterion, NotApplicable, Standard
from s11audit.store.rows import ResponseRow

# The standards format from which sets have criteria, information standards and N/A rules.
CRITERIA_FORMAT = 2


def _levels(scale) -> str:
    return ", ".join(level.id for level in scale.levels)


def _na_problem(target: Standard | Criterion, entry: dict, where: str, what: str) -> str | None:
    """Not applicable only where the set's rule for the standard or criterion allows it."""
    if not entry.get("not_applicable"):
        return None
    if target.not_applicable is NotApplicable.NOT_ALLOWED:
        return f"return.json: {where} marks {what} not applicable, which the set does not allow"
    if target.not_applicable is NotApplicable.REASON_REQUIRED and not str(entry.get("na_reason") or "").strip():
        return f"return.json: {where} marks {what} not applicable without the reason the set asks for"
    if entry.get("grade") is not None:
        return f"return.json: {where} gives {what} both a grade and not applicable"
    return None


def standard_problem(standards_set: StandardsSet, standard: Standard, entry: dict, where: str) -> str | None:
    """An information standard carries no grade; N/A only where a format 2 set allows it."""
    if not standard.graded and entry.get("grade") is not None:
        return (f"return.json: {where}.grade is {shown(entry['grade'], 60)}, but standard {shown(standard.id, 60)} "
                "is an information section and has no grade")
    if standards_set.format_version < CRITERIA_FORMAT or not entry.get("not_applicable"):
        return None  # (the words are made only for a problem: this runs for every standard of every return)
    return _na_problem(standard, entry, where, f"standard {shown(standard.id, 60)}")


def criteria_problem(standards_set: StandardsSet, standard: Standard, entry: dict, where: str,
                     org_type: str) -> str | None:
    """Each criterion is one of the standard's, graded on its own scale, N/A only where allowed, once;
    a derived standard's grade is the one its criteria give."""
    entries = entry.get("criteria") or []
    own = {criterion.id: criterion for criterion in standard.criteria}
    responses: dict[str, ResponseRow] = {}
    for index, judged in enumerate(entries):
        at = f"{where}.criteria[{index}]"
        cid = judged["criterion_id"]
        criterion = own.get(cid)
        if criterion is None:
            return (f"return.json: {at}.criterion_id is {shown(cid, 60)}, which is not a criterion of standard "
                    f"{shown(standard.id, 60)} in {standards_set.id}")
        if cid in responses:
            return f"return.json: {at} gives criterion {shown(cid, 60)} a second time"
        grade = judged.get("grade")
        if grade is not None and not criterion.scale.has_level(grade):
            return (f"return.json: {at}.grade is {shown(grade, 60)}, which is not a level of criterion "
                    f"{shown(cid, 60)}'s scale ({_levels(criterion.scale)})")
        if judged.get("not_applicable"):
            problem = _na_problem(criterion, judged, at, f"criterion {shown(cid, 60)}")
            if problem:
                return problem
        responses[cid] = ResponseRow(cid, grade=grade, not_applicable=bool(judged.get("not_applicable")))
    if not standard.derived or entry.get("not_applicable"):
        return None
    expected = derived_grade(standard, standards_set.grade_scale, org_type, responses)
    given = entry.get("grade")
    if given != expected:
        gives = f"give {expected}" if expected is not None else "give no grade yet"
        return (f"return.json: {where}.grade is {shown(given, 60)}, but standard {shown(standard.id, 60)}'s grade "
                f"comes from its criteria ({standard.grade_rule.value.replace('_', ' ')}), which {gives}: the "
                "return was changed after it was made, or is inconsistent")
    return None


def multi_choice_problem(item: Item, value: object, where: str) -> str | None:
    """A multi-select answer is a list of the item's choices, each ticked once (an empty list is no answer)."""
    if not isinstance(value, list):
        return (f"{where}: the answer to item {item.id} must be a list of the choices ticked, not "
                f"{shown(value, 60)}")
    seen: set[str] = set()
    for choice in value:
        if not isinstance(choice, str) or choice not in item.choices:
            return f"{where}: {shown(choice, 60)} is not one of item {item.id}'s choices"
        if choice in seen:
            return f"{where}: the answer to item {item.id} ticks {shown(choice, 60)} twice"
        seen.add(choice)
    return None
