"""The business unit's screens for annual compliance statement cycles (issue 16), driven by keys: the New cycle
dialog's kind (a statement is based on a full cycle and takes its standards set), the cycle chooser naming a
statement cycle, and a flagged statement in the Returns tab (why it is flagged; Accept keeps it counted, Reject
keeps it out of every count), each decision after a question answered by keys.

The returns are those of ``tests/core/test_statement_import.py``: Northfield's baseline is held, Riverside's is
not, so Riverside's statement is flagged.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from s11audit.business_unit import statements, tracking
from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.ui.business_unit.dialogs import NewCycleDialog
from s11audit.ui.business_unit.tables import FLAG_REJECTED_LABEL, FLAGGED_LABEL
from s11audit.ui.business_unit.window import BusinessUnitWindow
from tests.core.test_statement_import import _register, returns
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, when_dialog
from tests.ui.keys_support import assert_unique_alt_keys, press_alt

pytestmark = OFFSCREEN_SIZE_HINTS
__all__ = ["returns"]  # a fixture: the signed baseline returns and statements, made once for the module
STATE, FLAG = 5, 6  # the Returns table's "State" and "Flagged because" columns


def _window(qtbot, workspace: Workspace, sets: list) -> BusinessUnitWindow:
    window = BusinessUnitWindow(workspace, sets)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


# --- the New cycle dialog ------------------------------------------------------------------------------

def test_new_statement_cycle_by_keys_takes_its_baselines_set(qtbot, tmp_path, shipped_sets):
    s175, wt = shipped_sets["s175-kcsie2025"], shipped_sets["s11-wt2023"]
    workspace = Workspace.create(tmp_path / "unit.s11workspace", "Officer")
    workspace.add_cycle("Schools 2026/27", s175, dt.date(2027, 3, 31))
    agencies = workspace.add_cycle("Agencies 2026/27", wt, dt.date(2027, 3, 31))
    workspace.add_organisations(agencies.id, [OrganisationEntry("Northshire Police", "NP1", "Police", "police")])
    window = _window(qtbot, workspace, [s175, wt])
    seen: dict[str, object] = {}

    def create(dialog: NewCycleDialog) -> None:
        form = dialog.form
        assert form.fullKind.isChecked() and not form.baselineCycle.isVisible() and form.standardsSet.isEnabled()
        assert_unique_alt_keys(dialog)
        qtbot.keyClicks(form.cycleName, "Agencies 2027/28")
        press_alt(qtbot, dialog, Qt.Key.Key_A)  # Annual compliance statement (a button's Alt key clicks a little later)
        qtbot.waitUntil(form.statementKind.isChecked)
        assert form.baselineCycle.isVisible()
        assert_unique_alt_keys(dialog)
        # Based on the latest full cycle; the set box shows its set and cannot be changed.
        assert form.baselineCycle.currentText() == "Agencies 2026/27 (due 31 Mar 2027)"
        assert not form.standardsSet.isEnabled() and form.standardsSet.currentData() == wt.id
        assert form.setSource.text() == ("An annual compliance statement uses the standards set of its baseline, "
                                         "Agencies 2026/27.")
        assert "what changed since their return to Agencies 2026/27" in form.kindNote.text()
        # Another baseline: the set follows it.
        press_alt(qtbot, dialog, Qt.Key.Key_B)
        assert form.baselineCycle.hasFocus()
        qtbot.keyClick(form.baselineCycle, Qt.Key.Key_Up)
        assert form.standardsSet.currentData() == s175.id and dialog.values()[1] is s175
        qtbot.keyClick(form.baselineCycle, Qt.Key.Key_Down)
        assert form.standardsSet.currentData() == wt.id
        assert dialog.kind() == ("statement", "Agencies 2026/27") and dialog.values()[1] is wt
        # Back to a full audit and again: the full audit's own choice of set is kept.
        press_alt(qtbot, dialog, Qt.Key.Key_F)
        qtbot.waitUntil(form.fullKind.isChecked)
        assert form.standardsSet.isEnabled() and not form.baselineCycle.isVisible() and dialog.kind() == ("full", None)
        press_alt(qtbot, dialog, Qt.Key.Key_A)
        qtbot.waitUntil(form.statementKind.isChecked)
        seen["problem"] = form.problem.text()
        qtbot.keyClick(form.cycleName, Qt.Key.Key_Return)

    when_dialog(NewCycleDialog, create)
    press_alt(qtbot, window.form.newCycleButton, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: len(workspace.cycles()) == 3)
    assert seen["problem"] == ""
    made = workspace.cycle("Agencies 2027/28")
    assert (made.kind, made.baseline_id, made.set_hash) == ("statement", agencies.id, wt.content_hash)
    assert [o.name for o in workspace.organisations(made.id)] == ["Northshire Police"]  # copied from the latest
    chooser = window.form.cycleChooser
    assert chooser.currentData() == made.id
    assert chooser.currentText() == f"Agencies 2027/28, compliance statement ({wt.title})"
    assert chooser.itemText(0) == f"Schools 2026/27 ({s175.title})"
    workspace.close()


def test_without_a_full_cycle_a_statement_cannot_be_chosen(qtbot, shipped_sets):
    dialog = NewCycleDialog(None, [shipped_sets["s11-wt2023"]], [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.form.statementKind.isEnabled() and dialog.form.fullKind.isChecked()
    assert dialog.form.kindNote.text() == ("An annual compliance statement follows a full audit: create a full "
                                           "audit cycle first.")
    assert dialog.kind() == ("full", None)


def test_a_baseline_whose_set_is_no_longer_offered_is_read_from_the_workspace(qtbot, shipped_sets, tmp_path):
    wt, s175 = shipped_sets["s11-wt2023"], shipped_sets["s175-kcsie2025"]
    with Workspace.create(tmp_path / "unit.s11workspace", "Officer") as workspace:
        full = workspace.add_cycle("2026/27", wt, dt.date(2027, 3, 31))
        asked = []
        dialog = NewCycleDialog(None, [s175], workspace.cycles(),
                                set_of=lambda c: asked.append(c.name) or workspace.standards_set(c.id))
        qtbot.addWidget(dialog)
        dialog.form.statementKind.setChecked(True)
        assert asked == ["2026/27"]
        assert dialog.form.standardsSet.currentText().endswith("(kept with 2026/27)")
        assert dialog.values()[1].content_hash == full.set_hash
        dialog.form.fullKind.setChecked(True)
        assert dialog.form.standardsSet.count() == 1 and dialog.values()[1] is s175


# --- flagged statements in the Returns tab ---------------------------------------------------------------

@pytest.fixture
def statement_window(qtbot, tmp_path, shipped_sets, returns):
    """The window on the 2027/28 statement cycle holding both statements (Riverside's flagged)."""
    wt = shipped_sets["s11-wt2023"]
    workspace = Workspace.create(tmp_path / "unit.s11workspace", "Officer")
    full = workspace.add_cycle("2026/27", wt, dt.date(2027, 3, 31))
    _register(workspace, full.id)
    cycle = workspace.add_cycle("2027/28", wt, dt.date(2028, 3, 31), kind="statement", baseline="2026/27")
    _register(workspace, cycle.id)
    import_returns(workspace, full, [returns["RYN"][0]])
    import_returns(workspace, cycle, [returns["RYN"][1], returns["RHA 77"][1]])
    window = _window(qtbot, workspace, [wt])
    assert window.cycle == cycle
    yield window
    workspace.close()


def _select(qtbot, window: BusinessUnitWindow, reference: str) -> int:
    """Select the return of ``reference`` with the keyboard (Returns tab, then the table); its row."""
    press_alt(qtbot, window.form.tabs, Qt.Key.Key_T)
    assert window.form.tabs.currentWidget() is window.form.returnsTab
    proxy, table = window.returns_proxy, window.form.returnsTable
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 1).data() == reference)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(row):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window._selected_return().reference == reference
    return row


def _answer(qtbot, key: Qt.Key, seen: list[str]):
    def act(box: QMessageBox) -> None:
        seen.append(box.text())
        # Never leave the question waiting for a person: a key that did not answer it fails the test instead.
        QTimer.singleShot(3000, box, lambda: box.isVisible() and box.done(QMessageBox.StandardButton.Cancel))
        if key == Qt.Key.Key_Escape:
            qtbot.keyClick(box, key)
        else:
            press_alt(qtbot, box, key)
    return act


def _counts(window: BusinessUnitWindow) -> tuple[int, int, str]:
    workspace, cycle = window.workspace, window.cycle
    figures = statements.statement_figures(workspace, cycle.name)
    status = {s.organisation.reference: s.status for s in tracking.statuses(workspace, cycle)}
    return figures.statements, figures.flagged, status["RHA 77"]


def test_a_flagged_statement_shows_why_and_accepting_it_keeps_it_counted(qtbot, statement_window):
    window = statement_window
    row = _select(qtbot, window, "RHA 77")
    proxy = window.returns_proxy
    flag = window._selected_return().flag
    assert proxy.index(row, STATE).data() == FLAGGED_LABEL
    assert proxy.index(row, FLAG).data() == flag and flag.startswith("its baseline (2026/27 audit, version 1)")
    assert proxy.index(row, FLAG).data(Qt.ItemDataRole.ToolTipRole) == flag
    assert proxy.headerData(FLAG, Qt.Orientation.Horizontal) == "Flagged because"
    northfield = next(r for r in range(proxy.rowCount()) if proxy.index(r, 1).data() == "RYN")
    assert (proxy.index(northfield, STATE).data(), proxy.index(northfield, FLAG).data()) == ("Current", "")
    assert window.form.acceptButton.isEnabled() and window.form.rejectButton.isEnabled()
    note = window.form.decisionNote
    assert note.isVisible() and note.text() == (
        f"The statement from Riverside Housing Association waits for your decision because {flag.rstrip('.')}. It "
        "counts until you decide: Accept… keeps it counted, Reject… keeps it out of every count.")
    assert proxy.index(row, STATE).data(Qt.ItemDataRole.ToolTipRole) == note.text()
    assert_unique_alt_keys(window)
    assert _counts(window) == (2, 1, tracking.RETURNED)

    # Escape is No: nothing changes.
    seen: list[str] = []
    when_dialog(QMessageBox, _answer(qtbot, Qt.Key.Key_Escape, seen))
    press_alt(qtbot, window.form.acceptButton, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    assert window.workspace.return_row(window._selected_return().id).flag == flag

    when_dialog(QMessageBox, _answer(qtbot, Qt.Key.Key_Y, seen))
    press_alt(qtbot, window.form.acceptButton, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: len(seen) == 2 and QApplication.activeModalWidget() is None)
    assert "was flagged when it was imported: its baseline (2026/27 audit, version 1)" in seen[1]
    assert "Accepting it means it counts as it is, like any other statement, and the flag is cleared." in seen[1]
    qtbot.waitUntil(lambda: proxy.index(row, STATE).data() == "Current")
    assert proxy.index(row, FLAG).data() == ""
    assert not window.form.acceptButton.isEnabled() and not window.form.rejectButton.isEnabled()
    assert not note.isVisible()
    assert _counts(window) == (2, 0, tracking.RETURNED)


def test_rejecting_a_flagged_statement_keeps_it_out_of_the_counts(qtbot, statement_window):
    window = statement_window
    row = _select(qtbot, window, "RHA 77")
    flag = window._selected_return().flag
    seen: list[str] = []
    when_dialog(QMessageBox, _answer(qtbot, Qt.Key.Key_Y, seen))
    press_alt(qtbot, window.form.rejectButton, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    assert "Rejecting it means it is kept, with the reason it was flagged, but never counts" in seen[0]
    proxy = window.returns_proxy
    qtbot.waitUntil(lambda: proxy.index(row, STATE).data() == FLAG_REJECTED_LABEL)
    assert proxy.index(row, FLAG).data() == flag  # the table still says why
    assert not window.form.acceptButton.isEnabled() and not window.form.rejectButton.isEnabled()
    assert window.form.decisionNote.text().startswith(
        "The statement from Riverside Housing Association was rejected: it is kept but does not count. It was "
        "flagged because its baseline (2026/27 audit, version 1)")
    assert _counts(window) == (1, 0, tracking.REJECTED)
    # The register shows Riverside as rejected.
    statuses = {o.reference: status for o, status, _ in window.register_model.rows}
    assert statuses == {"RYN": tracking.RETURNED, "RHA 77": tracking.REJECTED}
