"""The annual report summary (``business_unit.annual_summary``) as the findings PDF's opening page
(reportlab flowables) and as the findings workbook's "Summary" sheet (openpyxl, normal or write-only).

Percentages are printed as whole numbers rounded half up (``figures``); in the workbook they are
stored as fractions formatted "0%", so they stay numbers a reader can sort and chart.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph

from s11audit.business_unit.annual_summary import AnnualSummary, ResponseRate
from s11audit.figures import percent_text
from s11audit.reports import pdf_parts as parts
from s11audit.reports import xlsx_print
from s11audit.reports.xlsx import HEADER_FILL, HEADER_FONT, put_text

SHEET = "Summary"
# The sheet's columns from this one (0-based: "This cycle" and last cycle's) hold fractions shown as %.
PERCENT_COLUMNS_FROM = 3


def _last(summary: AnnualSummary) -> str:
    return summary.previous_cycle or "Last cycle"


def _right(styles, values: list[str]) -> list:
    """Figures in cells aligned right (a table's ALIGN does not move a paragraph's text)."""
    style = ParagraphStyle("CellRight", parent=styles["Cell"], alignment=TA_RIGHT)
    return [Paragraph(parts.esc(v), style) for v in values]


def _rate_row(rate: ResponseRate, styles) -> list:
    return [rate.label, *_right(styles, [f"{rate.received:,}", f"{rate.expected:,}", percent_text(rate.percent),
                                         percent_text(rate.previous_percent)])]


def _opening(summary: AnnualSummary) -> str:
    r = summary.response
    text = f"{r.received:,} of {r.expected:,} organisations returned the audit ({percent_text(r.percent)}"
    if r.previous_percent is not None and summary.previous_cycle:
        text += f"; {percent_text(r.previous_percent)} in {summary.previous_cycle}"
    return text + ")."


def summary_flowables(summary: AnnualSummary) -> list:
    """The summary as reportlab flowables, ending with a page break (fonts registered by the caller)."""
    styles = parts.make_styles()
    title = f"Annual report summary: {summary.cycle}" if summary.cycle else "Annual report summary"
    story: list[Flowable] = [Paragraph(parts.esc(title), styles["Section"])]
    if summary.business_unit:
        story.append(Paragraph(parts.esc(summary.business_unit), styles["Note"]))
    story.append(Paragraph(parts.esc(_opening(summary)), styles["Body"]))
    widths = [7.6 * cm, 2.2 * cm, 2.2 * cm, 2.4 * cm, 2.6 * cm]
    rows = [["Response rate", "Received", "Expected", "This cycle", _last(summary)],
            _rate_row(summary.response, styles)]
    for label, rates in (("By type", summary.by_type), ("By sector", summary.by_sector)):
        if rates:
            rows += [[Paragraph(f"<b>{label}</b>", styles["Cell"]), "", "", "", ""]]
            rows += [_rate_row(r, styles) for r in rates]
    story.append(parts.grid(rows, widths, styles))
    story.append(Paragraph("Headline measures", styles["Heading"]))
    if summary.measures:
        story += [Paragraph("\u2022 " + parts.esc(m.sentence), styles["Body"]) for m in summary.measures]
        table = [["Measure", "Answered", "This cycle", _last(summary)]]
        table += [[m.label, *_right(styles, [f"{m.respondents:,}", percent_text(m.percent),
                                             percent_text(m.previous_percent)])] for m in summary.measures]
        story.append(parts.grid(table, [9.6 * cm, 2.2 * cm, 2.4 * cm, 2.8 * cm], styles))
    else:
        story.append(Paragraph("No headline measures were chosen for this cycle.", styles["Body"]))
    if summary.weakest:
        story.append(Paragraph("Weakest standards", styles["Heading"]))
        story += [Paragraph("\u2022 " + parts.esc(w), styles["Body"]) for w in summary.weakest]
    if summary.common_actions:
        table = [["Standard", "Actions"]] + [[s, *_right(styles, [f"{n:,}"])] for s, n in summary.common_actions]
        story.append(KeepTogether([Paragraph("Actions most often planned", styles["Heading"]),
                                   parts.grid(table, [14.2 * cm, 2.8 * cm], styles)]))
    return [*story, PageBreak()]


# --- the workbook ----------------------------------------------------------------------------------

WIDTHS = (62, 10, 10, 11, 12)  # 105 in all: fits A4 portrait


def _fraction(value: float | None) -> float | None:
    return None if value is None else value / 100


def _rows(summary: AnnualSummary) -> list[tuple[list, str]]:
    """The sheet's rows, each with its kind: "title", "head" (a table's header row) or "" (figures)."""
    last = _last(summary)
    rows: list[tuple[list, str]] = [([f"Annual report summary: {summary.cycle}"], "title")]
    if summary.business_unit:
        rows.append(([summary.business_unit], ""))
    rows.append(([_opening(summary)], ""))
    rows.append(([], ""))
    rows.append((["Response rate", "Received", "Expected", "This cycle", last], "head"))
    rates = [summary.response, *summary.by_type, *summary.by_sector]
    kinds = ["All"] + ["Type"] * len(summary.by_type) + ["Sector"] * len(summary.by_sector)
    for kind, r in zip(kinds, rates, strict=True):
        label = r.label if kind == "All" else f"{kind}: {r.label}"
        rows.append(([label, r.received, r.expected, _fraction(r.percent), _fraction(r.previous_percent)], ""))
    rows.append(([], ""))
    rows.append((["Headline measure", "Answered", "", "This cycle", last], "head"))
    for m in summary.measures:
        rows.append(([m.sentence, m.respondents, None, _fraction(m.percent), _fraction(m.previous_percent)], ""))
    if summary.weakest:
        rows += [([], ""), (["Weakest standards"], "head")] + [([w], "") for w in summary.weakest]
    if summary.common_actions:
        rows += [([], ""), (["Actions most often planned", "Actions"], "head")]
        rows += [([s, n], "") for s, n in summary.common_actions]
    return rows


def write_summary_sheet(workbook, summary: AnnualSummary, index: int | None = None):
    """Add the "Summary" sheet to ``workbook`` (at ``index``, default last) and return it. Works on a
    write-only workbook too (its page setup is made before the rows are written)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(SHEET, index)
    rows = _rows(summary)
    for n, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    title = workbook.properties.title or f"Annual report summary {summary.cycle}"
    xlsx_print.page_setup(sheet, title, widths=WIDTHS, rows=len(rows), header_rows=0)
    for number, (values, kind) in enumerate(rows, start=1):
        cells = []
        for column, value in enumerate(values):
            cell = WriteOnlyCell(sheet)
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = value
                if isinstance(value, float) and column >= PERCENT_COLUMNS_FROM:
                    cell.number_format = xlsx_print.PERCENT
            if kind == "head":
                cell.fill, cell.font = HEADER_FILL, HEADER_FONT
            elif kind == "title":
                cell.font = xlsx_print.font(bold=True, size=14)
            else:
                cell.font = xlsx_print.font()
            cell.alignment = Alignment(wrap_text=column == 0, vertical="top")
            cells.append(cell)
        height = xlsx_print.row_height([(values[0], WIDTHS[0], kind == "head")]) if values else None
        if kind == "title":
            height = 22
        if height:  # before the row is written (write-only sheets)
            sheet.row_dimensions[number].height = height
        sheet.append(cells)
    return sheet
