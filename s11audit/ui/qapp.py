"""The running QApplication, typed as one.

PySide6 types ``QApplication.instance()`` as ``QCoreApplication | None``; the app (and the tests,
through their conftest) always runs a QApplication, so these narrow it once for every caller.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def running_app() -> QApplication:
    """The QApplication; an error if there is none (a widget cannot exist without one)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("no QApplication is running")
    return app


def running_app_or_none() -> QApplication | None:
    """The QApplication, or None before one is made."""
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else None
