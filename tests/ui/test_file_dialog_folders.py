"""File dialogs start in the last folder used (Documents at first), not the app's working folder,
and remember the folder chosen: evidence, the register and returns, and the workbook import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from s11audit.business_unit.workspace import Workspace
from s11audit.ui import file_dialogs
from s11audit.ui.business_unit.window import BusinessUnitWindow
from s11audit.ui.settings import Settings
from tests.ui.completion_support import OFFSCREEN_SIZE_HINTS, show_view, wait_for_workers

pytestmark = OFFSCREEN_SIZE_HINTS


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A home folder with a Documents folder, and a working folder that is somewhere else."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)
    return home


class Recorder:
    """Stands in for QFileDialog's static functions: records where each dialog starts, answers ``chosen``."""

    def __init__(self, monkeypatch, chosen: list[str]):
        self.starts: list[str] = []
        self.chosen = chosen
        for name, answer in (("getOpenFileNames", lambda: (list(self.chosen), "")),
                             ("getOpenFileName", lambda: (self.chosen[0] if self.chosen else "", "")),
                             ("getSaveFileName", lambda: (self.chosen[0] if self.chosen else "", "")),
                             ("getExistingDirectory", lambda: self.chosen[0] if self.chosen else "")):
            monkeypatch.setattr(QFileDialog, name, staticmethod(self._fake(answer)))

    def _fake(self, answer):
        def dialog(parent, caption, directory="", *rest):
            self.starts.append(directory)
            return answer()
        return dialog


def test_evidence_dialog_starts_in_documents_then_in_the_folder_last_used(qtbot, home, agency_doc, tmp_path,
                                                                          monkeypatch):
    view = show_view(qtbot, agency_doc)
    view.show_standard("1")
    panel = view.current_pane().evidence
    recorder = Recorder(monkeypatch, [])
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)  # cancelled
    assert recorder.starts == [str(home / "Documents")]

    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "policy.txt").write_text("Our safeguarding policy", encoding="utf-8")
    recorder.chosen = [str(policies / "policy.txt")]
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy)
    wait_for_workers(qtbot)
    assert [e.original_name for e in agency_doc.assessment.evidence.all_evidence()] == ["policy.txt"]
    recorder.chosen = []
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    assert recorder.starts[-1] == str(policies)
    assert Settings().last_folder == policies  # remembered for next time, and for the other dialogs


def test_register_and_returns_imports_start_in_the_last_folder(qtbot, home, tmp_path, s175_set, monkeypatch,
                                                               messages):
    with Workspace.create(tmp_path / "unit.s11workspace", "Business unit officer") as created:
        created.add_cycle("Schools 2026/27", s175_set, dt.date.today() + dt.timedelta(days=30))
    workspace = Workspace.open(tmp_path / "unit.s11workspace", "Business unit officer")
    window = BusinessUnitWindow(workspace, [s175_set])
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    recorder = Recorder(monkeypatch, [])
    window.import_register()
    window.choose_returns()
    window.choose_folder()
    assert recorder.starts == [str(home / "Documents")] * 3
    Settings().last_folder = tmp_path
    window.import_register()
    assert recorder.starts[-1] == str(tmp_path)
    window.close()
    workspace.close()


def test_a_name_to_save_as_goes_in_the_last_folder_and_a_full_path_is_kept(home, tmp_path, monkeypatch):
    settings = Settings()
    recorder = Recorder(monkeypatch, [])
    assert file_dialogs.save_file_name(None, "Write the chase list", "chase list.xlsx", "", settings) == ""
    assert recorder.starts == [str(home / "Documents" / "chase list.xlsx")]
    chosen = tmp_path / "out" / "letter.pdf"
    chosen.parent.mkdir()
    recorder.chosen = [str(chosen)]
    assert file_dialogs.save_file_name(None, "Write", str(tmp_path / "suggested.pdf"), "", settings) == str(chosen)
    assert recorder.starts[-1] == str(tmp_path / "suggested.pdf")
    assert settings.last_folder == chosen.parent
    recorder.chosen = [str(tmp_path)]
    assert file_dialogs.existing_directory(None, "Write the templates", settings) == str(tmp_path)
    assert recorder.starts[-1] == str(chosen.parent) and settings.last_folder == tmp_path
