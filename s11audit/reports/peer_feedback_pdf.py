"""Feedback from the peer audit day to one agency (PDF, a letter like the moderation feedback).

From the business unit to the agency: a summary of its self-grades and peer outcomes on the
standards in focus, then per standard the challenge notes, the recommendations and the actions
agreed on the day with their owners and dates. ``write_feedback_pdfs`` writes one per agency into
a folder under names every system accepts; one agency's failure does not stop the others.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from s11audit.reports import ReportError
from s11audit.reports import pdf_parts as parts
from s11audit.reports import peer_pdf_parts as peer
from s11audit.reports.peer_audit_data import (
    AgencyOutcome,
    PeerEvent,
    agencies_in_order,
    agrees,
    by_agency,
    day,
)

WIDTH = peer.PORTRAIT_WIDTH
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class FeedbackResult:
    """One agency's feedback file: written, or the reason it was not."""

    agency: str
    path: Path
    written: bool
    problem: str = ""


def feedback_file_name(agency: str) -> str:
    """"Peer audit feedback - <agency>.pdf", with what Windows refuses replaced and the length capped."""
    name = " ".join(_UNSAFE.sub("_", agency).split()).strip(" .") or "agency"
    if name.split(".")[0].strip().upper() in _RESERVED:
        name = "_" + name
    return f"Peer audit feedback - {name[:100].rstrip(' .')}.pdf"


def _summary(event: PeerEvent, theirs: dict[str, AgencyOutcome], styles) -> list:
    rows: list[list[parts.Cell]] = [["Standard", "Your self-grade", "Peer outcome", "Agreed"]]
    extra = []
    for row, standard in enumerate(event.standards, start=1):
        outcome = theirs.get(standard.id)
        level = event.level(outcome.outcome_id) if outcome else None
        self_label = outcome.self_grade_label if outcome and outcome.self_grade_label else "Not graded"
        self_colour = outcome.self_grade_colour if outcome and outcome.self_grade_colour else peer.outcome_colour(None)
        verdict = agrees(event, outcome) if outcome else None
        rows.append([standard.heading, peer.coloured_cell(self_label, self_colour, styles),
                     peer.coloured_cell(peer.outcome_label(level), peer.outcome_colour(level), styles),
                     {True: "Yes", False: "No", None: "\u2013"}[verdict]])
        extra += [peer.fill(1, row, self_colour), peer.fill(2, row, peer.outcome_colour(level))]
    return [parts.grid(rows, [7.6 * cm, 3.4 * cm, 3.8 * cm, WIDTH - 14.8 * cm], styles, extra)]


def _standard(event: PeerEvent, standard, outcome: AgencyOutcome | None, styles) -> list:
    level = event.level(outcome.outcome_id) if outcome else None
    heading = [Paragraph(parts.esc(standard.heading), styles["Heading"]),
               parts.text_block(f"Your self-grade: {outcome.self_grade_label if outcome else 'Not graded'}. "
                                f"Peer outcome: {peer.outcome_label(level)}.", styles["Small"])]
    if outcome is None:
        return [KeepTogether([*heading, Paragraph("Nothing was recorded for this standard.", styles["Body"])])]
    story = [Paragraph("Challenge", styles["Strong"]),
             *parts.paragraphs(outcome.challenge_notes or "No challenge notes were recorded.", styles["Body"]),
             Paragraph("Recommendations", styles["Strong"]),
             *parts.paragraphs(outcome.recommendations or "No recommendations.", styles["Body"]),
             Paragraph("Agreed actions", styles["Strong"])]
    if outcome.actions:
        rows = [["Action", "Owner", "Due"]] + [[action, owner or "\u2013", day(due) if due else "No date"]
                                                for action, owner, due in outcome.actions]
        story.append(parts.grid(rows, [10 * cm, 4.2 * cm, WIDTH - 14.2 * cm], styles))
    else:
        story.append(Paragraph("No actions were agreed for this standard.", styles["Body"]))
    return [KeepTogether(heading + story[:2]), *story[2:], Spacer(1, 0.2 * cm)]


def feedback_story(event: PeerEvent, agency: str, outcomes: Sequence[AgencyOutcome], styles,
                   today: dt.date | None = None) -> list:
    theirs = by_agency(outcomes).get(agency, {})
    some = next(iter(theirs.values()), None)
    met = sum(1 for s in event.standards
              if s.id in theirs and (lv := event.level(theirs[s.id].outcome_id)) and lv.meets)
    with_recs = sum(1 for o in theirs.values() if o.recommendations.strip())
    group = f" in challenge group {some.group}" if some and some.group is not None else ""
    story = [parts.text_block(event.business_unit, styles["Kicker"]),
             Paragraph(parts.esc(day(today or dt.date.today())), styles["Small"]), Spacer(1, 0.4 * cm),
             parts.text_block(f"To: {agency}" + (f" ({some.sector})" if some and some.sector else ""), styles["Body"]),
             Spacer(1, 0.3 * cm),
             Paragraph("Feedback from the peer audit day", styles["Section"]),
             parts.text_block(f"{event.name}, {day(event.day)}", styles["Reference"]),
             parts.text_block(
                 f"Thank you for taking part in the {(event.partnership + ' ') if event.partnership else ''}peer audit "
                 f"day on {day(event.day)}"
                 f"{' at ' + event.venue if event.venue else ''}. You presented your evidence{group} and partners who "
                 f"work with different client groups challenged it. On the {len(event.standards)} standards in focus "
                 f"the peer outcome met the standard on {met}, and "
                 f"there are recommendations on {with_recs}.", styles["Body"]),
             Paragraph("Your outcomes", styles["Heading"]), *_summary(event, theirs, styles)]
    for standard in event.standards:
        story += _standard(event, standard, theirs.get(standard.id), styles)
    story += [Spacer(1, 0.4 * cm),
              Paragraph("Please take the agreed actions into your action plan; the recommendations will be carried "
                        "into your starting file for the next audit.", styles["Body"]),
              parts.text_block(event.business_unit, styles["Strong"])]
    return story


def write_feedback_pdf(event: PeerEvent, agency: str, outcomes: Sequence[AgencyOutcome], out_path: Path | str,
                       today: dt.date | None = None) -> Path:
    """Write one agency's feedback atomically to ``out_path``; ``ReportError`` names the file on failure."""
    styles = peer.styles()
    return peer.build(out_path, feedback_story(event, agency, outcomes, styles, today),
                      header=f"{agency} \u2013 peer audit feedback \u2013 {event.name}",
                      title=f"Peer audit feedback: {agency}", author=event.business_unit,
                      subject=f"Feedback from the peer audit day {event.name}")


def write_feedback_pdfs(folder: Path | str, event: PeerEvent, outcomes: Sequence[AgencyOutcome],
                        today: dt.date | None = None) -> list[FeedbackResult]:
    """One feedback PDF per agency in ``folder`` (agencies in group order); a result for each.

    Names that would clash (two agencies differing only in case or in refused characters) get
    " (2)", " (3)"... A failure is reported in that agency's result and the rest are still written.
    """
    folder = Path(folder)
    used: set[str] = set()
    results = []
    for agency in agencies_in_order(outcomes):
        name = feedback_file_name(agency.name)
        stem, number = name[:-4], 2
        while name.casefold() in used:
            name, number = f"{stem} ({number}).pdf", number + 1
        used.add(name.casefold())
        path = folder / name
        try:
            write_feedback_pdf(event, agency.name, outcomes, path, today)
        except ReportError as exc:
            results.append(FeedbackResult(agency.name, path, False, str(exc)))
        else:
            results.append(FeedbackResult(agency.name, path, True))
    return results
