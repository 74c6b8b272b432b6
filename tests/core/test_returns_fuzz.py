"""Seeded fuzz of the return readers: byte flips, ZIP member edits and re-signed JSON edits through
``verify_return`` and ``import_returns``. ``benchmarks/fuzz_returns.py`` runs the same with 10,000 cases."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from benchmarks.return_mutations import KINDS, Mutator, base_return
from s11audit.business_unit.importing import FAILED, STORED, import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.returns import read_return, verify_return

CASES = 350


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory, shipped_sets):
    folder = tmp_path_factory.mktemp("fuzz")
    original, key = base_return(folder, shipped_sets["s175-kcsie2025"])
    mutator = Mutator(original.read_bytes(), key, seed=20261201)
    cases = {}
    for index in range(CASES):
        case = mutator.case(index)
        path = folder / f"case-{index:05d}.s11return"
        path.write_bytes(case.data)
        cases[path] = case
    return original, cases


def test_every_kind_of_mutation_is_tried(fuzzed):
    _, cases = fuzzed
    assert {case.kind for case in cases.values()} == set(KINDS)


def test_verify_never_fails_on_a_fuzzed_file_and_accepts_only_signed_content(fuzzed):
    original, cases = fuzzed
    expected = read_return(original).content
    codes: dict[str, int] = {}
    for path, case in cases.items():
        result = verify_return(path)
        codes[result.code] = codes.get(result.code, 0) + 1
        assert result.code != "internal-error", (case.kind, case.detail, result.reason)
        if result.valid and case.unsigned_change:
            assert read_return(path).content == expected, (case.kind, case.detail)
    assert codes.get("valid", 0) < CASES and len(codes) > 8, codes


def test_import_gives_every_fuzzed_file_an_outcome_and_the_workspace_stays_sound(fuzzed, tmp_path, shipped_sets):
    original, cases = fuzzed
    expected = read_return(original).content
    with Workspace.create(tmp_path / "fuzz.s11workspace", user="Business Unit") as workspace:
        cycle = workspace.add_cycle("2026/27", shipped_sets["s175-kcsie2025"], dt.date(2027, 3, 31))
        workspace.add_organisation(cycle.id, OrganisationEntry("St Aidan's CE Primary School", "URN 124578",
                                                               "Education", "primary"))
        report = import_returns(workspace, cycle, list(cases))
        assert len(report.files) == CASES and not report.stopped
        failed = [(o.path.name, o.reason) for o in report.files if o.outcome == FAILED]
        assert failed == []
        for outcome in report.files:
            if outcome.outcome in STORED and cases[outcome.path].unsigned_change:
                assert workspace.return_content(outcome.return_id) == expected, cases[outcome.path].detail
        assert len(workspace.import_log(batch=report.batch)) == CASES
        assert workspace.session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        stored = workspace.returns(cycle.id)
        assert all(json.dumps(workspace.return_content(r.id)) for r in stored)
