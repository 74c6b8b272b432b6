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
from collections.abc import Iterable

import yaml

from s11audit.safe_text import shown
from s11audit.standards.build import build_set
from s11audit.standards.model import StandardsSet
from s11audit.standards.source import Problem, StandardsError, line_of, parse, parse_checked
from s11audit.standards.validation import FORMAT, rule_problems, schema_problems, shape_problems

__all__ = ["FORMAT", "LoadReport", "Problem", "SkippedFile", "StandardsError", "check_files", "clash_message",
           "content_hash", "discover", "load_file", "load_many", "set_from_snapshot"]

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class SkippedFile:
    path: Path
    reason: str
    # Set when the file is skipped because another file holds the same set id and version with
    # other content (``clashes_with`` names those files): what ``cycle add`` and the app show.
    set_id: str = ""
    version: str = ""
    clashes_with: tuple[Path, ...] = ()


@dataclass
class LoadReport:
    """What ``discover`` found: the usable sets and the files it skipped, with why.

    ``origins`` says which file each set (by id and version) was loaded from; ``shipped`` which
    of those files are shipped with s11audit (the rest are in the user's folder)."""

    sets: list[StandardsSet] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    origins: dict[tuple[str, str], Path] = field(default_factory=dict)
    shipped: set[Path] = field(default_factory=set)

    def origin(self, standards_set: StandardsSet) -> Path | None:
        return self.origins.get(standards_set.key)

    def is_shipped(self, standards_set: StandardsSet) -> bool:
        return self.origins.get(standards_set.key) in self.shipped

    def clashes(self, set_id: str) -> list[SkippedFile]:
        """Files skipped because they give set ``set_id`` a version already used with other content."""
        return [s for s in self.skipped if s.set_id == set_id]

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
        raise StandardsError(path, [Problem(name, line, "based on",
                                            f"the base set {wanted!r} was not found among the loaded standards sets")])
    base = max(candidates, key=lambda b: b.effective_date).content
    by_id = {s["id"]: s for s in base["standards"]}
    missing = [sid for sid in based_on["standards"] if sid not in by_id]
    if missing:
        raise StandardsError(path, [Problem(name, line_of(node, ["based_on", "standards"]), "based on",
                                            f"the base set {base['id']!r} has no standard "
                                            f"{shown(', '.join(map(repr, missing)), 200)}")])
    content = copy.deepcopy(data)
    # The resolved set records where it came from; it no longer depends on the base file.
    del content["based_on"]
    content["derived_from"] = {**based_on, "version": base["version"]}
    content.setdefault("grade_scale", copy.deepcopy(base["grade_scale"]))
    content.setdefault("sign_off", copy.deepcopy(base["sign_off"]))
    for key in ("peer_outcomes", "scales", "statement", "return_evidence"):
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
    data, node, misread = parse_checked(path)
    problems = schema_problems(path.name, data, node)
    if not problems and not misread:  # the rules would only repeat a misread value in other words
        problems = rule_problems(path.name, data, node)
    problems = sorted(misread + problems, key=lambda p: p.line or 0) if misread else problems
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
    except Exception as exc:  # a file must never crash whoever reads it
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


def clash_message(path: Path, standards_set: StandardsSet, others: list[Path], kept: Path | None) -> str:
    """Why ``path`` is not loaded: other files hold the same set id and version with other content.

    The rule: a shipped set always wins over a file in the user's folder (whose file must take a
    new version); between files of the user's folder, none is loaded, because nothing tells which
    one is meant (an edited file and its ``X - Copy.yaml``), and a wrong guess would make every
    return made from the other one be rejected for its content."""
    named = f"set {standards_set.id!r} version {shown(standards_set.version, 64)}"
    if kept is not None:
        return (f"{shown(path.name, 100)}: {named} is already shipped with s11audit in {shown(str(kept), 300)} "
                "with other content; the shipped one is used and this file is not loaded; give this file a new version")
    listed = shown(", ".join(str(p) for p in others), 600)
    return (f"{shown(path.name, 100)}: {named} is also in {listed} with other content; neither file is loaded, "
            "as s11audit cannot tell which is meant; delete the one you do not want, or give one of them a new version")


def _settle(report: LoadReport, loaded: list[tuple[Path, StandardsSet]]) -> None:
    """Add ``loaded`` sets to ``report``, applying the rule of ``clash_message`` to files that give
    the same set id and version different content. Identical copies are loaded once, silently."""
    by_key: dict[tuple[str, str], list[tuple[Path, StandardsSet]]] = {}
    for path, standards_set in loaded:
        by_key.setdefault(standards_set.key, []).append((path, standards_set))
    for key, same_key in by_key.items():
        found = same_key
        if key in report.origins:  # already loaded (a based_on set with a plain set's id and version)
            first = report.origins[key]
            twin = next(s for s in report.sets if s.key == key)
            found = [(first, twin), *same_key]
        hashes = {standards_set.content_hash for _, standards_set in found}
        if len(hashes) == 1:
            if key not in report.origins:
                report.sets.append(found[0][1])
                report.origins[key] = found[0][0]
            continue
        kept = next(((p, s) for p, s in found if p in report.shipped or p == report.origins.get(key)), None)
        if kept is not None and key not in report.origins:
            report.sets.append(kept[1])
            report.origins[key] = kept[0]
        for path, standards_set in found:
            if kept is not None and standards_set.content_hash == kept[1].content_hash:
                continue
            others = [p for p, s in found if s.content_hash != standards_set.content_hash]
            report.skipped.append(SkippedFile(path, clash_message(path, standards_set, others, kept and kept[0]),
                                              standards_set.id, standards_set.version, tuple(others)))


def load_many(files: Iterable[Path], shipped: Iterable[Path] = ()) -> LoadReport:
    """Load files, resolving ``based_on`` sets against the plain ones; never raises for a bad file.
    ``shipped`` are the files shipped with s11audit, which win over others with the same set id and
    version (``clash_message``)."""
    report = LoadReport(shipped=set(shipped))
    derived: list[tuple[Path, dict, yaml.Node | None]] = []
    plain: list[tuple[Path, StandardsSet]] = []
    for path in files:
        try:
            data, node = _read_valid(path)
            if "based_on" in data:
                derived.append((path, data, node))
            else:
                plain.append((path, _valid(_build(data))))
        except StandardsError as exc:
            report.skipped.append(SkippedFile(path, exc.summary))
        except Exception as exc:  # noqa: BLE001 - one odd file must never take every set away
            report.skipped.append(SkippedFile(path, _fault(path, exc)))
    _settle(report, plain)
    bases = list(report.sets)
    resolved: list[tuple[Path, StandardsSet]] = []
    for path, data, node in derived:
        try:
            resolved.append((path, _valid(_build(_resolve(path, data, node, bases)))))
        except StandardsError as exc:
            report.skipped.append(SkippedFile(path, exc.summary))
        except Exception as exc:  # noqa: BLE001 - one odd derived set must never take every set away (logged by _fault)
            report.skipped.append(SkippedFile(path, _fault(path, exc)))
    _settle(report, resolved)
    report.sets.sort(key=lambda s: (s.title, s.version))
    return report


def default_folders() -> list[Path]:
    from s11audit.paths import shipped_standards_dir, user_standards_dir

    return [shipped_standards_dir(), user_standards_dir()]


def _shipped(files: Iterable[Path]) -> set[Path]:
    from s11audit.paths import shipped_standards_dir

    folder = shipped_standards_dir().resolve()
    return {path for path in files if path.resolve().parent == folder}


def discover(folders: Iterable[Path] | None = None) -> LoadReport:
    """Every usable set in the shipped and per-user standards folders, and the files skipped."""
    files = _set_files(default_folders() if folders is None else folders)
    return load_many(files, shipped=_shipped(files))


def check_files(paths: Iterable[Path | str]) -> dict[Path, list[Problem]]:
    """Validate files for ``s11audit standards check``: problems per file (empty list when valid).

    A valid file is also read with the installed sets, as ``discover`` would if it were put in
    the user's folder, and a clash it would have with one of them (the same id and version with
    other content) is its problem, in the words ``standards list`` uses."""
    files = [Path(p) for p in paths]
    installed = _set_files(default_folders())
    same = {p.resolve() for p in files}
    together = [p for p in installed if p.resolve() not in same] + [p for p in files if p.exists()]
    report = load_many(together, shipped=_shipped(together))
    clashes = {s.path: s for s in report.skipped if s.clashes_with}
    results: dict[Path, list[Problem]] = {}
    for path in files:
        try:
            loaded = load_file(path, bases=report.sets)
            clash = clashes.get(path)
            results[path] = [] if clash is None else [_clash_problem(path, loaded, clash)]
        except StandardsError as exc:
            results[path] = exc.problems
    return results


def _clash_problem(path: Path, loaded: StandardsSet, clash: SkippedFile) -> Problem:
    try:
        _, node = parse(path)
    except StandardsError:
        node = None
    message = clash.reason.removeprefix(f"{path.name}: ")
    return Problem(path.name, line_of(node, ["version"]) if "version" in loaded.content else None, "", message)
