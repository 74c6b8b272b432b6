"""Retention in the business unit's workspace (issue 17): what is past its retention period, and deleting it.

The workspace keeps a period per kind of data (``Workspace.retention``, ``retention_policy.RetentionPolicy``):

- ``evidence``: the evidence files of imported returns. They are deleted, and their entries (names,
  descriptions, links) taken out of the stored return, which notes ``"redacted": {"evidence": <day>}``.
- ``narratives``: the text an organisation wrote about its practice inside a stored return
  (``NARRATIVE_FIELDS``). It is emptied and the return notes ``"redacted": {"narratives": <day>}``. Grades,
  not applicable marks, item answers and actions (wording, owner, due date, status) stay, and so does what
  findings read of the return (``findings_content`` holds no narratives), so tracking, findings, statements
  and moderation work on a redacted return as before.
- ``returns``: whole returns, with their evidence files and moderation (``deletion.delete_returns``).

Age is counted from the end of the cycle, its due date: a 24-month period for a cycle due on 31 March 2027
has passed on 1 April 2029 (one day after 31 March 2029). A full cycle that is the baseline of a statement
cycle whose returns are still kept keeps its returns too (their evidence and narratives follow their own
periods), because statements are read against their baseline's grades and actions. A return past its
``returns`` period is listed only as a whole return, not for its evidence or narratives as well.

It is two steps, so the user sees what goes before it goes: :func:`preview_retention` lists each return and
kind with its files and bytes; :func:`apply_retention` deletes exactly what a preview listed, in one
transaction, re-checking each item (one that changed since, or is no longer past its period, is skipped and
counted), and records each cycle and kind in the import log (counts and bytes, never the content). The
caller then compacts the file (``Workspace.compact``) so nothing deleted is left in it.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import LargeBinary, cast, delete, func, select

from s11audit.business_unit.deletion import delete_returns
from s11audit.business_unit.models import (RETENTION_EVIDENCE, RETENTION_KINDS, RETENTION_NARRATIVES,
                                           RETENTION_RETURNS, STATEMENT_CYCLE, CriterionModeration, Cycle,
                                           ImportedReturn, ImportLogEntry, Moderation, RegisteredOrganisation,
                                           ReturnEvidence)
from s11audit.business_unit.retention_policy import RetentionPolicy

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from s11audit.business_unit.workspace import Workspace

__all__ = ["NARRATIVE_FIELDS", "RETENTION_KINDS", "RetentionItem", "RetentionPolicy", "RetentionPreview",
           "RetentionReport", "apply_retention", "months_after", "preview_retention", "redact_narratives"]

RETENTION = "retention"  # the import log's outcome for what retention deleted

# Where a stored return holds narrative text: (path of lists to walk, fields emptied). ``statement`` is a
# compliance statement's own part (issue 16).
NARRATIVE_FIELDS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("standards",), ("narrative", "example", "na_reason")),
    (("standards", "criteria"), ("narrative", "example", "na_reason")),
    (("item_answers",), ("comment",)),
    (("action_plan",), ("progress_notes",)),
    (("evidence",), ("description",)),
    (("statement", "standards"), ("narrative",)),
    (("statement", "action_progress"), ("progress_note", "dropped_reason")),
)


@dataclass(frozen=True)
class RetentionItem:
    """One return's data of one kind past its period: ``what`` in words, evidence ``files`` and ``bytes``
    (evidence bytes; for narratives the text's bytes; for a whole return its evidence and stored text)."""

    kind: str  # "evidence", "narratives" or "returns"
    cycle: str
    organisation: str
    reference: str
    return_id: int
    what: str
    files: int
    bytes: int


@dataclass(frozen=True)
class RetentionPreview:
    """What is past its retention period on ``today`` under ``policy``."""

    items: list[RetentionItem]
    today: dt.date
    policy: RetentionPolicy = field(default_factory=RetentionPolicy)

    @property
    def files(self) -> int:
        return sum(item.files for item in self.items)

    @property
    def bytes(self) -> int:
        return sum(item.bytes for item in self.items)

    @property
    def counts(self) -> dict[str, int]:
        """How many returns each kind touches (every kind present, 0 when none)."""
        found = Counter(item.kind for item in self.items)
        return {kind: found[kind] for kind in RETENTION_KINDS}

    @property
    def evidence(self) -> int:
        return self.counts[RETENTION_EVIDENCE]

    @property
    def narratives(self) -> int:
        return self.counts[RETENTION_NARRATIVES]

    @property
    def returns(self) -> int:
        return self.counts[RETENTION_RETURNS]


@dataclass(frozen=True)
class RetentionReport:
    """What :func:`apply_retention` did: items done (per kind in ``counts``), evidence files and bytes deleted,
    and the items skipped because they had changed since the preview (or were no longer past their period)."""

    items: int
    files: int
    bytes: int
    skipped: int
    counts: dict[str, int] = field(default_factory=dict)


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day where that month is shorter: 31 August + 6 is
    28 or 29 February)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def _past(due_on: dt.date, months: int | None, today: dt.date) -> bool:
    return months is not None and today > months_after(due_on, months)


# --- narratives ------------------------------------------------------------------------------------

def _entries(content: Any, path: tuple[str, ...]) -> Iterable[dict]:
    """The objects at ``path`` (lists of objects inside objects) of a stored return, whatever its shape."""
    level: list[Any] = [content]
    for key in path:
        found: list[Any] = []
        for entry in level:
            value = entry.get(key) if isinstance(entry, dict) else None
            if isinstance(value, list):
                found.extend(v for v in value if isinstance(v, dict))
            elif isinstance(value, dict):
                found.append(value)
        level = found
    return level


def narrative_bytes(content: dict) -> int:
    """The bytes (UTF-8) of the narrative text a stored return holds (``NARRATIVE_FIELDS``)."""
    return sum(len(entry[name].encode("utf-8")) for path, names in NARRATIVE_FIELDS
               for entry in _entries(content, path) for name in names if isinstance(entry.get(name), str))


def redact_narratives(content: dict, day: dt.date) -> dict:
    """``content`` with every narrative field emptied (the key kept, so readers see an empty text) and the
    note ``"redacted": {"narratives": day}``; everything else as it was."""
    for path, names in NARRATIVE_FIELDS:
        for entry in _entries(content, path):
            for name in names:
                if isinstance(entry.get(name), str):
                    entry[name] = ""
    _note(content, RETENTION_NARRATIVES, day)
    return content


def _note(content: dict, kind: str, day: dt.date) -> None:
    note = content.get("redacted")
    content["redacted"] = {**(note if isinstance(note, dict) else {}), kind: day.isoformat()}


# --- the preview -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Candidate:
    return_id: int
    cycle: str
    organisation: str
    reference: str
    redacted: dict


def _cycles_past(session: Session, policy: RetentionPolicy, today: dt.date) -> dict[str, dict[int, str]]:
    """Per kind, the cycles (id -> name) past its period; a baseline of a statement cycle whose returns are
    kept keeps its returns."""
    cycles = session.scalars(select(Cycle)).all()
    past = {kind: {c.id: c.name for c in cycles if _past(c.due_on, policy.months(kind), today)}
            for kind in RETENTION_KINDS}
    for statement in cycles:
        if statement.kind == STATEMENT_CYCLE and statement.id not in past[RETENTION_RETURNS]:
            past[RETENTION_RETURNS].pop(statement.baseline_cycle_id or -1, None)
    return past


def _candidates(session: Session, cycle_ids: Iterable[int]) -> list[_Candidate]:
    names = {c.id: c.name for c in session.scalars(select(Cycle))}
    query = (select(ImportedReturn.id, ImportedReturn.cycle_id, ImportedReturn.name, ImportedReturn.reference,
                    ImportedReturn.redacted, RegisteredOrganisation.name.label("registered"))
             .outerjoin(RegisteredOrganisation, RegisteredOrganisation.id == ImportedReturn.organisation_id)
             .where(ImportedReturn.cycle_id.in_(list(cycle_ids))).order_by(ImportedReturn.cycle_id, ImportedReturn.id))
    return [_Candidate(row.id, names[row.cycle_id], row.registered or row.name, row.reference,
                       _redaction(row.redacted)) for row in session.execute(query)]


def _redaction(text: str | None) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _many(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _returns_items(session: Session, cycles: dict[int, str]) -> list[RetentionItem]:
    candidates = _candidates(session, cycles)
    in_cycles = ImportedReturn.cycle_id.in_(list(cycles))
    evidence = {row.return_id: (int(row.files), int(row.size)) for row in session.execute(
        select(ReturnEvidence.return_id, func.count(ReturnEvidence.id).label("files"),
               func.sum(func.length(ReturnEvidence.data)).label("size"))
        .join(ImportedReturn, ImportedReturn.id == ReturnEvidence.return_id).where(in_cycles)
        .group_by(ReturnEvidence.return_id))}
    # length() of text counts characters, of a BLOB its bytes, which are what the file holds.
    text = {row.id: int(row.size) for row in session.execute(select(ImportedReturn.id, (
        func.length(cast(ImportedReturn.content, LargeBinary)) +
        func.coalesce(func.length(cast(ImportedReturn.findings_content, LargeBinary)), 0)).label("size"))
        .where(in_cycles))}
    moderated: Counter[int] = Counter()
    for table in (Moderation, CriterionModeration):
        moderated.update({row.return_id: int(row.n) for row in session.execute(
            select(table.return_id, func.count(table.id).label("n")).join(
                ImportedReturn, ImportedReturn.id == table.return_id).where(in_cycles).group_by(table.return_id))})
    items = []
    for c in candidates:
        files, size = evidence.get(c.return_id, (0, 0))
        with_what = [_many(files, "evidence file")] if files else []
        with_what += [_many(moderated[c.return_id], "moderated grade")] if moderated[c.return_id] else []
        items.append(RetentionItem(RETENTION_RETURNS, c.cycle, c.organisation, c.reference, c.return_id,
                                   "the whole return" + (f" with {' and '.join(with_what)}" if with_what else ""),
                                   files, size + text.get(c.return_id, 0)))
    return items


def _evidence_items(session: Session, cycles: dict[int, str], skip: set[int]) -> list[RetentionItem]:
    held = {row.return_id: (int(row.files), int(row.size)) for row in session.execute(
        select(ReturnEvidence.return_id, func.count(ReturnEvidence.id).label("files"),
               func.sum(func.length(ReturnEvidence.data)).label("size"))
        .join(ImportedReturn, ImportedReturn.id == ReturnEvidence.return_id)
        .where(ImportedReturn.cycle_id.in_(list(cycles))).group_by(ReturnEvidence.return_id))}
    return [RetentionItem(RETENTION_EVIDENCE, c.cycle, c.organisation, c.reference, c.return_id,
                          _many(held[c.return_id][0], "evidence file"), *held[c.return_id])
            for c in _candidates(session, cycles) if c.return_id in held and c.return_id not in skip]


def _narrative_items(session: Session, cycles: dict[int, str], skip: set[int]) -> list[RetentionItem]:
    contents = session.execute(select(ImportedReturn.id, ImportedReturn.content)
                               .where(ImportedReturn.cycle_id.in_(list(cycles)),
                                      ImportedReturn.redacted.not_like(f'%"{RETENTION_NARRATIVES}"%')))
    sizes = {row.id: narrative_bytes(json.loads(row.content or "{}")) for row in contents if row.id not in skip}
    return [RetentionItem(RETENTION_NARRATIVES, c.cycle, c.organisation, c.reference, c.return_id,
                          "narratives, examples and comments", 0, sizes[c.return_id])
            for c in _candidates(session, cycles)
            if sizes.get(c.return_id) and RETENTION_NARRATIVES not in c.redacted]


def preview_retention(workspace: Workspace, today: dt.date | None = None,
                      policy: RetentionPolicy | None = None) -> RetentionPreview:
    """Everything past its retention period on ``today`` (default: today), nothing changed: whole returns
    first, then evidence files, then narratives, each by cycle and import. ``policy`` previews periods not
    saved yet (the Retention dialog's, as they are chosen); by default the workspace's own."""
    today = today or dt.date.today()
    policy = policy or workspace.retention()
    session = workspace.session
    past = _cycles_past(session, policy, today)
    returns = _returns_items(session, past[RETENTION_RETURNS]) if past[RETENTION_RETURNS] else []
    whole = {item.return_id for item in returns}
    evidence = _evidence_items(session, past[RETENTION_EVIDENCE], whole) if past[RETENTION_EVIDENCE] else []
    narratives = (_narrative_items(session, past[RETENTION_NARRATIVES], whole)
                  if past[RETENTION_NARRATIVES] else [])
    return RetentionPreview(returns + evidence + narratives, today, policy)


# --- applying it -------------------------------------------------------------------------------------

_KIND_WORDS = {RETENTION_EVIDENCE: "evidence files", RETENTION_NARRATIVES: "narratives",
               RETENTION_RETURNS: "whole returns"}


def apply_retention(workspace: Workspace, preview: RetentionPreview, today: dt.date | None = None) -> RetentionReport:
    """Delete exactly what ``preview`` listed, in one transaction, and record it in the import log.

    Each item is checked again on ``today`` (default: today) under the periods set now: one no longer past
    its period, or changed since the preview (other files, bytes or text), is skipped and counted in
    ``skipped``. Compact the file afterwards (``Workspace.compact``) to leave nothing deleted in it."""
    today = today or dt.date.today()
    fresh = {(item.kind, item.return_id): item for item in preview_retention(workspace, today).items}
    chosen = [item for item in preview.items if fresh.get((item.kind, item.return_id)) == item]
    if not chosen:
        return RetentionReport(0, 0, 0, len(preview.items), dict.fromkeys(RETENTION_KINDS, 0))
    with workspace.change() as session:
        by_return: dict[int, set[str]] = {}
        for item in chosen:
            by_return.setdefault(item.return_id, set()).add(item.kind)
        for return_id, kinds in by_return.items():
            if RETENTION_RETURNS not in kinds:
                _redact(session, return_id, kinds, today)
        delete_returns(session, [i.return_id for i in chosen if i.kind == RETENTION_RETURNS])
        _log(workspace, session, chosen, workspace.retention())
    counts = Counter(item.kind for item in chosen)
    return RetentionReport(len(chosen), sum(i.files for i in chosen), sum(i.bytes for i in chosen),
                           len(preview.items) - len(chosen), {kind: counts[kind] for kind in RETENTION_KINDS})


def _redact(session: Session, return_id: int, kinds: set[str], today: dt.date) -> None:
    """Take evidence files and/or narratives out of one stored return, noting what and when."""
    ret = session.get(ImportedReturn, return_id)
    if ret is None:  # (checked just before, in the same session)
        return
    content = json.loads(ret.content)
    redacted = _redaction(ret.redacted)
    if RETENTION_EVIDENCE in kinds:
        session.execute(delete(ReturnEvidence).where(ReturnEvidence.return_id == return_id))
        # The entries go too: their names and descriptions may say what the files held, and a starting file
        # made from this return then carries no evidence rather than entries without their files.
        content["evidence"] = []
        _note(content, RETENTION_EVIDENCE, today)
        redacted[RETENTION_EVIDENCE] = today.isoformat()
    if RETENTION_NARRATIVES in kinds:
        redact_narratives(content, today)
        redacted[RETENTION_NARRATIVES] = today.isoformat()
    ret.content = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    ret.redacted = json.dumps(redacted, sort_keys=True)


def _log(workspace: Workspace, session: Session, done: list[RetentionItem], policy: RetentionPolicy) -> None:
    """One import log entry per cycle and kind: how many returns, files and bytes, the period; no content."""
    batch = f"retention-{uuid.uuid4().hex}"
    cycle_ids = {c.name: c.id for c in session.scalars(select(Cycle))}
    groups: dict[tuple[str, str], list[RetentionItem]] = {}
    for item in done:
        groups.setdefault((item.cycle, item.kind), []).append(item)
    for (cycle, kind), items in groups.items():
        session.add(ImportLogEntry(batch=batch, cycle_id=cycle_ids.get(cycle), file_name="", reference="",
                                   outcome=RETENTION, by=workspace.user,
                                   reason=retention_words(kind, items, policy.months(kind), workspace.user)))


def retention_words(kind: str, items: list[RetentionItem], months: int | None, user: str) -> str:
    """The import log's reason for what retention deleted of one kind in one cycle."""
    files, size = sum(i.files for i in items), sum(i.bytes for i in items)
    returns = _many(len(items), "return")
    done = {RETENTION_EVIDENCE: f"{_many(files, 'evidence file')} of {returns} deleted",
            RETENTION_NARRATIVES: f"narratives, examples and comments of {returns} removed",
            RETENTION_RETURNS: f"{returns} deleted whole, with {_many(files, 'evidence file')}"}[kind]
    period = f"{months}-month" if months is not None else "set"
    return (f"retention: {done} ({size:,} bytes), past the {period} retention period for {_KIND_WORDS[kind]} "
            f"after the cycle's due date; applied by {user}")
