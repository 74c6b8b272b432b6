"""An unexpected error (a fault of s11audit itself): written to the log in full, then one plain dialog.

The dialog says what happened in one sentence, where the log is, and offers *Copy details* (version,
platform and traceback on the clipboard) and Close; it never quits the app. An error that repeats
(a timer's slot failing every second) shows one dialog that counts, not a pile of them.

Errors that are the user's or the environment's (our own error types: a file refused, a report not
written; ``OSError``: a full disk, no permission) are not crashes: they stay plain messages, through
:func:`plain_message` / :func:`show_error`. Anything else is a bug and comes here.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from s11audit.logs import ExcInfo, environment, log_path, log_unexpected
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.crash_dialog import CrashDialogForm

REPEAT_SECONDS = 60.0  # the same error again within this time is counted, not shown again
MAX_OPEN = 3  # different errors at once: beyond this many dialogs they only reach the log


def own_errors() -> tuple[type[BaseException], ...]:
    """The error types that carry a message written for the user (a refusal with its reason)."""
    from s11audit.business_unit.cycle_sets import SetChoiceError
    from s11audit.business_unit.starting_files import StartingFileError
    from s11audit.reports import ReportError
    from s11audit.returns.container import ContainerError
    from s11audit.returns.format import ReturnError
    from s11audit.standards.source import StandardsError
    from s11audit.standards.workbook import WorkbookError
    from s11audit.store.answers import AnswerError
    from s11audit.store.carry_forward import CarryForwardError
    from s11audit.store.database import AuditFileError  # with RegisterError, EvidenceError, SignOffError, ...

    return (AuditFileError, ReportError, ReturnError, ContainerError, StandardsError, WorkbookError,
            StartingFileError, SetChoiceError, AnswerError, CarryForwardError)


def plain_message(error: BaseException) -> str | None:
    """What to tell the user about ``error`` if it is theirs or their computer's; ``None`` for a bug."""
    if isinstance(error, own_errors()):
        return str(error)
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror or type(error).__name__}. Check that the disk is not full and that you may " \
               "use that folder."
    return None


def show_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    """A plain warning for the user's errors (an error handed back by a background job); anything
    else is raised again, for the app's exception hook to log in full and show as a crash report."""
    message = plain_message(error)
    if message is None:
        raise error
    QMessageBox.warning(parent, title, message)


def report_unexpected(exc_info: ExcInfo, where_from: str = "") -> None:
    """Log an unexpected error in full and show (or count) its crash dialog; from any thread."""
    details = log_unexpected(exc_info, where_from)
    reporter = CrashReporter.instance()
    if reporter is not None:
        reporter.reported.emit(_key(exc_info), details)  # queued to the UI thread when raised elsewhere


def _key(exc_info: ExcInfo) -> str:
    """The same error: the same type raised from the same line along the same path."""
    frames = traceback.extract_tb(exc_info[2]) if exc_info[2] is not None else []
    return exc_info[0].__qualname__ + "|" + "|".join(f"{f.filename}:{f.lineno}" for f in frames)


class CrashDialog(FormDialog[CrashDialogForm]):
    def __init__(self, parent: QWidget | None, details: str):
        super().__init__(CrashDialogForm, parent)
        self.details = details
        self.times = 1
        self.form.logPlace.setText(f"The details are in the log: {log_path()}")
        self.copy_button = self.form.buttons.addButton("&Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setAccessibleName("Copy details")
        self.copy_button.clicked.connect(self.copy_details)
        self.copy_button.setAutoDefault(False)
        close = self.form.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        close.setDefault(True)  # Enter closes; copying is a choice
        close.setFocus()
        self.form.repeats.setVisible(False)
        self.form.copied.setVisible(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(max(self.width(), self.sizeHint().width()), self.sizeHint().height())

    def report_text(self) -> str:
        return f"{environment({'Qt': qVersion()})}\nLog: {log_path()}\nTimes: {self.times}\n\n{self.details}"

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
        self.form.copied.setText("Copied: paste them into an e-mail to whoever supports s11audit for you.")
        self.form.copied.setVisible(True)

    def happened_again(self) -> None:
        self.times += 1
        self.form.repeats.setText(f"This has happened {self.times} times.")
        self.form.repeats.setVisible(True)


class CrashReporter(QObject):
    """Lives on the UI thread; shows each distinct unexpected error once and counts repeats."""

    reported = Signal(str, str)  # key, details
    _current: CrashReporter | None = None

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.open: dict[str, CrashDialog] = {}
        self.last_shown: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self.reported.connect(self.show_report, Qt.ConnectionType.AutoConnection)

    @classmethod
    def instance(cls) -> CrashReporter | None:
        return cls._current

    @classmethod
    def start(cls) -> CrashReporter:
        if cls._current is None:
            cls._current = CrashReporter(QApplication.instance())
        return cls._current

    @classmethod
    def stop(cls) -> None:
        if cls._current is not None:
            for dialog in list(cls._current.open.values()):
                dialog.close()
            cls._current.deleteLater()
            cls._current = None

    @Slot(str, str)
    def show_report(self, key: str, details: str) -> None:
        self.counts[key] = self.counts.get(key, 0) + 1
        dialog = self.open.get(key)
        if dialog is not None:
            dialog.happened_again()
            return
        recently = time.monotonic() - self.last_shown.get(key, -REPEAT_SECONDS) < REPEAT_SECONDS
        if recently or len(self.open) >= MAX_OPEN or QApplication.closingDown():
            return  # in the log already; a dialog again would only get in the way
        try:
            dialog = CrashDialog(_parent(), details)
        except Exception:  # raising here would come straight back to this slot
            logging.getLogger("s11audit.crash").exception("The crash dialog could not be shown")
            return
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.finished.connect(lambda _result, key=key: self._closed(key))
        dialog.destroyed.connect(lambda _obj=None, key=key: self.open.pop(key, None))  # its window was closed
        self.open[key] = dialog
        self.last_shown[key] = time.monotonic()
        dialog.show()  # not exec(): no nested event loop inside the hook, and the app goes on
        dialog.raise_()

    def _closed(self, key: str) -> None:
        self.open.pop(key, None)
        self.last_shown[key] = time.monotonic()


def _parent() -> QWidget | None:
    window = QApplication.activeWindow()
    if window is not None and not isinstance(window, CrashDialog):
        return window
    return next((w for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, CrashDialog)), None)


def excepthook(exc_type: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` of the app: an uncaught error (a slot, an event handler) is a crash report."""
    where_from = "" if threading.current_thread() is threading.main_thread() else \
        f"thread {threading.current_thread().name}"
    report_unexpected((exc_type, value, tb), where_from)


def thread_excepthook(args: threading.ExceptHookArgs) -> None:
    """``threading.excepthook``: an error that ends a Python thread."""
    if args.exc_type is SystemExit or args.exc_value is None:  # None only in theory: Python always passes one
        return
    report_unexpected((args.exc_type, args.exc_value, args.exc_traceback),
                      f"thread {args.thread.name if args.thread else '?'}")
