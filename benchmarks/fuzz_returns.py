"""Fuzz the return readers with 10,000 seeded mutations of a valid return; prints what happened.

    python benchmarks/fuzz_returns.py [--cases 10000] [--seed 20261201] [--keep DIR]

Every case (``return_mutations.py``: byte flips, header bytes, cuts, bytes added, ZIP member edits,
re-signed JSON edits) goes through ``verify_return``, then all of them through one
``import_returns`` batch into a new workspace. Targets: 0 errors of s11audit itself
(``internal-error`` / ``failed``), 0 accepted returns whose content differs from the signed
original (for cases not signed again), every file an outcome, ``integrity_check`` ok.
The test suite runs the same with a few hundred cases (``tests/core/test_returns_fuzz.py``).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@dataclass
class Verified:
    """What ``verify_return`` said of every case."""

    by_kind: dict[str, collections.Counter]
    internal: list[tuple[str, str, str]]  # (kind, detail, reason) of s11audit's own errors
    wrong_content: list[tuple[str, str]]  # (kind, detail) of valid cases whose content is not the original's
    slowest: tuple[float, str]
    seconds: float


@dataclass
class Imported:
    """What one ``import_returns`` batch of every case did."""

    outcomes: collections.Counter
    failed: list
    stored_wrong: list
    integrity: str
    logged: int
    seconds: float


def _write_cases(folder: Path, standards_set, count: int, seed: int) -> tuple[dict, dict]:
    """The mutated cases written to ``folder`` (by path), and the signed original's content."""
    from benchmarks.return_mutations import Mutator, base_return
    from s11audit.returns import read_return

    original, key = base_return(folder, standards_set)
    expected = read_return(original).content
    mutator = Mutator(original.read_bytes(), key, seed=seed)
    cases = {}
    for index in range(count):
        case = mutator.case(index)
        path = folder / f"case-{index:05d}.s11return"
        path.write_bytes(case.data)
        cases[path] = case
    return cases, expected


def _verify_each(cases: dict, expected: dict) -> Verified:
    from s11audit.returns import read_return, verify_return

    by_kind: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    internal, wrong_content, slowest = [], [], (0.0, "")
    started = time.perf_counter()
    for path, case in cases.items():
        began = time.perf_counter()
        result = verify_return(path)
        took = time.perf_counter() - began
        slowest = max(slowest, (took, f"{case.kind}: {case.detail}"))
        by_kind[case.kind][result.code] += 1
        if result.code == "internal-error":
            internal.append((case.kind, case.detail, result.reason))
        elif result.valid and case.unsigned_change and read_return(path).content != expected:
            wrong_content.append((case.kind, case.detail))
    return Verified(by_kind, internal, wrong_content, slowest, time.perf_counter() - started)


def _import_all(folder: Path, standards_set, cases: dict, expected: dict) -> Imported:
    from sqlalchemy import text

    from s11audit.business_unit.importing import FAILED, STORED, import_returns
    from s11audit.business_unit.workspace import OrganisationEntry, Workspace

    with Workspace.create(folder / "fuzz.s11workspace", user="fuzz") as workspace:
        cycle = workspace.add_cycle("2026/27", standards_set, dt.date(2027, 3, 31))
        workspace.add_organisation(cycle.id, OrganisationEntry("St Aidan's CE Primary School", "URN 124578",
                                                               "Education", "primary"))
        started = time.perf_counter()
        report = import_returns(workspace, cycle, list(cases))
        seconds = time.perf_counter() - started
        outcomes = collections.Counter(o.outcome for o in report.files)
        failed = [o for o in report.files if o.outcome == FAILED]
        stored_wrong = [o for o in report.files if o.outcome in STORED and cases[o.path].unsigned_change
                        and workspace.return_content(o.return_id) != expected]
        integrity = workspace.session.execute(text("PRAGMA integrity_check")).scalar()
        logged = len(workspace.import_log(batch=report.batch))
    return Imported(outcomes, failed, stored_wrong, integrity, logged, seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--keep", type=Path, help="write the cases to this folder and keep them")
    args = parser.parse_args(argv)

    from s11audit.standards import discover

    standards_set = next(s for s in discover().sets if s.id == "s175-kcsie2025")
    with tempfile.TemporaryDirectory() as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        cases, expected = _write_cases(folder, standards_set, args.cases, args.seed)
        verified = _verify_each(cases, expected)
        imported = _import_all(folder, standards_set, cases, expected)

    slowest = verified.slowest
    print(f"{args.cases:,} cases (seed {args.seed})")
    print(f"verify: {verified.seconds:.1f} s in all, slowest case {slowest[0] * 1000:.0f} ms ({slowest[1][:80]})")
    for kind, counts in sorted(verified.by_kind.items()):
        print(f"  {kind:9} " + ", ".join(f"{code} {n}" for code, n in counts.most_common()))
    print(f"import: {imported.seconds:.1f} s; outcomes: "
          + ", ".join(f"{k} {n}" for k, n in imported.outcomes.most_common()))
    print(f"import log lines: {imported.logged:,} of {args.cases:,}; integrity_check: {imported.integrity}")
    print(f"peak memory (RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"errors of s11audit itself: verify {len(verified.internal)}, import {len(imported.failed)} (target 0)")
    print(f"accepted with content other than the signed original: verify {len(verified.wrong_content)}, "
          f"import {len(imported.stored_wrong)} (target 0)")
    for kind, detail, reason in verified.internal[:10]:
        print(f"  internal error: {kind}: {detail}: {reason}")
    for outcome in imported.failed[:10]:
        print(f"  failed: {outcome.path.name}: {outcome.reason}")
    bad = (verified.internal or imported.failed or verified.wrong_content or imported.stored_wrong
           or imported.integrity != "ok" or imported.logged != args.cases)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
