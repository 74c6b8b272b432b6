"""The findings charts as PNG images (Pillow, already installed with reportlab) for the Word document.

ReportLab's bitmap renderer needs a Cairo binding the app does not ship, and the PDF's charts
(``findings_charts``) are vector drawings, so the same two charts are drawn here as pixels: % meeting
each standard as horizontal bars, and the spread of grades as stacked bars in the scale's colours.
Drawn at about 250 dots per inch for a 16 cm wide picture, in the bundled DejaVu Sans, text in near
black on white (axis text included), every percentage rounded half up (``figures``).
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from s11audit.business_unit.findings_model import GradeFigures
from s11audit.figures import percent_text
from s11audit.paths import resources_dir
from s11audit.reports.common import NOT_APPLICABLE_COLOUR, readable_text
from s11audit.standards import GradeScale

WIDTH = 1600  # pixels for 16 cm
LABEL = 560  # pixels for the standard's name left of the bars
ROW, BAR = 64, 36
TEXT, AXIS, TRACK = "#1F2933", "#52606D", "#E4E7EB"
NOT_GRADED_FILL = "#D5D8DC"
SIZE = 26  # pixels: about 7.5 pt at 16 cm wide


def _font(bold: bool = False, size: int = SIZE) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resources_dir() / "fonts" / name), size)


def _fit(draw: ImageDraw.ImageDraw, text: str, width: int, font) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "\u2026", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def _label(draw: ImageDraw.ImageDraw, text: str, y: int, font) -> None:
    """The row's label right-aligned before the bars, on two lines when long (then shortened)."""
    width = LABEL - 24
    if draw.textlength(text, font=font) <= width:
        lines = [text]
    else:
        words, first = text.split(), ""
        while words and draw.textlength((first + " " + words[0]).strip(), font=font) <= width:
            first = (first + " " + words.pop(0)).strip()
        lines = [first, _fit(draw, " ".join(words), width, font)]
    top = y + BAR // 2 - len(lines) * (SIZE + 4) // 2
    for n, line in enumerate(lines):
        draw.text((LABEL - 16, top + n * (SIZE + 4)), line, font=font, fill=TEXT, anchor="ra")


def _axis(draw: ImageDraw.ImageDraw, x0: int, plot: int, top: int, bottom: int, font) -> None:
    for tick in range(0, 101, 25):
        x = x0 + plot * tick // 100
        draw.line([(x, top), (x, bottom)], fill=AXIS if tick in (0, 100) else "#BCC3CB", width=2)
        draw.text((x, bottom + 8), f"{tick}%", font=font, fill=TEXT, anchor="ma")


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(254, 254), compress_level=3)
    return buffer.getvalue()


def meeting_png(rows: list[tuple[str, float | None]], colour: str) -> bytes:
    """One bar per row: % meeting, the figure written beside the bar."""
    font, bold = _font(), _font(bold=True)
    height = ROW * len(rows) + 60
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    plot = WIDTH - LABEL - 110
    _axis(draw, LABEL, plot, 6, height - 50, font)
    for index, (label, value) in enumerate(rows):
        y = 6 + ROW * index + (ROW - BAR) // 2
        _label(draw, label, y, font)
        draw.rectangle([LABEL, y, LABEL + plot, y + BAR], fill=TRACK)
        if value is None:
            draw.text((LABEL + 8, y + BAR // 2), "no grades", font=font, fill=TEXT, anchor="lm")
            continue
        end = LABEL + round(plot * max(0.0, min(100.0, value)) / 100)
        draw.rectangle([LABEL, y, end, y + BAR], fill=colour)
        draw.text((end + 10, y + BAR // 2), percent_text(value), font=bold, fill=TEXT, anchor="lm")
    return _png(image)


def _parts(scale: GradeScale, figures: GradeFigures) -> list[tuple[int, str]]:
    parts = [(n, scale.level(level_id).colour) for level_id, n in figures.counts]
    return [*parts, (figures.not_applicable, NOT_APPLICABLE_COLOUR), (figures.not_graded, NOT_GRADED_FILL)]


def spread_png(rows: list[tuple[str, GradeFigures]], scale: GradeScale) -> bytes:
    """One stacked bar per row: the share of each grade (lowest first), then N/A and not graded, with a legend."""
    font, small = _font(), _font(size=22)
    legend = [(level.colour, level.label) for level in scale.levels]
    legend += [(NOT_APPLICABLE_COLOUR, scale.not_applicable_label), (NOT_GRADED_FILL, "Not graded")]
    probe = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for colour, label in legend:
        size = 60 + probe.textlength(label, font=font)
        if lines[-1] and used + size > WIDTH - 20:
            lines.append([])
            used = 0.0
        lines[-1].append((colour, label))
        used += size
    legend_height = 44 * len(lines) + 10
    height = legend_height + ROW * len(rows) + 60
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        x, y = 10, 8 + 44 * n
        for colour, label in line:
            draw.rectangle([x, y + 4, x + 26, y + 30], fill=colour, outline=AXIS)
            draw.text((x + 36, y + 17), label, font=font, fill=TEXT, anchor="lm")
            x += 60 + round(draw.textlength(label, font=font))
    plot = WIDTH - LABEL - 20
    _axis(draw, LABEL, plot, legend_height, height - 50, font)
    for index, (label, figures) in enumerate(rows):
        y = legend_height + ROW * index + (ROW - BAR) // 2
        _label(draw, label, y, font)
        parts = _parts(scale, figures)
        total = sum(n for n, _ in parts)
        left = float(LABEL)
        for n, colour in parts:
            if not n or not total:
                continue
            w = plot * n / total
            draw.rectangle([round(left), y, round(left + w), y + BAR], fill=colour, outline="white", width=2)
            text = percent_text(100 * n / total)
            if draw.textlength(text, font=small) + 8 < w:
                draw.text((left + w / 2, y + BAR // 2), text, font=small, fill=readable_text(colour), anchor="mm")
            left += w
    return _png(image)


__all__ = ["meeting_png", "spread_png"]
