"""Benchmark for annual compliance statements in the business unit (issue 16); prints figures (targets in brackets).

    python benchmarks/bench_statements.py [--quick] [--sizes 400,2000,10000] [--keep DIR] [--profile]

For N organisations: their signed 2026/27 returns and, on each, a signed 2027/28 compliance statement
(``make_returns.py``, made in parallel, not timed; ``--keep DIR`` keeps and reuses them, in the same
layout as ``bench_import.py --keep DIR``, whose returns it reuses). Then, in a fresh Python process, a
new workspace: the returns imported into a full cycle and the statements into a statement cycle based
on it, both timed (the full import is the comparison per file, on the same machine at the same time).
Then, in another fresh process that opens the workspace, the statement figures (judged on 2028-04-30):
``read_statement_source`` (on the workspace's thread), ``StatementSource.figures`` (pure) and
``statement_figures`` (both, as the app calls it) timed apart, each with its peak resident memory
(``VmHWM``, reset before each step on Linux, as ``bench_findings.py`` does) and the process's
``ru_maxrss``. The issue gives no targets; these are ours: statement figures for 2,000 statements
<= 3 s and 10,000 <= 15 s; the statement import no slower per file than the full import. Every
statement must import unflagged and be counted in the figures, else the run says so (a benchmark of
refusals measures nothing). ``--profile`` adds, for the largest N, where ``read_statement_source``
spends its time (cProfile) and what its reading costs in parts (SQL, ``json.loads`` of the statements
and of the baselines they name) beside reading only the parts the figures use.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SET_ID = "s175-kcsie2025"
FULL_CYCLE, STATEMENT_CYCLE = "2026/27", "2027/28"
AS_OF = dt.date(2028, 4, 30)  # after every statement was signed (about a year after its baseline)
FIGURES_TARGETS = {2_000: 3.0, 10_000: 15.0}
CHUNK = 200
T = TypeVar("T")


def _set():
    """The shipped set the benchmark uses (it is always there: a missing one is a broken checkout)."""
    from s11audit.standards import StandardsSet, discover

    found = discover().find(SET_ID)
    if not isinstance(found, StandardsSet):
        raise SystemExit(f"No standards set {SET_ID!r}")
    return found


def _write_statement_chunk(args: tuple[str, str, list[dict]]) -> int:
    from benchmarks.make_returns import Organisation, return_file_name, write_statement

    out, returns, rows = args
    standards_set = _set()
    for row in rows:
        organisation = Organisation(**row)
        write_statement(Path(out), standards_set, organisation, Path(returns) / return_file_name(organisation),
                        cycle=STATEMENT_CYCLE)
    return len(rows)


def make(n: int, folder: Path) -> tuple[Path, float, float]:
    """``n`` returns, their register and a statement on each in ``folder`` (reused when already there);
    the seconds taken to make the returns and the statements (0 when reused)."""
    from benchmarks.bench_import import make as make_returns
    from benchmarks.make_returns import make_register

    register, returns_made = make_returns(n, folder)
    statements = folder / "statements"
    made_for = statements / "made-for.txt"  # the set and the baselines the statements were made on
    standards_set = _set()
    # Made again when the returns were, or make_returns.py changed (how statements are made).
    maker = hashlib.sha256((ROOT / "benchmarks" / "make_returns.py").read_bytes()).hexdigest()
    stamp = f"{standards_set.content_hash} {(folder / 'set-content-hash.txt').stat().st_mtime_ns} {maker}"
    if not returns_made and made_for.exists() and made_for.read_text().strip() == stamp and \
            len(list(statements.glob("*.s11return"))) == n:
        return register, returns_made, 0.0
    statements.mkdir(parents=True, exist_ok=True)
    for stale in statements.glob("*.s11return"):
        stale.unlink()
    start = time.perf_counter()
    rows = [o.__dict__ for o in make_register(n, standards_set)]
    chunks = [(str(statements), str(folder / "returns"), rows[i:i + CHUNK]) for i in range(0, len(rows), CHUNK)]
    with concurrent.futures.ProcessPoolExecutor() as pool:
        list(pool.map(_write_statement_chunk, chunks))
    made_for.write_text(stamp)
    return register, returns_made, time.perf_counter() - start


# --- run in fresh processes -----------------------------------------------------------------------------

def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
    except OSError:
        pass


def _peak_mb() -> float:
    import resource

    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed_import(workspace, cycle, folder: str) -> dict:
    import resource

    from s11audit.business_unit.importing import import_returns

    _reset_peak()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    start, cpu = time.perf_counter(), time.process_time()
    report = import_returns(workspace, cycle, [folder])
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    outcomes: dict[str, int] = {}
    for file in report.files:
        outcomes[file.outcome] = outcomes.get(file.outcome, 0) + 1
    return {"seconds": seconds, "cpu": cpu, "peak_mb": _peak_mb(), "summary": report.summary(),
            "workers_cpu": after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime,
            "outcomes": outcomes, "flagged": sum(bool(f.flag) for f in report.files)}


def import_once(register: str, returns: str, statements: str, workspace_path: str) -> dict:
    """In a fresh process: a new workspace, the full cycle and its import, the statement cycle and its import."""
    import resource

    from s11audit.business_unit.register import import_register
    from s11audit.business_unit.workspace import Workspace

    standards_set = _set()
    with Workspace.create(workspace_path, user="benchmark") as workspace:
        full = workspace.add_cycle(FULL_CYCLE, standards_set, dt.date(2027, 3, 31))
        import_register(workspace, full, register)
        full_import = _timed_import(workspace, full, returns)
        cycle = workspace.add_cycle(STATEMENT_CYCLE, standards_set, dt.date(2028, 3, 31), kind="statement",
                                    baseline=FULL_CYCLE)
        import_register(workspace, cycle, register)
        statement_import = _timed_import(workspace, cycle, statements)
    return {"full": full_import, "statement": statement_import, "size_mb": os.path.getsize(workspace_path) / 1e6,
            "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _timed(action: Callable[[], T]) -> tuple[T, dict]:
    _reset_peak()
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "peak_mb": _peak_mb()}


def figures_once(workspace_path: str, profile: str = "") -> dict:
    """In a fresh process: open the workspace and time the statement figures in their steps."""
    import resource

    from s11audit.business_unit.statements import read_statement_source, statement_figures
    from s11audit.business_unit.workspace import Workspace

    with Workspace.open(workspace_path, "benchmark", read_only=True) as workspace:
        _reset_peak()
        opened_mb = _peak_mb()
        source, read = _timed(lambda: read_statement_source(workspace, STATEMENT_CYCLE))
        figures, pure = _timed(partial(source.figures, AS_OF))
        del source
        again, whole = _timed(lambda: statement_figures(workspace, STATEMENT_CYCLE, AS_OF))
        assert again == figures, "statement_figures differs from read_statement_source + figures"
        result = {"read": read, "figures": pure, "whole": whole, "opened_mb": opened_mb,
                  "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "statements": figures.statements, "flagged": figures.flagged,
                  "with_baseline": sum(h.baseline_return_id is not None for h in figures.histories),
                  "answered": sum(c.answered for c in figures.confirmation), "declines": len(figures.declines),
                  "progress": [getattr(figures.progress, name) for name in
                               ("completed", "completed_late", "on_time", "overdue", "dropped")],
                  "chase": len(figures.chase)}
        if profile:
            result["profile"] = _profile(partial(read_statement_source, workspace, STATEMENT_CYCLE))
            result["profile_figures"] = _profile(partial(read_statement_source(workspace, STATEMENT_CYCLE).figures,
                                                         AS_OF), 8)
            result["parts"] = _parts(workspace)
    return result


def _profile(action: Callable[[], object], lines: int = 12) -> str:
    """cProfile of ``action``: the functions taking the most time of their own."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(action)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(lines)
    found = [line for line in out.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(found) if "ncalls" in line)
    return "\n".join(found[start:])


def _parts(workspace) -> dict:
    """What reading costs in parts: the content strings by SQL, ``json.loads`` of them, and reading only the
    parts the figures use (SQLite's ``json_extract``), for the statements and for the baselines they name."""
    from sqlalchemy import func, select

    from s11audit.business_unit.models import CURRENT, ImportedReturn

    ids = {c.name: c.id for c in workspace.cycles()}
    table, session = ImportedReturn, workspace.session

    def contents(cycle_id: int) -> list[str]:
        return list(session.scalars(select(table.content).where(table.cycle_id == cycle_id, table.state == CURRENT)))

    def parsed(texts: list[str]) -> list:
        return [json.loads(text) for text in texts]

    def extracted(query) -> list:
        return [[json.loads(v) if isinstance(v, str) and v[:1] in "[{" else v for v in row]
                for row in session.execute(query)]

    parts: dict[str, dict] = {}
    for label, cycle in (("statements", STATEMENT_CYCLE), ("baselines", FULL_CYCLE)):
        texts, parts[f"{label} SQL"] = _timed(partial(contents, ids[cycle]))
        parts[f"{label} SQL"]["mb"] = sum(len(t) for t in texts) / 1e6
        _, parts[f"{label} json.loads"] = _timed(partial(parsed, texts))
        del texts
    wanted = {"statements": ("$.statement", "$.baseline", "$.action_plan", "$.evidence", "$.sign_off.signed_at"),
              "baselines": ("$.standards", "$.action_plan")}
    for label, cycle in (("statements", STATEMENT_CYCLE), ("baselines", FULL_CYCLE)):
        columns = [func.json_extract(table.content, path) for path in wanted[label]]
        query = select(*columns).where(table.cycle_id == ids[cycle], table.state == CURRENT)
        _, parts[f"{label}: only the parts used"] = _timed(partial(extracted, query))
    return parts


# --- printing ---------------------------------------------------------------------------------------------

def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def _run(function: str, *args: str) -> dict:
    code = (f"import json, sys; sys.path.insert(0, sys.argv[1]); from benchmarks.bench_statements import {function}; "
            f"print(json.dumps({function}(*sys.argv[2:])))")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT), *args], capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{function} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def _import_line(label: str, result: dict, n: int) -> str:
    return (f"  {label:<22} {result['seconds']:6.2f} s wall ({result['seconds'] / n * 1000:5.2f} ms a file), "
            f"CPU {result['cpu']:.2f} s here + {result['workers_cpu']:.2f} s in workers "
            f"({(result['cpu'] + result['workers_cpu']) / n * 1000:.2f} ms a file); peak {result['peak_mb']:.0f} MB")


def _step_line(label: str, step: dict, target: float | None) -> str:
    verdict = "" if target is None else \
        f"  [target <= {target:g} s: {'OK' if step['seconds'] <= target else 'MISSED'}]"
    return (f"  {label:<44} {step['seconds']:6.2f} s (CPU {step['cpu']:.2f} s)  peak {step['peak_mb']:4.0f} MB"
            f"{verdict}")


def bench(n: int, keep: Path | None, profile: bool) -> list[str]:
    """Make, import and time for ``n`` organisations; the problems found (refusals, flags, miscounts)."""
    base = keep / str(n) if keep else Path(tempfile.mkdtemp(prefix=f"bench-statements-{n}-"))
    register, returns_made, statements_made = make(n, base)
    made = "reused" if not returns_made and not statements_made else \
        f"made in {returns_made + statements_made:.1f} s, in parallel"
    print(f"\n{n:,} organisations: a return and a compliance statement each, without evidence ({made})", flush=True)
    workspace = base / "bench-statements.s11workspace"
    workspace.unlink(missing_ok=True)
    before = load()
    imported = _run("import_once", str(register), str(base / "returns"), str(base / "statements"), str(workspace))
    full, statement = imported["full"], imported["statement"]
    print(_import_line("full returns import", full, n))
    per_file = statement["seconds"] / max(full["seconds"], 1e-9)
    cpu_ratio = (statement["cpu"] + statement["workers_cpu"]) / max(full["cpu"] + full["workers_cpu"], 1e-9)
    print(_import_line("statements import", statement, n)
          + f"  [target: per file <= the full import's: {per_file:.2f}x wall, {cpu_ratio:.2f}x CPU, "
          f"{'OK' if per_file <= 1 else 'MISSED'}]")
    print(f"  import process ru_maxrss {imported['ru_maxrss_mb']:.0f} MB; workspace file {imported['size_mb']:.0f} MB; "
          f"load before {before}, after {load()}")
    print(f"  statements: {statement['summary']}")
    problems = [f"{n}: {count} statements {outcome}" for outcome, count in statement["outcomes"].items()
                if outcome not in ("imported", "flagged")]  # (flagged: counted below)
    problems += [f"{n}: {full['outcomes']} of the full returns"] if set(full["outcomes"]) != {"imported"} else []
    problems += [f"{n}: {statement['flagged']} statements flagged"] if statement["flagged"] else []

    before = load()
    result = _run("figures_once", str(workspace), "profile" if profile else "")
    target = FIGURES_TARGETS.get(n)
    print(f"  figures for {result['statements']:,} statements, judged on {AS_OF} "
          f"(workspace opened: {result['opened_mb']:.0f} MB):")
    print(_step_line("read_statement_source (workspace's thread)", result["read"], None))
    print(_step_line("StatementSource.figures (pure)", result["figures"], None))
    print(_step_line("statement_figures (both)", result["whole"], target))
    print(f"  figures process ru_maxrss {result['ru_maxrss_mb']:.0f} MB; load before {before}, after {load()}")
    completed, late, on_time, overdue, dropped = result["progress"]
    print(f"  counted: {result['answered']:,} standards answered, {result['declines']:,} declines; actions "
          f"{completed:,} completed, {late:,} completed late, {on_time:,} in progress on time, {overdue:,} overdue, "
          f"{dropped:,} dropped; chase list {result['chase']:,}; {result['with_baseline']:,} with their baseline held")
    if (result["statements"], result["flagged"], result["with_baseline"]) != (n, 0, n):
        problems.append(f"{n}: figures count {result['statements']} statements, {result['flagged']} flagged, "
                        f"{result['with_baseline']} with their baseline held")
    if profile:
        print("  reading in parts (one query each, the whole cycle):")
        for label, part in result["parts"].items():
            size = f", {part['mb']:.0f} MB of JSON text" if "mb" in part else ""
            print(f"    {label:<36} {part['seconds']:6.2f} s (CPU {part['cpu']:.2f} s){size}")
        print("  cProfile of read_statement_source, by own time:")
        print("\n".join("    " + line for line in result["profile"].splitlines()))
        print("  cProfile of StatementSource.figures, by own time:")
        print("\n".join("    " + line for line in result["profile_figures"].splitlines()))
    workspace.unlink(missing_ok=True)
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark annual compliance statements in a workspace.")
    parser.add_argument("--quick", action="store_true", help="400 and 2,000 organisations only")
    parser.add_argument("--sizes", help="comma-separated numbers of organisations (default 400,2000,10000)")
    parser.add_argument("--keep", type=Path, help="keep and reuse the generated returns and statements here")
    parser.add_argument("--profile", action="store_true", help="where read_statement_source spends its time "
                                                               "(for the largest number)")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else [400, 2_000] + ([] if args.quick else [10_000])
    problems = []
    for n in sizes:
        problems += bench(n, args.keep, args.profile and n == max(sizes))
    if problems:
        print("\nNOT A FAIR MEASURE: " + "; ".join(problems))
        raise SystemExit(1)


if __name__ == "__main__":
    main()
