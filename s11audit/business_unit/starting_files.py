"""Starting files: a new audit file the business unit sends each organisation at the start of a cycle.

A starting file is an ordinary audit file (``.s11audit``) holding the organisation's details and the
cycle's audit, started with the cycle's standards set. Where the business unit holds the
organisation's return from the previous cycle, last cycle's grades, narratives, item answers,
evidence files and open actions are carried forward by the same rules an organisation's own carry
forward uses (``store/carry_forward.py``: one function decides what still fits the set).

For an annual compliance statement cycle the file is for an organisation whose own audit file was
lost: it holds the organisation's baseline return (its current return in the statement cycle's
baseline full cycle, as the business unit imported it) as a signed, read-only full audit, and the
statement for the cycle already started on it (``AuditFile.start_statement_from_return``,
``store/baseline_copy.py``). The statement names that return by its content hash, so the business
unit links it; it is signed with the new file's key, so the business unit sees it flagged "signed
with a different key" and decides it (intended, and said in the file's trail). An organisation whose
baseline return the workspace does not hold gets no file: its result says why (a file with nothing to
base a statement on would only mislead it).

Each file is built under a temporary name in the target folder and renamed into place when it is
complete, so a failure never leaves a partial starting file. Qt-free.
"""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
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
)
from s11audit.store.baseline_copy import BaselineCopy, ReturnToHold, return_as_earlier
from s11audit.store.briefings import BriefingRow
from s11audit.store.carry_forward import Earlier, only_standards

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


class BaselineReturn(PreviousReturn, Protocol):
    """A statement cycle's baseline return as the business unit holds it, with what names it."""

    @property
    def return_sha256(self) -> str: ...  # of its return.json as signed ("" if not known)

    @property
    def key_fingerprint(self) -> str: ...  # of the key it was signed with


@dataclass(frozen=True)
class StatementStart:
    """For an annual compliance statement cycle: the organisation's baseline return, or (None) why there is none."""

    baseline: BaselineReturn | None
    missing: str = ""  # why no starting file is written when ``baseline`` is None


@dataclass(frozen=True)
class StartingFileEntry:
    """One organisation to write a starting file for, with last cycle's return if the business unit holds it."""

    organisation: OrganisationDetails
    previous: PreviousReturn | None = None
    # Carry only these standards of the previous return (a peer audit template); None: all that fit.
    standard_ids: frozenset[str] | None = None
    # Last peer audit's recommendations and the business unit's notes, kept with the new audit.
    briefings: tuple[BriefingRow, ...] = ()
    # Set for an annual compliance statement cycle (then ``previous`` is not used): the file holds the baseline.
    statement: StatementStart | None = None


@dataclass(frozen=True)
class StartingFileResult:
    organisation: OrganisationDetails
    path: Path
    written: bool
    problem: str = ""
    carried_forward: CarryForwardReport | None = None
    baseline: BaselineCopy | None = None  # the baseline held in a statement cycle's starting file


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
    """Last cycle's return as the plain earlier audit that carry forward works from (an action without
    words is not carried)."""
    earlier = return_as_earlier(previous.content, previous.evidence, previous.evidence_bytes)
    return replace(earlier, actions=tuple(a for a in earlier.actions if a.description.strip()))


def _same_organisation(organisation: OrganisationDetails, previous: PreviousReturn) -> bool:
    """Whether a return is this organisation's: by reference where both have one, else by name."""
    theirs = previous.content.get("organisation") or {}
    ours_ref, their_ref = _plain(organisation.reference), _plain(theirs.get("reference"))
    if ours_ref and their_ref:
        return ours_ref == their_ref
    return _plain(organisation.name) == _plain(theirs.get("name"))


def _plain(value: object) -> str:
    return " ".join(str(value or "").casefold().split())


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


def write_statement_starting_file(path: Path | str, organisation: OrganisationDetails, standards_set: StandardsSet,
                                  cycle: str, baseline: BaselineReturn, *, overwrite: bool = False,
                                  user: str = BUSINESS_UNIT_USER) -> BaselineCopy | None:
    """Write one starting file for an annual compliance statement cycle: ``baseline`` held read-only and
    the statement for ``cycle`` started on it; returns where the held baseline came from. Raises
    ``StartingFileError`` (and leaves nothing behind)."""
    entry = StartingFileEntry(organisation, statement=StatementStart(baseline))
    return _write(Path(path), entry, standards_set, cycle, overwrite=overwrite, user=user)[1]


def _refuse_other_organisation(path: Path, organisation: OrganisationDetails, previous: PreviousReturn,
                               which: str) -> None:
    if not _same_organisation(organisation, previous):
        # Another organisation's return would send it their narratives and evidence.
        theirs = previous.content.get("organisation") or {}
        raise StartingFileError(f"{path.name} was not written: the {which} return is from "
                                f"{theirs.get('name')!r} ({theirs.get('reference') or 'no reference'}), not from "
                                f"{organisation.name!r} ({organisation.reference or 'no reference'}).")


def _fill(audit_file: AuditFile, entry: StartingFileEntry, standards_set: StandardsSet,
          cycle: str) -> tuple[CarryForwardReport | None, BaselineCopy | None]:
    """Start the new file's audit: a statement on the held baseline, or a full audit with what is carried forward."""
    baseline = entry.statement.baseline if entry.statement is not None else None
    if baseline is not None:
        held = ReturnToHold(baseline.content, baseline.evidence, baseline.evidence_bytes, baseline.return_sha256,
                            baseline.key_fingerprint)
        statement = audit_file.start_statement_from_return(standards_set, held, cycle)
        return None, audit_file.baseline_copy(statement.baseline_id)
    earlier = earlier_from_return(entry.previous) if entry.previous is not None else None
    if earlier is not None and entry.standard_ids is not None:
        earlier = only_standards(earlier, entry.standard_ids, standards_set)
    started = audit_file.start_audit(standards_set, cycle, earlier=earlier, briefings=entry.briefings)
    return started.carried_forward, None


def _write(path: Path, entry: StartingFileEntry, standards_set: StandardsSet, cycle: str, *, overwrite: bool,
           user: str) -> tuple[CarryForwardReport | None, BaselineCopy | None]:
    """Write a starting file; returns what was carried forward from ``entry.previous`` (None without one) and,
    for a statement cycle, the baseline held."""
    organisation = entry.organisation
    if entry.statement is not None and entry.statement.baseline is None:
        raise StartingFileError(entry.statement.missing or f"{path.name} was not written: there is no baseline "
                                                           "return to base the compliance statement on.")
    if path.exists() and not overwrite:
        raise StartingFileError(f"{path} already exists; choose another name or allow it to be replaced.")
    if entry.statement is not None and entry.statement.baseline is not None:
        _refuse_other_organisation(path, organisation, entry.statement.baseline, "baseline")
    elif entry.previous is not None:
        _refuse_other_organisation(path, organisation, entry.previous, "previous")
    partial = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.partial")
    try:
        with AuditFile.create(partial, organisation, user) as audit_file:
            made = _fill(audit_file, entry, standards_set, cycle)
        os.replace(partial, path)
    except (AuditFileError, ReturnError, OSError, ValueError) as exc:
        _remove(partial)
        raise StartingFileError(f"{path.name} could not be written: {exc}") from exc
    except BaseException:
        _remove(partial)
        raise
    return made


def write_starting_files(folder: Path | str, entries: Iterable[StartingFileEntry], standards_set: StandardsSet,
                         cycle: str, *, overwrite: bool = False,
                         user: str = BUSINESS_UNIT_USER) -> list[StartingFileResult]:
    """Write a starting file per organisation into ``folder``; one result each, a failure never stops the rest
    (nor does an organisation of a statement cycle with no baseline return: not written, with the reason)."""
    folder = Path(folder)
    results, used = [], set()
    for entry in entries:
        name = starting_file_name(entry.organisation.name, cycle)
        if name.lower() in used:  # two organisations of the same name: tell them apart by reference
            name = starting_file_name(f"{entry.organisation.name} {entry.organisation.reference}", cycle)
        used.add(name.lower())
        target = folder / name
        try:
            report, baseline = _write(target, entry, standards_set, cycle, overwrite=overwrite, user=user)
            results.append(StartingFileResult(entry.organisation, target, True, carried_forward=report,
                                              baseline=baseline))
        except StartingFileError as exc:
            results.append(StartingFileResult(entry.organisation, target, False, str(exc)))
    return results
