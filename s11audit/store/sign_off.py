"""Signing an audit off: who signed it, the checks before they may, and the organisation's signing key.

Sign-off is allowed only when the completeness check passes and every required role of the
standards set has a named, dated signatory who confirmed reading the return. Signing stores the
signatories, makes the organisation's Ed25519 key pair if the file has none yet, and marks the
audit signed, all in one transaction; from then on the audit is locked (see
``session.AuditWriter``). Keys and fingerprints come from ``returns.keys`` (Ed25519 from
``cryptography``), imported when first used: opening an audit does not need them. The private key
never leaves the store: returns are signed through ``sign_bytes``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, fields

from sqlalchemy import select

from s11audit.completeness import Completeness, Missing
from s11audit.standards import StandardsSet
from s11audit.store.database import AuditFileError
from s11audit.store.models import Audit, Organisation, SigningKey, SignOffSignatory, utcnow
from s11audit.store.rows import OrganisationDetails
from s11audit.store.session import AuditWriter

_SHOWN_BLOCKERS = 12


@dataclass(frozen=True)
class SignatoryEntry:
    """One signatory as entered on the sign-off form (and as read back)."""

    role: str
    name: str
    signed_on: dt.date | None
    confirmed_read: bool = False


class SignOffError(AuditFileError):
    """Sign-off refused; ``blockers`` says why, ``missing`` holds the completeness gaps (to jump to)."""

    def __init__(self, path, blockers: list[str], missing: tuple[Missing, ...] = ()):
        self.blockers = tuple(blockers)
        self.missing = tuple(missing)
        shown = [f"- {b}" for b in blockers[:_SHOWN_BLOCKERS]]
        if len(blockers) > _SHOWN_BLOCKERS:
            shown.append(f"- and {len(blockers) - _SHOWN_BLOCKERS} more")
        super().__init__(path, "this audit cannot be signed off yet:\n" + "\n".join(shown))


def signatory_problems(standards_set: StandardsSet, entries: list[SignatoryEntry],
                       today: dt.date | None = None) -> tuple[list[str], list[SignatoryEntry]]:
    """What is wrong with the signatories, and the entries to store (optional roles left blank dropped)."""
    today = today or dt.date.today()
    roles = {s.role: s for s in standards_set.sign_off.signatories}
    problems: list[str] = []
    given: dict[str, SignatoryEntry] = {}
    for entry in entries:
        if entry.role not in roles:
            problems.append(f"{entry.role!r} is not a signatory role of {standards_set.title} "
                            f"(its roles are: {', '.join(roles)})")
        elif entry.role in given:
            problems.append(f"there are two signatories for the role {entry.role}")
        else:
            given[entry.role] = entry
    kept: list[SignatoryEntry] = []
    for role, spec in roles.items():
        signatory = given.get(role)
        if signatory is None or (not spec.required and not signatory.name.strip() and not signatory.confirmed_read):
            if spec.required:
                problems.append(f"the required signatory {role} has not signed")
            continue
        name = signatory.name.strip()
        who = f"{name} ({role})" if name else role
        if not name:
            problems.append(f"the signatory {role} needs a name")
        signed_on = signatory.signed_on.date() if isinstance(signatory.signed_on, dt.datetime) else signatory.signed_on
        if not isinstance(signed_on, dt.date):
            problems.append(f"{who} needs the date they signed")
        elif signed_on > today:
            problems.append(f"{who} has a signing date in the future ({signed_on.isoformat()})")
        if signatory.confirmed_read is not True:
            problems.append(f"{who} has not confirmed they have read the return")
        kept.append(SignatoryEntry(role, name, signed_on, signatory.confirmed_read is True))
    return problems, kept


class AuditSignOff:
    """The sign-off of one audit (``SelfAssessment.sign_off``)."""

    def __init__(self, writer: AuditWriter, standards_set: StandardsSet, completeness: Callable[[], Completeness]):
        self._writer = writer
        self._set = standards_set
        self._completeness = completeness

    def _audit(self) -> Audit:
        audit = self._writer.session.get(Audit, self._writer.audit_id)
        if audit is None:
            raise AuditFileError(self._writer.path, f"holds no audit number {self._writer.audit_id}.")
        return audit

    @property
    def is_signed(self) -> bool:
        return self._writer.is_signed

    @property
    def signed_at(self) -> dt.datetime | None:
        return self._writer.signed_at()

    @property
    def signed_by(self) -> str:
        return self._audit().signed_by if self.is_signed else ""

    def organisation(self) -> OrganisationDetails | None:
        """The organisation's details as they were when the audit was signed off (None if unsigned)."""
        recorded = self._audit().signed_organisation if self.is_signed else ""
        return OrganisationDetails(**json.loads(recorded)) if recorded else None

    def signatories(self) -> list[SignatoryEntry]:
        rows = self._writer.session.scalars(select(SignOffSignatory).where(
            SignOffSignatory.audit_id == self._writer.audit_id).order_by(SignOffSignatory.id))
        return [SignatoryEntry(r.role, r.name, r.signed_on, r.confirmed_read) for r in rows]

    def blockers(self, signatories: list[SignatoryEntry]) -> list[str]:
        """Everything that stops sign-off now (empty when it may go ahead)."""
        report = self._completeness()
        return [m.message for m in report.missing] + signatory_problems(self._set, signatories)[0]

    def sign(self, signatories: list[SignatoryEntry]) -> None:
        """Sign the audit off and lock it; raises ``SignOffError`` naming everything that blocks it."""
        self._writer.check_writable()
        report = self._completeness()
        problems, kept = signatory_problems(self._set, list(signatories))
        blockers = [m.message for m in report.missing] + problems
        if blockers:
            raise SignOffError(self._writer.path, blockers, report.missing)
        writer = self._writer
        with writer.change() as session:
            now = utcnow()
            for entry in kept:
                session.add(SignOffSignatory(audit_id=writer.audit_id, role=entry.role, name=entry.name,
                                             signed_on=entry.signed_on, confirmed_read=True,
                                             recorded_by=writer.user, recorded_at=now))
            key, made = _organisation_key(session)
            audit = self._audit()
            audit.status, audit.signed_at, audit.signed_by = "signed", now, writer.user
            organisation = session.get(Organisation, 1)
            audit.signed_organisation = json.dumps({f.name: getattr(organisation, f.name)
                                                    for f in fields(OrganisationDetails)})
            # Each kept entry has a date here (signatory_problems refuses one without), and a date's
            # str() is its ISO form.
            names = "; ".join(f"{e.name} ({e.role}) on {e.signed_on}" for e in kept)
            key_note = "new organisation key" if made else "organisation key"
            from s11audit.returns.keys import fingerprint  # the returns package (cryptography) only when signing
            writer.trail(writer.audit_id, "Audit signed off", "In progress",
                         f"Signed by {names}; {key_note} {fingerprint(key.public_key)}")

    # --- the organisation's key ------------------------------------------------------------------

    def _key(self) -> SigningKey:
        key = self._writer.session.scalar(select(SigningKey).order_by(SigningKey.id).limit(1))
        if key is None:
            raise AuditFileError(self._writer.path, "has no signing key yet: it is made on the first sign-off.")
        return key

    def public_key_bytes(self) -> bytes:
        """The organisation's raw 32-byte Ed25519 public key."""
        return bytes(self._key().public_key)

    def key_fingerprint(self) -> str:
        """Short fingerprint of the public key, e.g. ``ab12 cd34 ef56 7890``."""
        from s11audit.returns.keys import fingerprint

        return fingerprint(self.public_key_bytes())

    def sign_bytes(self, data: bytes) -> bytes:
        """The raw Ed25519 signature of ``data`` by the organisation (for the return writer; core only)."""
        return self.signer()(bytes(data))

    def signer(self) -> Callable[[bytes], bytes]:
        """A function signing bytes with the organisation's key, usable away from the store (the
        export runs on a worker thread); only for a signed-off audit."""
        if not self.is_signed:
            raise AuditFileError(self._writer.path, "only a signed-off audit can be exported as a signed return.")
        from s11audit.returns.keys import signer

        return signer(bytes(self._key().private_key))


def _organisation_key(session) -> tuple[SigningKey, bool]:
    """The file's key pair, made now if it has none; returns it and whether it was made."""
    key = session.scalar(select(SigningKey).order_by(SigningKey.id).limit(1))
    if key is not None:
        return key, False
    from s11audit.returns.keys import generate_private_key, public_key_of

    private = generate_private_key()
    key = SigningKey(private_key=private, public_key=public_key_of(private))
    session.add(key)
    session.flush()
    return key, True
