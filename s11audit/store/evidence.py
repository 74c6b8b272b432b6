"""Evidence files kept inside the audit file: add, rename, describe, link, open and remove.

Files are copied in (never linked), with their original name, size, type and SHA-256, so the
audit file alone carries everything and a later change to the original cannot alter the evidence.
"""

from __future__ import annotations

import hashlib
import mimetypes
import tempfile
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from s11audit.standards import StandardsSet
from s11audit.store.database import AuditFileError
from s11audit.store.models import Evidence, EvidenceContent, EvidenceLink
from s11audit.store.rows import EvidenceFile, EvidenceRow
from s11audit.store.session import Writer

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024


class EvidenceError(AuditFileError):
    """An evidence file that cannot be added (too large, unreadable)."""


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def read_evidence_file(path: Path | str, limit: int = MAX_EVIDENCE_BYTES) -> EvidenceFile:
    """Read and hash a file from disk; safe to call off the UI thread."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise EvidenceError(path, f"is {_megabytes(size)}, larger than the {_megabytes(limit)} allowed for one "
                                      "evidence file. Reduce it (for example save a PDF at a lower quality) "
                                      "or add an extract.")
        data = path.read_bytes()
    except EvidenceError:
        raise
    except OSError as exc:
        raise EvidenceError(path, f"cannot be read ({exc.strerror or exc}); it may be open in another program "
                                  "or you may not have permission to read it.") from exc
    if len(data) > limit:  # grew while we read it
        raise EvidenceError(path, f"is larger than the {_megabytes(limit)} allowed for one evidence file.")
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return EvidenceFile(path.name, data, hashlib.sha256(data).hexdigest(), media_type)


class EvidenceLibrary:
    def __init__(self, writer: Writer, audit_id: int, standards_set: StandardsSet):
        self._writer = writer
        self._audit_id = audit_id
        self._set = standards_set

    def _target(self, standard_id: str, item_id: str) -> str:
        standard = self._set.standard(standard_id)
        part = "criterion" if item_id and self._set.is_criterion(item_id) else "item"
        return f"standard {standard.number}" + (f", {part} {item_id}" if item_id else "")

    def _get(self, evidence_id: int) -> Evidence:
        row = self._writer.session.get(Evidence, evidence_id)
        if row is None or row.audit_id != self._audit_id:
            raise EvidenceError(self._writer.path, f"holds no evidence number {evidence_id} in this audit.")
        return row

    def all_evidence(self) -> list[EvidenceRow]:
        rows = self._writer.session.scalars(select(Evidence).options(selectinload(Evidence.links))
                                           .where(Evidence.audit_id == self._audit_id).order_by(Evidence.id))
        return [_row(r) for r in rows]

    def for_standard(self, standard_id: str) -> list[EvidenceRow]:
        return [row for row in self.all_evidence() if row.linked_to_standard(standard_id)]

    def add(self, file: EvidenceFile, links: Sequence[tuple[str, str]] = (), description: str = "") -> EvidenceRow:
        """Store an evidence file and link it to standards (``(standard_id, "")``) or items."""
        with self._writer.change() as session:
            row = Evidence(audit_id=self._audit_id, name=file.name, original_name=file.name, description=description,
                           media_type=file.media_type, size=file.size, sha256=file.sha256, added_by=self._writer.user)
            session.add(row)
            session.flush()
            session.add(EvidenceContent(evidence_id=row.id, data=file.data))
            for standard_id, item_id in links:
                session.add(EvidenceLink(evidence_id=row.id, standard_id=standard_id, item_id=item_id or ""))
            where = "; ".join(self._target(s, i) for s, i in links)
            self._writer.trail(self._audit_id, "Evidence added",
                               new=f"{file.name} ({file.size} bytes, SHA-256 {file.sha256[:12]}...)"
                               + (f" for {where}" if where else ""))
        session.refresh(row)
        return _row(row)

    def add_path(self, path: Path | str, links: Sequence[tuple[str, str]] = (), description: str = "") -> EvidenceRow:
        return self.add(read_evidence_file(path), links, description)

    def rename(self, evidence_id: int, name: str) -> None:
        name = name.strip()
        if not name:
            raise EvidenceError(self._writer.path, "an evidence file needs a name.")
        with self._writer.change():
            row = self._get(evidence_id)
            if row.name != name:
                self._writer.trail(self._audit_id, "Evidence renamed", row.name, name)
                row.name = name

    def describe(self, evidence_id: int, description: str) -> None:
        with self._writer.change():
            row = self._get(evidence_id)
            if row.description != description:
                self._writer.trail(self._audit_id, f"Evidence {row.name}: description", row.description, description)
                row.description = description

    def link(self, evidence_id: int, standard_id: str, item_id: str = "") -> None:
        self._set.standard(standard_id)
        with self._writer.change() as session:
            row = self._get(evidence_id)
            if any(link.standard_id == standard_id and link.item_id == item_id for link in row.links):
                return
            session.add(EvidenceLink(evidence_id=evidence_id, standard_id=standard_id, item_id=item_id))
            self._writer.trail(self._audit_id, f"Evidence {row.name}: linked", new=self._target(standard_id, item_id))

    def unlink(self, evidence_id: int, standard_id: str, item_id: str = "") -> None:
        with self._writer.change() as session:
            row = self._get(evidence_id)
            session.execute(delete(EvidenceLink).where(EvidenceLink.evidence_id == evidence_id,
                                                       EvidenceLink.standard_id == standard_id,
                                                       EvidenceLink.item_id == item_id))
            session.expire(row, ["links"])
            self._writer.trail(self._audit_id, f"Evidence {row.name}: unlinked", old=self._target(standard_id, item_id))

    def remove(self, evidence_id: int) -> None:
        with self._writer.change() as session:
            row = self._get(evidence_id)
            self._writer.trail(self._audit_id, "Evidence removed", old=f"{row.name} (SHA-256 {row.sha256[:12]}...)")
            session.delete(row)

    def content(self, evidence_id: int) -> bytes:
        """The file's bytes, checked against the SHA-256 recorded when it was added."""
        row = self._get(evidence_id)
        blob = self._writer.session.get(EvidenceContent, evidence_id)
        data = blob.data if blob else b""
        if hashlib.sha256(data).hexdigest() != row.sha256:
            raise EvidenceError(self._writer.path, f"evidence {row.name!r} is damaged: its content no longer matches "
                                                   "the fingerprint recorded when it was added.")
        return data

    def extract(self, evidence_id: int, folder: Path | None = None) -> Path:
        """Write the file to a private temporary folder (for the system viewer) and return its path."""
        row = self._get(evidence_id)
        folder = Path(folder or tempfile.mkdtemp(prefix="s11audit-evidence-"))
        safe = "".join(c if c.isalnum() or c in " ._-()" else "_" for c in row.name).strip() or "evidence"
        if not Path(safe).suffix and Path(row.original_name).suffix:
            safe += Path(row.original_name).suffix
        target = folder / safe
        target.write_bytes(self.content(evidence_id))
        return target


def _row(r: Evidence) -> EvidenceRow:
    return EvidenceRow(r.id, r.name, r.original_name, r.description, r.media_type, r.size, r.sha256, r.added_by,
                       r.added_at, tuple((link.standard_id, link.item_id) for link in r.links))
