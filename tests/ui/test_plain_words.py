"""What confused a DSL on first use: the Grade column's empty box, "Done" not moving after grading,
"read-only" after sign-off, and the unexplained "standards set", "version" and "audit cycle"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from s11audit.sample import make_sample
from s11audit.ui import explanations
from s11audit.ui.commands import AddAction
from s11audit.ui.completion import NOT_GRADED
from s11audit.ui.dialogs.new_audit import NewAuditDialog
from s11audit.ui.main_window import READ_ONLY, signed_off_text
from tests.ui.completion_support import OFFSCREEN_SIZE_HINTS, show_view
from tests.ui.shell_support import AGENCY

pytestmark = OFFSCREEN_SIZE_HINTS
OFFSCREEN_RAISE = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")  # the guide is brought up


def _whole(label) -> str:
    """A label's whole text, also where a long status is shortened with "…" to fit."""
    return label.full_text() if hasattr(label, "full_text") else label.text()


def _nav(view, standard_id: str, column: int):
    return view.model.index(view.model.row_of(standard_id), column)


def test_not_graded_has_no_box_to_tick(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    grade = _nav(view, "1", 2)
    assert grade.data() == NOT_GRADED
    assert grade.data(Qt.ItemDataRole.CheckStateRole) is None
    assert not view.model.flags(grade) & Qt.ItemFlag.ItemIsUserCheckable
    # The space beside the words is blank (so the words line up with graded rows), not an empty box.
    image = grade.data(Qt.ItemDataRole.DecorationRole).pixmap(14, 14).toImage()
    assert all(image.pixelColor(x, y).alpha() == 0 for x in range(image.width()) for y in range(image.height()))
    agency_doc.assessment.set_grade("1", "green")
    agency_doc.changed.emit("1")
    image = _nav(view, "1", 2).data(Qt.ItemDataRole.DecorationRole).pixmap(14, 14).toImage()
    assert image.pixelColor(7, 7).alpha() == 255  # a graded standard has its filled colour swatch


def test_done_counts_a_grade_at_once_and_the_action_it_needs_after(qtbot, agency_doc):
    view = show_view(qtbot, agency_doc)
    view.show_standard("1")
    done, total = map(int, _nav(view, "1", 1).data().split("/"))
    assert done == 0
    qtbot.mouseClick(view.current_pane().grades.columns["red"].button, Qt.MouseButton.LeftButton)
    assert _nav(view, "1", 1).data() == f"1/{total + 1}"  # graded; the action Red needs is one more to do
    assert agency_doc.push(AddAction(agency_doc, "1", "Name a board-level lead", owner="Chief executive",
                                     due_date=None, status="not_started", progress_notes=""))
    assert _nav(view, "1", 1).data() == f"2/{total + 1}"
    tip = view.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "grade" in tip and "required answer" in tip and "action" in tip
    assert view.form.progressLabel.text().startswith(f"{agency_doc.assessment.completeness().done} of ")


def _settle(qtbot, window) -> None:
    """Let the views built after the first paint be built before the window is closed."""
    qtbot.waitUntil(lambda: all(window.tabs.widget(i) is window.views.get(k)
                                for i, k in enumerate(("self_assessment", "action_plan", "trail"))))


@pytest.fixture
def signed_window(shown_window, tmp_path, s11_set):
    path = make_sample(tmp_path / "signed.s11audit", s11_set, AGENCY, signed=True, sample=False)
    assert shown_window.open_file(path)
    return shown_window


@OFFSCREEN_RAISE
def test_signed_audit_says_when_by_whom_and_how_to_change_it_and_its_header_explains_itself(qtbot, signed_window,
                                                                                          s11_set):
    window = signed_window
    assessment = window.document.assessment
    text = _whole(window.save_label)
    when = assessment.sign_off.signed_at
    assert text.startswith(f"Signed off on {when.day} {when:%B %Y} by ")
    names = [e.name for e in assessment.signatories()]
    assert names and all(name in text for name in names)
    menu_item = window.actionReopen.text().replace("&", "").rstrip("…. ")
    assert f"locked. Use File > {menu_item} to make a new version." in text
    assert "read-only" not in text and text != READ_ONLY
    assert window.readOnlyNotice.text() == text
    # The status bar shows it whole, beside the file's path, when the window has room.
    window.resize(1500, window.height())
    qtbot.waitUntil(lambda: window.statusbar.width() >= 1400)
    assert window.save_label.isVisible() and window.save_label.shown_text() == text
    # Signed off and also on a read-only drive: no offer to reopen, the file's own reason instead.
    on_read_only_drive = signed_off_text(assessment, file_read_only=True)
    assert on_read_only_drive.endswith(f"locked. {READ_ONLY}.") and "Reopen" not in on_read_only_drive

    # The header's words are explained, and "What is this?" opens the guide at their section.
    _settle(qtbot, window)
    header = window.auditDetails
    assert "Audit cycle 2026/27" in header.text() and f"version {s11_set.version}" in header.text()
    for words in (explanations.AUDIT_CYCLE, explanations.STANDARDS_SET, explanations.VERSION):
        assert words in header.toolTip()
    assert "What is this?" in header.text()
    header.linkActivated.emit(f"#{explanations.GUIDE_ANCHOR}")
    guide = window.guide_window
    assert guide is not None and guide.isVisible()
    assert (2, explanations.GUIDE_SECTION, explanations.GUIDE_ANCHOR) in guide.headings
    assert guide.form.browser.verticalScrollBar().value() > 0  # scrolled down to the section
    assert window.actionNewAudit.toolTip() == explanations.NEW_AUDIT and window.menuFile.toolTipsVisible()
    guide.close()


def test_new_audit_dialog_explains_its_words(qtbot, s11_set):
    dialog = NewAuditDialog(None, [s11_set], "Northfield Community Health NHS Trust")
    qtbot.addWidget(dialog)
    form = dialog.form
    # A combo's tooltip may start with the entry chosen, in full (a long name is shortened in the box).
    assert form.setLabel.toolTip() == explanations.STANDARDS_SET
    assert explanations.STANDARDS_SET in form.standardsSet.toolTip()
    assert form.cycleLabel.toolTip() == explanations.AUDIT_CYCLE and explanations.AUDIT_CYCLE in form.cycle.toolTip()
    assert form.setDetails.toolTip() == explanations.VERSION and form.intro.toolTip() == explanations.NEW_AUDIT
