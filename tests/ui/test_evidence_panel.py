"""The evidence panel of a standard: adding files (read off the UI thread), problems, linking, renaming."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from s11audit.completeness import Gap
from s11audit.store import EvidenceFile
from s11audit.store import evidence as evidence_store
from s11audit.ui.evidence_dialogs import LinkExistingDialog, LinkItemsDialog
from tests.ui.completion_support import OFFSCREEN_SIZE_HINTS, show_view, wait_for_workers

pytestmark = OFFSCREEN_SIZE_HINTS


def _files(folder: Path, contents: dict[str, bytes]) -> list[str]:
    paths = []
    for name, data in contents.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(str(path))
    return paths


def _pick(monkeypatch, paths: list[str]) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *args, **kwargs: (paths, "All files (*)")))


def _add(qtbot, panel) -> None:
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy)
    wait_for_workers(qtbot)


@pytest.fixture
def fully_met(qtbot, school_doc):
    """The S175 screen on standard 4 graded Fully met, which may only be chosen with evidence."""
    view = show_view(qtbot, school_doc)
    view.show_standard("4")
    pane = view.current_pane()
    qtbot.mouseClick(pane.grades.columns["fully_met"].button, Qt.MouseButton.LeftButton)
    return view, pane


def test_adding_files_lists_and_links_them_and_satisfies_the_evidence_rule(qtbot, fully_met, tmp_path, monkeypatch):
    view, pane = fully_met
    document = view.document
    assert "may only be chosen with evidence" in pane.notice.text()
    assert Gap.NEEDS_EVIDENCE in {m.gap for m in document.assessment.completeness().for_standard("4")}
    paths = _files(tmp_path, {"Training log 2026.csv": b"name,date\n" * 50,
                                "Induction checklist.pdf": b"%PDF-1.4 checklist"})
    _pick(monkeypatch, paths)
    panel = pane.evidence
    panel.buttons["add"].click()
    assert panel.busy and panel.progress_box.isVisible()  # reading happens off the UI thread
    qtbot.waitUntil(lambda: not panel.busy)
    wait_for_workers(qtbot)

    stored = document.assessment.evidence.for_standard("4")
    assert [row.name for row in stored] == ["Training log 2026.csv", "Induction checklist.pdf"]
    assert all(row.links == (("4", ""),) for row in stored)
    assert stored[0].sha256 == hashlib.sha256(b"name,date\n" * 50).hexdigest()
    assert [row.cells[0] for row in panel.model.rows] == ["Training log 2026.csv", "Induction checklist.pdf"]
    assert panel.model.rows[0].cells[2] == "500 bytes" and panel.model.rows[0].cells[4] == "This standard"
    assert "Test User" in panel.model.rows[0].cells[3]
    assert "Added 2 evidence files." in panel.message.text()
    # In a window of 1024 px the Description heading is still whole: the shared columns give way.
    view.test_window.resize(1024, 768)
    header = panel.view.header()
    qtbot.waitUntil(lambda: panel.view.viewport().width() < 700)
    assert header.sectionSize(1) >= header.sectionSizeHint(1)
    assert not panel.progress_box.isVisible()
    assert not pane.notice.isVisible()
    assert Gap.NEEDS_EVIDENCE not in {m.gap for m in document.assessment.completeness().for_standard("4")}

    _add(qtbot, panel)  # the same files again: not stored twice
    assert len(document.assessment.evidence.all_evidence()) == 2
    assert "already evidence for this standard" in panel.message.text()


def test_a_file_too_large_or_unreadable_is_named_in_the_message(qtbot, fully_met, tmp_path, monkeypatch):
    _view, pane = fully_met
    monkeypatch.setattr(evidence_store, "MAX_EVIDENCE_BYTES", 1024 * 1024)
    big = tmp_path / "Whole staff training video.mp4"
    big.write_bytes(b"\0" * (1024 * 1024 + 600 * 1024))
    small = _files(tmp_path, {"Policy.pdf": b"%PDF policy"})
    _pick(monkeypatch, [str(big), str(tmp_path / "Moved elsewhere.docx"), *small])
    _add(qtbot, pane.evidence)
    text = pane.evidence.message.text()
    assert "Whole staff training video.mp4" in text and "1.6 MB" in text and "1.0 MB allowed" in text
    assert "Moved elsewhere.docx" in text and "cannot be read" in text
    assert "Added 1 evidence file." in text
    assert [row.name for row in pane.evidence.document.assessment.evidence.all_evidence()] == ["Policy.pdf"]


def test_open_rename_describe_and_remove(qtbot, fully_met, tmp_path, monkeypatch):
    view, pane = fully_met
    document = view.document
    panel = pane.evidence
    _pick(monkeypatch, _files(tmp_path, {"SCR extract.txt": b"single central record extract"}))
    _add(qtbot, panel)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    evidence_id = panel.selected().id

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    qtbot.mouseClick(panel.buttons["open"], Qt.MouseButton.LeftButton)
    assert Path(opened[0]).read_bytes() == b"single central record extract"

    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: ("SCR extract, autumn term", True)))
    qtbot.mouseClick(panel.buttons["rename"], Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: ("Checked by the safeguarding governor", True)))
    qtbot.mouseClick(panel.buttons["describe"], Qt.MouseButton.LeftButton)
    row = document.assessment.evidence.all_evidence()[0]
    assert (row.name, row.description) == ("SCR extract, autumn term", "Checked by the safeguarding governor")
    assert panel.model.rows[0].cells[:2] == ("SCR extract, autumn term", "Checked by the safeguarding governor")
    assert panel.selected().id == evidence_id  # still selected after the change
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.assessment.evidence.all_evidence()[0].name == "SCR extract.txt"

    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda parent, title, text, *a: asked.append(text)
                                                              or QMessageBox.StandardButton.No))
    qtbot.mouseClick(panel.buttons["remove"], Qt.MouseButton.LeftButton)
    assert len(document.assessment.evidence.all_evidence()) == 1
    assert "cannot be undone" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(panel.buttons["remove"], Qt.MouseButton.LeftButton)
    assert document.assessment.evidence.all_evidence() == []
    assert panel.empty_label.isVisible()
    assert "may only be chosen with evidence" in pane.notice.text()


def test_link_to_items_and_other_standards_is_one_undo_step(qtbot, fully_met, tmp_path, monkeypatch):
    view, pane = fully_met
    document = view.document
    panel = pane.evidence
    _pick(monkeypatch, _files(tmp_path, {"Training matrix.xlsx": b"matrix"}))
    _add(qtbot, panel)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    row = panel.selected()

    dialog = LinkItemsDialog(panel, document.assessment, row, document.assessment.standards_set.standard("4"))
    shown = dialog.shown
    assert ("4", "") in shown and ("4", "4.2") in shown and ("3", "") in shown and ("3", "3.1") not in shown
    assert dialog.chosen() == {("4", "")}
    for top in range(dialog.model.rowCount()):
        heading = dialog.model.item(top)
        for n in range(heading.rowCount()):
            child = heading.child(n)
            if tuple(child.data(Qt.ItemDataRole.UserRole + 1)) in {("4", "4.2"), ("3", "")}:
                child.setCheckState(Qt.CheckState.Checked)
    chosen = dialog.chosen()
    dialog.dialog.deleteLater()
    monkeypatch.setattr(LinkItemsDialog, "ask", classmethod(lambda cls, *args: (shown, chosen)))
    qtbot.mouseClick(panel.buttons["links"], Qt.MouseButton.LeftButton)
    links = set(document.assessment.evidence.all_evidence()[0].links)
    assert links == {("4", ""), ("4", "4.2"), ("3", "")}
    assert panel.model.rows[0].cells[4] == "This standard; item 4.2; also standard 3"
    document.undo_stack.undo()
    assert document.assessment.evidence.all_evidence()[0].links == (("4", ""),)


def test_link_existing_evidence_from_another_standard(qtbot, school_doc, monkeypatch):
    data = b"board minutes"
    school_doc.assessment.evidence.add(EvidenceFile("Governors minutes.pdf", data, hashlib.sha256(data).hexdigest(),
                                                    "application/pdf"), links=[("1", "")])
    view = show_view(qtbot, school_doc)
    view.show_standard("2")
    panel = view.current_pane().evidence
    assert panel.empty_label.isVisible() and panel.buttons["existing"].isEnabled()
    dialog = LinkExistingDialog(panel, school_doc.assessment, school_doc.assessment.standards_set.standard("2"))
    assert dialog.model.rowCount() == 1 and "linked to standard 1" in dialog.model.item(0).text()
    dialog.model.item(0).setCheckState(Qt.CheckState.Checked)
    chosen = dialog.chosen()
    dialog.dialog.deleteLater()
    monkeypatch.setattr(LinkExistingDialog, "ask", classmethod(lambda cls, *args: chosen))
    qtbot.mouseClick(panel.buttons["existing"], Qt.MouseButton.LeftButton)
    assert [row.name for row in school_doc.assessment.evidence.for_standard("2")] == ["Governors minutes.pdf"]
    assert panel.model.rows[0].cells[4] == "This standard; also standard 1"
    assert not panel.buttons["existing"].isEnabled()  # nothing else left to link
