"""Read a standards workbook (written by ``workbook_write.py``, filled in by a business unit) into set content.

The file comes from outside. Before openpyxl sees it, its size and ZIP parts are checked
(``s11audit.xlsx_parts``, as for a register); it is opened read-only, without calculating
anything; each sheet is read within ``WorkbookLimits`` (``workbook_cells.py``). Every problem
names its sheet and cell and says how to fix it, all of them are collected (up to a cap), and
the content built is then checked like a set file (schema and rules), its problems mapped back
to the cell or row they came from. ``workbook_to_yaml`` writes the result as a set file that
loads with the normal loader.
"""

from __future__ import annotations

import io
import stat
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from s11audit.reports import ReportError
from s11audit.reports.atomic import atomic_output
from s11audit.safe_text import shown
from s11audit.standards.workbook import (
    DESCRIPTOR, GROUP_COLUMNS, SHEETS, SHEETS_BY_NAME, STATEMENT_ORDER, TOP_ORDER, WorkbookError, ordered,
)
from s11audit.standards.workbook_cells import (
    LIMITS, Problems, SheetRow, TooManyProblems, WorkbookLimits, cell_value, convert, read_rows, ref,
)
from s11audit.standards.workbook_checks import check_content
from s11audit.xlsx_parts import megabytes, part_problem

__all__ = ["LIMITS", "WorkbookLimits", "read_workbook", "workbook_to_yaml", "yaml_text"]

Path_ = tuple[Any, ...]
_LEVEL_KEYS = ("id", "label", "meaning", "colour", "score", "needs_action", "requires")
_SETTINGS = ("scale_name", "meets", "action_required_below", "not_applicable", "not_applicable_label",
             "reason_required")


class _Builder:
    """Builds set content from the sheets' rows, remembering which cell each value came from."""

    def __init__(self, problems: Problems):
        self.problems = problems
        self.places: dict[Path_, str] = {}

    def place(self, path: Path_, sheet: str, row: SheetRow,
              keys: Mapping[str, str | tuple[str, ...]] | None = None) -> None:
        """Remember the row (at its first cell) and each of its cells under ``path`` (``keys``: a column's
        key in the content, or its path within the row's, where the two differ)."""
        first = next(iter(row.cells.values()), f"A{row.number}")
        self.places[path] = ref(sheet, row.cells.get("id", first))
        for column, cell in row.cells.items():
            key: str | tuple[str, ...] = (keys or {}).get(column, column)
            if column.startswith(DESCRIPTOR):
                self.places.setdefault((*path, "descriptors"), ref(sheet, cell))
                key = ("descriptors", column[len(DESCRIPTOR):])
            self.places[path + (key if isinstance(key, tuple) else (key,))] = ref(sheet, cell)

    def fields(self, row: SheetRow, keys: tuple[str, ...]) -> dict:
        return {key: row.values[key] for key in keys if row.values.get(key) is not None}

    def descriptors(self, row: SheetRow) -> dict:
        return {k[len(DESCRIPTOR):]: v for k, v in row.values.items() if k.startswith(DESCRIPTOR) and v is not None}

    def scale(self, sheet: str, rows: list[SheetRow], path: Path_) -> dict:
        first = rows[0].values
        scale: dict[str, Any] = {"name": first.get("scale_name"), "levels": [], "meets": first.get("meets")}
        for key in ("action_required_below",):
            if first.get(key) is not None:
                scale[key] = first[key]
        if first.get("not_applicable"):
            scale["not_applicable"] = self.fields(rows[0], ("not_applicable_label", "reason_required"))
            if "not_applicable_label" in scale["not_applicable"]:
                scale["not_applicable"]["label"] = scale["not_applicable"].pop("not_applicable_label")
        elif first.get("not_applicable_label") is not None or first.get("reason_required") is not None:
            self.problems.add(ref(sheet, rows[0].cells["not_applicable"]), "not applicable must be yes when the N/A "
                                                                            "label or reason required is given")
        scale = {k: v for k, v in scale.items() if v is not None}
        keys = {"scale_name": ("name",), "not_applicable_label": ("not_applicable", "label"),
                "reason_required": ("not_applicable", "reason_required")}
        self.place(path, sheet, rows[0], keys)
        for index, row in enumerate(rows):
            if index:
                for key in _SETTINGS:
                    if row.values.get(key) is not None:
                        self.problems.add(ref(sheet, row.cells[key]), f"{key.replace('_', ' ')} goes on the scale's "
                                                                      "first row only; clear this cell")
            scale["levels"].append(self.fields(row, _LEVEL_KEYS))
            self.place((*path, "levels", index), sheet, row)
        return scale


def _set_sheet(builder: _Builder, sheet: Any, problems: Problems, limits: WorkbookLimits) -> dict:
    """The Set sheet: one key per row (column A) and its value (column B)."""
    sheet.reset_dimensions()
    columns = {column.key: column for column in SHEETS_BY_NAME["Set"].columns}
    content: dict[str, Any] = {}
    for number, cells in enumerate(sheet.iter_rows(min_row=2, max_col=2), start=2):
        if number > limits.rows:
            problems.add(ref("Set", str(number)), "the sheet has too many rows; one row per key is enough")
            break
        key_cell = cell_value(cells[0], ref("Set", f"A{number}"), problems) if cells else None
        raw = cell_value(cells[1], ref("Set", f"B{number}"), problems) if len(cells) > 1 else None
        key = str(key_cell).strip() if key_cell is not None else ""
        if not key:
            if raw is not None:
                problems.add(ref("Set", f"A{number}"), "a value without a key; write the key in column A")
            continue
        if key not in columns:
            problems.add(ref("Set", f"A{number}"), f"unknown key '{shown(key, 40)}'; the keys are "
                                                   f"{', '.join(columns)}")
            continue
        where = ref("Set", f"B{number}")
        path = tuple(key.split("."))
        builder.places[path] = where
        for end in range(1, len(path)):  # a problem with a block as a whole names the first of its rows
            builder.places.setdefault(path[:end], where)
        value = convert(columns[key], raw, where, problems, limits)
        if value is not None:
            block = content
            for step in path[:-1]:  # a key written "block.key" (or "block.inner.key") goes inside its block
                block = block.setdefault(step, {})
            block[path[-1]] = value
    if "statement" in content:
        content["statement"] = ordered(content["statement"], STATEMENT_ORDER)
    return content


def _by_standard(builder: _Builder, sheet: str, rows: list[SheetRow], index_of: dict[str, int]) -> dict[int, list]:
    """The rows of the Criteria or Items sheet, grouped under the standard each names."""
    grouped: dict[int, list[SheetRow]] = {}
    for row in rows:
        standard = row.values.get("standard")
        if standard is None:
            builder.problems.add(ref(sheet, row.cells["standard"]), "name the standard this row belongs to (its id "
                                                                    "from the Standards sheet)")
        elif standard not in index_of:
            builder.problems.add(ref(sheet, row.cells["standard"]), f"standard '{shown(standard, 40)}' is not in the "
                                                                    "Standards sheet")
        else:
            grouped.setdefault(index_of[standard], []).append(row)
    return grouped


def _standards(builder: _Builder, rows: dict[str, list[SheetRow]]) -> list[dict]:
    standards: list[dict] = []
    index_of: dict[Any, int] = {}  # a standard's id (as written, maybe not text) -> its place
    keys = [c.key for c in SHEETS_BY_NAME["Standards"].columns]
    for index, row in enumerate(rows["Standards"]):
        standard = builder.fields(row, tuple(keys))
        descriptors = builder.descriptors(row)
        if descriptors:
            standard["descriptors"] = descriptors
        standards.append(standard)
        builder.place(("standards", index), "Standards", row)
        index_of.setdefault(standard.get("id"), index)
    index_of.pop(None, None)
    criterion_keys = tuple(c.key for c in SHEETS_BY_NAME["Criteria"].columns if c.key != "standard")
    for s_index, group in _by_standard(builder, "Criteria", rows["Criteria"], index_of).items():
        for c_index, row in enumerate(group):
            criterion = builder.fields(row, criterion_keys)
            criterion["descriptors"] = builder.descriptors(row)
            standards[s_index].setdefault("criteria", []).append(criterion)
            builder.place(("standards", s_index, "criteria", c_index), "Criteria", row)
    item_keys = tuple(c.key for c in SHEETS_BY_NAME["Items"].columns if c.key != "standard")
    for s_index, group in _by_standard(builder, "Items", rows["Items"], index_of).items():
        for i_index, row in enumerate(group):
            standards[s_index].setdefault("items", []).append(builder.fields(row, item_keys))
            builder.place(("standards", s_index, "items", i_index), "Items", row)
    return standards


def _sign_off(builder: _Builder, rows: list[SheetRow]) -> dict:
    sign_off: dict[str, Any] = {}
    for row in rows:
        part, text = row.values.get("part"), row.values.get("text")
        if part == "declaration":
            if "declaration" in sign_off:
                builder.problems.add(ref("Sign-off", row.cells["part"]), "a second declaration; a set has one")
            sign_off["declaration"] = text
            builder.place(("sign_off", "declaration"), "Sign-off", row)
            builder.places[("sign_off", "declaration")] = ref("Sign-off", row.cells["text"])
        elif part == "signatory":
            signatory = {"role": text, "required": row.values.get("required")}
            index = len(sign_off.setdefault("signatories", []))
            sign_off["signatories"].append({k: v for k, v in signatory.items() if v is not None})
            builder.place(("sign_off", "signatories", index), "Sign-off", row, {"text": "role"})
        elif part is None:
            builder.problems.add(ref("Sign-off", row.cells["part"]),
                                 "write declaration or signatory in the part column")
    if rows:
        builder.places[("sign_off",)] = ref("Sign-off", rows[0].cells["part"])
    return sign_off


def _peer_outcomes(builder: _Builder, rows: list[SheetRow]) -> dict:
    outcomes: dict[str, Any] = {}
    if rows[0].values.get("scale_name") is not None:
        outcomes["name"] = rows[0].values["scale_name"]
    outcomes["levels"] = []
    builder.place(("peer_outcomes",), "Peer outcomes", rows[0], {"scale_name": "name"})
    for index, row in enumerate(rows):
        if index and row.values.get("scale_name") is not None:
            builder.problems.add(ref("Peer outcomes", row.cells["scale_name"]), "scale name goes on the first row only")
        outcomes["levels"].append(builder.fields(row, ("id", "label", "meaning", "colour", "meets")))
        builder.place(("peer_outcomes", "levels", index), "Peer outcomes", row)
    return outcomes


def _content(builder: _Builder, set_values: dict, rows: dict[str, list[SheetRow]]) -> dict:
    content = dict(set_values)
    if rows["Scale"]:
        content["grade_scale"] = builder.scale("Scale", rows["Scale"], ("grade_scale",))
    scales: dict[str, list[SheetRow]] = {}
    for row in rows["Scales"]:
        if row.values.get("scale") is None:
            builder.problems.add(ref("Scales", row.cells["scale"]), "give the id of the scale this level belongs to")
        else:
            scales.setdefault(row.values["scale"], []).append(row)
    if scales:
        content["scales"] = {sid: builder.scale("Scales", s_rows, ("scales", sid)) for sid, s_rows in scales.items()}
    if rows["Groups"]:
        content["groups"] = [builder.fields(row, tuple(c.key for c in GROUP_COLUMNS)) for row in rows["Groups"]]
        for index, row in enumerate(rows["Groups"]):
            builder.place(("groups", index), "Groups", row)
    if rows["Peer outcomes"]:
        content["peer_outcomes"] = _peer_outcomes(builder, rows["Peer outcomes"])
    if rows["Sign-off"]:
        content["sign_off"] = _sign_off(builder, rows["Sign-off"])
    if rows["Standards"] or rows["Items"] or rows["Criteria"]:
        content["standards"] = _standards(builder, rows)
    return ordered(content, TOP_ORDER)


# --- the file -------------------------------------------------------------------------------------


def _file_bytes(path: Path, limits: WorkbookLimits) -> bytes:
    def refuse(message: str) -> WorkbookError:
        return WorkbookError(path, [message], unreadable=True)

    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise refuse("is not an Excel workbook (.xlsx); save the standards workbook as .xlsx")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise refuse("is not a file")
        if info.st_size > limits.file_bytes:
            raise refuse(f"is {megabytes(info.st_size)}, more than a standards workbook can be "
                         f"({megabytes(limits.file_bytes)}); is it the right file?")
        with path.open("rb") as stream:
            data = stream.read(limits.file_bytes + 1)  # bounded, whatever the size said
    except OSError as exc:
        raise refuse(f"cannot be read ({shown(exc.strerror or exc)})") from exc
    if len(data) > limits.file_bytes:
        raise refuse(f"is more than {megabytes(limits.file_bytes)}; is it the right file?")
    problem = part_problem(data, limits, "a standards workbook")
    if problem:
        raise refuse(problem)
    return data


def _open(path: Path, data: bytes) -> Any:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about parts it drops (extensions, styles)
            return load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl and the XML parser raise many kinds for a damaged file
        raise WorkbookError(path, [f"cannot be read as an Excel workbook ({shown(exc, 160)})"],
                            unreadable=True) from exc


def _sheets(path: Path, workbook: Any) -> dict[str, Any]:
    names = {name.strip().casefold(): name for name in workbook.sheetnames}
    missing = [spec.name for spec in SHEETS if spec.name.casefold() not in names]
    if missing:
        raise WorkbookError(path, [f"is not a standards workbook: it has no sheet {', '.join(map(repr, missing))} "
                                   f"(it has {', '.join(map(repr, workbook.sheetnames[:12]))}). Start from a "
                                   "template: s11audit standards to-xlsx, or Save as workbook in the app"],
                            unreadable=True)
    sheets = {spec.name: workbook[names[spec.name.casefold()]] for spec in SHEETS}
    for name, sheet in sheets.items():
        if not hasattr(sheet, "reset_dimensions"):  # a chart sheet
            raise WorkbookError(path, [f"the sheet {name!r} is a chart, not a sheet of cells"], unreadable=True)
    return sheets


def _row_key(problem: str) -> str:
    """``Items!12`` for a problem at ``Items!D12`` (the sheet alone for a problem with no cell)."""
    place = problem.split(": ", 1)[0]
    return place.split("!")[0] + "!" + place.rsplit("!", 1)[-1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if "!" in place \
        else place


def read_workbook(path: Path | str, limits: WorkbookLimits = LIMITS) -> dict:
    """The set content a standards workbook holds; ``WorkbookError`` with every problem found."""
    path = Path(path)
    data = _file_bytes(path, limits)
    workbook = _open(path, data)
    problems = Problems(limits.problems)
    builder = _Builder(problems)
    try:
        sheets = _sheets(path, workbook)
        try:
            set_values = _set_sheet(builder, sheets["Set"], problems, limits)
            rows = {spec.name: read_rows(sheets[spec.name], spec, problems, limits) for spec in SHEETS[1:]}
            content = _content(builder, set_values, rows)
        except TooManyProblems:
            raise WorkbookError(path, [*problems.items, "reading stopped here: fix the problems above first"]) from None
    except WorkbookError:
        raise
    except Exception as exc:  # a damaged part found while reading rows
        raise WorkbookError(path, [f"cannot be read as an Excel workbook ({shown(exc, 160)})"],
                            unreadable=True) from exc
    finally:
        workbook.close()
    # The set's own checks run too, so that one pass lists everything; but not on a row already
    # reported: a value that could not be read counts as missing, and would be reported again.
    reported = {_row_key(problem) for problem in problems.items}
    found = problems.items + [p for p in check_content(content, builder.places) if _row_key(p) not in reported]
    if found:
        raise WorkbookError(path, found)
    return content


# --- writing the set file -------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Writes text with line breaks as literal blocks, so the YAML reads like the shipped sets."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value.rstrip("\n") else ">" if value.endswith("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def yaml_text(content: dict, source: str = "") -> str:
    header = (f"# Written by s11audit from the workbook {source}.\n" if source else "") + \
             "# Check it with: s11audit standards check THIS_FILE\n"
    return header + yaml.dump(content, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)


def workbook_to_yaml(in_path: Path | str, out_path: Path | str, limits: WorkbookLimits = LIMITS) -> dict:
    """Read a workbook and write its set as YAML to ``out_path`` (atomically); the content read."""
    content = read_workbook(in_path, limits)
    text = yaml_text(content, shown(Path(in_path).name, 80))
    try:
        with atomic_output(out_path) as temp:
            temp.write_text(text, encoding="utf-8")
    except ReportError as exc:
        raise WorkbookError(out_path, [str(exc)], unreadable=True) from exc
    return content

