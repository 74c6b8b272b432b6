"""A standards set written as an Excel workbook and read back (``standards/workbook_*.py``).

Every shipped set survives the round trip with the same content hash; every mistake in a
workbook is named by sheet and cell; hostile files are refused before openpyxl inflates them.
"""

from __future__ import annotations

import copy
import io
import random
import re
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import openpyxl
import pytest

from s11audit.paths import shipped_standards_dir
from s11audit.standards import discover, load_file
from s11audit.standards.workbook import SHEETS, WorkbookError
from s11audit.standards.workbook_read import WorkbookLimits, read_workbook, workbook_to_yaml
from s11audit.standards.workbook_write import set_file_content, set_source, write_workbook

SHIPPED = sorted(shipped_standards_dir().glob("*.yaml"))


@pytest.fixture(scope="module")
def bases():
    return discover([shipped_standards_dir()]).sets


@pytest.fixture(scope="module")
def example_workbook(tmp_path_factory) -> Path:
    """The format 2 example set (criteria, scales, groups, information standard) as a workbook."""
    out = tmp_path_factory.mktemp("wb") / "example.xlsx"
    return write_workbook(set_file_content(shipped_standards_dir() / "s11-criteria-example.yaml"), out)


@pytest.fixture(scope="module")
def small_workbook(tmp_path_factory) -> Path:
    """A small format 2 set (two standards of the example) for the fuzz cases, which read it many times."""
    content = copy.deepcopy(set_file_content(shipped_standards_dir() / "s11-criteria-example.yaml"))
    content["standards"] = content["standards"][:2]
    used = {s["group"] for s in content["standards"]}
    content["groups"] = [g for g in content["groups"] if g["id"] in used]
    return write_workbook(content, tmp_path_factory.mktemp("wb") / "small.xlsx")


def _edited(source: Path, target: Path, edits: dict[str, object]) -> Path:
    """A copy of a workbook with cells changed: ``{"Items!D7": "dropdown"}``."""
    workbook = openpyxl.load_workbook(source)
    for where, value in edits.items():
        sheet, cell = where.split("!")
        workbook[sheet][cell].value = value
        if isinstance(value, str) and not value.startswith("="):
            workbook[sheet][cell].data_type = "s"
    workbook.save(target)
    return target


def _problems(path: Path, **limits) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, WorkbookLimits(**limits)) if limits else read_workbook(path)
    return caught.value.problems


def _row_of(path: Path, sheet: str, column: str, value: str) -> int:
    workbook = openpyxl.load_workbook(path, read_only=True)
    rows = workbook[sheet].iter_rows(values_only=True)
    header = next(rows, ())
    for number, row in enumerate(rows, start=2):
        if row[header.index(column)] == value:
            return number
    raise AssertionError(f"{value!r} not in {sheet}")


# --- the round trip -----------------------------------------------------------------------------------


@pytest.mark.parametrize("set_file", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_set_survives_the_round_trip_with_the_same_content_hash(set_file, bases, tmp_path):
    original = load_file(set_file, bases=bases)
    workbook = write_workbook(set_file_content(set_file), tmp_path / "set.xlsx")
    workbook_to_yaml(workbook, tmp_path / "set.yaml")
    again = load_file(tmp_path / "set.yaml", bases=bases)
    assert again.content_hash == original.content_hash
    assert again.content == original.content


def test_the_workbook_has_every_sheet_a_frozen_header_and_text_cells(example_workbook):
    workbook = openpyxl.load_workbook(example_workbook)
    assert workbook.sheetnames == ["Instructions"] + [s.name for s in SHEETS] + ["Lists"]
    assert workbook["Lists"].sheet_state == "hidden"
    for spec in SHEETS:
        sheet = workbook[spec.name]
        assert sheet.freeze_panes == "A2"
        assert sheet["A1"].font.bold
    standards = workbook["Standards"]
    assert standards["A1"].value == "id" and standards["A2"].value == "A"
    assert standards["A2"].number_format == "@" and standards["B3"].number_format == "@"
    assert standards.column_dimensions["I"].width >= 40 and standards["I3"].alignment.wrap_text
    assert standards.print_title_rows == "$1:$1" and standards.page_setup.orientation == "landscape"
    items = workbook["Items"]
    drop_downs = {str(v.sqref).split(":")[0]: v.formula1 for v in items.data_validations.dataValidation}
    assert "Lists!" in drop_downs["D2"]  # the item type
    criteria_headers = [c.value for c in workbook["Criteria"][1]]
    assert "descriptor: 0" in criteria_headers and "descriptor: not_met" in criteria_headers
    version_row = next(r for r in workbook["Set"].iter_rows() if r[0].value == "version")
    assert version_row[1].value == "2026.1" and version_row[1].data_type == "s"


def test_text_that_looks_like_a_formula_or_a_number_stays_text(tmp_path, bases):
    content = set_file_content(shipped_standards_dir() / "s11-wt2023.yaml")
    content["standards"][0]["title"] = "=not a formula"
    content["standards"][0]["number"] = "1.10"
    workbook = write_workbook(content, tmp_path / "set.xlsx")
    back = read_workbook(workbook)
    assert back["standards"][0]["title"] == "=not a formula" and back["standards"][0]["number"] == "1.10"


def test_a_value_that_would_not_read_back_the_same_is_refused_naming_its_cell(tmp_path):
    content = set_file_content(shipped_standards_dir() / "s11-wt2023.yaml")
    item = next(i for i in content["standards"][0]["items"] if i["type"] == "graded")
    content["standards"][0]["items"] = [dict(item, type="choice", choices=["One", "Two\nlines"])]
    with pytest.raises(WorkbookError) as caught:
        write_workbook(content, tmp_path / "set.xlsx")
    assert caught.value.problems[0].startswith("Items!J2: choices cannot be written")
    assert not (tmp_path / "set.xlsx").exists()


def test_a_workbook_that_cannot_be_written_is_unreadable_and_leaves_nothing(tmp_path):
    content = set_file_content(shipped_standards_dir() / "s11-peer-audit.yaml")
    with pytest.raises(WorkbookError) as caught:
        write_workbook(content, tmp_path / "no such folder" / "set.xlsx")
    assert caught.value.unreadable and "set.xlsx" in str(caught.value)


def test_a_set_is_found_by_id_or_path_and_an_unknown_id_is_named():
    assert set_source("s11-wt2023").name == "s11-wt2023.yaml"
    assert set_source(str(SHIPPED[0])) == SHIPPED[0]
    with pytest.raises(WorkbookError, match="no standards set has the id 'nope'"):
        set_source("nope")


# --- mistakes, each named by sheet and cell -------------------------------------------------------------


def test_each_mistake_is_named_by_sheet_and_cell(example_workbook, tmp_path):
    item_row = _row_of(example_workbook, "Items", "id", "1.a")
    standard_row = _row_of(example_workbook, "Standards", "id", "2")
    criterion_row = _row_of(example_workbook, "Criteria", "id", "2.1")
    set_row = _row_of(example_workbook, "Set", "key", "effective_date")
    # Cells that cannot be read and what the schema finds are listed together; the rules of a set
    # (ids, references) are checked once the rest is right, so they are a second workbook.
    batches = ({  # cell: (new value, what its problem says)
        f"Standards!G{standard_row}": ("avg", "grade from criteria 'avg' is not one of chosen, lowest, most_common, "
                                              "mean_score"),
        f"Items!D{item_row}": ("dropdown", "type 'dropdown' is not one of graded, yes_no"),
        f"Items!E{item_row + 1}": ("maybe", "required is 'maybe'; write yes or no"),
        f"Criteria!A{criterion_row}": ("ZZ", "standard 'ZZ' is not in the Standards sheet"),
        "Scale!D2": ("green", "colour 'green' must be written #RRGGBB"),
        f"Set!B{set_row}": ("next week", "must be a date written YYYY-MM-DD"),
        f"Standards!I{standard_row + 1}": (None, "intent is required and is blank; fill it in"),
    }, {
        f"Items!B{item_row + 1}": ("1.a", "is already used"),
        f"Standards!D{standard_row}": ("part-z", "group 'part-z' is not one of the set's groups"),
        f"Criteria!E{criterion_row + 1}": ("score-9", "scale 'score-9' is not one of the set's scales"),
    })
    for number, mistakes in enumerate(batches):
        edits = {where: value for where, (value, _) in mistakes.items()}
        problems = _problems(_edited(example_workbook, tmp_path / f"batch{number}.xlsx", edits))
        for where, (_, says) in mistakes.items():
            assert any(p.startswith(where + ":") and says in p for p in problems), (where, problems)


def test_every_problem_is_listed_not_just_the_first(example_workbook, tmp_path):
    item_row = _row_of(example_workbook, "Items", "id", "1.a")
    edited = _edited(example_workbook, tmp_path / "many.xlsx", {
        f"Items!D{item_row}": "dropdown", f"Items!E{item_row + 1}": "perhaps", f"Items!K{item_row + 2}": "lots",
        f"Items!C{item_row + 3}": "=CONCAT(A1, B1)", "Items!P1": "colour", "Scale!E3": "high"})
    problems = _problems(edited)
    expected = [f"Items!D{item_row}:", f"Items!E{item_row + 1}:", f"Items!K{item_row + 2}: min is 'lots', which is "
                "not a number", f"Items!C{item_row + 3}: holds a formula", "Items!P1: unknown column 'colour'",
                "Scale!E3: score is 'high'"]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)


def test_a_missing_descriptor_names_the_criterion_row(example_workbook, tmp_path):
    row = _row_of(example_workbook, "Criteria", "id", "1.1")
    header = [c.value for c in openpyxl.load_workbook(example_workbook)["Criteria"][1]]
    column = openpyxl.utils.get_column_letter(header.index("descriptor: 0") + 1)
    problems = _problems(_edited(example_workbook, tmp_path / "d.xlsx", {f"Criteria!{column}{row}": None}))
    assert any(p.startswith("Criteria!") and f"{row}:" in p.split(" ")[0] and "no descriptor for grade '0'" in p
               for p in problems), problems


# --- hostile files ----------------------------------------------------------------------------------------


def _rezipped(source: Path, target: Path, replace: dict[str, bytes], extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy_:
        for info in original.infolist():
            copy_.writestr(info.filename, replace.get(info.filename, original.read(info.filename)))
        for name, data in (extra or {}).items():
            copy_.writestr(name, data)
    return target


def _sheet_part(path: Path, name: str) -> str:
    workbook = openpyxl.load_workbook(path, read_only=True)
    return f"xl/worksheets/sheet{workbook.sheetnames.index(name) + 1}.xml"


def _refused(path: Path, says: str, **limits) -> WorkbookError:
    started = time.perf_counter()
    with pytest.raises(WorkbookError) as caught:
        read_workbook(path, WorkbookLimits(**limits)) if limits else read_workbook(path)
    assert time.perf_counter() - started < 10  # a hang guard
    assert says in str(caught.value) and path.name in str(caught.value)
    return caught.value


def test_a_file_that_is_not_a_workbook_is_unreadable(tmp_path):
    path = tmp_path / "set.xlsx"
    path.write_text("format: s11audit-standards/1\n")
    assert _refused(path, "it is not one, or it is damaged").unreadable
    other = tmp_path / "set.csv"
    other.write_text("a,b\n")
    assert _refused(other, "is not an Excel workbook").unreadable


def test_a_zip_bomb_part_is_refused_before_it_is_inflated(example_workbook, tmp_path):
    bomb = _rezipped(example_workbook, tmp_path / "bomb.xlsx", {}, {"xl/media/zeros.bin": bytes(30 * 1024 * 1024)})
    assert _refused(bomb, "packed more than 100 times").unreadable
    assert _refused(example_workbook, "more than a standards workbook can be", file_bytes=1000).unreadable


def test_a_huge_sheet_is_read_only_as_far_as_its_rows_go(example_workbook, tmp_path):
    part = _sheet_part(example_workbook, "Groups")
    with zipfile.ZipFile(example_workbook) as archive:
        xml = archive.read(part).decode()
    huge = xml.replace('<dimension ref="A1:C4"/>', '<dimension ref="A1:XFD1048576"/>')
    claimed = _rezipped(example_workbook, tmp_path / "claimed.xlsx", {part: huge.encode()})
    assert read_workbook(claimed)["groups"]  # the claimed size is not used
    far = xml.replace("</sheetData>", '<row r="1048000"><c r="A1048000" t="inlineStr"><is><t>x</t></is></c></row>'
                                      "</sheetData>")
    problem = _refused(_rezipped(example_workbook, tmp_path / "far.xlsx", {part: far.encode()}), "more than 5,000 rows")
    assert not problem.unreadable and any(p.startswith("Groups!5002:") for p in problem.problems)


def test_an_xml_entity_bomb_is_refused(example_workbook, tmp_path):
    entities = '<!ENTITY a0 "aaaaaaaaaa">' + "".join(f'<!ENTITY a{n} "{("&a" + str(n - 1) + ";") * 10}">'
                                                    for n in range(1, 9))
    xml = (f'<?xml version="1.0"?><!DOCTYPE bomb [{entities}]><worksheet xmlns="http://schemas.openxmlformats.org/'
           'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a8;</t></is></c></row>'
           "</sheetData></worksheet>")
    part = _sheet_part(example_workbook, "Groups")
    assert _refused(_rezipped(example_workbook, tmp_path / "entities.xlsx", {part: xml.encode()}),
                    "cannot be read as an Excel workbook").unreadable


def test_a_missing_sheet_is_named(example_workbook, tmp_path):
    workbook = openpyxl.load_workbook(example_workbook)
    del workbook["Criteria"]
    workbook.save(tmp_path / "no-criteria.xlsx")
    error = _refused(tmp_path / "no-criteria.xlsx", "it has no sheet 'Criteria'")
    assert error.unreadable and len(error.problems) == 1


def test_formulas_are_never_calculated(example_workbook, tmp_path):
    row = _row_of(example_workbook, "Standards", "id", "1")
    edited = _edited(example_workbook, tmp_path / "f.xlsx", {f"Standards!C{row}": '=HYPERLINK("http://x", "y")'})
    problems = _problems(edited)
    assert problems == [f"Standards!C{row}: holds a formula (=HYPERLINK(\"http://x\", \"y\")); type the value itself, "
                        "as formulas are never calculated here"]


def test_over_long_cells_and_too_many_problems_are_bounded(example_workbook, tmp_path):
    row = _row_of(example_workbook, "Items", "id", "1.a")
    edited = _edited(example_workbook, tmp_path / "long.xlsx", {f"Items!C{row}": "x" * 25_000})
    assert any("25,000 characters long" in p for p in _problems(edited))
    many = _edited(example_workbook, tmp_path / "many.xlsx", {f"Items!E{r}": "perhaps" for r in range(2, 60)})
    problems = _problems(many, problems=10)
    assert len(problems) == 11 and problems[-1].startswith("reading stopped here")


# --- fuzz -----------------------------------------------------------------------------------------------------

_TEXTS = ("", " ", "=1+1", "yes", "no", "graded", "maybe", "a, b,, c", "\u202egnp.exe", "1.1", "-1", "P12M",
          "#C0392B", "descriptor: red", "standard", "x" * 300, "2026-02-30", "chosen", "information", "<&>")
_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"[^>]*?(?:/>|>.*?</c>)', re.S)


def _new_cell(ref: str, rng: random.Random) -> str:
    text = xml_escape(rng.choice(_TEXTS))
    return rng.choice((
        f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>',
        f'<c r="{ref}"><v>{rng.choice(("3.5", "1e400", "-0", "1", "99999999999999999999"))}</v></c>',
        f'<c r="{ref}" t="b"><v>1</v></c>', f'<c r="{ref}"><f>SUM(A1:A2)</f><v>3</v></c>',
        f'<c r="{ref}" t="e"><v>#REF!</v></c>', ""))


def _cell_mutation(source: Path, target: Path, rng: random.Random) -> Path:
    """Cells of the sheets' XML replaced by other values, formulas, error values, or removed."""
    with zipfile.ZipFile(source) as archive:
        parts = [n for n in archive.namelist()
                 if n.startswith("xl/worksheets/sheet") and n != "xl/worksheets/sheet1.xml"]
        name = rng.choice(parts[: len(SHEETS)])
        xml = archive.read(name).decode()
    cells = list(_CELL.finditer(xml))
    for match in sorted(rng.sample(cells, min(len(cells), rng.randint(1, 4))), key=lambda m: -m.start()):
        xml = xml[: match.start()] + _new_cell(match.group(1), rng) + xml[match.end():]
    return _rezipped(source, target, {name: xml.encode()})


def _byte_mutation(source: Path, target: Path, rng: random.Random) -> Path:
    data = bytearray(source.read_bytes())
    kind = rng.choice(("flip", "cut", "member"))
    if kind == "flip":
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == "cut":
        data = data[: rng.randrange(len(data))]
    else:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            name = rng.choice(archive.namelist())
            xml = bytearray(archive.read(name))
        if xml:
            start = rng.randrange(len(xml))
            xml[start: start + rng.randint(1, 40)] = rng.choice((b"", b"<", b"&bogus;", b"\xff\xfe", b"<row r=\"0\">"))
        return _rezipped(source, target, {name: bytes(xml)})
    target.write_bytes(bytes(data))
    return target


def test_seeded_mutations_never_raise_anything_but_a_workbook_error(small_workbook, tmp_path):
    rng = random.Random(20261202)
    outcomes = {"read": 0, "refused": 0}
    for case in range(50):
        mutate = _cell_mutation if case % 2 else _byte_mutation
        path = mutate(small_workbook, tmp_path / f"case{case}.xlsx", rng)
        try:
            read_workbook(path)
            outcomes["read"] += 1
        except WorkbookError as exc:
            outcomes["refused"] += 1
            assert exc.problems and all("\n" not in p and len(p) < 700 for p in exc.problems), exc.problems
    assert outcomes["refused"] > 10
