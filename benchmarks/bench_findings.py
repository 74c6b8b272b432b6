"""Benchmarks for findings; prints figures against the targets (issue 12), with the machine's load.

    python benchmarks/bench_findings.py [N] [--set ID ...]     (N returns, default 10,000)

For each standards set (by default the shipped S175 set and the criterion-graded example):
1. Findings over N returns, with last cycle's N for the change          (target <= 2 s)
2. Findings PDF from those findings                                     (target <= 5 s)
3. Findings workbook (XLSX) with the tidy Data sheet                    (target <= 15 s)
Each step's peak resident memory is printed (target <= 250 MB): the whole process at its highest
during the step, with both cycles' records held as the app holds them. On Linux the peak is reset
before each step (``/proc/self/clear_refs``), so each figure is the step's own; elsewhere it is the
process's peak so far. The load average is printed beside each figure: this is a 2-core machine and
other work on it slows every wall-clock figure; the CPU time beside it is what the step itself used.

Records are generated directly as ``ReturnRecord``s: types and sectors in realistic proportions,
items answered only where they apply, grades skewed per standard, some standards not applicable,
a few moderated grades and actions below the "meets" level; for a set with criteria, each
criterion graded on its own scale (some not applicable where the set allows it) and a derived
standard's grade worked out from them.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ["S11AUDIT_HOME"] = tempfile.mkdtemp(prefix="s11bench-home-")

from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.records import ActionRecord, ReturnRecord
# The store before grading: grading imports store.rows, whose package imports grading back.
from s11audit.store.rows import ResponseRow
from s11audit.grading import derived_grade
from s11audit.organisations import EDUCATION, types_of_kind
from s11audit.standards import ItemType, StandardsSet, discover
from s11audit.standards.model import NotApplicable

EDUCATION_TYPES = (("primary", 60), ("secondary", 15), ("special", 5), ("all_through", 3),
                   ("alternative_provision", 3), ("fe_college", 3), ("independent", 6), ("early_years", 5))
AGENCY_SECTORS = {"health": "Health", "police": "Police", "local_authority": "Local authority",
                  "district_council": "Local authority", "probation": "Justice", "youth_justice": "Justice",
                  "voluntary_community": "Voluntary and community", "other": "Voluntary and community"}
EDUCATION_SECTORS = {"early_years": "Early years", "fe_college": "Further education",
                     "independent": "Independent schools"}
SETS = ("s175-kcsie2025", "s11-criteria-example")
TARGETS = {"findings": 2.0, "pdf": 5.0, "xlsx": 15.0}
MEMORY_TARGET_MB = 250.0
# Shares of the generated records' contents.
NOT_APPLICABLE_SHARE = 0.03  # of standards, and of criteria that allow it, marked not applicable
UNGRADED_SHARE = 0.02  # of standards graded by choice left without a grade
MODERATED_SHARE = 0.05  # of grades the business unit moderates
MODERATION_AGREES = 0.7  # of moderations that keep the organisation's own grade
UNANSWERED_SHARE = 0.04  # of items left unanswered


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
        criteria, criteria_na, moderated_criteria = {}, set(), {}
        for standard in standards_set.standards_for(kind):
            if rng.random() < NOT_APPLICABLE_SHARE:
                na.add(standard.id)
                continue
            good = min(0.99, strength[standard.id] + better)
            if standard.criteria:  # only sets with criteria draw these, so a format 1 set's records never change
                _criteria(standard, kind, good, rng, grades=criteria, na=criteria_na, moderated=moderated_criteria)
            grade = _grade(standards_set, standard, kind, good, rng, criteria=criteria, criteria_na=criteria_na)
            if grade is not None:
                grades[standard.id] = grade
            if standard.id in grades and rng.random() < MODERATED_SHARE:
                moderated[standard.id] = grades[standard.id] if rng.random() < MODERATION_AGREES else rng.choice(levels)
            if standard.id in grades and levels.index(grades[standard.id]) < meets:
                for _ in range(rng.randint(1, 2)):
                    actions.append(ActionRecord(standard.id, rng.choice(("not_started", "in_progress", "complete"))))
            for item in standard.items_for(kind):
                if rng.random() < UNANSWERED_SHARE:
                    continue
                answers[item.id] = _answer(item, good, levels, rng)
        records.append(ReturnRecord(f"{100000 + index}", f"Organisation {index + 1}", sector, kind, grades,
                                    frozenset(na), answers, tuple(actions), moderated, criteria,
                                    frozenset(criteria_na), moderated_criteria))
    return records


def _grade(standards_set: StandardsSet, standard, kind: str, good: float, rng: random.Random, *, criteria: dict,
           criteria_na: set) -> str | None:
    """The standard's grade: worked out from its criteria's, or chosen (a weak one below the meets level)."""
    scale = standards_set.grade_scale
    if not standard.graded:
        return None  # an information standard: answers only
    if standard.derived:
        responses = {c.id: ResponseRow(c.id, criteria.get(c.id), c.id in criteria_na) for c in standard.criteria}
        return derived_grade(standard, scale, kind, responses)
    if rng.random() < UNGRADED_SHARE:
        return None  # not graded
    levels = [level.id for level in scale.levels]
    meets = scale.rank(scale.meets)
    if rng.random() < good:
        return levels[rng.randint(meets, len(levels) - 1)]
    return levels[rng.randint(0, max(0, meets - 1))]


def _criteria(standard, kind: str, good: float, rng: random.Random, *, grades: dict, na: set, moderated: dict) -> None:
    """Each criterion that applies graded on its own scale (weak ones below its meets level)."""
    for criterion in standard.criteria_for(kind):
        if criterion.not_applicable is not NotApplicable.NOT_ALLOWED and rng.random() < NOT_APPLICABLE_SHARE:
            na.add(criterion.id)
            continue
        levels = [level.id for level in criterion.scale.levels]
        meets = criterion.scale.rank(criterion.scale.meets)
        grade = levels[rng.randint(meets, len(levels) - 1)] if rng.random() < good else \
            levels[rng.randint(0, max(0, meets - 1))]
        grades[criterion.id] = grade
        if rng.random() < MODERATED_SHARE:
            moderated[criterion.id] = grade if rng.random() < MODERATION_AGREES else rng.choice(levels)


def _yes_no(item, good: float, rng: random.Random) -> str:
    roll = rng.random()
    if roll < good + 0.05:
        return "yes"
    return "partly" if item.partly and roll < good + 0.15 else "no"


def _answer(item, good: float, levels, rng: random.Random):
    kind = item.type
    if kind is ItemType.YES_NO:
        return _yes_no(item, good, rng)
    if kind is ItemType.NUMBER:
        return rng.randint(int(item.min or 0), int(min(item.max or 40, 40)))
    if kind is ItemType.PERCENTAGE:
        return round(min(100.0, max(0.0, rng.gauss(85 * good + 15, 10))), 1)
    if kind is ItemType.DATE:
        return (dt.date(2026, 9, 1) - dt.timedelta(days=int(rng.expovariate(1 / 400)))).isoformat()
    if kind is ItemType.CHOICE:
        return rng.choice(item.choices)
    if kind is ItemType.MULTI_CHOICE:
        return rng.sample(item.choices, rng.randint(1, len(item.choices)))
    if kind is ItemType.GRADED:
        return rng.choice(levels) if rng.random() > good else levels[-1]
    return "Some words about how this is done here."


def _reset_peak() -> bool:
    """Start counting the peak resident memory afresh (Linux); False where that cannot be done."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _load() -> str:
    try:
        return "load " + " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "load unknown"


def _step(results: list, set_id: str, key: str, label: str, action):
    _reset_peak()
    load_before = _load()
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = _peak_mb()
    target = TARGETS[key]
    verdict = "ok" if elapsed <= target and peak <= MEMORY_TARGET_MB else "OVER"
    print(f"  {label:<44} {elapsed:7.2f} s (<= {target:g} s; CPU {cpu:.2f} s)  peak {peak:4.0f} MB "
          f"(<= {MEMORY_TARGET_MB:g})  {verdict}   [{load_before}; after: {_load()}]", flush=True)
    results.append((set_id, key, elapsed, cpu, peak, verdict))
    return result


def bench_set(standards_set: StandardsSet, n: int, out: Path, results: list) -> None:
    from s11audit.reports.findings_pdf import write_findings_pdf
    from s11audit.reports.findings_xlsx import write_findings_xlsx

    print(f"{standards_set.id} {standards_set.version}: generating {n:,} records for this cycle and last ...",
          flush=True)
    records = make_records(standards_set, n, seed=11, better=0.05)
    previous = make_records(standards_set, n, seed=7)
    print(f"  {sum(len(r.answers) for r in records):,} answers, {sum(len(r.grades) for r in records):,} grades, "
          f"{sum(len(r.criteria) for r in records):,} criterion grades this cycle; "
          f"{_peak_mb():.0f} MB so far", flush=True)
    today = dt.date(2026, 9, 1)
    findings = _step(results, standards_set.id, "findings", f"Findings, {n:,} returns and last cycle's",
                     lambda: compute_findings(standards_set, records, previous=previous, expected=n + n // 10,
                                              reference_date=today))
    details = {"partnership": "Northshire Safeguarding Children Partnership", "cycle": "2026/27"}
    pdf, xlsx = out / f"{standards_set.id}.pdf", out / f"{standards_set.id}.xlsx"
    _step(results, standards_set.id, "pdf", "Findings PDF",
          lambda: write_findings_pdf(findings, standards_set, pdf, previous_cycle="2025/26", **details))
    _step(results, standards_set.id, "xlsx", f"Findings workbook, Data sheet of {n:,} returns",
          lambda: write_findings_xlsx(findings, standards_set, records, xlsx, **details))
    print(f"  files: PDF {pdf.stat().st_size / 1024:,.0f} KB, workbook {xlsx.stat().st_size / 1024:,.0f} KB",
          flush=True)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    chosen = []
    while "--set" in args:
        at = args.index("--set")
        chosen.append(args[at + 1])
        del args[at:at + 2]
    n = int(args[0].replace(",", "").replace("_", "")) if args else 10_000
    sets = {s.id: s for s in discover().sets}
    out = Path(tempfile.mkdtemp(prefix="s11bench-findings-"))
    if not _reset_peak():
        print("(the peak memory cannot be reset here: each figure is the process's peak so far)")
    results: list = []
    try:
        for set_id in chosen or SETS:
            bench_set(sets[set_id], n, out, results)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print("\nAgainst the targets (issue 12):")
    for set_id, key, elapsed, cpu, peak, verdict in results:
        print(f"  {set_id:<24} {key:<9} {elapsed:7.2f} s / {TARGETS[key]:g} s (CPU {cpu:.2f} s)   {peak:5.0f} MB / "
              f"{MEMORY_TARGET_MB:g} MB   {verdict}")
    print(f"  ({_load()}; the wall-clock figures count only when the load is well under 2)")


if __name__ == "__main__":
    main()
