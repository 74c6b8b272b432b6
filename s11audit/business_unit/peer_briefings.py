"""What a peer audit leaves for the next audit: the recommendations an organisation was given.

Recommendations go into the organisation's next starting file or peer audit template as briefings
(``store/briefings.py``), read by the organisation beside each standard. Organisations are
matched across cycles by reference (``workspace.reference_key``), as last cycle's return is.

The rule: the *last peer audit the organisation took part in* (latest date, then latest created)
among those allowed gives its recommendations, one briefing per standard that has any; if it took
part but was given none, there are none (older ones were superseded by that day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol

from sqlalchemy import select

from s11audit.business_unit.models import PeerEvent, PeerParticipant, PeerRecord, RegisteredOrganisation
from s11audit.business_unit.workspace import Workspace, reference_key
from s11audit.store.briefings import RECOMMENDATION, BriefingRow


class HeldEvent(Protocol):
    """A peer audit day as a briefing names it (``PeerEvent`` or ``peer_audit.EventRow``)."""

    @property
    def name(self) -> str: ...

    @property
    def held_on(self) -> dt.date: ...


def source_of(event: HeldEvent) -> str:
    """How a briefing names the peer audit it comes from: "Peer audit day 2027, 12 March 2027"."""
    return f"{event.name}, {event.held_on.day} {event.held_on:%B %Y}"


def previous_recommendations(workspace: Workspace, reference: str,
                             allowed: Callable[[PeerEvent], bool] = lambda event: True) -> list[BriefingRow]:
    """The recommendations from the last peer audit (of those ``allowed``) the organisation took part in."""
    wanted = reference_key(reference)
    taken_part = [(event, organisation_id) for event, organisation_id, ref in workspace.session.execute(
        select(PeerEvent, PeerParticipant.organisation_id, RegisteredOrganisation.reference)
        .join(PeerParticipant, PeerParticipant.event_id == PeerEvent.id)
        .join(RegisteredOrganisation, RegisteredOrganisation.id == PeerParticipant.organisation_id))
        if reference_key(ref) == wanted and allowed(event)]
    if not taken_part:
        return []
    event, organisation_id = max(taken_part, key=lambda pair: (pair[0].held_on, pair[0].id))
    rows = workspace.session.scalars(select(PeerRecord).where(PeerRecord.event_id == event.id,
                                                             PeerRecord.organisation_id == organisation_id)
                                     .order_by(PeerRecord.id))
    return [BriefingRow(r.standard_id, RECOMMENDATION, r.recommendations.strip(), source_of(event))
            for r in rows if r.recommendations.strip()]
