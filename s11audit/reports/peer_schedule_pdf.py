"""The peer audit day's printable schedule (PDF, A4 portrait).

The event (name, date, venue, notes), the standards in focus, then one block per challenge group:
its time slot and room and its agencies with their sectors, each block kept on one page so it can
be cut out and handed to the group.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from s11audit.reports import pdf_parts as parts
from s11audit.reports import peer_pdf_parts as peer
from s11audit.reports.peer_audit_data import PeerEvent, ScheduleGroup, day, time


def _slot(group: ScheduleGroup, event_day) -> str:
    """"09:30–11:00", with the date when the group does not meet on the event's day."""
    slot = f"{time(group.starts_at)}\u2013{time(group.ends_at)}"
    if group.starts_at.date() != event_day:
        slot = f"{day(group.starts_at.date())} {slot}"
    return slot


def schedule_story(event: PeerEvent, groups: Sequence[ScheduleGroup], styles) -> list:
    groups = sorted(groups, key=lambda g: (g.starts_at, g.number))
    agencies = sum(len(g.agencies) for g in groups)
    details = [("Date", day(event.day))] + ([("Partnership", event.partnership)] if event.partnership else [])
    if event.venue:
        details.append(("Venue", event.venue))
    if groups:
        starts, ends = min(g.starts_at for g in groups), max(g.ends_at for g in groups)
        details.append(("Times", f"{time(starts)}\u2013{time(ends)}"))
    details.append(("Challenge groups", f"{len(groups)} groups, {agencies} agencies"))
    story = [Paragraph("Peer audit day: schedule", styles["Kicker"]),
             parts.text_block(event.name, styles["CoverTitle"]),
             parts.text_block(event.partnership or day(event.day), styles["CoverSubtitle"]), Spacer(1, 0.4 * cm),
             parts.details_table(details, styles)]
    if event.notes:
        story += [Spacer(1, 0.2 * cm), *parts.paragraphs(event.notes, styles["Body"])]
    story += [Paragraph("Standards in focus", styles["Heading"]),
              parts.grid([["No.", "Standard"]] + [[s.number, s.title] for s in event.standards],
                         [1.5 * cm, peer.PORTRAIT_WIDTH - 1.5 * cm], styles),
              Spacer(1, 0.2 * cm),
              Paragraph("Each group mixes agencies that work with different client groups: every agency presents its "
                        "evidence on each standard in focus and the others challenge it.", styles["Small"]),
              Paragraph("Challenge groups", styles["Section"])]
    for group in groups:
        title = (f"Group {group.number}  \u00b7  {_slot(group, event.day)}"
                 + (f"  \u00b7  {group.room}" if group.room else ""))
        rows = [["Agency", "Sector"]] + [[name, sector] for name, sector in group.agencies]
        if len(rows) == 1:
            rows.append(["No agencies in this group yet.", ""])
        block = [parts.text_block(title, styles["Heading"]),
                 parts.grid(rows, [11 * cm, peer.PORTRAIT_WIDTH - 11 * cm], styles), Spacer(1, 0.3 * cm)]
        story.append(KeepTogether(block))
    if not groups:
        story.append(Paragraph("No challenge groups have been made yet.", styles["Body"]))
    return story


def write_schedule_pdf(event: PeerEvent, groups: Sequence[ScheduleGroup], out_path: Path | str) -> Path:
    """Write the schedule atomically to ``out_path``; raises ``ReportError`` naming the file on failure."""
    styles = peer.styles()
    return peer.build(out_path, schedule_story(event, groups, styles),
                      header=f"{event.name} \u2013 {day(event.day)} \u2013 schedule", title=f"Schedule: {event.name}",
                      author=event.business_unit, subject="Peer audit day: schedule of challenge groups")
