"""Helpers for the completion screen tests: documents over fresh audit files and a shown view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QMainWindow

from s11audit.ui.completion import CompletionView
from s11audit.ui.document import AuditDocument
from s11audit.ui.text_autosave import SAVE_DELAY_MS

# Qt's offscreen platform warns when a shown window's minimum size changes; on Windows and X11 it
# never does, so the warning says nothing about the app.
OFFSCREEN_SIZE_HINTS = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
AFTER_TYPING_MS = SAVE_DELAY_MS + 400


@pytest.fixture
def agency_doc(agency_file, s11_set) -> AuditDocument:
    """An empty S11 self-assessment (red/amber/green/blue, N/A with a reason) for a health agency."""
    document = AuditDocument(agency_file, agency_file.start_audit(s11_set, "2026/27"))
    yield document
    document.close()  # as the main window does before it closes the file


@pytest.fixture
def school_doc(school_file, s175_set) -> AuditDocument:
    """An empty S175 self-assessment (not met/partly met/fully met with evidence) for a primary school."""
    document = AuditDocument(school_file, school_file.start_audit(s175_set, "2026/27"))
    yield document
    document.close()


def show_view(qtbot, document: AuditDocument) -> CompletionView:
    """The completion screen in a shown main window of a laptop's size, with keyboard focus."""
    window = QMainWindow()
    window.resize(1366, 860)
    view = CompletionView(document)
    window.setCentralWidget(view)
    qtbot.addWidget(window)  # closed after the test; qtbot holds it weakly, so the view holds it too
    view.test_window = window
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return view


def wait_for_workers(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
