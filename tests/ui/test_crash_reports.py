"""Unexpected errors in the app: written to the log in full, shown once in a crash dialog (with the log's
place and *Copy details*), the app going on; the user's own errors stay plain messages."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt, qWarning
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

import s11audit
from s11audit.logs import log_path, start_logging
from s11audit.reports import ReportError
from s11audit.store import AuditFileError
from s11audit.ui.app import install_error_handlers
from s11audit.ui.dialogs.crash import CrashDialog, plain_message, show_error

# The app's own hook must see the errors, not pytest-qt's (which would fail the test instead).
# Offscreen Qt cannot raise a window (the crash dialog and the user guide are brought to the front).
pytestmark = [pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)",
                                        r"This plugin does not support raise\(\)"),
              pytest.mark.qt_no_exception_capture]


@pytest.fixture
def crash_reports(qapp, monkeypatch):
    """The app's error handlers, as ``ui.app.main`` installs them, removed after the test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    assert start_logging(0) == log_path()
    undo = install_error_handlers()
    yield log_path()
    undo()
    QApplication.processEvents()


def crash_dialogs() -> list[CrashDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]


def log_text() -> str:
    return log_path().read_text(encoding="utf-8")


class Bug(Exception):
    """Stands for a programming error: not one of the app's own error types."""


def test_a_slot_that_raises_is_logged_and_shown_and_the_app_goes_on(crash_reports, shown_window, qtbot, monkeypatch):
    from s11audit.ui.dialogs import about

    def broken(*args, **kwargs):
        raise Bug("about could not count its sets")

    monkeypatch.setattr(about, "AboutDialog", broken)
    shown_window.actionAbout.trigger()  # Help > About: its slot raises

    logged = log_text()
    assert "CRITICAL s11audit.crash [MainThread]: Unexpected error" in logged
    assert "Traceback (most recent call last)" in logged and "in show_about" in logged
    assert "Bug: about could not count its sets" in logged
    [dialog] = crash_dialogs()
    assert dialog.parent() is shown_window
    text = dialog.form.headline.text() + " " + dialog.form.logPlace.text()
    assert "Something went wrong" in text and str(crash_reports) in text
    assert "about could not count" not in text  # the error's own words are for the log, not the user

    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert f"s11audit: {s11audit.__version__}" in copied and "Platform: " in copied and "Qt: " in copied
    assert "Traceback (most recent call last)" in copied and "Bug: about could not count its sets" in copied
    assert dialog.form.copied.isVisible()

    dialog.form.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not crash_dialogs())
    assert shown_window.isVisible()  # the dialog never quits the app
    shown_window.actionUserGuide.trigger()  # and the window still does what it is asked
    assert shown_window.guide_window is not None and shown_window.guide_window.isVisible()


def test_the_same_error_again_is_counted_in_one_dialog(crash_reports, shown_window, monkeypatch):
    def broken(*args, **kwargs):
        raise Bug("again")

    from s11audit.ui.dialogs import about

    monkeypatch.setattr(about, "AboutDialog", broken)
    for _ in range(12):
        shown_window.actionAbout.trigger()
    [dialog] = crash_dialogs()
    assert dialog.form.repeats.isVisible() and dialog.form.repeats.text() == "This has happened 12 times."
    assert log_text().count("Bug: again") == 12  # each one is in the log
    dialog.close()
    shown_window.actionAbout.trigger()  # straight after closing it: counted, not shown again
    assert not crash_dialogs() and log_text().count("Bug: again") == 13


def test_an_error_on_another_thread_is_reported_on_the_ui_thread(crash_reports, shown_window, qtbot):
    def work():
        raise Bug("a worker thread failed")

    worker = threading.Thread(target=work, name="evidence-reader")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(crash_dialogs()) == 1)
    assert "Unexpected error (thread evidence-reader)" in log_text()
    assert "Bug: a worker thread failed" in crash_dialogs()[0].details


@pytest.mark.qt_log_ignore("a Qt warning for the log")
def test_qt_warnings_go_to_the_log(crash_reports):
    qWarning("a Qt warning for the log")
    assert "WARNING s11audit.qt [MainThread]: a Qt warning for the log" in log_text()
    assert not crash_dialogs(), [(d.details, d.parent()) for d in crash_dialogs()]


def test_with_no_stderr_a_crash_is_still_logged_and_shown(crash_reports, shown_window, monkeypatch):
    monkeypatch.setattr(sys, "stderr", None)  # the windowed build
    sys.excepthook(Bug, Bug("no console"), None)
    assert "Bug: no console" in log_text() and len(crash_dialogs()) == 1


# --- the user's own errors stay plain messages ----------------------------------------------------

def test_own_errors_are_plain_messages_and_bugs_are_raised_for_the_crash_path(crash_reports, monkeypatch, tmp_path):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    refusal = ReportError(f"Cannot write {tmp_path / 'x.pdf'}: No space left on device.")
    show_error(None, "Not written", refusal)
    assert shown == [("Not written", str(refusal))]
    disk = OSError(28, "No space left on device", str(tmp_path / "letters"))
    assert plain_message(disk).startswith(f"{tmp_path / 'letters'}: No space left on device.")
    assert plain_message(KeyError("standard 7")) is None
    with pytest.raises(KeyError):
        show_error(None, "Not written", KeyError("standard 7"))  # raised again: the hook shows the crash
    assert len(shown) == 1 and not crash_dialogs()


def test_removing_an_action_that_cannot_be_saved_says_why(crash_reports, event, qtbot, monkeypatch):
    from s11audit.business_unit import peer_audit
    from s11audit.ui.business_unit.peer_recording import PeerRecordingDialog

    workspace, found, _ = event
    dialog = PeerRecordingDialog(None, workspace, found.id, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    form.addActionButton.click()
    form.actionsTable.setCurrentCell(0, 0)

    def refused(*args):
        raise AuditFileError(workspace.path, "could not be saved: the disk is full.")

    monkeypatch.setattr(peer_audit, "remove_action", refused)
    form.removeActionButton.click()
    assert "the disk is full" in form.problem.text()
    assert form.actionsTable.rowCount() == 1 and not crash_dialogs()

    def bug(*args):
        raise Bug("remove_action lost its row")

    monkeypatch.setattr(peer_audit, "remove_action", bug)
    form.removeActionButton.click()
    assert "remove_action lost its row" not in form.problem.text()  # never str(error) of a bug
    assert len(crash_dialogs()) == 1 and "Bug: remove_action lost its row" in log_text()


@pytest.mark.qt_log_ignore("after the handlers are gone")
def test_the_handlers_are_removed_again(qapp, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    start_logging(0)
    before = sys.excepthook, threading.excepthook
    undo = install_error_handlers()
    assert sys.excepthook is not before[0] and threading.excepthook is not before[1]
    undo()
    assert (sys.excepthook, threading.excepthook) == before
    qWarning("after the handlers are gone")
    assert "after the handlers are gone" not in (log_text() if log_path().exists() else "")


def test_about_says_where_the_log_is(qtbot, shipped_sets):
    from s11audit.standards import LoadReport
    from s11audit.ui.dialogs.about import AboutDialog

    dialog = AboutDialog(None, LoadReport(list(shipped_sets.values()), []), log_path().parent / "settings.ini")
    qtbot.addWidget(dialog)
    assert f"The log (what the app did, and any unexpected error in full): {log_path()}" in dialog.form.places.text()
