"""Choosing the standards set of a new audit cycle.

A cycle's set decides which returns are accepted (their set's content hash must match), so the
choice is never a guess: ``choose_set`` (``s11audit cycle add --set``) refuses a name that stands
for several versions or files and says how to name one; ``preferred_set`` is what the app's New
cycle dialog offers first, from what the register holds (schools: a set for education; agencies:
a self-assessment set, never a peer audit set built from one).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from s11audit.organisations import TYPES_BY_ID
from s11audit.safe_text import shown
from s11audit.standards import LoadReport, StandardsError, StandardsSet, load_file
from s11audit.standards.loader import SUFFIXES


class SetChoiceError(Exception):
    """The set named for a cycle is unknown or ambiguous; the message says what to write instead."""


SHIPPED = "shipped with s11audit"
YOUR_FOLDER = "your folder: "


def where_from(report: LoadReport, standards_set: StandardsSet) -> str:
    """Where a loaded set comes from, in the users' words: shipped, or the file in their folder."""
    origin = report.origin(standards_set)
    if origin is None:
        return ""
    return SHIPPED if report.is_shipped(standards_set) else f"{YOUR_FOLDER}{origin}"


def set_sources(report: LoadReport) -> dict[tuple[str, str], str]:
    """``where_from`` for every set of the report, by id and version (what the New cycle dialog shows)."""
    return {standards_set.key: where_from(report, standards_set) for standards_set in report.sets}


def _is_path(spec: str) -> bool:
    return spec.lower().endswith(SUFFIXES) or "/" in spec or "\\" in spec


def _from_file(report: LoadReport, path: Path) -> StandardsSet:
    try:
        loaded = load_file(path, bases=report.sets)
    except StandardsError as exc:
        raise SetChoiceError(exc.summary) from exc
    twin = next((s for s in report.sets if s.key == loaded.key), None)
    if twin is not None and twin.content_hash != loaded.content_hash:
        raise SetChoiceError(f"{shown(path.name, 100)}: set {loaded.id!r} version {shown(loaded.version, 64)} is "
                             f"already loaded ({shown(where_from(report, twin), 300)}) with other content; give this "
                             "file a new version to use it")
    return twin or loaded


def _ambiguous(report: LoadReport, set_id: str, loaded: list[StandardsSet], clashing: list) -> SetChoiceError:
    lines = [f"The standards set {set_id!r} has {len(loaded) + len(clashing)} versions or files; say which one:"]
    for standards_set in loaded:
        lines.append(f"  --set {set_id}@{shown(standards_set.version, 64)}   {shown(standards_set.title, 120)} "
                     f"(in effect from {standards_set.effective_date:%d %b %Y}; "
                     f"{shown(where_from(report, standards_set), 300)})")
    for skipped in clashing:
        clashes = shown(", ".join(map(str, skipped.clashes_with)), 600)
        lines.append(f"  not loaded: {shown(str(skipped.path), 300)} (version {shown(skipped.version, 64)}): "
                     f"the same id and version as {clashes} with other content")
    lines.append("Name a version with --set ID@VERSION, or a set file with --set FILE.yaml "
                 "(a file that is not loaded must first be given a new version).")
    return SetChoiceError("\n".join(lines))


def choose_set(report: LoadReport, spec: str, version: str | None = None) -> StandardsSet:
    """The set ``spec`` names: an id (``s11-wt2023``), an id and version (``s11-wt2023@2026.2``)
    or a set file; ``version`` is ``--set-version``. Raises SetChoiceError when no set or several
    sets (versions, or files left unloaded because they clash) answer to it."""
    if _is_path(spec):
        return _from_file(report, Path(spec))
    set_id, _, named_version = spec.partition("@")
    version = named_version or version
    loaded = [s for s in report.sets if s.id == set_id and (version is None or s.version == version)]
    clashing = [s for s in report.clashes(set_id) if version is None or s.version == version]
    if not loaded and not clashing:
        known = ", ".join(sorted({s.id for s in report.sets}))
        which = f"{shown(set_id, 64)!r}{' version ' + shown(version, 64) if version else ''}"
        raise SetChoiceError(f"No standards set {which}. Known sets: {known}")
    if len(loaded) == 1 and not clashing:
        return loaded[0]
    raise _ambiguous(report, set_id, sorted(loaded, key=lambda s: (s.effective_date, s.version)), clashing)


def preferred_set(sets: list[StandardsSet], org_types: Iterable[str],
                  previous: StandardsSet | None = None) -> StandardsSet | None:
    """The set to offer first for a new cycle: the one for the most organisations of the register
    (by their kind: schools or agencies); then a set of its own over a peer audit set taken from
    another (``based_on``); then the previous cycle's set (its newest version); then list order."""
    kinds = Counter(TYPES_BY_ID[t].kind for t in org_types if t in TYPES_BY_ID)
    if not kinds and previous is not None:
        kinds = Counter(previous.organisation_kinds)

    def rank(indexed: tuple[int, StandardsSet]) -> tuple:
        index, standards_set = indexed
        covered = sum(n for kind, n in kinds.items() if kind in standards_set.organisation_kinds)
        same = previous is not None and standards_set.id == previous.id
        return (-covered, "derived_from" in standards_set.content, not same,
                -standards_set.effective_date.toordinal() if same else 0, index)

    return min(enumerate(sets), key=rank, default=(0, None))[1]
