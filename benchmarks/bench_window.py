"""Benchmark of the business unit's window (offscreen); prints figures against the targets (issue 12).

    python benchmarks/bench_window.py [N ...]            (N returns; default 400 2000)

For each N a workspace with a register of N organisations and one imported return each is built once
in a cache folder (``$S11_BENCH_CACHE``, default the temp folder; building 10,000 is slow) and copied
before each run. Then, offscreen:
1. the window opens (built, shown, first paint)                          (target <= 2 s)
2. a moderation saved and the window repainted (returns tab shown)       (target <= 100 ms)
3. the returns table sorted by the Signed column                         (target <= 300 ms)
4. the Findings tab shown, then the basis, sector and type filters       (target <= 500 ms each)
5. peak resident memory of the process                                    (target <= 300 MB)
The load average is printed beside each figure (a 2-core machine shared with other work).

To measure another copy of the code (the "before" figures), point ``S11_BENCH_TREE`` at its folder:
the workspace is still built by this tree's import.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ["S11AUDIT_HOME"] = tempfile.mkdtemp(prefix="s11bench-home-")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
TREE = Path(os.environ.get("S11_BENCH_TREE", ROOT))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(TREE))

CACHE = Path(os.environ.get("S11_BENCH_CACHE", Path(tempfile.gettempdir()) / "s11bench-window"))
SET_ID = "s175-kcsie2025"
MEMORY_TARGET_MB = 300  # peak resident memory


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(n: int, standards_set) -> Path:
    """The workspace for n returns, built once (returns written, register added, all imported)."""
    from benchmarks.make_returns import make_register, write_returns
    from s11audit.business_unit.importing import import_returns
    from s11audit.business_unit.workspace import OrganisationEntry, Workspace

    folder = CACHE / str(n)
    path = folder / "unit.s11workspace"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    organisations = make_register(n, standards_set)
    started = time.perf_counter()
    write_returns(folder / "returns", standards_set, organisations)
    print(f"  (built {n} returns in {time.perf_counter() - started:.0f} s)", flush=True)
    partial = folder / "partial.s11workspace"
    partial.unlink(missing_ok=True)
    with Workspace.create(partial, "bench") as workspace:
        cycle = workspace.add_cycle("2026/27", standards_set, dt.date(2027, 3, 31))
        workspace.add_organisations(cycle.id, [OrganisationEntry(o.name, o.reference, o.sector, o.org_type,
                                                                 o.contact_name, o.contact_email)
                                               for o in organisations])
        started = time.perf_counter()
        report = import_returns(workspace, cycle, [folder / "returns"])
        print(f"  (imported: {report.summary()} in {time.perf_counter() - started:.0f} s)", flush=True)
    partial.rename(path)
    shutil.rmtree(folder / "returns")
    return path


def timed(step, settle) -> float:
    started = time.perf_counter()
    step()
    settle()
    return time.perf_counter() - started


def _line(n: int, what: str, seconds: float, target: float) -> None:
    unit, shown = ("ms", seconds * 1000) if target < 1 else ("s", seconds)
    target_shown = target * 1000 if unit == "ms" else target
    verdict = "ok" if seconds <= target else "OVER"
    print(f"{n:>6}  {what:<38} {shown:8.{0 if unit == 'ms' else 2}f} {unit:<2} (target <= {target_shown:g} {unit}) "
          f"{verdict:<4}  load {load()}", flush=True)


def _settle(app, window) -> None:
    app.processEvents()
    if window.isVisible():
        window.repaint()
    app.processEvents()


def _fresh_copy(source: Path) -> Path:
    work = Path(tempfile.mkdtemp(prefix="s11bench-window-")) / "unit.s11workspace"
    shutil.copy(source, work)
    # The copy's pages are flushed to disk before the window opens: a user's workspace has long been on
    # disk, and otherwise the first save's fsync would write the whole fresh copy (~370 ms at 10,000).
    with open(work, "rb+") as copied:
        os.fsync(copied.fileno())
    return work


def _moderate_and_sort(app, window, n: int) -> None:
    from PySide6.QtCore import Qt

    from s11audit.ui.business_unit.moderation_dialog import ModerationDialog

    def settle() -> None:
        _settle(app, window)

    form = window.form
    form.tabs.setCurrentWidget(form.returnsTab)
    settle()
    form.returnsTable.selectRow(0)
    chosen = window._selected_return()
    workspace = window.workspace
    content = workspace.return_content(chosen.id)
    dialog = ModerationDialog(window, workspace.standards_set(window.cycle.id), chosen.name, content, {}, {})
    _, _, chooser, _ = dialog.rows[0]
    chooser.setCurrentIndex(chooser.count() - 1 if chooser.currentIndex() == 0 else 0)
    _line(n, "moderation saved and repainted", timed(lambda: window._save_moderation(chosen.id, dialog), settle),
          0.1)
    dialog.deleteLater()

    _line(n, "sort returns by Signed", timed(lambda: form.returnsTable.sortByColumn(3, Qt.SortOrder.DescendingOrder),
                                             settle), 0.3)


def _findings(app, window, n: int) -> None:
    form = window.form

    def findings_step(what: str, step, target: float) -> None:
        """How long the window is blocked, and (worked out on a worker) until the figures are shown."""
        started = time.perf_counter()
        step()
        _settle(app, window)
        blocked = time.perf_counter() - started
        if not getattr(window, "findings_pending", False):
            _line(n, what, blocked, target)
            return
        _line(n, f"{what} (window blocked)", blocked, target)
        while window.findings_pending:
            app.processEvents()
            time.sleep(0.002)
        _settle(app, window)
        _line(n, f"{what} (figures shown)", time.perf_counter() - started, target)

    findings_step("Findings tab shown", lambda: form.tabs.setCurrentWidget(form.findingsTab), 0.5)
    findings_step("basis: moderated",
                  lambda: form.basisChooser.setCurrentIndex(form.basisChooser.findData("moderated")), 0.5)
    findings_step("sector filter", lambda: form.sectorFilter.setCurrentIndex(1), 0.5)
    findings_step("type filter", lambda: form.typeFilter.setCurrentIndex(1), 0.5)
    findings_step("back to all sectors and types (kept)",
                  lambda: (form.sectorFilter.setCurrentIndex(0), form.typeFilter.setCurrentIndex(0)), 0.5)


def measure(n: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from s11audit.business_unit.workspace import Workspace
    from s11audit.standards import discover
    from s11audit.ui.business_unit.window import BusinessUnitWindow

    app = QApplication.instance() or QApplication([])
    standards_set = discover().find(SET_ID)
    work = _fresh_copy(build(n, standards_set))

    started = time.perf_counter()
    window = BusinessUnitWindow(Workspace.open(work, "bench"), [standards_set])
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    window.resize(1280, 820)
    window.show()
    _settle(app, window)
    _line(n, "window opens", time.perf_counter() - started, 2.0)

    _moderate_and_sort(app, window, n)
    _findings(app, window, n)
    print(f"{n:>6}  {'peak RSS':<38} {rss_mb():8.0f} MB (target <= {MEMORY_TARGET_MB} MB) "
          f"{'ok' if rss_mb() <= MEMORY_TARGET_MB else 'OVER':<4}  load {load()}", flush=True)
    window.close()
    window.deleteLater()
    app.processEvents()
    shutil.rmtree(work.parent, ignore_errors=True)


def main(argv: list[str]) -> int:
    sizes = [int(a.replace(",", "")) for a in argv] or [400, 2000]
    print(f"code: {TREE}")
    for n in sizes:
        measure(n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
