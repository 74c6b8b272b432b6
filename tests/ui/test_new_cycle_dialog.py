"""The business unit's New cycle dialog offers first the set that fits the register (schools: the
S175 set; agencies: the S11 self-assessment, never the peer audit set) and shows each set's version
and where it comes from (issue 11)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from s11audit.business_unit.cycle_sets import set_sources
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.paths import user_standards_dir
from s11audit.standards import discover
from s11audit.ui.business_unit.dialogs import NewCycleDialog
from s11audit.ui.business_unit.window import BusinessUnitWindow
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS


@pytest.fixture
def report(shipped_sets):
    folder = user_standards_dir()
    folder.mkdir(parents=True, exist_ok=True)
    shipped = (discover().origin(shipped_sets["s11-wt2023"])).read_text(encoding="utf-8")
    (folder / "s11-2027.yaml").write_text(shipped.replace('version: "2026.2"', 'version: "2027.1"', 1)
                                          .replace("effective_date: 2026-09-01", "effective_date: 2027-09-01", 1),
                                          encoding="utf-8")
    return discover()


def _window(qtbot, tmp_path, report, sets, org_types: list[str]):
    workspace = Workspace.create(tmp_path / "unit.s11workspace", "Business unit officer")
    cycle = workspace.add_cycle("2025/26", sets, dt.date.today() + dt.timedelta(days=30))
    workspace.add_organisations(cycle.id, [OrganisationEntry(f"Organisation {n}", f"REF{n}", "", org_type, "", "")
                                           for n, org_type in enumerate(org_types)])
    window = BusinessUnitWindow(workspace, report.sets, sources=set_sources(report))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, workspace


def _texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_schools_get_the_s175_set_and_each_set_says_where_it_comes_from(qtbot, tmp_path, report, shipped_sets):
    window, workspace = _window(qtbot, tmp_path, report, shipped_sets["s175-kcsie2025"], ["primary", "secondary"])
    seen = {}

    def create(dialog: NewCycleDialog) -> None:
        combo = dialog.form.standardsSet
        seen["texts"], seen["first"] = _texts(combo), combo.currentText()
        seen["source"] = dialog.form.setSource.text()
        qtbot.keyClicks(dialog.form.cycleName, "Schools 2026/27")
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(NewCycleDialog, create)
    window.new_cycle()
    s175 = shipped_sets["s175-kcsie2025"]
    assert seen["first"] == f"{s175.title}, version {s175.version} (shipped)"
    assert seen["source"] == "Shipped with s11audit"
    assert ("Section 11 self-assessment (Working Together 2023), version 2027.1 (your folder: s11-2027.yaml)"
            in seen["texts"])
    assert "Section 11 self-assessment (Working Together 2023), version 2026.2 (shipped)" in seen["texts"]
    assert workspace.standards_set(workspace.cycle("Schools 2026/27").id).id == "s175-kcsie2025"
    workspace.close()


def test_agencies_get_the_self_assessment_never_the_peer_audit_set(qtbot, tmp_path, report, shipped_sets):
    window, workspace = _window(qtbot, tmp_path, report, shipped_sets["s11-wt2023"], ["police", "health"])
    assert report.sets[0].id == "s11-peer-audit"  # first in the list, as before
    seen = {}

    def look(dialog: NewCycleDialog) -> None:
        combo = dialog.form.standardsSet
        seen["first"] = combo.currentText()
        # Every set's title starts "Section": the box shows 40 characters at least (it showed 7).
        seen["width"] = combo.width() / combo.fontMetrics().averageCharWidth()
        combo.setFocus()
        # The newest version of the previous cycle's set is offered; the keyboard picks another.
        index = next(i for i, text in enumerate(_texts(combo)) if "version 2026.2 (shipped)" in text
                     and "Working Together" in text)
        while combo.currentIndex() != index:
            qtbot.keyClick(combo, Qt.Key.Key_Up if combo.currentIndex() > index else Qt.Key.Key_Down)
        seen["after"] = dialog.form.setSource.text()
        combo.setCurrentIndex(next(i for i, t in enumerate(_texts(combo)) if "2027.1" in t))
        seen["user"] = dialog.form.setSource.text()
        seen["tooltip"] = combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        dialog.reject()

    when_dialog(NewCycleDialog, look)
    window.new_cycle()
    assert seen["first"] == ("Section 11 self-assessment (Working Together 2023), version 2027.1 "
                             "(your folder: s11-2027.yaml)")
    assert seen["after"] == "Shipped with s11audit"
    assert seen["width"] >= 40
    user_file = user_standards_dir() / "s11-2027.yaml"
    assert seen["user"] == f"From your standards folder: {user_file}"
    assert seen["tooltip"] == f"your folder: {user_file}"
    workspace.close()


def _first_offered(qtbot, window) -> str:
    seen = {}

    def look(dialog: NewCycleDialog) -> None:
        seen["first"] = dialog.form.standardsSet.currentText()
        dialog.reject()

    when_dialog(NewCycleDialog, look)
    window.new_cycle()
    return seen["first"]


def test_the_set_last_used_in_the_workspace_is_offered_whichever_cycle_is_shown(qtbot, tmp_path, report,
                                                                               shipped_sets):
    window, workspace = _window(qtbot, tmp_path, report, shipped_sets["s175-kcsie2025"], ["primary"])
    agencies = workspace.add_cycle("Agencies 2026/27", shipped_sets["s11-wt2023"], dt.date.today())
    workspace.add_organisations(agencies.id, [OrganisationEntry("Police", "P1", "", "police", "", "")])
    window._fill_cycles()
    chooser = window.form.cycleChooser
    chooser.setCurrentIndex(chooser.findData(workspace.cycle("2025/26").id))  # the schools cycle on show
    assert _first_offered(qtbot, window).startswith(
        "Section 11 self-assessment (Working Together 2023), version 2027.1")
    workspace.close()


def test_a_workspace_without_cycles_is_offered_the_first_set_not_taken_from_another(qtbot, tmp_path, report):
    from s11audit.ui.business_unit.window import BusinessUnitWindow

    workspace = Workspace.create(tmp_path / "empty.s11workspace", "Business unit officer")
    window = BusinessUnitWindow(workspace, report.sets, sources=set_sources(report))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    window.show()
    assert report.sets[0].id == "s11-peer-audit"  # first in the list, based on the S11 set
    first = next(s for s in report.sets if "derived_from" not in s.content)
    assert _first_offered(qtbot, window).startswith(f"{first.title}, version {first.version}")
    workspace.close()
