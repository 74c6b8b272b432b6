"""Showing text that came from a file we do not control: one line, no control characters, bounded.

An organisation's name in a return, a reference in a register or a key in a standards file can hold
newlines, carriage returns, terminal escape codes or right-to-left overrides that would let a file
print a forged line (``school.s11return: valid: ...``) or reorder what a person reads. Everything
untrusted that we print, log or show in a one-line place goes through :func:`shown`. Text laid out
in paragraphs (narratives in a PDF) keeps its newlines and is escaped by the report code instead.
"""

from __future__ import annotations

import reprlib
import unicodedata

DEFAULT_LIMIT = 120
ELLIPSIS = "..."
# Unicode categories that are never shown as they are: controls (Cc), format characters such as the
# bidirectional overrides and zero-width joiners (Cf), line and paragraph separators (Zl, Zp),
# surrogates (Cs), private use (Co) and unassigned code points (Cn).
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Joiners that Arabic-script and Indic text needs to render; they cannot forge a line.
_ALLOWED_FORMAT = frozenset({"\u200c", "\u200d"})
# Below these, a hidden character's code point fits \xNN, then \uNNNN (above: \UNNNNNNNN).
_TWO_HEX_DIGITS, _FOUR_HEX_DIGITS = 0x100, 0x10000
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother, _REPR.maxlong = 3, 200, 200, 40


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    if char in _ALLOWED_FORMAT or unicodedata.category(char) not in _HIDDEN_CATEGORIES:
        return char
    code = ord(char)
    return (f"\\x{code:02x}" if code < _TWO_HEX_DIGITS else f"\\u{code:04x}" if code < _FOUR_HEX_DIGITS
            else f"\\U{code:08x}")


def _as_text(value: object) -> str:
    # reprlib bounds the work for a huge or deeply nested value (a list given where a name belongs).
    if isinstance(value, str):
        return value
    try:
        return _REPR.repr(value)
    except (ValueError, RecursionError):  # an int past Python's 4,300-digit limit, a self-referring value
        return f"<{type(value).__name__}>"


def shown(value: object, limit: int = DEFAULT_LIMIT) -> str:
    """``value`` as one safe line: control and format characters escaped, cut to ``limit`` with "...".

    Anything that is not text is shown through a bounded ``repr`` (so a list given where a name
    belongs is visible as a list). ``limit`` counts the characters of the result, "..." included.
    """
    text = _as_text(value)
    pieces: list[str] = []
    length = 0
    for char in text[: limit + 1]:  # every character gives at least one, so no more can fit
        pieces.append(_escaped(char))
        length += len(pieces[-1])
        if length > limit:
            break
    if length <= limit and len(pieces) == len(text):
        return "".join(pieces)
    keep = max(0, limit - len(ELLIPSIS))
    while pieces and length > keep:
        length -= len(pieces.pop())
    return "".join(pieces) + ELLIPSIS


def bounded(value: object, limit: int = 1000) -> str:
    """``value`` as text no longer than ``limit`` characters, for storing (not showing) untrusted values.

    Keeps the characters as they are (a log keeps what the file said), only makes it text and cuts it.
    """
    text = _as_text(value)
    # Text from a file can hold lone surrogates (JSON "\\ud800"), which SQLite's UTF-8 cannot store.
    text = text[: limit + 1].encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: max(0, limit - len(ELLIPSIS))] + ELLIPSIS
