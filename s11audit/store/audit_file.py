"""An organisation's audit file: open or create it, its details, and the audits it holds."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import select

from s11audit import __version__
from s11audit.organisations import TYPES_BY_ID
from s11audit.standards import StandardsSet
from s11audit.standards.loader import canonical_json
from s11audit.store.assessment import SelfAssessment
from s11audit.store.baseline_copy import BaselineCopy, ReturnToHold, baseline_copy, hold_baseline, key_note
from s11audit.store.briefings import BriefingRow, write_briefings
from s11audit.store.carry_forward import (
    CarryForwardError,
    CarryForwardReport,
    Earlier,
    carry_forward,
    earlier_in_file,
)
from s11audit.store import retention
from s11audit.store.database import AuditFileError, CompactReport, compact, open_engine
from s11audit.store.models import Audit, FileInfo, Organisation, StandardsSnapshot
from s11audit.store.reopen import new_version
from s11audit.store.rows import AuditSummary, OrganisationDetails
from s11audit.store.session import OpenFile
from s11audit.store.statement import FULL, STATEMENT, ComplianceStatement, copy_statement

EXTENSION = ".s11audit"
SAMPLE_KEY = "sample"  # file_info key marking the app's sample audit
# file_info key saying the personal data notice was shown for an audit (issue 17): who saw it, when.
PERSONAL_DATA_NOTICE_KEY = "personal_data_notice:{audit_id}"

_log = logging.getLogger(__name__)


def _validate_organisation(path: Path, details: OrganisationDetails) -> None:
    if not details.name.strip():
        raise AuditFileError(path, "needs the organisation's name.")
    org_type = TYPES_BY_ID.get(details.org_type)
    if org_type is None or org_type.kind != details.kind:
        raise AuditFileError(path, f"organisation type {details.org_type!r} is not a type of {details.kind!r}.")


class AuditFile(OpenFile):
    """One organisation's SQLite audit file, open for as long as this object lives."""

    def __init__(self, path: Path, engine, user: str, read_only: bool, upgraded_backup: Path | None):
        super().__init__(path, engine, user, read_only, upgraded_backup)
        self._assessments: dict[int, SelfAssessment] = {}
        self._statements: dict[int, ComplianceStatement] = {}

    # --- opening and closing ---------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, organisation: OrganisationDetails, user: str, sample: bool = False) -> AuditFile:
        """A new audit file for ``organisation``; ``sample`` marks it as the app's sample audit (``is_sample``)."""
        path = Path(path)
        _validate_organisation(path, organisation)
        engine, _ = open_engine(path, create=True)
        audit_file = cls(path, engine, user, False, None)
        with audit_file.writer.change() as session:
            session.add(Organisation(id=1, name=organisation.name.strip(), reference=organisation.reference.strip(),
                                     kind=organisation.kind, org_type=organisation.org_type,
                                     contact_name=organisation.contact_name, contact_email=organisation.contact_email))
            session.add(FileInfo(key="created_with", value=f"s11audit {__version__}"))
            if sample:
                session.add(FileInfo(key=SAMPLE_KEY, value="true"))
            audit_file.writer.trail(None, "Audit file created", new=organisation.name)
        return audit_file

    @classmethod
    def open(cls, path: Path | str, user: str, read_only: bool = False) -> AuditFile:
        path = Path(path)
        engine, backup = open_engine(path, read_only=read_only)
        audit_file = cls(path, engine, user, read_only, backup)
        if audit_file._session.get(Organisation, 1) is None:
            audit_file.close()
            raise AuditFileError(path, "is not a complete s11audit audit file: it holds no organisation.")
        return audit_file

    @property
    def is_sample(self) -> bool:
        """True for the app's sample audit (made up, not a real organisation's): its exports are marked
        SAMPLE and its return carries ``"sample": true``, which a business unit import refuses. Kept in
        ``file_info`` (key/value), so no schema change was needed and files without the key are real."""
        info = self._session.get(FileInfo, SAMPLE_KEY)
        return info is not None and info.value == "true"

    # --- the organisation ------------------------------------------------------------------------

    def organisation(self) -> OrganisationDetails:
        org = self._session.get(Organisation, 1)
        if org is None:
            raise AuditFileError(self.path, "holds no organisation details: it is damaged.")
        return OrganisationDetails(org.name, org.reference, org.kind, org.org_type, org.contact_name,
                                   org.contact_email)

    def update_organisation(self, details: OrganisationDetails) -> None:
        _validate_organisation(self.path, details)
        old = self.organisation()
        if details.org_type != old.org_type and self._session.scalar(select(Audit.id).limit(1)) is not None:
            raise AuditFileError(self.path, "the organisation type decides which standards apply, so it cannot be "
                                 "changed once an audit has been started; start a new audit file instead.")
        with self.writer.change() as session:
            org = session.get(Organisation, 1)
            for field in ("name", "reference", "kind", "org_type", "contact_name", "contact_email"):
                if getattr(old, field) != getattr(details, field):
                    setattr(org, field, getattr(details, field))
                    self.writer.trail(None, f"Organisation {field.replace('_', ' ')}", getattr(old, field),
                                      getattr(details, field))

    # --- audits ----------------------------------------------------------------------------------

    def audits(self) -> list[AuditSummary]:
        rows = self._session.scalars(select(Audit).order_by(Audit.created_at, Audit.id)).all()
        return [AuditSummary(a.id, a.cycle, a.snapshot.set_id, a.snapshot.version, a.snapshot.title,
                             a.version_no, a.status, a.created_at, a.signed_at, a.parent_id) for a in rows]

    def start_audit(self, standards_set: StandardsSet, cycle: str, carry_forward_from: int | None = None,
                    earlier: Earlier | None = None, briefings: Iterable[BriefingRow] = ()) -> SelfAssessment:
        """Begin an audit for a cycle, keeping a snapshot of the standards set as it is now.

        ``carry_forward_from`` (an earlier audit's id in this file) or ``earlier`` (an earlier audit as
        plain data, for example last cycle's return) starts it pre-populated with whatever still fits
        the set (``store/carry_forward.py``); the new assessment's ``carried_forward`` says what was
        carried and what was left out. ``briefings`` (last peer audit's recommendations, the business
        unit's notes: ``store/briefings.py``) are kept with the audit for the standards of the set.
        It is all one transaction: on any failure there is no new audit.
        """
        cycle = cycle.strip()
        if not cycle:
            raise AuditFileError(self.path, "a new audit needs its cycle (for example 2026/27).")
        organisation = self.organisation()
        if organisation.kind not in standards_set.organisation_kinds:
            raise AuditFileError(self.path, f"the set {standards_set.title!r} is not for this kind of organisation.")
        if any(a.cycle == cycle and a.set_id == standards_set.id for a in self.audits()):
            raise AuditFileError(self.path, f"already holds a {standards_set.title!r} audit for {cycle}.")
        if carry_forward_from is not None:
            source = self._session.get(Audit, carry_forward_from)
            if source is None:
                raise AuditFileError(self.path, f"holds no audit number {carry_forward_from} to carry forward from.")
            if source.kind != FULL:
                raise AuditFileError(self.path, f"the {source.cycle} return is a compliance statement; carry forward "
                                                "from the full audit it is based on.")
            earlier = earlier_in_file(self._session, source)
        report: CarryForwardReport | None = None
        with self.writer.change() as session:
            snapshot = session.scalar(select(StandardsSnapshot)
                                      .where(StandardsSnapshot.content_hash == standards_set.content_hash))
            if snapshot is None:
                snapshot = StandardsSnapshot(set_id=standards_set.id, version=standards_set.version,
                                             title=standards_set.title, content_hash=standards_set.content_hash,
                                             content=canonical_json(standards_set.content).decode("utf-8"))
                session.add(snapshot)
            audit = Audit(snapshot=snapshot, cycle=cycle, version_no=1, status="in_progress", created_by=self.user)
            session.add(audit)
            session.flush()
            self.writer.trail(audit.id, "Audit started",
                              new=f"{cycle}, {standards_set.title} version {standards_set.version}")
            if earlier is not None:
                try:
                    report = carry_forward(self.writer, audit.id, earlier, standards_set, organisation.org_type)
                except CarryForwardError as exc:
                    raise AuditFileError(self.path, f"could not carry forward from {earlier.cycle}: {exc}") from exc
            if briefings and write_briefings(session, audit.id, briefings, standards_set):
                self.writer.trail(audit.id, "Briefing from the business unit",
                                   new="recommendations from the last peer audit and notes, by standard")
        assessment = self.assessment(audit.id)
        assessment.carried_forward = report
        return assessment

    def assessment(self, audit_id: int) -> SelfAssessment:
        if audit_id not in self._assessments:
            audit = self._session.get(Audit, audit_id)
            if audit is None:
                raise AuditFileError(self.path, f"holds no audit number {audit_id}.")
            content = json.loads(audit.snapshot.content)
            signed_as = json.loads(audit.signed_organisation) if audit.signed_organisation else {}
            org_type = signed_as.get("org_type") or self.organisation().org_type
            self._assessments[audit_id] = SelfAssessment(self.writer, audit_id, audit.cycle, content,
                                                         org_type, audit.snapshot.content_hash)
        return self._assessments[audit_id]

    def latest_assessment(self) -> SelfAssessment | None:
        audits = self.audits()
        return self.assessment(audits[-1].id) if audits else None

    def reopen_for_changes(self, audit_id: int) -> SelfAssessment:
        """Start the next version of a signed audit, a full copy open for changes; the signed one is kept.
        A compliance statement's new version is a statement too: find it with ``statement(new.id)``."""
        signed = self._session.get(Audit, audit_id)
        if signed is None:
            raise AuditFileError(self.path, f"holds no audit number {audit_id}.")
        if signed.status != "signed":
            raise AuditFileError(self.path, "only a signed-off audit can be reopened; this one can still be changed.")
        if baseline_copy(self._session, signed) is not None:
            raise AuditFileError(self.path, f"the {signed.cycle} audit is the business unit's copy of your return, "
                                            "held as the baseline of your compliance statement: it cannot be "
                                            "reopened; say what has changed in the statement.")
        newer = self._session.scalar(select(Audit).where(Audit.parent_id == audit_id))
        if newer is not None:
            raise AuditFileError(self.path, f"this audit has already been reopened as version {newer.version_no}; "
                                            "make the changes there.")
        with self.writer.change() as session:
            audit = new_version(session, signed, self.user)
            if signed.kind == STATEMENT:  # a statement's new version is a statement on the same baseline
                audit.kind, audit.baseline_audit_id = STATEMENT, signed.baseline_audit_id
                copy_statement(session, signed.id, audit.id)
            self.writer.trail(audit.id, "Audit reopened for changes",
                               f"version {signed.version_no}, signed off on {signed.signed_at:%Y-%m-%d}",
                               f"version {audit.version_no}")
        return self.assessment(audit.id)

    # --- annual compliance statements (``store/statement.py``) ----------------------------------

    def audit_kind(self, audit_id: int) -> str:
        """``"full"`` for a full audit, ``"statement"`` for an annual compliance statement."""
        audit = self._session.get(Audit, audit_id)
        if audit is None:
            raise AuditFileError(self.path, f"holds no audit number {audit_id}.")
        return audit.kind

    def _later_signed_version(self, audit: Audit) -> Audit | None:
        """The newest signed version reopened (at any remove) from ``audit``, if there is one."""
        newest, child = None, self._session.scalar(select(Audit).where(Audit.parent_id == audit.id))
        while child is not None:
            if child.status == "signed":
                newest = child
            child = self._session.scalar(select(Audit).where(Audit.parent_id == child.id))
        return newest

    def start_statement(self, baseline_audit_id: int, cycle: str) -> ComplianceStatement:
        """Begin the annual compliance statement for ``cycle``, based on a signed full audit of this file
        (its latest signed version). One statement (or audit of the same set) per cycle."""
        cycle = cycle.strip()
        if not cycle:
            raise AuditFileError(self.path, "a compliance statement needs its cycle (for example 2027/28).")
        baseline = self._session.get(Audit, baseline_audit_id)
        if baseline is None:
            raise AuditFileError(self.path, f"holds no audit number {baseline_audit_id} to base a statement on.")
        if baseline.kind != FULL:
            raise AuditFileError(self.path, f"the {baseline.cycle} return is itself a compliance statement; a "
                                            "statement is based on a signed full audit.")
        if baseline.status != "signed":
            raise AuditFileError(self.path, f"the {baseline.cycle} audit has not been signed off; a compliance "
                                            "statement can only be based on a signed full audit.")
        later = self._later_signed_version(baseline)
        if later is not None:
            raise AuditFileError(self.path, f"the {baseline.cycle} audit was reopened and signed off again as version "
                                            f"{later.version_no}; base the statement on that version.")
        if cycle == baseline.cycle:
            raise AuditFileError(self.path, f"the statement must be for a later cycle than its baseline ({cycle}).")
        for other in self._session.scalars(select(Audit).where(Audit.cycle == cycle)):
            if other.kind == STATEMENT:
                raise AuditFileError(self.path, f"already holds a compliance statement for {cycle}.")
            if other.snapshot.set_id == baseline.snapshot.set_id:
                raise AuditFileError(self.path, f"already holds a {other.snapshot.title!r} audit for {cycle}.")
        with self.writer.change() as session:
            audit = Audit(snapshot_id=baseline.snapshot_id, cycle=cycle, version_no=1, status="in_progress",
                          created_by=self.user, signed_by="", kind=STATEMENT, baseline_audit_id=baseline.id)
            session.add(audit)
            session.flush()
            signed_on = f", signed off on {baseline.signed_at:%Y-%m-%d}" if baseline.signed_at else ""
            self.writer.trail(audit.id, "Compliance statement started",
                              new=f"{cycle}, based on the {baseline.cycle} audit (version {baseline.version_no}"
                                  f"{signed_on})")
        return self.statement(audit.id)

    def statement(self, audit_id: int) -> ComplianceStatement:
        """The annual compliance statement with this id."""
        if audit_id not in self._statements:
            audit = self._session.get(Audit, audit_id)
            if audit is None:
                raise AuditFileError(self.path, f"holds no audit number {audit_id}.")
            if audit.kind != STATEMENT or audit.baseline_audit_id is None:
                raise AuditFileError(self.path, f"the {audit.cycle} audit is a full audit, not a compliance statement.")
            baseline = self.assessment(audit.baseline_audit_id)
            self._statements[audit_id] = ComplianceStatement(self.writer, audit.id, audit.cycle, baseline)
        return self._statements[audit_id]

    # --- a baseline held from the business unit's copy of a return (``store/baseline_copy.py``) ---------

    def hold_baseline_from_return(self, standards_set: StandardsSet, held: ReturnToHold) -> SelfAssessment:
        """Hold a signed full return (as the business unit imported it) in this file as a signed, read-only
        full audit with its answers, actions, evidence, signed-off details and signatories as returned, and
        its return.json hash kept as an export keeps it, so a statement based on it names that return.
        For an organisation whose own audit file was lost; the trail says where it came from."""
        organisation = self.organisation()
        if organisation.kind not in standards_set.organisation_kinds:
            raise AuditFileError(self.path, f"the set {standards_set.title!r} is not for this kind of organisation.")
        cycle = str(held.content.get("cycle") or "").strip()
        if any(a.cycle == cycle and a.set_id == standards_set.id for a in self.audits()):
            raise AuditFileError(self.path, f"already holds a {standards_set.title!r} audit for {cycle}.")
        with self.writer.change():
            audit_id = hold_baseline(self.writer, standards_set, held)
        return self.assessment(audit_id)

    def start_statement_from_return(self, standards_set: StandardsSet, held: ReturnToHold,
                                    cycle: str) -> ComplianceStatement:
        """Hold ``held`` as the baseline (``hold_baseline_from_return``) and start the compliance statement
        for ``cycle`` on it; the statement's trail says it will be signed with this file's new key. Meant for
        a new file (a starting file): on a failure part of it may have been written."""
        baseline = self.hold_baseline_from_return(standards_set, held)
        statement = self.start_statement(baseline.id, cycle)
        with self.writer.change():
            self.writer.trail(statement.id, "Statement based on the business unit's copy of the baseline return",
                              "", key_note(held.key_fingerprint))
        return statement

    def baseline_copy(self, audit_id: int) -> BaselineCopy | None:
        """Where an audit held from the business unit's copy of a return came from; None for one made here."""
        audit = self._session.get(Audit, audit_id)
        if audit is None:
            raise AuditFileError(self.path, f"holds no audit number {audit_id}.")
        return baseline_copy(self._session, audit)

    # --- the personal data notice, shown once per audit (``ui/dialogs/personal_data.py``) ---------------

    def personal_data_notice_seen(self, audit_id: int) -> bool:
        """True once someone has read the notice on what not to attach for this audit (in any session)."""
        return self._session.get(FileInfo, PERSONAL_DATA_NOTICE_KEY.format(audit_id=audit_id)) is not None

    def mark_personal_data_notice_seen(self, audit_id: int) -> bool:
        """Keep, in one transaction, that the notice was shown for ``audit_id`` (who and when, in
        ``file_info``: no schema change). A file open read-only (or one that cannot be written just now)
        keeps nothing and the notice shows again next time: logged, and False. True when it was kept."""
        key = PERSONAL_DATA_NOTICE_KEY.format(audit_id=audit_id)
        seen = json.dumps({"user": self.user, "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")})
        try:
            with self.writer.change() as session:
                if session.get(FileInfo, key) is None:
                    session.add(FileInfo(key=key, value=seen))
        except AuditFileError as exc:
            _log.info("That the personal data notice was shown was not kept in %s: %s", self.path, exc)
            return False
        return True

    # --- retention of old cycles' evidence, and compacting (issue 17; ``store/retention.py``) -------------

    def evidence_retention_months(self) -> int | None:
        """How many months after sign-off old audits' evidence is kept (None: kept), as the file records it."""
        return retention.evidence_retention_months(self._session)

    def set_evidence_retention_months(self, months: int | None) -> None:
        """Record the period (in ``file_info``, with a trail entry); nothing is deleted until asked."""
        retention.set_evidence_retention_months(self.writer, months)

    def evidence_retention_preview(self, older_than_months: int,
                                   today: dt.date | None = None) -> list[retention.OldEvidence]:
        """The evidence files of signed audits signed off more than ``older_than_months`` ago, never those of
        the latest full audit, a baseline a statement in the file uses, or an unsigned audit."""
        return retention.old_evidence(self._session, older_than_months, today)

    def delete_old_evidence(self, preview: list[retention.OldEvidence],
                            today: dt.date | None = None) -> tuple[int, int]:
        """Delete exactly the evidence ``preview`` listed (each checked again), returning (files, bytes).

        Signed audits are locked; this is the one deliberate exception, recorded in each audit's trail. The
        signed return already sent is unaffected (a separate, signed file). Call :meth:`compact` afterwards
        so nothing deleted is left in the file."""
        done = retention.delete_old_evidence(self.writer, preview, today)
        self._assessments.clear()
        self._statements.clear()
        return done

    def compact(self, progress: Callable[[int, int], None] | None = None) -> CompactReport:
        """Rebuild the file without its free pages, so nothing deleted is left in it (``database.compact``)."""
        self.writer.check_writable()
        self._session.commit()  # ends the session's read transaction: VACUUM needs none open
        return compact(self._engine, progress)
