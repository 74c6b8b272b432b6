"""How every workbook s11audit writes prints: one page setup, named fonts and row heights for wrapped text.

Excel and LibreOffice print a sheet with no page setup a column or two per page (the action plan
took 7 A4 pages, the findings workbook 1,398), and neither grows a row for wrapped text in a file
they did not lay out themselves, so long text prints cut off or over the next row. Every sheet of
the action plan, findings, chase list, peer outcomes and standards template workbooks therefore
gets :func:`page_setup` (A4, portrait or landscape by the columns' total width, fitted to the page
width and as many pages long as it takes, the header row(s) repeated, a print area, the document's
title at the top and "Page n of m" at the foot) and, where text wraps, :func:`fit_rows` /
:func:`row_height`.

Fonts are named: a font given without a name is shown by LibreOffice in a serif face. Arial is on
every Windows and Mac computer and has metric-compatible stand-ins on Linux (Liberation Sans,
Nimbus Sans), so the row heights estimated here hold wherever the workbook is printed; Calibri,
openpyxl's default, falls back to the much wider DejaVu Sans there. :func:`use_print_font` makes
Arial the workbook's default font, which also covers cells written as raw XML (the findings' Data
sheet) without a style of their own.

Numbers that people sort by (standard numbers "1" ... "12") are stored as numbers when they are
whole numbers (:func:`sortable`), so a sort gives 1, 2, ..., 10 and not 1, 10, 11, 2.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "Arial"
FONT_SIZE = 10
LINE_POINTS = 12.75  # one line of 10 point Arial, as Excel spaces it (LibreOffice: about 11.5)
ROW_POINTS = 12.75  # a row of one line (openpyxl's default, 15, is for 11 point Calibri)
MAX_ROW_POINTS = 409  # the tallest row Excel allows
# Characters of ordinary text per unit of column width (a unit is one digit of the default font,
# 7 pixels at 96 dpi): English sentences in Arial 10 measure 1.11 to 1.2 characters a unit as
# Excel lays them out on screen, LibreOffice fits about 1.25; kept low so that a line is rather
# counted once too often than cut off at the foot of its row.
CHARS_PER_WIDTH = 1.1
BOLD_CHARS_PER_WIDTH = 1.0
# The widest sheet (sum of column widths, in characters) still printed portrait on A4: about 95
# fit at full size between 1.3 cm margins, 115 at 85% (8.5 point text); a portrait page holds half
# as many rows again as a landscape one, so a sheet up to this wide is shrunk rather than turned.
PORTRAIT_WIDTH = 115
PAPER_A4 = "9"  # the paper size code (Worksheet.PAPERSIZE_A4; write-only sheets lack the name)
PAGE_FOOTER = "Page &P of &N"
TITLE_CHARACTERS = 160  # Excel refuses a header longer than 255 characters, codes included
PERCENT = "0%"  # whole percentages, as the PDFs print them (the findings' own sheets show one decimal)
_WHOLE = re.compile(r"[0-9]{1,9}")


def font(**kwargs) -> Font:
    """A named font (Arial 10 unless ``size`` is given): ``font(bold=True, color="FFFFFF")``."""
    kwargs.setdefault("size", FONT_SIZE)
    return Font(name=FONT_NAME, **kwargs)


def use_print_font(workbook) -> None:
    """Make Arial 10 the workbook's default font (the font of every cell without one of its own).

    Call it on a new workbook before any cell is styled. openpyxl keeps its fonts in a list whose
    first entry is the default (the Normal style points at it); there is no public way to set it.
    """
    default = Font(name=FONT_NAME, sz=FONT_SIZE, family=2, scheme=None)
    fonts: IndexedList[Font] = IndexedList()
    fonts.add(default)
    workbook._fonts = fonts
    for style in workbook._named_styles:
        if style.name == "Normal":
            style.font = copy.copy(default)


def first_sheet(workbook: Workbook) -> Worksheet:
    """The worksheet a new workbook starts with (openpyxl always makes one; its stubs allow none)."""
    sheet = workbook.active
    if not isinstance(sheet, Worksheet):
        raise TypeError("a new workbook starts with one worksheet")
    return sheet


def name_fonts(sheet) -> None:
    """Give every font on ``sheet`` that has no name (``Font(bold=True)``) the print font's name."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.has_style and not cell.font.name:
                cell.font = _named(cell.font)


def _named(given: Font) -> Font:
    named = copy.copy(given)
    named.name = FONT_NAME
    if not named.sz:
        named.sz = FONT_SIZE
    return named


def sortable(number: str):
    """A standard's (or criterion's) number as it sorts: a whole number ("10") as the number 10,
    anything else ("2a", "3.10", where 3.10 is not 3.1) as its text."""
    return int(number) if isinstance(number, str) and _WHOLE.fullmatch(number) else number


def _lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes in a column ``width`` wide."""
    per_line = max(1, int(width * (BOLD_CHARS_PER_WIDTH if bold else CHARS_PER_WIDTH)))
    count = 0
    for part in text.rstrip("\n").split("\n"):
        # Word by word, as the spreadsheet wraps: a word that does not fit starts the next line.
        line, lines = 0, 1
        for word in part.split():
            size = len(word)
            while size > per_line:  # a word longer than the line is broken
                if line:
                    lines += 1
                size -= per_line
                line = per_line
            if not line:
                line = size
            elif line + 1 + size <= per_line:
                line += 1 + size
            else:
                lines += 1
                line = size
        count += lines
    return max(1, count)


def row_height(cells: Iterable[tuple[object, float, bool]], size: float = FONT_SIZE) -> float | None:
    """The height (points) a row needs for its wrapped texts, given (value, column width, bold) per
    wrapped cell; None when every text fits on one line (the default height is right)."""
    lines = 1
    for value, width, bold in cells:
        if isinstance(value, str) and value:
            lines = max(lines, _lines(value, width, bold))
    if lines == 1 and size <= FONT_SIZE:
        return None
    return min(math.ceil(lines * LINE_POINTS * size / FONT_SIZE) + 2, MAX_ROW_POINTS)


def column_widths(sheet, columns: int) -> list[float]:
    """The widths of ``sheet``'s first ``columns`` columns (10, Excel's default, where none is set)."""
    return [sheet.column_dimensions[get_column_letter(n)].width or 10 for n in range(1, columns + 1)]


def fit_rows(sheet, first_row: int = 1) -> None:
    """Set the height of every row of ``sheet`` (a normal, not write-only, sheet) whose wrapped text
    takes more than one line. Merged cells count with the width of all their columns."""
    widths = column_widths(sheet, sheet.max_column)
    merged = {(r.min_row, r.min_col): sum(widths[c - 1] for c in range(r.min_col, r.max_col + 1))
              for r in sheet.merged_cells.ranges}
    for row in sheet.iter_rows(min_row=first_row):
        cells, size = [], FONT_SIZE
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value or not cell.alignment.wrap_text:
                continue
            width = merged.get((cell.row, cell.column), widths[cell.column - 1])
            cells.append((cell.value, width - 2 * (cell.alignment.indent or 0), bool(cell.font.b)))
            size = max(size, cell.font.sz or FONT_SIZE)
        height = row_height(cells, size)
        if height:
            sheet.row_dimensions[row[0].row].height = height


def header_text(title: str) -> str:
    """``title`` as header text: shortened, one line, its ampersands doubled (& starts a code)."""
    title = " ".join(title.split())
    if len(title) > TITLE_CHARACTERS:
        title = title[:TITLE_CHARACTERS - 1].rstrip() + "\u2026"
    return title.replace("&", "&&")


def page_setup(sheet, title: str, *, widths: Sequence[float], rows: int, header_rows: int = 1,
               pages_wide: int = 1, title_columns: str = "", landscape: bool | None = None) -> None:
    """How ``sheet`` prints: A4, landscape when its columns' total width needs it (or as ``landscape``
    says), ``pages_wide`` pages wide (1: fitted to the page width) and as many long as it takes,
    rows 1 to ``header_rows`` repeated on every page (and ``title_columns`` such as "A:B" on every
    page across), the print area its ``len(widths)`` columns by ``rows`` rows, ``title`` at the top
    of each page and the sheet's name and "Page n of m" at the foot. Works on write-only sheets
    too (before their rows are written)."""
    # The height of a row of one line of Arial 10: rows with no height of their own are not spaced
    # for a larger font. (A write-only sheet writes this as it starts: call before its first row.)
    sheet.sheet_format.defaultRowHeight = ROW_POINTS
    sheet.sheet_format.customHeight = True
    setup = sheet.page_setup
    wide = sum(widths) > PORTRAIT_WIDTH if landscape is None else landscape
    setup.orientation = "landscape" if wide else "portrait"
    setup.paperSize = PAPER_A4
    setup.fitToWidth, setup.fitToHeight = max(1, pages_wide), 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    margins = sheet.page_margins
    margins.left = margins.right = 0.5
    margins.top = margins.bottom = 0.5  # inches: room for the title and page number, little more
    margins.header = margins.footer = 0.2
    if header_rows:
        sheet.print_title_rows = f"1:{header_rows}"
    if title_columns:
        sheet.print_title_cols = title_columns
    sheet.print_area = f"A1:{get_column_letter(max(1, len(widths)))}{max(1, rows)}"
    head, foot = sheet.oddHeader, sheet.oddFooter
    head.center.text, head.center.font, head.center.size = header_text(title), f"{FONT_NAME},Bold", FONT_SIZE
    foot.left.text, foot.left.font, foot.left.size = "&A", FONT_NAME, 8
    foot.center.text, foot.center.font, foot.center.size = PAGE_FOOTER, FONT_NAME, 8


def print_ready(sheet, title: str, *, header_rows: int = 1, first_fitted_row: int = 1, **options) -> None:
    """A normal sheet, once filled in, made ready to print: fonts named, wrapped rows given their
    height, and :func:`page_setup` over its used columns and rows."""
    name_fonts(sheet)
    fit_rows(sheet, first_fitted_row)
    page_setup(sheet, title, widths=column_widths(sheet, sheet.max_column), rows=sheet.max_row,
               header_rows=header_rows, **options)
