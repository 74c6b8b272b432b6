"""Completed, signed audits on the criterion-graded example set, built through the store's own APIs
(criterion grades, N/A with a reason, multi-select lists, actions and evidence linked to criteria)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from s11audit.export import export
from s11audit.sample import sign_sample
from s11audit.standards import ItemType, StandardsSet
from s11audit.store import AuditFile, OrganisationDetails
from s11audit.store.evidence import EvidenceFile

EXAMPLE = "s11-criteria-example"
ANSWERS = {"A.1": ["Services to children directly", "Services to parents and carers"], "A.2": 1200, "A.3": 40,
           "A.4": "Dr Jane Hill, Chief Nurse", "A.5": "safeguarding@example.org", "A.6": "2026-10-01",
           "2.a": 92, "2.c": 3, "3.b": "2026-06-01", "4.b": "2024-01-15", "4.c": 5, "5.a": 88, "5.b": 75,
           "5.c": "2025-01-10"}


def _answer(item, answers: dict):
    if item.id in answers:
        return answers[item.id]
    if item.type is ItemType.MULTI_CHOICE:
        return list(item.choices[:2])
    if item.type is ItemType.YES_NO:
        return "yes"
    return None


def fill(assessment, grades: dict[str, str] | None = None, answers: dict | None = None, chosen: str = "mostly_met",
         na: tuple[str, ...] = ("2.4",)) -> None:
    """Complete every criterion (``grades``, else "2"), item and standard of the example set."""
    grades, answers = grades or {}, {**ANSWERS, **(answers or {})}
    data = b"Board minutes: the annual safeguarding report was received.\n"
    evidence = assessment.evidence.add(EvidenceFile("minutes.txt", data, hashlib.sha256(data).hexdigest(),
                                                    "text/plain"), description="Board minutes")
    for standard in assessment.standards:
        for criterion in standard.criteria_for(assessment.org_type):
            if criterion.id in na:
                assessment.set_not_applicable(criterion.id, "We do not employ staff in regulated activity.")
                continue
            grade = grades.get(criterion.id, "2")
            level = criterion.scale.level(grade)
            if criterion.requires or level.requires:
                assessment.evidence.link(evidence.id, standard.id, criterion.id)
            assessment.set_grade(criterion.id, grade)
            assessment.set_narrative(criterion.id, f"What we do for {criterion.number}.")
            if level.needs_action:
                assessment.actions.add(standard.id, f"Improve {criterion.number}", owner="Safeguarding lead",
                                       due_date=dt.date(2027, 6, 30), criterion_id=criterion.id)
        if standard.graded and not standard.derived:
            assessment.set_grade(standard.id, chosen)
        if standard.graded:
            assessment.set_narrative(standard.id, f"Our arrangements for {standard.title.lower()}.")
        for item in standard.items_for(assessment.org_type):
            value = _answer(item, answers)
            if value is not None:
                assessment.set_answer(item.id, value)


def signed_return(folder: Path, standards_set: StandardsSet, name: str, reference: str, org_type: str = "health",
                  **filled) -> Path:
    """A signed return from an organisation on the example set; ``filled`` goes to :func:`fill`."""
    path = folder / f"{reference}.s11audit"
    organisation = OrganisationDetails(name, reference, "agency", org_type)
    with AuditFile.create(path, organisation, user="Lead") as audit_file:
        assessment = audit_file.start_audit(standards_set, "2026/27")
        fill(assessment, **filled)
        sign_sample(assessment, dt.date(2026, 11, 20))
        returned = folder / f"{reference}.s11return"
        export(audit_file, assessment, returned=returned)
    return returned
