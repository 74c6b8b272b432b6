"""Start the desktop app: the Qt application, its look, the main window and a file from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from s11audit import APP_NAME, __version__
from s11audit.logs import start_logging
from s11audit.paths import resources_dir
from s11audit.ui.main_window import MainWindow


def style_sheet() -> str:
    path = resources_dir() / "style.qss"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""  # the app still works in the plain Fusion look
    # url() in a style sheet is relative to the working folder, not to the sheet; make it absolute.
    return text.replace("@RESOURCES@", resources_dir().as_posix())


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, set up with the app's name (per-user settings) and look."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(sys.argv if argv is None else argv))
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "s11audit.svg")))
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet())
    return app


def create_main_window() -> MainWindow:
    """A main window on the start screen; standards sets are read in the background."""
    application()
    return MainWindow.create()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    start_logging()
    created = QApplication.instance() is None
    app = application(argv)
    window = create_main_window()
    window.show()
    # Qt removes its own options (-style, -platform) from the arguments of an application it made.
    arguments = app.arguments() if created else argv
    files = [arg for arg in arguments[1:] if not arg.startswith("-")]
    if files:
        # Open after the window is on screen, so any question about the file has a window to sit on.
        QTimer.singleShot(0, lambda: window.open_file(Path(files[0])))
    else:
        QTimer.singleShot(0, window.welcome_if_first_run)  # the first time this user starts the app
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
