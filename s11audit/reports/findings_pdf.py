"""The findings of an audit cycle as a PDF fit to paste into a partnership's annual report.

Title page (partnership, cycle, standards set, returns received of expected, basis), who returned
by sector and type, % meeting each standard as a bar chart and the spread of grades as stacked
bars (grade colours from the scale), the areas for development (weakest standards first, with
their actions), % meeting by sector and by type, the checklist results with small bars, change
since the last cycle in percentage points and the agreement of moderated with self-grades.
Its size depends on the standards set, not on the number of returns. Tables and styles come from
``pdf_parts``; page numbers from the return PDF's canvas; written through ``atomic``.

For a format 2 set (``findings_criteria_pdf``): the set's parts as headings, a table per
criterion-graded standard with the spread of its criteria's grades, % ticking each option of a
multi-select item, each date item's own window in words; % scores when the scale is scored.
Information standards have no grades, so they appear only in the checklist results.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from s11audit import __version__
from s11audit.business_unit.findings_model import Findings, ItemFindings
from s11audit.figures import percent_text, round_half_up
from s11audit.organisations import type_label
from s11audit.reports import findings_charts as charts
from s11audit.reports import findings_criteria_pdf as criteria
from s11audit.reports import pdf_parts as parts
from s11audit.reports.atomic import atomic_output
from s11audit.reports.common import numbered
from s11audit.reports.fonts import register_fonts
from s11audit.reports.pdf import _numbered_canvas, _ReturnDocument
from s11audit.standards import ItemType, StandardsSet

UP, DOWN = "#1E8449", "#B03A2E"
MATRIX_COLUMNS = 6  # at most this many sectors or types per table; more are split into balanced tables
MATRIX_FEWEST = 2  # sectors or types a matrix needs: with one it would repeat the overall figures
AREAS = 5  # weakest standards listed as areas for development


def pct(value: float | None) -> str:
    """A percentage as every report prints it: whole, rounded half up (``figures``)."""
    return percent_text(value)


def _day(value: dt.date) -> str:
    return value.strftime("%d %b %Y").lstrip("0")


def _points(change: float) -> str:
    """A change in whole percentage points (half up) with an arrow: "↑ 5 pp", "↓ 3 pp", "no change"."""
    shown = int(round_half_up(change))
    if shown == 0:
        return "no change"
    arrow = "\u2191" if shown > 0 else "\u2193"
    return f"{arrow} {abs(shown)} pp"


def _coloured_points(change: float, styles) -> Paragraph:
    shown = int(round_half_up(change))
    colour = UP if shown > 0 else DOWN if shown < 0 else "#555555"
    return Paragraph(f'<font color="{colour}"><b>{parts.esc(_points(change))}</b></font>', styles["Cell"])


def _title_page(findings: Findings, set_: StandardsSet, partnership: str, cycle: str, *, filters: str,
                produced: dt.date, styles, summary=None) -> list:
    """The cover: title, details and how to read the grades; with an annual report ``summary`` the first
    page is the title and the summary (what an annual report takes), the details and grades after it."""
    received = f"{findings.received:,}"
    if findings.expected:
        received += f" of {findings.expected:,} expected ({pct(findings.response_rate)})"
    basis = ("Moderated grades (the self-grade where no moderated grade was recorded)"
             if findings.basis == "moderated" else "Self-assessed grades")
    details = [("Cycle", cycle or "\u2013"), ("Standards set", f"{set_.title}, version {set_.version}"),
               ("Legal basis", set_.legal_basis), ("Returns received", received), ("Grades counted", basis)]
    if filters:
        details.append(("Returns included", filters))
    details.append(("Produced", _day(produced)))
    if findings.reference_date and findings.reference_date != produced:
        details.append(("Reference date", f"{_day(findings.reference_date)} (dates in the returns, such as training, "
                                          "are checked against this day)"))
    scale = set_.grade_scale
    story: list[Flowable] = [Spacer(1, 0.4 * cm if summary is not None else 1.5 * cm),
                             Paragraph("Safeguarding self-assessment findings", styles["Kicker"]),
                             parts.text_block(partnership or "Safeguarding partnership", styles["CoverTitle"]),
                             Paragraph(parts.esc(f"{set_.title}: {cycle}" if cycle else set_.title),
                                       styles["CoverSubtitle"])]
    if summary is not None:  # the annual report summary (business_unit.annual_summary) opens the report
        from s11audit.reports.summary_parts import summary_flowables

        story += [f for f in summary_flowables(summary) if not isinstance(f, PageBreak)]
        story += [CondPageBreak(9 * cm), Spacer(1, 0.5 * cm),  # the details and how to read the grades follow
                  Paragraph("About these findings", styles["Section"])]
    story += [Spacer(1, 0.6 * cm), parts.details_table(details, styles), Spacer(1, 0.6 * cm),
             Paragraph(f"How to read these findings: {parts.esc(scale.name)}", styles["Heading"]),
             parts.legend_table([(lv.label, lv.colour, lv.meaning) for lv in reversed(scale.levels)], styles),
             Spacer(1, 0.3 * cm),
             Paragraph(parts.esc(
                 f"\u201cMeeting\u201d a standard means a grade of {scale.level(scale.meets).label} or above. "
                 "Percentages meeting are of the organisations graded on the standard: not applicable and not "
                 "graded are shown in the spread of grades but left out of the percentage. Checklist "
                 "percentages are of the organisations to whom the item applies and who answered it."),
                 styles["Small"])]
    return [*story, PageBreak()]


def _response(findings: Findings, styles) -> list:
    total = findings.received or 1
    story: list[Flowable] = [Paragraph("Who returned", styles["Section"])]
    if findings.expected:
        story.append(Paragraph(parts.esc(f"{findings.received:,} of {findings.expected:,} organisations returned "
                                         f"the audit ({pct(findings.response_rate)})."), styles["Body"]))
    sector_rows = [["Sector", "Returns", "Share"]] + [[s or "Not known", f"{n:,}", pct(100 * n / total)]
                                                      for s, n in findings.by_sector]
    type_rows = [["Type", "Returns", "Share"]] + [[type_label(t), f"{n:,}", pct(100 * n / total)]
                                                  for t, n in findings.by_type]
    right = [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
    story += [Paragraph("By sector", styles["Heading"]),
              parts.grid(sector_rows, [10 * cm, 3 * cm, 3 * cm], styles, right),
              Paragraph("By type of organisation", styles["Heading"]),
              parts.grid(type_rows, [10 * cm, 3 * cm, 3 * cm], styles, right)]
    return story


def _charts(findings: Findings, set_: StandardsSet, styles) -> list:
    scale = set_.grade_scale
    meets = scale.level(scale.meets)
    labels = [numbered(f.number, f.title) for f in findings.standards]
    return [PageBreak(), Paragraph("Standards met", styles["Section"]),
            Paragraph(parts.esc(f"Organisations graded {meets.label} or above on each standard, "
                                "as a percentage of those graded on it."), styles["Body"]),
            charts.meeting_chart([(label, f.percent_meeting)
                                  for label, f in zip(labels, findings.standards, strict=True)],
                                 meets.colour, parts.WIDTH),
            Spacer(1, 0.5 * cm),
            KeepTogether([Paragraph("Spread of grades", styles["Heading"]),
                          charts.distribution_chart([(label, f.grades) for label, f in
                                                     zip(labels, findings.standards, strict=True)], scale,
                                                    parts.WIDTH)]),
            *_chart_figures(findings, set_, labels, styles)]


def _chart_figures(findings: Findings, set_: StandardsSet, labels: list[str], styles) -> list:
    """The figures both charts draw, as a table (a reader who cannot see the charts has them all):
    per standard how many were graded at each level, not applicable and not graded, and % meeting."""
    scale = set_.grade_scale
    levels = list(scale.levels)
    heads = [lv.label for lv in levels] + [scale.not_applicable_label, "Not graded"]
    first, last = 5.3 * cm, 1.9 * cm
    column = (parts.WIDTH - first - last) / len(heads)
    shown, key = parts.abbreviated(heads, column)
    rows = [["Standard", *shown, "Meeting"]]
    for label, f in zip(labels, findings.standards, strict=True):
        counts = dict(f.grades.counts)
        rows.append([label] + [f"{counts.get(lv.id, 0):,}" for lv in levels]
                    + [f"{f.grades.not_applicable:,}", f"{f.grades.not_graded:,}", pct(f.percent_meeting)])
    story = [CondPageBreak(5 * cm), Paragraph("The figures in the charts", styles["Heading"]),
             Paragraph("Organisations at each grade on each standard, and the percentage meeting it.", styles["Small"]),
             parts.grid(rows, [first] + [column] * len(heads) + [last], styles, [("ALIGN", (1, 1), (-1, -1), "RIGHT")])]
    if key:
        story.append(Paragraph(parts.esc(parts.key_text(key)), styles["Small"]))
    return story


def _areas(findings: Findings, styles) -> list:
    story = [CondPageBreak(6 * cm), Paragraph("Areas for development", styles["Section"])]
    weakest = [f for f in findings.weakest if f.grades.below][:AREAS]
    if not weakest:
        return [*story, Paragraph("Every organisation graded met every standard.", styles["Body"])]
    story.append(Paragraph("The standards with the lowest share of organisations meeting them, weakest first, "
                           "with the actions organisations set themselves.", styles["Body"]))
    rows = [["", "Standard", "Meeting", "Below", "Actions", "Open"]]
    for rank, f in enumerate(weakest, start=1):
        rows.append([str(rank), numbered(f.number, f.title), pct(f.percent_meeting), f"{f.grades.below:,}",
                     f"{f.actions:,}", f"{f.open_actions:,}"])
    widths = [0.8 * cm, 8.6 * cm, 2 * cm, 1.8 * cm, 2 * cm, 1.8 * cm]
    return [*story, parts.grid(rows, widths, styles, [("ALIGN", (2, 1), (-1, -1), "RIGHT")])]


def _matrix(findings: Findings, title: str, attribute: str, label, styles) -> list:
    keys: list[str] = []
    for f in findings.standards:
        for key, _ in getattr(f, attribute):
            if key not in keys:
                keys.append(key)
    if len(keys) < MATRIX_FEWEST:
        return []
    order = [k for k, _ in (findings.by_sector if attribute == "by_sector" else findings.by_type) if k in keys]
    story = [CondPageBreak(5 * cm), Paragraph(title, styles["Heading"])]
    # Balanced tables (8 types: 4 + 4), never a last table with a single column.
    tables = -(-len(order) // MATRIX_COLUMNS)
    size = -(-len(order) // tables)
    for start in range(0, len(order), size):
        chunk = order[start:start + size]
        column = (parts.WIDTH - 5.5 * cm) / len(chunk)
        heads, key = parts.abbreviated([label(k) for k in chunk], column)
        rows = [["Standard", *heads]]
        for f in findings.standards:
            figures = dict(getattr(f, attribute))
            rows.append([numbered(f.number, f.title)] + [pct(figures[k].percent_meeting) if k in figures else "\u2013"
                                                         for k in chunk])
        story.append(parts.grid(rows, [5.5 * cm] + [column] * len(chunk), styles,
                                [("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
        if key:
            story.append(Paragraph(parts.esc(parts.key_text(key)), styles["Small"]))
        story.append(Spacer(1, 0.3 * cm))
    return story


def item_result(item: ItemFindings, set_: StandardsSet) -> str:
    """One item's figures in words, as the checklist table shows them."""
    if item.type is ItemType.YES_NO:
        text = f"{pct(item.percent_yes)} yes"
        return text + (f", {pct(item.percent_partly)} partly" if set_.item(item.item_id).partly else "")
    if item.type in (ItemType.NUMBER, ItemType.PERCENTAGE) and item.numbers:
        n = item.numbers
        unit = "%" if item.type is ItemType.PERCENTAGE else ""
        return (f"median {n.median:g}{unit}, range {n.minimum:g}\u2013{n.maximum:g}{unit}, "
                f"mean {round_half_up(n.mean, 1):.1f}{unit}")
    if item.type is ItemType.DATE and item.dates:
        d = item.dates
        return f"{pct(d.percent_recent)} {item.within_words}; {_day(d.oldest)} to {_day(d.newest)}"
    if item.type is ItemType.CHOICE and item.answered:
        return "; ".join(f"{c} {pct(100 * n / item.answered)}" for c, n in item.choices)
    if item.type is ItemType.MULTI_CHOICE and item.answered:
        top, share = max(item.choice_percents, key=lambda pair: pair[1] or 0)
        return f"most ticked: {top} ({pct(share)} of the {item.answered:,} who answered); every option below"
    if item.type is ItemType.GRADED and item.grades:
        return f"{pct(item.grades.percent_meeting)} {set_.grade_scale.level(set_.grade_scale.meets).label} or above"
    if item.type is ItemType.TEXT:
        return "written answers (in the workbook)"
    return "no answers"


def _checklists(findings: Findings, set_: StandardsSet, styles) -> list:
    meets = set_.grade_scale.level(set_.grade_scale.meets).colour
    story = [PageBreak(), Paragraph("Checklist results", styles["Section"]),
             Paragraph("For each item: how many of the organisations to whom it applies answered it (answered / "
                       "respondents), and what they answered. The bar shows the item's main figure (yes, met, recent, "
                       "or the mean percentage)."
                       + (" A multi-select item gives the share of those who answered it ticking each option, so the "
                          "options add up to more than 100%."
                          if any(i.type is ItemType.MULTI_CHOICE for i in findings.items) else ""), styles["Body"])]
    with_items = [s.id for s in set_.standards if any(i.standard_id == s.id for i in findings.items)]
    headings = criteria.part_headings(findings, set_, with_items, styles)
    for standard in set_.standards:
        items = [i for i in findings.items if i.standard_id == standard.id]
        if not items:
            continue
        story += headings.get(standard.id, [])
        rows: list[list[parts.Cell]] = [["No.", "Checklist item", "Answered", "Result", ""]]
        for item in items:
            bar = charts.inline_bar(item.headline, meets, width=1.5 * cm) if item.headline is not None else ""
            rows.append([item.item_id, item.label, f"{item.answered:,} / {item.respondents:,}",
                         item_result(item, set_), bar])
        first = parts.id_width([item.item_id for item in items], 1.1 * cm)
        story += [CondPageBreak(4 * cm),
                  Paragraph(parts.esc(numbered(standard.number, standard.title)), styles["Heading"]),
                  parts.grid(rows, [first, 7.7 * cm - first, 2.5 * cm, 4.8 * cm, 2.0 * cm], styles,
                             [("VALIGN", (4, 1), (4, -1), "MIDDLE")])]
        story += criteria.option_tables([i for i in items if i.type is ItemType.MULTI_CHOICE], meets, styles)
    return story


def _change(findings: Findings, previous_cycle: str, styles) -> list:
    if not findings.has_previous:
        return []
    since = f" since {previous_cycle}" if previous_cycle else " since the last cycle"
    story = [PageBreak(), Paragraph(parts.esc(f"Change{since}"), styles["Section"]),
             Paragraph("In whole percentage points (pp); only standards and items in both cycles with a figure in "
                       "each.", styles["Body"])]
    for title, changes, head in (("Standards: % meeting", findings.standard_changes, "Standard"),
                                 ("Checklist items: main figure", findings.item_changes, "Checklist item")):
        if not changes:
            continue
        rows: list[list[parts.Cell]] = [[head, "Last cycle", "This cycle", "Change"]]
        rows += [[c.label if head == "Standard" else f"{c.id} {c.label}", pct(c.previous), pct(c.current),
                  _coloured_points(c.points, styles)] for c in changes]
        story += [Paragraph(title, styles["Heading"]),
                  parts.grid(rows, [9.5 * cm, 2.4 * cm, 2.4 * cm, 2.7 * cm], styles,
                             [("ALIGN", (1, 1), (2, -1), "RIGHT")])]
    return story


def _agreement(findings: Findings, styles) -> list:
    if not findings.agreement.moderated:
        return []
    a = findings.agreement
    story = [CondPageBreak(6 * cm), Paragraph("Moderation: agreement with self-grades", styles["Section"]),
             Paragraph(parts.esc(f"The business unit moderated {a.moderated:,} grades and agreed with the self-grade "
                                 f"in {a.agreed:,} ({pct(a.percent)})."), styles["Body"])]
    rows = [["Standard", "Moderated", "Agreed", "Agreement"]]
    rows += [[numbered(f.number, f.title), f"{f.agreement.moderated:,}", f"{f.agreement.agreed:,}",
              pct(f.agreement.percent)] for f in findings.standards if f.agreement.moderated]
    return [*story, parts.grid(rows, [9.5 * cm, 2.4 * cm, 2.4 * cm, 2.7 * cm], styles,
                               [("ALIGN", (1, 1), (-1, -1), "RIGHT")])]


def write_findings_pdf(findings: Findings, standards_set: StandardsSet, out_path: Path | str, *,  # noqa: PLR0913  # keyword-only options, each with a default
                       partnership: str = "", cycle: str = "", previous_cycle: str = "", filters: str = "",
                       author: str = "", produced: dt.date | None = None, summary=None) -> Path:
    """Write the findings PDF to ``out_path`` atomically; returns the path.

    ``filters`` says in words which returns are included (e.g. "Sector: Health") when not all.
    ``author`` (the PDF's author: the business unit's name) defaults to ``partnership``, then to
    ``pdf_parts.DEFAULT_BUSINESS_UNIT``; ``produced`` (default today) is printed as the day the report
    was made, and the findings' reference date, when it differs, as such.
    Raises ``ReportError`` naming the file if it cannot be written.
    """
    register_fonts()
    styles = parts.make_styles()
    story = _title_page(findings, standards_set, partnership, cycle, filters=filters,
                        produced=produced or dt.date.today(), styles=styles, summary=summary)
    story += _response(findings, styles)
    story += _charts(findings, standards_set, styles)
    story += criteria.scores(findings, standards_set, styles)
    story += _areas(findings, styles)
    story += criteria.criteria_section(findings, standards_set, styles)
    matrices = (_matrix(findings, "% meeting by sector", "by_sector", lambda key: key or "Not known", styles)
                + _matrix(findings, "% meeting by type of organisation", "by_type", type_label, styles))
    if matrices:
        story += [PageBreak(), Paragraph("Standards met by sector and type", styles["Section"]), *matrices]
    story += _agreement(findings, styles)
    story += _checklists(findings, standards_set, styles)
    story += _change(findings, previous_cycle, styles)
    header = " \u2013 ".join(x for x in (partnership, cycle, standards_set.title, "Findings") if x)
    with atomic_output(out_path) as temp:
        doc = _ReturnDocument(str(temp), **parts.document_properties(
            f"Findings: {standards_set.title} {cycle}".strip(), f"Findings, {standards_set.display_name}",
            author or partnership))
        doc.build(story, canvasmaker=_numbered_canvas(header, f"Produced with s11audit {__version__}"))
    return Path(out_path)


__all__ = ["item_result", "pct", "write_findings_pdf"]
