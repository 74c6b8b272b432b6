"""The compiled standards schema (``schema_check.py``) is a quick "valid" only for what jsonschema accepts too.

Opening an audit file checks its standards snapshot; jsonschema is imported and run only when the
compiled check refuses or is not sure (``validation.quickly_valid``), so a refused set is worded as
before. Every field of the shipped sets is changed in many ways here, and whatever the quick check
passes must be valid to jsonschema as well.
"""

from __future__ import annotations

import copy
import importlib.util
import random
import subprocess
import sys
from pathlib import Path

import fastjsonschema
import pytest

from s11audit.standards import discover, schema_check
from s11audit.standards.validation import _validator, quickly_valid, schema_problems
from tests.json_mutations import changed, places

ROOT = Path(__file__).resolve().parents[2]
REPLACEMENTS = [None, "", " ", "x", "x" * 65, "x" * 501, "2027-02-30", "2027-02-28", "\u0662\u0660\u0662\u0667-01-01",
                "2027-01-01\n", "a" * 64 + "\n", "#12345G", "P12M", 0, -1, 1, 1.5, 10**13, float("inf"), float("nan"),
                True, False, [], [1], ["a", "a"], ["primary", "primary"], {}, {"a": 1}, "graded", "agency"]
PLACES_PER_SET = 120


def _content(set_id: str) -> dict:
    return copy.deepcopy(next(s for s in discover().sets if s.id == set_id).content)


def _mutations(content, rnd: random.Random):
    inside = [place for place in places(content) if place[0]]
    for path, found in rnd.sample(inside, min(PLACES_PER_SET, len(inside))):
        for new in rnd.sample(REPLACEMENTS, 4):
            yield changed(content, path, new)
        if isinstance(path[-1], str):
            yield changed(content, path, delete=True)
        if isinstance(found, dict):
            yield changed(content, (*path, "unknown_key"), rnd.choice(REPLACEMENTS))


def test_the_compiled_check_is_made_from_the_schema_as_it_is():
    script = ROOT / "packaging" / "generate_schema_check.py"
    spec = importlib.util.spec_from_file_location("generate_schema_check", script)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    written = (ROOT / "s11audit" / "standards" / "schema_check.py").read_text(encoding="utf-8")
    assert written.split("\n", 9)[:9] == generator.module_text().split("\n", 9)[:9], \
        "schema.json changed: run python packaging/generate_schema_check.py"
    if fastjsonschema.VERSION == schema_check.VERSION:  # the code itself, as this fastjsonschema writes it
        assert written == generator.module_text()


@pytest.mark.parametrize("set_id", ["s11-wt2023", "s175-kcsie2025", "s11-criteria-example", "s11-peer-audit"])
def test_a_shipped_set_is_quickly_valid_and_nothing_the_quick_check_passes_is_refused(set_id):
    content = _content(set_id)
    assert quickly_valid(content)
    rnd = random.Random(set_id)
    passed = refused = 0
    for mutated in _mutations(content, rnd):
        if quickly_valid(mutated):
            passed += 1
            assert next(_validator().iter_errors(mutated), None) is None, mutated
        else:
            refused += 1
    assert passed >= 20 and refused >= 100  # both answers were exercised


SCORE = ("grade_scale", "levels", 0, "score")


@pytest.mark.parametrize(("where", "value", "message"), [
    (SCORE, float("inf"), "'score' must be a number, not .inf (infinity)"),
    (SCORE, float("nan"), "'score' must be a number, not .nan (not a number)"),
    (SCORE, True, "'score' must be a number, not bool True"),
    (("effective_date",), "\u0662\u0660\u0662\u0667-01-01",
     "'effective_date' must be a date written YYYY-MM-DD, not '\u0662\u0660\u0662\u0667-01-01'"),
])
def test_values_the_two_checks_may_read_differently_go_to_jsonschema_and_are_worded(where, value, message):
    content = _content("s11-wt2023")
    parent = content
    for step in where[:-1]:
        parent = parent[step]
    parent[where[-1]] = value
    assert not quickly_valid(content)
    assert [problem.message for problem in schema_problems("set.yaml", content, None)] == [message]


def test_opening_an_audit_file_does_not_import_jsonschema(tmp_path, s11_set):
    from s11audit.sample import make_sample

    path = make_sample(tmp_path / "agency.s11audit", s11_set, sample=False)
    code = ("import sys; from s11audit.store import AuditFile\n"
            "with AuditFile.open(sys.argv[1], 'Reader') as f: f.latest_assessment().standards_set\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] == 'jsonschema'))")
    run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
