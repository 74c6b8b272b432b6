"""A job behind a progress dialog says whether it was cancelled: closing the dialog after a finished job
(QProgressDialog emits canceled when closed) is not a cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from s11audit.ui.background import run_in_background


def test_a_finished_job_is_not_reported_cancelled(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    result, error, cancelled = run_in_background(parent, "Working", lambda progress, stop: 42, cancellable=True)
    assert (result, error, cancelled) == (42, None, False)

