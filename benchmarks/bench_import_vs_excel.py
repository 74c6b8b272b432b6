"""Side by side: importing N signed returns against consolidating N Excel returns; prints CPU times and their ratio.

    python benchmarks/bench_import_vs_excel.py [-n 400] [--keep DIR]

What a business unit does without s11audit: each organisation sends back a 12-sheet workbook (a
cover sheet, one sheet per standard with its grade, narrative and checklist answers, and the action
plan) and someone consolidates them, at best with a script that reads every workbook with
openpyxl in read-only mode. This script writes N such workbooks (not timed), then in one run and in
fresh processes, one after the other: imports N signed returns from ``make_returns.py`` into a new
workspace (``bench_import.import_once``) and reads all N workbooks into one list of rows. It prints
the CPU time of each (``time.process_time``, so other work on the machine counts less than in wall
time) and the ratio import / consolidation (issue 12's target: <= 0.2), with the load average.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for ``benchmarks.bench_import`` when this is run as a script

TARGET_RATIO = 0.2
STANDARDS = 10  # with the cover and the action plan: 12 sheets, like a business unit's Excel return
ITEMS = 7
GRADES = ["Green", "Amber", "Red"]
ANSWERS = ["Yes", "No", "Partly", "2026-09-01", "85", "Training log kept by the DSL"]
NO_NOTE_SHARE = 0.7  # of checklist answers with no note beside them


def write_workbook(path: Path, number: int) -> None:
    """One organisation's Excel return: cover, one sheet per standard, action plan (write-only, so quick)."""
    from openpyxl import Workbook

    rng = random.Random(number)
    book = Workbook(write_only=True)
    cover = book.create_sheet("Cover")
    for row in (("Organisation", f"School {number}"), ("Reference", f"URN {100000 + number}"),
                ("Sector", "Education"), ("Type", "primary"), ("Cycle", "2026/27"), ("Signed by", "Head teacher"),
                ("Signed on", "2027-02-19"), ("Designated safeguarding lead", "Helen Morris")):
        cover.append(row)
    for standard in range(1, STANDARDS + 1):
        sheet = book.create_sheet(f"Standard {standard}")
        sheet.append(("Standard", f"Standard {standard}: safer recruitment, training and reporting"))
        sheet.append(("Grade", rng.choice(GRADES)))
        sheet.append(("Narrative", " ".join(rng.choice(["We", "review", "policy", "annually", "with", "staff",
                                                        "governors", "and", "record", "training"])
                                            for _ in range(60))))
        sheet.append(("Example", "Single central record checked each term by the chair of governors."))
        sheet.append(("Item", "Question", "Answer", "Comment"))
        for item in range(1, ITEMS + 1):
            sheet.append((f"{standard}.{item}", f"Checklist question {item} of standard {standard}?",
                          rng.choice(ANSWERS), "" if rng.random() < NO_NOTE_SHARE else "See the training log"))
    actions = book.create_sheet("Action plan")
    actions.append(("Standard", "Action", "Owner", "Due", "Status"))
    for _ in range(13):
        actions.append((str(rng.randint(1, STANDARDS)), "Refresh training on online safety for all staff",
                        "DSL", "2027-06-30", rng.choice(["Not started", "In progress", "Done"])))
    book.save(path)


def _write_chunk(args: tuple[str, list[int]]) -> int:
    folder, numbers = args
    for number in numbers:
        write_workbook(Path(folder) / f"return-{number:05d}.xlsx", number)
    return len(numbers)


def make_workbooks(n: int, folder: Path) -> float:
    folder.mkdir(parents=True, exist_ok=True)
    if len(list(folder.glob("*.xlsx"))) == n:
        return 0.0
    start = time.perf_counter()
    numbers = list(range(n))
    chunks = [(str(folder), numbers[i:i + 100]) for i in range(0, n, 100)]
    with concurrent.futures.ProcessPoolExecutor() as pool:
        list(pool.map(_write_chunk, chunks))
    return time.perf_counter() - start


def consolidate_once(folder: str) -> dict:
    """Run in a fresh process: read every workbook (openpyxl read-only) into one list of rows, timed."""
    from openpyxl import load_workbook

    start, cpu = time.perf_counter(), time.process_time()
    rows: list[tuple] = []
    files = sorted(Path(folder).glob("*.xlsx"))
    for path in files:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            for sheet in book.worksheets:
                rows.extend((path.name, sheet.title, *values) for values in sheet.iter_rows(values_only=True))
        finally:
            book.close()
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "files": len(files),
            "rows": len(rows)}


def _in_fresh_process(function: str, *args: str) -> dict:
    code = (f"import json, sys; sys.path.insert(0, sys.argv[1]); from benchmarks.{function.rsplit('.', 1)[0]} "
            f"import {function.rsplit('.', 1)[1]} as run; print(json.dumps(run(*sys.argv[2:])))")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT), *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    from benchmarks.bench_import import load, make

    parser = argparse.ArgumentParser(description="Import of signed returns against an Excel consolidation.")
    parser.add_argument("-n", type=int, default=400, help="how many returns of each kind (default 400)")
    parser.add_argument("--keep", type=Path, help="keep and reuse the generated files in this folder")
    args = parser.parse_args()
    base = args.keep / str(args.n) if args.keep else Path(tempfile.mkdtemp(prefix=f"bench-vs-excel-{args.n}-"))
    register, made = make(args.n, base)
    excel_made = make_workbooks(args.n, base / "excel")
    print(f"{args.n:,} signed returns and {args.n:,} Excel returns of 12 sheets"
          + (f" (made in {made + excel_made:.1f} s, not timed)" if made or excel_made else " (reused)"))
    workspace = base / "bench-vs-excel.s11workspace"
    workspace.unlink(missing_ok=True)
    before = load()
    imported = _in_fresh_process("bench_import.import_once", str(register), str(base / "returns"), str(workspace))
    workspace.unlink(missing_ok=True)
    consolidated = _in_fresh_process("bench_import_vs_excel.consolidate_once", str(base / "excel"))
    ratio = imported["cpu"] / consolidated["cpu"]
    print(f"  import of signed returns:     {imported['cpu']:.2f} s CPU ({imported['seconds']:.2f} s wall); "
          f"{imported['summary']}")
    print(f"  Excel consolidation (openpyxl read-only): {consolidated['cpu']:.2f} s CPU "
          f"({consolidated['seconds']:.2f} s wall); {consolidated['rows']:,} rows from {consolidated['files']:,} files")
    print(f"  CPU time import / consolidation: {ratio:.2f}  [target <= {TARGET_RATIO}: "
          f"{'OK' if ratio <= TARGET_RATIO else 'MISSED'}]")
    print(f"  load average before: {before}, after: {load()}")


if __name__ == "__main__":
    main()
