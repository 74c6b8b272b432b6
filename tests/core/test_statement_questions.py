"""A standards set's own annual compliance statement questions and declaration (issue 16): the ``statement``
section of a set (``standards/README.md``).

A set with its own section words the three positions its way, may ask for no new grade, and gives the
declaration the statement is signed with, which its return carries. A set without one asks the default
questions and is signed with the default declaration. A malformed section is refused like any other
standards error, naming the file and the line.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from s11audit.export import export_statement
from s11audit.returns import read_return, verify_return
from s11audit.sample import SIGNATORY_NAMES, make_sample
from s11audit.paths import shipped_standards_dir
from s11audit.standards import StandardsError, load_file, set_from_snapshot
from s11audit.standards.loader import content_hash
from s11audit.standards.model import DEFAULT_STATEMENT, DEFAULT_STATEMENT_DECLARATION, StatementQuestions
from s11audit.standards.workbook_read import read_workbook
from s11audit.standards.workbook_write import set_file_content, write_workbook
from s11audit.store import AuditFile, AuditFileError, SignatoryEntry
from s11audit.store.statement import ComplianceStatement

TODAY = dt.date.today()
OWN_DECLARATION = ("On behalf of the board, we confirm that this yearly statement is true, and that the progress "
                   "given for each action is as our board heard it.")
# The partnership's own statement: its words for the positions, no new grade, its own prompts and declaration.
OWN_STATEMENT = f"""
statement:
  declaration: >
    {OWN_DECLARATION}
  positions:
    same: No change since the last full audit
    improved: Better
    declined: Worse
  ask_new_grade: false
  narrative_prompt: "Tell us what is different, and how you know:"
  action_progress_prompt: Say where each action has got to.

standards:
"""


def _set_file(folder: Path, section: str, name: str = "our-s11.yaml", set_id: str = "our-s11") -> Path:
    """The shipped S11 set as a partnership's own (its own id), with ``section`` (which ends by starting the
    standards) put before its standards."""
    text = (shipped_standards_dir() / "s11-wt2023.yaml").read_text(encoding="utf-8")
    end = text.index("\nstandards:\n")
    text = text[:end] + section + text[end + len("\nstandards:\n"):]
    text = text.replace('id: "s11-wt2023"', f'id: "{set_id}"', 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _line(path: Path, starting: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                if line.startswith(starting))


def _problems(path: Path) -> list:
    with pytest.raises(StandardsError) as caught:
        load_file(path)
    return caught.value.problems


@pytest.fixture(scope="module")
def own_set(tmp_path_factory):
    return load_file(_set_file(tmp_path_factory.mktemp("own"), OWN_STATEMENT))


@pytest.fixture(scope="module")
def own_baseline(tmp_path_factory, own_set) -> Path:
    """A signed full audit on the set with its own statement questions."""
    return make_sample(tmp_path_factory.mktemp("baseline") / "baseline.s11audit", own_set, signed=True,
                       sample=False, cycle="2026/27")


def _sign(statement: ComplianceStatement) -> None:
    statement.sign([SignatoryEntry(role.role, SIGNATORY_NAMES[i], TODAY, True)
                    for i, role in enumerate(statement.standards_set.sign_off.signatories)])


def _answer(statement: ComplianceStatement) -> None:
    for standard in statement.standards:
        statement.set_position(standard.id, "same")
    statement.set_position("6", "declined")
    statement.set_narrative("6", "Two recruitment files had no reference.")
    statement.actions.add("6", "Audit every recruitment file", owner="HR Business Partner",
                          due_date=dt.date(2028, 3, 31))
    for action in statement.open_actions():
        statement.update_progress(action.id, status="in_progress", note="Under way.")


# --- the set's questions --------------------------------------------------------------------------------


def test_a_set_with_its_own_statement_section(own_set):
    questions = own_set.statement
    assert questions.declaration == OWN_DECLARATION
    assert questions.positions == {"same": "No change since the last full audit", "improved": "Better",
                                   "declined": "Worse"}
    assert not questions.ask_new_grade
    assert questions.narrative_prompt == "Tell us what is different, and how you know:"
    assert questions.action_progress_prompt == "Say where each action has got to."
    assert questions.position_question() == ("choose \u201cNo change since the last full audit\u201d, "
                                             "\u201cBetter\u201d or \u201cWorse\u201d")
    assert own_set.sign_off.declaration != OWN_DECLARATION  # the full audit keeps its own


def test_a_set_without_a_statement_section_asks_the_defaults(shipped_sets, tmp_path):
    example = shipped_sets["s11-criteria-example"]
    assert "statement" not in example.content and example.statement == DEFAULT_STATEMENT
    assert example.statement == StatementQuestions()
    assert example.statement.declaration == DEFAULT_STATEMENT_DECLARATION
    assert example.statement.positions == {"same": "Still as at the baseline", "improved": "Improved",
                                           "declined": "Declined"}
    assert example.statement.ask_new_grade
    assert example.statement.position_question() == "say whether it is still as at the baseline, improved or declined"
    # Only some keys given: the rest are the defaults.
    partial = load_file(_set_file(tmp_path, "\nstatement:\n  positions:\n    improved: Better\n\nstandards:\n"))
    assert partial.statement.positions == {"same": "Still as at the baseline", "improved": "Better",
                                           "declined": "Declined"}
    assert partial.statement.declaration == DEFAULT_STATEMENT_DECLARATION and partial.statement.ask_new_grade


def test_the_shipped_sets_ask_the_default_statement_questions(shipped_sets):
    """The shipped sets give no statement section (adding one would change their content, which needs a new
    version): they ask the defaults, and their statement declaration is not the full audit's."""
    for set_id in ("s11-wt2023", "s175-kcsie2025"):
        standards_set = shipped_sets[set_id]
        assert "statement" not in standards_set.content
        assert standards_set.statement.declaration == DEFAULT_STATEMENT_DECLARATION
        assert standards_set.statement.ask_new_grade
        assert standards_set.statement.declaration != standards_set.sign_off.declaration


def test_the_section_is_kept_in_the_snapshot_and_the_workbook(own_set, tmp_path):
    rebuilt = set_from_snapshot(json.loads(json.dumps(own_set.content)), own_set.content_hash)
    assert rebuilt.statement == own_set.statement
    source = _set_file(tmp_path, OWN_STATEMENT)
    content = set_file_content(source)
    back = read_workbook(write_workbook(content, tmp_path / "our-s11.xlsx"))
    assert back["statement"] == content["statement"] and content_hash(back) == content_hash(content)


# --- malformed sections ------------------------------------------------------------------------------


def test_a_malformed_statement_section_is_refused_naming_file_and_line(tmp_path):
    path = _set_file(tmp_path, "\nstatement:\n  declaration: We confirm it.\n  ask_new_grade: perhaps\n"
                               "\nstandards:\n", "bad-grade.yaml")
    [problem] = _problems(path)
    assert (problem.file, problem.line) == ("bad-grade.yaml", _line(path, "  ask_new_grade:"))
    assert problem.message == "'ask_new_grade' must be true or false, not text 'perhaps'"
    assert str(problem).startswith(f"bad-grade.yaml:{problem.line}:")

    path = _set_file(tmp_path, "\nstatement:\n  declaraton: We confirm it.\n\nstandards:\n", "typo.yaml")
    [problem] = _problems(path)
    assert (problem.file, problem.line) == ("typo.yaml", _line(path, "  declaraton:"))
    assert problem.message.startswith("unknown key 'declaraton'")

    path = _set_file(tmp_path, "\nstatement:\n  narrative_prompt: \"  \"\n\nstandards:\n", "blank.yaml")
    [problem] = _problems(path)
    assert (problem.line, problem.message) == (_line(path, "  narrative_prompt:"),
                                               "'narrative_prompt' must not be blank")

    path = _set_file(tmp_path, "\nstatement: We confirm it.\n\nstandards:\n", "not-a-block.yaml")
    [problem] = _problems(path)
    assert problem.line == _line(path, "statement:") and "must be a block of keys" in problem.message


def test_two_positions_in_the_same_words_are_refused(tmp_path):
    path = _set_file(tmp_path, "\nstatement:\n  positions:\n    same: Improved\n\nstandards:\n", "same-words.yaml")
    [problem] = _problems(path)
    assert (problem.file, problem.line) == ("same-words.yaml", _line(path, "    same:"))
    assert problem.message == ("the statement positions 'same' and 'improved' both read 'Improved'; give each its "
                               "own words")


# --- the statement asks the set's questions -----------------------------------------------------------


def test_a_statement_asks_its_sets_questions_and_is_signed_with_its_declaration(own_baseline, tmp_path):
    path = tmp_path / "own.s11audit"
    path.write_bytes(own_baseline.read_bytes())
    returned = tmp_path / "statement.s11return"
    with AuditFile.open(path, "Priya Shah") as audit_file:
        statement = audit_file.start_statement(audit_file.audits()[0].id, "2027/28")
        assert statement.questions.declaration == statement.declaration == OWN_DECLARATION
        assert not statement.asks_new_grade
        assert (statement.position_label("same"), statement.position_label("declined"),
                statement.position_label("")) == ("No change since the last full audit", "Worse", "Not answered yet")
        first = statement.missing()[0]
        assert first.message.endswith(": choose \u201cNo change since the last full audit\u201d, \u201cBetter\u201d "
                                      "or \u201cWorse\u201d")
        with pytest.raises(AuditFileError, match="does not ask for a new grade"):
            statement.set_new_grade("6", "red")
        statement.set_new_grade("6", None)  # clearing is no new grade: allowed
        _answer(statement)
        changes = [(t.old_value, t.new_value) for t in statement.trail() if t.what == "Statement, standard 6: position"]
        assert sorted(changes) == [("No change since the last full audit", "Worse"),
                                   ("Not answered yet", "No change since the last full audit")]
        assert statement.missing() == ()
        _sign(statement)
        export_statement(audit_file, statement, returned)

    assert verify_return(returned).valid
    content = read_return(returned).content
    assert content["sign_off"]["declaration"] == OWN_DECLARATION
    assert {s["new_grade"] for s in content["statement"]["standards"]} == {None}
    assert read_return(returned).standards["statement"]["ask_new_grade"] is False  # the set the questions came from


def test_a_statement_on_a_set_without_a_section_is_signed_with_the_default_declaration(shipped_sets, tmp_path):
    example = shipped_sets["s11-criteria-example"]
    path = make_sample(tmp_path / "example.s11audit", example, signed=True, sample=False, cycle="2026/27")
    returned = tmp_path / "statement.s11return"
    with AuditFile.open(path, "Priya Shah") as audit_file:
        statement = audit_file.start_statement(audit_file.audits()[0].id, "2027/28")
        assert statement.questions == DEFAULT_STATEMENT and statement.asks_new_grade
        assert statement.position_label("same") == "Still as at the baseline"
        for standard in statement.standards:
            statement.set_position(standard.id, "same")
        for action in statement.open_actions():
            statement.update_progress(action.id, status="in_progress", note="Under way.")
        first = statement.standards[0]
        scale = statement.standards_set.scale_of(first.id)
        statement.set_new_grade(first.id, scale.levels[-1].id)  # asked by default
        _sign(statement)
        export_statement(audit_file, statement, returned)
    assert read_return(returned).content["sign_off"]["declaration"] == DEFAULT_STATEMENT_DECLARATION
