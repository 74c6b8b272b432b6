"""Help > Standards sets: Import from workbook... and Save as workbook..., driven through the real dialog."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from s11audit.paths import shipped_standards_dir, user_standards_dir
from s11audit.standards import discover, load_file
from s11audit.standards.workbook_read import read_workbook
from s11audit.standards.workbook_write import set_file_content, write_workbook
from s11audit.ui.dialogs.standards_sets import StandardsSetsDialog


@pytest.fixture
def dialog(qtbot):
    shown = StandardsSetsDialog(None, discover())
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def own_workbook(tmp_path) -> Path:
    """The Section 11 set as a workbook, made into the partnership's own set (a new id)."""
    path = write_workbook(set_file_content(shipped_standards_dir() / "s11-wt2023.yaml"), tmp_path / "ours.xlsx")
    workbook = openpyxl.load_workbook(path)
    for row in workbook["Set"].iter_rows(min_row=2):
        if row[0].value == "id":
            row[1].value = "our-partnership-s11"
    workbook.save(path)
    return path


def _choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))


def _ids(dialog: StandardsSetsDialog) -> list[str]:
    model = dialog.form.setsTable.model()
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def _import(qtbot, dialog: StandardsSetsDialog) -> None:
    qtbot.mouseClick(dialog.form.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.form.workbookStatus.text()))


def test_a_workbook_with_mistakes_shows_each_with_its_sheet_and_cell(qtbot, dialog, own_workbook, monkeypatch):
    workbook = openpyxl.load_workbook(own_workbook)
    workbook["Items"]["D2"].value = "dropdown"
    workbook["Items"]["E3"].value = "perhaps"
    workbook.save(own_workbook)
    _choose_file(monkeypatch, own_workbook)
    _import(qtbot, dialog)
    problems = dialog.form.workbookProblems
    assert "ours.xlsx could not be imported" in dialog.form.workbookStatus.text()
    assert problems.isVisible() and problems.isReadOnly()
    lines = problems.toPlainText().splitlines()
    assert lines[0].startswith("Items!D2: type 'dropdown' is not one of")
    assert lines[1].startswith("Items!E3: required is 'perhaps'")
    assert problems.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert not list(user_standards_dir().glob("*.yaml"))


def test_a_good_workbook_is_added_to_the_list_and_the_standards_folder(qtbot, dialog, own_workbook, monkeypatch):
    assert "our-partnership-s11" not in _ids(dialog)
    _choose_file(monkeypatch, own_workbook)
    _import(qtbot, dialog)
    target = user_standards_dir() / "our-partnership-s11-2026.2.yaml"
    assert "Imported" in dialog.form.workbookStatus.text() and target.name in dialog.form.workbookStatus.text()
    assert not dialog.form.workbookProblems.isVisible()
    assert "our-partnership-s11" in _ids(dialog)
    assert dialog.selected_key() == ("our-partnership-s11", "2026.2")
    assert load_file(target).id == "our-partnership-s11"

    # The same again: the file there is not replaced without asking.
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args) or QMessageBox.StandardButton.No)
    before = target.read_bytes()
    _import(qtbot, dialog)
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.form.workbookStatus.text())
    assert asked and target.read_bytes() == before


def test_a_set_already_on_this_computer_is_not_imported_again(qtbot, dialog, tmp_path, monkeypatch):
    path = write_workbook(set_file_content(shipped_standards_dir() / "s175-kcsie2025.yaml"), tmp_path / "s175.xlsx")
    _choose_file(monkeypatch, path)
    _import(qtbot, dialog)
    assert "is already on this computer" in dialog.form.workbookStatus.text()
    assert "new version" in dialog.form.workbookStatus.text()


def test_save_as_workbook_writes_the_selected_set(qtbot, dialog, tmp_path, monkeypatch):
    assert not dialog.form.saveWorkbookButton.isEnabled()  # nothing chosen yet
    dialog.form.setsTable.selectRow(_ids(dialog).index("s11-peer-audit"))
    assert dialog.form.saveWorkbookButton.isEnabled()
    suggested = []

    def save_name(parent, caption, directory, filters):
        suggested.append(directory)
        return str(tmp_path / "peer"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    qtbot.mouseClick(dialog.form.saveWorkbookButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved" in dialog.form.workbookStatus.text())
    assert suggested[0].endswith("s11-peer-audit-2026.2.xlsx")
    assert read_workbook(tmp_path / "peer.xlsx")["based_on"]["set"] == "s11-wt2023"


def test_the_buttons_have_their_own_alt_keys(dialog):
    texts = [b.text() for b in dialog.findChildren(QPushButton) if "&" in b.text()]
    assert "&Import from workbook..." in texts and "Save as &workbook..." in texts
    keys = [text[text.index("&") + 1].lower() for text in texts]
    assert len(keys) == len(set(keys))


def test_a_set_imported_from_the_main_window_is_offered_for_new_audits_at_once(qtbot, own_workbook, monkeypatch):
    from s11audit.ui.main_window import MainWindow

    window = MainWindow.build()
    qtbot.addWidget(window)
    assert window.catalogue.report().find("our-partnership-s11") is None
    _choose_file(monkeypatch, own_workbook)

    def import_then_close() -> None:
        shown = window.findChild(StandardsSetsDialog)
        _import(qtbot, shown)
        shown.reject()

    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, import_then_close)
    window.show_standards_sets()
    assert window.catalogue.report().find("our-partnership-s11") is not None
