"""The annual report summary in the Findings tab (response rates with last cycle's, headline sentences),
the Headline measures dialog (tick, order, wording), the Business unit details dialog, and the New
cycle dialog copying the previous cycle's register (issue 13)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from s11audit.business_unit import headlines
from s11audit.business_unit.workspace import Workspace
from s11audit.ui.business_unit.dialogs import BusinessUnitDetailsDialog, NewCycleDialog
from s11audit.ui.business_unit.headlines_dialog import HeadlinesDialog
from s11audit.ui.business_unit.window import BusinessUnitWindow
from tests.core.test_annual_summary import SECURE, _register, _returned, _returns
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS
SHOT = Path(os.environ.get("S11AUDIT_SHOTS", "")) / "findings-summary.png" if os.environ.get("S11AUDIT_SHOTS") else None


@pytest.fixture
def window(qtbot, tmp_path, s175_set, messages):
    """2025/26: 20 registered (10 primary, 8 secondary, 2 special), 12 returned (8, 3, 1); 2026/27: 20
    registered, 17 returned (9, 6, 2): 85% (60% last cycle)."""
    workspace = Workspace.create(tmp_path / "unit.s11workspace", user="Business unit officer")
    before = workspace.add_cycle("2025/26", s175_set, dt.date(2026, 3, 31))
    now = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31), previous="2025/26")
    sizes = {"primary": 10, "secondary": 8, "special": 2}
    old = _returned(_register(workspace, before.id, sizes), {"primary": 8, "secondary": 3, "special": 1})
    new = _returned(_register(workspace, now.id, sizes), {"primary": 9, "secondary": 6, "special": 2})
    # Deputy DSL: 9 of 12 = 75%, then 15 of 17 = 88.2%; standard 10 met by 6 of 12 (50%), then 12 of 17 (70.6%);
    # standard 1 met by all 17 this cycle (not graded last cycle).
    _returns(workspace, before.id, [(oid, kind, {"answers": {"2.3": "yes" if n < 9 else "no", "9.6": SECURE},
                                                 "grades": {"10": "fully_met" if n < 6 else "partly_met"}})
                                    for n, (oid, kind) in enumerate(old)])
    _returns(workspace, now.id, [(oid, kind, {"answers": {"2.3": "yes" if n < 15 else "no", "9.6": SECURE},
                                              "grades": {"1": "fully_met", "10": "fully_met" if n < 12 else "not_met"},
                                              "actions": [["10", "not_started", None, ""]] * (n >= 12)})
                                 for n, (oid, kind) in enumerate(new)])
    window = BusinessUnitWindow(workspace, [s175_set])
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.form.tabs.setCurrentWidget(window.form.findingsTab)
    yield window
    window.close()
    workspace.close()


def _summary(window) -> str:
    return " ".join(window.form.annualSummary.toPlainText().split())


def test_the_findings_tab_shows_response_rates_with_last_cycles_and_the_headline_sentences(window, tmp_path):
    text = _summary(window)
    assert "Annual report summary: 2026/27" in text
    assert "Response rate: 85% (17 of 20; 60% in 2025/26)" in text
    assert "Primary school: 90% (9 of 10; 80% in 2025/26)" in text
    assert "Secondary school: 75% (6 of 8; 38% in 2025/26)" in text  # 3 of 8 = 37.5%: 38% half up
    assert "88% of returning settings answered yes to: Deputy DSL appointed (75% in 2025/26)." in text
    assert ("71% of returning settings meet standard 10. Early help, attendance and working with the partnership "
            "(50% in 2025/26).") in text
    window.resize(1280, 820)
    shot = SHOT or tmp_path / "findings-summary.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(shot))
    window.form.sectorFilter.setCurrentIndex(1)  # one sector: the summary is of the whole cycle only
    assert "choose All sectors and All types" in _summary(window)


def test_headline_measures_are_ticked_ordered_worded_and_saved(qtbot, window):
    seen = {}

    def choose(dialog: HeadlinesDialog) -> None:
        model = dialog.model
        seen["first"] = [model.rows[n].choice.measure.key for n in range(5)]
        assert [r.ticked for r in model.rows[:6]] == [True, True, True, True, True, False]
        # Untick 2.5 (the DSL training date), tick standard 1 (it goes to the end of the ticked ones) and
        # move it to the top with Move up, then give it the board's own words.
        model.set_ticked(1, False)
        at = next(n for n, r in enumerate(model.rows) if r.choice.measure.key == "1")
        assert model.set_ticked(at, True) == 4
        assert dialog.form.measureList.currentIndex().row() == 4
        for _ in range(4):
            qtbot.mouseClick(dialog.form.upButton, Qt.MouseButton.LeftButton)
        assert not dialog.form.upButton.isEnabled()
        qtbot.keyClicks(dialog.form.wording, "have strong leadership and governance")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(HeadlinesDialog, choose)
    qtbot.mouseClick(window.form.headlinesButton, Qt.MouseButton.LeftButton)
    assert seen["first"] == ["2.3", "2.5", "4.5", f"9.6={SECURE}", "10"]
    measures = headlines.chosen(window.workspace, window.cycle.id)
    assert [m.key for m in measures] == ["1", "2.3", "4.5", f"9.6={SECURE}", "10"]
    assert measures[0].wording == "have strong leadership and governance"
    assert "100% of returning settings have strong leadership and governance." in _summary(window)


def test_the_business_unit_details_are_saved_for_letters(qtbot, window):
    def fill(dialog: BusinessUnitDetailsDialog) -> None:
        qtbot.keyClicks(dialog.form.unitName, "Stoke-on-Trent Safeguarding Children Partnership business unit")
        dialog.form.signature.setPlainText("A. Manager\nBusiness unit manager\n\nbu@example.org")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(BusinessUnitDetailsDialog, fill)
    window.edit_details()
    assert headlines.settings(window.workspace) == headlines.WorkspaceSettings(
        "Stoke-on-Trent Safeguarding Children Partnership business unit",
        ("A. Manager", "Business unit manager", "bu@example.org"))


def test_a_new_cycle_copies_the_previous_register_and_says_so(qtbot, window):
    seen = {}

    def create(dialog: NewCycleDialog) -> None:
        qtbot.keyClicks(dialog.form.cycleName, "2027/28")
        seen["copy"] = dialog.form.copyRegister.text().replace("&", "")
        seen["checked"] = dialog.form.copyRegister.isChecked()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(NewCycleDialog, create)
    window.new_cycle()
    assert seen == {"copy": "Copy the register of 2026/27 into the new cycle (correct it there)", "checked": True}
    workspace = window.workspace
    assert len(workspace.organisations(workspace.cycle("2027/28").id)) == 20
    assert window.cycle.name == "2027/28"


def test_a_feedback_letter_is_from_the_business_unit_named_in_its_details(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from s11audit.reports import feedback_letter

    given = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "letter.pdf"), ""))
    monkeypatch.setattr(feedback_letter, "write_feedback_letter", lambda *a, **kw: given.update(kw))
    headlines.set_settings(window.workspace, "Stoke-on-Trent business unit", ["A. Manager", "Business unit manager"])
    window.write_feedback_letter(window.workspace.returns(window.cycle.id)[0])
    assert given == {"business_unit": "Stoke-on-Trent business unit", "signature": "A. Manager\nBusiness unit manager"}
