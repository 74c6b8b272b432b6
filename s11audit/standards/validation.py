"""Validating a parsed standards file: its size and shape, the JSON schema, then the rules a schema
cannot express.

The content may come from a file we do not control (a YAML set, or a set's snapshot inside an audit
file or a return), so nothing here walks it recursively before ``shape_problems`` has bounded its
depth and size, and no message repeats more than a short, one-line piece of it.

Content the schema accepts is recognised by the schema compiled to Python (``schema_check.py``, made
by packaging/generate_schema_check.py) in about a millisecond; jsonschema, which takes a tenth of a
second to import and as long to check a set, is imported and run only for content that check refuses
or is not sure of, and words what is wrong (``quickly_valid``). Opening an audit file so never
imports it.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from itertools import islice
from typing import TYPE_CHECKING, Any

import yaml

from s11audit.safe_text import shown
from s11audit.standards.rules import set_rule_problems
from s11audit.standards.source import (MAX_DEPTH, MAX_NODES, MAX_NUMBER_CHARS, MAX_PROBLEMS, MAX_SCALAR_CHARS,
                                       Problem, line_of, quoted, unlisted, where_in)

FORMAT = "s11audit-standards/2"  # the newest; format 1 files still load unchanged
FORMATS = ("s11audit-standards/1", FORMAT)
# Errors taken from the schema validator before it is stopped: enough to list the first
# MAX_PROBLEMS in document order, few enough that a file wrong everywhere is still reported at once.
MAX_SCHEMA_ERRORS = 1000
SLUG_PATTERN = "^[a-z0-9][a-z0-9-]*$"  # a set's id (schema.json $defs/slug)
_KEYS_NAMED = 5  # unknown keys named in one message; the rest are counted
# A date as fastjsonschema's compiled check reads one: its \d takes any script's digits, jsonschema's only 0-9.
_DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}")

if TYPE_CHECKING:
    import jsonschema


# --- size and shape ------------------------------------------------------------------------------


def _shape_problem(value: Any) -> str | None:
    """What makes one value unusable in set content (not what the schema checks)."""
    if isinstance(value, str):
        if len(value) > MAX_SCALAR_CHARS:
            return f"holds a value {len(value):,} characters long; no value may be longer than {MAX_SCALAR_CHARS:,}"
    elif isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= 10 ** MAX_NUMBER_CHARS:  # printing one past 4,300 digits even raises ValueError
            return "holds a number far too large to be right"
    elif not isinstance(value, (float, bool)) and value is not None:
        return f"holds a value of type {shown(type(value).__name__, 40)}, which set content never has"
    return None


def _collection_problem(value: dict | list, depth: int, count: int) -> str | None:
    if depth > MAX_DEPTH:
        return f"nests lists and blocks more than {MAX_DEPTH} levels deep"
    if count > MAX_NODES:
        return f"holds more than {MAX_NODES:,} values (keys, texts and list entries)"
    for key in value if isinstance(value, dict) else ():
        if not isinstance(key, str):
            return f"has the key {quoted(key)}, which is not text"
    return None


def shape_problems(name: str, data: Any) -> list[Problem]:
    """The first problem with the size and shape of content that did not come through the YAML
    reader (which checks the same limits on the file): too many values, nested too deep, keys that
    are not text, values that are not JSON. Walked with a stack, never recursively, and counted
    before anything is pushed, so a list of 10^7 entries or a self-containing one stops at once."""
    if not isinstance(data, dict):
        return [Problem(name, None, "", f"must be a block of keys (format, id, title, ...), not {_value_word(data)}")]
    stack: list[tuple[Any, list[Any], int]] = [(data, [], 1)]  # value, its path, its depth as a collection
    count = 1
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, (dict, list)):
            count += len(value)
            wrong = _collection_problem(value, depth, count)
            if not wrong:
                pairs = value.items() if isinstance(value, dict) else enumerate(value)
                stack.extend((child, [*path, key], depth + 1) for key, child in pairs)
        else:
            wrong = _shape_problem(value)
        if wrong:
            return [Problem(name, None, where_in(data, path), wrong)]
    return []


# --- schema validation ---------------------------------------------------------------------------


def _is_number(checker: Any, instance: Any) -> bool:
    # .inf and .nan are floats to YAML and JSON but no use as a score or a range; and leaving them
    # out of "number" makes "minimum"/"maximum" skip them, as those only compare numbers.
    return (isinstance(instance, (int, float)) and not isinstance(instance, bool)
            and (not isinstance(instance, float) or math.isfinite(instance)))


def _unique_items(validator: Any, unique: bool, instance: Any, schema: dict):
    """``uniqueItems`` in linear time. jsonschema's own compares every pair when the entries
    cannot be sorted (a mix of text and numbers, or blocks), which takes minutes for a long list.
    Every list the schema wants unique holds plain values, so one holding lists or blocks is
    already reported by its "items" and is not checked here."""
    if not unique or not isinstance(instance, list):
        return
    seen = set()
    for value in instance:
        if isinstance(value, (dict, list)):
            return
        key = (isinstance(value, bool), value)  # JSON's true is not 1, though Python's True == 1
        if key in seen:
            import jsonschema

            yield jsonschema.ValidationError("has non-unique elements")
            return
        seen.add(key)


@cache
def _validator() -> jsonschema.protocols.Validator:
    import jsonschema

    schema = json.loads(resources.files("s11audit.standards").joinpath("schema.json").read_text("utf-8"))
    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine("number", _is_number)
    validator = jsonschema.validators.extend(base, validators={"uniqueItems": _unique_items}, type_checker=checker)
    return validator(schema, format_checker=jsonschema.FormatChecker())


_TYPE_WORDS = {"string": "text", "number": "a number", "boolean": "true or false", "array": "a list",
               "object": "a block of keys", "integer": "a whole number"}


def _value_word(value: Any) -> str:
    """How a wrong value is named in a message: its kind, then the value (short, one line)."""
    if value is None:
        return "nothing"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan (not a number)" if math.isnan(value) else f"{'-' if value < 0 else ''}.inf (infinity)"
    return f"{type(value).__name__.replace('str', 'text')} {quoted(value)}"


def _parts(error: jsonschema.ValidationError) -> tuple[Any, Any, Any]:
    """The error's keyword, the value it refused and the keyword's value in the schema: jsonschema sets
    all three on every error it yields (its stubs also allow them to be unset)."""
    return error.validator, error.instance, error.validator_value


def _subschema(error: jsonschema.ValidationError) -> Mapping[str, Any]:
    """The (sub)schema that refused: set on every error jsonschema yields, and an object in schema.json
    wherever "additionalProperties" can fail."""
    schema = error.schema
    if not isinstance(schema, Mapping):
        raise TypeError(f"a schema error without an object subschema: {schema!r}")
    return schema


def _unknown_keys(error: jsonschema.ValidationError) -> str:
    _kind, instance, _limit = _parts(error)
    extra = sorted(map(str, set(instance) - set(_subschema(error).get("properties", {}))))
    named = ", ".join(quoted(e, 40) for e in extra[:_KEYS_NAMED]) + (
        f" and {len(extra) - _KEYS_NAMED:,} more" if len(extra) > _KEYS_NAMED else "")
    return f"unknown key {named} (check the spelling; see standards/README.md)"


def _schema_message(error: jsonschema.ValidationError) -> str:
    """Turn a jsonschema error into a sentence a set author understands; never long, never two lines."""
    key = error.path[-1] if error.path else None
    named = quoted(key, 40) if isinstance(key, str) else "this entry"
    return (_key_message(error, key, named) or _value_message(error, key, named) or _size_message(error, named)
            or shown(error.message, 160))


def _key_message(error: jsonschema.ValidationError, key: Any, named: str) -> str | None:
    """Keys missing, unknown or misnamed, and values not among those allowed; None for other errors."""
    kind, instance, limit = _parts(error)
    if "propertyNames" in error.schema_path:
        return (f"{quoted(instance, 40)} is not a grade level id: ids may hold only letters, digits, '.', '_' and "
                "'-', starting with a letter or digit")
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        if missing == "choices" and isinstance(instance, dict):
            return (f"missing required key 'choices': a {quoted(instance.get('type'), 20)} item lists what can be "
                    "chosen (choices: [First, Second])")
        return f"missing required key {quoted(missing, 40)}"
    if kind == "additionalProperties":
        return _unknown_keys(error)
    if kind in ("const", "enum") and key == "format":
        return (f"unsupported format {quoted(instance)}: this version of s11audit reads "
                f"{' and '.join(repr(f) for f in FORMATS)}")
    if kind == "enum":
        allowed = ", ".join(str(v) for v in limit)
        return f"{named} is {quoted(instance)}, which is not one of: {allowed}"
    return None


def _value_message(error: jsonschema.ValidationError, key: Any, named: str) -> str | None:
    """Values of the wrong kind or written wrongly; None for other errors."""
    kind, instance, limit = _parts(error)
    if kind == "type" and instance is None:
        return f"{named} has no value"
    if kind == "type":
        return f"{named} must be {_TYPE_WORDS.get(limit, limit)}, not {_value_word(instance)}"
    if kind == "format":
        return f"{named} must be a date written YYYY-MM-DD, not {quoted(instance)}"
    if kind == "pattern":
        return _pattern_message(key, named, instance, limit)
    if kind == "uniqueItems":
        return f"{named} lists the same entry twice"
    if kind == "not":
        return _not_message(limit, instance)
    return None


def _size_message(error: jsonschema.ValidationError, named: str) -> str | None:
    """Text too short or long, lists with too few or many entries, numbers out of range; None otherwise."""
    kind, instance, limit = _parts(error)
    if kind == "minLength":
        return f"{named} must not be empty"
    if kind == "maxLength":
        return f"{named} is {len(instance):,} characters long; at most {limit:,} are allowed"
    if kind == "minItems":
        return f"{named} needs at least {limit} entr{'y' if limit == 1 else 'ies'}"
    if kind == "maxItems":
        return f"{named} has {len(instance):,} entries; at most {limit:,} are allowed"
    if kind in ("minimum", "maximum"):
        return f"{named} is {quoted(instance)}; it must be {'at least' if kind == 'minimum' else 'at most'} {limit:,}"
    return None


def _pattern_message(key: Any, named: str, instance: str, pattern: str) -> str:
    if key == "colour":
        return f"colour {quoted(instance)} must be written #RRGGBB (e.g. #27AE60)"
    if key == "within":
        return (f"within {quoted(instance)} is not a period: write P12M (12 months), P3Y (3 years), P6W (6 weeks), "
                "P30D (30 days) or academic_year")
    if pattern == "\\S":
        return f"{named} must not be blank"
    if pattern == SLUG_PATTERN:
        suggestion = re.sub(r"[^a-z0-9]+", "-", instance.lower()).strip("-")[:64]
        example = f"; for example {key}: {shown(suggestion, 64)}" if suggestion else ""
        return (f"set id {quoted(instance)} may hold only lower-case letters a-z, digits and '-', starting "
                f"with a letter or digit (no capitals, spaces, '.' or '_'){example}")
    return (f"{named} {quoted(instance)} may hold only letters, digits, '.', '_' and '-', starting with a letter "
            "or digit (no spaces)")


def _not_message(schema: dict, instance: Any) -> str:
    forbidden = schema.get("required", ["?"])[0]
    if forbidden == "standards":
        return "a set with 'based_on' takes its standards from the base set and must not list its own"
    kind = instance.get("type") if isinstance(instance, dict) else None
    return f"{quoted(forbidden)} is not allowed for an item of type {quoted(kind)}"


def _document_order(error: jsonschema.ValidationError) -> list[str]:
    # List positions padded, so that entry 10 comes after entry 9 (as text, "10" < "9").
    return [f"{step:09d}" if isinstance(step, int) else str(step) for step in error.absolute_path]


@cache
def _schema_sha256() -> str:
    return hashlib.sha256(resources.files("s11audit.standards").joinpath("schema.json").read_bytes()).hexdigest()


def _unsure(data: Any) -> bool:
    """Whether ``data`` holds a value on which the compiled check and jsonschema may differ: an infinite
    or not-a-number float (not a number to jsonschema here), a date written in other digits than 0-9,
    a value JSON has no type for, or a key that is not text. Then jsonschema decides."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if not all(isinstance(key, str) for key in value):
                return True
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            if _DATE_LIKE.fullmatch(value) and not value.isascii():
                return True
        elif isinstance(value, float):
            if not math.isfinite(value):
                return True
        elif value is not None and not isinstance(value, (bool, int)):
            return True
    return False


def quickly_valid(data: Any) -> bool:
    """True only for content jsonschema would accept too: the compiled schema accepts it and nothing in
    it is a value the two may read differently (tests/core/test_standards_quick_check.py changes every
    field of the shipped sets in many ways and holds this)."""
    from s11audit.standards import schema_check

    if _schema_sha256() != schema_check.SCHEMA_SHA256 or _unsure(data):
        return False
    try:
        schema_check.validate_s11audit_standards(data)
    except Exception:  # noqa: BLE001 - refused, or a value the compiled check trips on: jsonschema decides
        return False
    return True


def schema_problems(name: str, data: Any, node: yaml.Node | None) -> list[Problem]:
    """Problems the schema finds, the first ``MAX_PROBLEMS`` in the order of the file."""
    if quickly_valid(data):
        return []
    errors = list(islice(_validator().iter_errors(data), MAX_SCHEMA_ERRORS + 1))
    stopped = len(errors) > MAX_SCHEMA_ERRORS
    errors = sorted(errors[:MAX_SCHEMA_ERRORS], key=_document_order)
    problems = []
    for error in errors[:MAX_PROBLEMS]:
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            # Point at the first misspelt key itself, not at the start of its block.
            known = _subschema(error).get("properties", {})
            path.append(next(key for key in error.instance if key not in known))
        problems.append(Problem(name, line_of(node, path), where_in(data, path), _schema_message(error)))
    if len(errors) > MAX_PROBLEMS:
        problems.append(unlisted(name, len(errors) - MAX_PROBLEMS, at_least=stopped))
    return problems


# --- checks beyond the schema --------------------------------------------------------------------


def rule_problems(name: str, data: dict, node: yaml.Node | None) -> list[Problem]:
    """What a schema cannot check (``rules.py``); only run on content the schema found valid."""
    problems: list[Problem] = []

    def add(path: list[Any], message: str) -> None:
        problems.append(Problem(name, line_of(node, path), where_in(data, path), message))

    set_rule_problems(data, add)
    return problems
