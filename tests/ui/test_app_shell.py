"""The app shell driven as a user would: start screen, creating and opening files, refusals, menus."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from s11audit import __version__
from s11audit.paths import user_standards_dir
from s11audit.store import AuditFile
from s11audit.ui import opening
from s11audit.ui.app import create_main_window, main
from s11audit.ui.dialogs.new_audit import NewAuditDialog, academic_year, cycle_choices
from s11audit.ui.dialogs.new_file import NewFileDialog, default_file_name
from s11audit.ui.dialogs.standards_sets import StandardsSetsDialog
from s11audit.ui.dialogs.user_name import UserNameDialog
from s11audit.ui.main_window import NOT_SAVED, READ_ONLY, SAVED, MainWindow
from s11audit.ui.settings import MAX_RECENT, Settings
from tests.ui.shell_support import AGENCY, OFFSCREEN_SIZE_HINTS, SCHOOL, make_file, tab_order, when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS
FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture
def named_user():
    Settings().user_name = "Helen Morris"


@pytest.fixture
def window(qtbot) -> MainWindow:
    created = create_main_window()
    qtbot.addWidget(created)  # closed after the test, which closes any open file
    created.show()
    qtbot.waitExposed(created)
    return created


def menu_texts(menu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_start_screen_and_menus(window):
    assert window.windowTitle() == "s11audit"
    assert window.pages.currentWidget() is window.startPage
    assert window.start_screen.form.recentEmpty.isVisibleTo(window)
    assert menu_texts(window.menuFile) == ["New audit file…", "Open…", "Open recent", "New business unit workspace…",
                                           "Start a new audit (cycle)…", "Start annual compliance statement…",
                                           "Switch audit", "Sign off…", "Reopen for changes…", "Export return…",
                                           "Export PDF…", "Export action plan…", "Answer an evidence request…",
                                           "Delete old evidence…", "Close file", "Quit"]
    assert menu_texts(window.menuEdit)[:2] == ["Undo", "Redo"]
    assert menu_texts(window.menuView) == ["Self-assessment", "Action plan", "Audit trail", "Text size"]
    assert menu_texts(window.menuHelp) == ["User guide", "Welcome…", "Standards sets…", "About s11audit"]
    every_action = [t for m in (window.menuFile, window.menuEdit, window.menuView, window.menuHelp)
                    for t in menu_texts(m)]
    assert not [t for t in every_action if "save" in t.lower()]  # everything saves itself
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.redo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Redo)
    assert not window.actionCloseFile.isEnabled() and not window.actionNewAudit.isEnabled()


def test_create_a_file_through_the_dialogs(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "chosen" / "Northfield police"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), ""))
    steps: list[str] = []

    def give_name(dialog: UserNameDialog) -> None:
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.form.nameEdit, "Helen  Morris")
        steps.append("name")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        when_dialog(NewFileDialog, fill_file)

    def fill_file(dialog: NewFileDialog) -> None:
        form = dialog.form
        assert not dialog.ok_button.isEnabled()
        assert form.problem.text() == "Enter the organisation's name."
        qtbot.keyClicks(form.organisationName, "Northfield Police")
        form.kind.setCurrentIndex(form.kind.findData("agency"))
        assert "Primary school" not in [form.organisationType.itemText(i) for i in range(form.organisationType.count())]
        form.organisationType.setCurrentIndex(form.organisationType.findData("police"))
        qtbot.keyClicks(form.reference, "NP-01")
        qtbot.keyClicks(form.contactEmail, "not an email")
        assert not dialog.ok_button.isEnabled() and "email" in form.problem.text()
        form.contactEmail.setText("safeguarding@northfield.example.police.uk")
        qtbot.mouseClick(form.browseButton, Qt.MouseButton.LeftButton)
        assert form.filePath.text() == str(target) + ".s11audit"
        steps.append("file")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        when_dialog(NewAuditDialog, choose_audit)

    def choose_audit(dialog: NewAuditDialog) -> None:
        form = dialog.form
        offered = [form.standardsSet.itemData(i).id for i in range(form.standardsSet.count())]
        assert "s175-kcsie2025" not in offered and "s11-wt2023" in offered
        form.standardsSet.setCurrentIndex(offered.index("s11-wt2023"))
        assert "Section 11, Children Act 2004" in form.setDetails.toPlainText()
        assert form.cycle.currentText() == academic_year(dt.date.today())
        steps.append("audit")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(UserNameDialog, give_name)
    qtbot.mouseClick(window.start_screen.form.newFileButton, Qt.MouseButton.LeftButton)

    assert steps == ["name", "file", "audit"]
    _shows_the_new_file(window, target.with_name("Northfield police.s11audit"))


def _shows_the_new_file(window, path) -> None:
    """The window after the dialogs: the new file's audit shown, saved, its user and file remembered."""
    cycle = academic_year(dt.date.today())
    assert path.exists()
    assert window.pages.currentWidget() is window.auditPage
    assert window.windowTitle() == f"Northfield Police – {cycle} – s11audit"
    assert window.organisationName.text() == "Northfield Police"
    assert window.organisationDetails.text() == "Police  ·  Reference NP-01"
    assert "Section 11 self-assessment" in window.auditDetails.text() and cycle in window.auditDetails.text()
    assert not window.readOnlyNotice.isVisibleTo(window)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Self-assessment", "Action plan",
                                                                           "Audit trail"]
    assert window.save_label.text() == SAVED
    assert window.percent_label.text() == "0% complete"
    assert window.path_label.text() == str(path)
    assert Settings().user_name == "Helen Morris"
    assert Settings().recent_files() == [path.resolve()]
    trail = window.document.assessment.trail()
    assert trail[0].what == "Audit started" and trail[0].user == "Helen Morris"


def test_name_is_asked_once(window, qtbot, tmp_path, monkeypatch, named_user):
    path = make_file(tmp_path / "a.s11audit", AGENCY, _set("s11-wt2023"))
    monkeypatch.setattr(UserNameDialog, "ask", classmethod(lambda *a: pytest.fail("asked for the name again")))
    assert window.open_file(path)
    assert window.document.audit_file.user == "Helen Morris"


def test_recent_files_listed_and_opened_with_enter(window, qtbot, tmp_path, named_user):
    first = make_file(tmp_path / "first.s11audit", AGENCY, _set("s11-wt2023"))
    second = make_file(tmp_path / "second.s11audit", SCHOOL, _set("s175-kcsie2025"))
    settings = Settings()
    for path in (tmp_path / "gone.s11audit", first, second):
        settings.add_recent(path)
    window.close_file()  # back to the start screen, which re-reads the list

    view = window.start_screen.form.recentList
    rows = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert len(rows) == 2 and rows[0].startswith("second") and rows[1].startswith("first")  # missing file dropped
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.organisationName.text() == AGENCY.name
    assert Settings().recent_files()[0] == first.resolve()


def test_recent_file_moved_away_is_explained_and_dropped(window, qtbot, tmp_path, messages, named_user):
    path = make_file(tmp_path / "moved.s11audit", AGENCY, _set("s11-wt2023"))
    Settings().add_recent(path)
    window.close_file()
    path.rename(tmp_path / "elsewhere.s11audit")
    view = window.start_screen.form.recentList
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "moved.s11audit” does not exist" in messages.texts("warning")[0]
    assert view.model().rowCount() == 0 and window.start_screen.form.recentEmpty.isVisibleTo(window)


def test_recent_list_keeps_eight_most_recent_first(tmp_path):
    settings = Settings()
    paths = [make_file(tmp_path / f"f{n}.s11audit", AGENCY) for n in range(MAX_RECENT + 2)]
    for path in paths:
        settings.add_recent(path)
    settings.add_recent(paths[3])
    recent = settings.recent_files()
    assert recent[0] == paths[3].resolve() and len(recent) == MAX_RECENT
    assert paths[0].resolve() not in recent


def test_file_open_elsewhere_is_refused_with_a_message(window, tmp_path, messages, named_user):
    path = make_file(tmp_path / "busy.s11audit", AGENCY, _set("s11-wt2023"))
    with AuditFile.open(path, "someone else"):
        assert not window.open_file(path)
    assert "open in another copy of s11audit" in messages.texts("warning")[0]
    assert "busy.s11audit" in messages.texts("warning")[0]
    assert window.pages.currentWidget() is window.startPage


def test_file_from_a_newer_version_is_refused(window, tmp_path, messages, named_user):
    path = make_file(tmp_path / "future.s11audit", AGENCY, _set("s11-wt2023"))
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    assert not window.open_file(path)
    assert "newer version of s11audit" in messages.texts("warning")[0]
    assert path.read_bytes() == before
    assert window.pages.currentWidget() is window.startPage


def test_skipped_standards_file_is_shown_and_valid_sets_remain(qtbot):
    user_standards_dir().mkdir(parents=True)
    (user_standards_dir() / "our-local-set.yaml").write_text(
        "format: s11audit-standards/1\nid: local\ntitle: [unclosed\n")
    window = create_main_window()
    qtbot.addWidget(window)
    window.show()
    box = window.start_screen.form.skippedBox
    qtbot.waitUntil(lambda: box.isVisibleTo(window))
    text = window.start_screen.form.skippedText.text()
    assert "our-local-set.yaml" in text and "not valid YAML" in text and "line " in text
    report = window.catalogue.report()
    assert {s.id for s in report.for_kind("agency")} >= {"s11-wt2023", "s11-peer-audit"}
    dialog = NewAuditDialog(window, report.for_kind("agency"), AGENCY.name)
    qtbot.addWidget(dialog)
    assert dialog.form.standardsSet.count() == len(report.for_kind("agency")) and dialog.ok_button.isEnabled()


def test_read_only_file_opens_read_only_after_asking(window, tmp_path, monkeypatch, messages, named_user):
    path = make_file(tmp_path / "shared.s11audit", AGENCY, _set("s11-wt2023"))
    monkeypatch.setattr(opening, "writable", lambda p: False)  # tests may run as an administrator
    assert window.open_file(path)
    assert "read-only" in messages.texts("question")[0]
    assert window.document.read_only
    assert window.readOnlyNotice.isVisibleTo(window)
    assert window.save_label.text() == READ_ONLY
    assert not window.actionNewAudit.isEnabled()
    assert not window.views["action_plan"].form.addButton.isEnabled()


def test_declining_read_only_leaves_the_file_closed(window, tmp_path, monkeypatch, messages, named_user):
    path = make_file(tmp_path / "shared.s11audit", AGENCY, _set("s11-wt2023"))
    monkeypatch.setattr(opening, "writable", lambda p: False)
    messages.answer = messages.answer.No
    assert not window.open_file(path)
    assert window.pages.currentWidget() is window.startPage


def test_upgraded_file_names_its_backup(window, tmp_path, messages, named_user):
    path = tmp_path / "old.s11audit"
    shutil.copy(FIXTURES / "schema1.s11audit", path)
    assert window.open_file(path)
    told = messages.texts("information")[0]
    backup = Path(told.rsplit("\n", 1)[1])
    assert "upgraded" in told and backup.exists() and backup.parent == tmp_path


def test_file_without_an_audit_goes_to_the_new_audit_dialog(window, qtbot, tmp_path, named_user):
    path = make_file(tmp_path / "empty.s11audit", SCHOOL)

    def start(dialog: NewAuditDialog) -> None:
        dialog.form.cycle.setEditText("2025/26")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(NewAuditDialog, start)
    assert window.open_file(path)
    assert window.document.assessment.cycle == "2025/26"
    assert window.document.assessment.standards_set.id == "s175-kcsie2025"


def test_cancelling_the_first_audit_closes_the_file(window, qtbot, tmp_path, named_user):
    path = make_file(tmp_path / "empty.s11audit", SCHOOL)
    when_dialog(NewAuditDialog, lambda dialog: dialog.reject())
    assert not window.open_file(path)
    assert window.pages.currentWidget() is window.startPage
    AuditFile.open(path, "someone else").close()  # the lock was released


def test_closing_the_file_or_window_releases_it(window, tmp_path, named_user):
    path = make_file(tmp_path / "a.s11audit", AGENCY, _set("s11-wt2023"))
    window.open_file(path)
    window.actionCloseFile.trigger()
    assert window.pages.currentWidget() is window.startPage and window.windowTitle() == "s11audit"
    AuditFile.open(path, "someone else").close()
    window.open_file(path)
    window.close()
    AuditFile.open(path, "someone else").close()


def test_latest_audit_opens_and_another_can_be_chosen(window, tmp_path, named_user):
    path = make_file(tmp_path / "two.s11audit", AGENCY, _set("s11-wt2023"), cycles=("2025/26", "2026/27"))
    window.open_file(path)
    assert window.windowTitle() == f"{AGENCY.name} – 2026/27 – s11audit"
    assert window.menuSwitchAudit.menuAction().isEnabled()
    window.menuSwitchAudit.aboutToShow.emit()
    choices = {a.text(): a for a in window.menuSwitchAudit.actions()}
    assert [a.isChecked() for a in choices.values()] == [True, False]
    next(a for text, a in choices.items() if text.startswith("2025/26")).trigger()
    assert window.windowTitle() == f"{AGENCY.name} – 2025/26 – s11audit"
    assert window.document.assessment.cycle == "2025/26"


def test_start_a_new_cycle_from_the_file_menu(window, qtbot, tmp_path, named_user):
    path = make_file(tmp_path / "a.s11audit", AGENCY, _set("s11-wt2023"), cycles=("2025/26",))
    window.open_file(path)

    def start(dialog: NewAuditDialog) -> None:
        dialog.form.cycle.setEditText("2025/26")
        assert not dialog.ok_button.isEnabled() and "already holds" in dialog.form.problem.text()
        dialog.form.cycle.setEditText("2026/27")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(NewAuditDialog, start)
    window.actionNewAudit.trigger()
    assert window.document.assessment.cycle == "2026/27"
    assert [a.cycle for a in window.audit_file.audits()] == ["2025/26", "2026/27"]


def test_changes_report_saved_or_not_and_undo_from_the_edit_menu(window, qtbot, tmp_path, messages, named_user):
    from s11audit.ui.commands import AddAction, SetJudgement

    window.open_file(make_file(tmp_path / "a.s11audit", AGENCY, _set("s11-wt2023")))
    document = window.document
    document.push(SetJudgement(document, "3", "green"))
    qtbot.waitUntil(lambda: window.percent_label.text() != "0% complete")
    assert window.save_label.text() == SAVED
    assert not document.push(AddAction(document, "3", "   "))  # an action needs a description
    assert "needs a description" in messages.texts("warning")[0]
    qtbot.waitUntil(lambda: window.save_label.text() == NOT_SAVED)
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert document.assessment.response("3").grade is None
    window.redo_action.trigger()
    assert document.assessment.response("3").grade == "green"
    qtbot.waitUntil(lambda: window.save_label.text() == SAVED)


def test_view_menu_switches_tabs(window, tmp_path, named_user):
    window.open_file(make_file(tmp_path / "a.s11audit", AGENCY, _set("s11-wt2023")))
    window.actionViewTrail.trigger()
    assert window.tabs.currentWidget() is window.views["trail"]
    window.actionViewActionPlan.trigger()
    assert window.tabs.currentWidget() is window.views["action_plan"]


def test_tabs_built_after_the_first_paint_work_when_clicked_sooner(window, qtbot, tmp_path, named_user):
    from s11audit.ui.action_plan import ActionPlanView
    from s11audit.ui.trail_view import TrailView

    window.open_file(make_file(tmp_path / "a.s11audit", AGENCY, _set("s11-wt2023")))
    assert set(window.views) == {"self_assessment"}  # the others wait for the first paint
    window.tabs.setCurrentIndex(2)  # a click on "Audit trail" before it was built
    assert isinstance(window.tabs.currentWidget(), TrailView)
    assert window.tabs.tabText(2) == "Audit trail" and window.tabs.count() == 3
    qtbot.waitUntil(lambda: isinstance(window.tabs.widget(1), ActionPlanView))
    assert window.tabs.currentIndex() == 2


def test_help_shows_standards_sets_and_version(window, qtbot, messages):
    def check(dialog: StandardsSetsDialog) -> None:
        model = dialog.form.setsTable.model()
        rows = {model.index(r, 1).data(): model.index(r, 5).data() for r in range(model.rowCount())}
        assert rows["s11-wt2023"] == "s11-wt2023.yaml (shipped)"
        assert set(rows) >= {"s11-wt2023", "s175-kcsie2025", "s11-peer-audit"}
        assert "None" in dialog.form.skippedText.text()
        assert str(user_standards_dir()) in dialog.form.folders.text()
        dialog.reject()

    seen = when_dialog(StandardsSetsDialog, check)
    window.actionStandardsSets.trigger()
    assert seen

    from s11audit.ui.dialogs.about import AboutDialog

    def about(dialog: AboutDialog) -> None:
        assert __version__ in dialog.form.title.text()
        dialog.reject()

    seen = when_dialog(AboutDialog, about)
    window.actionAbout.trigger()
    assert seen


def test_cycle_defaults_to_the_academic_year():
    assert academic_year(dt.date(2026, 11, 23)) == "2026/27"
    assert academic_year(dt.date(2027, 8, 31)) == "2026/27"
    assert academic_year(dt.date(2027, 9, 1)) == "2027/28"
    assert academic_year(dt.date(2099, 10, 1)) == "2099/00"
    assert cycle_choices(dt.date(2026, 10, 1)) == ["2025/26", "2026/27", "2027/28"]


def test_new_file_dialog_suggests_a_safe_name_and_refuses_existing_files(qtbot, tmp_path):
    assert default_file_name('St Aidan\'s: "Primary"/Nursery.') == "St Aidan's Primary Nursery.s11audit"
    (tmp_path / "Taken.s11audit").write_bytes(b"")
    dialog = NewFileDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.form.organisationName, "Taken")
    assert dialog.form.filePath.text() == str(tmp_path / "Taken.s11audit")
    assert not dialog.ok_button.isEnabled() and "already a file" in dialog.form.problem.text()
    dialog.form.filePath.setText(str(tmp_path / "missing folder" / "x"))
    assert "does not exist" in dialog.form.problem.text()


def test_keyboard_order_of_the_new_file_dialog_and_start_screen(qtbot, tmp_path, window):
    dialog = NewFileDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    assert tab_order(dialog, dialog.form.organisationName)[:8] == [
        "organisationName", "kind", "organisationType", "reference", "contactName", "contactEmail", "filePath",
        "browseButton"]
    form = window.start_screen.form
    assert tab_order(window, form.newFileButton)[:2] == ["newFileButton", "openFileButton"]
    assert form.newFileButton.hasFocus()  # no recent files yet: Enter starts a new file


def test_no_two_alt_shortcuts_clash_on_any_tab(window, tmp_path, named_user):
    import collections
    import re

    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    window.open_file(make_file(tmp_path / "a.s11audit", AGENCY, _set("s11-wt2023")))
    for key in ("self_assessment", "action_plan", "trail"):
        window.show_view(key)
        letters: dict[str, list[str]] = collections.defaultdict(list)
        for menu in (window.menuFile, window.menuEdit, window.menuView, window.menuHelp):
            letters[menu.title()[menu.title().index("&") + 1].lower()].append(menu.title())
        for widget in window.findChildren(QWidget):
            if not widget.isVisibleTo(window) or (isinstance(widget, QLabel) and widget.buddy() is None):
                continue
            text = widget.title() if isinstance(widget, QGroupBox) else getattr(widget, "text", lambda: "")()
            found = re.search(r"&([^&\s])", text if isinstance(text, str) else "")
            if found and isinstance(widget, (QAbstractButton, QLabel, QGroupBox)):
                letters[found.group(1).lower()].append(text)
        assert {k: v for k, v in letters.items() if len(v) > 1} == {}, key


def unnamed_controls(top) -> list[str]:
    """Focusable inputs and buttons without an accessible name (what a screen reader would say nothing for)."""
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
                                   QPlainTextEdit)

    kinds = (QLineEdit, QComboBox, QPlainTextEdit, QAbstractButton, QAbstractItemView, QAbstractSpinBox)
    found = [w for w in top.findChildren(QWidget) if isinstance(w, kinds) and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    # Parts Qt builds inside a control (a combo box's list and line edit) are named by the control.
    found = [w for w in found
             if not isinstance(w.parent(), (QComboBox, QAbstractSpinBox)) and w.parent().parent() is not None
             and not isinstance(w.parent().parent(), QComboBox)]
    return [f"{type(w).__name__} {w.objectName()!r}" for w in found if not w.accessibleName()]


def test_every_control_is_named_for_screen_readers(qtbot, tmp_path, shipped_sets, agency_file, s11_set):
    assessment = agency_file.start_audit(s11_set, "2026/27")
    from s11audit.ui.action_plan import ActionPlanView
    from s11audit.ui.dialogs.action_dialog import ActionDialog
    from s11audit.ui.document import AuditDocument
    from s11audit.ui.start_screen import StartScreen

    document = AuditDocument(agency_file, assessment)
    assessment.set_grade("3", "red")
    widgets = [NewFileDialog(None, tmp_path), NewAuditDialog(None, list(shipped_sets.values()), "Org"),
               UserNameDialog(None), ActionDialog(None, assessment), StartScreen(),
               StandardsSetsDialog(None, window_report()), ActionPlanView(document)]
    for widget in widgets:
        qtbot.addWidget(widget)
        assert unnamed_controls(widget) == [], type(widget).__name__


def window_report():
    from s11audit.standards import discover

    return discover()


def test_main_opens_the_file_given_on_the_command_line(qtbot, tmp_path, monkeypatch, named_user):
    path = make_file(tmp_path / "cli.s11audit", AGENCY, _set("s11-wt2023"))
    seen: list[str] = []

    def run_event_loop(app) -> int:
        # Stand-in for app.exec(): quitting the shared test application would break later tests.
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
        qtbot.addWidget(windows[0])
        qtbot.waitUntil(lambda: windows[0].audit_file is not None)
        seen.append(windows[0].windowTitle())
        return 0

    monkeypatch.setattr(QApplication, "exec", run_event_loop)
    app = QApplication.instance()
    old_style = app.styleSheet()
    try:
        assert main(["s11audit", str(path)]) == 0
    finally:
        app.setStyleSheet(old_style)  # leave the shared application as other tests expect it
    assert seen == [f"{AGENCY.name} – 2026/27 – s11audit"]


def _set(set_id: str):
    from s11audit.standards import discover

    return discover().find(set_id)


def test_a_standards_file_that_crashes_the_loader_is_skipped_not_fatal(qtbot):
    from s11audit.standards import discover

    shipped = (Path(__file__).parents[2] / "standards" / "s11-wt2023.yaml").read_text(encoding="utf-8")
    user_standards_dir().mkdir(parents=True)
    odd = shipped.replace('id: "s11-wt2023"', 'id: "odd-set"') + "tittle: x\n2: y\n"  # mixed-type unknown keys
    (user_standards_dir() / "odd.yaml").write_text(odd, encoding="utf-8")
    report = discover()
    assert {"s11-wt2023", "s175-kcsie2025", "s11-peer-audit"} <= {s.id for s in report.sets}
    assert [item.path.name for item in report.skipped] == ["odd.yaml"]
