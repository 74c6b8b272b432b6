"""The compliance statements ``benchmarks/make_returns.py`` writes (issue 16) verify, import cleanly into a
statement cycle (none refused, none flagged) and give the statement figures their contents say, so
``benchmarks/bench_statements.py`` cannot silently measure refusals.

Twenty organisations on the shipped S175 set: their 2026/27 returns go into a full cycle, their 2027/28
statements into a statement cycle based on it. The expected figures are counted from the statements'
``return.json`` here, by the rule in ``statements.py``'s docstring.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from benchmarks.make_returns import make_register, read_baseline, write_register_csv, write_returns, write_statements
from s11audit.business_unit import statements
from s11audit.business_unit.importing import IMPORTED, import_returns
from s11audit.business_unit.register import import_register
from s11audit.business_unit.workspace import Workspace
from s11audit.returns import KIND_STATEMENT, read_return, verify_return

N = 20
AS_OF = dt.date(2028, 4, 30)  # after every statement was signed


@pytest.fixture(scope="module")
def made(tmp_path_factory, shipped_sets):
    folder = tmp_path_factory.mktemp("made")
    s175 = shipped_sets["s175-kcsie2025"]
    organisations = make_register(N, s175)
    register = write_register_csv(folder / "register.csv", organisations)
    baselines = write_returns(folder / "returns", s175, organisations)
    made = write_statements(folder / "statements", s175, organisations, baselines, with_evidence=True)
    return s175, register, baselines, made


def _expected_category(entry: dict) -> str:
    due = entry["baseline_action"]["due_date"]
    if entry["status"] == "dropped":
        return "dropped"
    if entry["status"] == "complete":
        return "completed_late" if entry["completed_on"] > due else "completed"
    return "overdue" if (entry["new_due_date"] or due) < AS_OF.isoformat() else "on_time"


def test_statements_verify_and_name_their_baseline_signed_with_the_same_key(made):
    _, _, baselines, made_statements = made
    assert len(made_statements) == N
    for baseline, statement in zip(baselines, made_statements, strict=True):
        checked = verify_return(statement)
        assert checked.valid, checked.reason
        assert checked.kind == KIND_STATEMENT and checked.cycle == "2027/28"
        assert checked.fingerprint == verify_return(baseline).fingerprint
        content = read_return(statement).content
        baseline_content, sha256 = read_baseline(baseline)
        assert content["baseline"]["content_sha256"] == sha256
        open_actions = [i for i, a in enumerate(baseline_content["action_plan"]) if a["status"] != "complete"]
        assert [e["baseline_action"]["index"] for e in content["statement"]["action_progress"]] == open_actions
        graded = [s["standard_id"] for s in baseline_content["standards"] if s["grade"] is not None]
        assert [s["standard_id"] for s in content["statement"]["standards"]] == graded


def test_statements_import_cleanly_and_give_the_figures_their_contents_say(made, tmp_path):
    s175, register, baselines, made_statements = made
    contents = [read_return(p).content for p in made_statements]
    positions = Counter(e["position"] for c in contents for e in c["statement"]["standards"])
    progress = [e for c in contents for e in c["statement"]["action_progress"]]
    categories = Counter(_expected_category(e) for e in progress)
    # The generated mix has every kind of answer, so the figures below test something.
    assert set(positions) == {"same", "improved", "declined"}
    assert {e["status"] for e in progress} == {"complete", "in_progress", "dropped", "not_started"}

    with Workspace.create(tmp_path / "unit.s11workspace", "Officer") as workspace:
        full = workspace.add_cycle("2026/27", s175, dt.date(2027, 3, 31))
        import_register(workspace, full, register)
        assert {f.outcome for f in import_returns(workspace, full, baselines).files} == {IMPORTED}
        cycle = workspace.add_cycle("2027/28", s175, dt.date(2028, 3, 31), kind="statement", baseline="2026/27")
        import_register(workspace, cycle, register)
        report = import_returns(workspace, cycle, made_statements)
        assert [(f.outcome, f.flag) for f in report.files] == [(IMPORTED, "")] * N, report.summary()

        figures = statements.statement_figures(workspace, cycle, as_of=AS_OF)
    assert (figures.statements, figures.flagged) == (N, 0)
    assert sum(c.answered for c in figures.confirmation) == positions.total()
    assert (sum(c.same for c in figures.confirmation), sum(c.improved for c in figures.confirmation),
            sum(c.declined for c in figures.confirmation)) == (positions["same"], positions["improved"],
                                                               positions["declined"])
    assert len(figures.declines) == positions["declined"]
    assert figures.progress == statements.Tally(**categories)
    assert len(figures.chase) == categories["overdue"]
    assert len(figures.histories) == N and all(h.baseline_return_id is not None for h in figures.histories)
    assert sum(len(h.new_actions) for h in figures.histories) == positions["declined"]
    evidence = sum(len(step.evidence) for h in figures.histories for step in h.steps)
    assert evidence == sum(len(c["evidence"]) for c in contents) > 0
