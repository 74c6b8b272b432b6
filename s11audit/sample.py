"""Realistic, fully completed sample audit files for any standards set.

Used for the first-run sample, test fixtures, demos and benchmarks. The content is generated from
the set itself (so it works for a business unit's own sets too) with a fixed seed, so the same
command always makes the same audit: varied grades, narratives, item answers, a few evidence
files and an action plan that covers every standard graded below the line. ``sign_sample`` signs
it off (one signatory for each role of the set), for a signed sample.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path

from s11audit.organisations import AGENCY
from s11audit.standards import GradeLevel, Item, ItemType, Standard, StandardsSet
from s11audit.standards.model import Requirement
from s11audit.store import AuditFile, EvidenceFile, OrganisationDetails, SignatoryEntry
from s11audit.store.assessment import SelfAssessment

SAMPLE_ORGANISATIONS = {
    AGENCY: OrganisationDetails("Northfield Community Health NHS Trust", "RYN", "agency", "health",
                                "Priya Shah, Named Nurse for Safeguarding Children", "safeguarding@northfield.example.nhs.uk"),
    "education": OrganisationDetails("St Aidan's Church of England Primary School", "URN 124578", "education", "primary",
                                     "Helen Morris, Designated Safeguarding Lead", "dsl@staidans.example.sch.uk"),
}

PEOPLE = ["Priya Shah", "Mark Ellis", "Joanne Whitfield", "Tomasz Nowak", "Aisha Rahman", "Gareth Lloyd"]
ROLES = ["Head of Safeguarding", "Director of Nursing and Quality", "Training Lead", "HR Business Partner",
         "Deputy Designated Safeguarding Lead", "Head of Patient Experience"]

OPENINGS = [
    "Our arrangements for {topic} were reviewed by the safeguarding lead with senior managers in the autumn term.",
    "This judgement draws on the internal audit of {topic} completed this year and on feedback from staff.",
    "The position on {topic} has been discussed at the quality and safeguarding committee, which tested the evidence below.",
]
STRENGTHS = [
    "Policies are current, easy to find on the intranet and referenced in induction. Staff we spoke to knew who to go to and what to do.",
    "Managers check practice through monthly case file audits, and the findings are reported to the board each quarter.",
    "Learning from the partnership's practice reviews has been cascaded through team briefings and recorded in minutes.",
]
GAPS = {
    "low": "We are not yet able to show this consistently across all teams; the audit found gaps in recording and in follow-up, which the actions below address.",
    "mid": "Practice is sound in most services but evidence is uneven, particularly for sessional and agency staff; we have agreed actions to close this gap.",
    "high": "We will keep this under review through the annual audit programme and share our approach with partners.",
}
VOICES = [
    "A young person on the participation panel told us: \u201cthey actually listened and changed the waiting room\u201d.",
    "Feedback collected in community languages included comments such as \u201cDzi\u0119kujemy za pomoc\u201d (Polish) and "
    "\u201c\u0634\u06a9\u0631\u06cc\u06c1\u201d (Urdu), which the participation lead translated for the report.",
]

SIGNATORY_NAMES = ["Dr Helen Carter", "James Okonkwo", "Sarah Lindqvist", "Rev. David Price", "Amira Haddad"]

EVIDENCE = [
    ("Safeguarding children policy 2026.pdf", "Safeguarding children policy, approved September 2026"),
    ("Training compliance October 2026.csv", "Training compliance by team, as reported to the committee"),
    ("Board minutes extract - safeguarding report.txt", "Extract of the minutes where the annual safeguarding report was received"),
    ("Supervision audit summary 2026.pdf", "Summary of the audit of safeguarding supervision records"),
    ("Information sharing protocol.pdf", "Information sharing protocol agreed with partners"),
]


def _pdf_bytes(title: str, body: str) -> bytes:
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(title)
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(72, 770, title)
    pdf.setFont("Helvetica", 11)
    for row, line in enumerate(body.splitlines()):
        pdf.drawString(72, 740 - 16 * row, line)
    pdf.save()
    return buffer.getvalue()


def _evidence_file(name: str, organisation: str, index: int) -> EvidenceFile:
    if name.endswith(".pdf"):
        data = _pdf_bytes(Path(name).stem, f"{organisation}\nDocument {index + 1} supplied as evidence for the self-assessment.")
        media = "application/pdf"
    elif name.endswith(".csv"):
        rows = ["Team,Staff,Level 1 trained,Level 3 trained,Percentage"] + [
            f"Team {t},{20 + t},{18 + t},{6 + t % 4},{round(100 * (18 + t) / (20 + t))}" for t in range(1, 9)]
        data, media = ("\n".join(rows) + "\n").encode(), "text/csv"
    else:
        data, media = (f"{organisation}\n\nMinutes extract: the board received the annual safeguarding report and "
                       "agreed the action plan.\n").encode(), "text/plain"
    return EvidenceFile(name, data, hashlib.sha256(data).hexdigest(), media)


def _choose_grade(levels: tuple[GradeLevel, ...], index: int, rng: random.Random) -> GradeLevel:
    """Mostly at or just below the line, a few above, one or two well below: like real returns."""
    top = len(levels) - 1
    pattern = [top - 1, top - 1, top - 2, top, top - 1, max(top - 3, 0), top - 1, top - 2, top, top - 1, top - 2, top - 1]
    return levels[max(0, min(top, pattern[index % len(pattern)] + (rng.random() < 0.1)))]


def _text_answer(item: Item, rng: random.Random) -> str:
    wording = item.text.lower()
    if "name" in wording:
        return f"{rng.choice(PEOPLE)}, {rng.choice(ROLES)}"
    return ("After children told us the consent leaflet was hard to follow, we rewrote it with the youth forum; "
            "the new version has been in use since June and early feedback is positive.")


def _answer(item: Item, level: GradeLevel, levels: tuple[GradeLevel, ...], rng: random.Random, today: dt.date):
    kind = item.type
    if kind is ItemType.YES_NO:
        if level.needs_action and item.partly:
            return rng.choice(["partly", "yes", "no"])
        return "yes" if rng.random() < 0.9 else ("partly" if item.partly else "no")
    if kind is ItemType.PERCENTAGE:
        return rng.choice([72, 81, 88, 92, 95, 97, 100])
    if kind is ItemType.NUMBER:
        low = int(item.min or 0)
        high = int(item.max) if item.max is not None else low + 12
        return rng.randint(low + (1 if low == 0 and "deput" in item.text.lower() else 0), max(low + 1, min(high, low + 12)))
    if kind is ItemType.DATE:
        return (today - dt.timedelta(days=rng.randint(20, 600))).isoformat()
    if kind is ItemType.CHOICE:
        return item.choices[0] if rng.random() < 0.6 else rng.choice(item.choices)
    if kind is ItemType.GRADED:
        position = levels.index(level) + rng.choice([0, 0, 1, -1])
        return levels[max(0, min(len(levels) - 1, position))].id
    return _text_answer(item, rng)


def _narrative(standard: Standard, level: GradeLevel, levels: tuple[GradeLevel, ...], index: int, rng: random.Random) -> str:
    rank = levels.index(level)
    gap = "low" if level.needs_action and rank == 0 else "mid" if level.needs_action else "high"
    paragraphs = [rng.choice(OPENINGS).format(topic=standard.title.lower()), rng.choice(STRENGTHS), GAPS[gap]]
    if index in (1, 2):
        paragraphs.insert(2, VOICES[index - 1])
    return "\n\n".join(paragraphs)


def fill_assessment(assessment: SelfAssessment, organisation: str, seed: int = 2026) -> None:
    """Complete every standard and item of an audit with varied, realistic content."""
    rng = random.Random(seed)
    today = dt.date(2026, 11, 1)
    scale = assessment.standards_set.grade_scale
    levels = scale.levels
    files = [assessment.evidence.add(_evidence_file(name, organisation, i), description=desc)
             for i, (name, desc) in enumerate(EVIDENCE)]
    for index, standard in enumerate(assessment.standards):
        level = _choose_grade(levels, index, rng)
        assessment.set_grade(standard.id, level.id)
        assessment.set_narrative(standard.id, _narrative(standard, level, levels, index, rng))
        for item in standard.items_for(assessment.org_type):
            assessment.set_answer(item.id, _answer(item, level, levels, rng, today))
        evidence = files[index % len(files)]
        assessment.evidence.link(evidence.id, standard.id)
        graded_items = [i for i in standard.items_for(assessment.org_type) if i.type is ItemType.GRADED]
        if graded_items:
            assessment.evidence.link(evidence.id, standard.id, graded_items[0].id)
        if level.requires is Requirement.EXAMPLE:
            assessment.set_example(standard.id, "Our young people's advisory group co-designed the new referral "
                                                "leaflet; partners have adopted it across the area.")
        if level.needs_action:
            for n in range(1 if rng.random() < 0.5 else 2):
                assessment.actions.add(
                    standard.id,
                    f"{['Review and relaunch', 'Audit and report on', 'Deliver briefings on'][n]} "
                    f"{standard.title.lower()} arrangements in every team",
                    owner=f"{rng.choice(PEOPLE)}, {rng.choice(ROLES)}",
                    due_date=today + dt.timedelta(days=rng.choice([-30, 60, 120, 180])),
                    status=rng.choice(["not_started", "in_progress", "in_progress", "complete"]),
                    progress_notes="Agreed at the safeguarding committee; progress reported each quarter.",
                )


def sign_sample(assessment: SelfAssessment, signed_on: dt.date | None = None) -> None:
    """Sign a completed audit off with one named, confirmed signatory for every role of its set."""
    signed_on = signed_on or dt.date.today()
    roles = assessment.standards_set.sign_off.signatories
    assessment.sign([SignatoryEntry(role.role, SIGNATORY_NAMES[i % len(SIGNATORY_NAMES)], signed_on, True)
                     for i, role in enumerate(roles)])


def make_sample(path: Path | str, standards_set: StandardsSet, organisation: OrganisationDetails | None = None,
                cycle: str = "2026/27", user: str = "Sample data", seed: int = 2026, signed: bool = False) -> Path:
    """Write a completed sample audit file for ``standards_set`` (signed off if ``signed``); returns its path."""
    path = Path(path)
    kind = standards_set.organisation_kinds[0]
    organisation = organisation or SAMPLE_ORGANISATIONS[kind]
    with AuditFile.create(path, organisation, user) as audit_file:
        assessment = audit_file.start_audit(standards_set, cycle)
        fill_assessment(assessment, organisation.name, seed)
        if signed:
            sign_sample(assessment)
    return path
