"""Standards files and snapshots made to hurt: alias bombs, huge or deep files, bytes that are not
text, odd YAML, values of the wrong kind, and a seeded fuzz of the shipped sets.

No Qt here. Every hostile file is made by the test in ``tmp_path``. Each case checks the specific
short message and that it comes fast: the time bounds are generous hang guards (a bomb took 71 s
before the limits), not benchmarks. File cases run through both YAML parsers, libyaml's (what the
app uses) and PyYAML's own (its fallback), as the limits must hold for both.
"""

from __future__ import annotations

import json
import math
import random
import time
from pathlib import Path

import pytest

from benchmarks.fuzz_standards import FAULT, MUTATIONS, fuzz, trimmed_sources
from s11audit.cli import main
from s11audit.standards import StandardsError, discover, load_file, set_from_snapshot, source
from s11audit.standards.loader import content_hash, load_many
from s11audit.standards.source import MAX_PROBLEMS, Problem

# Seconds: a hang guard, not a speed target (figures are in benchmarks/); every case takes milliseconds.
HANG_GUARD = 10.0
SHORT = 300  # characters: the most one problem's message may take

# A small valid set: two standards, a number item, a guidance paragraph.
VALID = """\
format: s11audit-standards/1
id: hostile-set
title: Hostile set
version: "1.0"
legal_basis: Section 11, Children Act 2004
effective_date: 2026-09-01
organisation_kinds: [agency]
grade_scale:
  name: Red, green
  levels:
    - id: red
      label: Red
      meaning: Not met.
      colour: "#C0392B"
      score: 1
    - id: green
      label: Green
      meaning: Met.
      colour: "#27AE60"
      score: 2
  meets: green
sign_off:
  declaration: We confirm this is accurate.
  signatories:
    - role: Chief executive
standards:
  - id: "1"
    number: "1"
    title: Leadership
    intent: Safeguarding is led from the top.
    guidance: What good looks like.
    descriptors:
      red: No lead.
      green: A lead.
    items:
      - id: "1.1"
        text: How many deputies?
        type: number
        min: 0
        max: 10
  - id: "2"
    number: "2"
    title: Training
    intent: Staff are trained.
    descriptors:
      red: Few trained.
      green: All trained.
    items:
      - id: "2.1"
        text: Training is planned.
        type: graded
"""

BOMB = """\
lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
lol1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]
lol2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]
lol3: &l3 [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]
lol4: &l4 [*l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3]
lol5: &l5 [*l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4]
lol6: &l6 [*l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5, *l5]
lol7: &l7 [*l6, *l6, *l6, *l6, *l6, *l6, *l6, *l6, *l6, *l6]
lol8: &l8 [*l7, *l7, *l7, *l7, *l7, *l7, *l7, *l7, *l7, *l7]
"""  # 10^9 strings once expanded


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request, monkeypatch):
    """Run the test with each YAML parser the loader can use."""
    if request.param == "pure-python":
        monkeypatch.setattr(source, "_Loader", source._PyLoader)
    return request.param


def replace(old: str, new: str, text: str = VALID) -> str:
    assert text.count(old) == 1, f"anchor {old!r} must occur exactly once"
    return text.replace(old, new)


def line_with(text: str, fragment: str) -> int:
    [line] = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    return line


def write(folder: Path, content: str | bytes, name: str = "hostile.yaml") -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def refused(path: Path, bases=()) -> list[Problem]:
    """The problems ``load_file`` gives, checked to come fast, as short single lines."""
    start = time.perf_counter()
    with pytest.raises(StandardsError) as caught:
        load_file(path, bases=bases)
    assert time.perf_counter() - start < HANG_GUARD
    problems = caught.value.problems
    assert problems and all(p.file == path.name for p in problems)
    for problem in problems:
        assert len(problem.message) < SHORT and "\n" not in problem.message, problem.message
        assert FAULT not in problem.message, problem.message
    return problems


def the_problem(path: Path) -> Problem:
    problems = refused(path)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_the_valid_set_loads(tmp_path, parser):
    assert load_file(write(tmp_path, VALID)).id == "hostile-set"


# --- aliases -------------------------------------------------------------------------------------


def test_alias_bomb_is_refused_at_its_first_alias(tmp_path, parser):
    text = VALID + BOMB
    problem = the_problem(write(tmp_path, text, "bomb.yaml"))
    assert problem.line == line_with(text, "lol1:")
    assert problem.message == "YAML aliases (*l0) are not allowed in a standards set; write the text out in full"
    assert str(problem) == f"bomb.yaml:{problem.line}: {problem.message}"


def test_one_harmless_alias_is_refused_too(tmp_path, parser):
    text = replace("      red: No lead.\n      green: A lead.", "      red: &same No lead.\n      green: *same")
    problem = the_problem(write(tmp_path, text))
    assert problem.line == line_with(text, "green: *same")
    assert problem.message == "YAML aliases (*same) are not allowed in a standards set; write the text out in full"


def test_standards_check_on_a_bomb_prints_one_short_line(tmp_path, capsys):
    path = write(tmp_path, BOMB + VALID, "bomb.yaml")
    start = time.perf_counter()
    assert main(["standards", "check", str(path)]) == 1
    assert time.perf_counter() - start < HANG_GUARD
    out, err = capsys.readouterr()
    assert len(out) + len(err) < 2000
    assert out == f"{path}:2: YAML aliases (*l0) are not allowed in a standards set; write the text out in full\n"


# --- size, depth, number of values, length of values ---------------------------------------------


def test_file_over_two_megabytes_is_refused_unread(tmp_path, parser):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.write(VALID.encode())
        stream.truncate(50 * 1024 * 1024)  # 50 MB, mostly NUL bytes, written sparse
    problem = the_problem(path)
    assert (problem.line, problem.where) == (None, "")
    assert problem.message == ("is larger than 2 MB, the most a standards set may be (the largest shipped set is "
                               "60 KB); is it the right file?")


def test_file_just_under_the_size_limit_is_read(tmp_path):
    padding = "# " + "x" * 1000 + "\n"
    text = VALID + padding * ((2 * 1024 * 1024 - len(VALID)) // len(padding))
    assert len(text.encode()) <= 2 * 1024 * 1024
    start = time.perf_counter()
    assert load_file(write(tmp_path, text)).id == "hostile-set"
    assert time.perf_counter() - start < HANG_GUARD


@pytest.mark.parametrize("nesting", ["block", "flow"])
def test_nesting_deeper_than_twenty_levels_is_refused(tmp_path, parser, nesting):
    if nesting == "block":
        deep = "".join("  " * n + f"k{n}:\n" for n in range(30)) + "  " * 30 + "v\n"
        expected_line = len(VALID.splitlines()) + 21  # k20's block is the 21st level (the file is the first)
    else:
        deep = "deep: " + "[" * 25 + "]" * 25 + "\n"
        expected_line = len(VALID.splitlines()) + 1
    problem = the_problem(write(tmp_path, VALID + deep))
    assert problem.line == expected_line
    assert problem.message == "nests lists and blocks more than 20 levels deep, far more than a standards set needs"


def test_nesting_a_hundred_thousand_levels_deep_is_refused_fast(tmp_path, parser):
    problem = the_problem(write(tmp_path, VALID + "deep: " + "[" * 100_000 + "]" * 100_000 + "\n"))
    assert problem.line == len(VALID.splitlines()) + 1
    # libyaml stops at its own limit (1,000 levels) while still reading ahead for the first.
    assert problem.message in ("nests lists and blocks more than 20 levels deep, far more than a standards set needs",
                               "is not valid YAML: exceeded maximum nesting depth")


def test_more_than_ten_thousand_values_are_refused(tmp_path, parser):
    text = VALID + "many: [" + ", ".join(["x"] * 20_000) + "]\n"
    problem = the_problem(write(tmp_path, text))
    assert problem.line == len(VALID.splitlines()) + 1
    assert problem.message == ("holds more than 10,000 values (keys, texts and list entries), far more than a "
                               "standards set needs; is it the right file?")


def test_a_value_over_a_hundred_thousand_characters_is_refused(tmp_path, parser):
    text = replace("title: Hostile set", "title: " + "x" * 150_000)
    problem = the_problem(write(tmp_path, text))
    assert problem.line == 3
    assert problem.message == ("holds a value 150,000 characters long; no value in a standards set may be longer "
                               "than 100,000")


@pytest.mark.parametrize("key, length, limit", [("title", 501, 500), ("guidance", 20_001, 20_000), ("id", 65, 64)])
def test_schema_limits_the_length_of_each_kind_of_text(tmp_path, key, length, limit):
    old = {"title": "    title: Leadership", "guidance": "    guidance: What good looks like.",
           "id": '  - id: "1"'}[key]
    text = replace(old, old.split(":")[0] + ": " + "a" * length)
    problem = the_problem(write(tmp_path, text))
    assert problem.line == line_with(text, "a" * length)
    assert problem.message.endswith(f"is {length:,} characters long; at most {limit:,} are allowed"), problem.message


def test_long_guidance_within_its_limit_loads(tmp_path):
    text = replace("guidance: What good looks like.", "guidance: " + "Good practice. " * 1300)
    assert len(load_file(write(tmp_path, text)).standard("1").guidance) > 19_000


# --- bytes that are not YAML text ----------------------------------------------------------------


def test_tab_indentation(tmp_path, parser):
    text = replace("    title: Training\n", "\ttitle: Training\n")
    problem = the_problem(write(tmp_path, text))
    assert problem.line == line_with(text, "\ttitle: Training")
    assert problem.message == ("is not valid YAML: a tab is used where YAML needs spaces (indent with spaces, "
                               "never tabs)")


def test_invalid_utf8(tmp_path, parser):
    data = VALID.encode("utf-8").replace(b"Staff are trained.", b"Staff are trained.\xff")
    problem = the_problem(write(tmp_path, data))
    bad = data.index(b"\xff")
    # The byte, not the line: the existing contract (tests/core/test_standards.py::test_not_utf8).
    assert (problem.line, problem.message) == (None, f"is not UTF-8 text (byte {bad}); save it as UTF-8")


def test_utf16_is_named(tmp_path, parser):
    problem = the_problem(write(tmp_path, VALID.encode("utf-16")))
    assert problem.message == "is UTF-16 text; save it as UTF-8"


def test_byte_order_mark_at_the_start_is_fine_elsewhere_refused(tmp_path, parser):
    assert load_file(write(tmp_path, b"\xef\xbb\xbf" + VALID.encode())).id == "hostile-set"
    for text in (replace("standards:\n", "\ufeffstandards:\n"), "\ufeff\ufeff" + VALID):
        problem = the_problem(write(tmp_path, text))
        assert problem.line == (line_with(text, "standards:") if text.startswith("format") else 1)
        assert problem.message == ("has a byte order mark (U+FEFF) that is not at the start of the file; were "
                                   "files pasted together? Delete it")


@pytest.mark.parametrize("char, shown_as", [("\x00", "\\x00"), ("\x1b", "\\x1b"), ("\x7f", "\\x7f")])
def test_control_characters(tmp_path, parser, char, shown_as):
    text = replace("title: Training", f"title: Train{char}ing")
    problem = the_problem(write(tmp_path, text))
    assert problem.line == line_with(text, "title: Train")
    assert problem.message == (f"holds the control character {shown_as}, which a text file never has; is the file "
                               "damaged, or not a YAML file?")


# --- YAML that is not a set ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["- format: s11audit-standards/1\n- id: x\n", "just text\n", "42\n", "[1, 2]\n"])
def test_a_document_that_is_a_list_or_a_scalar(tmp_path, parser, text):
    problem = the_problem(write(tmp_path, text))
    assert problem.line == 1
    assert problem.message == "must be a mapping of keys (format, id, title, ...), not a list or text"


def test_several_documents(tmp_path, parser):
    text = VALID + "---\n" + VALID
    problem = the_problem(write(tmp_path, text))
    assert problem.line == line_with(text, "---")
    assert problem.message == "holds more than one YAML document (a second '---'); a standards set is one document"


@pytest.mark.parametrize("key", ["? [a, b]\n: x\n", "? {a: b}\n: x\n", "[a]: b\n"])
def test_keys_that_are_lists_or_blocks(tmp_path, parser, key):
    problem = the_problem(write(tmp_path, VALID + key))
    assert problem.line == len(VALID.splitlines()) + 1
    assert problem.message == "is not valid YAML: a key must be a plain word, not a list or block"


@pytest.mark.parametrize("value, tag", [
    ("!!python/object/apply:os.system ['true']", "!!python/object/apply:os.system"),
    ("!!binary aGVsbG8=", "!!binary"), ("!!timestamp 2026-01-01", "!!timestamp"), ("!!int x", "!!int"),
    ("!!bool maybe", "!!bool"), ("!!map x", "!!map"), ("!!set {a, b}", "!!set"), ("!custom x", "!custom"),
])
def test_yaml_tags_are_refused(tmp_path, parser, value, tag):
    text = replace('version: "1.0"', f"version: {value}")
    problem = the_problem(write(tmp_path, text))
    assert problem.line == 4
    assert problem.message == f"YAML tags ({tag}) are not allowed in a standards set; only !!str is"


def test_str_tag_is_allowed(tmp_path, parser):
    assert load_file(write(tmp_path, replace('version: "1.0"', "version: !!str 1.0"))).version == "1.0"


# --- numbers and dates ---------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["1" * 5000, "-" + "9" * 4301, "1" + ":1" * 3000, "0x" + "f" * 100, "1." + "5" * 60])
def test_a_number_too_long_to_be_right(tmp_path, parser, number):
    text = replace("      score: 2", f"      score: {number}")
    problem = the_problem(write(tmp_path, text))
    assert problem.line == line_with(text, "score: " + number[:5])
    assert problem.message == (f"is not valid YAML: the number {number[:21]}... is {len(number):,} characters "
                               "long; put it in quotes if it is text")


def test_a_large_number_is_out_of_range(tmp_path):
    problem = the_problem(write(tmp_path, replace("        max: 10", "        max: 100000000000000000000")))
    assert problem.where == "standard '1', item '1.1'"
    assert problem.message == "'max' is 100000000000000000000; it must be at most 1,000,000,000,000"


@pytest.mark.parametrize("value, shown_as", [(".inf", ".inf (infinity)"), ("-.inf", "-.inf (infinity)"),
                                             (".nan", ".nan (not a number)"), ("1.0e+400", ".inf (infinity)")])
def test_infinite_and_undefined_numbers(tmp_path, parser, value, shown_as):
    text = replace("      score: 2", f"      score: {value}")
    problem = the_problem(write(tmp_path, text))
    assert (problem.line, problem.where) == (line_with(text, f"score: {value}"), "grade scale, level 'green'")
    assert problem.message == f"'score' must be a number, not {shown_as}"


@pytest.mark.parametrize("value", ["2026-02-30", "2026-09-01 10:00:00", "2026-09-01T10:00:00Z", "20260901"])
def test_dates_that_are_not_plain_dates(tmp_path, parser, value):
    text = replace("effective_date: 2026-09-01", f"effective_date: {value}")
    problem = the_problem(write(tmp_path, text))
    assert problem.line == 6
    assert problem.message.startswith("'effective_date' must be ")  # a date written YYYY-MM-DD, or text


def test_a_date_where_text_is_wanted_stays_text(tmp_path, parser):
    assert load_file(write(tmp_path, replace('version: "1.0"', "version: 2026-09-01"))).version == "2026-09-01"


# --- messages stay short -------------------------------------------------------------------------


def test_a_huge_value_of_the_wrong_kind_is_shown_cut_short(tmp_path, parser):
    text = replace("title: Hostile set", "title: [" + ", ".join(f"entry {n}" for n in range(5000)) + "]")
    problem = the_problem(write(tmp_path, text))
    assert problem.message.startswith("'title' must be text, not list ['entry 0', 'entry 1', ")
    assert problem.message.endswith("...")


def test_many_unknown_keys_are_named_briefly(tmp_path, parser):
    problem = the_problem(write(tmp_path, VALID + "".join(f"extra_{n:04}: 1\n" for n in range(3000))))
    assert problem.message == ("unknown key 'extra_0000', 'extra_0001', 'extra_0002', 'extra_0003', 'extra_0004' "
                               "and 2,995 more (check the spelling; see standards/README.md)")


def test_problems_past_fifty_are_counted_not_listed(tmp_path, parser):
    standards = "".join(f'  - {{id: "s{n}", number: "{n}", title: T, intent: I, items: []}}\n' for n in range(300))
    text = VALID.split("standards:\n", maxsplit=1)[0] + "standards:\n" + standards
    path = write(tmp_path, text)
    problems = refused(path)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[0].message == "no descriptor for grade 'red' (every level of the scale needs one)"
    assert problems[0].where == "standard 's0'"
    assert problems[-1].message == "and 550 more problems not listed (fix the ones above first)"
    assert problems[-1].line is None
    with pytest.raises(StandardsError) as caught:
        load_file(path)
    assert caught.value.summary.endswith("(and 599 more problems)")
    assert len(str(caught.value).splitlines()) == MAX_PROBLEMS + 1


def test_a_file_wrong_everywhere_stops_counting(tmp_path, parser):
    standards = "".join(f"  - {{x{n}: 1}}\n" for n in range(400))
    text = VALID.split("standards:\n", maxsplit=1)[0] + "standards:\n" + standards
    path = write(tmp_path, text)
    problems = refused(path)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].message == "and at least 950 more problems not listed (fix the ones above first)"
    with pytest.raises(StandardsError) as caught:
        load_file(path)
    assert caught.value.summary.endswith("(and at least 999 more problems)")


# --- discovery is never held up ------------------------------------------------------------------


def test_discover_skips_each_hostile_file_in_well_under_a_second(tmp_path, parser):
    hostile = {
        "bomb.yaml": (VALID + BOMB).encode(),
        "huge.yaml": VALID.encode() + b"# " + b"x" * (50 * 1024 * 1024) + b"\n",
        "deep.yaml": (VALID + "".join("  " * n + f"k{n}:\n" for n in range(500))).encode(),
        "flow.yaml": (VALID + "deep: " + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
    }
    reasons = {"bomb.yaml": "YAML aliases (*l0) are not allowed", "huge.yaml": "is larger than 2 MB",
               "deep.yaml": "more than 20 levels deep", "flow.yaml": "nest"}  # libyaml: "nesting depth"
    for name, data in hostile.items():
        folder = tmp_path / name.split(".")[0]
        folder.mkdir()
        write(folder, data, name)
        write(folder, VALID, "good.yaml")
        start = time.perf_counter()
        report = discover([folder])
        # The app reads with libyaml; PyYAML's own parser (its fallback) reads ahead more slowly.
        assert time.perf_counter() - start < HANG_GUARD, name
        assert [s.id for s in report.sets] == ["hostile-set"]
        [skipped] = report.skipped
        assert skipped.path.name == name
        assert skipped.reason.startswith(f"{name}:") and reasons[name] in skipped.reason, skipped.reason
        assert len(skipped.reason) < SHORT


def test_a_folder_or_pipe_named_like_a_set_is_not_read(tmp_path):
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    problem = the_problem(folder)
    assert problem.message == "is not a file"


# --- snapshots -----------------------------------------------------------------------------------


def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


def _shared_bomb() -> list:
    value: list = ["lol"] * 10
    for _ in range(8):
        value = [value] * 10  # shared, as a YAML alias would make it: 10^9 strings if walked
    return value


@pytest.fixture(scope="module")
def valid_content(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("snapshot")
    return json.loads(json.dumps(load_file(write(folder, VALID)).content))


def _altered(content: dict, **changes) -> dict:
    altered = json.loads(json.dumps(content))
    altered.update(changes)
    return altered


SNAPSHOTS = {
    "not-a-dict": (lambda c: [c], "must be a block of keys (format, id, title, ...), not list"),
    "none": (lambda c: None, "must be a block of keys (format, id, title, ...), not nothing"),
    "missing-key": (lambda c: {k: v for k, v in c.items() if k != "grade_scale"}, "missing required key 'grade_scale'"),
    "standards-text": (lambda c: _altered(c, standards="abc"), "'standards' must be a list, not text 'abc'"),
    "items-text": (lambda c: _altered(c, standards=[{**c["standards"][0], "items": "abc"}]),
                   "'items' must be a list, not text 'abc'"),
    "nan-score": (lambda c: _altered(c, grade_scale={**c["grade_scale"], "levels": [
        {**level, "score": math.nan} for level in c["grade_scale"]["levels"]]}), "'score' must be a number, not .nan"),
    "huge-int": (lambda c: _altered(c, grade_scale={**c["grade_scale"], "levels": [
        {**level, "score": 10 ** 5000} for level in c["grade_scale"]["levels"]]}), "holds a number far too large"),
    "deep": (lambda c: _altered(c, title=_nested(100_000)), "nests lists and blocks more than 20 levels deep"),
    "shared-bomb": (lambda c: _altered(c, title=_shared_bomb()), "holds more than 10,000 values"),
    "wide": (lambda c: _altered(c, title=list(range(10 ** 6))), "holds more than 10,000 values"),
    "long-text": (lambda c: _altered(c, title="x" * 10 ** 7), "holds a value 10,000,000 characters long"),
    "int-key": (lambda c: {**c, 1: "x"}, "has the key 1, which is not text"),
    "set-value": (lambda c: _altered(c, title={"a"}), "holds a value of type set"),
}


@pytest.mark.parametrize("case", list(SNAPSHOTS))
def test_snapshot_only_ever_gives_a_standards_error(valid_content, case):
    make, expected = SNAPSHOTS[case]
    content = make(valid_content)
    for expected_hash in ("", "0" * 64):  # the real hash too: test_snapshot_with_a_matching_hash_...
        start = time.perf_counter()
        with pytest.raises(StandardsError) as caught:
            set_from_snapshot(content, expected_hash)
        assert time.perf_counter() - start < HANG_GUARD
        assert expected in str(caught.value), str(caught.value)
        assert len(str(caught.value)) < 1000 and FAULT not in str(caught.value)


def test_snapshot_with_a_matching_hash_is_still_checked(valid_content):
    # Whoever writes an audit file or a return can compute the hash of any content they write.
    content = _altered(valid_content, sign_off={"signatories": []})
    with pytest.raises(StandardsError) as caught:
        set_from_snapshot(content, content_hash(content))
    assert "missing required key 'declaration'" in str(caught.value)


def test_a_valid_snapshot_still_builds(valid_content):
    built = set_from_snapshot(valid_content, content_hash(valid_content))
    assert built.id == "hostile-set" and built.content_hash == content_hash(valid_content)
    assert set_from_snapshot(json.loads(json.dumps(valid_content))) == built


def test_every_wrong_type_in_a_snapshot_is_a_standards_error(valid_content):
    """Each value of the valid content replaced, one at a time, by values of every other JSON type."""
    replacements = [None, True, -1.5, "", [None], {"id": None}, math.inf]
    paths = _paths(valid_content)
    for path in paths:
        for value in replacements:
            content = json.loads(json.dumps(valid_content))
            _set_at(content, path, value)
            try:
                set_from_snapshot(content)
            except StandardsError as exc:
                assert FAULT not in str(exc), (path, value, str(exc))


def _paths(value, path=()) -> list[tuple]:
    found = [path] if path else []
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in children:
        found += _paths(child, (*path, key))
    return found


def _set_at(content, path: tuple, value) -> None:
    for step in path[:-1]:
        content = content[step]
    content[path[-1]] = value


# --- fuzzing the shipped sets --------------------------------------------------------------------


def test_every_mutation_still_gives_bytes():
    rng = random.Random(0)
    data = VALID.encode()
    for name, mutation in MUTATIONS.items():
        assert isinstance(mutation(data, rng), bytes), name


def test_fuzzed_shipped_sets_only_ever_give_standards_errors(tmp_path):
    """A few hundred damaged copies of the shipped sets (cut to two standards each, to be quick;
    ``benchmarks/fuzz_standards.py`` runs the whole sets, many more times): ``load_file`` gives a
    set or a StandardsError with short messages, ``load_many`` never raises, no case is slow."""
    start = time.perf_counter()
    results = fuzz(300, seed=20261201, folder=tmp_path, sources=trimmed_sources())
    outcomes = {r.outcome for r in results}
    failed = [(r.case.number, r.case.mutations, r.outcome, r.detail) for r in results
              if r.outcome not in ("loaded", "refused")]
    assert not failed, failed
    assert "refused" in outcomes and len(results) == 300
    slowest = max(results, key=lambda r: r.seconds)
    assert slowest.seconds < HANG_GUARD, (slowest.case.mutations, slowest.seconds)
    assert time.perf_counter() - start < 60  # a hang guard for the whole run (a few seconds)
    assert {m for r in results for m in r.case.mutations} == set(MUTATIONS)  # every kind was tried


def test_load_many_never_raises_for_a_folder_of_fuzzed_files(tmp_path):
    rng = random.Random(7)
    sources = trimmed_sources()
    from benchmarks.fuzz_standards import make_case

    for n in range(40):
        write(tmp_path, make_case(n, rng, sources).data, f"case-{n}.yaml")
    report = load_many(sorted(tmp_path.iterdir()))
    assert len(report.sets) + len(report.skipped) == 40
    assert all(FAULT not in s.reason for s in report.skipped)
