"""Write a standards set (format 1 or 2) as the workbook a business unit fills in (layout in ``workbook.py``).

The workbook is written from a set *file's* content (``set_file_content``), not from the loaded
set: a set ``based_on`` another keeps its ``based_on`` and stays short. Every value goes to the
cell of its column as ``workbook.cell_value`` says; a value that could not be read back the same
(an empty list entry, a line break where lines are split) is refused with its cell named rather
than written differently.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from s11audit.reports import ReportError, xlsx_print
from s11audit.reports.atomic import save_workbook
from s11audit.safe_text import shown
from s11audit.standards.loader import LoadReport, StandardsError, _read_valid, load_file
from s11audit.standards.loader import SUFFIXES, default_folders
from s11audit.standards.model import DIRECTORY_ROLES
from s11audit.standards.workbook import (
    BOOL, DESCRIPTOR, ENUM, FORMATS, GRADE_RULES, IDS, ITEM_TYPES, KIND_CHOICES, LISTS, LONG_WIDTH, RETURN_EVIDENCE,
    MAX_ROWS, NOT_APPLICABLE, ORG_TYPE_IDS, REQUIRES, SHEETS_BY_NAME, STANDARD_KINDS, TEXT, TEXT_KINDS, Column, Sheet,
    WorkbookError, cell_value, descriptor_levels, lossy_list, row_height,
)

__all__ = ["set_file_content", "set_files", "set_source", "workbook_rows", "write_workbook"]

Row = dict[str, Any]  # column key (or "descriptor: <level>") -> value from the set

# --- finding a set's file -----------------------------------------------------------------------


def set_file_content(path: Path | str) -> dict:
    """The content of a set file as written (``based_on`` kept), validated; ``StandardsError`` if invalid."""
    data, _node = _read_valid(Path(path))
    return data


def set_files(report: LoadReport, folders: Iterable[Path] | None = None) -> dict[tuple[str, str], Path]:
    """Which file each loaded set came from (the load report does not record it)."""
    skipped = {item.path for item in report.skipped}
    origins: dict[tuple[str, str], Path] = {}
    for folder in default_folders() if folders is None else folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in SUFFIXES or path in skipped or not path.is_file():
                continue
            try:
                origins.setdefault(load_file(path, bases=report.sets).key, path)
            except StandardsError:
                continue
    return origins


# --- the rows of each sheet -----------------------------------------------------------------------


def _scale_rows(scale: dict, scale_id: str | None = None) -> list[Row]:
    rows = []
    for index, level in enumerate(scale["levels"]):
        row: Row = dict(level)
        if scale_id is not None:
            row["scale"] = scale_id
        if index == 0:
            row.update(scale_name=scale["name"], meets=scale["meets"],
                       action_required_below=scale.get("action_required_below"))
            if "not_applicable" in scale:
                na = scale["not_applicable"]
                row.update(not_applicable=True, not_applicable_label=na.get("label"),
                           reason_required=na.get("reason_required"))
        rows.append(row)
    return rows


def _descriptors(row: Row, descriptors: dict | None) -> Row:
    for level, text in (descriptors or {}).items():
        row[DESCRIPTOR + level] = text
    return row


def _at(content: dict, key: str) -> Any:
    """The value of a Set sheet key in the content: ``block.key`` (or ``block.inner.key``) inside its block."""
    value: Any = content
    for step in key.split("."):
        value = value.get(step) if isinstance(value, dict) else None
    return value


def workbook_rows(content: dict) -> dict[str, list[Row]]:
    """The rows of every sheet for a set's file content (the Set sheet: one row per key)."""
    set_rows = [{"key": column.key, "value": _at(content, column.key)} for column in SHEETS_BY_NAME["Set"].columns]
    standards = content.get("standards", [])
    sign_off = content.get("sign_off")
    peer = content.get("peer_outcomes")
    peer_rows = [dict(level) for level in peer["levels"]] if peer else []
    if peer and "name" in peer:
        peer_rows[0]["scale_name"] = peer["name"]
    return {
        "Set": set_rows,
        "Scale": _scale_rows(content["grade_scale"]) if "grade_scale" in content else [],
        "Scales": [row for scale_id, scale in content.get("scales", {}).items()
                   for row in _scale_rows(scale, scale_id)],
        "Groups": [dict(group) for group in content.get("groups", [])],
        "Standards": [_descriptors({k: v for k, v in s.items() if k not in ("descriptors", "criteria", "items")},
                                   s.get("descriptors")) for s in standards],
        "Criteria": [_descriptors({"standard": s["id"], **{k: v for k, v in c.items() if k != "descriptors"}},
                                  c["descriptors"]) for s in standards for c in s.get("criteria", [])],
        "Items": [{"standard": s["id"], **item} for s in standards for item in s.get("items", [])],
        "Sign-off": ([{"part": "declaration", "text": sign_off["declaration"]}]
                     + [{"part": "signatory", "text": p["role"], "required": p.get("required")}
                        for p in sign_off["signatories"]]) if sign_off else [],
        "Peer outcomes": peer_rows,
    }


def _lossy(column: Column, value: Any) -> str:
    """Why ``value`` would read back as something else ("" when it reads back the same)."""
    if isinstance(value, list):
        return lossy_list(column, value)
    if isinstance(value, str):
        if "\r" in value:
            return "it holds a carriage return (a workbook keeps only line feeds)"
        if not value.strip():
            return "it is blank, and a blank cell means 'not given'"
        if column.kind not in (TEXT,) and value != value.strip():
            return "it starts or ends with spaces"
    return ""


# --- styling --------------------------------------------------------------------------------------

_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_HEADER_FONT = xlsx_print.font(bold=True)  # named: LibreOffice shows a nameless font as serif
_HEADER_BORDER = Border(bottom=Side(style="thin", color="7F7F7F"))
_TOP = Alignment(vertical="top")
_WRAP = Alignment(vertical="top", wrap_text=True)
DESCRIPTOR_WIDTH = 50
_LISTS = {  # the hidden Lists sheet: one column per closed list
    "kinds": KIND_CHOICES, "formats": FORMATS, "item_types": ITEM_TYPES, "standard_kinds": STANDARD_KINDS,
    "not_applicable": NOT_APPLICABLE, "grade_rules": GRADE_RULES, "requires": REQUIRES, "yes_no": ("yes", "no"),
    "org_types": ORG_TYPE_IDS, "parts": ("declaration", "signatory"), "directory": DIRECTORY_ROLES,
    "return_evidence": RETURN_EVIDENCE,
}
_LIST_OF_VALUES = {values: name for name, values in _LISTS.items()}


def _list_range(name: str) -> str:
    column = get_column_letter(list(_LISTS).index(name) + 1)
    return f"{LISTS}!${column}$2:${column}${len(_LISTS[name]) + 1}"


def _validation(column: Column) -> DataValidation | None:
    """The drop-down of a column: strict for closed lists, a suggestion for ids and lists of types."""
    if column.kind == BOOL:
        source, strict = _list_range("yes_no"), True
    elif column.kind == ENUM:
        source, strict = _list_range(_LIST_OF_VALUES[column.values]), True
    elif column.lookup:
        source, strict = column.lookup, False
    elif column.kind == IDS and column.key == "applies_to":
        source, strict = _list_range("org_types"), False  # several types, separated by commas
    else:
        return None
    check = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=strict)
    if strict:
        check.errorTitle = f"Not a {column.key}"
        check.error = column.about
    check.promptTitle, check.prompt = column.key[:32], column.about[:255]
    check.showInputMessage = True
    return check


def _style_cell(cell: Any, column: Column) -> None:
    cell.alignment = _WRAP if column.kind == TEXT or column.width >= LONG_WIDTH or column.kind == "lines" else _TOP
    if column.kind in TEXT_KINDS or column.kind == BOOL:
        cell.number_format = "@"


def _put(sheet: Worksheet, row: int, col: int, column: Column, value: Any, problems: list[str]) -> None:
    lossy = _lossy(column, value)
    cell = sheet.cell(row, col)
    if lossy:
        problems.append(f"{sheet.title}!{cell.coordinate}: {column.key} cannot be written so that it reads back "
                        f"the same: {lossy}")
        return
    cell.value = cell_value(column, value)
    if isinstance(cell.value, str):
        cell.data_type = "s"  # text, even when it starts with '=' (never a formula)
    _style_cell(cell, column)


def _header(sheet: Worksheet, columns: list[Column]) -> None:
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(1, index, column.key)
        cell.font, cell.fill, cell.border, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_BORDER, _WRAP
        if column.about:
            cell.comment = Comment(column.about, "s11audit", width=260, height=90)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width or 20
        if column.kind in TEXT_KINDS or column.kind == BOOL:
            sheet.column_dimensions[letter].number_format = "@"  # what is typed later stays text
        check = _validation(column)
        if check is not None:
            check.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
            sheet.add_data_validation(check)
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 30


# Column widths (characters) printed on one landscape A4 page at about 75%: a wide sheet is printed
# across several pages, each repeating the header row and the id columns, rather than shrunk unreadably.
PAGE_WIDTH = 170


def _page_setup(sheet: Worksheet, title: str, pages_wide: int = 1) -> None:
    """The print setup of every workbook (``xlsx_print``), with grid lines (a form to fill in) and
    fonts named. The print area covers the rows written; rows added later print once it is cleared."""
    xlsx_print.name_fonts(sheet)
    columns = max(sheet.max_column, 1)
    xlsx_print.page_setup(sheet, title, widths=xlsx_print.column_widths(sheet, columns), rows=sheet.max_row,
                          pages_wide=pages_wide)
    sheet.print_options.gridLines = True


def _table_sheet(workbook: Workbook, spec: Sheet, rows: list[Row], levels: list[str], problems: list[str]) -> None:
    sheet = workbook.create_sheet(spec.name)
    columns = list(spec.columns)
    if spec.descriptors:
        columns += [Column(DESCRIPTOR + level, TEXT, DESCRIPTOR_WIDTH, f"what the level {level!r} looks like for "
                           "this row") for level in levels]
    _header(sheet, columns)
    for number, row in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            if row.get(column.key) is not None:
                _put(sheet, number, index, column, row[column.key], problems)
        _fit_row(sheet, number, columns)
    if spec.name in ("Standards", "Criteria", "Items"):
        sheet.print_title_cols = "A:B"  # which standard, criterion or item, on every page across
    _page_setup(sheet, _title(workbook), pages_wide=math.ceil(sum(c.width or 20 for c in columns) / PAGE_WIDTH))


def _fit_row(sheet: Worksheet, number: int, columns: list[Column]) -> None:
    height = row_height([(sheet.cell(number, index).value, column.width or 20)
                         for index, column in enumerate(columns, start=1)])
    if height:
        sheet.row_dimensions[number].height = height


def _set_sheet(workbook: Workbook, rows: list[Row], problems: list[str]) -> None:
    sheet = workbook.create_sheet("Set")
    headers = [Column("key", "id", 22), Column("value", TEXT, 70), Column("about", TEXT, 60)]
    _header(sheet, headers)
    for number, (column, row) in enumerate(zip(SHEETS_BY_NAME["Set"].columns, rows, strict=True), start=2):
        sheet.cell(number, 1, column.key).font = _HEADER_FONT
        sheet.cell(number, 3, column.about).alignment = _WRAP
        if row["value"] is not None:
            _put(sheet, number, 2, column, row["value"], problems)
        else:
            _style_cell(sheet.cell(number, 2), column)
        sheet.cell(number, 2).alignment = _WRAP
        _fit_row(sheet, number, headers)
        check = _validation(column)
        if check is not None:
            check.add(f"B{number}")
            sheet.add_data_validation(check)
    _page_setup(sheet, _title(workbook))


def _title(workbook: Workbook) -> str:
    return workbook.properties.title or "Standards set workbook"


def _lists_sheet(workbook: Workbook) -> None:
    sheet = workbook.create_sheet(LISTS)
    for index, (name, values) in enumerate(_LISTS.items(), start=1):
        sheet.cell(1, index, name)
        for number, value in enumerate(values, start=2):
            sheet.cell(number, index, value).number_format = "@"
    sheet.sheet_state = "hidden"
    _page_setup(sheet, _title(workbook))


def write_workbook(content: dict, out_path: Path | str) -> Path:
    """Write ``content`` (a set file's content) as a template workbook, atomically.

    ``WorkbookError`` naming the cells of values that would not read back the same, or (unreadable)
    the output file when it cannot be written.
    """
    from s11audit.standards.workbook_guide import instructions_sheet

    out_path = Path(out_path)
    problems: list[str] = []
    rows = workbook_rows(content)
    workbook = Workbook()
    xlsx_print.use_print_font(workbook)
    workbook.properties.title = (f"Standards set workbook: {content.get('title', 'a standards set')} "
                                 f"(version {content.get('version', '?')})")
    first = workbook.worksheets[0]  # the sheet a new Workbook starts with (its "active" one)
    instructions_sheet(first, content)
    _page_setup(first, _title(workbook))
    _set_sheet(workbook, rows["Set"], problems)
    for name, spec in SHEETS_BY_NAME.items():
        if name != "Set":
            levels = descriptor_levels(content, other_scales=name == "Criteria") if spec.descriptors else []
            _table_sheet(workbook, spec, rows[name], levels, problems)
    _lists_sheet(workbook)
    if problems:
        raise WorkbookError(out_path, problems)
    try:
        return save_workbook(workbook, out_path)
    except ReportError as exc:
        raise WorkbookError(out_path, [str(exc)], unreadable=True) from exc



def set_source(name: str, folders: Iterable[Path] | None = None) -> Path:
    """The file of the set ``name``: a path to a set file, or the id of one set among those discovered.

    ``WorkbookError`` (unreadable) when no set has that id, or when several versions do (each
    listed with its file, so that the file can be given instead).
    """
    from s11audit.standards.loader import discover

    path = Path(name)
    if path.suffix.lower() in SUFFIXES or path.exists():
        if not path.is_file():
            raise WorkbookError(path, ["is not a standards set file (no such file)"], unreadable=True)
        return path
    report = discover(folders)
    origins = set_files(report, folders)
    matches = [(s, origins.get(s.key)) for s in report.sets if s.id == name]
    if not matches:
        known = ", ".join(sorted({s.id for s in report.sets})) or "none"
        raise WorkbookError(name, [f"no standards set has the id {shown(name, 60)!r}; known sets: {known}"],
                            unreadable=True)
    if len(matches) > 1:
        listed = [f"version {s.version}: {origin}" for s, origin in matches]
        raise WorkbookError(name, [f"several versions of set {name!r} are on this computer; give the file of the "
                                   "one you mean instead of its id", *listed], unreadable=True)
    origin = matches[0][1]
    if origin is None:
        raise WorkbookError(name, ["the set's file could not be found; give the file's path instead"], unreadable=True)
    return origin
