"""Benchmark for the business unit's import; prints figures (targets in brackets).

    python benchmarks/bench_import.py [--quick] [--sizes 400,2000,10000] [--keep DIR] [--in-process]

Import N signed returns without evidence into a new workspace cycle (issue 12's targets):
400 returns <= 1.5 s, 10,000 <= 40 s, peak memory <= 150 MB.

The returns are made first by ``make_returns.py`` (in parallel, not timed). Each import runs in a
fresh Python process, and its peak memory is that process's peak resident set size as the
operating system reports it (``resource.getrusage(RUSAGE_SELF).ru_maxrss``): everything the import
holds, including Python, SQLAlchemy and the standards set. Wall and CPU time are both printed with
the machine's load average (``/proc/loadavg``) before and after: on a busy machine the wall time
says more about the others than about the import. ``--quick`` imports 400 and 2,000; the default
is 400, 2,000 and 10,000. ``--keep DIR`` keeps (and reuses) the generated returns there.

A large batch is examined on worker processes (``import_workers.py``): their CPU time and the
largest worker's peak memory (``RUSAGE_CHILDREN``) are printed beside the importing process's.
``--in-process`` examines every file in the importing process, to compare on the same machine.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SET_ID = "s175-kcsie2025"
TARGETS = {400: 1.5, 10_000: 40.0}
MEMORY_TARGET_MB = 150


def _write_chunk(args: tuple[str, list[dict]]) -> int:
    from benchmarks.make_returns import Organisation, write_one
    from s11audit.standards import discover

    out, rows = args
    standards_set = discover().find(SET_ID)
    for row in rows:
        write_one(Path(out), standards_set, Organisation(**row))
    return len(rows)


def make(n: int, folder: Path) -> tuple[Path, float]:
    """``n`` returns and their register in ``folder`` (reused when already there)."""
    from benchmarks.make_returns import make_register, write_register_csv
    from s11audit.standards import discover

    register = folder / "register.csv"
    returns = folder / "returns"
    made_for = folder / "set-content-hash.txt"  # returns made for another version of the set would be refused
    standards_set = discover().find(SET_ID)
    if register.exists() and len(list(returns.glob("*.s11return"))) == n and made_for.exists() and \
            made_for.read_text().strip() == standards_set.content_hash:
        return register, 0.0
    returns.mkdir(parents=True, exist_ok=True)
    for stale in returns.glob("*.s11return"):
        stale.unlink()
    organisations = make_register(n, standards_set)
    write_register_csv(register, organisations)
    start = time.perf_counter()
    rows = [o.__dict__ for o in organisations]
    chunks = [(str(returns), rows[i:i + 200]) for i in range(0, len(rows), 200)]
    with concurrent.futures.ProcessPoolExecutor() as pool:
        list(pool.map(_write_chunk, chunks))
    made_for.write_text(standards_set.content_hash)
    return register, time.perf_counter() - start


def import_once(register: str, returns: str, workspace: str, in_process: str = "") -> dict:
    """Run in a fresh process: a new workspace, the cycle and register, then the timed import."""
    import resource

    from s11audit.business_unit import import_workers
    from s11audit.business_unit.importing import import_returns
    from s11audit.business_unit.register import import_register
    from s11audit.business_unit.workspace import Workspace
    from s11audit.standards import discover

    if in_process:
        import_workers.POOL_MIN_FILES = sys.maxsize
    workers_peak_kb, stop = _watch_workers()
    with Workspace.create(workspace, user="benchmark") as opened:
        cycle = opened.add_cycle("2026/27", discover().find(SET_ID), dt.date(2027, 3, 31))
        import_register(opened, cycle, register)
        start, cpu = time.perf_counter(), time.process_time()
        report = import_returns(opened, cycle, [returns])
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    stop.set()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the import's worker processes, ended by now
    return {"seconds": seconds, "cpu": cpu, "summary": report.summary(), "peak_mb": peak_kb / 1024,
            "size_mb": os.path.getsize(workspace) / 1e6, "workers_cpu": workers.ru_utime + workers.ru_stime,
            "workers_peak_mb": max(workers_peak_kb, default=0) / 1024}


def _watch_workers():
    """The worker processes' peak resident set sizes (``VmHWM``, read every 0.2 s while they run; Linux).

    ``RUSAGE_CHILDREN`` would count the importing process's own image, copied before a spawned worker
    runs its program, so it says nothing about the worker."""
    import threading

    peaks: dict[str, int] = {}
    stop = threading.Event()
    parent = str(os.getpid())

    def watch() -> None:
        while not stop.wait(0.2):
            for status_file in Path("/proc").glob("[0-9]*/status"):
                try:
                    status = dict(line.split(":", 1) for line in status_file.read_text().splitlines() if ":" in line)
                except OSError:
                    continue
                if status.get("PPid", "").strip() == parent and "VmHWM" in status:
                    pid = status_file.parent.name
                    peaks[pid] = max(peaks.get(pid, 0), int(status["VmHWM"].split()[0]))

    threading.Thread(target=watch, daemon=True).start()
    return peaks.values(), stop


def load() -> str:
    """The machine's load average over 1, 5 and 15 minutes (2 cores: above 2 the import shares them)."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def bench(n: int, keep: Path | None, in_process: bool = False) -> None:
    base = keep / str(n) if keep else Path(tempfile.mkdtemp(prefix=f"bench-import-{n}-"))
    register, made = make(n, base)
    print(f"\n{n:,} returns without evidence" + (f" (made in {made:.1f} s, in parallel)" if made else " (reused)")
          + (", examined in process" if in_process else ""))
    workspace = base / "bench.s11workspace"
    workspace.unlink(missing_ok=True)
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); from benchmarks.bench_import import import_once; "
            "print(json.dumps(import_once(*sys.argv[2:])))")
    before = load()
    done = subprocess.run([sys.executable, "-c", code, str(ROOT), str(register), str(base / "returns"), str(workspace),
                           "in-process" if in_process else ""],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.splitlines()[-1])
    target = TARGETS.get(n)
    print(f"  import: {result['seconds']:.2f} s wall ({result['seconds'] / n * 1000:.2f} ms a return), "
          f"{result['cpu']:.2f} s CPU ({result['cpu'] / n * 1000:.2f} ms a return)"
          + (f"  [target <= {target:g} s: {'OK' if result['seconds'] <= target else 'MISSED'}]" if target else ""))
    if result["workers_cpu"]:
        total = result["cpu"] + result["workers_cpu"]
        print(f"  worker processes: {result['workers_cpu']:.2f} s CPU; all processes {total:.2f} s CPU "
              f"({total / n * 1000:.2f} ms a return)")
    print(f"  load average before: {before}, after: {load()}")
    print(f"  peak memory of the importing process (getrusage ru_maxrss): {result['peak_mb']:.0f} MB"
          f"  [target <= {MEMORY_TARGET_MB} MB: {'OK' if result['peak_mb'] <= MEMORY_TARGET_MB else 'MISSED'}]")
    if result["workers_cpu"]:
        print(f"  peak memory of the largest worker process (VmHWM): {result['workers_peak_mb']:.0f} MB")
    print(f"  workspace file: {result['size_mb']:.0f} MB; {result['summary']}")
    workspace.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark importing returns into a workspace.")
    parser.add_argument("--quick", action="store_true", help="400 and 2,000 returns only")
    parser.add_argument("--sizes", help="comma-separated numbers of returns (default 400,2000,10000)")
    parser.add_argument("--keep", type=Path, help="keep and reuse the generated returns in this folder")
    parser.add_argument("--in-process", action="store_true", help="examine every file in the importing process")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else [400, 2_000] + ([] if args.quick else [10_000])
    for n in sizes:
        bench(n, args.keep, args.in_process)


if __name__ == "__main__":
    main()
