"""Carrying last cycle's audit forward from the New audit dialog, and being told what was carried."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from s11audit.sample import make_sample
from s11audit.store import AuditFile
from s11audit.ui.dialogs.new_audit import NewAuditDialog
from tests.ui.shell_support import AGENCY, OFFSCREEN_SIZE_HINTS, make_file, when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS


@pytest.fixture
def window(shown_window):
    return shown_window


def test_the_latest_earlier_audit_is_offered_and_chosen_by_default(qtbot, tmp_path, s11_set):
    path = make_file(tmp_path / "two.s11audit", AGENCY, s11_set, cycles=("2025/26", "2026/27"))
    with AuditFile.open(path, "x") as audit_file:
        existing = audit_file.audits()
    dialog = NewAuditDialog(None, [s11_set], AGENCY.name, existing)
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.carryForward.isVisibleTo(dialog) and form.carryForward.isChecked()
    assert form.carryForward.text() == "Carry forward from 2026/27 (version 1)"
    assert "open actions" in form.carryForwardHint.text() and form.carryForwardHint.isVisibleTo(dialog)
    assert form.carryFrom.isVisibleTo(dialog) and form.carryFrom.count() == 2
    assert dialog.carry_forward_from() == existing[-1].id

    form.carryFrom.setCurrentIndex(1)
    assert form.carryForward.text() == "Carry forward from 2025/26 (version 1)"
    assert dialog.carry_forward_from() == existing[0].id
    qtbot.mouseClick(form.carryForward, Qt.MouseButton.LeftButton)
    assert not form.carryForward.isChecked() and dialog.carry_forward_from() is None
    assert not form.carryFrom.isEnabled()


def test_nothing_to_carry_forward_in_a_new_file(qtbot, s11_set):
    dialog = NewAuditDialog(None, [s11_set], AGENCY.name, [])
    qtbot.addWidget(dialog)
    assert not dialog.form.carryForward.isVisibleTo(dialog) and not dialog.form.carryFrom.isVisibleTo(dialog)
    assert not dialog.form.carryForwardHint.isVisibleTo(dialog)
    assert dialog.carry_forward_from() is None


def test_starting_next_cycle_carries_last_years_audit_forward_and_says_so(window, qtbot, tmp_path, s11_set, messages):
    path = make_sample(tmp_path / "trust.s11audit", s11_set, AGENCY, cycle="2026/27", signed=True)
    assert window.open_file(path)
    last = window.document.assessment

    def start(dialog: NewAuditDialog) -> None:
        assert dialog.form.carryForward.isChecked()
        assert not dialog.form.carryFrom.isVisibleTo(dialog)  # only one earlier audit: nothing to choose
        dialog.form.cycle.setEditText("2027/28")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = when_dialog(NewAuditDialog, start)
    window.actionNewAudit.trigger()
    assert seen
    new = window.document.assessment
    assert new.cycle == "2027/28" and new.id != last.id
    assert {k: r.grade for k, r in new.responses().items()} == {k: r.grade for k, r in last.responses().items()}
    assert len(new.evidence.all_evidence()) == len(last.evidence.all_evidence())
    assert all(a.status != "complete" for a in new.actions.all_actions()) and new.actions.all_actions()
    [told] = [text for text in messages.texts("information") if text.startswith("Carried forward")]
    assert "Carried forward from 2026/27 (version 1)" in told and "open action" in told
    assert "Nothing was left out." in told


def test_starting_empty_when_carry_forward_is_unticked(window, qtbot, tmp_path, s11_set, messages):
    path = make_sample(tmp_path / "trust.s11audit", s11_set, AGENCY, cycle="2026/27", signed=True)
    assert window.open_file(path)

    def start(dialog: NewAuditDialog) -> None:
        dialog.form.carryForward.setChecked(False)
        dialog.form.cycle.setEditText("2027/28")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(NewAuditDialog, start)
    window.actionNewAudit.trigger()
    assert window.document.assessment.cycle == "2027/28"
    assert window.document.assessment.responses() == {}
    assert not [text for text in messages.texts("information") if text.startswith("Carried forward")]

