"""Personal data where it enters an audit (issue 17), driven by keys: the notice before the first evidence of
each audit (and never again for it, even after reopening the file), the second look at a file that seems to
name a child (attach or not: never refused), the same for a description, and the hint under a narrative."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from s11audit.sample import make_sample
from s11audit.store import AuditFile
from s11audit.ui import statement_view
from s11audit.ui.dialogs.personal_data import PersonalDataNotice
from s11audit.ui.document import AuditDocument
from s11audit.ui.personal_data_hint import HINT_DELAY_MS
from s11audit.ui.statement_view import StatementView
from tests.ui.completion_support import OFFSCREEN_SIZE_HINTS, show_view, wait_for_workers
from tests.ui.keys_support import assert_unique_alt_keys, press_alt
from tests.ui.personal_data_support import real_personal_data_notice
from tests.ui.shell_support import when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS
__all__ = ["real_personal_data_notice"]  # the fixture, imported so this module sees the real notice


@pytest.fixture(autouse=True)
def _real_notice(real_personal_data_notice):
    """Every test here meets the notice as the app shows it."""


def _pick(monkeypatch, paths: list[Path]) -> list[int]:
    """The file chooser answers ``paths``; returns a list that counts how often it was opened."""
    opened: list[int] = []

    def chooser(*_args, **_kwargs):
        opened.append(1)
        return [str(p) for p in paths], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(chooser))
    return opened


def _file(folder: Path, name: str, data: bytes = b"") -> Path:
    path = folder / name
    path.write_bytes(data or f"%PDF-1.4 {name}".encode())
    return path


class NoNotice:
    """Watches for a notice that should not be shown: closes it (so the test fails rather than hangs)."""

    def __init__(self):
        self.seen: list[PersonalDataNotice] = []
        self.watching = True
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        if not self.watching:
            return
        widget = QApplication.activeModalWidget()
        if isinstance(widget, PersonalDataNotice) and widget.isVisible():
            self.seen.append(widget)
            widget.reject()
        QTimer.singleShot(10, self._poll)

    def stop(self) -> list[PersonalDataNotice]:
        self.watching = False
        return self.seen


def _click_by_alt(qtbot, button, key: Qt.Key) -> None:
    """Alt+key, as a person presses it; the button clicks a moment later (and its slot may run a dialog)."""
    with qtbot.waitSignal(button.clicked, timeout=3000):
        press_alt(qtbot, button, key)


def _add(qtbot, panel) -> None:
    _click_by_alt(qtbot, panel.buttons["add"], Qt.Key.Key_D)  # Add evi&dence...
    qtbot.waitUntil(lambda: not panel.busy and QApplication.activeModalWidget() is None)
    wait_for_workers(qtbot)


def _names(document: AuditDocument) -> list[str]:
    return [row.name for row in document.assessment.evidence.all_evidence()]


def test_the_notice_shows_on_the_first_evidence_of_an_audit_only(qtbot, agency_doc, tmp_path, monkeypatch):
    view = show_view(qtbot, agency_doc)
    view.show_standard("1")
    panel = view.current_pane().evidence
    opened = _pick(monkeypatch, [_file(tmp_path, "Safeguarding policy 2026.pdf")])

    def escape(dialog: PersonalDataNotice) -> None:
        assert "Do not attach" in dialog.form.notHeading.text()
        assert "DBS certificates" in dialog.form.notList.text() and "Child A" in dialog.form.redactList.text()
        assert "You can still attach" in dialog.form.stillAttach.text()
        assert_unique_alt_keys(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    seen = when_dialog(PersonalDataNotice, escape)
    _add(qtbot, panel)
    assert len(seen) == 1 and opened == [] and _names(agency_doc) == []  # Cancel stops before the chooser
    assert agency_doc.audit_file.personal_data_notice_seen(agency_doc.assessment.id)

    watch = NoNotice()
    _add(qtbot, panel)  # shown is shown: the chooser now opens at once
    assert watch.stop() == [] and opened == [1] and _names(agency_doc) == ["Safeguarding policy 2026.pdf"]


def test_return_on_the_notice_goes_on_to_the_file_chooser_and_reopening_does_not_show_it(
        qtbot, tmp_path, monkeypatch, s11_set):
    from s11audit.store import OrganisationDetails

    path = tmp_path / "agency.s11audit"
    organisation = OrganisationDetails("Northfield Community Health NHS Trust", "RXY", "agency", "health")
    with AuditFile.create(path, organisation, "Test User") as audit_file:
        audit_id = audit_file.start_audit(s11_set, "2026/27").id
    opened = _pick(monkeypatch, [_file(tmp_path, "Training log.pdf")])
    with AuditFile.open(path, "Test User") as audit_file:
        document = AuditDocument(audit_file, audit_file.assessment(audit_id))
        view = show_view(qtbot, document)
        view.show_standard("1")
        seen = when_dialog(PersonalDataNotice, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Return))
        _add(qtbot, view.current_pane().evidence)
        assert len(seen) == 1 and opened == [1] and _names(document) == ["Training log.pdf"]
        document.close()
        view.test_window.close()

    opened = _pick(monkeypatch, [_file(tmp_path, "Induction checklist.pdf")])
    with AuditFile.open(path, "Another User") as audit_file:
        document = AuditDocument(audit_file, audit_file.assessment(audit_id))
        view = show_view(qtbot, document)
        view.show_standard("2")
        watch = NoNotice()
        _add(qtbot, view.current_pane().evidence)
        assert watch.stop() == [] and opened == [1]
        assert _names(document) == ["Training log.pdf", "Induction checklist.pdf"]
        # The next cycle's audit is a new audit: the notice shows for it.
        next_year = AuditDocument(audit_file, audit_file.start_audit(s11_set, "2027/28"))
        next_view = show_view(qtbot, next_year)
        next_view.show_standard("1")
        shown = when_dialog(PersonalDataNotice, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Return))
        _add(qtbot, next_view.current_pane().evidence)
        assert len(shown) == 1 and _names(next_year) == ["Induction checklist.pdf"]
        document.close()
        next_year.close()


def test_a_read_only_file_shows_the_notice_without_failing(qtbot, agency_doc, tmp_path):
    from s11audit.ui.dialogs import personal_data

    audit_file = agency_doc.audit_file
    path, audit_id = audit_file.path, agency_doc.assessment.id
    agency_doc.close()
    audit_file.close()
    with AuditFile.open(path, "Test User", read_only=True) as read_only:
        seen = when_dialog(PersonalDataNotice, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Return))
        assert personal_data.before_adding_evidence(None, read_only, audit_id)
        assert len(seen) == 1 and not read_only.personal_data_notice_seen(audit_id)
    with AuditFile.open(path, "Test User") as reopened:  # so the fixture's close has a file to close
        assert not reopened.personal_data_notice_seen(audit_id)


def _answer(qtbot, key: Qt.Key, texts: list[str]):
    def act(box: QMessageBox) -> None:
        texts.append(box.text())
        assert_unique_alt_keys(box)
        press_alt(qtbot, box, key)

    return when_dialog(QMessageBox, act)


def test_a_file_that_seems_to_name_a_child_gets_a_second_look(qtbot, agency_doc, tmp_path, monkeypatch):
    agency_doc.audit_file.mark_personal_data_notice_seen(agency_doc.assessment.id)
    view = show_view(qtbot, agency_doc)
    view.show_standard("1")
    panel = view.current_pane().evidence
    dob = _file(tmp_path, "Child A DOB 01-02-2015.pdf")
    _pick(monkeypatch, [dob, _file(tmp_path, "Audit summary.pdf", b"%PDF summary")])
    texts: list[str] = []
    seen = _answer(qtbot, Qt.Key.Key_A, texts)  # &Attach
    _add(qtbot, panel)
    assert len(seen) == 1 and "Child A DOB 01-02-2015.pdf" in texts[0] and "a date of birth" in texts[0]
    assert "Attach it anyway?" in texts[0]
    assert sorted(_names(agency_doc)) == ["Audit summary.pdf", "Child A DOB 01-02-2015.pdf"]

    _pick(monkeypatch, [_file(tmp_path, "Referral 943 476 5919.pdf", b"%PDF referral")])
    texts.clear()
    refused = _answer(qtbot, Qt.Key.Key_D, texts)  # &Don't attach
    _add(qtbot, panel)
    assert len(refused) == 1 and "an NHS number (943 476 5919)" in texts[0]
    assert "Referral 943 476 5919.pdf was not added." in panel.message.text()
    assert len(_names(agency_doc)) == 2


def test_each_flagged_file_is_asked_about_and_escape_keeps_it_out(qtbot, agency_doc, tmp_path, monkeypatch):
    agency_doc.audit_file.mark_personal_data_notice_seen(agency_doc.assessment.id)
    view = show_view(qtbot, agency_doc)
    view.show_standard("1")
    panel = view.current_pane().evidence
    csv = _file(tmp_path, "Attendance.csv", b"pupil,upn\nChild C,B801200005001\n")
    plain = _file(tmp_path, "Minutes.pdf")
    _pick(monkeypatch, [csv, plain])
    texts: list[str] = []

    def escape(box: QMessageBox) -> None:
        texts.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    seen = when_dialog(QMessageBox, escape)
    _add(qtbot, panel)
    assert len(seen) == 1 and "a unique pupil number (UPN) (B801200005001)" in texts[0]
    assert _names(agency_doc) == ["Minutes.pdf"]
    assert "Attendance.csv was not added." in panel.message.text()


def test_a_description_with_an_nhs_number_is_asked_about(qtbot, agency_doc, tmp_path, monkeypatch):
    agency_doc.audit_file.mark_personal_data_notice_seen(agency_doc.assessment.id)
    view = show_view(qtbot, agency_doc)
    view.show_standard("1")
    panel = view.current_pane().evidence
    _pick(monkeypatch, [_file(tmp_path, "Minutes.pdf")])
    _add(qtbot, panel)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: ("Discussion of the child with NHS no 943 476 5919", True)))
    texts: list[str] = []
    refused = _answer(qtbot, Qt.Key.Key_D, texts)  # &Don't save
    panel.buttons["describe"].click()
    qtbot.waitUntil(lambda: bool(refused) and QApplication.activeModalWidget() is None)
    assert "This description looks like it may name a child" in texts[0]
    assert agency_doc.assessment.evidence.all_evidence()[0].description == ""
    kept = _answer(qtbot, Qt.Key.Key_S, texts)  # &Save
    panel.buttons["describe"].click()
    qtbot.waitUntil(lambda: bool(kept) and QApplication.activeModalWidget() is None)
    assert agency_doc.assessment.evidence.all_evidence()[0].description.startswith("Discussion of the child")


def test_the_narrative_hint_appears_and_goes(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    view.show_standard("1")
    pane = view.current_pane()
    hint = pane.narrative_hint
    pane.narrative.setFocus()
    qtbot.keyClicks(pane.narrative, "Case audit of Child A, ")
    qtbot.wait(HINT_DELAY_MS + 100)
    assert not hint.isVisible()
    qtbot.keyClicks(pane.narrative, "DOB 01/02/2015, NHS 943 476 5919")
    qtbot.waitUntil(hint.isVisible, timeout=HINT_DELAY_MS + 2000)
    assert "a date of birth and an NHS number: check it is needed" in hint.text()
    pane.narrative.selectAll()
    qtbot.keyClicks(pane.narrative, "Case audit of Child A: all plans reviewed on time.")
    qtbot.waitUntil(lambda: not hint.isVisible(), timeout=HINT_DELAY_MS + 2000)
    assert pane.narrative.toPlainText().startswith("Case audit of Child A")  # typing was never held up


# --- the annual compliance statement ---------------------------------------------------------------------------

@pytest.fixture
def statement(tmp_path, shipped_sets):
    path = make_sample(tmp_path / "baseline.s11audit", shipped_sets["s11-wt2023"], signed=True, sample=False,
                       cycle="2026/27")
    with AuditFile.open(path, "Test User") as audit_file:
        baseline = audit_file.audits()[0].id
        audit_file.mark_personal_data_notice_seen(baseline)  # the baseline's own: not the statement's
        yield audit_file, audit_file.start_statement(baseline, "2027/28")


def test_a_statement_is_a_new_audit_for_the_notice_and_its_evidence_gets_a_second_look(
        qtbot, statement, tmp_path, monkeypatch):
    audit_file, started = statement
    view = StatementView(audit_file, started)
    qtbot.addWidget(view)
    view.resize(1366, 860)
    view.show()
    qtbot.waitExposed(view)
    form = view.form
    form.statementTabs.setCurrentWidget(form.actionsTab)
    form.actionsTable.setCurrentCell(0, 0)
    chosen: list[str] = []
    named = _file(tmp_path, "Child protection plan for Jayden Smith.pdf")

    def chooser(*_args, **_kwargs) -> str:
        chosen.append("x")
        return str(named)

    monkeypatch.setattr(statement_view.file_dialogs, "open_file_name", chooser)
    seen = when_dialog(PersonalDataNotice, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Return))
    texts: list[str] = []
    _answer(qtbot, Qt.Key.Key_D, texts)  # &Don't attach
    _click_by_alt(qtbot, form.addEvidenceButton, Qt.Key.Key_O)  # Add evidence (of completion)
    qtbot.waitUntil(lambda: bool(texts) and QApplication.activeModalWidget() is None)
    assert len(seen) == 1 and chosen == ["x"]
    assert "a plan or referral for a named child" in texts[0]
    assert started.completion_evidence(view.baseline_actions[0].id) == []
    assert audit_file.personal_data_notice_seen(started.id)

    watch = NoNotice()
    texts.clear()
    _answer(qtbot, Qt.Key.Key_A, texts)  # &Attach
    _click_by_alt(qtbot, form.addEvidenceButton, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: form.actionsTable.item(0, 6).text() != "")
    assert watch.stop() == [] and chosen == ["x", "x"]
    assert form.actionsTable.item(0, 6).text() == "Child protection plan for Jayden Smith.pdf"


def test_the_statements_what_changed_box_has_the_hint(qtbot, statement):
    audit_file, started = statement
    view = StatementView(audit_file, started)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    box, hint = view.form.whatChanged, view.narrative_hint
    box.setFocus()
    qtbot.keyClicks(box, "Pupil B801200005001 moved school")
    qtbot.waitUntil(hint.isVisible, timeout=HINT_DELAY_MS + 2000)
    assert "a unique pupil number (UPN)" in hint.text()
    box.clear()
    qtbot.waitUntil(lambda: not hint.isVisible(), timeout=HINT_DELAY_MS + 2000)
