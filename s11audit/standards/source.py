"""Reading a standards file as YAML while keeping line numbers, and the problems found in it.

A standards file can come from anyone (a partnership's website, an e-mail attachment, a file dropped
in the per-user folder that the app reads at every start), so it is read as hostile input: its size,
the YAML features it may use and the size and shape of what it holds are limited *before* anything
builds or walks the whole of it (the limits are listed in ``standards/README.md``, "Limits"). Every
message about a problem is one short line, whatever the file holds.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from collections.abc import Iterable

import yaml

from s11audit.safe_text import shown
from s11audit.standards.text_places import check_text_places

# --- limits --------------------------------------------------------------------------------------
# Each is far above what a real set needs (the largest shipped set is 60 KB, 1,100 values, nested 7
# deep, its longest text 1,500 characters) and far below what makes reading a file slow or large.

MAX_FILE_BYTES = 2 * 1024 * 1024  # refused before the file is read whole
MAX_DEPTH = 20  # lists and blocks inside one another
MAX_NODES = 10_000  # keys, values and list entries; schema validation takes ~40 microseconds each
MAX_SCALAR_CHARS = 100_000  # any single value or key (the schema's own limits per field are lower)
MAX_NUMBER_CHARS = 40  # a number written with more characters than this is a mistake
MAX_PROBLEMS = 50  # problems listed per file; the rest are counted in one line

# Lengths of the JSON paths that ``where_in`` names: ["standards", 3] (a standard), ["standards", 3,
# "items", 0] (its item or criterion; ["scales", "x", "levels", 0] alike) and ["grade_scale", "levels", 0].
_TO_STANDARD, _TO_ENTRY, _TO_LEVEL = 2, 4, 3


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a standards file."""

    file: str
    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        where = f" {self.where}:" if self.where else ""
        return f"{place}:{where} {self.message}"


@dataclass(frozen=True)
class Unlisted(Problem):
    """Stands for the problems found beyond the first ``MAX_PROBLEMS``, which are only counted."""

    count: int = 0
    at_least: bool = False  # counting stopped early: there may be more


def unlisted(file: str, count: int, at_least: bool = False) -> Unlisted:
    more = f"{'at least ' if at_least else ''}{count:,}"
    return Unlisted(file, None, "", f"and {more} more problem{'s' if count > 1 else ''} not listed "
                                    "(fix the ones above first)", count, at_least)


def capped(problems: list[Problem]) -> list[Problem]:
    """The first ``MAX_PROBLEMS`` problems, then one line counting the rest."""
    listed = [p for p in problems if not isinstance(p, Unlisted)]
    counted = [p for p in problems if isinstance(p, Unlisted)]
    if len(listed) <= MAX_PROBLEMS and len(counted) <= 1:
        return listed + counted
    rest = len(listed[MAX_PROBLEMS:]) + sum(p.count for p in counted)
    at_least = any(p.at_least for p in counted)
    return [*listed[:MAX_PROBLEMS], unlisted(problems[0].file, rest, at_least)]


def quoted(value: Any, limit: int = 60) -> str:
    """A value from the file as a message shows it: text in quotes, anything else a bounded repr."""
    return f"'{shown(value, limit)}'" if isinstance(value, str) else shown(value, limit)


class StandardsError(Exception):
    """A standards file that cannot be used, with every problem found in it (the first 50 listed)."""

    def __init__(self, path: Path | str, problems: list[Problem]):
        self.path = Path(path)
        self.problems = capped(list(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def count(self) -> int:
        """How many problems were found, counting those not listed."""
        return sum(p.count if isinstance(p, Unlisted) else 1 for p in self.problems)

    @property
    def summary(self) -> str:
        first = self.problems[0]
        more = self.count - 1
        at_least = "at least " if any(isinstance(p, Unlisted) and p.at_least for p in self.problems) else ""
        tail = f" (and {at_least}{more:,} more problem{'s' if more > 1 else ''})" if more else ""
        return f"{first}{tail}"


# --- the YAML loader -----------------------------------------------------------------------------

_STR_TAG = "tag:yaml.org,2002:str"


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word, not a list or block", key_node.start_mark)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {quoted(key)} appears twice in the same block (first on line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)


def _number_constructor(construct):
    """Wrap PyYAML's int or float constructor so that a number is never long enough to be slow.

    ``int()`` refuses more than 4,300 digits with a ValueError (not a YAML error), and a base-60
    number (``1:30:00``, YAML 1.1) is built by repeated multiplication, slow for a long one.
    """

    def constructor(loader: yaml.BaseLoader, node: yaml.ScalarNode):
        value = str(node.value)
        if len(value) > MAX_NUMBER_CHARS:
            raise yaml.constructor.ConstructorError(
                None, None, f"the number {shown(value, 24)} is {len(value):,} characters long; "
                            "put it in quotes if it is text", node.start_mark)
        try:
            return construct(loader, node)
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"{quoted(value)} is not a number", node.start_mark) from exc

    return constructor


def _loader_class(base: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """A safe loader on ``base`` that keeps dates as text (the schema checks them), refuses duplicate
    keys and keys that are lists, and refuses over-long numbers."""
    loader = cast("type[yaml.SafeLoader]",  # type() with a base makes a subclass of it; mypy says only "type"
                  type(f"Standards{base.__name__}", (base,), {"__doc__": _loader_class.__doc__}))
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    safe = yaml.constructor.SafeConstructor
    loader.add_constructor("tag:yaml.org,2002:int", _number_constructor(safe.construct_yaml_int))
    loader.add_constructor("tag:yaml.org,2002:float", _number_constructor(safe.construct_yaml_float))
    return loader


# libyaml's parser when it is installed (several times faster); it keeps line numbers too. The
# pure-Python one gets the same rules (and is what the tests also run every hostile file through).
_Loader = _loader_class(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_PyLoader = _loader_class(yaml.SafeLoader)


# --- reading the file ----------------------------------------------------------------------------

# Characters YAML does not allow in a file (its "printable" set), and U+FEFF, which is allowed only
# as the byte order mark at the very start (removed on decoding): one in the middle usually means
# files were pasted together, and it would end up invisible inside a key or a text.
_NOT_ALLOWED = re.compile(r"[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\U00010000-\U0010FFFF]")


def _refused(path: Path, line: int | None, message: str) -> StandardsError:
    return StandardsError(path, [Problem(path.name, line, "", message)])


def _read_text(path: Path) -> str:
    """The file's text, refused unread when it is too big and refused when it is not UTF-8 text."""
    try:
        if path.exists() and not path.is_file():  # a folder, a device or a pipe (which would block)
            raise _refused(path, None, "is not a file")
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)  # never more, even if the size said otherwise
    except OSError as exc:
        raise _refused(path, None, f"cannot be read: {shown(exc.strerror or exc, 200)}") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise _refused(path, None, f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, the most a standards set "
                                   "may be (the largest shipped set is 60 KB); is it the right file?")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _refused(path, None, "is UTF-16 text; save it as UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refused(path, None, f"is not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    bad = _NOT_ALLOWED.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        if bad.group() == "\ufeff":
            raise _refused(path, line, "has a byte order mark (U+FEFF) that is not at the start of the file; were "
                                       "files pasted together? Delete it")
        raise _refused(path, line, f"holds the control character {shown(bad.group())}, which a text file never "
                                   "has; is the file damaged, or not a YAML file?")
    return text


def _tag_name(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def _scan_event(event: yaml.Event, depth: int, nodes: int) -> str | None:
    """What is wrong with one YAML event, given the nesting depth and node count so far."""
    if isinstance(event, yaml.AliasEvent):
        # Refused outright rather than counted: no set needs them (the shipped ones use none), and
        # an alias makes PyYAML share one object many times over, so a few lines can stand for
        # 10^8 values that every later step (schema, messages, the content hash) would walk.
        return (f"YAML aliases (*{shown(event.anchor, 30)}) are not allowed in a standards set; "
                "write the text out in full")
    if nodes > MAX_NODES:
        return (f"holds more than {MAX_NODES:,} values (keys, texts and list entries), far more than a "
                "standards set needs; is it the right file?")
    if depth > MAX_DEPTH:
        return f"nests lists and blocks more than {MAX_DEPTH} levels deep, far more than a standards set needs"
    tag = getattr(event, "tag", None)
    if tag not in (None, "!", _STR_TAG):
        # Only !!str is useful (``version: !!str 2026.1``); the rest build values (dates, bytes,
        # sets) that are never right here, and some make PyYAML raise errors that are not YAML errors.
        return f"YAML tags ({shown(_tag_name(tag), 40)}) are not allowed in a standards set; only !!str is"
    if isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_SCALAR_CHARS:
        return (f"holds a value {len(event.value):,} characters long; no value in a standards set may be "
                f"longer than {MAX_SCALAR_CHARS:,}")
    return None


_OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _scan(path: Path, loader: yaml.SafeLoader) -> None:
    """Read the YAML events once, before any tree is built, and refuse at the first event that
    breaks a limit: aliases, too many values, too deep, tags, huge values, several documents.

    The events are counted in a loop (never recursion), so a hostile file is refused early, with
    the line where it passed the limit; building the tree (recursive in both PyYAML and libyaml's
    binding) only happens for a file within the limits.
    """
    depth = nodes = documents = 0
    while (event := loader.get_event()) is not None:
        kind = type(event)
        if kind is yaml.ScalarEvent or kind in _OPENING or kind is yaml.AliasEvent:
            nodes += 1
            depth += kind in _OPENING
            wrong = _scan_event(event, depth, nodes)
            if wrong:
                raise _refused(path, event.start_mark.line + 1, wrong)
        elif kind in _CLOSING:
            depth -= 1
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _refused(path, event.start_mark.line + 1, "holds more than one YAML document (a second "
                                                                 "'---'); a standards set is one document")


def _yaml_problem(path: Path, text: str, exc: yaml.YAMLError) -> StandardsError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark else None
    position = getattr(exc, "position", None)
    if line is None and isinstance(position, int):  # a ReaderError
        line = text.count("\n", 0, position) + 1
    detail = getattr(exc, "problem", None) or str(exc)
    if mark is not None and _tab_at(text, mark):
        # libyaml says only "found character that cannot start any token".
        detail = "a tab is used where YAML needs spaces (indent with spaces, never tabs)"
    return _refused(path, line, f"is not valid YAML: {shown(detail, 160)}")


def _tab_at(text: str, mark: yaml.Mark) -> bool:
    """Whether the YAML error at ``mark`` is at a tab."""
    start = 0
    for _ in range(mark.line):  # at most one pass over the text, and only for a file with an error
        start = text.find("\n", start) + 1
        if start == 0:
            return False
    return text[start + mark.column: start + mark.column + 1] == "\t"


def parse(path: Path) -> tuple[Any, yaml.Node | None]:
    """The file's content and its YAML node tree (for line numbers), or a StandardsError."""
    data, node, _ = parse_checked(path)
    return data, node


def parse_checked(path: Path) -> tuple[Any, yaml.Node | None, list[Problem]]:
    """``parse``, and the values YAML read as other than the text written (``text_places.py``):
    ``id: 3.10`` read as 3.1, ``choices: [a, (b, c)]`` split at a comma. Those values are taken
    as the text written, so the content can still be checked; the file is refused all the same."""
    text = _read_text(path)
    found: list[tuple[list[Any], int, str]] = []
    try:
        loader = _Loader(text)
        try:
            _scan(path, loader)
        finally:
            loader.dispose()
        loader = _Loader(text)
        try:
            # Parse once more, now known to be within the limits: keep the node tree (for line
            # numbers) and build the data from it.
            node = loader.get_single_node()
            if node is not None:
                check_text_places(node, lambda where, line, message: found.append((where, line, message)))
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise _yaml_problem(path, text, exc) from exc
    if data is None:
        raise _refused(path, None, "is empty")
    if not isinstance(data, dict):
        raise _refused(path, 1, "must be a mapping of keys (format, id, title, ...), not a list or text")
    return data, node, [Problem(path.name, line, where_in(data, where), message) for where, line, message in found]


def line_of(node: yaml.Node | None, path: Iterable[Any]) -> int | None:
    """Line number of the YAML node at a JSON path, or of its nearest existing parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            found = node.value[step]
        else:
            found = None
        if found is None:
            break
        node = found
        line = node.start_mark.line + 1
    return line


def where_in(data: Any, path: list[Any]) -> str:
    """The standard and item a JSON path points into, in the users' words."""
    parts = []
    if len(path) >= _TO_STANDARD and path[0] == "standards" and isinstance(path[1], int):
        with contextlib.suppress(IndexError, KeyError, TypeError, AttributeError):
            standard = data["standards"][path[1]]
            parts.append(f"standard {quoted(standard.get('id', path[1] + 1))}" if isinstance(standard, dict)
                         else f"standard #{path[1] + 1}")
            if len(path) >= _TO_ENTRY and path[2] in ("items", "criteria") and isinstance(path[3], int):
                what = "item" if path[2] == "items" else "criterion"
                entry = standard[path[2]][path[3]]
                parts.append(f"{what} {quoted(entry.get('id', path[3] + 1))}" if isinstance(entry, dict)
                             else f"{what} #{path[3] + 1}")
    elif path and path[0] in ("grade_scale", "sign_off", "based_on", "peer_outcomes"):
        parts.append(str(path[0]).replace("_", " "))
        if len(path) >= _TO_LEVEL and path[1] == "levels" and isinstance(path[2], int):
            with contextlib.suppress(IndexError, KeyError, TypeError, AttributeError):
                parts.append(f"level {quoted(data[path[0]]['levels'][path[2]].get('id', path[2] + 1))}")
    elif len(path) >= _TO_STANDARD and path[0] in ("scales", "groups"):
        parts.append(_scale_or_group(data, path))
    return ", ".join(p for p in parts if p)


def _scale_or_group(data: Any, path: list[Any]) -> str:
    """``scale 'x'`` (and its level) or ``group 'x'`` for a path into ``scales:`` or ``groups:``."""
    try:
        if path[0] == "groups":
            group = data["groups"][path[1]]
            return f"group {quoted(group.get('id', path[1] + 1))}" if isinstance(group, dict) else ""
        named = f"scale {quoted(path[1])}"
        if len(path) >= _TO_ENTRY and path[2] == "levels" and isinstance(path[3], int):
            named += f", level {quoted(data['scales'][path[1]]['levels'][path[3]].get('id', path[3] + 1))}"
        return named
    except (IndexError, KeyError, TypeError, AttributeError):
        return ""
