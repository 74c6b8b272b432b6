"""Benchmarks for the reports; prints figures (targets in brackets).

    python benchmarks/bench_reports.py

1. Return PDF of a full S175 sample audit (12 standards, signed)   (target <= 1.5 s)
2. Action plan workbook (XLSX) of the same audit                  (no target; reported)
Each figure is the median of five runs, after one warm-up run (fonts registered once per process).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

# A private per-user folder: the benchmark never touches the real user's settings.
os.environ["S11AUDIT_HOME"] = tempfile.mkdtemp(prefix="s11bench-home-")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from s11audit.reports.pdf import write_return_pdf
from s11audit.reports.xlsx import write_action_plan_xlsx
from s11audit.sample import make_sample
from s11audit.standards import discover
from s11audit.store import AuditFile

RUNS = 5


def _median(write) -> tuple[float, float]:
    write()  # warm-up
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        write()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def main() -> None:
    sets = {s.id: s for s in discover().sets}
    folder = Path(tempfile.mkdtemp(prefix="s11bench-reports-"))
    path = make_sample(folder / "school.s11audit", sets["s175-kcsie2025"])
    signatories = [SimpleNamespace(role="Headteacher or principal", name="Helen Morris", signed_on=dt.date(2026, 11, 20)),
                   SimpleNamespace(role="Chair of governors", name="Tomasz Nowak", signed_on=dt.date(2026, 11, 21))]
    with AuditFile.open(path, "Benchmark") as audit_file:
        assessment, organisation = audit_file.latest_assessment(), audit_file.organisation()
        pdf = folder / "return.pdf"
        median, worst = _median(lambda: write_return_pdf(assessment, organisation, pdf, signatories, "3F2A 9C1B 77D0 E41A"))
        print(f"1. Return PDF, full S175 sample: {median:.3f} s median, {worst:.3f} s worst "
              f"({pdf.stat().st_size // 1024} KB)   (target <= 1.5 s)")
        xlsx = folder / "plan.xlsx"
        median, worst = _median(lambda: write_action_plan_xlsx(assessment, organisation, xlsx))
        print(f"2. Action plan XLSX, same audit: {median:.3f} s median, {worst:.3f} s worst "
              f"({len(assessment.actions.list())} actions)")


if __name__ == "__main__":
    main()
