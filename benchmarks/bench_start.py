"""Benchmark of starting the desktop app (offscreen); prints figures against the targets (issue 15).

    python benchmarks/bench_start.py [RUNS]            (RUNS fresh processes per figure; default 5)

In one run, so that the machine's load is the same for all three, the median over fresh processes of
the time from process start (as the OS counts it) to the first paint of:
a. a bare PySide6 QMainWindow, shown                                   (the floor)
b. ``python -m s11audit app``: the start screen                        (target <= 3x the bare window)
c. ``python -m s11audit app FILE``: the audit's self-assessment view    (target <= 1.0 s)
Each s11audit run has a private S11AUDIT_HOME whose settings.ini names the user and marks the
welcome as seen, so no dialog is put up.

A child process runs the real entry point (``runpy`` of ``s11audit``, as ``python -m`` does) with
an application-wide paint watcher hooked in where the event loop starts, rather than a hook inside
s11audit: so the same benchmark measures an older copy of the code. To get the "before" figures,
point ``S11_BENCH_TREE`` at that copy's folder (holding s11audit/, forms/, resources/, standards/);
or set ``S11_BENCH_BEFORE`` to it as well, to measure b and c for both copies in the same run,
interleaved (fairer on a machine whose load changes).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TREE = Path(os.environ.get("S11_BENCH_TREE", ROOT))
BEFORE = Path(os.environ["S11_BENCH_BEFORE"]) if os.environ.get("S11_BENCH_BEFORE") else None
SET_ID = "s175-kcsie2025"
START_SCREEN_TARGET = 3.0  # times the bare window
AUDIT_TARGET_S = 1.0


def process_age() -> float:
    """Seconds since this process started (Linux: /proc, the clock the OS started it by)."""
    start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def _watch_first_paint(app, is_target) -> None:
    """Print the process age at the first paint event of a widget ``is_target`` accepts, and leave."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    class Watcher(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) and is_target(obj):
                print(f"painted {process_age():.4f}", flush=True)
                os._exit(0)  # the figure is taken; closing down is not part of starting
            return False

    app._bench_watcher = Watcher()
    app.installEventFilter(app._bench_watcher)


def child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
    window.resize(1000, 700)
    _watch_first_paint(app, lambda widget: widget.window() is window)
    window.show()
    app.exec()


def child_app(file: str | None) -> None:
    """``python -m s11audit app [FILE]``, with the paint watcher added as the event loop starts."""
    import runpy

    from PySide6.QtWidgets import QApplication

    real_exec = QApplication.exec

    def is_target(widget) -> bool:
        window = widget.window()
        pages = getattr(window, "pages", None)
        if pages is None or not window.isVisible():
            return False
        if file is None:
            target = window.start_screen if pages.currentWidget() is window.startPage else None
        else:
            target = window.tabs.currentWidget() if pages.currentWidget() is window.auditPage else None
        return target is not None and (widget is target or target.isAncestorOf(widget))

    def exec_watched(app) -> int:
        _watch_first_paint(app, is_target)
        return real_exec()

    QApplication.exec = exec_watched
    sys.argv = ["s11audit", "app"] + ([file] if file else [])
    runpy.run_module("s11audit", run_name="__main__", alter_sys=True)


def _home(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.ini").write_text("[user]\nname=Bench Mark\n\n[first_run]\nwelcome_seen=true\n",
                                         encoding="utf-8")
    return folder


def run_child(args: list[str], home: Path, tree: Path = TREE) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", S11AUDIT_HOME=str(home),
               PYTHONPATH=os.pathsep.join([str(tree), str(ROOT)]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules are kept, as in an installed app
    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], env=env,
                            capture_output=True, text=True, timeout=120, cwd=str(home), check=False)
    lines = [line for line in result.stdout.splitlines() if line.startswith("painted ")]
    if not lines:
        raise SystemExit(f"child {args} painted nothing (exit {result.returncode}):\n{result.stdout}{result.stderr}")
    return float(lines[0].split()[1])


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def main(runs: int) -> int:
    work = Path(tempfile.mkdtemp(prefix="s11bench-start-"))
    audit = work / "sample.s11audit"
    made = subprocess.run([sys.executable, "-m", "s11audit", "sample", "--set", SET_ID, str(audit)], cwd=str(ROOT),
                          env=dict(os.environ, S11AUDIT_HOME=str(_home(work / "home-make"))),
                          capture_output=True, text=True, check=False)
    if made.returncode != 0:
        raise SystemExit(f"could not make the sample audit:\n{made.stdout}{made.stderr}")
    print(f"tree: {TREE}   load average at start: {load()}")
    trees = {"": TREE} if BEFORE is None else {"": TREE, " (before)": BEFORE}
    times: dict[str, list[float]] = {"bare": []}
    for label, tree in trees.items():  # a first run, not counted, writes each tree's compiled modules
        run_child(["app"], _home(work / f"home-warm{label}"), tree)
    for run in range(runs):  # interleaved, so a change in the machine's load touches every figure alike
        times["bare"].append(run_child(["bare"], _home(work / f"home-bare-{run}")))
        for label, tree in trees.items():
            times.setdefault("start" + label, []).append(
                run_child(["app"], _home(work / f"home-start-{run}{label}"), tree))
            # A copy each time: the file is opened for writing and a run may have left its lock.
            copy = work / f"audit-{run}{label.strip(' ()')}.s11audit"
            copy.write_bytes(audit.read_bytes())
            times.setdefault("audit" + label, []).append(
                run_child(["app", str(copy)], _home(work / f"home-audit-{run}{label}"), tree))
    medians = {key: statistics.median(values) for key, values in times.items()}
    bare = medians["bare"]
    print(f"runs: {runs} each, median seconds from process start to first paint   load average now: {load()}")
    print(f"a. bare QMainWindow:                {bare:.3f} s")
    for label in trees:
        start, opened = medians["start" + label], medians["audit" + label]
        print(f"b. app, start screen{label:9}     {start:.3f} s   {start / bare:.1f}x bare   (target <= "
              f"{START_SCREEN_TARGET:.0f}x: {'met' if start <= START_SCREEN_TARGET * bare else 'NOT met'})")
        print(f"c. app FILE, audit{label:9}       {opened:.3f} s   {opened / bare:.1f}x bare   "
              f"(target <= {AUDIT_TARGET_S:.1f} s: {'met' if opened <= AUDIT_TARGET_S else 'NOT met'})")
    for key, values in times.items():
        print(f"   {key:16} all runs: {' '.join(f'{v:.3f}' for v in values)}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        kind = sys.argv[2]
        if kind == "bare":
            child_bare()
        else:
            child_app(sys.argv[3] if sys.argv[3:] else None)
        raise SystemExit("the event loop ended before the first paint")
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
