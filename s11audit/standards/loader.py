"""Read, validate and resolve standards set files.

A file is parsed with line numbers kept (``source.py``), validated against ``schema.json`` and
then checked for what a schema cannot say (``validation.py``). All problems are collected and
reported together, each naming the file, the line and the standard or item. A file with any
problem is skipped whole: nothing is ever half-loaded. This module builds the immutable model,
resolves ``based_on`` sets and finds sets in the standards folders.

Files and snapshots are untrusted input: every way they can be wrong ends as a ``StandardsError``
with short messages (limits in ``source.py`` and ``standards/README.md``); anything else escaping
would be a fault in s11audit, and is still reported as a ``StandardsError`` that says so.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

from s11audit.safe_text import shown
from s11audit.standards.build import build_set
from s11audit.standards.model import StandardsSet
from s11audit.standards.source import Problem, StandardsError, line_of, parse
from s11audit.standards.validation import FORMAT, rule_problems, schema_problems, shape_problems

__all__ = ["FORMAT", "LoadReport", "Problem", "SkippedFile", "StandardsError", "check_files", "content_hash",
           "discover", "load_file", "load_many", "set_from_snapshot"]

SUFFIXES = (".yaml", ".yml")


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


# --- building the model --------------------------------------------------------------------------


def canonical_json(content: dict) -> bytes:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def content_hash(content: dict) -> str:
    return hashlib.sha256(canonical_json(content)).hexdigest()


def _build(content: dict) -> StandardsSet:
    return build_set(content, content_hash(content))


def _resolve(path: Path, data: dict, node: yaml.Node | None, bases: list[StandardsSet]) -> dict:
    """The content of a ``based_on`` set with the base set's parts filled in."""
    name = path.name
    based_on = data["based_on"]
    line = line_of(node, ["based_on"])
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
        raise StandardsError(path, [Problem(name, line_of(node, ["based_on", "standards"]), "based on",
                                            f"the base set {base['id']!r} has no standard {shown(', '.join(map(repr, missing)), 200)}")])
    content = copy.deepcopy(data)
    # The resolved set records where it came from; it no longer depends on the base file.
    del content["based_on"]
    content["derived_from"] = {**based_on, "version": base["version"]}
    content.setdefault("grade_scale", copy.deepcopy(base["grade_scale"]))
    content.setdefault("sign_off", copy.deepcopy(base["sign_off"]))
    for key in ("peer_outcomes", "scales"):
        if key in base:
            content.setdefault(key, copy.deepcopy(base[key]))
    content["standards"] = [copy.deepcopy(by_id[sid]) for sid in based_on["standards"]]
    kept_groups = {s.get("group") for s in content["standards"]}
    if "groups" in base and "groups" not in content:
        content["groups"] = [copy.deepcopy(g) for g in base["groups"] if g["id"] in kept_groups]
    if base.get("format") != content.get("format") and ("scales" in content or "groups" in content
                                                          or base.get("format", "").endswith("/2")):
        content["format"] = base["format"]  # the base set's constructs need its format
    problems = rule_problems(name, content, None)
    if problems:
        raise StandardsError(path, problems)
    return content


def _read_valid(path: Path) -> tuple[dict, yaml.Node | None]:
    data, node = parse(path)
    problems = schema_problems(path.name, data, node)
    if not problems:
        problems = rule_problems(path.name, data, node)
    if problems:
        raise StandardsError(path, problems)
    return data, node


# Hashes of content validated in this process. A snapshot with one of them is the same content
# (SHA-256) and is built without validating it again; the hash stored beside a snapshot proves
# nothing, as whoever wrote the file could compute it for any content.
_VALID_HASHES: set[str] = set()
_MAX_VALID_HASHES = 1000


def _valid(standards_set: StandardsSet) -> StandardsSet:
    if len(_VALID_HASHES) >= _MAX_VALID_HASHES:
        _VALID_HASHES.clear()
    _VALID_HASHES.add(standards_set.content_hash)
    return standards_set


def _guarded(path: Path, load):
    """``load()``, with any exception but a StandardsError turned into one that names it a fault."""
    try:
        return load()
    except StandardsError:
        raise
    except Exception as exc:  # noqa: BLE001 - a file must never crash whoever reads it
        raise StandardsError(path, [Problem(path.name, None, "", _fault_message(exc))]) from exc


def load_file(path: Path | str, bases: Iterable[StandardsSet] = ()) -> StandardsSet:
    """Load one set file; ``bases`` are the sets a ``based_on`` set may refer to."""
    path = Path(path)

    def load() -> StandardsSet:
        data, node = _read_valid(path)
        if "based_on" in data:
            data = _resolve(path, data, node, list(bases))
        return _valid(_build(data))

    return _guarded(path, load)


def set_from_snapshot(content: dict, expected_hash: str = "") -> StandardsSet:
    """Rebuild a set from the resolved content an audit stored when it started.

    The snapshot comes from an audit file or a return, which anyone can write, so it is validated
    like a file (its size and shape first, then the schema and rules) unless its content is the
    same as content already validated in this process. ``expected_hash``, the hash recorded beside
    it, is not trusted for that; it is kept for callers.
    """
    path = Path("snapshot")

    def load() -> StandardsSet:
        problems = shape_problems("snapshot", content)
        if not problems and content_hash(content) in _VALID_HASHES:
            return _build(content)
        problems = problems or schema_problems("snapshot", content, None) or rule_problems("snapshot", content, None)
        if problems:
            raise StandardsError(path, problems)
        return _valid(_build(content))

    return _guarded(path, load)


def _set_files(folders: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            files.extend(sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()))
    return files


def _fault_message(exc: Exception) -> str:
    return ("could not be checked because of a fault in s11audit itself; please send the file to the app's "
            f"maintainers (details: {type(exc).__name__}: {shown(exc, 200)})")


def _fault(path: Path, exc: Exception) -> str:
    return f"{path.name}: {_fault_message(exc)}"


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
            if "based_on" in data:
                derived.append((path, data, node))
            else:
                accept(path, _valid(_build(data)))
        except StandardsError as exc:
            report.skipped.append(SkippedFile(path, exc.summary))
        except Exception as exc:  # noqa: BLE001 - one odd file must never take every set away
            report.skipped.append(SkippedFile(path, _fault(path, exc)))
    plain = list(report.sets)
    for path, data, node in derived:
        try:
            accept(path, _valid(_build(_resolve(path, data, node, plain))))
        except StandardsError as exc:
            report.skipped.append(SkippedFile(path, exc.summary))
        except Exception as exc:  # noqa: BLE001
            report.skipped.append(SkippedFile(path, _fault(path, exc)))
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
