"""Retention in an organisation's audit file (issue 17): old cycles' evidence files, listed and deleted.

Evidence is the part of an audit file most likely to hold personal data (minutes, case audit extracts,
training records), and once an audit is signed and its return sent, the file's copy is kept only for the
organisation's own reference. The organisation chooses a period in months (kept in ``file_info`` under
``EVIDENCE_MONTHS_KEY``, so no schema change); :func:`old_evidence` lists the evidence of every signed audit
signed off longer ago than that, except what the file still needs:

- the latest full audit and the latest signed full audit (the next cycle carries forward from them);
- any audit a compliance statement in the file is based on (its baseline, which the statement's evidence
  and actions are read against);
- an audit not signed off (still being completed).

:func:`delete_old_evidence` deletes exactly what a listing gave (each checked again), in one transaction,
with an audit-trail entry per audit. Signed audits are otherwise locked: this is the one deliberate exception,
and the trail says so. The signed return already sent is unaffected: it is a separate file, signed when it
was exported, and the business unit's copy follows the business unit's own retention. Compact the file
afterwards (``AuditFile.compact``) so nothing deleted is left in it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from s11audit.store.database import AuditFileError
from s11audit.store.models import Audit, Evidence, FileInfo
from s11audit.store.session import Writer

EVIDENCE_MONTHS_KEY = "evidence_retention_months"
MAX_MONTHS = 1200


@dataclass(frozen=True)
class OldEvidence:
    """One evidence file past the period: its audit's cycle and sign-off, name and size in bytes."""

    evidence_id: int
    audit_id: int
    cycle: str
    name: str
    size: int
    signed_at: dt.datetime
    months: int  # the period it was listed under


def _months_after(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def _kept(audits: list[Audit]) -> set[int]:
    """The audits whose evidence is never deleted (see the module docstring)."""
    full = [a for a in audits if a.kind == "full"]
    kept = {a.baseline_audit_id for a in audits if a.baseline_audit_id is not None}
    if full:
        kept.add(full[-1].id)
    signed_full = [a for a in full if a.status == "signed"]
    if signed_full:
        kept.add(signed_full[-1].id)
    return kept


def old_evidence(session: Session, older_than_months: int, today: dt.date | None = None) -> list[OldEvidence]:
    """The evidence files of signed audits signed off more than ``older_than_months`` before ``today``."""
    today = today or dt.date.today()
    audits = session.scalars(select(Audit).order_by(Audit.created_at, Audit.id)).all()
    kept = _kept(list(audits))
    old = {a.id: a for a in audits if a.id not in kept and a.status == "signed" and a.signed_at is not None
           and today > _months_after(a.signed_at.date(), older_than_months)}
    if not old:
        return []
    rows = session.execute(select(Evidence.id, Evidence.audit_id, Evidence.name, Evidence.size)
                           .where(Evidence.audit_id.in_(list(old))).order_by(Evidence.audit_id, Evidence.id))
    return [OldEvidence(row.id, row.audit_id, old[row.audit_id].cycle, row.name, row.size,
                        old[row.audit_id].signed_at or dt.datetime.min, older_than_months) for row in rows]


def delete_old_evidence(writer: Writer, listed: list[OldEvidence], today: dt.date | None = None) -> tuple[int, int]:
    """Delete exactly the files listed that are still past their period (each checked again under the period it
    was listed with); returns (files, bytes) deleted. One transaction, one trail entry per audit."""
    today = today or dt.date.today()
    checked: dict[int, set[OldEvidence]] = {}
    for item in listed:
        checked.setdefault(item.months, set()).update(old_evidence(writer.session, item.months, today))
    chosen = [item for item in listed if item in checked[item.months]]
    if not chosen:
        return 0, 0
    with writer.change() as session:
        session.execute(delete(Evidence).where(Evidence.id.in_([item.evidence_id for item in chosen])))
        by_audit: dict[int, list[OldEvidence]] = {}
        for item in chosen:
            by_audit.setdefault(item.audit_id, []).append(item)
        for audit_id, items in by_audit.items():
            files, size = len(items), sum(i.size for i in items)
            writer.trail(audit_id, "Evidence deleted under the retention period",
                         old=f"{files} evidence file{'' if files == 1 else 's'} ({size:,} bytes)",
                         new=f"signed off over {items[0].months} months ago; deleted from this signed audit by "
                             "deliberate exception to its lock; the return already sent is unaffected")
        session.expire_all()
    return len(chosen), sum(item.size for item in chosen)


def evidence_retention_months(session: Session) -> int | None:
    info = session.get(FileInfo, EVIDENCE_MONTHS_KEY)
    try:
        return int(info.value) if info is not None and info.value else None
    except ValueError:  # a file from outside may hold anything here
        return None


def set_evidence_retention_months(writer: Writer, months: int | None) -> None:
    if months is not None and (isinstance(months, bool) or not isinstance(months, int)
                               or not 1 <= months <= MAX_MONTHS):
        raise AuditFileError(writer.path, f"a retention period is a whole number of months from 1 to {MAX_MONTHS}, "
                                          "or none (evidence kept).")
    old = evidence_retention_months(writer.session)
    if old == months:
        return
    with writer.change() as session:
        info = session.get(FileInfo, EVIDENCE_MONTHS_KEY)
        if months is None:
            if info is not None:
                session.delete(info)
        elif info is None:
            session.add(FileInfo(key=EVIDENCE_MONTHS_KEY, value=str(months)))
        else:
            info.value = str(months)
        writer.trail(None, "Evidence retention period", "kept" if old is None else f"{old} months",
                     "kept" if months is None else f"{months} months")
