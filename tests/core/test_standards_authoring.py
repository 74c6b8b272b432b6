"""Authoring errors that teach (issue 11): every pitfall met while transcribing real audit tools,
and the format 2 constructs, each refused with its own message naming the line and the fix.

No Qt here. Each case mutates ``MINI2``, a small valid format 2 set, and checks the one problem it
gives: the message, the line (the line of a fragment of the mutated text) and the place.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from s11audit.standards import StandardsError, load_file
from s11audit.standards.source import Problem

# A small valid format 2 set: an information section in part A; in part B a standard graded from
# two criteria scored 0-3 (mean_score, N/A not allowed) and a standard graded directly.
MINI2 = """\
format: s11audit-standards/2
id: mini-two
title: Mini two
version: "1.0"
legal_basis: Section 11, Children Act 2004
effective_date: 2026-09-01
organisation_kinds: [agency]
grade_scale:
  name: Met or not
  levels:
    - id: not_met
      label: Not met
      meaning: Not met.
      colour: "#C0392B"
      score: 0
      needs_action: true
    - id: met
      label: Met
      meaning: Met.
      colour: "#27AE60"
      score: 1
  meets: met
scales:
  score-0-3:
    name: Score 0 to 3
    levels:
      - id: "0"
        label: None
        meaning: Not in place.
        colour: "#C0392B"
        score: 0
      - id: "1"
        label: Some
        meaning: Partly in place.
        colour: "#E67E22"
        score: 1
      - id: "2"
        label: Clear
        meaning: In place.
        colour: "#F1C40F"
        score: 2
      - id: "3"
        label: Embedded
        meaning: Embedded.
        colour: "#27AE60"
        score: 3
    meets: "2"
groups:
  - id: part-a
    title: Part A
  - id: part-b
    title: Part B
sign_off:
  declaration: We confirm this is accurate.
  signatories:
    - role: Chief executive
standards:
  - id: "A"
    number: "A"
    group: part-a
    kind: information
    title: About you
    intent: Facts about the organisation.
    items:
      - id: "A.1"
        text: Which services do you provide?
        type: multi_choice
        choices: [Children, Parents, Adults]
      - id: "A.2"
        text: When was the policy last reviewed?
        type: date
        within: P12M
  - id: "1"
    number: "1"
    group: part-b
    title: Leadership
    intent: Safeguarding is led from the top.
    grade_from_criteria: mean_score
    not_applicable: not_allowed
    criteria:
      - id: "1.1"
        text: There is a named lead.
        scale: score-0-3
        descriptors:
          "0": No lead.
          "1": A lead on paper.
          "2": A lead who acts.
          "3": A lead whose work shows.
      - id: "1.2"
        text: The board hears about safeguarding.
        scale: score-0-3
        descriptors:
          "0": Never.
          "1": Sometimes.
          "2": Every year.
          "3": Every quarter.
  - id: "2"
    number: "2"
    group: part-b
    title: Training
    intent: Staff are trained.
    descriptors:
      not_met: Few trained.
      met: All trained.
    items:
      - id: "2.1"
        text: How is training delivered?
        type: choice
        choices: [Online, Face to face]
"""


def mutate(*pairs: str, text: str = MINI2) -> str:
    """Replace each ``old`` with ``new`` (pairs given flat); every ``old`` must occur exactly once."""
    for old, new in zip(pairs[::2], pairs[1::2], strict=True):
        assert text.count(old) == 1, f"mutation anchor {old!r} must occur exactly once"
        text = text.replace(old, new)
    return text


def line_of(text: str, fragment: str) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert len(hits) == 1, f"{fragment!r} is on lines {hits}"
    return hits[0]


def problems_in(folder: Path, text: str, name: str = "authored.yaml") -> list[Problem]:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StandardsError) as caught:
        load_file(path)
    return caught.value.problems


def test_the_base_set_is_valid(tmp_path):
    path = tmp_path / "mini2.yaml"
    path.write_text(MINI2, encoding="utf-8")
    loaded = load_file(path)
    assert [s.id for s in loaded.standards] == ["A", "1", "2"]
    assert [c.id for c in loaded.standard("1").criteria] == ["1.1", "1.2"]


# --- one mistake each: (case id, mutated text, fragment on the expected line, where, message) ------

FIX_FORMAT = "write 'format: s11audit-standards/2' at the top"

CASES = [
    # Values YAML reads as numbers or yes/no where the set needs text (text_places.py).
    ("id-3.10-read-as-3.1",
     mutate('  - id: "2"\n    number: "2"', '  - id: 3.10\n    number: "2"'),
     "- id: 3.10", "standard '3.10'", r'^id 3\.10 was read as the number 3\.1; put it in quotes: id: "3\.10"$'),
    ("criterion-id-1.1-read-as-a-number",
     mutate('      - id: "1.1"', "      - id: 1.1"),
     "- id: 1.1", "standard '1', criterion '1.1'", r'^id 1\.1 was read as a number; put it in quotes: id: "1\.1"$'),
    ("version-2026.10-read-as-2026.1",
     mutate('version: "1.0"', "version: 2026.10"),
     "version: 2026.10", "",
     r'^version 2026\.10 was read as the number 2026\.1; put it in quotes: version: "2026\.10"$'),
    ("descriptor-key-01-read-as-1",
     mutate('          "1": Sometimes.', "          01: Sometimes."),
     "01: Sometimes.", "standard '1', criterion '1.2'",
     r'^descriptor key 01 was read as the number 1; put it in quotes: "01":$'),
    ("level-id-2.0-read-as-a-number",
     mutate('      - id: "2"\n        label: Clear', "      - id: 2.0\n        label: Clear"),
     "- id: 2.0", "scale 'score-0-3', level '2.0'", r'^id 2\.0 was read as a number; put it in quotes: id: "2\.0"$'),
    ("choice-yes-read-as-true",
     mutate("choices: [Online, Face to face]", "choices: [Yes, Partly]"),
     "choices: [Yes, Partly]", "standard '2', item '2.1'",
     r'^the choice Yes was read as true \(a yes/no value\); put it in quotes: "Yes"$'),
    ("label-no-read-as-false",
     mutate("      label: Met\n", "      label: No\n"),
     "      label: No\n      meaning: Met.", "grade scale, level 'met'",
     r'^label No was read as false \(a yes/no value\); put it in quotes: label: "No"$'),
    ("choice-split-at-a-comma-inside-brackets",
     mutate("choices: [Online, Face to face]", "choices: [Online, (e.g. CPOMS, MyConcern), Face to face]"),
     "(e.g. CPOMS, MyConcern)", "standard '2', item '2.1'",
     r'^the choice "\(e\.g\. CPOMS" was split at a comma; put each choice in quotes: "\(e\.g\. CPOMS, MyConcern\)"$'),
    # The set id: what is allowed, with the id to write instead.
    ("set-id-with-capitals-and-underscore",
     mutate("id: mini-two", "id: Mini_Two.v2"),
     "id: Mini_Two.v2", "",
     r"^set id 'Mini_Two\.v2' may hold only lower-case letters a-z, digits and '-', starting with a letter or "
     r"digit \(no capitals, spaces, '\.' or '_'\); for example id: mini-two-v2$"),
    # Scores on only some levels of a scale.
    ("score-on-only-some-levels",
     mutate("      score: 1\n  meets: met", "  meets: met", "    grade_from_criteria: mean_score\n",
            "    grade_from_criteria: chosen\n"),
     "- id: met", "grade scale, level 'met'",
     r"^level 'met' has no score, but 'not_met' has one; give every level a score \(score: 1\), or none$"),
    # Format 2 constructs.
    ("criterion-on-an-unknown-scale",
     mutate('        text: The board hears about safeguarding.\n        scale: score-0-3',
            '        text: The board hears about safeguarding.\n        scale: score-0-4'),
     "scale: score-0-4", "standard '1', criterion '1.2'",
     r"^scale 'score-0-4' is not one of the set's scales \(score-0-3\); leave 'scale' out to grade the criterion "
     r"on the set's grade_scale$"),
    ("criterion-without-a-descriptor-for-a-level",
     mutate('          "3": Every quarter.\n', ""),
     '"0": Never.', "standard '1', criterion '1.2'", None),
    ("grade-rule-on-a-standard-without-criteria",
     mutate("    title: Training\n", "    title: Training\n    grade_from_criteria: lowest\n"),
     "grade_from_criteria: lowest", "standard '2'",
     r"^grade_from_criteria needs criteria to derive the grade from: add criteria to this standard, or remove "
     r"grade_from_criteria$"),
    ("mean-score-on-an-unscored-scale",
     mutate("      score: 0\n      needs_action: true\n", "      needs_action: true\n", "      score: 1\n  meets: met",
            "  meets: met"),
     "grade_from_criteria: mean_score", "standard '1'",
     r"^'mean_score' needs a score on every level of grade_scale: give each level a score \(score: 1\), or use "
     r"grade_from_criteria: chosen$"),
    ("standard-in-an-unknown-group",
     mutate("    group: part-b\n    title: Training", "    group: part-c\n    title: Training"),
     "group: part-c", "standard '2'",
     r"^group 'part-c' is not one of the set's groups \(part-a, part-b\); correct it, or add it under groups:$"),
    ("group-split-in-two",
     mutate("    group: part-b\n    title: Leadership", "    group: part-a\n    title: Leadership",
            "    group: part-a\n    kind: information", "    group: part-b\n    kind: information"),
     "group: part-b\n    title: Training", "standard '2'",
     r"^the standards of group 'part-b' must be listed together; this one comes after standards of another "
     r"group: move it up beside the others$"),
    ("information-section-with-descriptors",
     mutate("    kind: information\n",
            "    kind: information\n    descriptors:\n      met: Done.\n      not_met: Not done.\n"),
     "      met: Done.", "standard 'A'",
     r"^an information section is not graded, so it has no 'descriptors': remove 'descriptors', or remove "
     r"'kind: information' to grade the standard$"),
    ("information-section-with-criteria",
     mutate("    kind: information\n", "    kind: information\n    criteria:\n      - id: A.9\n        text: x\n"
                                       "        descriptors: {met: a, not_met: b}\n"),
     "      - id: A.9", "standard 'A'", r"^an information section is not graded, so it has no 'criteria'"),
    ("not-applicable-value-unknown",
     mutate("not_applicable: not_allowed", "not_applicable: never"),
     "not_applicable: never", "standard '1'",
     r"^'not_applicable' is 'never', which is not one of: allowed, not_allowed, reason_required$"),
    ("within-not-a-period",
     mutate("within: P12M", "within: 12 months"),
     "within: 12 months", "standard 'A', item 'A.2'",
     r"^within '12 months' is not a period: write P12M \(12 months\), P3Y \(3 years\), P6W \(6 weeks\), P30D "
     r"\(30 days\) or academic_year$"),
    ("multi-choice-without-choices",
     mutate("        choices: [Children, Parents, Adults]\n", ""),
     '- id: "A.1"', "standard 'A', item 'A.1'",
     r"^missing required key 'choices': a 'multi_choice' item lists what can be chosen \(choices: \[First, "
     r"Second\]\)$"),
    ("format-2-keys-in-a-format-1-file",
     mutate("format: s11audit-standards/2", "format: s11audit-standards/1"),
     "  score-0-3:", "",
     r"^this file uses what only format 2 has \(extra grade scales; groups \(parts or sections\); information "
     r"sections; and 6 more\), but says format 1: " + re.escape(FIX_FORMAT) + "$"),
    ("criterion-id-used-twice",
     mutate('      - id: "1.2"', '      - id: "1.1"'),
     '- id: "1.1"\n        text: The board', "standard '1', criterion '1.1'",
     r"^criterion id '1\.1' is already used in standard '1'$"),
    ("item-id-used-by-a-criterion-of-another-standard",
     mutate('      - id: "2.1"', '      - id: "1.2"'),
     '- id: "1.2"\n        text: How is training', "standard '2', item '1.2'",
     r"^item id '1\.2' is already used by criterion '1\.2' of standard '1'; ids of standards, criteria and items "
     r"must all differ$"),
]


def _line(text: str, fragment: str) -> int:
    """The line of ``fragment`` (its first line when it spans several)."""
    start = text.index(fragment)
    assert text.count(fragment) == 1, f"{fragment!r} occurs more than once"
    return text.count("\n", 0, start) + 1 + (0 if not fragment.startswith("\n") else 1)


@pytest.mark.parametrize("text, fragment, where, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_authoring_mistake_names_its_line_and_fix(tmp_path, text, fragment, where, message):
    [problem] = problems_in(tmp_path, text)
    assert problem.line == _line(text, fragment), str(problem)
    assert problem.where == where
    if message is not None:
        assert re.search(message, problem.message), problem.message
    assert str(problem).startswith(f"authored.yaml:{problem.line}:")


def test_a_missing_criterion_descriptor_names_the_level(tmp_path):
    [problem] = problems_in(tmp_path, mutate('          "3": Every quarter.\n', ""))
    assert problem.message == "no descriptor for grade '3' (every level of the scale needs one)"


def test_whole_numbers_written_plainly_are_taken_as_text(tmp_path):
    quoted = load_file(_written(tmp_path, MINI2, "quoted.yaml"))
    plain = MINI2
    for level in "0123":  # level ids, descriptor keys, and meets of the 0-3 scale, all unquoted
        plain = plain.replace(f'- id: "{level}"', f"- id: {level}").replace(f'"{level}": ', f"{level}: ")
    plain = mutate('    meets: "2"', "    meets: 2", '    number: "2"', "    number: 2", text=plain)  # standard 2 too
    loaded = load_file(_written(tmp_path, plain, "plain.yaml"))
    assert [level.id for level in loaded.scales["score-0-3"].levels] == ["0", "1", "2", "3"]
    assert loaded.criterion("1.1").descriptors["0"] == "No lead."
    assert loaded.standard("2").number == "2"
    assert loaded.content_hash == quoted.content_hash  # the same content as the quoted file


def test_every_misread_value_is_listed_with_its_line(tmp_path):
    text = mutate("choices: [Online, Face to face]", "choices: [Yes, No, (by post, or e-mail)]",
                  'version: "1.0"', "version: 1.10")
    problems = problems_in(tmp_path, text)
    assert [(p.line, p.message) for p in problems] == [
        (4, 'version 1.10 was read as the number 1.1; put it in quotes: version: "1.10"'),
        (109, 'the choice Yes was read as true (a yes/no value); put it in quotes: "Yes"'),
        (109, 'the choice No was read as false (a yes/no value); put it in quotes: "No"'),
        (109, 'the choice "(by post" was split at a comma; put each choice in quotes: "(by post, or e-mail)"'),
    ]


def test_quoted_and_block_lists_are_never_split(tmp_path):
    text = mutate("choices: [Online, Face to face]",
                  'choices: [Online, "(e.g. CPOMS, MyConcern)"]\n      - id: "2.2"\n        text: Where?\n'
                  "        type: choice\n        choices:\n          - (e.g. CPOMS, MyConcern)\n"
                  "          - Paper (kept safe")
    loaded = load_file(_written(tmp_path, text, "fine.yaml"))
    assert loaded.item("2.1").choices == ("Online", "(e.g. CPOMS, MyConcern)")
    assert loaded.item("2.2").choices == ("(e.g. CPOMS, MyConcern)", "Paper (kept safe")


def _written(folder: Path, text: str, name: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
