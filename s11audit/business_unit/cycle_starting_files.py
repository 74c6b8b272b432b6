"""Starting files for the organisations in a cycle's register, from the business unit's workspace.

For each organisation chosen, last cycle's current return (matched by reference in the cycle the
new one names as its previous cycle) is carried forward, with the evidence files the workspace kept
when it imported it, and the recommendations of its last peer audit in another cycle go with it
as briefings (``peer_briefings.py``). The writing itself, and the rules for what is carried, are in
``starting_files.py``; this only finds each organisation's details and last return.
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

    @property
    def evidence(self) -> list[dict]:
        return list(self.content.get("evidence", []))

    def evidence_bytes(self, evidence_id: object) -> bytes:
        return self.evidence_data[str(evidence_id)]


def organisation_details(organisation: OrganisationRow) -> OrganisationDetails:
    known = TYPES_BY_ID.get(organisation.org_type)
    return OrganisationDetails(organisation.name, organisation.reference, known.kind if known else "",
                               organisation.org_type, organisation.contact_name, organisation.contact_email)


def last_return(workspace: Workspace, cycle: CycleRow, reference: str) -> StoredReturn | None:
    """The organisation's current return in the cycle before ``cycle``, with its evidence, if the workspace has one."""
    if cycle.previous_id is None:
        return None
    wanted = reference_key(reference)
    session = workspace.session
    for return_id, ref, content in session.execute(
            select(ImportedReturn.id, ImportedReturn.reference, ImportedReturn.content)
            .where(ImportedReturn.cycle_id == cycle.previous_id, ImportedReturn.state == CURRENT)):
        if reference_key(ref) == wanted:
            evidence = {e_id: bytes(data) for e_id, data in session.execute(
                select(ReturnEvidence.evidence_id, ReturnEvidence.data).where(ReturnEvidence.return_id == return_id))}
            return StoredReturn(json.loads(content), evidence)
    return None


def starting_files_for_cycle(workspace: Workspace, cycle: CycleRow, organisation_ids: Iterable[int],
                             folder: Path | str, *,
                             progress: Callable[[int, int, str], None] | None = None,
                             cancelled: Callable[[], bool] | None = None,
                             overwrite: bool = False) -> list[StartingFileResult]:
    """Write a starting file for each organisation into ``folder``: one result each, in order; a failure
    never stops the rest; ``cancelled()`` stops before the next one."""
    chosen = [workspace.organisation(i) for i in organisation_ids]

    def entry(organisation: OrganisationRow) -> StartingFileEntry:
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
