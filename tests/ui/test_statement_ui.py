"""The annual compliance statement in the app (issue 16), driven by keys: started from a signed audit,
each standard's position (one declined, with a new action), every open baseline action's progress
(completed with a date and evidence, slipped to a new date, dropped with a reason), sign-off, export
when the statement's export is there, and the file reopening on the statement screen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from s11audit.returns import verify_return
from s11audit.sample import make_sample
from s11audit.ui import statement_view
from s11audit.ui.dialogs.action_dialog import ActionDialog
from s11audit.ui.dialogs.action_progress import ActionProgressDialog
from s11audit.ui.dialogs.export import ExportDialog
from s11audit.ui.dialogs.sign_off import SignOffDialog
from s11audit.ui.main_window import MainWindow, next_cycle
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, tab_order, when_dialog
from tests.ui.keys_support import assert_unique_alt_keys, press_alt

pytestmark = OFFSCREEN_SIZE_HINTS
TODAY = dt.date.today()


@pytest.fixture(scope="module")
def signed_sample(tmp_path_factory, shipped_sets):
    folder = tmp_path_factory.mktemp("statement")
    return make_sample(folder / "baseline.s11audit", shipped_sets["s11-wt2023"], signed=True, sample=False,
                       cycle="2026/27")


def _finished(qtbot, seen: list) -> None:
    """The dialog a button opened (a little after its Alt key) has been shown and closed."""
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)


def test_next_cycle():
    assert (next_cycle("2026/27"), next_cycle("2099-2100"), next_cycle("2026"), next_cycle("Spring")) == (
        "2027/28", "2100-2101", "2027", "")


def _start(qtbot, window: MainWindow) -> None:
    def give_cycle(dialog: QInputDialog) -> None:
        line = dialog.findChild(QLineEdit)
        assert line is not None and line.text() == "2027/28"
        qtbot.keyClick(line, Qt.Key.Key_Return)

    seen = when_dialog(QInputDialog, give_cycle)
    window.actionStartStatement.trigger()
    assert seen and window.statement_view is not None


def _answer_standards(qtbot, view) -> None:
    form = view.form
    form.standardList.setFocus()
    for row in range(form.standardList.count()):
        assert form.standardList.currentRow() == row
        press_alt(qtbot, form.standardList, Qt.Key.Key_T)  # still as at the baseline (a button clicks 0.1 s later)
        qtbot.waitUntil(form.sameButton.isChecked)
        form.standardList.setFocus()
        qtbot.keyClick(form.standardList, Qt.Key.Key_Down)
    # Standard 6 declined: what changed, a new grade, a new action.
    form.standardList.setCurrentRow(5)
    press_alt(qtbot, form.standardList, Qt.Key.Key_D)
    qtbot.waitUntil(form.declinedButton.isChecked)
    press_alt(qtbot, form.declinedButton, Qt.Key.Key_W)
    assert form.whatChanged.hasFocus()
    qtbot.keyClicks(form.whatChanged, "Two recruitment files had no reference.")
    qtbot.keyClick(form.whatChanged, Qt.Key.Key_Tab)  # leaving the box saves it
    press_alt(qtbot, form.whatChanged, Qt.Key.Key_G)
    qtbot.keyClicks(form.newGrade, "R")  # Red (inadequate)

    def add(dialog: ActionDialog) -> None:
        qtbot.keyClicks(dialog.form.description, "Audit every recruitment file opened since April")
        qtbot.keyClicks(dialog.form.owner, "HR Business Partner")
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)

    added = when_dialog(ActionDialog, add)
    press_alt(qtbot, form.newGrade, Qt.Key.Key_C)
    _finished(qtbot, added)


def _progress(qtbot, view, row: int, act) -> None:
    view.form.actionsTable.setCurrentCell(row, 0)
    seen = when_dialog(ActionProgressDialog, act)
    press_alt(qtbot, view.form.actionsTable, Qt.Key.Key_U)
    _finished(qtbot, seen)


def _update_actions(qtbot, view, tmp_path, monkeypatch) -> None:
    form = view.form
    press_alt(qtbot, form.standardList, Qt.Key.Key_B)
    assert form.statementTabs.currentWidget() is form.actionsTab and form.actionsTable.rowCount() == 3
    visited = tab_order(view.window(), form.actionsTable)
    assert {"actionsTable", "updateProgressButton", "addEvidenceButton"} <= set(visited), visited

    def complete(dialog: ActionProgressDialog) -> None:
        assert_unique_alt_keys(dialog)
        qtbot.keyClicks(dialog.form.status, "C")
        qtbot.keyClicks(dialog.form.note, "Relaunched at the all-staff briefing.")
        assert dialog.form.completedOn.isEnabled() and not dialog.form.droppedReason.isEnabled()
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)

    def slipped(dialog: ActionProgressDialog) -> None:
        qtbot.keyClicks(dialog.form.status, "I")
        qtbot.keyClicks(dialog.form.note, "Half the teams audited.")
        press_alt(qtbot, dialog.form.note, Qt.Key.Key_W)
        qtbot.keyClick(dialog.form.slipped, Qt.Key.Key_Space)
        assert dialog.form.newDueDate.isEnabled()
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)

    def dropped(dialog: ActionProgressDialog) -> None:
        qtbot.keyClicks(dialog.form.status, "D")
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)  # no reason: refused, the dialog says why
        assert dialog.isVisible() and "give the reason it was dropped" in dialog.form.problem.text()
        press_alt(qtbot, dialog.form.status, Qt.Key.Key_R)
        qtbot.keyClicks(dialog.form.droppedReason, "Replaced by the partnership's joint audit.")
        qtbot.keyClick(dialog.form.droppedReason, Qt.Key.Key_Return)

    for row, act in enumerate((complete, slipped, dropped)):
        _progress(qtbot, view, row, act)

    report = tmp_path / "Briefing minutes.txt"
    report.write_text("Minutes of the relaunch briefing", encoding="utf-8")
    monkeypatch.setattr(statement_view.file_dialogs, "open_file_name", lambda *a, **k: str(report))
    form.actionsTable.setCurrentCell(0, 0)
    press_alt(qtbot, form.actionsTable, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: form.actionsTable.item(0, 6).text() != "")
    assert form.actionsTable.item(0, 6).text() == "Briefing minutes.txt"


def _sign(qtbot, window: MainWindow) -> None:
    view = window.statement_view

    def act(dialog: SignOffDialog) -> None:
        for number, row in enumerate(dialog.rows):
            qtbot.keyClicks(row.name, f"Signatory {number}")
            qtbot.keyClick(row.confirmed, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)

    seen = when_dialog(SignOffDialog, act)
    press_alt(qtbot, view.form.actionsTable, Qt.Key.Key_N)
    _finished(qtbot, seen)
    qtbot.waitUntil(lambda: window.statement_view is not view and window.statement_view is not None)
    assert window.statement_view.statement.is_signed


def test_a_statement_from_start_to_sign_off(qtbot, shown_window, signed_sample, tmp_path, messages, monkeypatch):
    window: MainWindow = shown_window
    path = tmp_path / "Northfield.s11audit"
    path.write_bytes(signed_sample.read_bytes())
    assert window.open_file(path)
    assert window.actionStartStatement.isEnabled()
    _start(qtbot, window)
    view = window.statement_view
    assert "Annual compliance statement 2027/28 based on the 2026/27 audit" in window.auditDetails.text()
    assert not window.actionStartStatement.isEnabled() and window.actionSignOff.isEnabled()
    assert_unique_alt_keys(window)
    visited = tab_order(window, view.form.standardList)
    for name in ("standardList", "baselineNarrative", "sameButton", "whatChanged", "newGrade", "newActions",
                 "addActionButton", "signOffButton"):
        assert name in visited, visited
    assert view.form.baselineNarrative.isReadOnly() and view.form.baselineNarrative.toPlainText()

    _answer_standards(qtbot, view)
    _update_actions(qtbot, view, tmp_path, monkeypatch)
    statement = view.statement
    assert statement.missing() == (), [m.message for m in statement.missing()]
    assert statement.position("6").position == "declined" and statement.position("6").new_grade == "red"
    assert statement.position("6").narrative == "Two recruitment files had no reference."
    progress = statement.all_progress()
    assert progress[1].status == "complete" and progress[1].completed_on == TODAY
    assert progress[2].status == "in_progress" and progress[2].new_due_date is not None
    assert progress[5].status == "dropped" and progress[5].dropped_reason.startswith("Replaced")
    assert window.percent_label.text() == "100% complete"
    assert messages.texts("warning") == []

    _sign(qtbot, window)
    assert window.actionExportReturn.isEnabled() and window.readOnlyNotice.isVisibleTo(window)
    target = tmp_path / "statement.s11return"

    def write(dialog: ExportDialog) -> None:
        assert dialog.form.returnPath.text().endswith("statement 2027-28.s11return")
        assert dialog.form.writePdf.text() == "Also write the statement as a &PDF beside it"
        assert dialog.form.writePdf.isChecked() and dialog.form.writeXlsx.isChecked()
        dialog.form.returnPath.setText(str(target))
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)

    exported = when_dialog(ExportDialog, write)
    window.actionExportReturn.trigger()
    pdf, xlsx = target.with_suffix(".pdf"), tmp_path / "statement action progress.xlsx"
    assert exported and messages.texts("warning") == [] and target.exists() and pdf.exists() and xlsx.exists()
    assert verify_return(target).valid and pdf.read_bytes().startswith(b"%PDF")
    assert all(str(p) in messages.texts("information")[-1] for p in (target, pdf, xlsx))

    window.close_file()
    assert window.open_file(path)
    assert window.statement_view is not None and window.document is None
    assert "Annual compliance statement 2027/28" in window.auditDetails.text()


# --- the set's own statement questions and declaration (a set's ``statement`` section) ----------------------


def _fill_in_the_store(view) -> None:
    """Answer every question through the store (what the keys do is tested above), then show it."""
    statement = view.statement
    for standard in statement.standards:
        statement.set_position(standard.id, "same")
    for action in statement.open_actions():
        statement.update_progress(action.id, status="in_progress", note="Under way.")
    view.refresh()


def test_signing_a_statement_off_shows_the_statement_declaration(qtbot, shown_window, signed_sample, tmp_path,
                                                                 messages):
    window: MainWindow = shown_window
    path = tmp_path / "Northfield.s11audit"
    path.write_bytes(signed_sample.read_bytes())
    assert window.open_file(path)
    _start(qtbot, window)
    view = window.statement_view
    declaration = view.statement.standards_set.statement.declaration
    assert declaration != view.statement.standards_set.sign_off.declaration

    from PySide6.QtWidgets import QLabel

    def not_ready(dialog: QWidget) -> None:
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        assert any(text.startswith("This statement is not complete yet") for text in texts), texts
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    from s11audit.ui.dialogs.sign_off import NotReadyDialog

    blocked = when_dialog(NotReadyDialog, not_ready)
    press_alt(qtbot, view.form.standardList, Qt.Key.Key_N)
    _finished(qtbot, blocked)
    assert not view.statement.is_signed

    _fill_in_the_store(view)

    def sign(dialog: SignOffDialog) -> None:
        form = dialog.form
        assert dialog.windowTitle() == "Sign off the annual compliance statement"
        assert form.declaration.toPlainText() == declaration and form.declaration.isReadOnly()
        assert form.declarationLabel.text() == "The statement's &declaration:"
        assert_unique_alt_keys(dialog)
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)  # nobody has signed yet: refused, in the dialog
        assert dialog.isVisible() and form.problem.text().startswith("This statement cannot be signed off yet")
        for number, row in enumerate(dialog.rows):
            qtbot.keyClicks(row.name, f"Signatory {number}")
            qtbot.keyClick(row.confirmed, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)

    seen = when_dialog(SignOffDialog, sign)
    press_alt(qtbot, view.form.standardList, Qt.Key.Key_N)
    _finished(qtbot, seen)
    qtbot.waitUntil(lambda: window.statement_view is not view and window.statement_view is not None)
    assert window.statement_view.statement.is_signed
    assert messages.texts("warning") == []


@pytest.fixture(scope="module")
def own_questions_sample(tmp_path_factory):
    """A signed audit on a set with its own statement questions: its words, no new grade."""
    from s11audit.standards import load_file
    from tests.core.test_statement_questions import OWN_STATEMENT, _set_file

    folder = tmp_path_factory.mktemp("own-questions")
    own_set = load_file(_set_file(folder, OWN_STATEMENT))
    return make_sample(folder / "baseline.s11audit", own_set, signed=True, sample=False, cycle="2026/27")


def test_the_statement_screen_asks_the_sets_own_questions(qtbot, shown_window, own_questions_sample, tmp_path,
                                                          messages):
    window: MainWindow = shown_window
    path = tmp_path / "Own.s11audit"
    path.write_bytes(own_questions_sample.read_bytes())
    assert window.open_file(path)
    _start(qtbot, window)
    view = window.statement_view
    form = view.form
    assert [b.text() for b in (form.sameButton, form.improvedButton, form.declinedButton)] == [
        "No change since &the last full audit", "Better (&I)", "Worse (&D)"]
    assert form.whatChangedLabel.text() == "Tell us &what is different, and how you know:"
    assert not form.newGrade.isVisible() and not form.newGradeLabel.isVisible()
    assert "Say where each action has got to." in form.actionsIntro.text()
    assert "\u201cBetter\u201d" in form.statementHeading.text()
    assert_unique_alt_keys(window)

    form.standardList.setFocus()
    form.standardList.setCurrentRow(5)
    press_alt(qtbot, form.standardList, Qt.Key.Key_D)  # "Worse"
    qtbot.waitUntil(form.declinedButton.isChecked)
    press_alt(qtbot, form.declinedButton, Qt.Key.Key_W)
    assert form.whatChanged.hasFocus()
    assert view.statement.position("6").position == "declined"
    assert "Now: Worse" in form.standardList.item(5).text()
    assert view.statement.position("6").new_grade is None and messages.texts("warning") == []


def test_a_second_statement_asks_about_the_new_actions_of_the_first(qtbot, shown_window, shipped_sets, tmp_path,
                                                                     messages):
    """A second statement on the same baseline lists the new action the first one set (marked so) beside the
    baseline's actions still open, and records its progress by keys."""
    from s11audit.sample import make_statement_sample
    from s11audit.store import AuditFile

    path = make_statement_sample(tmp_path / "Two years.s11audit", shipped_sets["s11-wt2023"], sample=False,
                                 cycle="2026/27", statement_cycle="2027/28")
    with AuditFile.open(path, "Officer") as audit_file:
        baseline = audit_file.audits()[0]
        first = audit_file.statement(audit_file.audits()[-1].id)
        [new_action] = first.actions.all_actions()
        second = audit_file.start_statement(baseline.id, "2028/29")
        assert second.set_in() == {new_action.id: "2027/28"}
    window: MainWindow = shown_window
    assert window.open_file(path)
    view = window.statement_view
    form = view.form
    assert "and the new actions of earlier statements" in form.actionsIntro.text()
    rows = [form.actionsTable.item(r, 0).text() for r in range(form.actionsTable.rowCount())]
    carried = [r for r, text in enumerate(rows) if text.endswith("(new in the 2027/28 statement)")]
    assert len(carried) == 1 and form.actionsTable.item(carried[0], 1).text() == new_action.description

    def give_progress(dialog: ActionProgressDialog) -> None:
        qtbot.keyClicks(dialog.form.status, "I")
        qtbot.keyClicks(dialog.form.note, "Half the files audited.")
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)

    press_alt(qtbot, form.standardList, Qt.Key.Key_B)
    _progress(qtbot, view, carried[0], give_progress)
    assert messages.texts("warning") == []
    assert view.statement.progress(new_action.id).status == "in_progress"
    assert "In progress" in form.actionsTable.item(carried[0], 4).text()
