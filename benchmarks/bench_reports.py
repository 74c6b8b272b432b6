"""Benchmarks for the reports; prints figures (targets in brackets).

    python benchmarks/bench_reports.py [--findings WORKSPACE --cycle NAME]

1. Return PDF of a full S175 sample audit (12 standards, signed)   (target <= 1.5 s)
2. Action plan workbook (XLSX) of the same audit                  (no target; reported)
Each figure is the median of five runs, after one warm-up run (fonts registered once per process).

3. With ``--findings`` (instead of 1 and 2): a cycle's findings PDF and workbook written from a
   workspace as the command line writes them (``s11audit findings``: the returns read from the
   workspace, the findings, then the file), each in a fresh process whose peak resident memory is
   what the operating system reports for it (issue 12's targets: PDF <= 5 s, workbook <= 15 s,
   peak <= 250 MB at 10,000 returns). A workspace of 10,000 returns: ``benchmarks/bench_import.py --keep DIR``. The load
   average is printed beside each figure (a 2-core machine: above 2 the figures share it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

# A private per-user folder: the benchmark never touches the real user's settings.
os.environ["S11AUDIT_HOME"] = tempfile.mkdtemp(prefix="s11bench-home-")

from s11audit.reports.pdf import write_return_pdf
from s11audit.reports.xlsx import write_action_plan_xlsx
from s11audit.sample import make_sample
from s11audit.standards import discover
from s11audit.store import AuditFile

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
FINDINGS_TARGETS = {"pdf": 5.0, "xlsx": 15.0}
MEMORY_TARGET_MB = 250


def _median(write) -> tuple[float, float]:
    write()  # warm-up
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        write()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def findings_once(workspace: str, cycle_name: str, kind: str, out: str) -> dict:
    """In a fresh process: read the cycle's returns, work out the findings, write one document."""
    import resource

    from s11audit.business_unit.cycle_findings import filters_text, read_for_findings
    from s11audit.business_unit.workspace import Workspace
    from s11audit.reports.findings_pdf import write_findings_pdf
    from s11audit.reports.findings_xlsx import write_findings_xlsx

    times = {}
    with Workspace.open(workspace, "benchmark", read_only=True) as opened:
        cycle = opened.cycle(cycle_name)
        start = time.perf_counter()
        source = read_for_findings(opened, cycle)
        records = source.records()
        times["read"] = time.perf_counter() - start
        start = time.perf_counter()
        findings = source.findings()
        times["findings"] = time.perf_counter() - start
        standards_set = opened.standards_set(cycle.id)
    start, cpu = time.perf_counter(), time.process_time()
    if kind == "pdf":
        write_findings_pdf(findings, standards_set, out, cycle=cycle.name, filters=filters_text(None, None))
    else:
        write_findings_xlsx(findings, standards_set, records, out, cycle=cycle.name)
    times["write"], times["cpu"] = time.perf_counter() - start, time.process_time() - cpu
    return {**times, "returns": len(records), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "size_kb": os.path.getsize(out) / 1024}


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def bench_findings(workspace: Path, cycle: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="s11bench-findings-"))
    for kind in ("pdf", "xlsx"):
        before = _load()
        code = ("import json, sys; sys.path.insert(0, sys.argv[1]); "
                "from benchmarks.bench_reports import findings_once; print(json.dumps(findings_once(*sys.argv[2:])))")
        run = subprocess.run([sys.executable, "-c", code, str(ROOT), str(workspace), cycle, kind,
                              str(folder / f"findings.{kind}")], capture_output=True, text=True, check=True)
        r = json.loads(run.stdout.strip().splitlines()[-1])
        target = FINDINGS_TARGETS[kind]
        verdict = "ok" if r["write"] <= target and r["peak_mb"] <= MEMORY_TARGET_MB else "OVER"
        print(f"3. Findings {kind.upper():<4} of {r['returns']:,} returns: written in {r['write']:.2f} s "
              f"(<= {target:g} s; CPU {r['cpu']:.2f} s), peak {r['peak_mb']:.0f} MB (<= {MEMORY_TARGET_MB}) {verdict}; "
              f"returns read in {r['read']:.2f} s, findings {r['findings']:.2f} s; {r['size_kb']:,.0f} KB   "
              f"[load {before}; after: {_load()}]", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--findings", type=Path, metavar="WORKSPACE", help="also the findings documents of a workspace")
    parser.add_argument("--cycle", help="the workspace's cycle (with --findings)")
    args = parser.parse_args()
    if args.findings:
        bench_findings(args.findings, args.cycle or "2026/27")
        return
    sets = {s.id: s for s in discover().sets}
    folder = Path(tempfile.mkdtemp(prefix="s11bench-reports-"))
    path = make_sample(folder / "school.s11audit", sets["s175-kcsie2025"], sample=False)
    signatories = [
        SimpleNamespace(role="Headteacher or principal", name="Helen Morris", signed_on=dt.date(2026, 11, 20)),
        SimpleNamespace(role="Chair of governors", name="Tomasz Nowak", signed_on=dt.date(2026, 11, 21))]
    with AuditFile.open(path, "Benchmark") as audit_file:
        assessment, organisation = audit_file.latest_assessment(), audit_file.organisation()
        pdf = folder / "return.pdf"
        median, worst = _median(lambda: write_return_pdf(assessment, organisation, pdf, signatories,
                                                         "3F2A 9C1B 77D0 E41A"))
        print(f"1. Return PDF, full S175 sample: {median:.3f} s median, {worst:.3f} s worst "
              f"({pdf.stat().st_size // 1024} KB)   (target <= 1.5 s)")
        xlsx = folder / "plan.xlsx"
        median, worst = _median(lambda: write_action_plan_xlsx(assessment, organisation, xlsx))
        print(f"2. Action plan XLSX, same audit: {median:.3f} s median, {worst:.3f} s worst "
              f"({len(assessment.actions.all_actions())} actions)")


if __name__ == "__main__":
    main()
