"""Charts for the findings PDF, drawn with reportlab graphics shapes in the grade scale's colours.

Own shapes rather than ``charts.barcharts``: long standard titles need exact control of where the
label ends and the bar starts, and a stacked bar needs the not-applicable and not-graded parts.
Every chart's figures are also printed as text or a table beside it (``findings_pdf``), for readers
who cannot see the chart. Text on a chart is at least 8 pt (the axis) and at least 4.5:1 against
its background (WCAG AA), and every drawing starts in the embedded body font, not Helvetica.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from s11audit.business_unit.findings_model import GradeFigures
from s11audit.figures import percent_text
from s11audit.reports.common import NOT_APPLICABLE_COLOUR, readable_text
from s11audit.reports.fonts import BOLD, REGULAR
from s11audit.standards import GradeScale

LABEL_WIDTH = 200.0  # points for the standard's name left of the bars
ROW = 21.0
BAR = 11.0
FONT = 7.5
AXIS_FONT = 8.0
NOT_GRADED_FILL = "#D5D8DC"
TRACK = colors.HexColor("#EEF0F3")
AXIS = colors.HexColor("#8A9099")  # the 0% and 100% lines
AXIS_TEXT = colors.HexColor("#595F66")  # 6.4:1 on white, 5.6:1 on the track
VALUE_INSIDE_FROM = 85  # % meeting from which the figure is written inside the bar's end (clear of the 100% line)


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose first font is the embedded body font (reportlab's default is Helvetica,
    which would be referenced in the PDF without being embedded)."""
    return Drawing(width, height, initialFontName=REGULAR, initialFontSize=FONT)


def fit(text: str, width: float, font: str = REGULAR, size: float = FONT) -> str:
    """``text`` shortened with an ellipsis so it fits ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def _rect(x: float, y: float, width: float, height: float, fill: Color, *, stroke: Color | None = None,
          stroke_width: float | None = None) -> Rect:
    """A filled rectangle, without an outline unless ``stroke`` is given. (Set as attributes, as
    reportlab's keywords would set them: types-reportlab types Rect's keywords wrongly.)"""
    rect = Rect(x, y, width, height)
    rect.fillColor, rect.strokeColor = fill, stroke
    if stroke_width is not None:
        rect.strokeWidth = stroke_width
    return rect


def _label(drawing: Drawing, text: str, y: float) -> None:
    """A row label right-aligned before the bars, on two lines when it is long (then cut short)."""
    width = LABEL_WIDTH - 8
    if stringWidth(text, REGULAR, FONT) <= width:
        drawing.add(String(LABEL_WIDTH - 5, y + 3, text, fontName=REGULAR, fontSize=FONT, textAnchor="end"))
        return
    words, first = text.split(), ""
    while words and stringWidth((first + " " + words[0]).strip(), REGULAR, FONT) <= width:
        first = (first + " " + words.pop(0)).strip()
    second = fit(" ".join(words), width)
    for line, dy in ((first, 7.5), (second, -1)):
        drawing.add(String(LABEL_WIDTH - 5, y + dy, line, fontName=REGULAR, fontSize=FONT, textAnchor="end"))


def _axis(drawing: Drawing, x0: float, plot: float, top: float, bottom: float) -> None:
    for tick in range(0, 101, 25):
        x = x0 + plot * tick / 100
        line = Line(x, bottom, x, top, strokeColor=AXIS if tick in (0, 100) else colors.HexColor("#D0D4DA"),
                    strokeWidth=0.4)
        if tick not in (0, 100):
            line.strokeDashArray = [2, 2]
        drawing.add(line)
        drawing.add(String(x, bottom - 10, f"{tick}%", fontName=REGULAR, fontSize=AXIS_FONT, fillColor=AXIS_TEXT,
                           textAnchor="middle"))


def meeting_chart(rows: list[tuple[str, float | None]], colour: str, width: float) -> Drawing:
    """One horizontal bar per standard: % meeting, the value written at the end of the bar."""
    height = ROW * len(rows) + 18
    drawing = _drawing(width, height)
    plot = width - LABEL_WIDTH - 34
    top = height - 2
    _axis(drawing, LABEL_WIDTH, plot, top, 14)
    fill = colors.HexColor(colour)
    for index, (label, value) in enumerate(rows):
        y = top - ROW * (index + 1) + (ROW - BAR) / 2
        _label(drawing, label, y)
        drawing.add(_rect(LABEL_WIDTH, y, plot, BAR, TRACK))
        if value is None:
            drawing.add(String(LABEL_WIDTH + 3, y + 3, "no grades", fontName=REGULAR, fontSize=FONT,
                               fillColor=AXIS_TEXT))
            continue
        end = LABEL_WIDTH + plot * value / 100
        drawing.add(_rect(LABEL_WIDTH, y, plot * value / 100, BAR, fill))
        if value >= VALUE_INSIDE_FROM:
            drawing.add(String(end - 3, y + 3, percent_text(value), fontName=BOLD, fontSize=FONT, textAnchor="end",
                               fillColor=colors.HexColor(readable_text(colour))))
        else:
            drawing.add(String(end + 3, y + 3, percent_text(value), fontName=BOLD, fontSize=FONT))
    return drawing


def _parts(scale: GradeScale, figures: GradeFigures) -> list[tuple[int, str, str]]:
    parts = [(n, scale.level(level_id).colour, scale.level(level_id).label) for level_id, n in figures.counts]
    parts.append((figures.not_applicable, NOT_APPLICABLE_COLOUR, scale.not_applicable_label))
    parts.append((figures.not_graded, NOT_GRADED_FILL, "Not graded"))
    return parts


def distribution_chart(rows: list[tuple[str, GradeFigures]], scale: GradeScale, width: float) -> Drawing:
    """One stacked bar per standard: the share of each grade (lowest first), then N/A and not graded."""
    legend = [(level.colour, level.label) for level in scale.levels]
    legend += [(NOT_APPLICABLE_COLOUR, scale.not_applicable_label), (NOT_GRADED_FILL, "Not graded")]
    lines = _legend_lines(legend, width)
    legend_height = 16 + 12 * (len(lines) - 1)
    height = ROW * len(rows) + 18 + legend_height
    drawing = _drawing(width, height)
    plot = width - LABEL_WIDTH - 10
    top = height - legend_height - 2
    _axis(drawing, LABEL_WIDTH, plot, top, 14)
    for index, (label, figures) in enumerate(rows):
        y = top - ROW * (index + 1) + (ROW - BAR) / 2
        _label(drawing, label, y)
        parts = _parts(scale, figures)
        total = sum(n for n, _, _ in parts)
        x = LABEL_WIDTH
        for n, colour, _ in parts:
            if not n or not total:
                continue
            w = plot * n / total
            drawing.add(_rect(x, y, w, BAR, colors.HexColor(colour), stroke=colors.white, stroke_width=0.3))
            share = 100 * n / total
            text = percent_text(share)
            if stringWidth(text, REGULAR, 7) + 3 < w:
                drawing.add(String(x + w / 2, y + 3, text, fontName=REGULAR, fontSize=7, textAnchor="middle",
                                   fillColor=colors.HexColor(readable_text(colour))))
            x += w
    # Legend along the top, lowest grade first as in the bars (on more lines when the labels are long).
    for number, line in enumerate(lines):
        span = sum(23 + stringWidth(label, REGULAR, FONT) for _, label in line) - 12
        x = max(0.0, min(LABEL_WIDTH, width - span))
        y = height - 11 - 12 * number
        for colour, label in line:
            drawing.add(_rect(x, y, 8, 8, colors.HexColor(colour)))
            drawing.add(String(x + 11, y + 1, label, fontName=REGULAR, fontSize=FONT))
            x += 11 + stringWidth(label, REGULAR, FONT) + 12
    return drawing


def _legend_lines(legend: list[tuple[str, str]], width: float) -> list[list[tuple[str, str]]]:
    """The legend's entries split into lines no wider than the drawing (one line when they fit)."""
    lines: list[list[tuple[str, str]]] = [[]]
    used = -12.0
    for entry in legend:
        size = 23 + stringWidth(entry[1], REGULAR, FONT)
        if lines[-1] and used + size > width:
            lines.append([])
            used = -12.0
        lines[-1].append(entry)
        used += size
    return lines


def inline_bar(value: float | None, colour: str, width: float = 60, height: float = 8) -> Drawing:
    """A small bar for a table cell: the share filled in ``colour`` on a light track."""
    drawing = _drawing(width, height + 2)
    drawing.add(_rect(0, 1, width, height, TRACK))
    if value is not None:
        drawing.add(_rect(0, 1, width * max(0.0, min(100.0, value)) / 100, height, colors.HexColor(colour)))
    return drawing
