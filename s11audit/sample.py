"""Realistic, fully completed sample audit files for any standards set.

Used for the first-run sample (marked SAMPLE: ``make_sample``), test fixtures, demos and benchmarks.
The content is generated from the set itself (so it works for a business unit's own sets too) with a
fixed seed, so the same command always makes the same audit: varied grades, narratives, item answers, a few evidence
files and an action plan that covers every standard graded below the line. ``sign_sample`` signs
it off (one signatory for each role of the set), for a signed sample; ``make_statement_sample`` follows
the signed audit with a completed, signed annual compliance statement (``fill_statement``).

Format 2 sets get the same treatment per criterion: each criterion is graded on its own scale (or
marked not applicable, with a reason, where the set allows it), with the actions, evidence and
examples its grade needs; a standard's own grade is chosen only where its rule is ``chosen``;
information sections have only their fields filled in. Standards without criteria are filled
exactly as before, so the samples of format 1 sets do not change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from dataclasses import replace
from pathlib import Path

from s11audit.dates import window_start
from s11audit.organisations import AGENCY
from s11audit.standards import GradeLevel, Item, ItemType, Standard, StandardsSet
from s11audit.standards.model import Criterion, GradeRule, NotApplicable, Requirement
from s11audit.store import AuditFile, ComplianceStatement, EvidenceFile, OrganisationDetails, SignatoryEntry
from s11audit.store.assessment import SelfAssessment

# The app's sample audit (the welcome's "Explore a sample ... audit", ``s11audit sample``): plainly made
# up, so nobody mistakes it, its PDFs or its return for a real organisation's (issue 14).
SAMPLE_REFERENCE = "SAMPLE"
SAMPLE_ORGANISATIONS = {
    AGENCY: OrganisationDetails("SAMPLE \u2013 Northfield Community Health Trust (not a real organisation)",
                                SAMPLE_REFERENCE, "agency", "health",
                                "Priya Shah, Named Nurse for Safeguarding Children",
                                "safeguarding@northfield.example.org"),
    "education": OrganisationDetails("SAMPLE \u2013 Riverside Primary School (not a real school)", SAMPLE_REFERENCE,
                                     "education", "primary", "Helen Morris, Designated Safeguarding Lead",
                                     "dsl@riverside.example.org"),
}
# Realistic organisations for the returns tests, fixtures and benchmarks make and import (``sample=False``).
EXAMPLE_ORGANISATIONS = {
    AGENCY: OrganisationDetails("Northfield Community Health NHS Trust", "RYN", "agency", "health",
                                "Priya Shah, Named Nurse for Safeguarding Children",
                                "safeguarding@northfield.example.nhs.uk"),
    "education": OrganisationDetails("St Aidan's Church of England Primary School", "URN 124578", "education",
                                     "primary",
                                     "Helen Morris, Designated Safeguarding Lead", "dsl@staidans.example.sch.uk"),
}

PEOPLE = ["Priya Shah", "Mark Ellis", "Joanne Whitfield", "Tomasz Nowak", "Aisha Rahman", "Gareth Lloyd"]
ROLES = ["Head of Safeguarding", "Director of Nursing and Quality", "Training Lead", "HR Business Partner",
         "Deputy Designated Safeguarding Lead", "Head of Patient Experience"]

OPENINGS = [
    "Our arrangements for {topic} were reviewed by the safeguarding lead with senior managers in the autumn term.",
    "This judgement draws on the internal audit of {topic} completed this year and on feedback from staff.",
    "The position on {topic} has been discussed at the quality and safeguarding committee, "
    "which tested the evidence below.",
]
STRENGTHS = [
    "Policies are current, easy to find on the intranet and referenced in induction. "
    "Staff we spoke to knew who to go to and what to do.",
    "Managers check practice through monthly case file audits, "
    "and the findings are reported to the board each quarter.",
    "Learning from the partnership's practice reviews has been cascaded through team briefings "
    "and recorded in minutes.",
]
GAPS = {
    "low": "We are not yet able to show this consistently across all teams; the audit found gaps in recording "
           "and in follow-up, which the actions below address.",
    "mid": "Practice is sound in most services but evidence is uneven, particularly for sessional and agency staff; "
           "we have agreed actions to close this gap.",
    "high": "We will keep this under review through the annual audit programme and share our approach with partners.",
}
VOICES = [
    "A young person on the participation panel told us: "
    "\u201cthey actually listened and changed the waiting room\u201d.",
    "Feedback collected in community languages included comments such as "
    "\u201cDzi\u0119kujemy za pomoc\u201d (Polish) and "
    "\u201c\u0634\u06a9\u0631\u06cc\u06c1\u201d (Urdu), which the participation lead translated for the report.",
]

# How often the sample's seeded random draws go one way (each is drawn in a fixed order, so a seed
# always gives the same audit).
_STEP_UP = 0.1  # a grade a step above the usual pattern
_YES = 0.9  # a yes/no item answered yes
_FIRST_CHOICE = 0.6  # a choice item answered with its first option
_ONE_ACTION = 0.5  # a standard that needs action gets one action, not two
_NOT_APPLICABLE = 0.5  # a criterion after a standard's first graded one marked not applicable, where allowed
_EVIDENCE_ANYWAY = 0.4  # a criterion given evidence it does not need
_ONE_CRITERION_ACTION = 0.6  # a criterion that needs action gets one action, not two
_MORE_CAUTIOUS = 0.25  # a chosen grade a step below its criteria's mean

SIGNATORY_NAMES = ["Dr Helen Carter", "James Okonkwo", "Sarah Lindqvist", "Rev. David Price", "Amira Haddad"]

EVIDENCE = [
    ("Safeguarding children policy 2026.pdf", "Safeguarding children policy, approved September 2026"),
    ("Training compliance October 2026.csv", "Training compliance by team, as reported to the committee"),
    ("Board minutes extract - safeguarding report.txt",
     "Extract of the minutes where the annual safeguarding report was received"),
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
        data = _pdf_bytes(Path(name).stem,
                          f"{organisation}\nDocument {index + 1} supplied as evidence for the self-assessment.")
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
    pattern = [top - 1, top - 1, top - 2, top, top - 1, max(top - 3, 0), top - 1, top - 2, top, top - 1, top - 2,
               top - 1]
    return levels[max(0, min(top, pattern[index % len(pattern)] + (rng.random() < _STEP_UP)))]


def _text_answer(item: Item, rng: random.Random) -> str:
    wording = item.text.lower()
    if "email" in wording:
        return "safeguarding@northfield.example.org"
    if "telephone" in wording:
        return f"01632 {rng.randint(100000, 999999)}"  # Ofcom's numbers set aside for drama and examples
    if "name" in wording:
        return f"{rng.choice(PEOPLE)}, {rng.choice(ROLES)}"
    return ("After children told us the consent leaflet was hard to follow, we rewrote it with the youth forum; "
            "the new version has been in use since June and early feedback is positive.")


def _date_answer(item: Item, rng: random.Random, today: dt.date) -> str:
    days = rng.randint(20, 600)
    if item.within:
        # Inside the item's window (its more recent half), so the sample shows no out-of-date hint.
        days %= max(1, (today - window_start(item.within, today)).days // 2)
    return (today - dt.timedelta(days=days)).isoformat()


def _ticked(item: Item, rng: random.Random) -> list[str]:
    """Most of the choices ticked, in no particular order (the store puts them in the set's order)."""
    count = max(1, min(len(item.choices), round(len(item.choices) * rng.choice([0.4, 0.6, 0.75, 1.0]))))
    return rng.sample(list(item.choices), count)


def _yes_no_answer(item: Item, level: GradeLevel | None, rng: random.Random) -> str:
    if level is not None and level.needs_action and item.partly:
        return rng.choice(["partly", "yes", "no"])
    return "yes" if rng.random() < _YES else ("partly" if item.partly else "no")


def _number_answer(item: Item, level: GradeLevel | None, rng: random.Random) -> int:
    low = int(item.min or 0)
    if level is None and item.max is None:  # an information section's head counts
        return rng.randint(low + 40, low + 2400)
    high = int(item.max) if item.max is not None else low + 12
    return rng.randint(low + (1 if low == 0 and "deput" in item.text.lower() else 0),
                       max(low + 1, min(high, low + 12)))


def _answer(item: Item, level: GradeLevel | None, levels: tuple[GradeLevel, ...], rng: random.Random,
            today: dt.date):
    """An answer to an item; ``level`` is the standard's grade (``None`` in an information section)."""
    kind = item.type
    if kind is ItemType.YES_NO:
        return _yes_no_answer(item, level, rng)
    if kind is ItemType.PERCENTAGE:
        return rng.choice([72, 81, 88, 92, 95, 97, 100])
    if kind is ItemType.NUMBER:
        return _number_answer(item, level, rng)
    if kind is ItemType.DATE:
        return _date_answer(item, rng, today)
    if kind is ItemType.CHOICE:
        return item.choices[0] if rng.random() < _FIRST_CHOICE else rng.choice(item.choices)
    if kind is ItemType.MULTI_CHOICE:
        return _ticked(item, rng)
    if kind is ItemType.GRADED:
        position = (levels.index(level) if level is not None else len(levels) - 2) + rng.choice([0, 0, 1, -1])
        return levels[max(0, min(len(levels) - 1, position))].id
    return _text_answer(item, rng)


def _narrative(standard: Standard, level: GradeLevel, levels: tuple[GradeLevel, ...], index: int,
               rng: random.Random) -> str:
    rank = levels.index(level)
    gap = "low" if level.needs_action and rank == 0 else "mid" if level.needs_action else "high"
    paragraphs = [rng.choice(OPENINGS).format(topic=standard.title.lower()), rng.choice(STRENGTHS), GAPS[gap]]
    if index in (1, 2):
        paragraphs.insert(2, VOICES[index - 1])
    return "\n\n".join(paragraphs)


EXAMPLE = ("Our young people's advisory group co-designed the new referral leaflet; "
           "partners have adopted it across the area.")
ACTION_VERBS = ["Review and relaunch", "Audit and report on", "Deliver briefings on"]
CRITERION_ACTIONS = [
    "Agree a plan, with a named lead in each service, to put criterion {number} fully in place",
    "Audit practice against criterion {number} and report the findings to the safeguarding committee",
]
LEANS = [0, 1, 0, -1, -1, 0, 1]  # how far a standard's criteria sit from the usual pattern, by its position
CRITERION_NOTES = {
    "low": "The evidence we hold does not yet show this; the action below sets out how we will close the gap.",
    "mid": "This is in place, and the evidence listed shows it for most services.",
    "high": "This is embedded: it is checked through our audit programme and we can show its effect for children.",
}
NA_REASON = ("We do not commission or provide this service in the partnership area; the commissioning team "
             "confirmed this in October.")


class _Filler:
    """Fills one audit; ``rng`` is drawn from in a fixed order, so a seed always gives the same audit."""

    def __init__(self, assessment: SelfAssessment, organisation: str, seed: int):
        self.assessment = assessment
        self.rng = random.Random(seed)
        self.today = dt.date(2026, 11, 1)
        self.levels = assessment.standards_set.grade_scale.levels
        self.files = [assessment.evidence.add(_evidence_file(name, organisation, i), description=desc)
                      for i, (name, desc) in enumerate(EVIDENCE)]
        self.criteria_seen = 0

    def fill(self) -> None:
        for index, standard in enumerate(self.assessment.standards):
            if not standard.graded:
                self.answer_items(standard, None)
            elif standard.criteria:
                self.criteria_standard(standard, index)
            else:
                self.standard(standard, index)

    def answer_items(self, standard: Standard, level: GradeLevel | None) -> None:
        for item in standard.items_for(self.assessment.org_type):
            self.assessment.set_answer(item.id, _answer(item, level, self.levels, self.rng, self.today))

    def standard(self, standard: Standard, index: int) -> None:
        """A standard graded on its own (every standard of a format 1 set)."""
        assessment, rng = self.assessment, self.rng
        level = _choose_grade(self.levels, index, rng)
        assessment.set_grade(standard.id, level.id)
        assessment.set_narrative(standard.id, _narrative(standard, level, self.levels, index, rng))
        self.answer_items(standard, level)
        evidence = self.files[index % len(self.files)]
        assessment.evidence.link(evidence.id, standard.id)
        graded_items = [i for i in standard.items_for(assessment.org_type) if i.type is ItemType.GRADED]
        if graded_items:
            assessment.evidence.link(evidence.id, standard.id, graded_items[0].id)
        if level.requires is Requirement.EXAMPLE:
            assessment.set_example(standard.id, EXAMPLE)
        if level.needs_action:
            self.standard_actions(standard)

    def standard_actions(self, standard: Standard) -> None:
        rng = self.rng
        for n in range(1 if rng.random() < _ONE_ACTION else 2):
            self.assessment.actions.add(
                standard.id, f"{ACTION_VERBS[n]} {standard.title.lower()} arrangements in every team",
                owner=f"{rng.choice(PEOPLE)}, {rng.choice(ROLES)}",
                due_date=self.today + dt.timedelta(days=rng.choice([-30, 60, 120, 180])),
                status=rng.choice(["not_started", "in_progress", "in_progress", "complete"]),
                progress_notes="Agreed at the safeguarding committee; progress reported each quarter.",
            )

    def criteria_standard(self, standard: Standard, index: int) -> None:
        """A standard with graded criteria: each criterion, then the standard's own grade if it is chosen."""
        assessment = self.assessment
        evidence = self.files[index % len(self.files)]
        assessment.evidence.link(evidence.id, standard.id)
        graded = 0
        for criterion in standard.criteria_for(assessment.org_type):
            if (graded and criterion.not_applicable is not NotApplicable.NOT_ALLOWED
                    and self.rng.random() < _NOT_APPLICABLE):
                assessment.set_not_applicable(criterion.id, NA_REASON)
                continue
            self.criterion(standard, criterion, LEANS[index % len(LEANS)])
            graded += 1
        if standard.grade_rule is GradeRule.CHOSEN:
            assessment.set_grade(standard.id, self.chosen_grade(standard).id)
        grade = assessment.response(standard.id).grade
        level = assessment.standards_set.grade_scale.level(grade) if grade else self.levels[-2]
        assessment.set_narrative(standard.id, _narrative(standard, level, self.levels, index, self.rng))
        self.answer_items(standard, level)
        if level.requires is Requirement.EXAMPLE:
            assessment.set_example(standard.id, EXAMPLE)
        if level.needs_action and not assessment.actions.for_standard(standard.id):
            self.standard_actions(standard)

    def criterion(self, standard: Standard, criterion: Criterion, lean: int) -> None:
        assessment, rng = self.assessment, self.rng
        levels = criterion.scale.levels
        usual = levels.index(_choose_grade(levels, self.criteria_seen, rng))
        level = levels[max(0, min(len(levels) - 1, usual + lean))]
        self.criteria_seen += 1
        assessment.set_grade(criterion.id, level.id)
        rank = levels.index(level)
        assessment.set_narrative(criterion.id, CRITERION_NOTES["low" if level.needs_action else
                                                               "high" if rank == len(levels) - 1 else "mid"])
        needs = {level.requires, criterion.requires}
        if Requirement.EVIDENCE in needs or rng.random() < _EVIDENCE_ANYWAY:
            evidence = self.files[(self.criteria_seen + 1) % len(self.files)]
            assessment.evidence.link(evidence.id, standard.id, criterion.id)
        if Requirement.EXAMPLE in needs:
            assessment.set_example(criterion.id, EXAMPLE)
        if level.needs_action:
            for n in range(1 if rng.random() < _ONE_CRITERION_ACTION else 2):
                assessment.actions.add(
                    standard.id, CRITERION_ACTIONS[n].format(number=criterion.number),
                    owner=f"{rng.choice(PEOPLE)}, {rng.choice(ROLES)}",
                    due_date=self.today + dt.timedelta(days=rng.choice([60, 90, 120, 180])),
                    status=rng.choice(["not_started", "in_progress", "in_progress"]),
                    progress_notes="Agreed with the board-level lead; reviewed at each safeguarding committee.",
                    criterion_id=criterion.id,
                )

    def chosen_grade(self, standard: Standard) -> GradeLevel:
        """The grade a lead would choose: near the mean of its criteria, now and then a step more cautious."""
        scale = self.assessment.standards_set.grade_scale
        responses = self.assessment.responses()
        judged: list[tuple[Criterion, str]] = []
        for criterion in standard.criteria_for(self.assessment.org_type):
            grade = responses[criterion.id].grade if criterion.id in responses else None
            if grade:
                judged.append((criterion, grade))
        if not judged:
            return _choose_grade(self.levels, 0, self.rng)
        mean = sum(c.scale.percent(g) for c, g in judged) / len(judged)
        nearest = min(range(len(self.levels)), key=lambda r: (abs(scale.percent(self.levels[r].id) - mean), r))
        return self.levels[max(0, nearest - (self.rng.random() < _MORE_CAUTIOUS))]


def fill_assessment(assessment: SelfAssessment, organisation: str, seed: int = 2026) -> None:
    """Complete every standard, criterion and item of an audit with varied, realistic content."""
    _Filler(assessment, organisation, seed).fill()


def sign_sample(assessment: SelfAssessment, signed_on: dt.date | None = None) -> None:
    """Sign a completed audit off with one named, confirmed signatory for every role of its set."""
    signed_on = signed_on or dt.date.today()
    roles = assessment.standards_set.sign_off.signatories
    assessment.sign([SignatoryEntry(role.role, SIGNATORY_NAMES[i % len(SIGNATORY_NAMES)], signed_on, True)
                     for i, role in enumerate(roles)])


def sample_named(organisation: OrganisationDetails) -> OrganisationDetails:
    """``organisation`` with SAMPLE at the start of its name (unless it says SAMPLE already)."""
    if "SAMPLE" in organisation.name:
        return organisation
    return replace(organisation, name=f"SAMPLE \u2013 {organisation.name.strip()}")


def make_sample(path: Path | str, standards_set: StandardsSet, organisation: OrganisationDetails | None = None, *,
                cycle: str = "2026/27", user: str = "Sample data", seed: int = 2026, signed: bool = False,
                sample: bool = True) -> Path:
    """Write a completed sample audit file for ``standards_set`` (signed off if ``signed``); returns its path.

    ``sample`` (the default, for what a user is given to explore) marks the file as the app's sample:
    the organisation's name says SAMPLE, its PDFs and action plan are marked SAMPLE and its return
    carries ``"sample": true``, which a business unit import refuses. Tests, fixtures and benchmarks
    that make realistic returns to import pass ``sample=False`` (and get ``EXAMPLE_ORGANISATIONS``).
    """
    path = Path(path)
    kind = standards_set.organisation_kinds[0]
    organisation = organisation or (SAMPLE_ORGANISATIONS if sample else EXAMPLE_ORGANISATIONS)[kind]
    if sample:
        organisation = sample_named(organisation)
    with AuditFile.create(path, organisation, user, sample=sample) as audit_file:
        assessment = audit_file.start_audit(standards_set, cycle)
        fill_assessment(assessment, organisation.name, seed)
        if signed:
            sign_sample(assessment)
    return path


# --- the annual compliance statement's sample (issue 16) ----------------------------------------------

STATEMENT_NOTES = {
    "complete": "Done, and checked by the safeguarding committee; the briefing minutes are attached.",
    "slipped": "Half of the teams are done; the rest wait for the new case recording system, now due in spring.",
    "dropped": "The partnership replaced it with a joint multi-agency audit, which we take part in.",
    "open": "Under way and reported to the safeguarding committee each quarter.",
    "improved": "The relaunch reached every team; this year's audit found it consistent across services.",
    "declined": "Two recruitment files this year had no reference on file, and turnover in the team is high.",
}
STATEMENT_ACTION = "Audit every file opened since April and report the findings to the safeguarding committee"
_STATEMENT_CYCLE = re.compile(r"(\d{4})([/-])(\d{2}|\d{4})")


def following_cycle(cycle: str) -> str:
    """The cycle after ``cycle``: "2026/27" gives "2027/28" and "2026-2027" gives "2027-2028"; any other
    name gets " (statement)" added."""
    match = _STATEMENT_CYCLE.fullmatch(cycle.strip())
    if match is None:
        return f"{cycle.strip()} (statement)"
    start, separator, end = match.groups()
    return f"{int(start) + 1}{separator}{(int(end) + 1) % 10 ** len(end):0{len(end)}d}"


def fill_statement(statement: ComplianceStatement, organisation: str, today: dt.date | None = None) -> None:
    """Answer a compliance statement as a year's real one would be: every standard still as at the
    baseline but one improved and one declined (a grade lower, with a new action); of the baseline's open
    actions the first completed with evidence, the second slipped to a new date, the third dropped with a
    reason, any others in progress."""
    today = today or dt.date.today()
    standards = statement.standards
    baseline = statement.baseline.responses()
    for standard in standards:
        statement.set_position(standard.id, "same")

    def rank(standard_id: str) -> int:
        ids = [level.id for level in statement.standards_set.scale_of(standard_id).levels]
        grade = baseline[standard_id].grade  # every standard a statement asks about was graded
        return ids.index(grade) if grade in ids else 0

    can_fall = [s for s in standards if rank(s.id) > 0]
    declined = can_fall[-1] if can_fall else (standards[-1] if standards else None)
    can_rise = [s for s in standards if s is not declined
                and rank(s.id) < len(statement.standards_set.scale_of(s.id).levels) - 1]
    if can_rise:
        improved = can_rise[0]
        statement.set_position(improved.id, "improved")
        statement.set_narrative(improved.id, STATEMENT_NOTES["improved"])
        if statement.asks_new_grade:
            statement.set_new_grade(improved.id, statement.standards_set.scale_of(improved.id).levels[
                rank(improved.id) + 1].id)
    if declined is not None:
        statement.set_position(declined.id, "declined")
        statement.set_narrative(declined.id, STATEMENT_NOTES["declined"])
        if rank(declined.id) > 0 and statement.asks_new_grade:
            statement.set_new_grade(declined.id, statement.standards_set.scale_of(declined.id).levels[
                rank(declined.id) - 1].id)
        statement.actions.add(declined.id, STATEMENT_ACTION, owner="Mark Ellis, HR Business Partner",
                              due_date=today + dt.timedelta(days=120))
    outcomes = ("complete", "slipped", "dropped")  # the first three open actions; any others are "open"
    for position, action in enumerate(statement.open_actions()):
        outcome = outcomes[position] if position < len(outcomes) else "open"
        if outcome == "complete":
            statement.update_progress(action.id, status="complete", note=STATEMENT_NOTES["complete"],
                                      completed_on=today - dt.timedelta(days=21))
            data = (f"{organisation}\n\nMinutes of the briefing at which the completed action was reported:\n"
                    f"{action.description}\n").encode()
            statement.add_completion_evidence(action.id, EvidenceFile(
                "Briefing minutes - action completed.txt", data, hashlib.sha256(data).hexdigest(), "text/plain"),
                "Minutes of the briefing where the completed action was reported")
        elif outcome == "slipped":
            statement.update_progress(action.id, status="in_progress", note=STATEMENT_NOTES["slipped"],
                                      new_due_date=max(action.due_date or today, today) + dt.timedelta(days=182))
        elif outcome == "dropped":
            statement.update_progress(action.id, status="dropped", dropped_reason=STATEMENT_NOTES["dropped"])
        else:
            statement.update_progress(action.id, status="in_progress", note=STATEMENT_NOTES["open"])


def make_statement_sample(path: Path | str, standards_set: StandardsSet,
                          organisation: OrganisationDetails | None = None, *, cycle: str = "2026/27",
                          statement_cycle: str | None = None, user: str = "Sample data", seed: int = 2026,
                          sample: bool = True) -> Path:
    """``make_sample`` signed off, followed by a completed, signed annual compliance statement for the next
    cycle (``fill_statement``); marked SAMPLE as ``make_sample`` is unless ``sample`` is False."""
    path = make_sample(path, standards_set, organisation, cycle=cycle, user=user, seed=seed, signed=True,
                       sample=sample)
    with AuditFile.open(path, user) as audit_file:
        baseline = audit_file.audits()[-1]
        statement = audit_file.start_statement(baseline.id, statement_cycle or following_cycle(cycle))
        fill_statement(statement, audit_file.organisation().name)
        roles = statement.standards_set.sign_off.signatories
        statement.sign([SignatoryEntry(role.role, SIGNATORY_NAMES[i % len(SIGNATORY_NAMES)], dt.date.today(), True)
                        for i, role in enumerate(roles)])
    return path
