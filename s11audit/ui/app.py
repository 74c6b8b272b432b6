"""Start the desktop app: the Qt application, its look, the main window and a file from the command line.

Also where the app's faults go: ``install_error_handlers`` sends an uncaught error (a slot that
raises, a thread that dies) to the log and a crash dialog (``ui/dialogs/crash.py``), and Qt's own
warnings to the log.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, QTimer, qInstallMessageHandler
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from s11audit import APP_NAME, __version__
from s11audit.logs import log_path, no_stream_is_none, start_logging
from s11audit.paths import resources_dir
from s11audit.ui import keyboard
from s11audit.ui.main_window import MainWindow
from s11audit.ui.qapp import running_app_or_none
from s11audit.ui.settings import Settings
from s11audit.ui.text_size import DESIGN_POINT_SIZE, apply_text_scale, fill_sizes, install_screen_fitter


def style_sheet(base_point_size: float = DESIGN_POINT_SIZE) -> str:
    """resources/style.qss with its font sizes relative to ``base_point_size`` (ui/text_size.py)."""
    path = resources_dir() / "style.qss"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""  # the app still works in the plain Fusion look
    # url() in a style sheet is relative to the working folder, not to the sheet; make it absolute.
    return fill_sizes(text.replace("@RESOURCES@", resources_dir().as_posix()), base_point_size)


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, set up with the app's name (per-user settings) and look."""
    app = running_app_or_none()
    if app is None:
        app = QApplication(list(sys.argv if argv is None else argv))
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "s11audit.svg")))
    app.setStyle(keyboard.FocusFrameStyle())  # Fusion, with a clear frame round a table's current cell
    palette = app.palette()
    # #5F6B7A on white is 5.43:1 (style.qss sets the same for styled widgets); Fusion's is fainter.
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#5F6B7A"))
    app.setPalette(palette)
    apply_text_scale(Settings().text_scale, app)  # the font and style sheet, before any window shows
    install_screen_fitter(app)
    keyboard.install(app)  # Return presses the focused button, focus scrolls into view (once per app)
    return app


_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def _qt_message_handler(previous: Callable | None) -> Callable[[QtMsgType, QMessageLogContext, str], None]:
    log = logging.getLogger("s11audit.qt")

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        where = f" ({context.file}:{context.line})" if context.file else ""
        log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)
        if kind == QtMsgType.QtFatalMsg:
            for handler in logging.getLogger("s11audit").handlers:
                handler.flush()  # Qt aborts the process when this returns
        if previous is not None:
            previous(kind, context, message)  # a test harness's handler, or one installed before ours
        elif kind == QtMsgType.QtFatalMsg and sys.stderr is not None:
            print(f"Qt fatal error: {message}{where}", file=sys.stderr)  # what Qt's own handler prints

    return handle


def install_error_handlers() -> Callable[[], None]:
    """Uncaught errors to the log and the crash dialog, Qt's messages to the log; returns an undo.

    An error the user should see as a message (our own error types) is caught where it happens and
    never reaches these hooks; whatever does is a fault of s11audit, shown as a crash report.
    """
    from s11audit.ui.dialogs.crash import CrashReporter, excepthook, thread_excepthook

    saved = sys.excepthook, threading.excepthook

    def hook(exc_type, value, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            saved[0](exc_type, value, tb)
        else:
            excepthook(exc_type, value, tb)

    CrashReporter.start()
    sys.excepthook, threading.excepthook = hook, thread_excepthook
    previous = qInstallMessageHandler(None)  # Qt's default, or a test harness's handler: ours passes on to it
    qInstallMessageHandler(_qt_message_handler(previous))

    def undo() -> None:
        sys.excepthook, threading.excepthook = saved
        qInstallMessageHandler(previous)
        CrashReporter.stop()

    return undo


def create_main_window() -> MainWindow:
    """A main window on the start screen; standards sets are read in the background."""
    application()
    return MainWindow.build()


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # in a frozen build, an import worker process (import_workers.py) starts here
    argv = list(sys.argv if argv is None else argv)
    no_stream_is_none()  # the windowed build has no stdout or stderr
    start_logging()
    logging.getLogger("s11audit.ui.app").info("s11audit %s started; log %s", __version__, log_path())
    created = QApplication.instance() is None
    app = application(argv)
    undo = install_error_handlers()
    try:
        return _run(app, argv, created)
    finally:
        undo()


def show_main_window(window: MainWindow, file: Path | None = None) -> None:
    """Put the window on screen: on the start screen, or with ``file`` open, its audit drawn first.

    A file is opened before the window is first shown, so the start screen is never drawn only to be
    replaced; the window shows itself before any question about the file, to sit on (main_window.py).
    """
    if file is None:
        window.show()
        QTimer.singleShot(0, window.welcome_if_first_run)  # the first time this user starts the app
    else:
        try:
            window.open_before_showing(file)
        except Exception:  # noqa: BLE001 - a fault of s11audit: a crash report, as in the event loop
            sys.excepthook(*sys.exc_info())


def _run(app: QApplication, argv: list[str], created: bool) -> int:
    window = create_main_window()
    # Qt removes its own options (-style, -platform) from the arguments of an application it made.
    arguments = app.arguments() if created else argv
    files = [arg for arg in arguments[1:] if not arg.startswith("-")]
    show_main_window(window, Path(files[0]) if files else None)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
