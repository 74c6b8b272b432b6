"""The annual compliance statement as a PDF the organisation shows its board and keeps on file (reportlab).

Title page (organisation, cycle, what the statement is based on, the statement at a glance), then the
standards (the baseline's grade, the position now, the new grade, and what changed), the progress of each
action still open at the baseline (due date and any new one, status, progress note, date completed, reason
dropped, evidence of completion), the statement's new actions, its evidence, and the sign-off (declaration,
signatories, key fingerprint). It looks like the full return's PDF because it is built from the same parts:
styles, tables, escaping and right-to-left text from ``pdf_parts``, the running header, "Page N of M", the
outline and the SAMPLE marking from ``pdf``; the footer adds the organisation's key fingerprint.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from s11audit import __version__
from s11audit.reports import pdf_parts as parts
from s11audit.reports.atomic import atomic_output
from s11audit.reports.bidi import has_arabic_script
from s11audit.reports.common import RAG_COLOURS, readable_text
from s11audit.reports.fonts import BOLD, register_fonts
from s11audit.reports.pdf import FINGERPRINT_MEANING, HEADING_ROOM, _numbered_canvas, _ReturnDocument
from s11audit.reports.statement_documents import (
    DROPPED,
    DROPPED_COLOUR,
    KIND,
    POSITION_COLOURS,
    Grade,
    ProgressLine,
    StatementDocument,
    day,
    long_day,
)

SAMPLE_COVER = ("Sample: not a real statement. This is s11audit's sample, made up to show how the app works. "
                "The organisation is not real, and a business unit will not import its return.")
NO_GRADE = "\u2013"  # an en dash: no new grade given
LONG_NOTE = 400  # characters: a progress note or reason longer than this is printed below the table
SECTION_ROOM = 6 * cm  # a section heading with less room than this below it starts the next page


def _cover(d: StatementDocument, styles) -> list[Flowable]:
    story: list[Flowable] = [parts.draft_banner(SAMPLE_COVER, styles)] if d.sample else []
    story += [Spacer(1, 0.6 * cm if d.sample else 1.5 * cm), Paragraph(KIND, styles["Kicker"]),
              parts.text_block(d.organisation, styles["CoverTitle"]),
              parts.text_block(f"{d.cycle}: based on {d.based_on}", styles["CoverSubtitle"]), Spacer(1, 0.6 * cm)]
    details = [("Organisation type", d.org_type_label), ("Reference", d.reference), ("Contact", d.contact),
               ("Cycle", d.cycle), ("Based on", d.based_on[0].upper() + d.based_on[1:]),
               ("Standards set", f"{d.set_title}, version {d.set_version}"), ("Legal basis", d.legal_basis),
               ("Signed off", long_day(d.signed_at) or "Not signed off"), ("Produced", long_day(dt.date.today()))]
    story.append(parts.details_table([(k, v) for k, v in details if v], styles))
    if d.baseline_sha256:
        story += [Spacer(1, 0.2 * cm), Paragraph(
            f"The baseline's return is named by the SHA-256 of its content: {parts.esc(d.baseline_sha256)}",
            styles["Hash"])]
    story += [Spacer(1, 0.6 * cm), Paragraph("At a glance", styles["Heading"]),
              parts.details_table(_glance(d), styles)]
    return [*story, PageBreak()]


def _glance(d: StatementDocument) -> list[tuple[str, str]]:
    """The statement in four lines: standards by position, the baseline's open actions by progress, the new
    actions, the evidence."""
    positions: dict[str, int] = {}
    for s in d.standards:
        positions[s.position_label] = positions.get(s.position_label, 0) + 1
    progress: dict[str, int] = {}
    for p in d.progress:
        progress[p.status_text] = progress.get(p.status_text, 0) + 1
    rows = [("Standards", f"{len(d.standards)}" + (": " + "; ".join(f"{k} {n}" for k, n in positions.items())
                                                   if positions else "")),
            ("Baseline actions", f"{len(d.progress)} still open at the baseline"
             + (": " + "; ".join(f"{k} {n}" for k, n in progress.items()) if progress else "")),
            ("New actions", str(len(d.new_actions))),
            ("Evidence", f"{len(d.evidence)} file{'' if len(d.evidence) == 1 else 's'}")]
    return rows


def _grade_cell(grade: Grade | None, styles, missing: str) -> tuple[Flowable, str]:
    if grade is None:
        return Paragraph(parts.esc(missing), styles["Cell"]), "#FFFFFF"
    return parts.coloured(grade.label, grade.colour, styles), grade.colour


def _standards_table(d: StatementDocument, styles) -> Flowable:
    rows: list[list[parts.Cell]] = [["No.", "Standard", "Baseline grade", "Position", "New grade"]]
    extra: list[tuple] = []
    for row, s in enumerate(d.standards, start=1):
        before, before_colour = _grade_cell(s.baseline, styles, "Not known")
        after, after_colour = _grade_cell(s.new_grade, styles, NO_GRADE)
        position = parts.text_block(s.position_label, styles["CellStrong" if s.position in ("improved", "declined")
                                                              else "Cell"])
        rows.append([s.number, s.title or s.label, before, [position], after])
        extra += [("BACKGROUND", (2, row), (2, row), colors.HexColor(before_colour)),
                  ("BACKGROUND", (3, row), (3, row), colors.HexColor(POSITION_COLOURS.get(s.position, "#FFFFFF"))),
                  ("BACKGROUND", (4, row), (4, row), colors.HexColor(after_colour))]
    first = parts.id_width([s.number for s in d.standards], 1.1 * cm)
    widths = [first, parts.WIDTH - first - 10.4 * cm, 3.2 * cm, 4 * cm, 3.2 * cm]
    return parts.grid(rows, widths, styles, extra)


def _what_changed(d: StatementDocument, styles) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(HEADING_ROOM), Paragraph("What changed", styles["Heading"])]
    told = [s for s in d.standards if s.narrative.strip()]
    if not told:
        return [*story, Paragraph("Nothing was said to have changed since the baseline.", styles["Body"])]
    for s in told:
        change = ""
        if s.baseline is not None or s.new_grade is not None:
            change = (f"{s.baseline.label if s.baseline else 'not known'} \u2192 "
                      f"{s.new_grade.label if s.new_grade else 'no new grade'}")
        head = [parts.text_block(f"{s.label}: {s.position_label}", styles["Strong"])]
        if change:
            head.append(parts.text_block(f"Grade: {change}", styles["Note"]))
        body = parts.paragraphs(s.narrative, styles["Body"])
        story += [CondPageBreak(HEADING_ROOM), *head, *body, Spacer(1, 0.2 * cm)]
    return story


def _standards(d: StatementDocument, styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Standards", styles["Section"]), Paragraph(
        "Each standard graded in the baseline audit: its grade then, whether it is still as at the baseline, has "
        "improved or has declined, and the new grade where one was given (a dash: none was given).",
        styles["Body"])]
    if not d.standards:
        return [*story, Paragraph("The statement gives no standards.", styles["Body"]), PageBreak()]
    return [*story, _standards_table(d, styles), *_what_changed(d, styles), PageBreak()]


def _status_cell(p: ProgressLine, styles) -> tuple[list[Flowable], str]:
    colour = DROPPED_COLOUR if p.rag == DROPPED else RAG_COLOURS[p.rag]
    text = readable_text(colour)
    cell: list[Flowable] = [parts.coloured(p.status_text, colour, styles)]
    if p.completed_on is not None:
        cell.append(Paragraph(f'<font color="{text}">Completed on {day(p.completed_on)}</font>', styles["Cell"]))
    return cell, colour


def _labelled(label: str, text: str, styles) -> Flowable:
    """ "Reason dropped: ..." with the label in bold (plain, when the text is laid out right to left)."""
    if has_arabic_script(text):
        return parts.text_block(f"{label}: {text}", styles["CellPara"])
    return Paragraph(f"<b>{parts.esc(label)}:</b> {parts.esc(text)}", styles["CellPara"])


def _long(text: str) -> bool:
    return len(text) > LONG_NOTE


def _progress_cell(p: ProgressLine, styles) -> list[Flowable]:
    cell: list[Flowable] = []
    if _long(p.note):
        cell.append(Paragraph("Progress note: see below the table.", styles["CellPara"]))
    else:
        cell += [parts.text_block(b.strip(), styles["CellPara"]) for b in p.note.replace("\r\n", "\n").split("\n\n")
                 if b.strip()]
    if p.dropped_reason:
        cell.append(_labelled("Reason dropped", "see below the table." if _long(p.dropped_reason)
                              else p.dropped_reason, styles))
    if p.evidence:
        cell.append(_labelled("Evidence of completion", "; ".join(p.evidence), styles))
    return cell or [Paragraph("No progress note.", styles["CellNote"])]


def _progress_table(d: StatementDocument, styles) -> Flowable:
    rows: list[list[parts.Cell]] = [["No.", "Standard", "Action", "Due", "Status", "Progress"]]
    extra: list[tuple] = []
    for row, p in enumerate(d.progress, start=1):
        where: list[Flowable] = [parts.text_block(p.standard_label, styles["Cell"])]
        if p.criterion:
            where.append(parts.text_block(f"Criterion {p.criterion_number}", styles["CellNote"]))
        due: list[Flowable] = [Paragraph(parts.esc(day(p.due) or "No date"), styles["Cell"])]
        if p.new_due is not None:
            due.append(Paragraph(f"<b>New due date</b><br/>{parts.esc(day(p.new_due))}", styles["CellLabel"]))
        status, colour = _status_cell(p, styles)
        rows.append([p.label, where, [parts.text_block(p.action, styles["Cell"])], due, status,
                     _progress_cell(p, styles)])
        extra.append(("BACKGROUND", (4, row), (4, row), colors.HexColor(colour)))
    widths = [1.1 * cm, 2.9 * cm, 3.9 * cm, 2.2 * cm, 2.6 * cm, parts.WIDTH - 12.7 * cm]
    return parts.grid(rows, widths, styles, extra)


def _long_notes(d: StatementDocument, styles) -> list[Flowable]:
    """Progress notes and reasons too long for the table, in full below it, so they flow across pages."""
    story: list[Flowable] = []
    for p in d.progress:
        for what, text in (("progress note", p.note), ("reason dropped", p.dropped_reason)):
            if _long(text):
                story += [CondPageBreak(HEADING_ROOM), Spacer(1, 0.25 * cm),
                          parts.text_block(f"Action {p.label}, {what}: {p.action}", styles["Strong"]),
                          *parts.paragraphs(text, styles["Body"])]
    return story


def _progress(d: StatementDocument, styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Progress of the baseline's actions", styles["Section"])]
    if not d.progress:
        return [*story, Paragraph("No action of the baseline was still open.", styles["Body"])]
    return [*story, Paragraph(
        "Each action of the baseline's action plan still open when this statement was made, numbered as in the "
        "baseline's action plan. The baseline's due date stands; a new due date is given where it slipped.",
        styles["Body"]), _progress_table(d, styles), Spacer(1, 0.2 * cm), Paragraph(parts.esc(
            f"Status on {long_day(d.as_of)}, the day the statement was signed off: overdue means past its due date "
            "(the new one where it slipped) and not complete; late means completed after the date it was first "
            "due; not yet due means not started and due more than four weeks later."), styles["Small"]),
            *_long_notes(d, styles)]


def _section_break() -> list[Flowable]:
    """Room above a section that follows another on the same page; a new page when little is left."""
    return [CondPageBreak(SECTION_ROOM), Spacer(1, 0.7 * cm)]


def _new_actions(d: StatementDocument, styles) -> list[Flowable]:
    story: list[Flowable] = [*_section_break(), Paragraph("New actions", styles["Section"])]
    if not d.new_actions:
        return [*story, Paragraph("No new actions were needed.", styles["Body"])]
    set_ = d.standards_set
    standards = {s.id: s for s in set_.standards} if set_ is not None else {}
    labels = {c.id: c.number for s in set_.standards for c in s.criteria} if set_ is not None else {}
    return [*story, parts.action_table(d.new_actions, standards, styles, today=d.as_of, criteria=labels)]


def _evidence(d: StatementDocument, styles) -> list[Flowable]:
    story: list[Flowable] = [*_section_break(), Paragraph("Evidence", styles["Section"])]
    if not d.evidence:
        return [*story, Paragraph("No evidence was added to the statement.", styles["Body"])]
    rows: list[list[parts.Cell]] = [["File", "Linked to", "Size", "SHA-256"]]
    for e in d.evidence:
        what: list[Flowable] = [parts.text_block(e.name, styles["Cell"])]
        if e.description:
            what.append(parts.text_block(e.description, styles["CellNote"]))
        linked: list[Flowable] = [parts.text_block(link, styles["Cell"]) for link in e.linked_to] or [
            Paragraph("Not linked", styles["CellNote"])]
        size = parts.human_size(e.size) if e.size is not None else ""
        rows.append([what, linked, size, Paragraph(parts.esc(e.sha256), styles["Hash"])])
    return [*story, parts.grid(rows, [5 * cm, 5.2 * cm, 1.8 * cm, 5 * cm], styles)]


def _sign_off(d: StatementDocument, styles) -> list[Flowable]:
    """The declaration, then who signed and the key fingerprint kept together on one page."""
    story: list[Flowable] = [*_section_break(), Paragraph("Sign-off", styles["Section"]),
                             Paragraph("Declaration", styles["Heading"]),
                             *parts.paragraphs(d.declaration or "No declaration given.", styles["Body"])]
    signed: list[Flowable] = []
    if d.signatories:
        signed += [Paragraph("Signed by", styles["Heading"]), parts.grid(
            [["Role", "Name", "Date signed"]] + [[s.role, s.name, long_day(s.signed_on)] for s in d.signatories],
            [7 * cm, 6 * cm, 4 * cm], styles)]
    else:
        signed.append(parts.draft_banner("Not signed off: this statement may still change.", styles))
    if d.signed_at is not None:
        signed += [Spacer(1, 0.3 * cm), Paragraph(f"Signed off on {long_day(d.signed_at)}.", styles["Body"])]
    if d.fingerprint:
        signed += [Spacer(1, 0.3 * cm), Paragraph(
            f"Organisation's signing key fingerprint: <b>{parts.esc(d.fingerprint)}</b>", styles["Body"]),
                   Paragraph(parts.esc(FINGERPRINT_MEANING.replace("the return", "the statement")), styles["Small"])]
    return [*story, KeepTogether(signed)]


def write_statement_pdf(document: StatementDocument, out_path: Path | str) -> Path:
    """Write the statement as a PDF to ``out_path`` atomically; returns the path. A sample statement is
    marked SAMPLE on every page, as the full return's PDF is. Raises ``ReportError`` naming the file if it
    cannot be written (no partial file is left)."""
    register_fonts()
    styles = parts.make_styles()
    styles["CellStrong"] = ParagraphStyle("CellStrong", parent=styles["Cell"], fontName=BOLD)
    d = document
    story = [*_cover(d, styles), *_standards(d, styles), *_progress(d, styles), *_new_actions(d, styles),
             *_evidence(d, styles), *_sign_off(d, styles)]
    header = f"{d.organisation} \u2013 {d.cycle} \u2013 {KIND.lower()}"
    footer = f"s11audit {__version__}" + (f" \u2013 organisation key {d.fingerprint}" if d.fingerprint else "")
    title = d.title if d.signatories else f"{d.title} (draft, not signed off)"
    if d.sample:
        title = f"SAMPLE, not a real return \u2013 {title}"
    # Built in memory and then written whole: reportlab leaves its file open when a write fails (a full disk).
    buffer = io.BytesIO()
    doc = _ReturnDocument(buffer, **parts.document_properties(
        title, f"{KIND}, {d.set_title} (version {d.set_version})", d.organisation))
    doc.build(story, canvasmaker=_numbered_canvas(header, footer, draft=not d.signatories, sample=d.sample))
    with atomic_output(out_path) as temp:
        temp.write_bytes(buffer.getbuffer())
    return Path(out_path)
