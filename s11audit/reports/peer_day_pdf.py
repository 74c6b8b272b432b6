"""The peer audit day's summary (PDF, A4 landscape so agencies × standards fits across the page).

The event and how to read the outcome scale; the outcomes table, agencies × standards in the
outcome colours with each agency's self-grade under the outcome; counts per outcome per standard
with the agreement between self-grades and peer outcomes; what changed between self-grade and
peer outcome, with the challenge behind it; then the recommendations, agency by agency.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from s11audit.figures import percent_text
from s11audit.reports import pdf_parts as parts
from s11audit.reports import peer_pdf_parts as peer
from s11audit.reports.peer_audit_data import (
    AgencyOutcome,
    PeerEvent,
    agencies_in_order,
    by_agency,
    changes,
    counts,
    day,
)

WIDTH = peer.LANDSCAPE_WIDTH


def _pct(value: float | None) -> str:
    return percent_text(value)  # whole, half up, as every report prints it


def _opening(event: PeerEvent, outcomes: Sequence[AgencyOutcome], styles) -> list:
    figures = counts(event, outcomes)
    agencies = agencies_in_order(outcomes)
    expected = len(agencies) * len(event.standards)
    recorded = sum(sum(c.per_level.values()) for c in figures)
    agreed, compared = sum(c.agreed for c in figures), sum(c.compared for c in figures)
    details = [("Date", day(event.day))] + ([("Partnership", event.partnership)] if event.partnership else [])
    if event.venue:
        details.append(("Venue", event.venue))
    share = _pct(100 * agreed / compared if compared else None)
    details += [("Standards in focus", "; ".join(s.heading for s in event.standards)),
                ("Agencies", str(len(agencies))),
                ("Outcomes recorded", f"{recorded} of {expected}"),
                ("Agreement", f"{agreed} of {compared} self-grades agree with the peer outcome ({share})")]
    legend: list[list[parts.Cell]] = [["Outcome", "Counts as meeting the standard"]]
    extra = []
    for row, level in enumerate(event.outcome_scale, start=1):
        legend.append([peer.coloured_cell(level.label, level.colour, styles), "Yes" if level.meets else "No"])
        extra.append(peer.fill(0, row, level.colour))
    return [Paragraph("Peer audit day: summary", styles["Kicker"]),
            parts.text_block(event.name, styles["CoverTitle"]),
            parts.text_block(event.partnership or day(event.day), styles["CoverSubtitle"]), Spacer(1, 0.3 * cm),
            parts.details_table(details, styles), Spacer(1, 0.3 * cm),
            Paragraph("The outcome scale", styles["Heading"]),
            parts.grid(legend, [6 * cm, 6 * cm], styles, extra),
            Paragraph("A self-grade that meets the standard agrees with a peer outcome that meets it; a self-grade "
                      "below the standard agrees with an outcome that does not meet it.", styles["Small"])]


def _outcomes_table(event: PeerEvent, outcomes: Sequence[AgencyOutcome], styles) -> list:
    table = by_agency(outcomes)
    first, group = 6.2 * cm, 1.5 * cm
    each = (WIDTH - first - group) / max(1, len(event.standards))
    rows: list[list[parts.Cell]] = [["Agency", "Group", *(s.heading for s in event.standards)]]
    extra = []
    for row, agency in enumerate(agencies_in_order(outcomes), start=1):
        theirs = table.get(agency.name, {})
        some = next(iter(theirs.values()), None)
        line: list[parts.Cell] = [[parts.text_block(agency.name, styles["Cell"]),
                                   parts.text_block(agency.sector, styles["CellNote"])],
                                  str(some.group) if some and some.group is not None else "\u2013"]
        for col, standard in enumerate(event.standards, start=2):
            outcome = theirs.get(standard.id)
            level = event.level(outcome.outcome_id) if outcome else None
            note = f"Self-grade: {outcome.self_grade_label}" if outcome and outcome.self_grade_label else ""
            line.append(peer.coloured_cell(peer.outcome_label(level), peer.outcome_colour(level), styles, note))
            extra.append(peer.fill(col, row, peer.outcome_colour(level)))
        rows.append(line)
    return [Paragraph("Outcomes", styles["Section"]),
            Paragraph("The peer outcome for each agency on each standard in focus, in the colours of the outcome "
                      "scale; the agency's own self-grade is under it.", styles["Body"]),
            parts.grid(rows, [first, group] + [each] * len(event.standards), styles, extra)]


def _counts_table(event: PeerEvent, outcomes: Sequence[AgencyOutcome], styles) -> list:
    levels = list(event.outcome_scale)
    first = 8 * cm
    each = (WIDTH - first) / (len(levels) + 2)
    rows: list[list[parts.Cell]] = [["Standard", *(lv.label for lv in levels), "Not recorded",
                                     "Agreement with self-grade"]]
    extra = []
    for row, figure in enumerate(counts(event, outcomes), start=1):
        line: list[parts.Cell] = [figure.standard.heading]
        for col, level in enumerate(levels, start=1):
            number = figure.per_level[level.id]
            line.append(peer.coloured_cell(str(number), level.colour, styles) if number else "0")
            if number:
                extra.append(peer.fill(col, row, level.colour))
        line += [str(figure.not_recorded), f"{figure.agreed} of {figure.compared} ({_pct(figure.agreement)})"]
        rows.append(line)
    return [Paragraph("Outcomes per standard", styles["Heading"]),
            parts.grid(rows, [first] + [each] * (len(levels) + 2), styles, extra)]


def _changes_table(event: PeerEvent, outcomes: Sequence[AgencyOutcome], styles) -> list:
    story: list[Flowable] = [Paragraph("What changed between self-grade and peer outcome", styles["Heading"])]
    found = changes(event, outcomes)
    if not found:
        return [KeepTogether([*story, Paragraph("Every peer outcome recorded agrees with the agency's own self-grade.",
                                                styles["Body"])])]
    own = {(o.agency, o.standard_id): o for o in outcomes}
    rows: list[list[parts.Cell]] = [["Agency", "Standard", "Self-grade", "Peer outcome", "Change", "Challenge"]]
    extra = []
    for row, change in enumerate(found, start=1):
        colour = own[(change.agency, change.standard.id)].self_grade_colour or peer.outcome_colour(None)
        rows.append([change.agency, change.standard.heading, peer.coloured_cell(change.self_grade, colour, styles),
                     peer.coloured_cell(change.outcome.label, change.outcome.colour, styles), change.direction,
                     change.challenge_notes or "\u2013"])
        extra += [peer.fill(2, row, colour), peer.fill(3, row, change.outcome.colour)]
    widths = [4.6 * cm, 4.6 * cm, 3 * cm, 3.4 * cm, 2.6 * cm]
    # The heading stays with the first rows of the table.
    return [KeepTogether([*story, parts.grid(rows, [*widths, WIDTH - sum(widths)], styles, extra)])]


def _recommendations(event: PeerEvent, outcomes: Sequence[AgencyOutcome], styles) -> list:
    story: list[Flowable] = [Paragraph("Recommendations", styles["Section"])]
    table = by_agency(outcomes)
    without = []
    for agency in agencies_in_order(outcomes):
        theirs = table.get(agency.name, {})
        entries = [(s, theirs[s.id]) for s in event.standards
                   if s.id in theirs and theirs[s.id].recommendations.strip()]
        if not entries:
            without.append(agency.name)
            continue
        block = [parts.text_block(agency.name, styles["Heading"]), parts.text_block(agency.sector, styles["Small"])]
        for standard, outcome in entries:
            level = event.level(outcome.outcome_id)
            block.append(parts.text_block(f"{standard.heading} \u2013 {peer.outcome_label(level)}", styles["Strong"]))
            block += parts.paragraphs(outcome.recommendations, styles["Body"])
        # Keep an agency's heading with its first recommendation; the rest may flow on.
        story += [KeepTogether(block[:4]), *block[4:]]
    if without:
        story += [Spacer(1, 0.3 * cm), Paragraph("No recommendations", styles["Heading"]),
                  parts.text_block(", ".join(without) + ".", styles["Body"])]
    return story


def write_day_summary_pdf(event: PeerEvent, outcomes: Sequence[AgencyOutcome], out_path: Path | str) -> Path:
    """Write the day summary atomically to ``out_path``; raises ``ReportError`` naming the file on failure."""
    styles = peer.styles()
    story = [*_opening(event, outcomes, styles), PageBreak()]
    story += [*_outcomes_table(event, outcomes, styles), Spacer(1, 0.4 * cm)]
    story += [*_counts_table(event, outcomes, styles), Spacer(1, 0.4 * cm)]
    story += [*_changes_table(event, outcomes, styles), Spacer(1, 0.6 * cm)]
    story += _recommendations(event, outcomes, styles)
    return peer.build(out_path, story, header=f"{event.name} \u2013 {day(event.day)} \u2013 summary of the day",
                      title=f"Peer audit day summary: {event.name}", author=event.business_unit, wide=True,
                      subject="Peer audit day: outcomes, agreement and recommendations")
