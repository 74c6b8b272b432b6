"""Validating a parsed standards file: the JSON schema, then the rules a schema cannot express."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
import yaml

from s11audit.organisations import TYPES_BY_ID
from s11audit.standards.source import Problem, line_of, where_in

FORMAT = "s11audit-standards/1"


# --- schema validation ---------------------------------------------------------------------------


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("s11audit.standards").joinpath("schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


_TYPE_WORDS = {"string": "text", "number": "a number", "boolean": "true or false", "array": "a list",
               "object": "a block of keys", "integer": "a whole number"}


def _schema_message(error: jsonschema.ValidationError) -> str:
    """Turn a jsonschema error into a sentence a set author understands."""
    key = error.path[-1] if error.path else None
    named = f"'{key}'" if isinstance(key, str) else "this entry"
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"missing required key '{missing}'"
    if kind == "additionalProperties":
        extra = sorted(map(str, set(error.instance) - set(error.schema.get("properties", {}))))
        return f"unknown key {', '.join(repr(e) for e in extra)} (check the spelling; see standards/README.md)"
    if kind == "const" and key == "format":
        return f"unsupported format {error.instance!r}: this version of s11audit reads '{FORMAT}'"
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"{named} is {error.instance!r}, which is not one of: {allowed}"
    if kind == "type" and error.instance is None:
        return f"{named} has no value"
    if kind == "type":
        return f"{named} must be {_TYPE_WORDS.get(error.validator_value, error.validator_value)}, not {type(error.instance).__name__.replace('str', 'text')} {error.instance!r}"
    if kind == "format":
        return f"{named} must be a date written YYYY-MM-DD, not {error.instance!r}"
    if kind == "pattern":
        if key == "colour":
            return f"colour {error.instance!r} must be written #RRGGBB (e.g. #27AE60)"
        if error.validator_value == "\\S":
            return f"{named} must not be blank"
        return f"{named} {error.instance!r} is not a valid identifier (letters, digits, '.', '_' or '-')"
    if kind == "minLength":
        return f"{named} must not be empty"
    if kind == "minItems":
        return f"{named} needs at least {error.validator_value} entr{'y' if error.validator_value == 1 else 'ies'}"
    if kind == "uniqueItems":
        return f"{named} lists the same entry twice"
    if kind == "not":
        forbidden = error.validator_value.get("required", ["?"])[0]
        if forbidden == "standards":
            return "a set with 'based_on' takes its standards from the base set and must not list its own"
        return f"'{forbidden}' is not allowed for an item of type {error.instance.get('type')!r}"
    return error.message


def schema_problems(name: str, data: Any, node: yaml.Node | None) -> list[Problem]:
    problems = []
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            # Point at the first misspelt key itself, not at the start of its block.
            known = error.schema.get("properties", {})
            path.append(next(key for key in error.instance if key not in known))
        problems.append(Problem(name, line_of(node, path), where_in(data, path), _schema_message(error)))
    return problems


# --- checks beyond the schema --------------------------------------------------------------------


def rule_problems(name: str, data: dict, node: yaml.Node | None) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: list[Any], message: str) -> None:
        problems.append(Problem(name, line_of(node, path), where_in(data, path), message))

    scale = data.get("grade_scale")
    level_ids: list[str] = []
    if scale:
        level_ids = [level["id"] for level in scale["levels"]]
        seen: set[str] = set()
        for index, level_id in enumerate(level_ids):
            if level_id in seen:
                add(["grade_scale", "levels", index, "id"], f"grade level id {level_id!r} is used twice")
            seen.add(level_id)
        for ref in ("meets", "action_required_below"):
            if ref in scale and scale[ref] not in level_ids:
                add(["grade_scale", ref], f"{ref} names {scale[ref]!r}, which is not a level of the scale ({', '.join(level_ids)})")
        scores = [level.get("score") for level in scale["levels"]]
        if all(s is not None for s in scores) and any(b <= a for a, b in zip(scores, scores[1:])):
            add(["grade_scale", "levels"], "scores must increase from the lowest level (listed first) to the highest")

    outcomes = data.get("peer_outcomes")
    if outcomes:
        seen_outcomes: set[str] = set()
        for index, outcome in enumerate(outcomes["levels"]):
            if outcome["id"] in seen_outcomes:
                add(["peer_outcomes", "levels", index, "id"], f"peer outcome id {outcome['id']!r} is used twice")
            seen_outcomes.add(outcome["id"])
        meets = [bool(outcome["meets"]) for outcome in outcomes["levels"]]
        if all(meets) or not any(meets):
            add(["peer_outcomes", "levels"], "at least one peer outcome must meet the standard (meets: true) and "
                                             "at least one must not (meets: false)")

    kinds = set(data.get("organisation_kinds", []))

    def check_applies(path: list[Any], applies: list[str]) -> None:
        for type_id in applies:
            if TYPES_BY_ID[type_id].kind not in kinds:
                add(path + ["applies_to"], f"applies to {type_id!r}, which is not a type of organisation this set is for ({', '.join(sorted(kinds))})")

    standard_ids: set[str] = set()
    item_ids: dict[str, str] = {}
    for s_index, standard in enumerate(data.get("standards", [])):
        spath = ["standards", s_index]
        if standard["id"] in standard_ids:
            add(spath + ["id"], f"standard id {standard['id']!r} is used twice")
        standard_ids.add(standard["id"])
        check_applies(spath, standard.get("applies_to", []))
        if level_ids:
            described = set(standard["descriptors"])
            for missing in [lid for lid in level_ids if lid not in described]:
                add(spath + ["descriptors"], f"no descriptor for grade {missing!r} (every level of the scale needs one)")
            for extra in sorted(described - set(level_ids)):
                add(spath + ["descriptors", extra], f"descriptor for {extra!r}, which is not a level of the scale ({', '.join(level_ids)})")
        for i_index, item in enumerate(standard["items"]):
            ipath = spath + ["items", i_index]
            if item["id"] in item_ids:
                add(ipath + ["id"], f"item id {item['id']!r} is already used in standard {item_ids[item['id']]!r}")
            item_ids.setdefault(item["id"], standard["id"])
            check_applies(ipath, item.get("applies_to", []))
            if "min" in item and "max" in item and item["min"] > item["max"]:
                add(ipath + ["min"], f"min {item['min']} is greater than max {item['max']}")
    return problems
