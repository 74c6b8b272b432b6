"""The return as a PDF a governing body or board would read (reportlab platypus).

Cover (organisation, cycle, standards set, sign-off, key fingerprint), a summary of grades in
their colours, one section per standard (grade and descriptor, narrative, checklist answers,
evidence with SHA-256), then the action plan. Every page has a running header and "Page N of M";
each standard has a bookmark in the PDF outline. Styles and tables live in ``pdf_parts``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from s11audit import __version__
from s11audit.organisations import type_label
from s11audit.reports import pdf_parts as parts
from s11audit.reports.atomic import atomic_output
from s11audit.reports.common import judgement
from s11audit.reports.fonts import REGULAR, register_fonts
from s11audit.store.rows import ResponseRow

MARGIN = 2 * cm
LONG_ANSWER = 400  # characters: a written answer longer than this is printed below the checklist table


def _fit(text: str, width: float, size: float = 8) -> str:
    """``text`` shortened with an ellipsis so it fits ``width`` points in the header font."""
    if stringWidth(text, REGULAR, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", REGULAR, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def _numbered_canvas(header: str, footer: str):
    """A canvas class that holds pages back until the end so each can say "Page N of M"."""

    class NumberedCanvas(pdfcanvas.Canvas):
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

    def afterFlowable(self, flowable) -> None:
        style = getattr(getattr(flowable, "style", None), "name", "")
        if style not in ("Section", "StandardHeading"):
            return
        title = flowable.getPlainText()
        self._bookmarks += 1
        key = f"b{self._bookmarks}"
        self.canv.bookmarkPage(key)
        if style == "StandardHeading":
            if not self._standards_parent:
                self.canv.bookmarkPage("standards")
                self.canv.addOutlineEntry("Standards", "standards", level=0)
                self._standards_parent = True
            self.canv.addOutlineEntry(title, key, level=1, closed=False)
        else:
            self.canv.addOutlineEntry(title, key, level=0)
        self.canv.showOutline()


def _signed_on(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%d %B %Y").lstrip("0")
    return str(value or "")


def _cover(assessment, organisation, sign_off, fingerprint: str, styles) -> list:
    set_ = assessment.standards_set
    story = [Spacer(1, 1.5 * cm), Paragraph("Safeguarding self-assessment", styles["Kicker"]),
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
        story.append(Paragraph("Not yet signed off.", styles["Strong"]))
    if set_.sign_off.declaration:
        story += [Spacer(1, 0.3 * cm), Paragraph(parts.esc(set_.sign_off.declaration), styles["Small"])]
    if fingerprint:
        story += [Spacer(1, 0.3 * cm), Paragraph(f"Organisation's signing key fingerprint: <b>{parts.esc(fingerprint)}</b>",
                                                 styles["Body"])]
    return story + [PageBreak()]


def _summary(assessment, responses, actions, styles) -> list:
    scale = assessment.standards_set.grade_scale
    rows = []
    for standard in assessment.standards:
        grade = judgement(assessment, standard, responses.get(standard.id) or ResponseRow(standard.id))
        count = sum(1 for a in actions if a.standard_id == standard.id)
        rows.append((standard.number, standard.title, grade, str(count) if count else ""))
    story = [Paragraph("Summary of grades", styles["Section"]), parts.summary_table(rows, styles),
             Spacer(1, 0.6 * cm), Paragraph(f"The grades: {parts.esc(scale.name)}", styles["Heading"])]
    legend = [(level.label, level.colour, level.meaning) for level in reversed(scale.levels)]
    return story + [parts.legend_table(legend, styles), PageBreak()]


def _standard_section(assessment, standard, response, answers, evidence, styles) -> list:
    grade = judgement(assessment, standard, response)
    story = [Paragraph(parts.esc(standard.heading), styles["StandardHeading"])]
    if standard.statutory_reference:
        story.append(Paragraph(parts.esc(standard.statutory_reference), styles["Reference"]))
    story += [parts.grade_box(grade, styles), Spacer(1, 0.3 * cm)]
    if response.not_applicable:
        story += [Paragraph("Reason not applicable", styles["Heading"]),
                  *parts.paragraphs(response.na_reason or "No reason given.", styles["Body"])]
    story += [Paragraph("Narrative", styles["Heading"]),
              *parts.paragraphs(response.narrative or "No narrative given.", styles["Body"])]
    if response.example:
        story += [Paragraph("Best-practice example", styles["Heading"]),
                  *parts.paragraphs(response.example, styles["Body"])]
    items = standard.items_for(assessment.org_type)
    if items:
        story += [Paragraph("Checklist", styles["Heading"]), *_checklist(assessment, items, answers, styles)]
    story.append(Paragraph("Evidence", styles["Heading"]))
    linked = [e for e in evidence if e.linked_to_standard(standard.id)]
    if linked:
        story.append(parts.evidence_table(linked, styles))
    else:
        story.append(Paragraph("No evidence linked to this standard.", styles["Body"]))
    return story + [PageBreak()]


def _checklist(assessment, items, answers, styles) -> list:
    """The answers table; long written answers follow it in full, so they flow across pages."""
    rows, long_answers = [], []
    for item in items:
        shown = assessment.shown_answer(item.id, answers.get(item.id)) or "Not answered"
        if len(shown) > LONG_ANSWER:
            long_answers.append((item, shown))
            shown = "Written answer: see below the table."
        rows.append([item.id, item.text, shown])
    story = [parts.grid([["Item", "Question", "Answer"]] + rows, [1.7 * cm, 10.3 * cm, 5 * cm], styles)]
    for item, shown in long_answers:
        story += [Spacer(1, 0.25 * cm), Paragraph(parts.esc(f"{item.id}. {item.text}"), styles["Strong"]),
                  *parts.paragraphs(shown, styles["Body"])]
    return story


def _action_plan(assessment, actions, styles) -> list:
    story = [Paragraph("Action plan", styles["Section"])]
    if not actions:
        return story + [Paragraph("No actions were needed.", styles["Body"])]
    standards = {s.id: s for s in assessment.standards_set.standards}
    return story + [parts.action_table(actions, standards, styles)]


def write_return_pdf(assessment, organisation, out_path: Path | str, sign_off=None, fingerprint: str = "") -> Path:
    """Write the return as a PDF to ``out_path`` atomically; returns the path.

    ``sign_off`` is a list of objects with ``role``, ``name`` and ``signed_on``; ``fingerprint`` the
    organisation's key fingerprint. Raises ``ReportError`` naming the file if it cannot be written.
    """
    register_fonts()
    styles = parts.make_styles()
    set_ = assessment.standards_set
    responses = assessment.responses()
    actions = assessment.actions.list()
    evidence = assessment.evidence.list()
    answers = assessment.answers()
    story = _cover(assessment, organisation, sign_off, fingerprint, styles)
    story += _summary(assessment, responses, actions, styles)
    for standard in assessment.standards:
        story += _standard_section(assessment, standard, responses.get(standard.id) or ResponseRow(standard.id),
                                   answers, evidence, styles)
    story += _action_plan(assessment, actions, styles)
    header = f"{organisation.name} \u2013 {assessment.cycle} \u2013 {set_.title}"
    footer = f"Produced with s11audit {__version__}"
    with atomic_output(out_path) as temp:
        doc = _ReturnDocument(str(temp), title=f"{set_.title} {assessment.cycle}: {organisation.name}",
                              author=organisation.name, subject=f"Safeguarding self-assessment, {set_.display_name}",
                              creator=f"s11audit {__version__}")
        doc.build(story, canvasmaker=_numbered_canvas(header, footer))
    return Path(out_path)
