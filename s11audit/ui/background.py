"""Run a long core task (an import, a batch of files, a findings report) off the UI thread.

The task is a plain function ``task(progress, cancelled)`` from the core: it calls
``progress(done, total, text)`` as it goes and checks ``cancelled()`` between steps. The window
shows a modal progress dialog with Cancel; the event loop keeps running, so the window repaints
and stays responsive.

The task must not use anything the UI thread uses: no SQLAlchemy session or SQLite connection is
shared between threads. It either works on plain data read beforehand (the export) or opens its own
connection to a file the UI has handed over for the job (the business unit's window, see
``ui.business_unit.window``). ``on_start`` receives the running :class:`Job`, so a window being
closed can cancel it and wait for it to stop (``Job.stop``) before it lets go of its file.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEventLoop, QThread, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Task = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class _Collector:
    """How many workers have paused Python's cycle collector and not yet resumed it."""

    paused = 0


def pause_collector() -> None:
    """Python's cycle collector may run on whichever thread allocates; if it ran on a worker it could
    destroy Qt objects that belong to the UI thread (a crash). Collect now, and not until every worker
    that paused it has resumed it (:func:`resume_collector`)."""
    if _Collector.paused == 0:
        gc.collect()
        gc.disable()
    _Collector.paused += 1


def resume_collector() -> None:
    _Collector.paused = max(0, _Collector.paused - 1)
    if _Collector.paused == 0:
        gc.enable()


class Calculation(QThread):
    """A calculation on plain data off the UI thread with no dialog (a tab's figures): the window goes
    on being used while it runs and takes the result when ``finished`` is emitted (on the UI thread).

    ``task(cancelled)`` returns the result; an exception comes back as ``error``. :meth:`stop` asks it
    to stop (the task checks ``cancelled()`` where it can) and waits until it has returned.
    """

    def __init__(self, task: Callable[[Callable[[], bool]], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self._task = task
        self._stop = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self._paused = False
        self.finished.connect(self._resume)  # this object lives on the UI thread: queued to it

    def start(self, /, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
        pause_collector()
        self._paused = True
        super().start(priority)

    def _resume(self) -> None:
        if self._paused:
            self._paused = False
            resume_collector()

    def run(self) -> None:
        try:
            self.result = self._task(self._stop.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed back to the UI thread, which decides what to show
            self.error = exc

    def stop(self) -> None:
        self._stop.set()
        self.wait()
        self._resume()


class _Worker(QThread):
    progressed = Signal(int, int, str)

    def __init__(self, task: Task, stop: threading.Event):
        super().__init__()
        self._task = task
        self._stop = stop
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = 0

    def run(self) -> None:
        def progress(done: int, total: int, text: str) -> None:
            self.done = done
            self.progressed.emit(done, total, text)

        try:
            self.result = self._task(progress, self._stop.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed back to the UI thread, which decides what to show
            self.error = exc


class Job:
    """A running background task as its window sees it: how far it got, cancel, wait for it to end."""

    def __init__(self, worker: _Worker, stop: threading.Event):
        self._worker = worker
        self._stop = stop

    @property
    def done(self) -> int:
        return self._worker.done

    def cancel(self) -> None:
        self._stop.set()

    def stop(self) -> None:
        """Cancel and block until the task has returned (it checks ``cancelled`` between steps)."""
        self._stop.set()
        self._worker.wait()


def run_in_background(parent: QWidget | None, title: str, task: Task, cancellable: bool = True,
                      on_start: Callable[[Job], None] | None = None) -> tuple[Any, BaseException | None, bool]:
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
        if not shiboken6.isValid(dialog):  # taken down with its window; the job is being stopped
            return
        if total and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def cancel() -> None:
        stop.set()
        if shiboken6.isValid(dialog):
            dialog.setLabelText("Stopping after the current file…")

    worker.progressed.connect(progressed)
    dialog.canceled.connect(cancel)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    dialog.show()
    pause_collector()  # not during the job (see pause_collector)
    try:
        worker.start()
        if on_start is not None:
            on_start(Job(worker, stop))
        if not worker.isFinished():
            loop.exec()
        worker.wait()
    finally:
        resume_collector()
    cancelled = stop.is_set()  # before closing: QProgressDialog emits canceled when it is closed
    if shiboken6.isValid(dialog):
        dialog.canceled.disconnect(cancel)
        dialog.close()
        dialog.deleteLater()
    worker.deleteLater()
    return worker.result, worker.error, cancelled
