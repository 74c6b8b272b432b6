"""Starting files for the organisations in a cycle's register, from the business unit's workspace.

For each organisation chosen, last cycle's current return (matched by reference in the cycle the
new one names as its previous cycle) is carried forward, with the evidence files the workspace kept
when it imported it, and the recommendations of its last peer audit in another cycle go with it
as briefings (``peer_briefings.py``). For an annual compliance statement cycle each organisation's
baseline return (its current return in the statement cycle's baseline full cycle) goes with it
instead, to be held in the file with the statement started on it; an organisation whose baseline
return the workspace does not hold gets no file, and its result says why. The writing itself, and
the rules for what is carried, are in ``starting_files.py``; this only finds each organisation's
details and last return.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from s11audit.business_unit.models import CURRENT, ImportedReturn, ReturnEvidence
from s11audit.business_unit.peer_briefings import previous_recommendations
from s11audit.business_unit.starting_files import (
    StartingFileEntry,
    StatementStart,
    StartingFileError,
    StartingFileResult,
    write_starting_files,
)
from s11audit.business_unit.workspace import CycleRow, OrganisationRow, Workspace, reference_key
from s11audit.organisations import TYPES_BY_ID
from s11audit.store import OrganisationDetails


@dataclass(frozen=True)
class StoredReturn:
    """An imported return as the workspace keeps it, read the way carry forward reads a return file."""

    content: dict
    evidence_data: dict[str, bytes] = field(default_factory=dict)
    return_sha256: str = ""  # of its return.json as signed ("" if the workspace does not know it)
    key_fingerprint: str = ""  # of the key it was signed with

    @property
    def evidence(self) -> list[dict]:
        """The evidence files the workspace holds the bytes of (a return whose set says ``return_evidence:
        list`` only lists its files: those stay with the organisation unless a supplement brought them)."""
        return [e for e in self.content.get("evidence", []) if str(e.get("id")) in self.evidence_data]

    def evidence_bytes(self, evidence_id: object) -> bytes:
        return self.evidence_data[str(evidence_id)]


def organisation_details(organisation: OrganisationRow) -> OrganisationDetails:
    known = TYPES_BY_ID.get(organisation.org_type)
    return OrganisationDetails(organisation.name, organisation.reference, known.kind if known else "",
                               organisation.org_type, organisation.contact_name, organisation.contact_email)


def last_return(workspace: Workspace, cycle: CycleRow, reference: str) -> StoredReturn | None:
    """The organisation's current return in the cycle before ``cycle``, with its evidence, if the workspace has one."""
    return _current_return(workspace, cycle.previous_id, reference)


def baseline_return(workspace: Workspace, cycle: CycleRow, reference: str) -> StoredReturn | None:
    """For a statement cycle: the organisation's current return in its baseline full cycle, with its evidence
    and the hash a statement names it by, if the workspace has one (None for a full cycle)."""
    return _current_return(workspace, cycle.baseline_id if cycle.is_statement else None, reference)


def _current_return(workspace: Workspace, cycle_id: int | None, reference: str) -> StoredReturn | None:
    if cycle_id is None:
        return None
    wanted = reference_key(reference)
    session = workspace.session
    for return_id, ref, content, sha256, fingerprint in session.execute(
            select(ImportedReturn.id, ImportedReturn.reference, ImportedReturn.content, ImportedReturn.return_sha256,
                   ImportedReturn.key_fingerprint)
            .where(ImportedReturn.cycle_id == cycle_id, ImportedReturn.state == CURRENT)):
        if reference_key(ref) == wanted:
            evidence = {e_id: bytes(data) for e_id, data in session.execute(
                select(ReturnEvidence.evidence_id, ReturnEvidence.data).where(ReturnEvidence.return_id == return_id))}
            return StoredReturn(json.loads(content), evidence, sha256 or "", fingerprint or "")
    return None


def _statement_start(workspace: Workspace, cycle: CycleRow, organisation: OrganisationRow) -> StatementStart:
    """A statement cycle's organisation: its baseline return, or why it gets no starting file."""
    baseline = baseline_return(workspace, cycle, organisation.reference)
    if baseline is not None:
        return StatementStart(baseline)
    if cycle.baseline_id is None:
        where = "the baseline cycle of this statement cycle (no longer in the workspace)"
    else:
        where = f"cycle {workspace.cycle(cycle.baseline_id).name} (the baseline of this statement cycle)"
    return StatementStart(None, f"the workspace holds no return from {organisation.name} in {where}, "
                                "so there is no baseline to start its statement on. It can start the statement in "
                                "its own audit file, or send its full audit for that cycle first.")


def starting_files_for_cycle(workspace: Workspace, cycle: CycleRow, organisation_ids: Iterable[int],
                             folder: Path | str, *,
                             progress: Callable[[int, int, str], None] | None = None,
                             cancelled: Callable[[], bool] | None = None,
                             overwrite: bool = False) -> list[StartingFileResult]:
    """Write a starting file for each organisation into ``folder``: one result each, in order; a failure
    never stops the rest; ``cancelled()`` stops before the next one."""
    chosen = [workspace.organisation(i) for i in organisation_ids]

    def entry(organisation: OrganisationRow) -> StartingFileEntry:
        if cycle.is_statement:
            return StartingFileEntry(organisation_details(organisation),
                                     statement=_statement_start(workspace, cycle, organisation))
        # The recommendations of the organisation's last peer audit held in another cycle go with it.
        briefings = previous_recommendations(workspace, organisation.reference,
                                             lambda event: event.cycle_id != cycle.id)
        return StartingFileEntry(organisation_details(organisation),
                                 last_return(workspace, cycle, organisation.reference), briefings=tuple(briefings))

    jobs = [(f"the starting file for {o.name}", functools.partial(entry, o)) for o in chosen]
    return write_each(workspace, cycle, folder, jobs, progress=progress, cancelled=cancelled, overwrite=overwrite)


def write_each(workspace: Workspace, cycle: CycleRow, folder: Path | str,
               jobs: Sequence[tuple[str, Callable[[], StartingFileEntry]]], *,
               progress: Callable[[int, int, str], None] | None = None, cancelled: Callable[[], bool] | None = None,
               overwrite: bool = False) -> list[StartingFileResult]:
    """Write one audit file per job (what it is in words, and how to make its entry) into ``folder``,
    reading each organisation's last return only when its turn comes: one result each, in order; a
    failure never stops the rest; ``cancelled()`` stops before the next one. Shared by starting files
    and peer audit templates."""
    standards_set = workspace.standards_set(cycle.id)
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StartingFileError(f"The folder {folder} cannot be created ({exc.strerror or exc}).") from exc
    results: list[StartingFileResult] = []
    for done, (what, make_entry) in enumerate(jobs):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, len(jobs), f"Writing {what}")
        results += write_starting_files(folder, [make_entry()], standards_set, cycle.name, overwrite=overwrite,
                                        user=f"{workspace.user} (business unit)")
    if progress is not None:
        progress(len(jobs), len(jobs), "")
    return results
