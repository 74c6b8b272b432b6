"""Read, validate and resolve standards set files.

A file is parsed with line numbers kept, validated against ``schema.json`` and then checked for
what a schema cannot say (unique ids, a descriptor for every grade, references between keys). All
problems are collected and reported together, each naming the file, the line and the standard or
item. A file with any problem is skipped whole: nothing is ever half-loaded.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import jsonschema
import yaml

from s11audit.organisations import TYPES_BY_ID
from s11audit.standards.model import (
    GradeLevel,
    GradeScale,
    Item,
    ItemType,
    Requirement,
    Signatory,
    SignOff,
    Standard,
    StandardsSet,
)

FORMAT = "s11audit-standards/1"
SUFFIXES = (".yaml", ".yml")


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


@dataclass(frozen=True)
class SkippedFile:
    path: Path
    reason: str


@dataclass
class LoadReport:
    """What ``discover`` found: the usable sets and the files it skipped, with why."""

    sets: list[StandardsSet] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)

    def find(self, set_id: str, version: str | None = None) -> StandardsSet | None:
        matches = [s for s in self.sets if s.id == set_id and (version is None or s.version == version)]
        return max(matches, key=lambda s: s.effective_date, default=None)

    def for_kind(self, kind: str) -> list[StandardsSet]:
        return [s for s in self.sets if kind in s.organisation_kinds]


# --- parsing -------------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as text (the schema checks them) and refuses duplicate keys."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice in the same block (first on line {seen[key]})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _parse(path: Path) -> tuple[Any, yaml.Node | None]:
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
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
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


def _line_of(node: yaml.Node | None, path: Iterable[Any]) -> int | None:
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


def _where(data: Any, path: list[Any]) -> str:
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
    elif path and path[0] in ("grade_scale", "sign_off", "based_on"):
        parts.append(str(path[0]).replace("_", " "))
        if len(path) >= 3 and path[1] == "levels" and isinstance(path[2], int):
            try:
                parts.append(f"level {data['grade_scale']['levels'][path[2]].get('id', path[2] + 1)!r}")
            except (IndexError, KeyError, TypeError, AttributeError):
                pass
    return ", ".join(parts)


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
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"unknown key {', '.join(repr(e) for e in extra)} (check the spelling; see standards/README.md)"
    if kind == "const" and key == "format":
        return f"unsupported format {error.instance!r}: this version of s11audit reads '{FORMAT}'"
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"{named} is {error.instance!r}, which is not one of: {allowed}"
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


def _schema_problems(name: str, data: Any, node: yaml.Node | None) -> list[Problem]:
    problems = []
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        problems.append(Problem(name, _line_of(node, path), _where(data, path), _schema_message(error)))
    return problems


# --- checks beyond the schema --------------------------------------------------------------------


def _semantic_problems(name: str, data: dict, node: yaml.Node | None) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: list[Any], message: str) -> None:
        problems.append(Problem(name, _line_of(node, path), _where(data, path), message))

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


# --- building the model --------------------------------------------------------------------------


def _canonical(content: dict) -> bytes:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_hash(content: dict) -> str:
    return hashlib.sha256(_canonical(content)).hexdigest()


def _build(content: dict) -> StandardsSet:
    scale = content["grade_scale"]
    level_ids = [level["id"] for level in scale["levels"]]
    below = scale.get("action_required_below")
    threshold = level_ids.index(below) if below else -1
    levels = tuple(
        GradeLevel(
            id=level["id"],
            label=level["label"],
            meaning=level["meaning"],
            colour=level["colour"],
            score=float(level.get("score", index + 1)),
            needs_action=bool(level.get("needs_action", False)) or index < threshold,
            requires=Requirement(level["requires"]) if "requires" in level else None,
        )
        for index, level in enumerate(scale["levels"])
    )
    na = scale.get("not_applicable")
    grade_scale = GradeScale(
        name=scale["name"],
        levels=levels,
        meets=scale["meets"],
        not_applicable_allowed=na is not None,
        not_applicable_label=(na or {}).get("label", "Not applicable"),
        not_applicable_reason_required=bool((na or {}).get("reason_required", True)),
    )
    standards = tuple(
        Standard(
            id=s["id"],
            number=s["number"],
            title=s["title"].strip(),
            statutory_reference=s.get("statutory_reference", "").strip(),
            intent=s["intent"].strip(),
            guidance=s.get("guidance", "").strip(),
            descriptors={k: v.strip() for k, v in s["descriptors"].items()},
            applies_to=frozenset(s.get("applies_to", [])),
            items=tuple(
                Item(
                    id=i["id"],
                    text=i["text"].strip(),
                    type=ItemType(i["type"]),
                    required=i.get("required", True),
                    guidance=i.get("guidance", "").strip(),
                    applies_to=frozenset(i.get("applies_to", [])),
                    report_label=i.get("report_label", "").strip(),
                    partly=i.get("partly", False),
                    choices=tuple(i.get("choices", ())),
                    min=i.get("min", 0 if i["type"] == "percentage" else None),
                    max=i.get("max", 100 if i["type"] == "percentage" else None),
                    unit=i.get("unit", ""),
                )
                for i in s["items"]
            ),
        )
        for s in content["standards"]
    )
    sign_off = content["sign_off"]
    return StandardsSet(
        id=content["id"],
        title=content["title"].strip(),
        version=content["version"],
        legal_basis=content["legal_basis"].strip(),
        effective_date=dt.date.fromisoformat(content["effective_date"]),
        organisation_kinds=tuple(content["organisation_kinds"]),
        grade_scale=grade_scale,
        sign_off=SignOff(
            declaration=sign_off["declaration"].strip(),
            signatories=tuple(Signatory(s["role"], s.get("required", True)) for s in sign_off["signatories"]),
        ),
        standards=standards,
        guidance=content.get("guidance", "").strip(),
        publisher=content.get("publisher", "").strip(),
        description=content.get("description", "").strip(),
        content_hash=content_hash(content),
        content=content,
    )


def _resolve(path: Path, data: dict, node: yaml.Node | None, bases: list[StandardsSet]) -> dict:
    """The content of a ``based_on`` set with the base set's parts filled in."""
    name = path.name
    based_on = data["based_on"]
    line = _line_of(node, ["based_on"])
    candidates = [b for b in bases if b.id == based_on["set"] and "derived_from" not in b.content]
    if "version" in based_on:
        candidates = [b for b in candidates if b.version == based_on["version"]]
    if not candidates:
        wanted = based_on["set"] + (f" version {based_on['version']}" if "version" in based_on else "")
        raise StandardsError(path, [Problem(name, line, "based on", f"the base set {wanted!r} was not found among the loaded standards sets")])
    base = max(candidates, key=lambda b: b.effective_date).content
    by_id = {s["id"]: s for s in base["standards"]}
    missing = [sid for sid in based_on["standards"] if sid not in by_id]
    if missing:
        raise StandardsError(path, [Problem(name, _line_of(node, ["based_on", "standards"]), "based on",
                                            f"the base set {base['id']!r} has no standard {', '.join(map(repr, missing))}")])
    content = copy.deepcopy(data)
    # The resolved set records where it came from; it no longer depends on the base file.
    del content["based_on"]
    content["derived_from"] = {**based_on, "version": base["version"]}
    content.setdefault("grade_scale", copy.deepcopy(base["grade_scale"]))
    content.setdefault("sign_off", copy.deepcopy(base["sign_off"]))
    content["standards"] = [copy.deepcopy(by_id[sid]) for sid in based_on["standards"]]
    problems = _semantic_problems(name, content, None)
    if problems:
        raise StandardsError(path, problems)
    return content


def _read_valid(path: Path) -> tuple[dict, yaml.Node | None]:
    data, node = _parse(path)
    problems = _schema_problems(path.name, data, node)
    if not problems:
        problems = _semantic_problems(path.name, data, node)
    if problems:
        raise StandardsError(path, problems)
    return data, node


def load_file(path: Path | str, bases: Iterable[StandardsSet] = ()) -> StandardsSet:
    """Load one set file; ``bases`` are the sets a ``based_on`` set may refer to."""
    path = Path(path)
    data, node = _read_valid(path)
    if "based_on" in data:
        data = _resolve(path, data, node, list(bases))
    return _build(data)


def set_from_snapshot(content: dict) -> StandardsSet:
    """Rebuild a set from the resolved content an audit stored when it started."""
    problems = _schema_problems("snapshot", content, None) or _semantic_problems("snapshot", content, None)
    if problems:
        raise StandardsError("snapshot", problems)
    return _build(content)


def _set_files(folders: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            files.extend(sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()))
    return files


def load_many(files: Iterable[Path]) -> LoadReport:
    """Load files, resolving ``based_on`` sets against the plain ones; never raises for a bad file."""
    report = LoadReport()
    derived: list[tuple[Path, dict, yaml.Node | None]] = []
    origin: dict[tuple[str, str], Path] = {}

    def accept(path: Path, loaded: StandardsSet) -> None:
        twin = next((s for s in report.sets if s.key == loaded.key), None)
        if twin is None:
            report.sets.append(loaded)
            origin[loaded.key] = path
        elif twin.content_hash != loaded.content_hash:
            report.skipped.append(SkippedFile(path, f"{path.name}: set {loaded.id!r} version {loaded.version} is already loaded from "
                                                    f"{origin[loaded.key]} with different content; give this file a new version"))

    for path in files:
        try:
            data, node = _read_valid(path)
        except StandardsError as exc:
            report.skipped.append(SkippedFile(path, exc.summary))
            continue
        if "based_on" in data:
            derived.append((path, data, node))
        else:
            accept(path, _build(data))
    plain = list(report.sets)
    for path, data, node in derived:
        try:
            accept(path, _build(_resolve(path, data, node, plain)))
        except StandardsError as exc:
            report.skipped.append(SkippedFile(path, exc.summary))
    report.sets.sort(key=lambda s: (s.title, s.version))
    return report


def default_folders() -> list[Path]:
    from s11audit.paths import shipped_standards_dir, user_standards_dir

    return [shipped_standards_dir(), user_standards_dir()]


def discover(folders: Iterable[Path] | None = None) -> LoadReport:
    """Every usable set in the shipped and per-user standards folders, and the files skipped."""
    return load_many(_set_files(default_folders() if folders is None else folders))


def check_files(paths: Iterable[Path | str]) -> dict[Path, list[Problem]]:
    """Validate files for ``s11audit standards check``: problems per file (empty list when valid)."""
    paths = [Path(p) for p in paths]
    known = load_many(_set_files(default_folders()) + [p for p in paths if p.exists()]).sets
    results: dict[Path, list[Problem]] = {}
    for path in paths:
        try:
            load_file(path, bases=known)
            results[path] = []
        except StandardsError as exc:
            results[path] = exc.problems
    return results
