"""The findings of an audit cycle as an editable, accessible Word document (python-docx).

What a business unit pastes into its annual report, where the PDF cannot be published as it is (it
is not tagged; see the guide): the annual report summary first when given (response rates with last
cycle's, the headline measures, the weakest standards, the actions most often planned), who
returned, % meeting each standard and the spread of grades as charts and as a table, then each
standard in turn (its figures, the spread of its grades, its criteria and its checklist items with
the change since the last cycle), and the moderation agreement.

Accessibility, as Word's checker and the Public Sector Bodies Accessibility Regulations look for it:
a title (core properties title, subject, author) and the language en-GB (``w:lang`` on the document
defaults in styles.xml, so every run inherits it); real headings (Title, Heading 1 and Heading 2
styles, in order); every table a grid with its first row marked as a header row that repeats on each
page (``w:tblHeader``), its rows never split across pages; every chart a picture whose alternative text
(``docPr/@descr``) states the figures it shows, with the same figures in a table beside it. Every
percentage is rounded half up (``figures``). Written atomically (``atomic``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from s11audit import __version__
from s11audit.business_unit.findings_model import Findings, ItemFindings, StandardFindings
from s11audit.figures import NO_FIGURE, percent_text, points_text
from s11audit.organisations import type_label
from s11audit.reports import findings_png
from s11audit.reports.atomic import atomic_output
from s11audit.standards import ItemType, StandardsSet

if TYPE_CHECKING:
    from s11audit.business_unit.annual_summary import AnnualSummary, ResponseRate

LANGUAGE = "en-GB"
HEADER_FILL = "1F3A5F"
MATRIX_FEWEST = 2  # sectors or types a "% meeting by" table needs: with one it would repeat the overall figures


# --- document parts ------------------------------------------------------------------------------------


def _language(document, language: str = LANGUAGE) -> None:
    """The language on the document defaults (every style and run inherits it) and in the core properties."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    document.core_properties.language = language


def _page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)


def _fonts(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    for name, size in (("Title", 24), ("Heading 1", 16), ("Heading 2", 13)):
        style = document.styles[name]
        style.font.name = "Calibri"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)  # 11:1 on white


def _footer(document, text: str) -> None:
    """The footer: the document's name and the page number (a PAGE field Word and LibreOffice fill in)."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(f"{text} \u2013 page ")
    run.font.size = Pt(8)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    number = OxmlElement("w:r")
    shown = OxmlElement("w:t")
    shown.text = "1"
    number.append(shown)
    field.append(number)
    paragraph._p.append(field)


def _cell_style(document):
    """The paragraph style of table cells: 9.5 pt, no space after (one style, not a size on every run)."""
    try:
        return document.styles["Table text"]
    except KeyError:
        style = document.styles.add_style("Table text", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.size = Pt(9.5)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)
        return style


def _header_widths(header: Sequence[str], widths: Sequence[float]) -> list[float]:
    """``widths`` widened so each header breaks only between words (about 0.25 cm a character of bold
    9.5 pt in a wide fallback font such as DejaVu Sans, plus the padding), the widest column giving up what the
    others gain."""
    needed = [max(w, 0.25 * max((len(word) for word in title.split()), default=0) + 0.45)
              for title, w in zip(header, widths, strict=True)]
    widest = max(range(len(widths)), key=lambda n: widths[n])
    needed[widest] = max(2.0, needed[widest] - (sum(needed) - sum(widths)))
    return needed


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: object) -> str:
    """Text as XML character data: escaped, characters XML cannot hold dropped, lines joined."""
    return escape(_NOT_XML.sub("", " ".join(str(value).split())), {'"': "&quot;"})


def _cell_xml(text: object, width: int, style: str, header: bool = False, right: bool = False) -> str:
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>' if header else ""
    align = '<w:jc w:val="right"/>' if right else ""
    look = '<w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>' if header else ""
    shown = _xml_text(text)
    run = f'<w:r>{look}<w:t xml:space="preserve">{shown}</w:t></w:r>' if shown else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{align}</w:pPr>{run}</w:p></w:tc>')


def table(document, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
          numeric_from: int | None = None, caption: str = ""):
    """A grid table with a marked, repeating, shaded header row; ``widths`` in cm; columns from
    ``numeric_from`` right-aligned. ``caption`` is the table's description (``w:tblCaption``).

    Written as one piece of XML: python-docx's cell-by-cell calls cost about a millisecond an element,
    which for a set's checklist tables was seconds."""
    style = _cell_style(document).style_id
    grid_style = document.styles["Table Grid"].style_id
    twips = [round(w * 567) for w in _header_widths(header, widths)]  # 567 twentieths of a point a cm
    described = (f'<w:tblCaption w:val="{_xml_text(caption[:250])}"/><w:tblDescription w:val="{_xml_text(caption)}"/>'
                 if caption else "")
    parts = [f'<w:tbl {_W}><w:tblPr><w:tblStyle w:val="{grid_style}"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
             f'<w:jc w:val="left"/><w:tblLayout w:type="fixed"/>'
             f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
             f'w:noHBand="0" w:noVBand="1"/>{described}</w:tblPr><w:tblGrid>'
             + "".join(f'<w:gridCol w:w="{w}"/>' for w in twips) + "</w:tblGrid>",
             '<w:tr><w:trPr><w:cantSplit/><w:tblHeader w:val="true"/></w:trPr>'
             + "".join(_cell_xml(title, w, style, header=True) for title, w in zip(header, twips, strict=True))
             + "</w:tr>"]
    for values in rows:
        parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(
            _cell_xml(value, w, style, right=numeric_from is not None and n >= numeric_from)
            for n, (value, w) in enumerate(zip(values, twips, strict=True))) + "</w:tr>")
    parts.append("</w:tbl>")
    element = parse_xml("".join(parts))
    document.element.body.sectPr.addprevious(element)
    document.add_paragraph()
    return Table(element, document._body)


def picture(document, png: bytes, alt_text: str, title: str) -> None:
    """A chart as a picture 16 cm wide with its alternative text (what a screen reader says)."""
    shape = document.add_picture(io.BytesIO(png), width=Cm(16))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", alt_text)
    doc_pr.set("title", title)


# --- what the findings say -----------------------------------------------------------------------------


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def item_result(item: ItemFindings, set_: StandardsSet) -> str:
    """One item's figures in words (percentages half up)."""
    if item.type is ItemType.YES_NO:
        text = f"{percent_text(item.percent_yes)} yes"
        return text + (f", {percent_text(item.percent_partly)} partly" if set_.item(item.item_id).partly else "")
    if item.type in (ItemType.NUMBER, ItemType.PERCENTAGE) and item.numbers:
        n = item.numbers
        if item.type is ItemType.PERCENTAGE:
            return (f"median {percent_text(n.median)}, range {percent_text(n.minimum)} to {percent_text(n.maximum)}, "
                    f"mean {percent_text(n.mean)}")
        return f"median {n.median:g}, range {n.minimum:g} to {n.maximum:g}, mean {n.mean:.1f}"
    if item.type is ItemType.DATE and item.dates:
        d = item.dates
        return f"{percent_text(d.percent_recent)} {item.within_words}; {_day(d.oldest)} to {_day(d.newest)}"
    if item.type in (ItemType.CHOICE, ItemType.MULTI_CHOICE) and item.answered:
        ticked = " (each option: the share ticking it)" if item.type is ItemType.MULTI_CHOICE else ""
        return "; ".join(f"{c} {percent_text(p)}" for c, p in item.choice_percents) + ticked
    if item.type is ItemType.GRADED and item.grades:
        meets = set_.grade_scale.level(set_.grade_scale.meets).label
        return f"{percent_text(item.grades.percent_meeting)} {meets} or above"
    if item.type is ItemType.TEXT:
        return "written answers (in the findings workbook)"
    return "no answers"


class _Writer:
    def __init__(self, document, findings: Findings, set_: StandardsSet, previous_cycle: str):
        self.doc, self.findings, self.set = document, findings, set_
        self.previous_cycle = previous_cycle
        self.since = f"since {previous_cycle}" if previous_cycle else "since the last cycle"
        self.standard_change = {c.id: c for c in findings.standard_changes}
        self.item_change = {c.id: c for c in findings.item_changes if not c.option}  # the item's own, not an option's
        scale = set_.grade_scale
        self.meets = scale.level(scale.meets)

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(text, level=level)

    def para(self, text: str) -> None:
        self.doc.add_paragraph(text)

    def bullets(self, lines: Sequence[str]) -> None:
        for line in lines:
            self.doc.add_paragraph(line, style="List Bullet")

    # The annual report summary ---------------------------------------------------------------------

    def summary(self, summary: AnnualSummary) -> None:
        self.heading("Annual report summary", 1)
        r = summary.response
        since = f" ({percent_text(r.previous_percent)} in {summary.previous_cycle})" if (
            r.previous_percent is not None and summary.previous_cycle) else ""
        self.para(f"{r.received:,} of {r.expected:,} organisations returned the audit in {summary.cycle}: "
                  f"{percent_text(r.percent)}{since}.")
        if summary.measures:
            self.heading("Headline measures", 2)
            self.bullets([m.sentence for m in summary.measures])
            last = summary.previous_cycle or "Last cycle"
            table(self.doc, ["Measure", summary.cycle, last, "Respondents"],
                  [[m.label, percent_text(m.percent), percent_text(m.previous_percent), f"{m.respondents:,}"]
                   for m in summary.measures], [9.5, 2.5, 2.5, 2.5], numeric_from=1,
                  caption="Headline measures with last cycle's figures")
        rates = [("All organisations", summary.response)]
        rates += [(f"Sector: {rate.label}", rate) for rate in summary.by_sector]
        rates += [(f"Type: {rate.label}", rate) for rate in summary.by_type]
        self.heading("Response rate", 2)
        table(self.doc, ["Organisations", "Returned", "Expected", "Response rate",
                         f"In {summary.previous_cycle}" if summary.previous_cycle else "Last cycle"],
              [self._rate_row(label, rate) for label, rate in rates], [6.5, 2.4, 2.4, 2.8, 2.9], numeric_from=1,
              caption="Response rate overall, by sector and by type, with last cycle's")
        if summary.weakest:
            self.heading("Weakest standards", 2)
            self.bullets(list(summary.weakest))
        if summary.common_actions:
            self.heading("Actions most often planned", 2)
            table(self.doc, ["Standard", "Actions planned"], [[s, f"{n:,}"] for s, n in summary.common_actions],
                  [13, 4], numeric_from=1, caption="The standards with the most actions planned")

    @staticmethod
    def _rate_row(label: str, rate: ResponseRate) -> list[str]:
        return [label, f"{rate.received:,}", f"{rate.expected:,}", percent_text(rate.percent),
                percent_text(rate.previous_percent)]

    # Who returned and the overview -----------------------------------------------------------------

    def response(self) -> None:
        f = self.findings
        self.heading("Who returned", 1)
        if f.expected:
            self.para(f"{f.received:,} of {f.expected:,} organisations returned the audit "
                      f"({percent_text(f.response_rate)}).")
        else:
            self.para(f"{_count(f.received, 'return')} received.")
        total = f.received or 1
        for title, rows, label in (("By sector", f.by_sector, lambda k: k or "Not known"),
                                   ("By type of organisation", f.by_type,
                                    lambda k: type_label(k) if k else "Not known")):
            if rows:
                self.heading(title, 2)
                first = title.split()[-1].capitalize() if title == "By sector" else "Type"
                table(self.doc, [first, "Returns", "Share"],
                      [[label(k), f"{n:,}", percent_text(100 * n / total)] for k, n in rows], [11, 3, 3],
                      numeric_from=1, caption=f"Returns received {title.lower()}")

    def _label(self, s: StandardFindings) -> str:
        return f"{s.number}. {s.title}"

    def overview(self) -> None:
        f, scale = self.findings, self.set.grade_scale
        if not f.standards:
            return
        self.heading("Standards met", 1)
        self.para(f"Organisations graded {self.meets.label} or above on each standard, as a percentage of those "
                  "graded on it (not applicable and not graded are left out of the percentage).")
        rows = [(self._label(s), s.percent_meeting) for s in f.standards]
        alt = (f"Bar chart: organisations graded {self.meets.label} or above, per standard. "
               + "; ".join(f"{label}: {percent_text(value, 'no grades')}" for label, value in rows) + ".")
        picture(self.doc, findings_png.meeting_png(rows, self.meets.colour), alt, "Standards met")
        body = []
        for s in f.standards:
            change = self.standard_change.get(s.standard_id)
            body.append([self._label(s), percent_text(s.percent_meeting), f"{s.grades.graded:,}",
                         points_text(change.points) if change else NO_FIGURE])
        table(self.doc, ["Standard", "Meeting", "Graded", f"Change {self.since}"], body, [9.5, 2.3, 2.2, 3.0],
              numeric_from=1, caption="Per standard: % meeting, the organisations graded on it and the change")
        self.heading("Spread of grades", 2)
        spread = [(self._label(s), s.grades) for s in f.standards]
        alt = "Stacked bar chart: the share of organisations given each grade, per standard. " + "; ".join(
            f"{label}: " + ", ".join(f"{scale.level(level_id).label} {percent_text(self._share(n, g))}"
                                     for level_id, n in g.counts)
            + (f", {scale.not_applicable_label} {percent_text(self._share(g.not_applicable, g))}"
               if g.not_applicable else "")
            + (f", not graded {percent_text(self._share(g.not_graded, g))}" if g.not_graded else "")
            for label, g in spread) + "."
        picture(self.doc, findings_png.spread_png(spread, scale), alt, "Spread of grades")
        shares = [[label, *[percent_text(self._share(n, g)) for _, n in g.counts],
                   percent_text(self._share(g.not_applicable, g)), percent_text(self._share(g.not_graded, g))]
                  for label, g in spread]
        columns = [2.0] * len(scale.levels) + [2.9, 2.0]
        table(self.doc, ["Standard", *[level.label for level in scale.levels], scale.not_applicable_label,
                         "Not graded"],
              shares, [max(4.0, 17 - sum(columns)), *columns], numeric_from=1,
              caption="Per standard: the share of organisations given each grade (numbers in each standard's section)")

    @staticmethod
    def _share(n: int, grades) -> float | None:
        total = grades.graded + grades.not_applicable + grades.not_graded
        return 100 * n / total if total else None

    def areas(self) -> None:
        weakest = [s for s in self.findings.weakest if s.grades.below][:5]
        if not weakest:
            return
        self.heading("Areas for development", 1)
        self.para("The standards with the lowest share of organisations meeting them, weakest first, with the "
                  "actions organisations set themselves.")
        table(self.doc, ["Standard", "Meeting", "Below", "Actions", "Still open"],
              [[self._label(s), percent_text(s.percent_meeting), f"{s.grades.below:,}", f"{s.actions:,}",
                f"{s.open_actions:,}"] for s in weakest], [8.6, 2.1, 2.1, 2.1, 2.1], numeric_from=1,
              caption="The weakest standards with their actions")

    def matrices(self) -> None:
        f = self.findings
        for title, attribute, order, label in (
                ("% meeting by sector", "by_sector", f.by_sector, lambda k: k or "Not known"),
                ("% meeting by type of organisation", "by_type", f.by_type,
                 lambda k: type_label(k) if k else "Not known")):
            keys = [k for k, _ in order if any(k in dict(getattr(s, attribute)) for s in f.standards)]
            if len(keys) < MATRIX_FEWEST:
                continue
            self.heading(title, 2)
            tables = -(-len(keys) // 5)  # at most five columns of figures to a table, balanced (8 is 4 + 4)
            size = -(-len(keys) // tables)
            for start in range(0, len(keys), size):
                chunk = keys[start:start + size]
                rows = [[self._label(s)] + [percent_text(dict(getattr(s, attribute))[k].percent_meeting)
                                            if k in dict(getattr(s, attribute)) else NO_FIGURE for k in chunk]
                        for s in f.standards]
                table(self.doc, ["Standard", *map(label, chunk)], rows, [6] + [11 / len(chunk)] * len(chunk),
                      numeric_from=1, caption=title)

    # Each standard and its items ---------------------------------------------------------------------

    def standards(self) -> None:
        f = self.findings
        self.heading("Findings by standard", 1)
        graded = {s.standard_id: s for s in f.standards}
        for standard in self.set.standards:
            items = [i for i in f.items if i.standard_id == standard.id]
            figures = graded.get(standard.id)
            if figures is None and not items:
                continue
            self.heading(standard.heading, 2)
            if figures is not None:
                self._standard(figures)
            if items:
                self._items(items)

    def _standard(self, s: StandardFindings) -> None:
        scale = self.set.grade_scale
        g = s.grades
        change = self.standard_change.get(s.standard_id)
        text = (f"{percent_text(s.percent_meeting)} of the {_count(g.graded, 'organisation')} graded on this standard "
                f"were graded {self.meets.label} or above")
        if change is not None:
            text += (f" ({percent_text(change.previous)} {self.since}, {points_text(change.points)})")
        self.para(text + f". {_count(s.actions, 'action')} planned, {s.open_actions:,} still open.")
        rows = [[scale.level(level_id).label, f"{n:,}", percent_text(100 * n / g.graded if g.graded else None)]
                for level_id, n in reversed(g.counts)]
        rows += [[scale.not_applicable_label, f"{g.not_applicable:,}", ""], ["Not graded", f"{g.not_graded:,}", ""]]
        table(self.doc, ["Grade", "Organisations", "Share of those graded"], rows, [8, 4, 5], numeric_from=1,
              caption=f"Spread of grades, standard {s.number}")
        if s.criteria:
            table(self.doc, ["Criterion", "Meeting", "Graded"],
                  [[f"{c.number} {c.text}", percent_text(c.percent_meeting), f"{c.grades.graded:,}"]
                   for c in s.criteria],
                  [11, 3, 3], numeric_from=1, caption=f"Criteria of standard {s.number}: % meeting")

    def _items(self, items: list[ItemFindings]) -> None:
        rows = []
        for item in items:
            change = self.item_change.get(item.item_id)
            rows.append([item.item_id, item.label, f"{item.answered:,} of {item.respondents:,}",
                         item_result(item, self.set), points_text(change.points) if change else NO_FIGURE])
        table(self.doc, ["No.", "Checklist item", "Answered", "Result", f"Change {self.since}"], rows,
              [1.3, 5.7, 2.2, 5.3, 2.5], caption="Checklist items: who answered, what they answered and the change")

    def agreement(self) -> None:
        a = self.findings.agreement
        if not a.moderated:
            return
        self.heading("Moderation: agreement with self-grades", 1)
        self.para(f"The business unit moderated {a.moderated:,} grades and agreed with the self-grade in "
                  f"{a.agreed:,} ({percent_text(a.percent)}).")
        table(self.doc, ["Standard", "Moderated", "Agreed", "Agreement"],
              [[self._label(s), f"{s.agreement.moderated:,}", f"{s.agreement.agreed:,}",
                percent_text(s.agreement.percent)] for s in self.findings.standards if s.agreement.moderated],
              [9.5, 2.5, 2.5, 2.5], numeric_from=1, caption="Moderated grades that agreed with the self-grade")


def _details(writer: _Writer, findings: Findings, set_: StandardsSet, cycle: str, filters: str) -> None:
    basis = ("Moderated grades (the self-grade where no moderated grade was recorded)"
             if findings.basis == "moderated" else "Self-assessed grades")
    rows = [["Cycle", cycle or NO_FIGURE], ["Standards set", set_.display_name], ["Legal basis", set_.legal_basis],
            ["Grades counted", basis]]
    if filters:
        rows.append(["Returns included", filters])
    if findings.reference_date:
        rows.append(["Dates counted back from", _day(findings.reference_date)])
    rows.append(["Produced", _day(dt.date.today())])
    table(writer.doc, ["Detail", "Value"], rows, [5, 12], caption="About these findings")


def write_findings_docx(findings: Findings, standards_set: StandardsSet, out_path: Path | str,
                        summary: AnnualSummary | None = None, *, cycle: str = "", previous_cycle: str = "",
                        filters: str = "", business_unit: str = "") -> Path:
    """Write the findings (after the annual report summary, when given) as a Word document, atomically.

    Raises ``ReportError`` naming the file if it cannot be written."""
    with atomic_output(out_path) as temp:  # a folder that cannot be written to is refused before any work
        _build(findings, standards_set, summary, cycle=cycle, previous_cycle=previous_cycle, filters=filters,
               business_unit=business_unit).save(str(temp))
    return Path(out_path)


def _build(findings: Findings, standards_set: StandardsSet, summary: AnnualSummary | None, *, cycle: str,
           previous_cycle: str, filters: str, business_unit: str):
    document = Document()
    _page(document)
    _fonts(document)
    _language(document)
    title = f"Findings: {standards_set.title}" + (f", {cycle}" if cycle else "")
    properties = document.core_properties
    properties.title = title
    properties.subject = f"Safeguarding self-assessment findings, {standards_set.display_name}"
    properties.author = business_unit or "Safeguarding partnership business unit"
    properties.comments = f"Produced with s11audit {__version__}"
    properties.keywords = "safeguarding; self-assessment; findings"
    properties.last_modified_by = properties.author
    properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    _footer(document, title)

    writer = _Writer(document, findings, standards_set, previous_cycle)
    document.add_heading(title, level=0)
    if business_unit:
        writer.para(business_unit)
    _details(writer, findings, standards_set, cycle, filters)
    if summary is not None:
        writer.summary(summary)
    writer.response()
    writer.overview()
    writer.matrices()
    writer.areas()
    writer.standards()
    writer.agreement()
    return document


__all__ = ["item_result", "table", "write_findings_docx"]
