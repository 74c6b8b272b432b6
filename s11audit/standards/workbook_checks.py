"""The checks of a set file (schema, then rules), run on content read from a workbook, each problem at its cell.

The loader names a line of the YAML file; here the same checks name the cell the value came from
(``places``: a path in the content -> ``Sheet!C12``), or, for a value not given, the cell where
it belongs or the row of the standard, criterion or item it is missing from.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from s11audit.standards.rules import set_rule_problems
from s11audit.standards.validation import MAX_SCHEMA_ERRORS, _schema_message, _validator, shape_problems

# Where a problem with no cell of its own is reported: the sheet of the part of the set it is in.
_SHEET_OF = {"grade_scale": "Scale", "scales": "Scales", "groups": "Groups", "standards": "Standards",
             "sign_off": "Sign-off", "peer_outcomes": "Peer outcomes"}


def place_of(places: dict[tuple, str], path: list[Any]) -> str:
    """The cell (or row, or sheet) nearest to ``path`` that a value came from."""
    steps = tuple(path)
    while steps:
        if steps in places:
            return places[steps]
        steps = steps[:-1]
    return _SHEET_OF.get(path[0], "Set") if path else "Set"


def _document_order(error: Any) -> list[str]:
    return [f"{step:09d}" if isinstance(step, int) else str(step) for step in error.absolute_path]


def check_content(content: dict, places: dict[tuple, str]) -> list[str]:
    """Every problem the loader would find in ``content``, as ``Sheet!C12: message`` lines."""
    problems = [f"{place_of(places, [])}: {p.message}" for p in shape_problems("workbook", content)]
    if problems:
        return problems
    errors = sorted(islice(_validator().iter_errors(content), MAX_SCHEMA_ERRORS), key=_document_order)
    for error in errors:
        path, message = list(error.absolute_path), _schema_message(error)
        if error.validator == "required" and "'" in error.message:
            missing = error.message.split("'")[1]
            path.append(missing)  # the cell where the missing value belongs
            message = f"{missing} is required and is blank; fill it in"
        problems.append(f"{place_of(places, path)}: {message}")
    if problems:
        return problems
    set_rule_problems(content, lambda path, message: problems.append(f"{place_of(places, path)}: {message}"))
    return problems
