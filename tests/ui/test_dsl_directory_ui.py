"""The DSL directory dialog and the Findings document button of the business unit's window."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from benchmarks.make_returns import Organisation, write_one
from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.ui.business_unit.window import BusinessUnitWindow
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS

pytestmark = OFFSCREEN_SIZE_HINTS
ORGS = [Organisation(f"School {n}", f"URN {n}", "Education", "primary", "Head", f"head@school{n}.example.org")
        for n in range(1, 5)]


@pytest.fixture
def window(qtbot, tmp_path, s175_set):
    path = tmp_path / "unit.s11workspace"
    with Workspace.create(path, "Business unit officer") as created:
        cycle = created.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31))
        created.add_organisations(cycle.id, [OrganisationEntry(o.name, o.reference, o.sector, o.org_type,
                                                               o.contact_name, o.contact_email) for o in ORGS])
        import_returns(created, cycle, [write_one(tmp_path, s175_set, o) for o in ORGS])
    workspace = Workspace.open(path, "Business unit officer")
    shown = BusinessUnitWindow(workspace, [s175_set])
    shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()
    workspace.close()


def test_dsl_directory_dialog_lists_writes_and_counts_again(qtbot, window, tmp_path, monkeypatch, messages):
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&DSL directory…")
    action.trigger()
    dialog = window._dsl_dialog
    qtbot.addWidget(dialog)
    directory = dialog.directory
    assert dialog.form.table.model().rowCount() == 4
    shown = dialog.form.table.model()
    assert shown.headerData(4, Qt.Orientation.Horizontal) == "DSL"
    assert {shown.index(r, 4).data() for r in range(4)} == {e.dsl.name for e in directory.entries}

    dialog.form.listChooser.setCurrentIndex(dialog.form.listChooser.findData("refresher"))
    due_today = dialog.form.table.model().rowCount()
    assert due_today == len(directory.due_refresher())
    dialog.form.on.setDate(QDate(2040, 1, 1))  # everyone's training is then over two years old
    assert dialog.form.table.model().rowCount() == sum(len(e.people) for e in directory.entries) > due_today
    assert "due for refresher DSL training on 1 January 2040" in dialog.form.summary.text()

    target = tmp_path / "leads.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog.form.xlsxButton.click()
    assert load_workbook(target).sheetnames == ["DSL directory", "Refresher training due", "DSL changed"]
    invite = tmp_path / "invite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(invite), "")))
    dialog.form.csvButton.click()  # the list shown: who to invite
    lines = (tmp_path / "invite.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Setting,Reference,Role,Name") and len(lines) == 1 + dialog.form.table.model().rowCount()
    assert messages.texts("warning") == []


def test_findings_document_button_writes_the_word_document(qtbot, window, tmp_path, monkeypatch, messages):
    window.form.tabs.setCurrentWidget(window.form.findingsTab)
    target = tmp_path / "findings.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.form.findingsDocxButton.click()
    document = Document(str(target))
    assert "Annual report summary" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert messages.texts("warning") == [] and messages.texts("critical") == []
