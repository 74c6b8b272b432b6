"""The annual compliance statement's own documents for the organisation: a PDF and a workbook (issue 16).

A full audit's export writes the return, a PDF of it and the action plan workbook; a statement's export
writes its signed return, and :func:`write_statement_documents` adds what the organisation shows its board
and keeps on file: the statement as a PDF (``statement_pdf``) and its action progress as a workbook
(``statement_xlsx``), each written atomically.

Both are made from plain data only: the statement's ``return.json`` content as ``export.statement_content``
builds it (dates as dates; the same content read back from a return, dates as ISO text, does as well), the
baseline's grade of each standard (which a statement's return does not carry), the evidence bytes (for sizes
and SHA-256s), the set and the key fingerprint. :func:`statement_document` reads them once into a
``StatementDocument`` that both writers lay out, so the two say the same thing in the same words.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from s11audit import action_rag
from s11audit.business_unit.records import date_or_none
from s11audit.organisations import type_label
from s11audit.reports.common import NOT_GRADED_COLOUR, criterion_label, numbered
from s11audit.store.rows import ACTION_STATUSES
from s11audit.store.statement import POSITIONS, PROGRESS_STATUSES

if TYPE_CHECKING:
    from s11audit.standards import Standard, StandardsSet

KIND = "Annual compliance statement"
DROPPED = "dropped"  # a baseline action's progress: dropped, with the organisation's reason
DROPPED_COLOUR = "#D5D8DC"  # a dropped action's status: grey, neither done nor late
# A position's colour where it is shown: changed for the better or worse stands out, "same" does not.
POSITION_COLOURS = {"improved": "#D4EFDF", "declined": "#F5D5D1", "same": "#FFFFFF", "": "#FFFFFF"}


@dataclass(frozen=True)
class Grade:
    """A grade as the documents show it: its label and colour ("#RRGGBB")."""

    label: str
    colour: str


@dataclass(frozen=True)
class StandardLine:
    """One standard of the statement: the baseline's grade, the position now, what changed, the new grade."""

    standard_id: str
    number: str
    title: str
    baseline: Grade | None
    position: str  # "same", "improved", "declined" ("" when not answered)
    position_label: str  # in the set's words
    narrative: str
    new_grade: Grade | None

    @property
    def label(self) -> str:
        return numbered(self.number, self.title) if self.title else f"Standard {self.number}"


@dataclass(frozen=True)
class ProgressLine:
    """One baseline action and its progress as the statement reports it."""

    index: int  # its place in the baseline return's action plan (or in that of the statement that set it)
    standard: StandardLine | None
    standard_id: str
    criterion: str  # the criterion's label ("" for an action on the standard as a whole)
    criterion_number: str  # the criterion's number, for a narrow column
    action: str
    due: dt.date | None  # as the baseline had it
    status: str  # "not_started", "in_progress", "complete", "dropped"
    note: str
    completed_on: dt.date | None
    new_due: dt.date | None  # when it slipped
    dropped_reason: str
    evidence: tuple[str, ...]  # the names of the evidence of its completion
    rag: str  # action_rag's colour on the statement's day, or DROPPED
    set_in: str = ""  # the cycle of the earlier statement that set it ("" for the baseline's)

    @property
    def label(self) -> str:
        """Its number in words: "3" (the baseline's third action) or "2027/28 new action 1"."""
        return f"{self.set_in} new action {self.index + 1}" if self.set_in else str(self.index + 1)

    @property
    def status_label(self) -> str:
        return PROGRESS_STATUSES.get(self.status, self.status)

    @property
    def late(self) -> bool:
        """Completed after the date it was first due."""
        if self.status != "complete" or self.completed_on is None or self.due is None:
            return False
        return self.completed_on > self.due

    @property
    def status_text(self) -> str:
        """The status with what it means on the statement's day: "In progress (overdue)", "Complete (late)"."""
        if self.late:
            return f"{self.status_label} (late)"
        return self.status_label + {action_rag.RED: " (overdue)", action_rag.NOT_DUE: " (not yet due)"}.get(
            self.rag, "")

    @property
    def standard_label(self) -> str:
        return self.standard.label if self.standard else f"Standard {self.standard_id}"


@dataclass(frozen=True)
class NewAction:
    """A new action of the statement's own action plan (``parts.action_table`` reads these names)."""

    standard_id: str
    criterion_id: str
    description: str
    owner: str
    due_date: dt.date | None
    status: str
    progress_notes: str

    @property
    def status_label(self) -> str:
        return ACTION_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class EvidenceLine:
    name: str
    description: str
    linked_to: tuple[str, ...]  # standards and baseline actions, in words
    size: int | None  # None when the bytes were not given
    sha256: str


@dataclass(frozen=True)
class Signatory:
    role: str
    name: str
    signed_on: dt.date | None


@dataclass(frozen=True)
class StatementDocument:
    """Everything the statement's PDF and workbook print, read once from plain data."""

    organisation: str
    reference: str
    org_type: str
    contact: str
    cycle: str
    audit_version: int | None
    baseline_cycle: str
    baseline_version: int | None
    baseline_signed_on: dt.date | None
    baseline_sha256: str
    set_title: str
    set_version: str
    legal_basis: str
    standards: tuple[StandardLine, ...]
    progress: tuple[ProgressLine, ...]
    new_actions: tuple[NewAction, ...]
    evidence: tuple[EvidenceLine, ...]
    declaration: str
    signatories: tuple[Signatory, ...]
    signed_at: dt.date | None
    fingerprint: str
    sample: bool
    as_of: dt.date  # the day progress is judged on: the last signature's (so a reprint says the same)
    standards_set: StandardsSet | None = None

    @property
    def org_type_label(self) -> str:
        return type_label(self.org_type) if self.org_type else ""

    @property
    def based_on(self) -> str:
        """ "the 2026/27 audit (version 1) signed on 3 December 2026" """
        version = f" (version {self.baseline_version})" if self.baseline_version else ""
        signed = f" signed on {long_day(self.baseline_signed_on)}" if self.baseline_signed_on else ""
        return f"the {self.baseline_cycle or 'baseline'} audit{version}{signed}"

    @property
    def title(self) -> str:
        """The documents' title: "Annual compliance statement 2027/28: Northfield ..."."""
        return f"{KIND} {self.cycle}: {self.organisation}"

    def standard_label(self, standard_id: str) -> str:
        found = next((s for s in self.standards if s.standard_id == standard_id), None)
        if found is not None:
            return found.label
        standard = _standard(self.standards_set, standard_id)
        return numbered(standard.number, standard.title) if standard is not None else f"Standard {standard_id}"

    def standard_number(self, standard_id: str) -> str:
        standard = _standard(self.standards_set, standard_id)
        return standard.number if standard is not None else standard_id

    def criterion_label(self, criterion_id: str) -> str:
        if not criterion_id:
            return ""
        return criterion_label(self.standards_set, criterion_id) if self.standards_set else criterion_id


def day(value: dt.date | None) -> str:
    """A date in a table: "3 Mar 2027" ("" for none)."""
    return f"{value.day} {value:%b %Y}" if value is not None else ""


def long_day(value: dt.date | None) -> str:
    """A date in a sentence: "3 March 2027" ("" for none)."""
    return f"{value.day} {value:%B %Y}" if value is not None else ""


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _standard(standards_set: StandardsSet | None, standard_id: str) -> Standard | None:
    """The set's standard with this id; None without a set or when the set has none (the content came from a
    file, so it may name anything)."""
    if standards_set is None:
        return None
    try:
        return standards_set.standard(standard_id)
    except KeyError:
        return None


def _grade(standards_set: StandardsSet | None, standard_id: str, grade: object) -> Grade | None:
    if not grade:
        return None
    if standards_set is not None:
        try:
            scale = standards_set.scale_of(standard_id)
        except KeyError:
            scale = standards_set.grade_scale
        if scale.has_level(str(grade)):
            level = scale.level(str(grade))
            return Grade(level.label, level.colour)
    return Grade(str(grade), NOT_GRADED_COLOUR)


def _standard_line(entry: Mapping, standards_set: StandardsSet | None, baseline_grades: Mapping) -> StandardLine:
    standard_id = _text(entry.get("standard_id"))
    standard = _standard(standards_set, standard_id)
    number, title = (standard.number, standard.title) if standard is not None else (standard_id, "")
    position = _text(entry.get("position"))
    label = (standards_set.statement.position_label(position) if standards_set is not None and position
             else POSITIONS.get(position, position))
    before = _grade(standards_set, standard_id, baseline_grades.get(standard_id))
    return StandardLine(standard_id, number, title, before, position, label, _text(entry.get("narrative")),
                        _grade(standards_set, standard_id, entry.get("new_grade")))


def _criterion_number(standards_set: StandardsSet | None, criterion_id: str) -> str:
    if standards_set is None or not criterion_id:
        return criterion_id
    try:
        return standards_set.criterion(criterion_id).number or criterion_id
    except KeyError:
        return criterion_id


def _progress_rag(status: str, due: dt.date | None, as_of: dt.date) -> str:
    if status == DROPPED:
        return DROPPED
    return action_rag.rag(status, due, as_of)


def _progress_line(entry: Mapping, standards: Mapping[str, StandardLine],
                   evidence: Mapping[tuple[str, int], list[str]],
                   doc_set: StandardsSet | None, as_of: dt.date) -> ProgressLine:
    action = entry.get("baseline_action") or {}
    index = _number(action.get("index"))
    set_in = _text((action.get("set_in") or {}).get("cycle")) if isinstance(action.get("set_in"), Mapping) else ""
    standard_id = _text(action.get("standard_id"))
    criterion_id = _text(action.get("criterion_id"))
    status = _text(entry.get("status")) or "not_started"
    due, new_due = date_or_none(action.get("due_date")), date_or_none(entry.get("new_due_date"))
    return ProgressLine(
        index=-1 if index is None else index, standard=standards.get(standard_id), standard_id=standard_id,
        criterion=(criterion_label(doc_set, criterion_id) if doc_set and criterion_id else criterion_id),
        criterion_number=_criterion_number(doc_set, criterion_id),
        action=_text(action.get("action")), due=due, status=status, note=_text(entry.get("progress_note")),
        completed_on=date_or_none(entry.get("completed_on")), new_due=new_due,
        dropped_reason=_text(entry.get("dropped_reason")),
        evidence=tuple(evidence.get((set_in, index), ())) if index is not None else (),
        rag=_progress_rag(status, new_due or due, as_of), set_in=set_in)


def _action_link(item: str) -> tuple[str, int] | None:
    """The action an evidence link names: "action:<index>" a baseline action, "action:<cycle>:<index>" one an
    earlier statement set; None for any other link."""
    if not item.startswith("action:"):
        return None
    cycle, _, number = item[7:].rpartition(":")
    return (cycle, int(number)) if number.isdigit() else None


def _evidence(content: Mapping, labels: Callable[[str], str], files: Mapping[str, bytes],
              ) -> tuple[tuple[EvidenceLine, ...], dict[tuple[str, int], list[str]]]:
    """Each evidence file in words, and the names of the evidence of each baseline action's completion."""
    lines: list[EvidenceLine] = []
    of_action: dict[tuple[str, int], list[str]] = {}
    for entry in content.get("evidence") or ():
        name = _text(entry.get("name") or entry.get("original_name"))
        linked = []
        for link in entry.get("links") or ():
            item = _text(link.get("item_id"))
            standard = labels(_text(link.get("standard_id")))
            action = _action_link(item)
            if action is not None:
                set_in, number = action
                of_action.setdefault(action, []).append(name)
                whose = f"the {set_in} statement's new action" if set_in else "baseline action"
                linked.append(f"Completion of {whose} {number + 1} ({standard})")
            else:
                linked.append(standard + (f", item {item}" if item else ""))
        data = files.get(_text(entry.get("id")))
        # A file the return only lists (return_evidence: list) has no bytes here: its entry says its size and hash.
        size = len(data) if data is not None else _number(entry.get("size"))
        sha256 = hashlib.sha256(data).hexdigest() if data is not None else _text(entry.get("sha256"))
        lines.append(EvidenceLine(name, _text(entry.get("description")), tuple(linked), size, sha256))
    return tuple(lines), of_action


def _new_action(entry: Mapping) -> NewAction:
    return NewAction(_text(entry.get("standard_id")), _text(entry.get("criterion_id")), _text(entry.get("action")),
                     _text(entry.get("owner")), date_or_none(entry.get("due_date")),
                     _text(entry.get("status")) or "not_started", _text(entry.get("progress_notes")))


def _signatories(sign_off: Mapping) -> tuple[Signatory, ...]:
    return tuple(Signatory(_text(s.get("role")), _text(s.get("name")), date_or_none(s.get("signed_on")))
                 for s in sign_off.get("signatories") or ())


def _as_of(signatories: tuple[Signatory, ...], signed_at: dt.date | None) -> dt.date:
    days = [s.signed_on for s in signatories if s.signed_on is not None]
    return max(days) if days else signed_at or dt.date.today()


def statement_document(content: Mapping, standards_set: StandardsSet | Mapping | None = None,
                       baseline_grades: Mapping[str, str | None] | None = None,
                       evidence_files: Iterable[tuple[str, bytes]] = (), fingerprint: str = "") -> StatementDocument:
    """Read a statement's ``return.json`` content (and what else is given) into what the documents print.

    ``standards_set`` is the statement's set (a ``StandardsSet``, or its content as ``standards.json`` holds it);
    without it standards and grades are shown by their ids. ``baseline_grades`` gives each standard's grade id
    in the baseline; ``evidence_files`` the (evidence id, bytes) pairs of the return, for sizes and SHA-256s."""
    if standards_set is not None and not hasattr(standards_set, "standards"):
        from s11audit.standards.loader import set_from_snapshot

        standards_set = set_from_snapshot(dict(standards_set))
    doc_set: StandardsSet | None = standards_set  # type: ignore[assignment]
    organisation, baseline = content.get("organisation") or {}, content.get("baseline") or {}
    statement, sign_off = content.get("statement") or {}, content.get("sign_off") or {}
    signatories = _signatories(sign_off)
    signed_at = date_or_none(sign_off.get("signed_at"))
    as_of = _as_of(signatories, signed_at)
    standards = tuple(_standard_line(e, doc_set, baseline_grades or {}) for e in statement.get("standards") or ())
    by_id = {s.standard_id: s for s in standards}

    def label(standard_id: str) -> str:
        return by_id[standard_id].label if standard_id in by_id else f"Standard {standard_id}"

    evidence, of_action = _evidence(content, label, dict(evidence_files))
    set_info = content.get("standards_set") or {}
    return StatementDocument(
        organisation=_text(organisation.get("name")), reference=_text(organisation.get("reference")),
        org_type=_text(organisation.get("org_type")), contact=_text((organisation.get("contact") or {}).get("name")),
        cycle=_text(content.get("cycle")), audit_version=_number(content.get("audit_version")),
        baseline_cycle=_text(baseline.get("cycle")), baseline_version=_number(baseline.get("audit_version")),
        baseline_signed_on=date_or_none(baseline.get("signed_on")),
        baseline_sha256=_text(baseline.get("content_sha256")),
        set_title=doc_set.title if doc_set else _text(set_info.get("id")),
        set_version=doc_set.version if doc_set else _text(set_info.get("version")),
        legal_basis=doc_set.legal_basis if doc_set else "",
        standards=standards,
        progress=tuple(_progress_line(e, by_id, of_action, doc_set, as_of)
                       for e in statement.get("action_progress") or ()),
        new_actions=tuple(_new_action(e) for e in content.get("action_plan") or ()),
        evidence=evidence, declaration=_text(sign_off.get("declaration")), signatories=signatories,
        signed_at=signed_at, fingerprint=fingerprint, sample=bool(content.get("sample")), as_of=as_of,
        standards_set=doc_set)


def write_statement_documents(content: Mapping, *, pdf: Path | None = None, xlsx: Path | None = None,
                              standards_set: StandardsSet | Mapping | None = None,
                              baseline_grades: Mapping[str, str | None] | None = None,
                              evidence_files: Iterable[tuple[str, bytes]] = (), fingerprint: str = "",
                              progress: Callable[[int, Path], object] | None = None) -> list[Path]:
    """Write the statement's PDF at ``pdf`` and its workbook at ``xlsx`` (whichever are given), each
    atomically; returns the paths written. ``progress(n, path)`` is called before the n-th file (from 0).
    Needs no store, so it runs on a worker thread. Raises ``ReportError`` naming the file that could not
    be written (a file written before it stays). See ``statement_document`` for the other arguments."""
    document = statement_document(content, standards_set, baseline_grades, evidence_files, fingerprint)
    written: list[Path] = []
    if pdf is not None:
        from s11audit.reports.statement_pdf import write_statement_pdf

        if progress is not None:
            progress(len(written), pdf)
        written.append(write_statement_pdf(document, pdf))
    if xlsx is not None:
        from s11audit.reports.statement_xlsx import write_statement_xlsx

        if progress is not None:
            progress(len(written), xlsx)
        written.append(write_statement_xlsx(document, xlsx))
    return written
