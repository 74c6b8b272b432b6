"""The moderation dialog per criterion, driven from the business unit's window by keyboard: the
parts and rows it shows, a criterion moderated and saved, a derived standard following it, findings."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.ui.business_unit.moderation_dialog import ModerationDialog
from s11audit.ui.business_unit.window import BusinessUnitWindow
from tests.core.criteria_audit import EXAMPLE, signed_return
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS


@pytest.fixture(scope="module")
def example(shipped_sets):
    return shipped_sets[EXAMPLE]


@pytest.fixture(scope="module")
def riverside(tmp_path_factory, example):
    """A signed return: criterion 1.1 scored 3, 1.2 scored 0, the rest 2, 2.4 not applicable."""
    return signed_return(tmp_path_factory.mktemp("returns"), example, "Riverside NHS Trust", "RH1",
                         grades={"1.1": "3", "1.2": "0"})


@pytest.fixture
def window(qtbot, tmp_path, example, riverside):
    workspace = Workspace.create(tmp_path / "unit.s11workspace", user="Officer")
    cycle = workspace.add_cycle("2026/27", example, dt.date.today() + dt.timedelta(days=30))
    workspace.add_organisation(cycle.id, OrganisationEntry("Riverside NHS Trust", "RH1", "Health", "health"))
    import_returns(workspace, cycle, [riverside])
    shown = BusinessUnitWindow(workspace, [example])
    shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.form.returnsTable.selectRow(0)
    yield shown
    workspace.close()


def _open(qtbot, window, act) -> list:
    def focused_then(dialog: ModerationDialog) -> None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                        and QApplication.focusWidget().window() is dialog)
        act(dialog)

    seen = when_dialog(ModerationDialog, focused_then)
    qtbot.mouseClick(window.form.moderateButton, Qt.MouseButton.LeftButton)
    assert seen
    return seen


def _texts(dialog: ModerationDialog) -> list[str]:
    return [label.text() for label in dialog.form.rowsWidget.findChildren(QLabel)]


def test_moderate_a_criterion_by_keyboard_and_see_it_in_the_findings(qtbot, window, example, messages):
    workspace = window.workspace
    return_id = window._selected_return().id

    def look_then_escape(dialog: ModerationDialog) -> None:
        texts = _texts(dialog)
        assert texts.index("Part A: About your organisation") < texts.index("Part B: Leadership, accountability "
                                                                             "and a safe workforce")
        assert "A. About your organisation (information, not moderated)" in texts
        assert not any(r[0] == "A" for r in dialog.rows)  # an information standard has no grade to moderate
        assert [r[0] for r in dialog.rows] == ["3"]  # the only standard graded by choice
        assert [r.target_id for r in dialog.criterion_rows][:3] == ["1.1", "1.2", "1.3"]
        assert "2.4" not in {r.target_id for r in dialog.criterion_rows}  # not applicable: shown, not moderated
        assert any(t.startswith("Not applicable: We do not employ") for t in texts)
        assert "3 - Evidence of good practice / embedded" in texts  # 1.1's self-grade on its own scale
        assert dialog.derived_grades()["1"] == "Mostly met, from the moderated criteria"
        assert QApplication.focusWidget().objectName() == "moderated 1.1"
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    [dialog] = _open(qtbot, window, look_then_escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert workspace.criterion_moderations(return_id) == {} and workspace.moderation_trail(return_id) == []

    def moderate(dialog: ModerationDialog) -> None:
        chooser = QApplication.focusWidget()
        assert chooser.objectName() == "moderated 1.1"
        for _ in range(3):  # Agree, 0, 1, 2: down to "2 - Clear evidence / in place"
            qtbot.keyClick(chooser, Qt.Key.Key_Down)
        assert chooser.currentData() == "2"
        # 2, 0, 2, 2: a mean of 50 %, halfway between partly (33 %) and mostly met (67 %): the lower.
        assert dialog.derived_grades()["1"] == "Partly met, from the moderated criteria"
        qtbot.keyClick(chooser, Qt.Key.Key_Tab)
        assert QApplication.focusWidget().objectName() == "why 1.1"
        qtbot.keyClicks(QApplication.focusWidget(), "Policy in place, not yet embedded")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget().objectName() == "moderated 1.2"
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    [dialog] = _open(qtbot, window, moderate)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert QApplication.activeModalWidget() is None
    saved = workspace.criterion_moderations(return_id)
    assert {cid: (m.grade, m.comment) for cid, m in saved.items()} == {
        "1.1": ("2", "Policy in place, not yet embedded")}
    trail = workspace.moderation_trail(return_id)
    assert [(t.target_id, t.old_grade, t.new_grade) for t in trail] == [("1.1", "", "2")]
    assert workspace.moderations(return_id) == {}

    _moderated_findings_follow_the_criterion(window)

    def reopen(dialog: ModerationDialog) -> None:  # shown again as saved; Save with no change writes nothing
        assert dialog.criterion_choices()["1.1"] == ("2", "Policy in place, not yet embedded")
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)

    [dialog] = _open(qtbot, window, reopen)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(workspace.moderation_trail(return_id)) == 1
    assert messages.texts("warning") == []


def _moderated_findings_follow_the_criterion(window) -> None:
    """The findings on moderated grades count criterion 1.1 as moderated to 2, and standard 1 as partly met."""
    window.form.tabs.setCurrentWidget(window.form.findingsTab)
    window.form.basisChooser.setCurrentIndex(window.form.basisChooser.findData("moderated"))
    one = next(row for row in window.standards_model.rows if row.standard_id == "1")
    c11 = one.criteria[0]
    assert dict(c11.grades.counts)["2"] == 1 and dict(c11.grades.counts)["3"] == 0
    assert (c11.agreement.moderated, c11.agreement.agreed) == (1, 0)
    assert dict(one.grades.counts)["partly_met"] == 1  # the derived grade follows the moderated criterion
