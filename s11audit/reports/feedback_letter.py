"""The business unit's feedback letter to one organisation after moderating its return (PDF).

A letter, not a report: who it is to and from, then where the business unit agrees with the
organisation's own grades (with any comment the moderator wrote while agreeing), where it
moderated them (from what to what, and why), and what it expects (the standards moderated down,
and the open actions in the organisation's own plan). It is signed with the business unit's name
and, when given, a signature block (name, role, contact details), both passed in by the caller.
Built from plain data: the return's ``return.json`` content, the standards set and the
moderations, so it needs no database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from s11audit import __version__
from s11audit.reports import pdf_parts as parts
from s11audit.reports.atomic import atomic_output
from s11audit.reports.fonts import register_fonts
from s11audit.standards import StandardsSet


@dataclass(frozen=True)
class Moderated:
    grade: str
    comment: str


def _label(standards_set: StandardsSet, grade: str | None, not_applicable: bool = False) -> str:
    scale = standards_set.grade_scale
    if not_applicable:
        return scale.not_applicable_label
    return scale.level(grade).label if grade and scale.has_level(grade) else "Not graded"


def _signed(content: Mapping) -> str:
    signed_at = str((content.get("sign_off") or {}).get("signed_at") or "")[:10]
    try:
        return f", signed off on {dt.date.fromisoformat(signed_at):%d %B %Y}".replace(" 0", " ")
    except ValueError:
        return ""


def letter_sections(standards_set: StandardsSet, content: Mapping, moderations: Mapping[str, Moderated]):
    """(agreed, moderated, expected) rows: the figures behind the letter, for tests and the PDF.

    An agreed row is (standard, grade, comment): a moderation that agrees with the organisation's
    grade keeps its comment (often the reason the business unit agrees); "" when there is none."""
    scale = standards_set.grade_scale
    own = {s["standard_id"]: s for s in content.get("standards", [])}
    agreed, changed, expected = [], [], []
    for standard in standards_set.standards:
        given = own.get(standard.id)
        if given is None:
            continue
        self_grade = None if given.get("not_applicable") else given.get("grade")
        mine = _label(standards_set, self_grade, bool(given.get("not_applicable")))
        decision = moderations.get(standard.id)
        if decision is None or decision.grade == self_grade:
            agreed.append((standard.heading, mine, (decision.comment or "").strip() if decision else ""))
            continue
        theirs = _label(standards_set, decision.grade)
        changed.append((standard.heading, mine, theirs, decision.comment))
        lower = (self_grade is None or not scale.has_level(self_grade)
                 or scale.rank(decision.grade) < scale.rank(self_grade))
        if lower and not scale.meets_standard(decision.grade):
            expected.append(f"{standard.heading}: an action plan that brings this standard to "
                            f"{scale.level(scale.meets).label}"
                            + (f" ({decision.comment})" if decision.comment else "") + ".")
    for action in content.get("action_plan", []):
        if action.get("status") != "complete":
            due = action.get("due_date")
            when = f" by {dt.date.fromisoformat(str(due)[:10]):%d %B %Y}" if due else ""
            expected.append(f"{action.get('action', '').strip()}{when} (your action plan).")
    return agreed, changed, expected


def _signature(signature: str, business_unit: str, styles) -> list:
    """"Yours sincerely" and the signature block's lines when there is one, then the business unit."""
    lines = [line.strip() for line in str(signature or "").replace("\r\n", "\n").split("\n") if line.strip()]
    if not lines:
        return [parts.text_block(business_unit, styles["Strong"])]
    block = [Paragraph("Yours sincerely,", styles["Body"]), Spacer(1, 0.8 * cm),
             parts.text_block(lines[0], styles["Strong"])]
    block += [parts.text_block(line, styles["Body"]) for line in lines[1:]]
    return [*block, parts.text_block(business_unit, styles["Body"])]


def write_feedback_letter(standards_set: StandardsSet, content: Mapping, moderations: Mapping[str, Moderated],
                          cycle: str, out_path: Path | str, *, business_unit: str = parts.DEFAULT_BUSINESS_UNIT,
                          today: dt.date | None = None, signature: str = "") -> Path:
    """Write the letter atomically to ``out_path``; raises ``ReportError`` naming the file on failure.

    ``business_unit`` heads and closes the letter and is the PDF's author; ``signature`` is the
    signature block printed above it (lines: name, role, contact), none when empty."""
    register_fonts()
    styles = parts.make_styles()
    organisation = content.get("organisation", {})
    contact = (organisation.get("contact") or {}).get("name") or "Safeguarding lead"
    agreed, changed, expected = letter_sections(standards_set, content, moderations)
    today = today or dt.date.today()
    business_unit = business_unit.strip() or parts.DEFAULT_BUSINESS_UNIT
    story = [parts.text_block(business_unit, styles["Kicker"]),
             Paragraph(parts.esc(f"{today:%d %B %Y}".lstrip("0")), styles["Small"]), Spacer(1, 0.4 * cm),
             parts.text_block(f"To: {contact}, {organisation.get('name', '')}", styles["Body"]),
             Paragraph(parts.esc(f"Reference {organisation.get('reference', '')}"), styles["Small"]),
             Spacer(1, 0.4 * cm),
             Paragraph(parts.esc(f"Feedback on your {standards_set.title} return, {cycle}"), styles["Section"]),
             Paragraph(parts.esc(
                 f"Thank you for your return{_signed(content)}. "
                 f"We have read it with its evidence and moderated your own grades. Of {len(agreed) + len(changed)} "
                 f"standards, we agree with {len(agreed)} and have moderated {len(changed)}."), styles["Body"])]
    story.append(Paragraph("Where we agree", styles["Heading"]))
    if agreed and any(comment for _, _, comment in agreed):
        story.append(parts.grid([["Standard", "Your grade", "Our comment"]] + [list(row) for row in agreed],
                                [7 * cm, 3.3 * cm, 6.7 * cm], styles))
    elif agreed:
        story.append(parts.grid([["Standard", "Your grade"]] + [list(row[:2]) for row in agreed], [12.5 * cm, 4.5 * cm],
                                styles))
    else:
        story.append(Paragraph("We have moderated every standard; see below.", styles["Body"]))
    story.append(Paragraph("Where we moderated your grade", styles["Heading"]))
    if changed:
        story.append(parts.grid([["Standard", "Your grade", "Moderated grade", "Why"]] + [list(row) for row in changed],
                                [5.5 * cm, 2.8 * cm, 2.8 * cm, 5.9 * cm], styles))
    else:
        story.append(Paragraph("We have not changed any of your grades.", styles["Body"]))
    story.append(Paragraph("What we expect", styles["Heading"]))
    if expected:
        story += [parts.text_block(f"\u2022 {line}", styles["Body"]) for line in expected]
    else:
        story.append(Paragraph("Nothing further: please keep your evidence up to date for the next audit.",
                               styles["Body"]))
    story += [Spacer(1, 0.6 * cm), *_signature(signature, business_unit, styles),
              Paragraph(parts.esc(f"Produced with s11audit {__version__}"), styles["Small"])]
    with atomic_output(out_path) as temp:
        doc = SimpleDocTemplate(str(temp), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                                bottomMargin=2 * cm, **parts.document_properties(
                                    f"Feedback: {organisation.get('name', '')} {cycle}",
                                    f"Feedback on a {standards_set.title} return after moderation", business_unit))
        doc.build(story)
    return Path(out_path)
