"""Starting fast (issue 15): the start screen is drawn before the store and other heavy code is
imported, and a file given on the command line is the first thing drawn."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from s11audit.cli import main as cli_main
from s11audit.ui import app as app_module
from s11audit.ui.dialogs.user_name import UserNameDialog
from s11audit.ui.main_window import MainWindow
from s11audit.ui.settings import Settings
from tests.ui.shell_support import AGENCY, OFFSCREEN_SIZE_HINTS, make_file, when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS
ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "s11audit.business_unit", "s11audit.store",
         "s11audit.reports")

# In a fresh process, as the app starts: which heavy modules are loaded once the start screen is painted.
START_SCREEN_SCRIPT = f"""
import sys
from s11audit.ui.app import application, create_main_window
from s11audit.ui.first_paint import wait_for_first_paint
application([sys.argv[0]])
window = create_main_window()
window.show()
print(wait_for_first_paint(window))
print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))
"""


def test_the_start_screen_is_drawn_before_the_store_and_reports_are_imported(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", S11AUDIT_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", START_SCREEN_SCRIPT], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    painted, loaded = result.stdout.splitlines()[-2:]
    assert painted == "start screen"
    assert loaded == "[]"


def _start_with(monkeypatch, qtbot, argv: list[str]) -> tuple[MainWindow, list[tuple[str, bool]]]:
    """Run the app's ``main`` with ``argv``; the window, and each page it showed with whether the window
    was on screen at the time (the page current when the window appears is recorded first)."""
    seen: list[tuple[str, bool]] = []
    made: list[MainWindow] = []
    create = app_module.create_main_window

    def create_and_watch() -> MainWindow:
        window = create()
        made.append(window)
        qtbot.addWidget(window)  # closed after the test, which closes any open file
        window.pages.currentChanged.connect(
            lambda _index: seen.append((window.pages.currentWidget().objectName(), window.isVisible())))
        window.installEventFilter(_ShowRecorder(window, seen))
        return window

    def run_event_loop(_app=None) -> int:  # stand-in for app.exec(): the shared test application stays
        qtbot.waitUntil(lambda: made and made[0].isVisible())
        return 0

    monkeypatch.setattr(app_module, "create_main_window", create_and_watch)
    monkeypatch.setattr(QApplication, "exec", run_event_loop)
    application = QApplication.instance()
    old_style = application.styleSheet()
    try:
        assert app_module.main(argv) == 0
    finally:
        application.setStyleSheet(old_style)  # leave the shared application as other tests expect it
    return made[0], seen


class _ShowRecorder(QObject):
    def __init__(self, window: MainWindow, seen: list[tuple[str, bool]]):
        super().__init__(window)
        self.window, self.seen = window, seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.seen.append(("shown on " + self.window.pages.currentWidget().objectName(), True))
        return False


def test_a_file_given_on_the_command_line_is_drawn_first_not_the_start_screen(qtbot, tmp_path, monkeypatch):
    Settings().user_name = "Helen Morris"
    path = make_file(tmp_path / "cli.s11audit", AGENCY, _set("s11-wt2023"))
    window, seen = _start_with(monkeypatch, qtbot, ["s11audit", str(path)])
    assert window.audit_file is not None and window.pages.currentWidget() is window.auditPage
    assert seen[-1] == ("shown on auditPage", True)
    assert ("startPage", True) not in seen and ("shown on startPage", True) not in seen
    assert window.windowTitle() == f"{AGENCY.name} – 2026/27 – s11audit"
    view, focused = window.tabs.currentWidget(), window.focusWidget()
    assert focused is view or view.isAncestorOf(focused)  # keys go to the audit, as when opened from the start screen


def test_a_question_about_the_file_shows_the_window_first_to_sit_on(qtbot, tmp_path, monkeypatch):
    path = make_file(tmp_path / "cli.s11audit", AGENCY, _set("s11-wt2023"))
    asked: list[tuple[bool, bool]] = []

    def give_name(dialog: UserNameDialog) -> None:  # no name yet: it is asked for before the file opens
        window = dialog.parentWidget()
        asked.append((isinstance(window, MainWindow), window.isVisible()))
        qtbot.keyClicks(dialog.form.nameEdit, "Helen Morris")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(UserNameDialog, give_name)
    window, _seen = _start_with(monkeypatch, qtbot, ["s11audit", str(path)])
    assert asked == [(True, True)]
    assert window.audit_file is not None and window.pages.currentWidget() is window.auditPage
    assert Settings().user_name == "Helen Morris"


def test_an_unexpected_error_opening_the_file_is_reported_and_the_window_still_shown(qtbot, tmp_path, monkeypatch):
    Settings().user_name = "Helen Morris"
    reported: list[type] = []

    def fault(self, path) -> bool:
        raise RuntimeError("a fault in s11audit")

    monkeypatch.setattr(MainWindow, "open_file", fault)
    monkeypatch.setattr(app_module, "install_error_handlers", lambda: lambda: None)
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: reported.append(kind))
    window, _seen = _start_with(monkeypatch, qtbot, ["s11audit", str(tmp_path / "any.s11audit")])
    assert reported == [RuntimeError]
    assert window.isVisible() and window.pages.currentWidget() is window.startPage


def test_the_smoke_test_times_the_first_paint_of_a_file_given(qapp, tmp_path, capsys):
    Settings().user_name = "Helen Morris"
    path = make_file(tmp_path / "smoke.s11audit", AGENCY, _set("s11-wt2023"))
    assert cli_main(["app", "--smoke-test", str(path)]) == 0
    out = capsys.readouterr().out
    assert "window shown: True;" in out and "s from process start to the audit painted" in out
    assert not [w for w in qapp.topLevelWidgets() if w.isVisible()]


def _set(set_id: str):
    from s11audit.standards import discover

    return discover().find(set_id)
