"""One imported return in plain form: what findings, tracking and reports are computed from.

Built from a return's ``return.json`` content (see ``docs/return-format.md``) plus what the
business unit knows of the organisation (its sector from the register) and has recorded about the
return (moderated grades). Findings never read SQLite or ZIP files, only these records, so they
can be tested with small hand-made cases and run over 10,000 returns quickly.

A return against a format 2 set also carries a grade (or not applicable) per criterion, kept here
beside the standards' grades, with the business unit's moderated grade per criterion.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Basis = Literal["self", "moderated"]


class ActionRecord(NamedTuple):  # a tuple: 10,000 returns have ~110,000 of them
    standard_id: str
    status: str  # "not_started", "in_progress", "complete" (as the audit file stores it)
    due_date: dt.date | None = None
    criterion_id: str = ""  # the criterion it is for (format 2), "" for the standard as a whole


@dataclass(frozen=True)
class ReturnRecord:
    reference: str
    name: str
    sector: str  # from the business unit's register (e.g. "Education", "Health"); "" if unknown
    org_type: str  # organisation type id, e.g. "primary", "health" (s11audit.organisations)
    # grades and answers are dicts: findings read them with dict.get over every record at once (findings_tally)
    grades: dict[str, str] = field(default_factory=dict)  # standard id -> self-grade level id
    not_applicable: frozenset[str] = frozenset()  # standard ids marked not applicable
    answers: dict[str, Any] = field(default_factory=dict)  # item id -> stored value (see store.answers)
    actions: tuple[ActionRecord, ...] = ()
    moderated: Mapping[str, str] = field(default_factory=dict)  # standard id -> moderated level id
    criteria: Mapping[str, str] = field(default_factory=dict)  # criterion id -> self-grade (its scale's level id)
    criteria_na: frozenset[str] = frozenset()  # criterion ids marked not applicable
    moderated_criteria: Mapping[str, str] = field(default_factory=dict)  # criterion id -> moderated level id

    def grade(self, standard_id: str, basis: Basis = "self") -> str | None:
        """The grade findings count for a standard: the moderated one when asked for and recorded,
        otherwise the self-grade; ``None`` if ungraded or not applicable."""
        if standard_id in self.not_applicable:
            return None
        if basis == "moderated" and standard_id in self.moderated:
            return self.moderated[standard_id]
        return self.grades.get(standard_id)

    def criterion_grade(self, criterion_id: str, basis: Basis = "self") -> str | None:
        """The same for a criterion: moderated when asked for and recorded, else the self-grade."""
        if criterion_id in self.criteria_na:
            return None
        if basis == "moderated" and criterion_id in self.moderated_criteria:
            return self.moderated_criteria[criterion_id]
        return self.criteria.get(criterion_id)


def date_or_none(value: object) -> dt.date | None:
    """A return's date text (its first 10 characters) as a date; None when absent or not a date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_intern = sys.intern
# Texts up to this long are shared (interned): ids, grades, dates and short answers, not free text.
_SHARED_TEXT_CHARS = 64


def _shared(value: Any) -> Any:
    """Short texts shared between records: 10,000 returns repeat the same ids, grades and answers
    ("yes", "2027-03-31"), and each is then held once rather than once a return."""
    return _intern(value) if type(value) is str and len(value) <= _SHARED_TEXT_CHARS else value


def _judgements(entries, key: str, grades: dict[str, str], not_applicable: set[str]) -> None:
    for entry in entries or []:
        target = _intern(str(entry.get(key)))
        if entry.get("not_applicable"):
            not_applicable.add(target)
        elif entry.get("grade"):
            grades[target] = _intern(str(entry["grade"]))


FINDINGS_VERSION = 1  # of findings_content's shape; a stored one of another version is not read
FINDINGS_PREFIX = f'{{"findings_version":{FINDINGS_VERSION},'  # how findings_json's text of this version starts


def findings_content(content: Mapping[str, Any]) -> dict[str, Any]:
    """What :func:`record_from_findings` needs of a return's ``return.json`` content, as plain JSON (a few
    KB of a return's ~16 KB: no comments, evidence or action wording; answers already keyed by item).
    Stored beside the content when a return is imported (``imported_return.findings_content``), so a
    cycle's records are read without parsing every return whole."""
    record = record_from_content(content)
    return {"findings_version": FINDINGS_VERSION, "reference": record.reference, "name": record.name,
            "org_type": record.org_type, "grades": record.grades, "not_applicable": sorted(record.not_applicable),
            "criteria": record.criteria, "criteria_na": sorted(record.criteria_na), "answers": record.answers,
            "actions": [[a.standard_id, a.status, a.due_date.isoformat() if a.due_date else None, a.criterion_id]
                        for a in record.actions]}


def findings_json(content: Mapping[str, Any]) -> str:
    """:func:`findings_content` as the JSON text a workspace stores."""
    return json.dumps(findings_content(content), ensure_ascii=False, separators=(",", ":"))


def record_from_stored(stored: Mapping[str, Any], sector: str = "", moderated: Mapping[str, str] | None = None,
                       moderated_criteria: Mapping[str, str] | None = None) -> ReturnRecord:
    """A record from what a workspace keeps of a return: its :func:`findings_content` (of this version),
    or else its whole ``return.json`` content."""
    if stored.get("findings_version") != FINDINGS_VERSION:
        return record_from_content(stored, sector, moderated, moderated_criteria)
    return ReturnRecord(
        reference=stored["reference"], name=stored["name"], sector=_intern(sector),
        org_type=_intern(stored["org_type"]),
        grades={_intern(k): _intern(v) for k, v in stored["grades"].items()},
        not_applicable=frozenset(map(_intern, stored["not_applicable"])),
        answers={_intern(k): _intern(v) if type(v) is str else v for k, v in stored["answers"].items()},
        actions=tuple(ActionRecord(_intern(sid), _intern(status), date_or_none(due), _intern(cid))
                      for sid, status, due, cid in stored["actions"]),
        moderated=dict(moderated or {}),
        criteria={_intern(k): _intern(v) for k, v in stored["criteria"].items()},
        criteria_na=frozenset(map(_intern, stored["criteria_na"])), moderated_criteria=dict(moderated_criteria or {}))


def record_from_content(content: Mapping[str, Any], sector: str = "",
                        moderated: Mapping[str, str] | None = None,
                        moderated_criteria: Mapping[str, str] | None = None) -> ReturnRecord:
    """A record from a verified return's ``return.json`` content (criteria, where it has them)."""
    organisation = content.get("organisation") or {}
    grades: dict[str, str] = {}
    not_applicable: set[str] = set()
    criteria: dict[str, str] = {}
    criteria_na: set[str] = set()
    standards = content.get("standards") or []
    _judgements(standards, "standard_id", grades, not_applicable)
    for standard in standards:
        _judgements(standard.get("criteria"), "criterion_id", criteria, criteria_na)
    answers = {_intern(str(a.get("item_id"))): _shared(a.get("value")) for a in content.get("item_answers") or []
               if a.get("value") is not None}
    actions = tuple(ActionRecord(_intern(str(a.get("standard_id"))), _intern(str(a.get("status") or "")),
                                 date_or_none(a.get("due_date")), _intern(str(a.get("criterion_id") or "")))
                    for a in content.get("action_plan") or [])
    return ReturnRecord(reference=str(organisation.get("reference") or ""), name=str(organisation.get("name") or ""),
                        sector=_intern(sector), org_type=_intern(str(organisation.get("org_type") or "")),
                        grades=grades,
                        not_applicable=frozenset(not_applicable), answers=answers, actions=actions,
                        moderated=dict(moderated or {}), criteria=criteria, criteria_na=frozenset(criteria_na),
                        moderated_criteria=dict(moderated_criteria or {}))
