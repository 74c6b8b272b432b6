"""Benchmarks for the self-assessment issue; prints figures (targets in brackets).

    python benchmarks/bench_self_assessment.py

1. App start to first window shown, in a fresh process            (target <= 1.0 s)
2. Opening an audit holding 50 evidence files of 1 MB              (target <= 0.5 s)
   - in the core (open, load the audit, list evidence, completeness)
   - in the app (main window opens the file and shows the completion screen)
3. Time per autosaved edit (grade, narrative, item answer), core and through the undo stack
                                                                   (target <= 20 ms)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A private per-user folder: the benchmark never touches the real user's settings or recent files.
os.environ["S11AUDIT_HOME"] = tempfile.mkdtemp(prefix="s11bench-home-")

from s11audit.standards import discover
from s11audit.store import AuditFile, EvidenceFile, OrganisationDetails

ROOT = Path(__file__).resolve().parents[1]
PAINT_TIMEOUT_S = 10  # seconds to wait for the opened audit's first paint
STARTUP_CHILD = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from s11audit.ui.app import create_main_window
app = QApplication.instance() or QApplication(sys.argv)
window = create_main_window()
window.show()
def shown():
    print("SHOWN", time.time(), flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def _runs(label: str, seconds: list[float], target: float) -> None:
    median = statistics.median(seconds)
    print(f"{label:<62} median {median * 1000:8.1f} ms  max {max(seconds) * 1000:8.1f} ms  "
          f"(target <= {target * 1000:.0f} ms) {'OK' if median <= target else 'OVER'}")


def bench_startup(runs: int = 5) -> None:
    times = []
    env = dict(os.environ)
    for _ in range(runs):
        start = time.time()
        out = subprocess.run([sys.executable, "-c", STARTUP_CHILD], capture_output=True, text=True, env=env, cwd=ROOT,
                             check=True)
        shown = float(next(line for line in out.stdout.splitlines() if line.startswith("SHOWN")).split()[1])
        times.append(shown - start)
    _runs("1. app start to first window shown (fresh process)", times, 1.0)


def _file_with_evidence(folder: Path, s11_set) -> Path:
    path = folder / "fifty-mb.s11audit"
    organisation = OrganisationDetails("Bench NHS Trust", "RB1", "agency", "health")
    with AuditFile.create(path, organisation, "bench") as audit_file:
        assessment = audit_file.start_audit(s11_set, "2026/27")
        for n in range(50):
            data = os.urandom(1024 * 1024)
            import hashlib

            evidence = EvidenceFile(f"evidence-{n:02}.pdf", data, hashlib.sha256(data).hexdigest(), "application/pdf")
            assessment.evidence.add(evidence, links=[(s11_set.standards[n % len(s11_set.standards)].id, "")])
    return path


def bench_open(path: Path, runs: int = 7) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with AuditFile.open(path, "bench") as audit_file:
            assessment = audit_file.latest_assessment()
            assessment.evidence.all_evidence()
            assessment.completeness()
            times.append(time.perf_counter() - start)
    _runs("2a. open audit with 50 x 1 MB evidence (core)", times, 0.5)


def bench_open_in_app(path: Path, runs: int = 5) -> None:
    """From choosing the file to the self-assessment screen painted (as the user sees it)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from s11audit.ui.app import create_main_window
    from s11audit.ui.completion import CompletionView
    from s11audit.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    Settings().user_name = "bench"  # the first-run name question would wait for a person

    class FirstPaint(QObject):
        """Notes when the main window first paints with the audit page showing."""

        def __init__(self, window):
            super().__init__()
            self.window, self.at = window, None

        def eventFilter(self, watched, event) -> bool:
            if self.at is None and event.type() == QEvent.Type.Paint and watched is self.window.auditPage \
                    and isinstance(self.window.views.get("self_assessment"), CompletionView):
                self.at = time.perf_counter()
            return False

    times = []
    for _ in range(runs):
        window = create_main_window()
        window.show()
        app.processEvents()
        painted = FirstPaint(window)
        window.auditPage.installEventFilter(painted)
        start = time.perf_counter()
        window.open_file(path)
        while painted.at is None and time.perf_counter() - start < PAINT_TIMEOUT_S:
            app.processEvents()
        window.auditPage.removeEventFilter(painted)
        times.append(painted.at - start)
        window.close_file()
        window.close()
        window.deleteLater()
        app.processEvents()
    _runs("2b. open audit with 50 x 1 MB evidence (app, to screen painted)", times, 0.5)


def bench_edits(folder: Path, s11_set, edits: int = 200) -> None:
    path = folder / "edits.s11audit"
    with AuditFile.create(path, OrganisationDetails("Bench Police", "P1", "agency", "police"), "bench") as audit_file:
        assessment = audit_file.start_audit(s11_set, "2026/27")
        levels = [level.id for level in s11_set.grade_scale.levels]
        times = []
        for n in range(edits):
            start = time.perf_counter()
            match n % 3:
                case 0:
                    assessment.set_grade(s11_set.standards[n % 9].id, levels[n % len(levels)])
                case 1:
                    assessment.set_narrative("2", "A narrative that grows with every edit. " * (1 + n // 3))
                case 2:
                    assessment.set_answer("5.2", n % 100)
            times.append(time.perf_counter() - start)
        _runs(f"3a. autosaved edit in the core ({edits} edits)", times, 0.020)
        print(f"{'':<62} p95    {sorted(times)[int(len(times) * 0.95)] * 1000:8.1f} ms")

        from PySide6.QtWidgets import QApplication

        from s11audit.ui.commands import SetAnswer, SetJudgement, SetStandardText
        from s11audit.ui.document import AuditDocument

        QApplication.instance() or QApplication([])
        document = AuditDocument(audit_file, assessment)
        times = []
        for n in range(edits):
            start = time.perf_counter()
            match n % 3:
                case 0:
                    document.push(SetJudgement(document, s11_set.standards[n % 9].id, levels[(n + 1) % len(levels)]))
                case 1:
                    text = "Edited through the undo stack " * (1 + n // 3)
                    document.push(SetStandardText(document, "3", "narrative", text))
                case 2:
                    document.push(SetAnswer(document, "5.2", (n + 7) % 100))
            times.append(time.perf_counter() - start)
        _runs(f"3b. autosaved edit through the undo stack ({edits} edits)", times, 0.020)


def main() -> None:
    s11_set = discover().find("s11-wt2023")
    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} cores")
    bench_startup()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        start = time.perf_counter()
        path = _file_with_evidence(folder, s11_set)
        print(f"   (built a {path.stat().st_size / 1e6:.0f} MB audit file with 50 evidence files in "
              f"{time.perf_counter() - start:.1f} s)")
        bench_open(path)
        bench_open_in_app(path)
        bench_edits(folder, s11_set)


if __name__ == "__main__":
    main()
