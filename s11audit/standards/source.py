"""Reading a standards file as YAML while keeping line numbers, and the problems found in it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml


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


class StandardsError(Exception):
    """A standards file that cannot be used, with every problem found in it."""

    def __init__(self, path: Path | str, problems: list[Problem]):
        self.path = Path(path)
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def summary(self) -> str:
        first = self.problems[0]
        more = len(self.problems) - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        return f"{first}{tail}"




# --- parsing -------------------------------------------------------------------------------------


# libyaml's parser when it is installed (several times faster); it keeps line numbers too.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """Safe YAML loader that keeps dates as text (the schema checks them) and refuses duplicate keys."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word, not a list or block", key_node.start_mark)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice in the same block (first on line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse(path: Path) -> tuple[Any, yaml.Node | None]:
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StandardsError(path, [Problem(name, None, "", f"cannot be read: {exc.strerror or exc}")]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StandardsError(
            path, [Problem(name, None, "", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8")]
        ) from exc
    try:
        loader = _Loader(text)
        try:
            # Parse once: keep the node tree (for line numbers) and build the data from it.
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        detail = exc.problem or str(exc)
        raise StandardsError(path, [Problem(name, line, "", f"is not valid YAML: {detail}")]) from exc
    except yaml.YAMLError as exc:
        raise StandardsError(path, [Problem(name, None, "", f"is not valid YAML: {exc}")]) from exc
    if data is None:
        raise StandardsError(path, [Problem(name, None, "", "is empty")])
    if not isinstance(data, dict):
        raise StandardsError(path, [Problem(name, 1, "", "must be a mapping of keys (format, id, title, ...), not a list or text")])
    return data, node


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
    if len(path) >= 2 and path[0] == "standards" and isinstance(path[1], int):
        try:
            standard = data["standards"][path[1]]
            parts.append(f"standard {standard.get('id', path[1] + 1)!r}" if isinstance(standard, dict) else f"standard #{path[1] + 1}")
            if len(path) >= 4 and path[2] == "items" and isinstance(path[3], int):
                item = standard["items"][path[3]]
                parts.append(f"item {item.get('id', path[3] + 1)!r}" if isinstance(item, dict) else f"item #{path[3] + 1}")
        except (IndexError, KeyError, TypeError):
            pass
    elif path and path[0] in ("grade_scale", "sign_off", "based_on", "peer_outcomes"):
        parts.append(str(path[0]).replace("_", " "))
        if len(path) >= 3 and path[1] == "levels" and isinstance(path[2], int):
            try:
                parts.append(f"level {data[path[0]]['levels'][path[2]].get('id', path[2] + 1)!r}")
            except (IndexError, KeyError, TypeError, AttributeError):
                pass
    return ", ".join(parts)
