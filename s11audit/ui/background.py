"""Run a long core task (an import, a batch of files, a findings report) off the UI thread.

The task is a plain function ``task(progress, cancelled)`` from the core: it calls
``progress(done, total, text)`` as it goes and checks ``cancelled()`` between steps. The window
shows a modal progress dialog with Cancel; the event loop keeps running, so the window repaints
and stays responsive. The UI does not touch the file the task works on until it ends (the dialog
is modal).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QThread, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Task = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class _Worker(QThread):
    progressed = Signal(int, int, str)

    def __init__(self, task: Task, stop: threading.Event):
        super().__init__()
        self._task = task
        self._stop = stop
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._task(lambda done, total, text: self.progressed.emit(done, total, text), self._stop.is_set)
        except BaseException as exc:  # handed back to the UI thread, which decides what to show
            self.error = exc


def run_in_background(parent: QWidget | None, title: str, task: Task, cancellable: bool = True) -> tuple[Any, BaseException | None, bool]:
    """Run ``task`` on a worker thread behind a progress dialog.

    Returns ``(result, error, cancelled)``; an exception raised by the task comes back as ``error``.
    """
    stop = threading.Event()
    dialog = QProgressDialog(f"{title}…", "Cancel" if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(title)
    if not cancellable:
        dialog.setCancelButton(None)
    worker = _Worker(task, stop)

    def progressed(done: int, total: int, text: str) -> None:
        if total and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def cancel() -> None:
        stop.set()
        dialog.setLabelText("Stopping after the current file…")

    worker.progressed.connect(progressed)
    dialog.canceled.connect(cancel)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    dialog.show()
    # Python's cycle collector may run on whichever thread allocates; if it ran on the worker it could
    # destroy Qt objects that belong to the UI thread (a crash). Collect now, and not during the job.
    gc.collect()
    gc.disable()
    try:
        worker.start()
        if not worker.isFinished():
            loop.exec()
        worker.wait()
    finally:
        gc.enable()
    dialog.close()
    dialog.deleteLater()
    worker.deleteLater()
    return worker.result, worker.error, stop.is_set()
