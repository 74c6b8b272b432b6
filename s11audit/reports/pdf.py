"""The return as a PDF a governing body or board would read (reportlab platypus).

Cover (organisation, cycle, standards set, sign-off, key fingerprint), a summary of grades in
their colours, one section per standard (grade and descriptor, narrative, checklist answers,
evidence with SHA-256), then the action plan. Every page has a running header and "Page N of M";
each standard has a bookmark in the PDF outline. Styles and tables live in ``pdf_parts``. The app's
sample audit is marked SAMPLE on every page, so its PDF is never taken for a real organisation's.

A format 2 set adds (``pdf_criteria``): its parts as headings with their intro (and outline
entries), a table of each standard's graded criteria, how a derived grade was worked out, % scores
where the set has scores, information sections without a grade, ticked options as a list and date
answers checked against their ``within`` rule on the day of sign-off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from s11audit import __version__
from s11audit.organisations import type_label
from s11audit.reports import pdf_criteria as criteria
from s11audit.reports import pdf_parts as parts
from s11audit.reports.atomic import atomic_output
from s11audit.reports.common import (
    derived_note,
    judgement,
    numbered,
    percent_text,
    reference_day,
    scores,
    shows_scores,
)
from s11audit.reports.fonts import BOLD, REGULAR, register_fonts
from s11audit.store.rows import ResponseRow

MARGIN = 2 * cm
HEADING_ROOM = 3.5 * cm  # a heading with less room than this below it starts the next page
LONG_ANSWER = 400  # characters: a written answer longer than this is printed below the checklist table


def _fit(text: str, width: float, size: float = 8) -> str:
    """``text`` shortened with an ellipsis so it fits ``width`` points in the header font."""
    if stringWidth(text, REGULAR, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", REGULAR, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


DRAFT_MARK = "DRAFT"
DRAFT_COLOUR = "#B03A2E"
SAMPLE_MARK = "SAMPLE"
SAMPLE_BAND = "SAMPLE \u2013 not a real return: the app's sample audit, made up to try s11audit"
SAMPLE_COVER = ("Sample: not a real return. This is s11audit's sample audit, made up to show how the app works. "
                "The organisation is not real, and a business unit will not import its return.")
FINGERPRINT_MEANING = ("Key fingerprint: a check the business unit uses to confirm the return came from this "
                       "organisation's audit file.")


def _numbered_canvas(header: str, footer: str, draft: bool = False, sample: bool = False):
    """A canvas class that holds pages back until the end so each can say "Page N of M"; a
    ``draft`` document (a return not signed off) has DRAFT across every page; a ``sample`` (the
    app's sample audit) has SAMPLE across every page and a red band saying so at the top of each."""

    class NumberedCanvas(pdfcanvas.Canvas):
        # Canvas's own state, which reportlab's stubs leave out (declared here, not set).
        _doc: PDFDocument
        _pagesize: tuple[float, float]
        _pageNumber: int
        _startPage: Callable[[], None]

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._doc.pageCounter += 1  # so bookmarks on the next page point at it
            self._startPage()

        def save(self):
            total = len(self._pages)
            self._doc.pageCounter = 1  # the pages are now added for real, numbered from 1
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(REGULAR, 8)
            self.setFillColor(parts.MUTED)
            if self._pageNumber > 1:
                self.drawString(MARGIN, height - 1.3 * cm, _fit(header, width - 2 * MARGIN))
                self.setStrokeColor(parts.RULE)
                self.setLineWidth(0.5)
                self.line(MARGIN, height - 1.45 * cm, width - MARGIN, height - 1.45 * cm)
            self.drawString(MARGIN, 1.2 * cm, footer)
            self.drawRightString(width - MARGIN, 1.2 * cm, f"Page {self._pageNumber} of {total}")
            self.restoreState()
            if sample:  # what it is matters more than whether it was signed off (the header says DRAFT too)
                self._sample_band(width, height)
                self._watermark(width, height, SAMPLE_MARK, 105)
            elif draft:
                self._watermark(width, height, DRAFT_MARK, 120)

        def _watermark(self, width: float, height: float, mark: str, size: float) -> None:
            """``mark`` across the page, faint enough to read the text under it."""
            self.saveState()
            self.setFillColor(colors.HexColor(DRAFT_COLOUR))
            self.setFillAlpha(0.13)
            self.translate(width / 2, height / 2)
            self.rotate(50)
            self.setFont(REGULAR, size)
            self.drawCentredString(0, -40, mark)
            self.restoreState()

        def _sample_band(self, width: float, height: float) -> None:
            """A red band across the top of the page, above the running header: SAMPLE, not a real return."""
            self.saveState()
            self.setFillColor(colors.HexColor(DRAFT_COLOUR))
            self.rect(0, height - 0.85 * cm, width, 0.85 * cm, stroke=0, fill=1)
            self.setFillColor(colors.white)
            self.setFont(BOLD, 9)
            self.drawCentredString(width / 2, height - 0.56 * cm, _fit(SAMPLE_BAND, width - 2 * MARGIN, 9))
            self.restoreState()

    return NumberedCanvas


class _ReturnDocument(BaseDocTemplate):
    """Adds an outline entry for every section and standard heading as it is laid out."""

    def __init__(self, filename, **kwargs):
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                         bottomMargin=MARGIN, **kwargs)
        frame = Frame(MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._bookmarks = 0
        self._standards_parent = False
        self._in_part = False  # standards under a part heading sit one level deeper in the outline

    def afterFlowable(self, flowable) -> None:
        style = getattr(getattr(flowable, "style", None), "name", "")
        if style not in ("Section", "StandardHeading", "PartHeading"):
            return
        title = flowable.getPlainText()
        self._bookmarks += 1
        key = f"b{self._bookmarks}"
        self.canv.bookmarkPage(key)
        if style in ("StandardHeading", "PartHeading"):
            if not self._standards_parent:
                self.canv.bookmarkPage("standards")
                self.canv.addOutlineEntry("Standards", "standards", level=0)
                self._standards_parent = True
            if style == "PartHeading":
                self._in_part = True
                self.canv.addOutlineEntry(title, key, level=1, closed=False)
            else:
                self.canv.addOutlineEntry(title, key, level=2 if self._in_part else 1, closed=False)
        else:
            self.canv.addOutlineEntry(title, key, level=0)
        self.canv.showOutline()


def _signed_on(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%d %B %Y").lstrip("0")
    return str(value or "")


def _cover(assessment, organisation, sign_off, fingerprint: str, styles, sample: bool = False) -> list:
    set_ = assessment.standards_set
    story: list[Flowable] = [parts.draft_banner(SAMPLE_COVER, styles)] if sample else []
    story += [Spacer(1, 1.5 * cm if not sample else 0.6 * cm),
              Paragraph("Safeguarding self-assessment", styles["Kicker"]),
             parts.text_block(organisation.name, styles["CoverTitle"]),
             Paragraph(parts.esc(f"{set_.title}: {assessment.cycle}"), styles["CoverSubtitle"]), Spacer(1, 0.6 * cm)]
    details = [("Organisation type", type_label(organisation.org_type)), ("Reference", organisation.reference),
               ("Cycle", assessment.cycle), ("Standards set", f"{set_.title}, version {set_.version}"),
               ("Legal basis", set_.legal_basis), ("Produced", _signed_on(dt.date.today()))]
    if organisation.contact_name:
        details.insert(2, ("Contact", organisation.contact_name))
    story += [parts.details_table(details, styles), Spacer(1, 0.8 * cm), Paragraph("Sign-off", styles["Heading"])]
    signatories = list(sign_off or [])
    if signatories:
        story.append(parts.grid([["Role", "Name", "Date signed"]] + [
            [s.role, s.name, _signed_on(s.signed_on)] for s in signatories], [7 * cm, 6 * cm, 4 * cm], styles))
    else:
        story.append(parts.draft_banner(
            "Draft: not signed off. This return has not been signed off by the organisation, so its grades, "
            "answers and actions may still change. Only the signed return is the organisation's self-assessment.",
            styles))
    if set_.sign_off.declaration:
        story += [Spacer(1, 0.3 * cm), Paragraph(parts.esc(set_.sign_off.declaration), styles["Small"])]
    if fingerprint:
        story += [Spacer(1, 0.3 * cm),
                  Paragraph(f"Organisation's signing key fingerprint: <b>{parts.esc(fingerprint)}</b>", styles["Body"]),
                  Paragraph(parts.esc(FINGERPRINT_MEANING), styles["Small"])]
    return [*story, PageBreak()]


def _summary(assessment, report, styles) -> list:
    set_ = assessment.standards_set
    scale = set_.grade_scale
    responses, actions, percents, overall = report.responses, report.actions, report.percents, report.overall
    rows, part = [], None
    for standard in assessment.standards:
        if standard.group and standard.group != part and set_.groups:
            part = standard.group
            rows.append(set_.group(part).title)
        grade = judgement(assessment, standard, responses.get(standard.id) or ResponseRow(standard.id))
        count = sum(1 for a in actions if a.standard_id == standard.id)
        rows.append((standard.number, standard.title, grade, str(count) if count else "",
                     percent_text(percents.get(standard.id))))
    story: list[Flowable] = [Paragraph("Summary of grades", styles["Section"]),
                             parts.summary_table(rows, styles, report.with_score)]
    if overall is not None:
        how = ("the mean of its criteria's scores, each criterion's grade as a share of its scale" if set_.has_criteria
               else "its grade's place on the scale")
        story += [Spacer(1, 0.3 * cm), Paragraph(
            f"<b>Overall score: {percent_text(overall)}</b>, the mean of the standards' scores. A standard's score is "
            f"{how}, from 0% for the lowest grade to 100% for the highest.", styles["Body"])]
    story += [Spacer(1, 0.6 * cm), Paragraph(f"The grades: {parts.esc(scale.name)}", styles["Heading"])]
    legend = [(level.label, level.colour, level.meaning) for level in reversed(scale.levels)]
    story.append(parts.legend_table(legend, styles))
    criteria_scales = {c.scale.id: c.scale for s in assessment.standards for c in s.criteria if c.scale.id != scale.id}
    for criteria_scale in criteria_scales.values():
        story += [Paragraph(f"The grades of criteria: {parts.esc(criteria_scale.name)}", styles["Heading"]),
                  parts.legend_table([(lv.label, lv.colour, lv.meaning) for lv in reversed(criteria_scale.levels)],
                                     styles)]
    return [*story, PageBreak()]


# What the signed return carries of the evidence, when not the files (the set's ``return_evidence``, issue 17).
_EVIDENCE_KEPT = {
    "list": "Evidence is kept by the organisation: the signed return lists these files (name, size and SHA-256) "
            "but does not carry them; the business unit asks for the ones it needs.",
    "none": "Evidence is kept by the organisation: the signed return carries no evidence.",
}


def _standard_section(assessment, standard, report, styles) -> list:
    """One standard: its grade (or "information section"), narrative, criteria, checklist, evidence."""
    response = report.responses.get(standard.id) or ResponseRow(standard.id)
    evidence = report.evidence
    grade = judgement(assessment, standard, response)
    story: list[Flowable] = [Paragraph(parts.esc(numbered(standard.number, standard.title)), styles["StandardHeading"])]
    if standard.statutory_reference:
        story.append(Paragraph(parts.esc(standard.statutory_reference), styles["Reference"]))
    if standard.graded:
        score = percent_text(report.percents.get(standard.id))
        story += [parts.grade_box(grade, styles, derived_note(standard), score), Spacer(1, 0.3 * cm)]
    else:
        story.append(Paragraph("An information section: its answers are given below; it is not graded.",
                               styles["Note"]))
    if response.not_applicable:
        story += [Paragraph("Reason not applicable", styles["Heading"]),
                  *parts.paragraphs(response.na_reason or "No reason given.", styles["Body"])]
    if standard.graded or response.narrative:
        story += [Paragraph("Narrative", styles["Heading"]),
                  *parts.paragraphs(response.narrative or "No narrative given.", styles["Body"])]
    if response.example:
        story += [Paragraph("Best-practice example", styles["Heading"]),
                  *parts.paragraphs(response.example, styles["Body"])]
    if standard.criteria_for(assessment.org_type) and not response.not_applicable:
        story += [Paragraph("Criteria", styles["Heading"]),
                  criteria.criteria_table(assessment, standard, report.responses, evidence, report.actions, styles)]
    items = standard.items_for(assessment.org_type)
    if items:
        story += [Paragraph("Checklist" if standard.graded else "Answers", styles["Heading"]),
                  *_checklist(assessment, items, report.answers, report.reference, styles)]
    story.append(Paragraph("Evidence", styles["Heading"]))
    kept = _EVIDENCE_KEPT.get(getattr(assessment.standards_set, "return_evidence", "files"))
    if kept:
        story.append(Paragraph(kept, styles["Note"]))
    linked = [e for e in evidence if e.linked_to_standard(standard.id)]
    if linked:
        story.append(parts.evidence_table(linked, styles))
    else:
        story.append(Paragraph("No evidence linked to this standard.", styles["Body"]))
    return [*_no_lone_headings(story), PageBreak()]


def _no_lone_headings(story: list) -> list:
    """A heading starts a new page when less than a few lines' room is left below it. (Not
    keepWithNext: that moves a heading and a table longer than the room left whole to the next
    page, leaving the rest of the page empty.)"""
    out = []
    for flowable in story:
        if getattr(getattr(flowable, "style", None), "name", "") == "Heading":
            out.append(CondPageBreak(HEADING_ROOM))
        out.append(flowable)
    return out


def _checklist(assessment, items, answers, reference, styles) -> list:
    """The answers table; long written answers follow it in full, so they flow across pages."""
    rows, long_answers = [], []
    for item in items:
        shown = criteria.answer_cell(assessment, item, answers.get(item.id), reference, styles)
        if isinstance(shown, str) and len(shown) > LONG_ANSWER:
            long_answers.append((item, shown))
            shown = "Written answer: see below the table."
        rows.append([item.id, item.text, shown])
    first = parts.id_width([row[0] for row in rows], 1.7 * cm)
    answer = 4.2 * cm
    widths = [first, parts.WIDTH - first - answer, answer]
    story: list[Flowable] = [parts.grid([["Item", "Question", "Answer"], *rows], widths, styles)]
    for item, shown in long_answers:
        story += [Spacer(1, 0.25 * cm), parts.text_block(numbered(item.id, item.text), styles["Strong"]),
                  *parts.paragraphs(shown, styles["Body"])]
    return story


def _action_plan(assessment, actions, styles) -> list:
    story = [Paragraph("Action plan", styles["Section"])]
    if not actions:
        return [*story, Paragraph("No actions were needed.", styles["Body"])]
    standards = {s.id: s for s in assessment.standards_set.standards}
    labels = {c.id: c.number for s in assessment.standards_set.standards for c in s.criteria}
    return [*story, parts.action_table(actions, standards, styles, criteria=labels)]


class _Report:
    """What every standard's section reads, gathered once."""

    def __init__(self, assessment, sign_off):
        self.responses = assessment.responses()
        self.actions = assessment.actions.all_actions()
        self.evidence = assessment.evidence.all_evidence()
        self.answers = assessment.answers()
        self.reference = reference_day(sign_off)
        self.with_score = shows_scores(assessment.standards_set)
        self.percents, self.overall = scores(assessment, self.responses) if self.with_score else ({}, None)


def _standards(assessment, report, styles) -> list:
    set_ = assessment.standards_set
    story, part = [], None
    for standard in assessment.standards:
        if standard.group and standard.group != part and set_.groups:
            part = standard.group
            story += criteria.part_heading(set_.group(part), styles)
        story += _standard_section(assessment, standard, report, styles)
    return story


def write_return_pdf(assessment, organisation, out_path: Path | str, sign_off=None, fingerprint: str = "",
                     sample: bool = False) -> Path:
    """Write the return as a PDF to ``out_path`` atomically; returns the path.

    ``sign_off`` is a list of objects with ``role``, ``name`` and ``signed_on``; without it the return
    is not signed off and is marked DRAFT (a banner on the cover, DRAFT across every page and in the
    title and running header). ``fingerprint`` is the organisation's key fingerprint. ``sample`` (the
    app's sample audit) marks every page SAMPLE (a band at the top, the word across the page), the cover
    and the title.
    Raises ``ReportError`` naming the file if it cannot be written.
    """
    register_fonts()
    styles = parts.make_styles()
    set_ = assessment.standards_set
    signed = bool(sign_off)
    report = _Report(assessment, sign_off)
    story = _cover(assessment, organisation, sign_off, fingerprint, styles, sample)
    story += _summary(assessment, report, styles)
    story += _standards(assessment, report, styles)
    story += _action_plan(assessment, report.actions, styles)
    header = f"{organisation.name} \u2013 {assessment.cycle} \u2013 {set_.title}"
    if not signed:
        header = f"DRAFT, not signed off \u2013 {header}"
    footer = f"Produced with s11audit {__version__}"
    title = f"{set_.title} {assessment.cycle}: {organisation.name}" + ("" if signed else " (draft, not signed off)")
    if sample:
        title = f"SAMPLE, not a real return \u2013 {title}"
    with atomic_output(out_path) as temp:
        doc = _ReturnDocument(str(temp), **parts.document_properties(
            title, f"Safeguarding self-assessment, {set_.display_name}", organisation.name))
        doc.build(story, canvasmaker=_numbered_canvas(header, footer, draft=not signed, sample=sample))
    return Path(out_path)
