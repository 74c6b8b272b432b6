"""The peer audit (challenge) day in the business unit's workspace: events, groups and what is recorded.

A peer audit event belongs to a cycle: its name, date, the standards in focus (a subset of the
cycle's set, in the set's order) and the schedule (challenge groups meet one after another from
``starts_at``, one slot of ``slot_minutes`` each). Participants are organisations registered in
that cycle, each with a challenge group number (``None`` until grouped). For each participant and
standard in focus the business unit writes a note before the day (e.g. learning from reviews and
case audits), and on the day records the challenge notes, the peer outcome (an outcome id of the
set's ``peer_outcomes`` scale), recommendations and agreed actions (action, owner, due date).

Every setter is one transaction through the workspace's Writer, committed before it returns, so
the recording screen can save field by field; reads return plain frozen rows, never ORM objects.

The self-grade shown beside each outcome comes from the participant's current imported return in
the event's cycle (source ``"return"``) or, if there is none yet, from its previous cycle's
current return (source ``"previous"``, matched by reference), else there is none (``"none"``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from sqlalchemy import select

from s11audit.business_unit.cycle_starting_files import last_return
from s11audit.business_unit.models import (CURRENT, ImportedReturn, PeerAction, PeerEvent, PeerParticipant,
                                           PeerRecord, RegisteredOrganisation, utcnow)
from s11audit.business_unit.peer_groups import propose_groups
from s11audit.business_unit.workspace import CycleRow, Workspace
from s11audit.standards import PeerOutcomeScale, StandardsSet

__all__ = [
    "EventRow", "ParticipantRow", "PeerActionRow", "PeerRecordRow", "ScheduleRow", "SelfGrade",
    "add_action", "add_event", "add_participants", "event", "events", "move_participant", "outcome_scale",
    "participants", "propose_event_groups", "records", "remove_action", "remove_participant", "schedule",
    "self_grades", "set_business_unit_note", "set_challenge_notes", "set_groups", "set_outcome",
    "set_recommendations", "standards_in_focus", "update_action", "update_event",
]

DEFAULT_START = dt.time(9, 30)
DEFAULT_SLOT_MINUTES = 60


# --- plain rows ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EventRow:
    id: int
    cycle_id: int
    name: str
    held_on: dt.date
    standard_ids: tuple[str, ...]  # the standards in focus, in the set's order
    starts_at: dt.time
    slot_minutes: int


@dataclass(frozen=True)
class ParticipantRow:
    organisation_id: int
    name: str
    reference: str
    sector: str
    org_type: str
    group: int | None  # challenge group number from 1, None until grouped


# Where a self-grade comes from: this cycle's return, last cycle's, or none.
GradeSource = Literal["return", "previous", "none"]


@dataclass(frozen=True)
class SelfGrade:
    """The agency's own grade for a standard, and where it comes from."""

    grade: str | None  # a grade level id, None if not graded (or not applicable)
    not_applicable: bool = False
    source: GradeSource = "none"
    cycle: str = ""  # the cycle of the return it comes from

    @property
    def from_previous_cycle(self) -> bool:
        return self.source == "previous"


@dataclass(frozen=True)
class PeerActionRow:
    id: int
    organisation_id: int
    standard_id: str
    action: str
    owner: str
    due_on: dt.date | None


@dataclass(frozen=True)
class PeerRecordRow:
    """One participant on one standard in focus: everything the recording screen shows."""

    organisation_id: int
    standard_id: str
    self_grade: SelfGrade
    business_unit_note: str = ""
    challenge_notes: str = ""
    outcome: str | None = None  # an outcome id of ``outcome_scale``; None until recorded
    recommendations: str = ""
    actions: tuple[PeerActionRow, ...] = ()
    updated_at: dt.datetime | None = None
    updated_by: str = ""


@dataclass(frozen=True)
class ScheduleRow:
    group: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    participants: tuple[ParticipantRow, ...]


def _event_row(e: PeerEvent) -> EventRow:
    return EventRow(e.id, e.cycle_id, e.name, e.held_on, tuple(json.loads(e.standard_ids)), e.starts_at, e.slot_minutes)


def _action_row(a: PeerAction) -> PeerActionRow:
    return PeerActionRow(a.id, a.organisation_id, a.standard_id, a.action, a.owner, a.due_on)


# --- events ------------------------------------------------------------------------------------------

def _focus(workspace: Workspace, standards_set: StandardsSet, standard_ids: Iterable[str]) -> tuple[str, ...]:
    wanted = [str(s) for s in standard_ids]
    known = [s.id for s in standards_set.standards]
    unknown = [s for s in wanted if s not in known]
    if unknown:
        raise workspace._refuse(f"the standards set {standards_set.title!r} has no standard "
                                f"{', '.join(map(repr, unknown))} (its standards: {', '.join(known)}).")
    if not wanted:
        raise workspace._refuse("a peer audit needs at least one standard in focus.")
    return tuple(s for s in known if s in wanted)


def _check_schedule(workspace: Workspace, slot_minutes: int) -> None:
    if not 1 <= int(slot_minutes) <= 24 * 60:
        raise workspace._refuse(f"a challenge group's slot must be between 1 minute and a day, not {slot_minutes}.")


def add_event(workspace: Workspace, cycle_id: int, name: str, held_on: dt.date, standard_ids: Iterable[str], *,
              starts_at: dt.time = DEFAULT_START, slot_minutes: int = DEFAULT_SLOT_MINUTES) -> EventRow:
    """Create a peer audit event in a cycle; the standards in focus must be standards of the cycle's set."""
    workspace.cycle(cycle_id)
    name = name.strip()
    if not name:
        raise workspace._refuse("a peer audit event needs a name (for example Peer audit day 2027).")
    focus = _focus(workspace, workspace.standards_set(cycle_id), standard_ids)
    _check_schedule(workspace, slot_minutes)
    with workspace.change() as session:
        row = PeerEvent(cycle_id=cycle_id, name=name, held_on=held_on, standard_ids=json.dumps(list(focus)),
                        starts_at=starts_at, slot_minutes=int(slot_minutes))
        session.add(row)
        session.flush()
    return _event_row(row)


def update_event(workspace: Workspace, event_id: int, *, name: str | None = None, held_on: dt.date | None = None,
                 standard_ids: Iterable[str] | None = None, starts_at: dt.time | None = None,
                 slot_minutes: int | None = None) -> EventRow:
    """Change any of an event's details (those given), in one transaction.

    Records of standards taken out of focus are kept (they come back if the standard is put back)
    but are not shown by ``records`` or the summary.
    """
    found = _event_orm(workspace, event_id)
    fields: dict = {}
    if name is not None:
        if not name.strip():
            raise workspace._refuse("a peer audit event needs a name.")
        fields["name"] = name.strip()
    if held_on is not None:
        fields["held_on"] = held_on
    if standard_ids is not None:
        fields["standard_ids"] = json.dumps(list(_focus(workspace, workspace.standards_set(found.cycle_id),
                                                        standard_ids)))
    if starts_at is not None:
        fields["starts_at"] = starts_at
    if slot_minutes is not None:
        _check_schedule(workspace, slot_minutes)
        fields["slot_minutes"] = int(slot_minutes)
    with workspace.change():
        for key, value in fields.items():
            setattr(found, key, value)
    return _event_row(found)


def _event_orm(workspace: Workspace, event_id: int) -> PeerEvent:
    found = workspace.session.get(PeerEvent, event_id)
    if found is None:
        raise workspace._refuse(f"has no peer audit event {event_id}.")
    return found


def event(workspace: Workspace, event_id: int) -> EventRow:
    return _event_row(_event_orm(workspace, event_id))


def events(workspace: Workspace, cycle_id: int | None = None) -> list[EventRow]:
    """Peer audit events (of one cycle, or all), by date."""
    query = select(PeerEvent).order_by(PeerEvent.held_on, PeerEvent.id)
    if cycle_id is not None:
        query = query.where(PeerEvent.cycle_id == cycle_id)
    return [_event_row(e) for e in workspace.session.scalars(query)]


def outcome_scale(workspace: Workspace, event_id: int) -> PeerOutcomeScale:
    """The outcome scale of the event's cycle's standards set (``peer_outcomes``, or the default)."""
    return workspace.standards_set(event(workspace, event_id).cycle_id).peer_outcomes


def standards_in_focus(workspace: Workspace, event_id: int) -> list:
    """The standards in focus as ``standards.Standard`` objects (number, title, descriptors...)."""
    found = event(workspace, event_id)
    standards_set = workspace.standards_set(found.cycle_id)
    return [standards_set.standard(s) for s in found.standard_ids]


# --- participants and groups ---------------------------------------------------------------------

def participants(workspace: Workspace, event_id: int) -> list[ParticipantRow]:
    """The event's participants, by group (ungrouped last) then name."""
    event(workspace, event_id)
    query = (select(RegisteredOrganisation, PeerParticipant.group_no)
             .join(PeerParticipant, PeerParticipant.organisation_id == RegisteredOrganisation.id)
             .where(PeerParticipant.event_id == event_id))
    rows = [ParticipantRow(o.id, o.name, o.reference, o.sector, o.org_type, group)
            for o, group in workspace.session.execute(query)]
    return sorted(rows, key=lambda p: (p.group is None, p.group or 0, p.name.casefold(), p.organisation_id))


def add_participants(workspace: Workspace, event_id: int, organisation_ids: Iterable[int]) -> list[ParticipantRow]:
    """Add registered organisations of the event's cycle (one transaction; those already in are left as they are)."""
    found = event(workspace, event_id)
    ids = list(dict.fromkeys(organisation_ids))
    for organisation_id in ids:
        if workspace.organisation(organisation_id).cycle_id != found.cycle_id:
            raise workspace._refuse(f"{workspace.organisation(organisation_id).name} is not registered in the "
                                    "cycle of this peer audit.")
    present = set(workspace.session.scalars(select(PeerParticipant.organisation_id)
                                            .where(PeerParticipant.event_id == event_id)))
    with workspace.change() as session:
        session.add_all(PeerParticipant(event_id=event_id, organisation_id=i) for i in ids if i not in present)
    return participants(workspace, event_id)


def remove_participant(workspace: Workspace, event_id: int, organisation_id: int) -> None:
    """Take an organisation out of the event, with what was recorded for it."""
    with workspace.change() as session:
        for table in (PeerParticipant, PeerRecord, PeerAction):
            for row in session.scalars(select(table).where(table.event_id == event_id,
                                                           table.organisation_id == organisation_id)):
                session.delete(row)


def _participant_orm(workspace: Workspace, event_id: int, organisation_id: int) -> PeerParticipant:
    found = workspace.session.scalar(select(PeerParticipant).where(PeerParticipant.event_id == event_id,
                                                                   PeerParticipant.organisation_id == organisation_id))
    if found is None:
        raise workspace._refuse(f"organisation {organisation_id} is not taking part in this peer audit.")
    return found


def propose_event_groups(workspace: Workspace, event_id: int, size: int) -> list[list[int]]:
    """``peer_groups.propose_groups`` over the event's participants (organisation ids, sector from the register).

    Participants are given to the rule in name order, so the proposal does not depend on when they
    were added. Nothing is stored: pass the result (edited or not) to ``set_groups``.
    """
    ordered = sorted(participants(workspace, event_id), key=lambda p: (p.name.casefold(), p.organisation_id))
    return propose_groups([(p.organisation_id, p.sector) for p in ordered], size)


def set_groups(workspace: Workspace, event_id: int, groups: Sequence[Sequence[int]]) -> list[ParticipantRow]:
    """Store the challenge groups: ``groups[0]`` is group 1, and so on (one transaction).

    Each organisation id must be a participant and appear at most once; participants left out are
    ungrouped. Empty groups keep their number (the business unit may fill them by hand later).
    """
    found = {p.organisation_id for p in participants(workspace, event_id)}
    seen: set[int] = set()
    for group in groups:
        for organisation_id in group:
            if organisation_id not in found:
                raise workspace._refuse(f"organisation {organisation_id} is not taking part in this peer audit.")
            if organisation_id in seen:
                raise workspace._refuse(f"organisation {organisation_id} is put in two challenge groups.")
            seen.add(organisation_id)
    number = {organisation_id: index for index, group in enumerate(groups, 1) for organisation_id in group}
    with workspace.change() as session:
        for row in session.scalars(select(PeerParticipant).where(PeerParticipant.event_id == event_id)):
            row.group_no = number.get(row.organisation_id)
    return participants(workspace, event_id)


def move_participant(workspace: Workspace, event_id: int, organisation_id: int, group: int | None) -> ParticipantRow:
    """Move one participant to challenge group ``group`` (from 1), or out of any group with ``None``."""
    if group is not None and group < 1:
        raise workspace._refuse(f"challenge groups are numbered from 1, not {group}.")
    row = _participant_orm(workspace, event_id, organisation_id)
    with workspace.change():
        row.group_no = group
    return next(p for p in participants(workspace, event_id) if p.organisation_id == organisation_id)


def schedule(workspace: Workspace, event_id: int) -> list[ScheduleRow]:
    """The day's timetable: group n meets from ``starts_at + (n - 1) * slot`` for one slot."""
    found = event(workspace, event_id)
    by_group: dict[int, list[ParticipantRow]] = {}
    for p in participants(workspace, event_id):
        if p.group is not None:
            by_group.setdefault(p.group, []).append(p)
    start = dt.datetime.combine(found.held_on, found.starts_at)
    slot = dt.timedelta(minutes=found.slot_minutes)
    return [ScheduleRow(group, start + (group - 1) * slot, start + group * slot, tuple(members))
            for group, members in sorted(by_group.items())]


# --- self-grades ---------------------------------------------------------------------------------

def _grades_of(content: dict, cycle: str, source: GradeSource) -> dict[str, SelfGrade]:
    found = {}
    for standard in content.get("standards") or []:
        na = bool(standard.get("not_applicable"))
        found[str(standard.get("standard_id"))] = SelfGrade(None if na else standard.get("grade") or None, na,
                                                            source, cycle)
    return found


def self_grades(workspace: Workspace, event_id: int) -> dict[int, dict[str, SelfGrade]]:
    """organisation id → standard id → the self-grade (current return in the event's cycle, else last cycle's)."""
    found = event(workspace, event_id)
    cycle: CycleRow = workspace.cycle(found.cycle_id)
    result: dict[int, dict[str, SelfGrade]] = {}
    for p in participants(workspace, event_id):
        content = workspace.session.scalar(select(ImportedReturn.content).where(
            ImportedReturn.organisation_id == p.organisation_id, ImportedReturn.state == CURRENT))
        if content is not None:
            result[p.organisation_id] = _grades_of(json.loads(content), cycle.name, "return")
            continue
        previous = last_return(workspace, cycle, p.reference)
        previous_name = workspace.cycle(cycle.previous_id).name if cycle.previous_id else ""
        result[p.organisation_id] = _grades_of(previous.content, previous_name, "previous") if previous else {}
    return result


# --- recording -----------------------------------------------------------------------------------

def _record_orm(workspace: Workspace, event_id: int, organisation_id: int, standard_id: str) -> PeerRecord:
    """The record to change (made if missing), after checking participant and standard in focus."""
    found = event(workspace, event_id)
    if standard_id not in found.standard_ids:
        raise workspace._refuse(f"standard {standard_id!r} is not in focus at {found.name} "
                                f"(in focus: {', '.join(found.standard_ids)}).")
    _participant_orm(workspace, event_id, organisation_id)
    row = workspace.session.scalar(select(PeerRecord).where(PeerRecord.event_id == event_id,
                                                            PeerRecord.organisation_id == organisation_id,
                                                            PeerRecord.standard_id == standard_id))
    if row is None:
        row = PeerRecord(event_id=event_id, organisation_id=organisation_id, standard_id=standard_id,
                         business_unit_note="", challenge_notes="", outcome=None, recommendations="")
    return row


def _set(workspace: Workspace, event_id: int, organisation_id: int, standard_id: str, **fields) -> None:
    row = _record_orm(workspace, event_id, organisation_id, standard_id)
    with workspace.change() as session:
        if row.id is None:
            session.add(row)
        for key, value in fields.items():
            setattr(row, key, value)
        row.updated_at, row.updated_by = utcnow(), workspace.user


def set_business_unit_note(workspace: Workspace, event_id: int, organisation_id: int, standard_id: str,
                           text: str) -> None:
    """The business unit's note for this agency and standard (e.g. learning from reviews and case audits)."""
    _set(workspace, event_id, organisation_id, standard_id, business_unit_note=text)


def set_challenge_notes(workspace: Workspace, event_id: int, organisation_id: int, standard_id: str, text: str) -> None:
    _set(workspace, event_id, organisation_id, standard_id, challenge_notes=text)


def set_outcome(workspace: Workspace, event_id: int, organisation_id: int, standard_id: str,
                outcome: str | None) -> None:
    """Record the peer outcome (an outcome id of ``outcome_scale``), or clear it with ``None``."""
    scale = outcome_scale(workspace, event_id)
    if outcome is not None and not scale.has_level(outcome):
        raise workspace._refuse(f"{outcome!r} is not an outcome of {scale.name} "
                                f"({', '.join(level.id for level in scale.levels)}).")
    _set(workspace, event_id, organisation_id, standard_id, outcome=outcome)


def set_recommendations(workspace: Workspace, event_id: int, organisation_id: int, standard_id: str,
                        text: str) -> None:
    _set(workspace, event_id, organisation_id, standard_id, recommendations=text)


def add_action(workspace: Workspace, event_id: int, organisation_id: int, standard_id: str, action: str,
               owner: str = "", *, due_on: dt.date | None = None) -> PeerActionRow:
    """Add an action agreed on the day (one transaction)."""
    if not action.strip():
        raise workspace._refuse("an agreed action needs words saying what will be done.")
    _record_orm(workspace, event_id, organisation_id, standard_id)  # checks participant and standard
    with workspace.change() as session:
        row = PeerAction(event_id=event_id, organisation_id=organisation_id, standard_id=standard_id,
                         action=action.strip(), owner=owner.strip(), due_on=due_on, created_by=workspace.user)
        session.add(row)
        session.flush()
    return _action_row(row)


class _Unchanged(Enum):
    """``update_action``'s due date when none is given: left as it is (``None`` clears it)."""

    UNCHANGED = "unchanged"


def update_action(workspace: Workspace, action_id: int, *, action: str | None = None, owner: str | None = None,
                  due_on: dt.date | _Unchanged | None = _Unchanged.UNCHANGED) -> PeerActionRow:
    """Change an agreed action's words, owner or due date (those given; ``due_on=None`` clears the date)."""
    row = workspace.session.get(PeerAction, action_id)
    if row is None:
        raise workspace._refuse(f"has no agreed action {action_id}.")
    if action is not None and not action.strip():
        raise workspace._refuse("an agreed action needs words saying what will be done.")
    with workspace.change():
        if action is not None:
            row.action = action.strip()
        if owner is not None:
            row.owner = owner.strip()
        if not isinstance(due_on, _Unchanged):
            row.due_on = due_on
    return _action_row(row)


def remove_action(workspace: Workspace, action_id: int) -> None:
    with workspace.change() as session:
        row = session.get(PeerAction, action_id)
        if row is not None:
            session.delete(row)


def records(workspace: Workspace, event_id: int, organisation_ids: Iterable[int] | None = None) -> list[PeerRecordRow]:
    """A row per participant (by group, then name) and standard in focus (in the set's order).

    Rows exist whether or not anything has been recorded yet; ``organisation_ids`` limits them
    (e.g. to one challenge group).
    """
    found = event(workspace, event_id)
    wanted = None if organisation_ids is None else set(organisation_ids)
    chosen = [p for p in participants(workspace, event_id) if wanted is None or p.organisation_id in wanted]
    grades = self_grades(workspace, event_id)
    stored = {(r.organisation_id, r.standard_id): r for r in workspace.session.scalars(
        select(PeerRecord).where(PeerRecord.event_id == event_id))}
    actions: dict[tuple[int, str], list[PeerActionRow]] = {}
    for a in workspace.session.scalars(select(PeerAction).where(PeerAction.event_id == event_id)
                                       .order_by(PeerAction.id)):
        actions.setdefault((a.organisation_id, a.standard_id), []).append(_action_row(a))
    rows = []
    for p in chosen:
        for standard_id in found.standard_ids:
            grade = grades.get(p.organisation_id, {}).get(standard_id, SelfGrade(None))
            r = stored.get((p.organisation_id, standard_id))
            acts = tuple(actions.get((p.organisation_id, standard_id), ()))
            if r is None:
                rows.append(PeerRecordRow(p.organisation_id, standard_id, grade, actions=acts))
            else:
                rows.append(PeerRecordRow(p.organisation_id, standard_id, grade, r.business_unit_note,
                                          r.challenge_notes, r.outcome, r.recommendations, acts, r.updated_at,
                                          r.updated_by))
    return rows
