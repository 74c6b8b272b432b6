"""Background jobs of the business unit's window own their data: closing the window or quitting the app
mid-import asks, stops the job, closes cleanly, and leaves each return whole or absent."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time

import pytest
from PySide6.QtCore import QTimer

from benchmarks.make_returns import Organisation, write_one
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.ui.business_unit.window import BusinessUnitWindow
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS

pytestmark = OFFSCREEN_SIZE_HINTS
FILES = 60
STOP_AT = 5


def _organisation(n: int) -> Organisation:
    return Organisation(f"School {n}", f"URN 4{n:05d}", "Education", "primary", "DSL", "d@x")


@pytest.fixture(scope="module")
def returns_folder(tmp_path_factory, shipped_sets):
    folder = tmp_path_factory.mktemp("inbox")
    for n in range(FILES):
        write_one(folder, shipped_sets["s175-kcsie2025"], _organisation(n), with_evidence=n % 4 == 0)
    return folder


@pytest.fixture
def workspace_path(tmp_path, s175_set):
    path = tmp_path / "unit.s11workspace"
    with Workspace.create(path, user="Business Unit") as workspace:
        cycle = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        workspace.add_organisations(cycle.id, [OrganisationEntry(_organisation(n).name, _organisation(n).reference)
                                               for n in range(FILES)])
    return path


def _stored_whole(path) -> int:
    """How many returns are stored; each has all its evidence and its one log entry (else the test fails)."""
    with Workspace.open(path, "check") as reopened:  # reopening works: the job let go of the file
        count = len(reopened.returns(reopened.cycle("2026/27").id))
    db = sqlite3.connect(path)
    try:
        rows = db.execute("SELECT id, content FROM imported_return").fetchall()
        for return_id, content in rows:
            evidence = db.execute("SELECT count(*) FROM return_evidence WHERE return_id = ?", (return_id,)).fetchone()
            assert evidence[0] == len(json.loads(content)["evidence"])
            logged = db.execute("SELECT count(*) FROM import_log WHERE return_id = ?", (return_id,)).fetchone()
            assert logged[0] == 1
    finally:
        db.close()
    assert count == len(rows)
    return count


def _close_part_way(window: BusinessUnitWindow, close) -> QTimer:
    """Close (the window or the app) once the import has got through a few returns."""
    timer = QTimer()
    timer.setInterval(1)

    def poll() -> None:
        if window._job is not None and window._job.done >= STOP_AT:
            timer.stop()
            close()

    timer.timeout.connect(poll)
    timer.start()
    return timer


def _unhurried(monkeypatch) -> None:
    """Each return takes a little longer to store, so a busy test machine cannot finish all of them
    before the close is taken up (the import itself is unchanged)."""
    from s11audit.business_unit import importing

    store_one = importing._Importer.one

    def one(self, examined):
        time.sleep(0.03)
        return store_one(self, examined)

    monkeypatch.setattr(importing._Importer, "one", one)


def test_closing_the_window_mid_import_stops_the_job(qtbot, workspace_path, returns_folder, s175_set, messages,
                                                     monkeypatch):
    _unhurried(monkeypatch)
    window = BusinessUnitWindow(Workspace.open(workspace_path, "Business Unit"), [s175_set])
    destroyed = []
    window.destroyed.connect(lambda: destroyed.append(True))
    window.show()
    timer = _close_part_way(window, window.close)
    window.import_paths([returns_folder])  # returns once the job has stopped
    timer.stop()
    qtbot.waitUntil(lambda: bool(destroyed), timeout=5000)
    assert messages.texts("question") == ["An import is running. Stop it and close?"]
    assert messages.texts("information") == [] and messages.texts("warning") == []
    assert STOP_AT <= _stored_whole(workspace_path) < FILES


def test_saying_no_keeps_the_window_and_the_import_finishes(qtbot, workspace_path, returns_folder, s175_set, messages):
    window = BusinessUnitWindow(Workspace.open(workspace_path, "Business Unit"), [s175_set])
    window.show()
    messages.answer = messages.answer.No
    timer = _close_part_way(window, window.close)
    window.import_paths([returns_folder])
    timer.stop()
    assert window.isVisible() and len(messages.texts("question")) == 1
    assert "60 imported" in messages.texts("information")[0]
    assert window.returns_model.rowCount() == FILES  # the window has the file again and shows the import
    window.close()
    assert _stored_whole(workspace_path) == FILES


def test_quitting_the_app_mid_import_stops_the_job(qtbot, shown_window, workspace_path, returns_folder, s175_set,
                                                   messages, monkeypatch):
    _unhurried(monkeypatch)
    shown_window._show_workspace(Workspace.open(workspace_path, "Business Unit"))
    [window] = shown_window.workspace_windows
    destroyed = []
    window.destroyed.connect(lambda: destroyed.append(True))
    timer = _close_part_way(window, shown_window.close)
    window.import_paths([returns_folder])
    timer.stop()
    qtbot.waitUntil(lambda: bool(destroyed), timeout=5000)
    assert not shown_window.isVisible()
    assert messages.texts("question") == ["An import is running. Stop it and close?"]
    assert STOP_AT <= _stored_whole(workspace_path) < FILES
