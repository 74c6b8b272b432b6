"""The JSON Schemas of ``manifest.json`` and ``return.json``, and their errors in plain words.

Checked after the signature and before any field is used (``verify.py``), and by the writer before
it signs (so s11audit never writes a return it would refuse). The schemas are the files beside
this module; ``docs/return-format.md`` describes the same fields for people.

Two validators read the same schema: ``fastjsonschema`` compiles it to Python once and checks a
valid return in under a millisecond (``jsonschema`` takes 15-30 ms, which over 10,000 imported
returns is minutes); only when it refuses does ``jsonschema`` find the first error and say where,
in words (:func:`problem`). Before both, a quick check built from the same schema (:func:`_quick`,
for the keywords our schemas use) passes a valid value in about two thirds of fastjsonschema's time;
it never passes what fastjsonschema refuses (when unsure it leaves the answer to the two), so what
is refused and the words for it do not change.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
import jsonschema

from s11audit.safe_text import shown

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?")
_TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "array": "a list", "object": "an object", "null": "null"}

_FORMAT_WORDS = {"date": "date (YYYY-MM-DD)", "date-time": "date and time (ISO 8601)"}
_UNKNOWN_LAST = len(_TYPE_WORDS)  # a type we have no words for sorts after those we have

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
    schema_file = {"manifest.json": "manifest.schema.json", "return.json": "return.schema.json",
                   "supplement.json": "supplement.schema.json", "the request": "request.schema.json"}[member]
    return json.loads(resources.files("s11audit.returns").joinpath(schema_file).read_text("utf-8"))


@cache
def _validator(member: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(_schema(member), format_checker=_formats)


def _answers(check):
    """A format check that says False instead of raising (``fastjsonschema`` lets the error out)."""
    def fits(value: object) -> bool:
        try:
            return check(value)
        except ValueError:  # e.g. 2027-02-30: the right form, not a real date
            return False
    return fits


_FAST_FORMATS = {"date": _answers(_is_date), "date-time": _answers(_is_datetime)}


@cache
def _fast(member: str):
    return fastjsonschema.compile(_schema(member), formats=_FAST_FORMATS)


def _where(error: jsonschema.ValidationError) -> str:
    text = ""
    for step in error.absolute_path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _kinds(schema: Mapping[str, Any], root: Mapping[str, Any]) -> set[str]:
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


def _subschema(error: jsonschema.ValidationError) -> Mapping[str, Any]:
    """The (sub)schema that refused: jsonschema sets it on every error it yields, and in our schemas
    it is an object wherever a type or anyOf can fail."""
    schema = error.schema
    if not isinstance(schema, Mapping):
        raise TypeError(f"a schema error without an object subschema: {schema!r}")
    return schema


def _sentence(member: str, error: jsonschema.ValidationError, root: Mapping[str, Any]) -> str:
    where, kind = _where(error), error.validator
    # jsonschema sets both on every error it yields (its stubs also allow them to be unset).
    value: Any = error.instance
    expected: Any = error.validator_value
    subject = f"{member}: {where}" if where else member
    if kind == "required":
        missing = sorted(set(expected) - set(value))
        return f"{subject} has no {shown(missing[0] if missing else '?', 60)}"
    if kind in ("type", "anyOf"):
        order = list(_TYPE_WORDS)
        kinds = sorted(_kinds(_subschema(error), root), key=lambda k: order.index(k) if k in order else _UNKNOWN_LAST)
        wanted = ", ".join(_TYPE_WORDS.get(k, k) for k in kinds) or "something else"
        wanted = " or ".join(wanted.rsplit(", ", 1))
        return f"{subject} must be {wanted}, not {_TYPE_WORDS.get(_json_type(value), 'that')}"
    if kind in ("maxLength", "maxItems", "maxProperties"):
        unit = {"maxLength": "characters", "maxItems": "entries", "maxProperties": "keys"}[kind]
        return f"{subject} is too long: more than {expected:,} {unit}"
    return _value_sentence(subject, kind, value, expected)


def _value_sentence(subject: str, kind: object, value: Any, expected: Any) -> str:
    """The sentence for a value of the right type that breaks one of the rules on it."""
    if kind in ("minLength", "minItems"):
        return f"{subject} must not be empty"
    if kind in ("minimum", "maximum"):
        return f"{subject} is {shown(value, 30)}, outside the range allowed"
    if kind == "format":
        return f"{subject} is {shown(value, 40)}, which is not a {_FORMAT_WORDS.get(expected, 'value')}"
    if kind == "pattern":
        return f"{subject} is {shown(value, 40)}, which is not in the form expected"
    if kind == "const":
        return f"{subject} must be {shown(expected, 40)}, not {shown(value, 40)}"
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
    quick = _quick(member)
    if quick is not None and quick(value):
        return _kind_problem(member, value)
    try:
        _fast(member)(value)
        return _kind_problem(member, value)
    except fastjsonschema.JsonSchemaValueException as exc:
        fast_reason = exc.message
    validator = _validator(member)
    error = next(validator.iter_errors(value), None)
    if error is None:  # the two validators read a corner of the schema differently: refuse, say why
        return f"{member} does not fit its schema ({shown(fast_reason, 200)})"
    root = _schema(member)  # the validator's own schema (both are cached)
    # An anyOf error is clearer as the error inside the option of the value's own type.
    while error.validator == "anyOf" and _allows(_kinds(_subschema(error), root), error.instance):
        inner = [e for e in error.context
                 if e.validator not in ("type", "anyOf") or len(e.absolute_path) > len(error.absolute_path)]
        if not inner:
            break
        error = max(inner, key=lambda e: len(e.absolute_path))
    return _sentence(member, error, root)


def _kind_problem(member: str, value: object) -> str | None:
    """What a schema-valid ``return.json`` of kind ``compliance_statement`` lacks (its ``baseline`` and
    ``statement``), or ``None``. Kept out of the schema (``if``/``then``) so the quick check reads it."""
    if member != "return.json" or not isinstance(value, dict) or value.get("kind") != "compliance_statement":
        return None
    for key in ("baseline", "statement"):
        if key not in value:
            return f"{member} is a compliance statement but has no {key}"
    return None


# --- the quick check of a valid value ------------------------------------------------------------------
# fastjsonschema's generated code costs most of a return's schema check in sets and repeated type tests.
# For the keywords our schemas use, a table per object (each property's types and string lengths, a nested
# check only where there is more to check) says "valid" in a third of the time. It only ever says a value is
# valid when every keyword holds (it is stricter where unsure: a float for "integer", a newline before a
# pattern's "$"); anything else goes to the two validators above, so what is refused and why is unchanged.

_KINDS = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "null": (type(None),),
          "array": (list,), "object": (dict,)}
_ANY = frozenset(t for kinds in _KINDS.values() for t in kinds)
_QUICK_KEYWORDS = {"$schema", "$id", "title", "description", "type", "maxLength", "minLength", "maxItems",
                   "minItems", "maxProperties", "minimum", "maximum", "pattern", "format", "const", "required",
                   "properties", "additionalProperties", "items"}
_UNLIMITED = float("inf")


class _Unsupported(Exception):
    pass


def _spec(schema: dict, formats: dict) -> tuple:
    """(allowed Python types, longest string, shortest string, further check or None) for one subschema."""
    if not isinstance(schema, dict) or set(schema) - _QUICK_KEYWORDS:
        raise _Unsupported(schema)
    kinds = schema.get("type")
    if kinds is None:
        types = _ANY
    else:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if any(kind not in _KINDS for kind in kinds):
            raise _Unsupported(kinds)
        types = frozenset(t for kind in kinds for t in _KINDS[kind])
    if "const" in schema:
        if not isinstance(schema["const"], str):
            raise _Unsupported(schema["const"])
        types = frozenset({str})
    further = _further(schema, formats)
    return types, schema.get("maxLength", _UNLIMITED), schema.get("minLength", 0), further


def _further(schema: dict, formats: dict):
    """The check of what a type and length do not say (None when nothing is left), or raises _Unsupported."""
    checks = []
    if "const" in schema:
        const = schema["const"]
        checks.append(lambda v: v == const)
    if "pattern" in schema:
        pattern = re.compile(schema["pattern"])
        checks.append(lambda v: type(v) is not str or ("\n" not in v and pattern.search(v) is not None))
    if "format" in schema:
        if schema["format"] not in formats:
            raise _Unsupported(schema["format"])
        check_format = formats[schema["format"]]
        checks.append(lambda v: type(v) is not str or bool(check_format(v)))
    if "minimum" in schema or "maximum" in schema:
        low, high = schema.get("minimum", -_UNLIMITED), schema.get("maximum", _UNLIMITED)
        checks.append(lambda v: type(v) not in (int, float) or low <= v <= high)
    if "items" in schema or "maxItems" in schema or "minItems" in schema:
        checks.append(_array(schema, formats))
    if {"properties", "required", "additionalProperties", "maxProperties"} & set(schema):
        checks.append(_object(schema, formats))
    if not checks:
        return None
    if len(checks) == 1:
        return checks[0]
    return lambda v: all(check(v) for check in checks)


def _array(schema: dict, formats: dict):
    longest, shortest = schema.get("maxItems", _UNLIMITED), schema.get("minItems", 0)
    items = _spec(schema["items"], formats) if "items" in schema else None

    def check(value) -> bool:
        if type(value) is not list:
            return True
        if not shortest <= len(value) <= longest:
            return False
        if items is not None:
            types, most, least, further = items
            for item in value:
                kind = type(item)
                if kind not in types or (kind is str and not least <= len(item) <= most) or (
                        further is not None and not further(item)):
                    return False
        return True
    return check


def _object(schema: dict, formats: dict):
    properties = {key: _spec(sub, formats) for key, sub in schema.get("properties", {}).items()}
    required = tuple(schema.get("required", ()))
    most = schema.get("maxProperties", _UNLIMITED)
    additional = schema.get("additionalProperties", True)
    if additional is not True:
        additional = _spec(additional, formats) if isinstance(additional, dict) else _Unsupported
        if additional is _Unsupported:
            raise _Unsupported(schema["additionalProperties"])
    anything = (_ANY, _UNLIMITED, 0, None)
    other = anything if additional is True else additional

    def check(value) -> bool:
        if type(value) is not dict:
            return True
        if len(value) > most:
            return False
        for key in required:
            if key not in value:
                return False
        for key, item in value.items():
            types, longest, shortest, further = properties.get(key, other)
            kind = type(item)
            if kind not in types or (kind is str and not shortest <= len(item) <= longest) or (
                    further is not None and not further(item)):
                return False
        return True
    return check


@cache
def _quick(member: str):
    """True when the value surely fits ``member``'s schema; None when the schema uses keywords it does not read."""
    try:
        types, longest, shortest, further = _spec(_schema(member), _FAST_FORMATS)
    except _Unsupported:
        return None

    def fits(value) -> bool:
        kind = type(value)
        return kind in types and (kind is not str or shortest <= len(value) <= longest) and (
            further is None or further(value))
    return fits
