"""Standards sets: the shipped sets, every kind of malformed file, and discovery across folders.

No Qt here. Malformed files are built by mutating a small valid set (``MINIMAL``) written to
``tmp_path``; each case checks the specific message, the file name, the line and the standard or
item the problem is reported against.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from s11audit.paths import shipped_standards_dir, user_standards_dir
from s11audit.standards import StandardsError, check_files, discover, load_file, set_from_snapshot
from s11audit.standards.source import Problem

# A small valid set: two levels (red needs an action), N/A allowed, two standards, four item types.
MINIMAL = """\
format: s11audit-standards/1
id: mini-set
title: Mini set
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
      needs_action: true
    - id: green
      label: Green
      meaning: Met.
      colour: "#27AE60"
  meets: green
  not_applicable:
    label: Not applicable
    reason_required: true
sign_off:
  declaration: We confirm this is accurate.
  signatories:
    - role: Chief executive
standards:
  - id: "1"
    number: "1"
    title: Leadership
    intent: Safeguarding is led from the top.
    descriptors:
      red: No lead.
      green: A lead.
    items:
      - id: "1.1"
        text: Is there a named lead?
        type: yes_no
        partly: true
      - id: "1.2"
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
      - id: "2.2"
        text: How is training delivered?
        type: choice
        choices: [Online, Face to face]
"""

# The head of MINIMAL (everything before grade_scale), for sets built with based_on.
HEAD = MINIMAL.split("grade_scale:", maxsplit=1)[0]


def mutate(*pairs: str, text: str = MINIMAL) -> str:
    """Replace each ``old`` with ``new`` (pairs given flat); every ``old`` must occur exactly once."""
    for old, new in zip(pairs[::2], pairs[1::2], strict=True):
        assert text.count(old) == 1, f"mutation anchor {old!r} must occur exactly once"
        text = text.replace(old, new)
    return text


def line_of(text: str, fragment: str) -> int:
    """1-based line of the only line of ``text`` that contains ``fragment``."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert len(hits) == 1, f"{fragment!r} is on lines {hits}"
    return hits[0]


def write(folder: Path, text: str, name: str = "set.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path, bases=()) -> list[Problem]:
    with pytest.raises(StandardsError) as caught:
        load_file(path, bases=bases)
    assert caught.value.path == path
    assert caught.value.problems, "a StandardsError must carry at least one problem"
    return caught.value.problems


def the_problem(path: Path, bases=()) -> Problem:
    problems = problems_of(path, bases)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


@pytest.fixture
def minimal_set(tmp_path):
    return load_file(write(tmp_path, MINIMAL, "mini.yaml"))


# --- the shipped sets ----------------------------------------------------------------------------


def test_minimal_set_is_valid(minimal_set):
    assert minimal_set.id == "mini-set"
    assert [s.id for s in minimal_set.standards] == ["1", "2"]
    assert [level.id for level in minimal_set.grade_scale.levels] == ["red", "green"]
    assert minimal_set.grade_scale.level("red").needs_action
    assert minimal_set.item("2.2").choices == ("Online", "Face to face")


def test_every_shipped_set_loads_with_nothing_skipped():
    report = discover()
    assert report.skipped == []
    assert sorted(s.id for s in report.sets) == ["s11-criteria-example", "s11-peer-audit", "s11-wt2023",
                                                 "s175-kcsie2025"]
    shipped_files = sorted(p.name for p in shipped_standards_dir().iterdir() if p.suffix in (".yaml", ".yml"))
    assert len(shipped_files) == len(report.sets)
    assert check_files(shipped_standards_dir() / name for name in shipped_files) == {
        shipped_standards_dir() / name: [] for name in shipped_files}


def test_s11_full_set_has_nine_complete_standards(s11_set):
    level_ids = {level.id for level in s11_set.grade_scale.levels}
    assert level_ids == {"red", "amber", "green", "blue"}
    assert len(s11_set.standards) == 9
    assert [s.number for s in s11_set.standards] == [str(n) for n in range(1, 10)]
    for standard in s11_set.standards:
        assert set(standard.descriptors) == level_ids, standard.id
        assert all(text.strip() for text in standard.descriptors.values()), standard.id
        assert 3 <= len(standard.items) <= 6, (standard.id, len(standard.items))
    assert s11_set.organisation_kinds == ("agency",)


def test_s175_set_has_its_standards_and_checklist_labels(s175_set):
    graded = [s for s in s175_set.standards if s.graded]
    assert len(graded) == 12 and [s.id for s in s175_set.standards if not s.graded] == ["13"]  # the DSL team's contacts
    assert s175_set.organisation_kinds == ("education",)
    labels = {item.report_label for standard in s175_set.standards for item in standard.items}
    assert {"Deputy DSL appointed", "CP records kept separate", "DSL email", "Deputy DSL training date"} <= labels
    level_ids = {level.id for level in s175_set.grade_scale.levels}
    for standard in graded:
        assert set(standard.descriptors) == level_ids, standard.id


def test_peer_audit_set_resolves_from_the_full_set(shipped_sets):
    peer, full = shipped_sets["s11-peer-audit"], shipped_sets["s11-wt2023"]
    assert [s.id for s in peer.standards] == ["2", "3", "5"]
    assert peer.standards == tuple(full.standard(sid) for sid in ("2", "3", "5"))
    assert peer.grade_scale == full.grade_scale
    assert peer.sign_off != full.sign_off  # the peer set gives its own declaration
    assert peer.content["derived_from"] == {"set": "s11-wt2023", "version": full.version, "standards": ["2", "3", "5"]}
    assert "based_on" not in peer.content
    assert [s["id"] for s in peer.content["standards"]] == ["2", "3", "5"]
    # The resolved content stands alone: rebuilt from its snapshot, it is the same set.
    rebuilt = set_from_snapshot(peer.content)
    assert rebuilt == peer and rebuilt.content_hash == peer.content_hash


def test_content_hash_is_stable_and_follows_content(tmp_path, shipped_sets):
    again = {s.id: s for s in discover().sets}
    for set_id, loaded in shipped_sets.items():
        assert len(loaded.content_hash) == 64
        assert again[set_id].content_hash == loaded.content_hash
    assert len({s.content_hash for s in shipped_sets.values()}) == len(shipped_sets) == 4

    original = load_file(write(tmp_path, MINIMAL, "a.yaml"))
    assert load_file(write(tmp_path, MINIMAL, "b.yaml")).content_hash == original.content_hash
    # Comments and layout are not content.
    relaid = mutate("title: Mini set\n", "title: Mini set   # the name users see\n", "[Online, Face to face]",
                    "\n          - Online\n          - Face to face")
    assert load_file(write(tmp_path, relaid, "c.yaml")).content_hash == original.content_hash
    changed = mutate("      green: All trained.", "      green: Every member of staff is trained.")
    assert load_file(write(tmp_path, changed, "d.yaml")).content_hash != original.content_hash
    assert set_from_snapshot(original.content).content_hash == original.content_hash


# A valid peer outcome scale, inserted before ``sign_off:`` by the peer outcome cases.
PEER_OUTCOMES = """\
peer_outcomes:
  name: Peer outcome
  levels:
    - id: met
      label: Met
      meaning: Met after challenge.
      colour: "#27AE60"
      meets: true
    - id: not_met
      label: Not met
      meaning: Not shown to be met.
      colour: "#C0392B"
      meets: false
"""


def test_peer_outcomes_from_the_set_or_the_default_scale(tmp_path, minimal_set, shipped_sets):
    from s11audit.standards import DEFAULT_PEER_OUTCOMES

    assert minimal_set.peer_outcomes == DEFAULT_PEER_OUTCOMES
    assert [o.id for o in DEFAULT_PEER_OUTCOMES.levels] == ["met", "met_with_recommendations", "not_met"]
    assert not DEFAULT_PEER_OUTCOMES.meets_standard("not_met") and DEFAULT_PEER_OUTCOMES.meets_standard("met")
    own = load_file(write(tmp_path, mutate("sign_off:\n", PEER_OUTCOMES + "sign_off:\n"), "own.yaml"))
    assert [(o.id, o.meets) for o in own.peer_outcomes.levels] == [("met", True), ("not_met", False)]
    assert own.peer_outcomes.name == "Peer outcome"
    for set_id in ("s11-wt2023", "s11-peer-audit"):
        scale = shipped_sets[set_id].peer_outcomes
        assert [(o.id, o.meets) for o in scale.levels] == [("met", True), ("met_with_recommendations", True),
                                                           ("not_met", False)]
    # A set based on another takes the base set's outcome scale unless it gives its own.
    peer = load_file(write(tmp_path, mutate("id: mini-set", "id: mini-peer", text=HEAD)
                           + 'based_on:\n  set: mini-set\n  standards: ["2"]\n', "peer.yaml"), bases=[own])
    assert peer.peer_outcomes == own.peer_outcomes


# --- malformed files: one specific problem each --------------------------------------------------

TYPES = "graded, yes_no, number, percentage, date, text, choice, multi_choice"

# (case id, mutated text, fragment on the expected line or None for no line, where, message pattern)
CASES = [
    ("yaml-syntax-colon-in-value",
     mutate("    title: Training\n", "    title: Training: basics\n"),
     "title: Training: basics", "", r"^is not valid YAML: mapping values are not allowed (here|in this context)$"),
    ("yaml-syntax-bad-indent",
     mutate("        type: graded\n", "       type: graded\n"),
     "       type: graded", "", r"^is not valid YAML: "),
    ("missing-grade-scale",
     HEAD + "sign_off:" + MINIMAL.split("sign_off:")[1],
     "format: s11audit-standards/1", "", r"^missing required key 'grade_scale'$"),
    ("missing-item-text",
     mutate("        text: Training is planned.\n", ""),
     '- id: "2.1"', "standard '2', item '2.1'", r"^missing required key 'text'$"),
    ("levels-not-a-list",
     MINIMAL.split("  levels:\n", maxsplit=1)[0] + "  levels: red, green\n  meets:" + MINIMAL.split("  meets:")[1],
     "levels: red, green", "grade scale", r"^'levels' must be a list, not text 'red, green'$"),
    ("version-a-number",
     mutate('version: "1.0"', "version: 1.0"),
     "version: 1.0", "", r'^version 1\.0 was read as a number; put it in quotes: version: "1\.0"$'),
    ("unknown-item-type",
     mutate("type: graded", "type: grade"),
     "type: grade", "standard '2', item '2.1'", rf"^'type' is 'grade', which is not one of: {TYPES}$"),
    ("choice-without-choices",
     mutate("        choices: [Online, Face to face]\n", ""),
     '- id: "2.2"', "standard '2', item '2.2'",
     r"^missing required key 'choices': a 'choice' item lists what can be chosen \(choices: \[First, Second\]\)$"),
    ("choice-with-one-choice",
     mutate("choices: [Online, Face to face]", "choices: [Online]"),
     "choices: [Online]", "standard '2', item '2.2'", r"^'choices' needs at least 2 entries$"),
    ("partly-on-graded-item",
     mutate("        type: graded\n", "        type: graded\n        partly: true\n"),
     '- id: "2.1"', "standard '2', item '2.1'", r"^'partly' is not allowed for an item of type 'graded'$"),
    ("min-on-text-item",
     mutate("        type: graded\n", "        type: text\n        min: 1\n"),
     '- id: "2.1"', "standard '2', item '2.1'", r"^'min' is not allowed for an item of type 'text'$"),
    ("duplicate-standard-id",
     mutate('  - id: "2"\n', '  - id: "1"\n'),
     None, "standard '1'", r"^standard id '1' is used twice$"),
    ("duplicate-item-id-across-standards",
     mutate('      - id: "2.1"', '      - id: "1.1"'),
     None, "standard '2', item '1.1'", r"^item id '1\.1' is already used in standard '1'$"),
    ("missing-descriptor",
     mutate("      green: All trained.\n", ""),
     "red: Few trained.", "standard '2'", r"^no descriptor for grade 'green' \(every level of the scale needs one\)$"),
    ("descriptor-for-unknown-level",
     mutate("      green: A lead.\n", "      green: A lead.\n      gold: The best.\n"),
     "gold: The best.", "standard '1'", r"^descriptor for 'gold', which is not a level of the scale \(red, green\)$"),
    ("meets-unknown-level",
     mutate("  meets: green", "  meets: gren"),
     "meets: gren", "grade scale", r"^meets names 'gren', which is not a level of the scale \(red, green\)$"),
    ("action-required-below-unknown-level",
     mutate("  meets: green\n", "  meets: green\n  action_required_below: amber\n"),
     "action_required_below: amber", "grade scale",
     r"^action_required_below names 'amber', which is not a level of the scale \(red, green\)$"),
    ("duplicate-level-id",
     mutate("    - id: green\n",
            "    - id: green\n      label: Green again\n      meaning: Met.\n      colour: \"#27AE60\"\n"
            "    - id: green\n", text=MINIMAL),
     None, "grade scale, level 'green'", r"^grade level id 'green' is used twice$"),
    ("scores-not-increasing",
     mutate("      needs_action: true\n", "      needs_action: true\n      score: 5\n",
            '      colour: "#27AE60"\n', '      colour: "#27AE60"\n      score: 1\n'),
     "- id: red", "grade scale", r"^scores must increase from the lowest level \(listed first\) to the highest$"),
    ("bad-colour-name",
     mutate('"#27AE60"', "green"),
     "colour: green", "grade scale, level 'green'", r"^colour 'green' must be written #RRGGBB \(e\.g\. #27AE60\)$"),
    ("bad-colour-short",
     mutate('"#C0392B"', '"#C0392"'),
     '"#C0392"', "grade scale, level 'red'", r"^colour '#C0392' must be written #RRGGBB"),
    ("effective-date-impossible",
     mutate("effective_date: 2026-09-01", "effective_date: 2026-13-01"),
     "effective_date:", "", r"^'effective_date' must be a date written YYYY-MM-DD, not '2026-13-01'$"),
    ("effective-date-in-words",
     mutate("effective_date: 2026-09-01", "effective_date: 1 September 2026"),
     "effective_date:", "", r"^'effective_date' must be a date written YYYY-MM-DD, not '1 September 2026'$"),
    ("unsupported-format-version",
     mutate("format: s11audit-standards/1", "format: s11audit-standards/3"),
     "format:", "",
     r"^unsupported format 's11audit-standards/3': this version of s11audit reads 's11audit-standards/1' and "
     r"'s11audit-standards/2'$"),
    ("duplicate-yaml-key",
     mutate("    intent: Staff are trained.\n", "    intent: Staff are trained.\n    title: Training again\n"),
     "title: Training again", "",
     r"^is not valid YAML: the key 'title' appears twice in the same block \(first on line 48\)$"),
    ("item-applies-to-wrong-kind",
     mutate("        type: graded\n", "        type: graded\n        applies_to: [primary]\n"),
     "applies_to: [primary]", "standard '2', item '2.1'",
     r"^applies to 'primary', which is not a type of organisation this set is for \(agency\)$"),
    ("standard-applies-to-wrong-kind",
     mutate("    title: Training\n", "    title: Training\n    applies_to: [health, secondary]\n"),
     "applies_to: [health, secondary]", "standard '2'",
     r"^applies to 'secondary', which is not a type of organisation this set is for \(agency\)$"),
    ("applies-to-unknown-type",
     mutate("        type: graded\n", "        type: graded\n        applies_to: [hospital]\n"),
     "applies_to: [hospital]", "standard '2', item '2.1'",
     r"^this entry is 'hospital', which is not one of: primary, "),
    ("min-greater-than-max",
     mutate("        min: 0\n        max: 10", "        min: 10\n        max: 2"),
     "min: 10", "standard '1', item '1.2'", r"^min 10 is greater than max 2$"),
    ("bad-set-id",
     mutate("id: mini-set", "id: Mini Set"),
     "id: Mini Set", "", r"^set id 'Mini Set' may hold only lower-case letters a-z, digits and '-', starting with a "
                         r"letter or digit \(no capitals, spaces, '\.' or '_'\); for example id: mini-set$"),
    ("based-on-with-own-standards",
     mutate("id: mini-set", "id: mini-peer") + 'based_on:\n  set: mini-set\n  standards: ["1"]\n',
     "format:", "", r"^a set with 'based_on' takes its standards from the base set and must not list its own$"),
    ("peer-outcome-without-meets",
     mutate("sign_off:\n", PEER_OUTCOMES.replace("      meets: false\n", "") + "sign_off:\n"),
     "- id: not_met", "peer outcomes, level 'not_met'", r"^missing required key 'meets'$"),
    ("peer-outcome-duplicate-id",
     mutate("sign_off:\n", PEER_OUTCOMES.replace("id: not_met", "id: met") + "sign_off:\n"),
     None, "peer outcomes, level 'met'", r"^peer outcome id 'met' is used twice$"),
    ("peer-outcomes-all-meet",
     mutate("sign_off:\n", PEER_OUTCOMES.replace("meets: false", "meets: true") + "sign_off:\n"),
     None, "peer outcomes", r"^at least one peer outcome must meet the standard"),
    ("peer-outcome-bad-colour",
     mutate("sign_off:\n", PEER_OUTCOMES.replace('"#C0392B"', "red") + "sign_off:\n"),
     "colour: red", "peer outcomes, level 'not_met'", r"^colour 'red' must be written #RRGGBB"),
    ("peer-outcome-unknown-key",
     mutate("sign_off:\n", PEER_OUTCOMES.replace("      meets: false\n", "      meets: false\n      score: 1\n")
            + "sign_off:\n"),
     "score: 1", "peer outcomes, level 'not_met'", r"^unknown key 'score'"),
    ("peer-outcomes-one-level",
     mutate("sign_off:\n", PEER_OUTCOMES.split("    - id: not_met", maxsplit=1)[0] + "sign_off:\n"),
     None, "peer outcomes", r"^'levels' needs at least 2 entries$"),
]


@pytest.mark.parametrize("text, fragment, where, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_file_is_reported_precisely(tmp_path, text, fragment, where, message):
    path = write(tmp_path, text, "broken-set.yaml")
    problem = the_problem(path)
    assert problem.file == "broken-set.yaml"
    assert re.search(message, problem.message), problem.message
    assert problem.where == where
    if fragment is None:
        assert problem.line is not None
    else:
        assert problem.line == line_of(text, fragment), str(problem)
    # The printed form names file, line and place, as `standards check` shows it.
    assert str(problem) == f"broken-set.yaml:{problem.line}:{' ' + where + ':' if where else ''} {problem.message}"


def test_duplicate_ids_point_at_the_second_use(tmp_path):
    text = mutate('  - id: "2"\n', '  - id: "1"\n')
    assert the_problem(write(tmp_path, text)).line == 46  # the second standard '1', not the first (line 29)
    text = mutate('      - id: "2.1"', '      - id: "1.1"')
    assert the_problem(write(tmp_path, text)).line == 54


def test_unknown_key_is_named(tmp_path):
    text = mutate("title: Mini set", "tittle: Mini set")
    problems = problems_of(write(tmp_path, text, "typo.yaml"))
    messages = sorted(p.message for p in problems)
    assert messages == ["missing required key 'title'",
                        "unknown key 'tittle' (check the spelling; see standards/README.md)"]
    assert {p.file for p in problems} == {"typo.yaml"}

    text = mutate("        text: Is there a named lead?", "        txet: Is there a named lead?")
    problems = problems_of(write(tmp_path, text, "typo.yaml"))
    assert {(p.where, p.message) for p in problems} == {
        ("standard '1', item '1.1'", "unknown key 'txet' (check the spelling; see standards/README.md)"),
        ("standard '1', item '1.1'", "missing required key 'text'"),
    }


def test_unknown_key_is_reported_on_its_own_line(tmp_path):
    text = mutate("legal_basis: Section 11", "legal_basys: Section 11")
    problems = problems_of(write(tmp_path, text))
    unknown = next(p for p in problems if p.message.startswith("unknown key 'legal_basys'"))
    assert unknown.line == line_of(text, "legal_basys:")


def test_invalid_yaml_gives_the_line(tmp_path):
    text = mutate("      red: Few trained.\n", "      red: Few trained.\n    - green: All trained.\n")
    problem = the_problem(write(tmp_path, text, "bad-yaml.yaml"))
    assert problem.file == "bad-yaml.yaml"
    assert problem.message.startswith("is not valid YAML: ")
    assert problem.line == line_of(text, "- green: All trained.")


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n"],
                         ids=["nothing", "blank-lines", "comment", "document-marker"])
def test_empty_file(tmp_path, text):
    problem = the_problem(write(tmp_path, text, "empty.yaml"))
    assert (problem.file, problem.line, problem.where, problem.message) == ("empty.yaml", None, "", "is empty")
    assert str(problem) == "empty.yaml: is empty"


@pytest.mark.parametrize("text", ["- format: s11audit-standards/1\n- id: x\n", "just some text\n", "42\n"],
                         ids=["list", "text", "number"])
def test_top_level_must_be_a_mapping(tmp_path, text):
    problem = the_problem(write(tmp_path, text, "top.yaml"))
    assert (problem.file, problem.line, problem.where) == ("top.yaml", 1, "")
    assert problem.message == "must be a mapping of keys (format, id, title, ...), not a list or text"


def test_not_utf8(tmp_path):
    data = mutate("title: Mini set", "title: Mini set for Ysgol Gymraeg Caerdydd – Café").encode("cp1252")
    path = tmp_path / "latin.yaml"
    path.write_bytes(data)
    problem = the_problem(path)
    first_bad = min(data.index(b"\x96"), data.index(b"\xe9"))
    assert (problem.file, problem.line, problem.where) == ("latin.yaml", None, "")
    assert problem.message == f"is not UTF-8 text (byte {first_bad}); save it as UTF-8"


def test_utf8_with_byte_order_mark_is_fine(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + mutate("title: Mini set", "title: Mini set – Café").encode("utf-8"))
    assert load_file(path).title == "Mini set – Café"


def test_unreadable_file(tmp_path):
    problem = the_problem(tmp_path / "missing.yaml")
    assert problem.file == "missing.yaml"
    assert problem.message.startswith("cannot be read: ")


def test_several_problems_are_reported_together(tmp_path):
    text = mutate('  - id: "2"\n', '  - id: "1"\n',
                  "        min: 0\n        max: 10", "        min: 10\n        max: 2",
                  "      green: A lead.\n", "")
    problems = problems_of(write(tmp_path, text, "many.yaml"))
    assert sorted(p.message for p in problems) == [
        "min 10 is greater than max 2",
        "no descriptor for grade 'green' (every level of the scale needs one)",
        "standard id '1' is used twice",
    ]
    with pytest.raises(StandardsError) as caught:
        load_file(tmp_path / "many.yaml")
    assert caught.value.summary.endswith("(and 2 more problems)")
    assert str(caught.value).count("many.yaml:") == 3


def test_based_on_a_set_that_does_not_exist(tmp_path, minimal_set):
    text = HEAD.replace("id: mini-set", "id: mini-peer") + 'based_on:\n  set: no-such-set\n  standards: ["1"]\n'
    problem = the_problem(write(tmp_path, text, "peer.yaml"), bases=[minimal_set])
    assert (problem.file, problem.where) == ("peer.yaml", "based on")
    assert problem.line == line_of(text, "set: no-such-set")
    assert problem.message == "the base set 'no-such-set' was not found among the loaded standards sets"


def test_based_on_a_version_that_does_not_exist(tmp_path, minimal_set):
    text = (HEAD.replace("id: mini-set", "id: mini-peer")
            + 'based_on:\n  set: mini-set\n  version: "9.9"\n  standards: ["1"]\n')
    problem = the_problem(write(tmp_path, text, "peer.yaml"), bases=[minimal_set])
    assert problem.message == "the base set 'mini-set version 9.9' was not found among the loaded standards sets"


def test_based_on_a_standard_the_base_lacks(tmp_path, minimal_set):
    text = HEAD.replace("id: mini-set", "id: mini-peer") + 'based_on:\n  set: mini-set\n  standards: ["1", "7"]\n'
    problem = the_problem(write(tmp_path, text, "peer.yaml"), bases=[minimal_set])
    assert (problem.file, problem.where) == ("peer.yaml", "based on")
    assert problem.line == line_of(text, 'standards: ["1", "7"]')
    assert problem.message == "the base set 'mini-set' has no standard '7'"


def test_based_on_set_takes_scale_and_sign_off_from_its_base(tmp_path, minimal_set):
    text = HEAD.replace("id: mini-set", "id: mini-peer") + 'based_on:\n  set: mini-set\n  standards: ["2"]\n'
    peer = load_file(write(tmp_path, text, "peer.yaml"), bases=[minimal_set])
    assert [s.id for s in peer.standards] == ["2"]
    assert peer.grade_scale == minimal_set.grade_scale
    assert peer.sign_off == minimal_set.sign_off
    assert peer.content["derived_from"] == {"set": "mini-set", "version": "1.0", "standards": ["2"]}


def test_based_on_set_with_own_scale_needs_descriptors_for_it(tmp_path, minimal_set):
    own_scale = MINIMAL.split("grade_scale:")[1].split("sign_off:", maxsplit=1)[0].replace("id: green", "id: gold")
    own_scale = own_scale.replace("meets: green", "meets: gold")
    text = (HEAD.replace("id: mini-set", "id: mini-peer") + "grade_scale:" + own_scale
            + 'based_on:\n  set: mini-set\n  standards: ["2"]\n')
    problems = problems_of(write(tmp_path, text, "peer.yaml"), bases=[minimal_set])
    assert {(p.file, p.where, p.message) for p in problems} == {
        ("peer.yaml", "standard '2'", "no descriptor for grade 'gold' (every level of the scale needs one)"),
        ("peer.yaml", "standard '2'", "descriptor for 'green', which is not a level of the scale (red, gold)"),
    }


def test_blank_value_is_explained_in_plain_words(tmp_path):
    problem = the_problem(write(tmp_path, mutate("title: Mini set", "title:")))
    assert problem.line == 3
    assert "NoneType" not in problem.message and "None" not in problem.message


def test_complex_yaml_key_is_a_problem_not_a_crash(tmp_path):
    problem = the_problem(write(tmp_path, MINIMAL + "? [a, b]\n: x\n", "odd.yaml"))
    assert problem.file == "odd.yaml" and problem.line == 61


def test_unknown_keys_of_mixed_types_are_a_problem_not_a_crash(tmp_path):
    problems = problems_of(write(tmp_path, MINIMAL + "tittle: x\n2: y\n", "odd.yaml"))
    assert any("unknown key" in p.message and "tittle" in p.message for p in problems)


def test_one_crashing_file_does_not_stop_discovery(tmp_path):
    write(tmp_path, MINIMAL, "good.yaml")
    write(tmp_path, MINIMAL.replace("id: mini-set", "id: other-set") + "tittle: x\n2: y\n", "odd.yaml")
    report = discover([tmp_path])
    assert [s.id for s in report.sets] == ["mini-set"]
    assert [s.path.name for s in report.skipped] == ["odd.yaml"]


# --- check_files ---------------------------------------------------------------------------------


def test_check_files_reports_per_file(tmp_path):
    good = write(tmp_path, MINIMAL, "good.yaml")
    bad = write(tmp_path, mutate("  meets: green", "  meets: gren"), "bad.yaml")
    missing = tmp_path / "missing.yaml"
    results = check_files([good, bad, missing])
    assert list(results) == [good, bad, missing]
    assert results[good] == []
    assert [(p.file, p.line, p.message) for p in results[bad]] == [
        ("bad.yaml", 20, "meets names 'gren', which is not a level of the scale (red, green)")]
    assert results[missing][0].message.startswith("cannot be read")


def test_check_files_resolves_based_on_against_files_checked_together(tmp_path):
    base = write(tmp_path, MINIMAL, "base.yaml")
    peer = write(tmp_path,
                 HEAD.replace("id: mini-set", "id: mini-peer") + 'based_on:\n  set: mini-set\n  standards: ["1"]\n',
                 "peer.yaml")
    assert check_files([peer, base]) == {peer: [], base: []}
    [problem] = check_files([peer])[peer]
    assert problem.message == "the base set 'mini-set' was not found among the loaded standards sets"


def test_check_files_resolves_based_on_against_shipped_sets(tmp_path):
    peer = write(tmp_path, HEAD.replace("id: mini-set", "id: my-peer")
                 + 'based_on:\n  set: s11-wt2023\n  standards: ["1", "9"]\n', "my-peer.yaml")
    assert check_files([peer]) == {peer: []}


# --- discovery -----------------------------------------------------------------------------------


def test_discover_skips_an_invalid_file_whole_and_says_why(tmp_path):
    write(tmp_path, MINIMAL, "good.yaml")
    broken = mutate("id: mini-set", "id: broken-set", "      green: All trained.\n", "")
    write(tmp_path, broken, "broken.yml")
    (tmp_path / "notes.txt").write_text("not a set", encoding="utf-8")
    report = discover([tmp_path])
    assert [s.id for s in report.sets] == ["mini-set"]
    assert report.find("broken-set") is None
    [skipped] = report.skipped
    assert skipped.path == tmp_path / "broken.yml"
    assert skipped.reason == (f"broken.yml:{line_of(broken, 'red: Few trained.')}: standard '2': "
                              "no descriptor for grade 'green' (every level of the scale needs one)")


def test_discover_skips_a_based_on_set_whose_base_is_missing(tmp_path):
    write(tmp_path, MINIMAL, "good.yaml")
    write(tmp_path, HEAD.replace("id: mini-set", "id: orphan") + 'based_on:\n  set: gone-set\n  standards: ["1"]\n',
          "orphan.yaml")
    report = discover([tmp_path])
    assert [s.id for s in report.sets] == ["mini-set"]
    [skipped] = report.skipped
    assert skipped.path.name == "orphan.yaml"
    assert "orphan.yaml" in skipped.reason and "'gone-set' was not found" in skipped.reason


def test_discover_searches_the_per_user_folder(private_home):
    folder = user_standards_dir()
    assert folder.is_relative_to(private_home)
    folder.mkdir(parents=True, exist_ok=True)
    assert discover().find("mini-set") is None
    write(folder, MINIMAL, "mini.yaml")
    report = discover()
    assert report.skipped == []
    found = report.find("mini-set")
    assert found is not None and found.title == "Mini set"
    assert {"s11-wt2023", "s175-kcsie2025", "s11-peer-audit", "mini-set", "s11-criteria-example"} == {
        s.id for s in report.sets}
    assert [s.id for s in report.for_kind("education")] == ["s175-kcsie2025"]


def test_per_user_set_may_be_based_on_a_shipped_set():
    folder = user_standards_dir()
    folder.mkdir(parents=True, exist_ok=True)
    write(folder, HEAD.replace("id: mini-set", "id: leadership-peer")
          + 'based_on:\n  set: s11-wt2023\n  standards: ["1"]\n', "leadership.yaml")
    report = discover()
    assert report.skipped == []
    assert [s.id for s in report.find("leadership-peer").standards] == ["1"]


def test_per_user_copy_of_a_shipped_set_with_different_content_is_skipped(s11_set):
    folder = user_standards_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = (shipped_standards_dir() / "s11-wt2023.yaml").read_text(encoding="utf-8")
    assert text.count('title: "Section 11 self-assessment (Working Together 2023)"') == 1
    write(folder,
          text.replace('title: "Section 11 self-assessment (Working Together 2023)"', 'title: "Our local copy"'),
          "our-s11.yaml")
    report = discover()
    assert [s.content_hash for s in report.sets if s.id == "s11-wt2023"] == [s11_set.content_hash]
    [skipped] = report.skipped
    assert skipped.path == folder / "our-s11.yaml"
    assert skipped.reason == (f"our-s11.yaml: set 's11-wt2023' version 2026.2 is already shipped with s11audit in "
                              f"{shipped_standards_dir() / 's11-wt2023.yaml'} with other content; the shipped one is "
                              "used and this file is not loaded; give this file a new version")
    assert (skipped.set_id, skipped.version) == ("s11-wt2023", "2026.2")
    assert skipped.clashes_with == (shipped_standards_dir() / "s11-wt2023.yaml",)


def test_per_user_identical_copy_is_loaded_once():
    folder = user_standards_dir()
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(shipped_standards_dir() / "s11-wt2023.yaml", folder / "copy.yaml")
    report = discover()
    assert report.skipped == []
    assert [s.id for s in report.sets].count("s11-wt2023") == 1


def test_per_user_new_version_sits_beside_the_shipped_one(s11_set):
    folder = user_standards_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = (shipped_standards_dir() / "s11-wt2023.yaml").read_text(encoding="utf-8")
    text = text.replace('version: "2026.2"', 'version: "2027.1"', 1)
    text = text.replace("effective_date: 2026-09-01", "effective_date: 2027-09-01", 1)
    write(folder, text, "s11-2027.yaml")
    report = discover()
    assert report.skipped == []
    assert sorted(s.version for s in report.sets if s.id == "s11-wt2023") == ["2026.2", "2027.1"]
    assert report.find("s11-wt2023").version == "2027.1"
    assert report.find("s11-wt2023", "2026.2").content_hash == s11_set.content_hash


def test_a_fault_in_the_loader_skips_only_that_file(tmp_path, monkeypatch):
    from s11audit.standards import loader

    shipped = Path(__file__).parents[2] / "standards"
    for name in ("s11-wt2023.yaml", "s175-kcsie2025.yaml"):
        (tmp_path / name).write_text((shipped / name).read_text("utf-8"), "utf-8")
    real = loader._read_valid

    def faulty(path):
        if path.name == "s175-kcsie2025.yaml":
            raise RuntimeError("simulated fault")
        return real(path)

    monkeypatch.setattr(loader, "_read_valid", faulty)
    report = loader.discover([tmp_path])
    assert [s.id for s in report.sets] == ["s11-wt2023"]
    [skipped] = report.skipped
    assert skipped.path.name == "s175-kcsie2025.yaml"
    assert "fault in s11audit itself" in skipped.reason and "simulated fault" in skipped.reason
