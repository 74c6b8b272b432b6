"""Evidence a return lists but does not carry (issue 17), by keyboard in the business unit's window: Request
evidence… writes the request and shows the email to send, Import evidence supplement… takes the answer in,
and the moderation dialog shows each standard's files as received or kept by the organisation."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QPlainTextEdit

from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.export import export_supplement
from s11audit.returns import read_return
from s11audit.returns.supplement import read_request
from s11audit.store import AuditFile
from s11audit.ui.business_unit.moderation_dialog import ModerationDialog
from s11audit.ui.business_unit.window import BusinessUnitWindow
from tests.core.test_return_evidence import CYCLE, _signed_audit, _set_with
from tests.ui.keys_support import assert_unique_alt_keys, press_alt
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS


@pytest.fixture
def window(qtbot, tmp_path, shipped_sets):
    standards_set = _set_with(shipped_sets, "list")
    audit_path, returned = _signed_audit(tmp_path / "organisation", standards_set)
    organisation = read_return(returned).content["organisation"]
    workspace = Workspace.create(tmp_path / "unit.s11workspace", user="Officer")
    cycle = workspace.add_cycle(CYCLE, standards_set, dt.date.today() + dt.timedelta(days=30))
    workspace.add_organisation(cycle.id, OrganisationEntry(organisation["name"], organisation["reference"], "Agency",
                                                           organisation["org_type"]))
    import_returns(workspace, cycle, [returned])
    shown = BusinessUnitWindow(workspace, [standards_set])
    shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.form.tabs.setCurrentWidget(shown.form.returnsTab)
    shown.form.returnsTable.selectRow(0)
    shown.audit_path = audit_path
    yield shown
    workspace.close()


def test_request_evidence_then_import_the_supplement_by_keys(qtbot, window, tmp_path, messages, monkeypatch):
    asked: list[list[str]] = []

    def choose_first(parent, title, label, items, *args, **kwargs):
        asked.append(list(items))
        return items[0], True

    request_path = tmp_path / "ask.s11request"
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose_first))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(request_path), "")))
    emails: list[str] = []

    def read_and_close(dialog) -> None:
        emails.append(dialog.findChild(QPlainTextEdit, "requestEmail").toPlainText())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert window.form.requestEvidenceButton.isEnabled()
    assert_unique_alt_keys(window)
    seen = when_dialog(QDialog, read_and_close, tries=3000)  # the email to send, shown after the request is written
    press_alt(qtbot, window, Qt.Key.Key_E)  # Request evidence… (a mnemonic clicks after a short animation)
    qtbot.waitUntil(lambda: bool(emails))
    assert seen and asked and asked[0][0].startswith("1. Senior leadership")
    request = read_request(request_path)
    assert request.standard_id == "1" and request.files
    [email] = emails
    assert "File > Answer an evidence request…" in email and request.files[0].name in email

    with AuditFile.open(window.audit_path, user="Lead") as audit_file:
        supplement = export_supplement(audit_file, request_path, tmp_path / "answer.s11supplement")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(supplement)], "")))
    press_alt(qtbot, window, Qt.Key.Key_U)  # Import evidence supplement…
    qtbot.waitUntil(lambda: bool(messages.texts("information")))
    [told] = messages.texts("information")
    assert "stored with its return" in told

    def look(dialog: ModerationDialog) -> None:
        words = {sid: label.text() for sid, label in dialog.evidence_labels.items()}
        assert "received in an evidence supplement" in words["1"]
        assert any("kept by the organisation (ask for it)" in text for text in words.values())
        assert dialog.evidenceButton.isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    seen = when_dialog(ModerationDialog, look, tries=3000)
    press_alt(qtbot, window, Qt.Key.Key_O)  # Moderate…
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    assert messages.texts("warning") == []

