"""Benchmarks for findings; prints figures (targets in brackets).

    python benchmarks/bench_findings.py [N]        (N returns, default 10,000)

1. Findings over N returns of the full S175 set, with last cycle's N for the change  (target <= 2 s)
2. Findings PDF from those findings                                                  (target <= 5 s)
3. Findings workbook (XLSX) with the tidy data sheet                                 (no target; reported)

Records are generated directly as ``ReturnRecord``s: types and sectors in realistic proportions,
items answered only where they apply, grades skewed per standard, some standards not applicable,
a few moderated grades and actions below the "meets" level.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ["S11AUDIT_HOME"] = tempfile.mkdtemp(prefix="s11bench-home-")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.records import ActionRecord, ReturnRecord
from s11audit.organisations import EDUCATION, types_of_kind
from s11audit.standards import ItemType, StandardsSet, discover

EDUCATION_TYPES = (("primary", 60), ("secondary", 15), ("special", 5), ("all_through", 3),
                   ("alternative_provision", 3), ("fe_college", 3), ("independent", 6), ("early_years", 5))
AGENCY_SECTORS = {"health": "Health", "police": "Police", "local_authority": "Local authority",
                  "district_council": "Local authority", "probation": "Justice", "youth_justice": "Justice",
                  "voluntary_community": "Voluntary and community", "other": "Voluntary and community"}
EDUCATION_SECTORS = {"early_years": "Early years", "fe_college": "Further education",
                     "independent": "Independent schools"}


def make_records(standards_set: StandardsSet, n: int, seed: int = 11, better: float = 0.0) -> list[ReturnRecord]:
    """``n`` realistic records for ``standards_set``; ``better`` shifts grades up (a later cycle)."""
    rng = random.Random(seed)
    education = standards_set.organisation_kinds == (EDUCATION,) or EDUCATION in standards_set.organisation_kinds
    if education:
        types = [t for t, _ in EDUCATION_TYPES]
        weights = [w for _, w in EDUCATION_TYPES]
    else:
        types = [t.id for t in types_of_kind("agency")]
        weights = [8, 2, 3, 6, 1, 2, 20, 4][:len(types)]
    levels = [level.id for level in standards_set.grade_scale.levels]
    meets = standards_set.grade_scale.rank(standards_set.grade_scale.meets)
    # Each standard has its own strength: some are met by most, some are the weak areas.
    # The same in every cycle (seeded by the set), so a later cycle differs only by ``better``.
    steady = random.Random(standards_set.id)
    strength = {s.id: steady.uniform(0.35, 0.95) for s in standards_set.standards}
    records = []
    for index in range(n):
        kind = rng.choices(types, weights)[0]
        sector = (EDUCATION_SECTORS.get(kind, "Schools") if education else AGENCY_SECTORS.get(kind, "Other"))
        grades, answers, na, moderated, actions = {}, {}, set(), {}, []
        for standard in standards_set.standards_for(kind):
            if rng.random() < 0.03:
                na.add(standard.id)
                continue
            good = min(0.99, strength[standard.id] + better)
            if rng.random() < 0.02:
                pass  # not graded
            elif rng.random() < good:
                grades[standard.id] = levels[rng.randint(meets, len(levels) - 1)]
            else:
                grades[standard.id] = levels[rng.randint(0, max(0, meets - 1))]
            if standard.id in grades and rng.random() < 0.05:
                moderated[standard.id] = grades[standard.id] if rng.random() < 0.7 else rng.choice(levels)
            if standard.id in grades and levels.index(grades[standard.id]) < meets:
                for _ in range(rng.randint(1, 2)):
                    actions.append(ActionRecord(standard.id, rng.choice(("not_started", "in_progress", "complete"))))
            for item in standard.items_for(kind):
                if rng.random() < 0.04:
                    continue
                answers[item.id] = _answer(item, good, levels, rng)
        records.append(ReturnRecord(f"{100000 + index}", f"Organisation {index + 1}", sector, kind, grades,
                                    frozenset(na), answers, tuple(actions), moderated))
    return records


def _answer(item, good: float, levels, rng: random.Random):
    kind = item.type
    if kind is ItemType.YES_NO:
        roll = rng.random()
        if roll < good + 0.05:
            return "yes"
        return "partly" if item.partly and roll < good + 0.15 else "no"
    if kind is ItemType.NUMBER:
        return rng.randint(int(item.min or 0), int(min(item.max or 40, 40)))
    if kind is ItemType.PERCENTAGE:
        return round(min(100.0, max(0.0, rng.gauss(85 * good + 15, 10))), 1)
    if kind is ItemType.DATE:
        return (dt.date(2026, 9, 1) - dt.timedelta(days=int(rng.expovariate(1 / 400)))).isoformat()
    if kind is ItemType.CHOICE:
        return rng.choice(item.choices)
    if kind is ItemType.GRADED:
        return rng.choice(levels) if rng.random() > good else levels[-1]
    return "Some words about how this is done here."


def _timed(label: str, target: str, action):
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    print(f"{label:<58} {elapsed:7.2f} s   {target}")
    return result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    sets = {s.id: s for s in discover().sets}
    s175 = sets["s175-kcsie2025"]
    print(f"Generating {n:,} S175 records for this cycle and last ...")
    records = make_records(s175, n, seed=11, better=0.05)
    previous = make_records(s175, n, seed=7)
    answers = sum(len(r.answers) for r in records)
    print(f"  {answers:,} answers, {sum(len(r.grades) for r in records):,} grades this cycle")
    today = dt.date(2026, 9, 1)
    _timed(f"Findings over {n:,} returns (no previous cycle)", "(target <= 2 s)",
           lambda: compute_findings(s175, records, expected=n + n // 10, reference_date=today))
    findings = _timed(f"Findings over {n:,} returns with change since last cycle", "(target <= 2 s)",
                      lambda: compute_findings(s175, records, previous=previous, expected=n + n // 10,
                                               reference_date=today))
    from s11audit.reports.findings_pdf import write_findings_pdf
    from s11audit.reports.findings_xlsx import write_findings_xlsx
    out = Path(tempfile.mkdtemp(prefix="s11bench-findings-"))
    details = {"partnership": "Northshire Safeguarding Children Partnership", "cycle": "2026/27"}
    _timed("Findings PDF", "(target <= 5 s)",
           lambda: write_findings_pdf(findings, s175, out / "findings.pdf", **details))
    _timed(f"Findings XLSX with data sheet ({n:,} returns)", "(no target)",
           lambda: write_findings_xlsx(findings, s175, records, out / "findings.xlsx", **details))
    for name in ("findings.pdf", "findings.xlsx"):
        print(f"  {name}: {(out / name).stat().st_size / 1024:,.0f} KB")


if __name__ == "__main__":
    main()
