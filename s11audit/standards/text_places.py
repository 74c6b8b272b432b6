"""Values that YAML reads as something other than the text the author wrote, found on the node tree.

YAML turns an unquoted ``3.10`` into the number 3.1, ``01`` into 1, ``Yes`` into true, and splits
``[a, (e.g. CPOMS, MyConcern), b]`` at every comma. In a standards set these are always mistakes
where text is expected (ids, numbers, versions, level ids, descriptor keys, choices, labels), and
the schema could only say "must be text, not float 3.1", about a value the author never wrote.
So, before the data is built, each plain (unquoted) value in such a place is looked at as written:

- a whole number written plainly (``id: 3``, ``0:`` as a descriptor key) reads back as the same
  text, so it is taken as that text, silently;
- any other number (``3.10``, ``1.1``, ``1.0``, ``01``, ``-1``, ``1_000``) and true/false words
  (``Yes``, ``No``, ``on``) are refused with the line and the quoted form to write instead; and
  are then taken as the text written, so the schema does not report them a second time;
- an entry of a ``[...]`` list left with an unclosed ``(`` that the next entries close was split
  at a comma, and is refused with the whole text to put in quotes.

The walk is a loop over a tree already bounded by ``source._scan`` (depth and node count).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from s11audit.safe_text import shown

MAX_NUMBER_CHARS = 40  # as source.MAX_NUMBER_CHARS: a longer number is only named, never built

_STR = "tag:yaml.org,2002:str"
_NUMBER_TAGS = {"tag:yaml.org,2002:int": "number", "tag:yaml.org,2002:float": "number",
                "tag:yaml.org,2002:bool": "bool"}
_WHOLE = re.compile(r"(0|[1-9][0-9]*)\Z")

# Keys whose value is always text in a standards set (schema.json), and keys whose entries or
# keys are (``choices: [...]``, ``based_on: standards: [...]``; ``descriptors:``, ``scales:``).
TEXT_KEYS = frozenset({
    "id", "number", "version", "meets", "action_required_below", "group", "scale", "set", "title", "label",
    "name", "meaning", "text", "role", "intent", "unit", "report_label", "legal_basis", "publisher",
    "statutory_reference", "reference", "intro", "guidance", "description", "resources", "declaration",
    "same", "improved", "declined", "narrative_prompt", "action_progress_prompt"})
TEXT_LISTS = {"choices": "choice", "standards": "standard"}
TEXT_KEYED = {"descriptors": "descriptor key", "scales": "scale id"}

Report = Callable[[list[Any], int, str], None]  # (JSON path, line, message)


def _plain(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.style in (None, "")


def _as_read(node: yaml.ScalarNode) -> Any:
    """What YAML made of the token (for the message), without building anything large."""
    try:
        return yaml.constructor.SafeConstructor().construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError):
        return None


def _number_problem(node: yaml.ScalarNode, named: str, fix: str) -> str | None:
    """The message for a plain value read as a number or true/false; None when it is taken as text."""
    kind = _NUMBER_TAGS.get(node.tag)
    if kind is None or not _plain(node):
        return None
    written = shown(node.value, 40)
    if kind == "number" and _WHOLE.match(node.value):
        return None
    value = _as_read(node) if len(node.value) <= MAX_NUMBER_CHARS else None
    if kind == "bool":
        read = f"was read as {'true' if value else 'false'} (a yes/no value)"
    elif value is not None and shown(value, 40) != written:
        read = f"was read as the number {shown(value, 40)}"
    else:
        read = "was read as a number"
    return f"{named} {written} {read}; put it in quotes: {fix}"


def _take_as_text(node: yaml.ScalarNode) -> None:
    node.tag = _STR  # built as the text written, so the schema does not repeat the problem


def _scalar(node: yaml.Node, path: list[Any], key: Any, report: Report) -> None:
    if key == "meets" and node.tag == "tag:yaml.org,2002:bool":
        return  # a peer outcome's "meets" is true or false (a grade scale's names a level)
    if isinstance(key, str) and key in TEXT_KEYS and isinstance(node, yaml.ScalarNode):
        written = shown(node.value, 40)
        message = _number_problem(node, key, f'{key}: "{written}"')
        if message:
            report(path, node.start_mark.line + 1, message)
        if node.tag in _NUMBER_TAGS and _plain(node):
            _take_as_text(node)


def _keys(node: yaml.MappingNode, path: list[Any], what: str, report: Report) -> None:
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or not _plain(key_node):
            continue
        written = shown(key_node.value, 40)
        message = _number_problem(key_node, what, f'"{written}":')
        if message:
            report([*path, key_node.value], key_node.start_mark.line + 1, message)
        if key_node.tag in _NUMBER_TAGS:
            _take_as_text(key_node)


def _entries(node: yaml.SequenceNode, path: list[Any], what: str, report: Report) -> None:
    for index, entry in enumerate(node.value):
        if isinstance(entry, yaml.ScalarNode):
            written = shown(entry.value, 40)
            message = _number_problem(entry, f"the {what}", f'"{written}"')
            if message:
                report([*path, index], entry.start_mark.line + 1, message)
            if entry.tag in _NUMBER_TAGS and _plain(entry):
                _take_as_text(entry)


def _depth(text: str) -> int:
    return text.count("(") - text.count(")")


def _split_entries(node: yaml.SequenceNode, path: list[Any], what: str, report: Report) -> None:
    """A ``[...]`` list whose plain entries open a bracket that later entries close."""
    entries = node.value
    index = 0
    while index < len(entries):
        first = entries[index]
        if _plain(first) and _depth(first.value) > 0:
            depth, end = _depth(first.value), index
            while depth > 0 and end + 1 < len(entries) and _plain(entries[end + 1]):
                end += 1
                depth += _depth(entries[end].value)
            if end > index and depth <= 0:
                whole = ", ".join(e.value for e in entries[index:end + 1])
                report([*path, index], first.start_mark.line + 1,
                       f'the {what} "{shown(first.value, 40)}" was split at a comma; put each {what} in quotes: '
                       f'"{shown(whole, 80)}"')
                index = end
        index += 1


def check_text_places(root: yaml.Node, report: Report) -> None:
    """Report each value of ``root`` read as other than the text written (see the module's doc),
    and retag the numbers so that the data is built with the text written."""
    stack: list[tuple[yaml.Node, list[Any], Any]] = [(root, [], None)]
    while stack:
        node, path, key = stack.pop()
        if isinstance(node, yaml.MappingNode):
            if key in TEXT_KEYED and not (key == "scales" and path[:-1]):
                _keys(node, path, TEXT_KEYED[key], report)
            for key_node, value in reversed(node.value):
                child_key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                stack.append((value, [*path, child_key], child_key))
        elif isinstance(node, yaml.SequenceNode):
            what = TEXT_LISTS.get(key, "entry") if isinstance(key, str) else "entry"
            if key in TEXT_LISTS:
                _entries(node, path, what, report)
            if node.flow_style:
                _split_entries(node, path, what, report)
            for index in reversed(range(len(node.value))):
                stack.append((node.value[index], [*path, index], key))
        else:
            _scalar(node, path, key, report)
