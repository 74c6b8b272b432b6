"""The app never uses the network: its main flows run with every way of opening a connection blocked.

Blocked at the socket level (connect, create_connection, name lookups), so any library the app uses
(for PDFs, workbooks, the database) would be caught too. Any attempt fails the test, even where the
app would have caught the error.
"""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from benchmarks.make_returns import Organisation, write_one
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.sample import EXAMPLE_ORGANISATIONS, sign_sample
from s11audit.ui.dialogs.about import AboutDialog
from s11audit.ui.dialogs.export import ExportDialog
from tests.ui.shell_support import when_dialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)",
                                       r"This plugin does not support raise\(\)")


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"test: the network was used ({name})")
        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("socket.sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    yield attempts
    assert attempts == [], f"the app tried to use the network: {attempts}"


def test_blocking_works(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80), timeout=1)
    no_network.clear()


def _real_return_and_workspace(tmp_path, s11_set) -> tuple[Path, Path]:
    """A real return from the example agency, and a business unit's workspace with a cycle expecting it."""
    agency = EXAMPLE_ORGANISATIONS["agency"]
    real = write_one(tmp_path, s11_set,
                     Organisation(agency.name, agency.reference, "Health", agency.org_type, "Priya Shah",
                                  "safeguarding@example.org"))
    path = tmp_path / "unit.s11workspace"
    with Workspace.create(path, "Business unit officer") as workspace:
        cycle = workspace.add_cycle("Agencies S11 2026/27", s11_set, dt.date.today() + dt.timedelta(days=30))
        workspace.add_organisations(cycle.id, [OrganisationEntry(agency.name, agency.reference, "Health",
                                                                 agency.org_type, "Priya Shah",
                                                                 "safeguarding@example.org")])
    return real, path


def test_main_flows_never_use_the_network(no_network, qtbot, tmp_path, messages, monkeypatch):
    from s11audit.ui.app import create_main_window
    from s11audit.ui.settings import Settings

    # Start the app, as the first time: the welcome, then a sample agency audit from it.
    Settings().user_name = "Priya Shah"
    window = create_main_window()
    qtbot.addWidget(window)
    window.resize(1366, 860)
    window.show()
    qtbot.waitExposed(window)
    welcome = window.welcome_if_first_run()
    qtbot.mouseClick(welcome.form.agencySampleButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.document is not None, timeout=20000)
    qtbot.wait(200)  # the other tabs are built after the first paint

    # The guide and About.
    guide = window.show_user_guide()
    assert guide.headings
    seen = when_dialog(AboutDialog, lambda dialog: dialog.reject())
    window.actionAbout.trigger()
    assert seen

    # Sign off and export the return with its PDF and action plan.
    assessment = window.document.assessment
    sign_sample(assessment)
    window._show_assessment(window.audit_file.assessment(assessment.id))
    returned = tmp_path / "Northfield.s11return"

    def export(dialog: ExportDialog) -> None:
        dialog.form.returnPath.setText(str(returned))
        dialog.accept()

    seen = when_dialog(ExportDialog, export)
    window.actionExportReturn.trigger()
    assert seen
    assert returned.is_file() and returned.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    window.close_file()

    # The business unit: a workspace opened from the main window, the return imported, findings written.
    sets = {s.id: s for s in window.catalogue.report().sets}
    # The welcome's sample is refused (it is not a real return); a real return from the agency is imported.
    real, path = _real_return_and_workspace(tmp_path, sets["s11-wt2023"])
    assert window.open_file(path)
    [unit] = window.workspace_windows
    qtbot.waitExposed(unit)
    unit.import_paths([returned, real])
    assert unit.returns_model.rowCount() == 1
    report = [unit.form.importReport.item(i).text() for i in range(unit.form.importReport.count())]
    assert "is the app's sample audit, not a real return: it was not imported" in report[0]
    unit.form.tabs.setCurrentWidget(unit.form.findingsTab)
    assert unit.standards_model.rowCount() == len(sets["s11-wt2023"].standards)
    findings = tmp_path / "findings.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(findings), "")))
    unit.write_findings("pdf")
    assert findings.read_bytes().startswith(b"%PDF")
    assert messages.texts("warning") == []
    unit.close()
    window.close()
