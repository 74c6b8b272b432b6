"""The JSON Schemas of ``manifest.json`` and ``return.json``, and their errors in plain words.

Checked after the signature and before any field is used (``verify.py``), and by the writer before
it signs (so s11audit never writes a return it would refuse). The schemas are the files beside
this module; ``docs/return-format.md`` describes the same fields for people.

Two validators read the same schema: ``fastjsonschema`` compiles it to Python once and checks a
valid return in under a millisecond (``jsonschema`` takes 15-30 ms, which over 10,000 imported
returns is minutes); only when it refuses does ``jsonschema`` find the first error and say where,
in words (:func:`problem`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from importlib import resources

import fastjsonschema
import jsonschema

from s11audit.safe_text import shown

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?")
_TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "array": "a list", "object": "an object", "null": "null"}

_FORMAT_WORDS = {"date": "date (YYYY-MM-DD)", "date-time": "date and time (ISO 8601)"}

_formats = jsonschema.FormatChecker(formats=())


@_formats.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    return not isinstance(value, str) or bool(_DATE.fullmatch(value) and dt.date.fromisoformat(value))


@_formats.checks("date-time", raises=ValueError)
def _is_datetime(value: object) -> bool:
    return not isinstance(value, str) or bool(_DATETIME.fullmatch(value) and dt.datetime.fromisoformat(
        value.replace("Z", "+00:00")))


@cache
def _schema(member: str) -> dict:
    schema_file = {"manifest.json": "manifest.schema.json", "return.json": "return.schema.json"}[member]
    return json.loads(resources.files("s11audit.returns").joinpath(schema_file).read_text("utf-8"))


@cache
def _validator(member: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_schema(member), format_checker=_formats)


@cache
def _fast(member: str):
    return fastjsonschema.compile(_schema(member), formats={"date": _is_date, "date-time": _is_datetime})


def _where(error: jsonschema.ValidationError) -> str:
    text = ""
    for step in error.absolute_path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _kinds(schema: dict, root: dict) -> set[str]:
    """The JSON types a (sub)schema allows, following local ``$ref`` and ``anyOf``."""
    if "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in schema:
        return {kind for option in schema["anyOf"] for kind in _kinds(option, root)}
    kinds = schema.get("type", [])
    if "const" in schema:
        kinds = _json_type(schema["const"])
    return {kinds} if isinstance(kinds, str) else set(kinds)


def _allows(kinds: set[str], value: object) -> bool:
    kind = _json_type(value)
    return kind in kinds or (kind == "integer" and "number" in kinds)


def _sentence(member: str, error: jsonschema.ValidationError, root: dict) -> str:
    where, kind, value = _where(error), error.validator, error.instance
    subject = f"{member}: {where}" if where else member
    if kind == "required":
        missing = sorted(set(error.validator_value) - set(value))
        return f"{subject} has no {shown(missing[0] if missing else '?', 60)}"
    if kind in ("type", "anyOf"):
        order = list(_TYPE_WORDS)
        kinds = sorted(_kinds(error.schema, root), key=lambda k: order.index(k) if k in order else 99)
        wanted = ", ".join(_TYPE_WORDS.get(k, k) for k in kinds) or "something else"
        wanted = " or ".join(wanted.rsplit(", ", 1))
        return f"{subject} must be {wanted}, not {_TYPE_WORDS.get(_json_type(value), 'that')}"
    if kind in ("maxLength", "maxItems", "maxProperties"):
        unit = {"maxLength": "characters", "maxItems": "entries", "maxProperties": "keys"}[kind]
        return f"{subject} is too long: more than {error.validator_value:,} {unit}"
    if kind in ("minLength", "minItems"):
        return f"{subject} must not be empty"
    if kind in ("minimum", "maximum"):
        return f"{subject} is {shown(value, 30)}, outside the range allowed"
    if kind == "format":
        return f"{subject} is {shown(value, 40)}, which is not a {_FORMAT_WORDS.get(error.validator_value, 'value')}"
    if kind == "pattern":
        return f"{subject} is {shown(value, 40)}, which is not in the form expected"
    if kind == "const":
        return f"{subject} must be {shown(error.validator_value, 40)}, not {shown(value, 40)}"
    return f"{subject} is not valid"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    for python, name in ((str, "string"), (int, "integer"), (float, "number"), (list, "array"), (dict, "object")):
        if isinstance(value, python):
            return name
    return "unknown"


def problem(member: str, value: object) -> str | None:
    """The first thing wrong with ``manifest.json`` or ``return.json`` as a sentence, or ``None``.

    The sentence starts with the member and the field, e.g. "return.json: organisation.reference must
    be text, not a list". Only the first error is looked for, so a huge invalid value costs no more
    than reaching it.
    """
    try:
        _fast(member)(value)
        return None
    except fastjsonschema.JsonSchemaException as exc:
        fast_reason = exc.message
    validator = _validator(member)
    error = next(validator.iter_errors(value), None)
    if error is None:  # the two validators read a corner of the schema differently: refuse, say why
        return f"{member} does not fit its schema ({shown(fast_reason, 200)})"
    root = validator.schema
    # An anyOf error is clearer as the error inside the option of the value's own type.
    while error.validator == "anyOf" and _allows(_kinds(error.schema, root), error.instance):
        inner = [e for e in error.context if e.validator not in ("type", "anyOf") or len(e.absolute_path) > len(error.absolute_path)]
        if not inner:
            break
        error = max(inner, key=lambda e: len(e.absolute_path))
    return _sentence(member, error, root)
