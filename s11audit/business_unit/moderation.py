"""Moderation per criterion (standards format 2) and the trail of every moderation change.

Beside the organisation's self-grade of each criterion (carried in its return), the business unit
records a moderated grade: the Pan-Cheshire / Greater Manchester "self score + moderated score". A
moderated criterion grade must be a level of that criterion's scale in the cycle's set. Every change
(set, changed or cleared, for a standard or a criterion) is one transaction with its entry in
``moderation_trail``; rows handed out are frozen (``CriterionModerationRow``,
``ModerationTrailRow``). ``Workspace`` offers these as methods beside its standard moderation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from s11audit.business_unit.models import CriterionModeration, ImportedReturn, ModerationTrailEntry, utcnow

if TYPE_CHECKING:
    from s11audit.business_unit.workspace import Workspace

STANDARD, CRITERION = "standard", "criterion"


@dataclass(frozen=True)
class CriterionModerationRow:
    return_id: int
    criterion_id: str
    grade: str
    comment: str
    by: str
    at: dt.datetime


@dataclass(frozen=True)
class ModerationTrailRow:
    return_id: int
    target: str  # STANDARD or CRITERION
    target_id: str
    old_grade: str  # "" when there was none
    new_grade: str  # "" when cleared
    comment: str
    by: str
    at: dt.datetime


def add_trail(session: Session, user: str, return_id: int, target: str, target_id: str, *, old: str | None,
              new: str | None, comment: str = "") -> None:
    """The trail entry of one moderation change, in the caller's transaction."""
    session.add(ModerationTrailEntry(return_id=return_id, target=target, target_id=target_id, old_grade=old or "",
                                     new_grade=new or "", comment=comment, by=user, at=utcnow()))


def _row(m: CriterionModeration) -> CriterionModerationRow:
    return CriterionModerationRow(m.return_id, m.criterion_id, m.grade, m.comment, m.by, m.at)


def _find(session: Session, return_id: int, criterion_id: str) -> CriterionModeration | None:
    return session.scalar(select(CriterionModeration).where(CriterionModeration.return_id == return_id,
                                                            CriterionModeration.criterion_id == criterion_id))


def set_criterion_moderation(workspace: Workspace, return_id: int, criterion_id: str, grade: str,
                             comment: str = "") -> CriterionModerationRow:
    """Record (or change) the moderated grade of one criterion of a return, with a comment."""
    ret = workspace.return_row(return_id)
    standards_set = workspace.standards_set(ret.cycle_id)
    if not standards_set.is_criterion(criterion_id):
        raise workspace.refusal(f"the standards set {standards_set.title!r} has no criterion {criterion_id!r}.")
    scale = standards_set.scale_of(criterion_id)
    if not scale.has_level(grade):
        levels = ", ".join(level.id for level in scale.levels)
        raise workspace.refusal(f"{grade!r} is not a level of criterion {criterion_id}'s scale ({levels}).")
    with workspace.change() as session:
        row = _find(session, return_id, criterion_id)
        old = row.grade if row is not None else None
        if row is None:
            row = CriterionModeration(return_id=return_id, criterion_id=criterion_id)
            session.add(row)
        row.grade, row.comment, row.by, row.at = grade, comment, workspace.user, utcnow()
        add_trail(session, workspace.user, return_id, CRITERION, criterion_id, old=old, new=grade, comment=comment)
    return _row(row)


def clear_criterion_moderation(workspace: Workspace, return_id: int, criterion_id: str) -> None:
    """Remove a criterion's moderated grade (the self-grade counts again)."""
    workspace.return_row(return_id)
    with workspace.change() as session:
        row = _find(session, return_id, criterion_id)
        if row is not None:
            add_trail(session, workspace.user, return_id, CRITERION, criterion_id, old=row.grade, new=None)
            session.delete(row)


def criterion_moderations(workspace: Workspace, return_id: int) -> dict[str, CriterionModerationRow]:
    """The moderated grades of a return's criteria, by criterion id."""
    rows = workspace.session.scalars(select(CriterionModeration).where(CriterionModeration.return_id == return_id))
    return {m.criterion_id: _row(m) for m in rows}


def grades_by_return(session: Session, table, target, cycle_id: int) -> dict[int, dict[str, str]]:
    """Every moderated grade in ``table`` (standards' or criteria's) of a cycle's returns:
    return id -> ``target`` (standard or criterion id) -> grade."""
    found: dict[int, dict[str, str]] = {}
    query = (select(table.return_id, target, table.grade)
             .join(ImportedReturn, ImportedReturn.id == table.return_id)
             .where(ImportedReturn.cycle_id == cycle_id))
    for return_id, target_id, grade in session.execute(query):
        found.setdefault(return_id, {})[target_id] = grade
    return found


def all_criterion_moderations(workspace: Workspace, cycle_id: int) -> dict[int, dict[str, str]]:
    """Every moderated criterion grade of a cycle's returns: return id -> criterion id -> grade."""
    return grades_by_return(workspace.session, CriterionModeration, CriterionModeration.criterion_id, cycle_id)


def moderation_trail(workspace: Workspace, return_id: int) -> list[ModerationTrailRow]:
    """Every change to a return's moderated grades, oldest first."""
    rows = workspace.session.scalars(select(ModerationTrailEntry).where(ModerationTrailEntry.return_id == return_id)
                                     .order_by(ModerationTrailEntry.id))
    return [ModerationTrailRow(e.return_id, e.target, e.target_id, e.old_grade, e.new_grade, e.comment, e.by, e.at)
            for e in rows]
