"""The standards sets the app offers, found once at start-up without holding up the first window.

Reading and validating the YAML files takes a noticeable fraction of a second, so it runs on a
worker thread while the window appears; the same thread then imports the audit-file store so the
first "Open" is quick too. Code that needs the sets before the thread is done simply waits for it.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from s11audit.standards import LoadReport, discover


class StandardsCatalogue(QObject):
    loaded = Signal(object)  # the LoadReport, delivered on the GUI thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._report: LoadReport | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin discovery in the background (idempotent)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="standards-discovery", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        try:
            report = discover()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which re-raises it
            self._error = exc
            self._done.set()
            return
        self._report = report
        self._done.set()
        try:
            # Emitting from this thread queues the call to the catalogue's own (GUI) thread.
            self.loaded.emit(report)
        except RuntimeError:
            return  # the window closed before discovery finished; nobody is waiting
        # Warm the audit-file store (SQLAlchemy, Alembic) so the first "Open" is not slow.
        import s11audit.store  # noqa: F401

    @property
    def is_loaded(self) -> bool:
        return self._done.is_set()

    def report(self) -> LoadReport:
        """The sets and skipped files, waiting for discovery to finish if need be."""
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._report is not None
        return self._report
