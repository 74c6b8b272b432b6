"""Signing off, reopening and exporting through the main window's File menu and dialogs."""

from __future__ import annotations

import hashlib
import zipfile

import pytest
from PySide6.QtCore import QDate, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from s11audit.export import written_return_sha256
from s11audit.returns import verify_return
from s11audit.sample import make_sample
from s11audit.ui.dialogs.export import ExportDialog
from s11audit.ui.dialogs.sign_off import NotReadyDialog, SignOffDialog
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, SCHOOL, make_file, when_dialog
from tests.ui.test_app_shell import unnamed_controls

pytestmark = OFFSCREEN_SIZE_HINTS


@pytest.fixture
def window(shown_window):
    return shown_window


def _settle(qtbot, window) -> None:
    """Let the views built after the first paint be built before anything else runs."""
    qtbot.waitUntil(lambda: all(window.tabs.widget(i) is window.views.get(k)
                                for i, k in enumerate(("self_assessment", "action_plan", "trail"))))
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)


def _fill_and_sign(qtbot, names: list[str]):
    def act(dialog: SignOffDialog) -> None:
        assert dialog.form.declaration.isReadOnly() and dialog.form.declaration.toPlainText().strip()
        assert unnamed_controls(dialog) == []
        first = dialog.rows[0]
        assert first.signed_on.date() == QDate.currentDate()
        # Without the confirmation, sign-off is refused and the dialog says why.
        qtbot.keyClicks(first.name, names[0])
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "has not confirmed they have read the return" in dialog.form.problem.text()
        for row, name in zip(dialog.rows, names, strict=True):
            if not row.name.text():
                qtbot.keyClicks(row.name, name)
            row.confirmed.setChecked(True)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    return when_dialog(SignOffDialog, act)


def _keeps_the_hash_of_the_return_sent(window, audit_id: int, returned) -> None:
    """The file keeps the hash of the return.json just sent, for an annual compliance statement to name."""
    with zipfile.ZipFile(returned) as archive:
        sent = hashlib.sha256(archive.read("return.json")).hexdigest()
    assert written_return_sha256(window.audit_file, audit_id) == sent


def test_sign_off_complete_audit_then_export_and_reopen(qtbot, window, tmp_path, s175_set, messages, monkeypatch):
    path = make_sample(tmp_path / "school.s11audit", s175_set, SCHOOL)
    assert window.open_file(path)
    _settle(qtbot, window)
    assert window.actionSignOff.isEnabled() and not window.actionExportReturn.isEnabled()
    assert not window.actionReopen.isEnabled()

    roles = s175_set.sign_off.signatories
    seen = _fill_and_sign(qtbot, [f"Signatory {n}" for n in range(len(roles))])
    window.actionSignOff.trigger()
    assert seen and QApplication.activeModalWidget() is None
    assessment = window.document.assessment
    assert assessment.is_signed and assessment.read_only
    assert [e.name for e in assessment.signatories()] == [f"Signatory {n}" for n in range(len(roles))]
    view = window.views["self_assessment"]
    view.show_standard(assessment.standards[0].id)
    assert not any(c.button.isEnabled() for c in view.current_pane().grades.columns.values())
    assert window.readOnlyNotice.isVisibleTo(window) and window.readOnlyNotice.text().startswith("Signed off on ")
    assert not window.actionSignOff.isEnabled()
    assert window.actionExportReturn.isEnabled() and window.actionReopen.isEnabled()
    _settle(qtbot, window)

    # Export the return with the PDF and workbook beside it.
    target = tmp_path / "out" / "St Aidans return.s11return"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))

    def export(dialog: ExportDialog) -> None:
        assert unnamed_controls(dialog) == []
        qtbot.mouseClick(dialog.form.browseButton, Qt.MouseButton.LeftButton)
        assert dialog.form.returnPath.text() == str(target)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    exported = when_dialog(ExportDialog, export)
    window.actionExportReturn.trigger()
    assert exported
    assert messages.texts("warning") == []
    [info] = messages.texts("information")
    pdf, xlsx = target.with_suffix(".pdf"), target.with_name("St Aidans return action plan.xlsx")
    for written in (target, pdf, xlsx):
        assert written.exists() and str(written) in info
    assert verify_return(target).valid
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.read_bytes().startswith(b"PK")
    _keeps_the_hash_of_the_return_sent(window, assessment.id, target)

    # Reopen for changes: version 2 is editable, version 1 stays signed.
    signed_id = assessment.id
    window.actionReopen.trigger()
    reopened = window.document.assessment
    assert reopened.id != signed_id and not reopened.read_only and not reopened.is_signed
    assert window.audit_file.assessment(signed_id).is_signed
    assert [a.version_no for a in window.audit_file.audits()][-1] == 2
    view = window.views["self_assessment"]
    view.show_standard(reopened.standards[0].id)
    assert all(c.button.isEnabled() for c in view.current_pane().grades.columns.values())
    assert not window.readOnlyNotice.isVisibleTo(window)
    assert window.actionSignOff.isEnabled() and not window.actionExportReturn.isEnabled()
    _settle(qtbot, window)


def test_incomplete_audit_lists_blockers_and_each_goes_to_its_place(qtbot, window, tmp_path, s175_set, messages):
    path = make_file(tmp_path / "school.s11audit", SCHOOL, s175_set)
    assert window.open_file(path)
    _settle(qtbot, window)
    missing = window.document.assessment.completeness().missing
    target = next(m for m in missing if m.item_id and m.standard_id != missing[0].standard_id)
    never_signed = when_dialog(SignOffDialog, lambda dialog: dialog.reject(), tries=20)

    def pick(dialog: NotReadyDialog) -> None:
        model = dialog.panel.model
        assert [row.text for row in model.rows] == [m.message for m in missing]
        assert str(len(missing)) in dialog.findChild(QLabel).text()
        row = next(n for n, r in enumerate(model.rows)
                   if (r.standard_id, r.item_id) == (target.standard_id, target.item_id))
        view = dialog.panel.view
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(row)).center())

    shown = when_dialog(NotReadyDialog, pick)
    window.actionSignOff.trigger()
    assert shown and never_signed == []
    assert QApplication.activeModalWidget() is None
    view = window.views["self_assessment"]
    assert view.current_standard_id() == target.standard_id
    assert not window.document.assessment.is_signed

    # Closing the list goes nowhere.
    view.show_standard(missing[0].standard_id)
    closed = when_dialog(NotReadyDialog, lambda dialog: dialog.reject())
    window.actionSignOff.trigger()
    assert closed and view.current_standard_id() == missing[0].standard_id
    assert messages.texts("question") == []


def test_pdf_and_action_plan_of_an_unsigned_audit(qtbot, window, tmp_path, s175_set, messages, monkeypatch):
    path = make_sample(tmp_path / "school.s11audit", s175_set, SCHOOL)
    assert window.open_file(path)
    _settle(qtbot, window)
    assert not window.actionExportReturn.isEnabled() and window.actionExportPdf.isEnabled()
    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "plan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    window.actionExportPdf.trigger()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(xlsx), "")))
    window.actionExportPlan.trigger()
    assert messages.texts("warning") == []
    assert pdf.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "plan.xlsx").read_bytes().startswith(b"PK")
    assert len(messages.texts("information")) == 2


def test_the_list_of_problems_follows_the_fields_once_sign_off_was_refused(qtbot, window, tmp_path, s175_set):
    from s11audit.store import AuditFile

    path = make_sample(tmp_path / "school.s11audit", s175_set, SCHOOL, sample=False)
    with AuditFile.open(path, "Test User") as audit_file:
        dialog = SignOffDialog(window, audit_file.latest_assessment())
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        problem = dialog.form.problem
        first = dialog.rows[0]
        qtbot.keyClicks(first.name, "A")
        assert problem.text() == ""  # nothing is listed before the first try
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and f"A ({first.role}) has not confirmed they have read the return" in problem.text()

        qtbot.keyClicks(first.name, "my Khan")  # the name in the list follows the typing
        assert f"Amy Khan ({first.role}) has not confirmed" in problem.text()
        first.confirmed.setChecked(True)
        assert "Amy Khan" not in problem.text()
        for row in dialog.rows:
            if not row.name.text():
                qtbot.keyClicks(row.name, "Someone Else")
            row.confirmed.setChecked(True)
        assert problem.text() == ""  # every problem fixed: the list has gone
        first.confirmed.setChecked(False)
        assert "Amy Khan" in problem.text()
        dialog.reject()
