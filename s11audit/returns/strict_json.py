"""Parsing JSON from a file we do not control: UTF-8 only, bounded depth and numbers, no duplicate keys.

Python's ``json`` accepts what a return must not hold: ``NaN`` and ``Infinity``, numbers of any
length (a 5,000-digit integer stops Python's conversion, and a 20-digit one cannot be stored in
SQLite), the same key twice (where another reader could keep the other value) and nesting until
the interpreter's recursion limit. :func:`parse` refuses each with a sentence naming the member.
"""

from __future__ import annotations

import json
import math
import re

from s11audit.returns.limits import LIMITS, Limits


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class JsonProblem(ValueError):
    """Why a JSON member was refused (the sentence names the member)."""


def _no_duplicates(name: str):
    def pairs(items: list[tuple[str, object]]) -> dict:
        result = dict(items)
        if len(result) != len(items):
            seen: set[str] = set()
            for key, _ in items:
                if key in seen:
                    from s11audit.safe_text import shown

                    raise JsonProblem(f"{name} gives the key {shown(key, 60)} twice in one object")
                seen.add(key)
        return result
    return pairs


def _integer(name: str, digits: int):
    def parse_int(text: str) -> int:
        if len(text.lstrip("-")) > digits:
            raise JsonProblem(f"{name} holds a number with {len(text.lstrip('-')):,} digits; "
                              f"at most {digits} are allowed")
        return int(text)
    return parse_int


def _real(name: str, digits: int):
    def parse_float(text: str) -> float:
        if len(text) > digits + 12:
            raise JsonProblem(f"{name} holds a number written with {len(text):,} characters; too long")
        value = float(text)
        if not math.isfinite(value):
            raise JsonProblem(f"{name} holds a number too large to be a real value ({text[:20]})")
        return value
    return parse_float


def _constant(name: str):
    def parse_constant(text: str) -> float:
        raise JsonProblem(f"{name} holds {text}, which is not a number JSON allows")
    return parse_constant


# Every byte but the quotes and brackets, deleted when measuring nesting (UTF-8 never uses these bytes
# inside a multi-byte character, so working on the bytes is safe).
_NOT_STRUCTURE = bytes(byte for byte in range(256) if byte not in b'"[]{}')
_AS_SQUARE = bytes.maketrans(b"{}", b"[]")  # for depth, an object is a container like a list
_STRING = re.compile(rb'"[^"]*"')


def _depth(data: bytes, limit: int) -> int:
    """The nesting depth of the containers in JSON text that parsed (so is well formed); stops past ``limit``.

    Measured on the bytes, not by walking the parsed value (which cost a third of parsing): escaped
    backslashes and quotes are dropped (escapes pair from the left), then every byte but quotes and
    brackets (braces become square ones), then the strings (brackets inside them are text). What is
    left is the containers' brackets; each pass removes the empty ones, so the number of passes until
    nothing is left is the depth.
    """
    brackets = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(_AS_SQUARE, _NOT_STRUCTURE)
    brackets = brackets.replace(b'""', b"")  # strings with no bracket in them (most): quotes alternate, so safe
    if b'"' in brackets:
        brackets = _STRING.sub(b"", brackets)
    depth = 0
    while brackets and depth <= limit:
        brackets = brackets.replace(b"[]", b"")  # one pass, left to right: only the containers empty before it
        depth += 1
    return depth


def parse(data: bytes, name: str, limits: Limits = LIMITS) -> object:
    """The JSON value in ``data``; raises :class:`JsonProblem` with the reason."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonProblem(f"{name} is not UTF-8 text (byte {exc.start})") from exc
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates(name), parse_int=_integer(name, limits.number_digits),
                           parse_float=_real(name, limits.number_digits), parse_constant=_constant(name))
    except RecursionError as exc:
        raise JsonProblem(f"{name} is nested more than {limits.json_depth} levels deep") from exc
    except json.JSONDecodeError as exc:
        raise JsonProblem(f"{name} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc
    if _depth(data, limits.json_depth) > limits.json_depth:
        raise JsonProblem(f"{name} is nested more than {limits.json_depth} levels deep")
    # A "\\ud800" escape parses to a lone surrogate, which no UTF-8 file or database can hold. Text
    # decoded from UTF-8 has none, so only a file with such an escape needs the (slower) full check.
    if _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as exc:
            raise JsonProblem(f"{name} holds text that is not valid Unicode (a lone surrogate escape)") from exc
    return value
