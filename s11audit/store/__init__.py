"""The audit file: SQLite storage of one organisation's audits (no Qt here)."""

from s11audit.store.answers import AnswerError
from s11audit.store.audit_file import EXTENSION, AuditFile
from s11audit.store.briefings import BUSINESS_UNIT_NOTE, RECOMMENDATION, BriefingRow
from s11audit.store.carry_forward import CarryForwardReport
from s11audit.store.database import AuditFileError, FileInUseError, NewerFileError, ReadOnlyError
from s11audit.store.evidence import MAX_EVIDENCE_BYTES, EvidenceError, read_evidence_file
from s11audit.store.rows import (
    ACTION_STATUSES,
    ActionRow,
    AuditSummary,
    EvidenceFile,
    EvidenceRow,
    OrganisationDetails,
    ResponseRow,
    TrailRow,
)
from s11audit.store.sign_off import SignatoryEntry, SignOffError
from s11audit.store.statement import POSITIONS, PROGRESS_STATUSES, ComplianceStatement, PositionRow, ProgressRow

__all__ = [
    "ACTION_STATUSES",
    "BUSINESS_UNIT_NOTE",
    "EXTENSION",
    "MAX_EVIDENCE_BYTES",
    "POSITIONS",
    "PROGRESS_STATUSES",
    "RECOMMENDATION",
    "ActionRow",
    "AnswerError",
    "AuditFile",
    "AuditFileError",
    "AuditSummary",
    "BriefingRow",
    "CarryForwardReport",
    "ComplianceStatement",
    "EvidenceError",
    "EvidenceFile",
    "EvidenceRow",
    "FileInUseError",
    "NewerFileError",
    "OrganisationDetails",
    "PositionRow",
    "ProgressRow",
    "ReadOnlyError",
    "ResponseRow",
    "SignOffError",
    "SignatoryEntry",
    "TrailRow",
    "read_evidence_file",
]
