"""Starting files: a new audit file the business unit sends each organisation at the start of a cycle.

A starting file is an ordinary audit file (``.s11audit``) holding the organisation's details and the
cycle's audit, started with the cycle's standards set. Where the business unit holds the
organisation's return from the previous cycle, last cycle's grades, narratives, item answers,
evidence files and open actions are carried forward by the same rules an organisation's own carry
forward uses (``store/carry_forward.py``: one function decides what still fits the set).

Each file is built under a temporary name in the target folder and renamed into place when it is
complete, so a failure never leaves a partial starting file. Qt-free.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from s11audit.returns.format import ReturnError
from s11audit.standards import StandardsSet
from s11audit.store import (
    EXTENSION,
    AuditFile,
    AuditFileError,
    CarryForwardReport,
    OrganisationDetails,
    ResponseRow,
)
from s11audit.store.briefings import BriefingRow
from s11audit.store.carry_forward import Earlier, EarlierAction, EarlierEvidence, only_standards

BUSINESS_UNIT_USER = "Partnership business unit"
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


class StartingFileError(Exception):
    """A starting file that could not be written; the message names the file and the reason."""


class PreviousReturn(Protocol):
    """Last cycle's return as carry forward reads it: a return file (``returns.verify.SignedReturn``) or
    one the business unit's workspace keeps (``cycle_starting_files.StoredReturn``)."""

    @property
    def content(self) -> dict: ...

    @property
    def evidence(self) -> list[dict]: ...

    def evidence_bytes(self, evidence_id: object) -> bytes: ...


@dataclass(frozen=True)
class StartingFileEntry:
    """One organisation to write a starting file for, with last cycle's return if the business unit holds it."""

    organisation: OrganisationDetails
    previous: PreviousReturn | None = None
    # Carry only these standards of the previous return (a peer audit template); None: all that fit.
    standard_ids: frozenset[str] | None = None
    # Last peer audit's recommendations and the business unit's notes, kept with the new audit.
    briefings: tuple[BriefingRow, ...] = ()


@dataclass(frozen=True)
class StartingFileResult:
    organisation: OrganisationDetails
    path: Path
    written: bool
    problem: str = ""
    carried_forward: CarryForwardReport | None = None


def starting_file_name(organisation_name: str, cycle: str) -> str:
    """A file name from the organisation's name and the cycle that Windows, macOS and Linux all accept."""
    name = _safe(organisation_name) or "organisation"
    stem = f"{name} {_safe(cycle)}".strip(" .")
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = "_" + stem
    return stem[:120].rstrip(" .") + EXTENSION


def _safe(text: str) -> str:
    # Windows refuses <>:"/\|?* and control characters, and names ending in a space or a dot.
    return " ".join(_UNSAFE.sub("_", text).split()).strip(" .")


def earlier_from_return(previous: PreviousReturn) -> Earlier:
    """Last cycle's return as the plain earlier audit that carry forward works from."""
    content = previous.content
    # A standard's criteria (format 2) are judged like standards, each under its own id.
    judged = [(s, "standard_id") for s in content.get("standards", [])]
    judged += [(c, "criterion_id") for s in content.get("standards", []) for c in s.get("criteria") or []]
    responses = tuple(
        ResponseRow(str(s.get(key)), s.get("grade"), bool(s.get("not_applicable")), s.get("na_reason") or "",
                    s.get("narrative") or "", s.get("example") or "")
        for s, key in judged)
    answers = tuple((str(a.get("item_id")), a.get("value"), a.get("comment") or "")
                    for a in content.get("item_answers", []) if a.get("value") is not None)
    evidence = tuple(
        EarlierEvidence(str(e.get("id")), e.get("name") or e.get("original_name") or "evidence",
                        e.get("original_name") or e.get("name") or "evidence", e.get("description") or "",
                        e.get("media_type") or "application/octet-stream", int(e.get("size") or 0),
                        e.get("sha256") or "",
                        e.get("added_by") or "", _datetime(e.get("added_at")),
                        tuple((str(link.get("standard_id")), link.get("item_id") or "") for link in e.get("links", [])))
        for e in previous.evidence)
    actions = tuple(
        EarlierAction(str(a.get("standard_id")), a.get("action") or "", a.get("owner") or "", _date(a.get("due_date")),
                      a.get("status") or "not_started", a.get("progress_notes") or "",
                      criterion_id=str(a.get("criterion_id") or ""))
        for a in content.get("action_plan", []) if (a.get("action") or "").strip())
    return Earlier(str(content.get("cycle", "")), int(content.get("audit_version") or 1), responses, answers,
                   evidence, actions, evidence_bytes=lambda entry: previous.evidence_bytes(entry.key),
                   criterion_ids=frozenset(r.standard_id for r, (_, key) in zip(responses, judged, strict=True)
                                           if key == "criterion_id"))


def _same_organisation(organisation: OrganisationDetails, previous: PreviousReturn) -> bool:
    """Whether a return is this organisation's: by reference where both have one, else by name."""
    theirs = previous.content.get("organisation") or {}
    ours_ref, their_ref = _plain(organisation.reference), _plain(theirs.get("reference"))
    if ours_ref and their_ref:
        return ours_ref == their_ref
    return _plain(organisation.name) == _plain(theirs.get("name"))


def _plain(value: object) -> str:
    return " ".join(str(value or "").casefold().split())


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _datetime(value: object) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    # The audit file keeps UTC without an offset.
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment and moment.tzinfo else moment


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def write_starting_file(path: Path | str, organisation: OrganisationDetails, standards_set: StandardsSet, cycle: str,
                        previous: PreviousReturn | None = None, *, overwrite: bool = False,
                        user: str = BUSINESS_UNIT_USER) -> Path:
    """Write one starting file; returns its path. Raises ``StartingFileError`` (and leaves nothing behind).

    To carry only some standards of ``previous`` or keep briefings with the audit, give a
    :class:`StartingFileEntry` to :func:`write_starting_files`."""
    path = Path(path)
    _write(path, StartingFileEntry(organisation, previous), standards_set, cycle, overwrite=overwrite, user=user)
    return path


def _write(path: Path, entry: StartingFileEntry, standards_set: StandardsSet, cycle: str, *, overwrite: bool,
           user: str) -> CarryForwardReport | None:
    """Write a starting file; returns what was carried forward from ``entry.previous`` (None without one)."""
    organisation, previous, standard_ids = entry.organisation, entry.previous, entry.standard_ids
    if path.exists() and not overwrite:
        raise StartingFileError(f"{path} already exists; choose another name or allow it to be replaced.")
    if previous is not None and not _same_organisation(organisation, previous):
        # Carrying another organisation's return forward would send it their narratives and evidence.
        theirs = previous.content.get("organisation") or {}
        raise StartingFileError(f"{path.name} was not written: the previous return is from "
                                f"{theirs.get('name')!r} ({theirs.get('reference') or 'no reference'}), not from "
                                f"{organisation.name!r} ({organisation.reference or 'no reference'}).")
    partial = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.partial")
    try:
        earlier = earlier_from_return(previous) if previous is not None else None
        if earlier is not None and standard_ids is not None:
            earlier = only_standards(earlier, standard_ids, standards_set)
        with AuditFile.create(partial, organisation, user) as audit_file:
            report = audit_file.start_audit(standards_set, cycle, earlier=earlier,
                                            briefings=entry.briefings).carried_forward
        os.replace(partial, path)
    except (AuditFileError, ReturnError, OSError, ValueError) as exc:
        _remove(partial)
        raise StartingFileError(f"{path.name} could not be written: {exc}") from exc
    except BaseException:
        _remove(partial)
        raise
    return report


def write_starting_files(folder: Path | str, entries: Iterable[StartingFileEntry], standards_set: StandardsSet,
                         cycle: str, *, overwrite: bool = False,
                         user: str = BUSINESS_UNIT_USER) -> list[StartingFileResult]:
    """Write a starting file per organisation into ``folder``; one result each, a failure never stops the rest."""
    folder = Path(folder)
    results, used = [], set()
    for entry in entries:
        name = starting_file_name(entry.organisation.name, cycle)
        if name.lower() in used:  # two organisations of the same name: tell them apart by reference
            name = starting_file_name(f"{entry.organisation.name} {entry.organisation.reference}", cycle)
        used.add(name.lower())
        target = folder / name
        try:
            report = _write(target, entry, standards_set, cycle, overwrite=overwrite, user=user)
            results.append(StartingFileResult(entry.organisation, target, True, carried_forward=report))
        except StartingFileError as exc:
            results.append(StartingFileResult(entry.organisation, target, False, str(exc)))
    return results
