"""Peer audit templates: the starting file each agency completes before the peer audit day.

A template is an ordinary starting file (``starting_files.py``) for the event's cycle, so the agency
opens it in s11audit, updates its evidence and self-grades, signs it off and sends its return,
which the business unit imports into the event's cycle as usual. It is pre-populated, for the
standards in focus only, from the agency's previous cycle's return (grade, narrative, evidence,
answers and open actions, by the usual carry-forward rules), and carries as briefings
(``SelfAssessment.briefings(standard_id)``):

- the recommendations from the last peer audit the agency took part in before this one
  (``peer_briefings.previous_recommendations``), and
- the business unit's note for this event (``peer_audit.set_business_unit_note``).

Standards of the cycle's set that are not in focus are left empty.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import select

from s11audit.business_unit.cycle_starting_files import last_return, organisation_details, write_each
from s11audit.business_unit.models import PeerRecord
from s11audit.business_unit.peer_audit import event as event_row
from s11audit.business_unit.peer_audit import participants
from s11audit.business_unit.peer_briefings import previous_recommendations, source_of
from s11audit.business_unit.starting_files import StartingFileEntry, StartingFileResult
from s11audit.business_unit.workspace import Workspace
from s11audit.store.briefings import BUSINESS_UNIT_NOTE, BriefingRow


def event_briefings(workspace: Workspace, event_id: int, organisation_id: int) -> list[BriefingRow]:
    """Briefings for one participant's template: previous recommendations, then this event's notes (focus only)."""
    found = event_row(workspace, event_id)
    focus = set(found.standard_ids)
    reference = workspace.organisation(organisation_id).reference
    earlier = previous_recommendations(workspace, reference,
                                       lambda other: (other.held_on, other.id) < (found.held_on, found.id))
    notes = [BriefingRow(r.standard_id, BUSINESS_UNIT_NOTE, r.business_unit_note.strip(), source_of(found))
             for r in workspace.session.scalars(select(PeerRecord).where(
                 PeerRecord.event_id == event_id, PeerRecord.organisation_id == organisation_id)
                 .order_by(PeerRecord.id))
             if r.business_unit_note.strip()]
    return [b for b in earlier + notes if b.standard_id in focus]


def write_peer_templates(workspace: Workspace, event_id: int, folder: Path | str,
                         participant_ids: Iterable[int] | None = None, *,
                         progress: Callable[[int, int, str], None] | None = None,
                         cancelled: Callable[[], bool] | None = None,
                         overwrite: bool = False) -> list[StartingFileResult]:
    """Write a template for each participant (or those in ``participant_ids``, organisation ids) into ``folder``.

    One result each, in order; a failure never stops the rest; ``cancelled()`` stops before the next
    one; ``progress(done, total, text)`` as for starting files.
    """
    found = event_row(workspace, event_id)
    cycle = workspace.cycle(found.cycle_id)
    wanted = None if participant_ids is None else set(participant_ids)
    chosen = [p for p in participants(workspace, event_id) if wanted is None or p.organisation_id in wanted]

    def entry(participant) -> StartingFileEntry:
        organisation = workspace.organisation(participant.organisation_id)
        return StartingFileEntry(organisation_details(organisation),
                                 last_return(workspace, cycle, organisation.reference),
                                 standard_ids=frozenset(found.standard_ids),
                                 briefings=tuple(event_briefings(workspace, event_id, participant.organisation_id)))

    return write_each(workspace, cycle, folder,
                      [(f"the peer audit template for {p.name}", functools.partial(entry, p)) for p in chosen],
                      progress=progress, cancelled=cancelled, overwrite=overwrite)
