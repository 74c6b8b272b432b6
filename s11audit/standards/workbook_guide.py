"""The Instructions sheet of a standards workbook: how to fill it in, sheet by sheet and column by column.

Written from the same layout (``workbook.SHEETS``) the reader uses, so the instructions never
describe a column the reader does not know.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from s11audit.organisations import ORGANISATION_TYPES
from s11audit.standards.workbook import INSTRUCTIONS, SHEETS, row_height

_TITLE = Font(bold=True, size=14)
_HEADING = Font(bold=True, size=12)
_BOLD = Font(bold=True)
_BAND = PatternFill("solid", fgColor="DCE6F1")
_WRAP = Alignment(vertical="top", wrap_text=True)

RULES = (
    "Fill in one sheet per part of the set; keep the header row (row 1) as it is. Hover over a header to see "
    "what the column holds; the list of every column is below.",
    "Ids, numbers, versions and dates are text: the cells are formatted as text so that Excel keeps 3.10 and "
    "2026-09-01 as you typed them. Write dates as YYYY-MM-DD.",
    "A blank cell means 'not given'. Yes/no columns take yes, no or blank (blank: the default).",
    "Columns with a drop-down take one of its entries. applies_to and organisation_kinds take several, separated "
    "by commas; choices take one option per line (Alt+Enter in the cell) or options separated by ' | '.",
    "Rows are read in order: standards, criteria and items appear in the app in the order of their rows. A row "
    "of the Criteria or Items sheet belongs to the standard named in its first column.",
    "Formulas are never calculated: type values, not formulas.",
    "Every standard, criterion and item id must be unique in the set; a changed set needs a new version.",
    "When done, turn the workbook into a set file: in the app, Help > Standards sets > Import from workbook..., or "
    "on the command line: s11audit standards from-xlsx THIS.xlsx my-set.yaml. Every problem is listed with its "
    "sheet and cell (e.g. Items!D7) and how to fix it.",
)


_WIDTHS = (24, 110)


def _row(sheet: Worksheet, number: int, *values: str, font: Font | None = None, band: bool = False) -> int:
    height = row_height(list(zip(values, _WIDTHS, strict=False)))  # a heading row has one value, not two
    if height:
        sheet.row_dimensions[number].height = height
    for index, value in enumerate(values, start=1):
        cell = sheet.cell(number, index, value)
        cell.alignment = _WRAP
        cell.number_format = "@"
        if font is not None:
            cell.font = font
        if band:
            cell.fill = _BAND
    return number + 1


def instructions_sheet(sheet: Worksheet, content: dict) -> None:
    """Fill ``sheet`` (the workbook's first) with the instructions for the set in ``content``."""
    sheet.title = INSTRUCTIONS
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = _WIDTHS
    title = content.get("title", "a standards set")
    number = _row(sheet, 1, "Standards set workbook", f"{title} (version {content.get('version', '?')})", font=_TITLE)
    number = _row(sheet, number + 1, "How to fill it in", font=_HEADING)
    for index, rule in enumerate(RULES, start=1):
        number = _row(sheet, number, str(index), rule)
    number = _row(sheet, number + 1, "Organisation types", "for applies_to: " + ", ".join(
        f"{t.id} ({t.label})" for t in ORGANISATION_TYPES), font=None)
    for spec in SHEETS:
        number = _row(sheet, number + 1, spec.name, spec.about, font=_HEADING, band=True)
        what = "key (column A of the Set sheet)" if spec.name == "Set" else "column"
        number = _row(sheet, number, what, "what to write", font=_BOLD)
        for column in spec.columns:
            number = _row(sheet, number, column.key, column.about)
        if spec.descriptors:
            number = _row(sheet, number, "descriptor: <level>", "one column per level: what the level looks like")
    sheet.freeze_panes = "A2"
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    setup = sheet.sheet_properties.pageSetUpPr
    if setup is None:  # openpyxl gives every new sheet one; its stubs allow None
        setup = sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    setup.fitToPage = True
