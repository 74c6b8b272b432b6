"""The business unit's window does only what a change needs: no findings worked out while the Findings tab
is hidden, findings kept per (cycle, basis, sector, type) until something changes, and table rows
updated in place (dataChanged) rather than the tables rebuilt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from benchmarks.make_returns import Organisation, write_one
from s11audit.business_unit import cycle_findings
from s11audit.ui.business_unit.dialogs import OrganisationDialog
from s11audit.ui.business_unit.moderation_dialog import ModerationDialog
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, when_dialog
from tests.ui.business_unit_support import SCHOOLS

pytestmark = OFFSCREEN_SIZE_HINTS


class Counts:
    def __init__(self, model):
        self.resets = self.changed = self.inserted = 0
        model.modelReset.connect(lambda: self._add("resets"))
        model.dataChanged.connect(lambda *_: self._add("changed"))
        model.rowsInserted.connect(lambda *_: self._add("inserted"))

    def _add(self, name: str) -> None:
        setattr(self, name, getattr(self, name) + 1)


@pytest.fixture
def imported(window, tmp_path, s175_set, messages):
    folder = tmp_path / "returns"
    folder.mkdir()
    for school in SCHOOLS[:2]:  # quick signed returns (benchmarks' generator)
        write_one(folder, s175_set, Organisation(school.name, school.reference, "Education", school.org_type, "", ""))
    window.import_paths([folder])
    assert window.returns_model.rowCount() == 2
    return window


@pytest.fixture
def computations(monkeypatch):
    calls = []
    real = cycle_findings.compute_findings
    monkeypatch.setattr(cycle_findings, "compute_findings", lambda *a, **k: calls.append(1) or real(*a, **k))
    return calls


def _moderate(qtbot, window, s175_set) -> None:
    window.form.tabs.setCurrentWidget(window.form.returnsTab)
    window.form.returnsTable.selectRow(0)
    lowest = s175_set.grade_scale.levels[0]

    def moderate(dialog: ModerationDialog) -> None:
        _, _, chooser, _ = dialog.rows[0]
        chooser.setCurrentIndex(chooser.findData(lowest.id))
        dialog.accept()

    seen = when_dialog(ModerationDialog, moderate)
    qtbot.mouseClick(window.form.moderateButton, Qt.MouseButton.LeftButton)
    assert seen


def test_a_moderation_with_the_findings_hidden_computes_nothing_and_resets_no_table(qtbot, imported, s175_set,
                                                                                   computations):
    returns, register = Counts(imported.returns_model), Counts(imported.register_model)
    _moderate(qtbot, imported, s175_set)
    assert imported.workspace.moderations(imported._selected_return().id)  # saved
    assert computations == []
    assert (returns.resets, register.resets) == (0, 0)

    # Shown: worked out once; shown again without a change: kept.
    imported.form.tabs.setCurrentWidget(imported.form.findingsTab)
    assert len(computations) == 1 and imported.standards_model.rowCount() == sum(s.graded for s in s175_set.standards)
    imported.form.tabs.setCurrentWidget(imported.form.returnsTab)
    imported.form.tabs.setCurrentWidget(imported.form.findingsTab)
    assert len(computations) == 1
    # Another basis is another entry; back to the first is kept.
    imported.form.basisChooser.setCurrentIndex(imported.form.basisChooser.findData("moderated"))
    imported.form.basisChooser.setCurrentIndex(imported.form.basisChooser.findData("self"))
    assert len(computations) == 2


def test_a_moderation_with_the_findings_shown_computes_them_once(qtbot, imported, s175_set, computations):
    imported.form.tabs.setCurrentWidget(imported.form.findingsTab)
    assert len(computations) == 1
    _moderate(qtbot, imported, s175_set)  # from the returns tab: findings hidden again
    imported.form.tabs.setCurrentWidget(imported.form.findingsTab)
    assert len(computations) == 2


def test_a_register_edit_changes_its_row_in_place(qtbot, imported):
    register = Counts(imported.register_model)
    imported.form.tabs.setCurrentWidget(imported.form.registerTab)
    imported.form.registerTable.selectRow(0)
    chosen = imported._selected_organisations()[0]

    def rename(dialog: OrganisationDialog) -> None:
        dialog.form.contactName.setText("New head")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = when_dialog(OrganisationDialog, rename)
    imported.edit_organisation()
    assert seen
    assert register.resets == 0 and register.changed == 1
    row = next(r for r in imported.register_model.rows if r[0].id == chosen.id)
    assert row[0].contact_name == "New head"


def test_a_moderation_updates_that_returns_record_only_and_the_findings_match_a_fresh_reading(
        qtbot, imported, s175_set, monkeypatch):
    from s11audit.ui.business_unit import findings_tab

    readings = []
    real = findings_tab.read_for_findings
    monkeypatch.setattr(findings_tab, "read_for_findings", lambda *a, **k: readings.append(1) or real(*a, **k))
    form = imported.form
    form.basisChooser.setCurrentIndex(form.basisChooser.findData("moderated"))
    form.tabs.setCurrentWidget(form.findingsTab)
    assert len(readings) == 1
    _moderate(qtbot, imported, s175_set)
    form.tabs.setCurrentWidget(form.findingsTab)
    assert len(readings) == 1  # the cycle's returns were not read again
    assert sum(1 for record in imported._source.records() if record.moderated) == 1
    fresh = cycle_findings.cycle_findings(imported.workspace, imported.cycle, basis="moderated")
    assert [s.grades for s in imported.standards_model.rows] == [s.grades for s in fresh.standards]
    assert imported.standards_model.rows[0].grades.counts[0][1] >= 1  # the lowest grade given by the moderation


# --- findings worked out on a worker thread (a cycle of more than CALCULATE_APART returns) ----------------


@pytest.fixture
def apart(imported):
    imported.CALCULATE_APART = 0  # every cycle is "large": its findings are worked out on a worker thread
    return imported


def test_findings_of_a_large_cycle_are_worked_out_apart_while_the_window_goes_on(qtbot, apart, s175_set,
                                                                                 computations):
    form = apart.form
    form.tabs.setCurrentWidget(form.findingsTab)
    assert apart.findings_pending and "Working out the findings of 2 returns" in form.findingsSummary.text()
    form.sectorFilter.setCurrentIndex(1)  # asked for while the first runs: worked out after it
    qtbot.waitUntil(lambda: not apart.findings_pending and "Working out" not in form.findingsSummary.text(),
                    timeout=10_000)
    assert len(computations) == 2
    assert apart.standards_model.rowCount() == sum(s.graded for s in s175_set.standards)
    assert form.findingsSummary.text().startswith("2 returns")
    # Back to all sectors: kept from the first calculation, nothing worked out again.
    form.sectorFilter.setCurrentIndex(0)
    assert not apart.findings_pending and len(computations) == 2


def test_a_change_during_a_calculation_drops_its_stale_result(qtbot, apart, s175_set, computations):
    form = apart.form
    form.basisChooser.setCurrentIndex(form.basisChooser.findData("moderated"))
    form.tabs.setCurrentWidget(form.findingsTab)
    assert apart.findings_pending
    _moderate(qtbot, apart, s175_set)  # while it runs: the result it gives is stale
    form.tabs.setCurrentWidget(form.findingsTab)
    qtbot.waitUntil(lambda: not apart.findings_pending and "Working out" not in form.findingsSummary.text(),
                    timeout=10_000)
    fresh = cycle_findings.cycle_findings(apart.workspace, apart.cycle, basis="moderated")
    assert [s.grades for s in apart.standards_model.rows] == [s.grades for s in fresh.standards]


def test_closing_the_window_during_a_calculation_stops_it(qtbot, apart, monkeypatch):
    import threading

    from s11audit.business_unit.cycle_findings import FindingsSource

    started, release = threading.Event(), threading.Event()
    real = FindingsSource.findings

    def slow(self, *args, **kwargs):
        started.set()
        release.wait(5)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(FindingsSource, "findings", slow)
    apart.form.tabs.setCurrentWidget(apart.form.findingsTab)
    assert started.wait(5)
    calculation = apart._calculation
    threading.Timer(0.2, release.set).start()
    apart.close()  # waits for the calculation to return, then lets go of the file
    assert calculation.isFinished() and apart._calculation is None
    from s11audit.business_unit.workspace import Workspace

    with Workspace.open(apart.workspace.path, "Officer") as reopened:  # the file is free again
        assert len(reopened.returns(reopened.cycles()[-1].id)) == 2


def test_a_fault_in_a_calculation_reaches_the_crash_report(qtbot, apart, monkeypatch):
    from s11audit.business_unit.cycle_findings import FindingsSource
    from s11audit.ui.business_unit import findings_tab

    reported = []
    monkeypatch.setattr(FindingsSource, "findings", lambda *a, **k: 1 / 0)
    monkeypatch.setattr(findings_tab, "report_unexpected",
                        lambda exc_info, where: reported.append((exc_info[0], where)))
    apart.form.tabs.setCurrentWidget(apart.form.findingsTab)
    qtbot.waitUntil(lambda: not apart.findings_pending, timeout=10_000)
    assert reported == [(ZeroDivisionError, "working out the findings")]
    assert "could not be worked out" in apart.form.findingsSummary.text()
