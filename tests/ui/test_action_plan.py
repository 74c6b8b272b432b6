"""The action plan and audit trail views, and the action dialog, driven through their widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from s11audit.store import AuditFile
from s11audit.ui.action_plan import ActionPlanView
from s11audit.ui.action_plan_model import RAG_COLOURS, Column
from s11audit.ui.commands import AddAction, SetJudgement
from s11audit.ui.dialogs.action_dialog import ActionDialog
from s11audit.ui.document import AuditDocument
from s11audit.ui.trail_view import TrailView
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, tab_order, when_dialog

pytestmark = OFFSCREEN_SIZE_HINTS
TODAY = dt.date.today()


@pytest.fixture
def document(agency_file, s11_set):
    return AuditDocument(agency_file, agency_file.start_audit(s11_set, "2026/27"))


@pytest.fixture
def view(qtbot, document) -> ActionPlanView:
    widget = ActionPlanView(document)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def add(document, standard_id="3", description="Refresh information-sharing training", *, owner="Priya Shah",
        due=TODAY + dt.timedelta(days=30), status="in_progress", notes=""):
    command = AddAction(document, standard_id, description, owner=owner, due_date=due, status=status,
                        progress_notes=notes)
    assert document.push(command)
    return command.action_id


def shown(view: ActionPlanView, column: Column) -> list[str]:
    model = view.form.actionsTable.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_add_through_the_dialog_then_undo_and_redo(view, document, qtbot):
    def fill(dialog: ActionDialog) -> None:
        form = dialog.form
        assert not dialog.ok_button.isEnabled()  # no description yet
        form.standard.setCurrentIndex(form.standard.findData("5"))
        qtbot.keyClicks(form.description, "Supervision audit of ten case files")
        qtbot.keyClicks(form.owner, "Named Nurse")
        form.dueDate.setDate(QDate(2027, 3, 31))
        form.status.setCurrentIndex(form.status.findData("not_started"))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(ActionDialog, fill)
    qtbot.mouseClick(view.form.addButton, Qt.MouseButton.LeftButton)

    assert shown(view, Column.ACTION) == ["Supervision audit of ten case files"]
    assert shown(view, Column.STANDARD)[0].startswith("5. ")
    assert shown(view, Column.DUE) == ["31 Mar 2027"]
    assert shown(view, Column.OWNER) == ["Named Nurse"]
    assert view.selected_action().description == "Supervision audit of ten case files"
    assert document.assessment.trail()[0].what == "Action added to standard 5"
    document.undo_stack.undo()
    assert shown(view, Column.ACTION) == [] and view.form.summary.text() == "No actions yet."
    document.undo_stack.redo()
    assert shown(view, Column.ACTION) == ["Supervision audit of ten case files"]


def test_enter_edits_the_selected_action(view, document, qtbot):
    add(document)
    table = view.form.actionsTable
    table.setFocus()
    table.selectRow(0)

    def complete(dialog: ActionDialog) -> None:
        assert dialog.form.description.toPlainText() == "Refresh information-sharing training"
        dialog.form.status.setCurrentIndex(dialog.form.status.findData("complete"))
        dialog.form.progressNotes.setPlainText("Delivered to 48 of 50 staff in January.")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    seen = when_dialog(ActionDialog, complete)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert seen
    assert shown(view, Column.STATUS) == ["Complete – Green"]
    assert shown(view, Column.NOTES) == ["Delivered to 48 of 50 staff in January."]
    action = document.assessment.actions.all_actions()[0]
    assert action.status == "complete" and action.owner == "Priya Shah"  # unchanged fields kept
    assert document.assessment.trail()[0].what.startswith(f"Action {action.id}: ")
    document.undo_stack.undo()
    assert document.assessment.actions.all_actions()[0].status == "in_progress"


def test_remove_asks_first_and_can_be_undone(view, document, messages):
    add(document, description="Keep me")
    view.select_action(document.assessment.actions.all_actions()[0].id)
    messages.answer = messages.answer.No
    view.form.removeButton.click()
    assert shown(view, Column.ACTION) == ["Keep me"]
    assert "Keep me" in messages.texts("question")[0] and "Undo" in messages.texts("question")[0]
    messages.answer = messages.answer.Yes
    view.form.removeButton.click()
    assert shown(view, Column.ACTION) == []
    assert not view.form.editButton.isEnabled() and not view.form.removeButton.isEnabled()
    document.undo_stack.undo()
    assert shown(view, Column.ACTION) == ["Keep me"]


def test_sort_by_clicking_headers_dates_as_dates(view, document, qtbot):
    add(document, description="Later", due=dt.date(2027, 10, 2))
    add(document, description="No date", due=None)
    add(document, description="Sooner", due=dt.date(2027, 9, 30))
    header = view.form.actionsTable.horizontalHeader()
    centre = QPoint(header.sectionViewportPosition(Column.DUE) + header.sectionSize(Column.DUE) // 2,
                    header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert shown(view, Column.ACTION) == ["Sooner", "Later", "No date"]  # "2 Oct" after "30 Sep"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert shown(view, Column.ACTION) == ["No date", "Later", "Sooner"]


def test_status_cells_show_rag_in_colour_and_words(view, document):
    add(document, description="Overdue", due=TODAY - dt.timedelta(days=1), status="in_progress")
    add(document, description="Going", due=TODAY + dt.timedelta(days=5), status="in_progress")
    add(document, description="Done", status="complete", due=TODAY - dt.timedelta(days=9))
    add(document, description="Waiting", status="not_started")
    add(document, description="Soon", status="not_started", due=TODAY + dt.timedelta(days=10))
    model = view.form.actionsTable.model()
    by_action = {model.index(r, Column.ACTION).data(): model.index(r, Column.STATUS) for r in range(model.rowCount())}
    expected = {"Overdue": ("In progress – Red (overdue)", "red"), "Going": ("In progress – Green", "green"),
                "Done": ("Complete – Green", "green"), "Waiting": ("Not started – Not yet due", "not_due"),
                "Soon": ("Not started – Amber", "amber")}
    for action, (text, rag) in expected.items():
        cell = by_action[action]
        assert cell.data() == text
        assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == RAG_COLOURS[rag][0]
        assert cell.data(Qt.ItemDataRole.ForegroundRole).color() == RAG_COLOURS[rag][1]
    assert _contrast(*RAG_COLOURS["amber"]) >= 4.5 and _contrast(*RAG_COLOURS["red"]) >= 4.5
    assert view.form.summary.text() == "5 actions, 1 complete, 1 overdue"
    header_tip = model.headerData(Column.STATUS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "Amber: not started and due within 28 days" in header_tip and "Not yet due" in header_tip


def test_filters_by_standard_status_and_words(view, document, qtbot):
    add(document, "3", "Share the information-sharing flowchart", owner="DSL")
    add(document, "5", "Supervision for all caseholders", owner="Head of Nursing", status="not_started")
    add(document, "5", "Audit supervision records", owner="DSL", due=TODAY - dt.timedelta(days=3))
    form = view.form
    form.standardFilter.setCurrentIndex(form.standardFilter.findData("5"))
    assert sorted(shown(view, Column.ACTION)) == ["Audit supervision records", "Supervision for all caseholders"]
    assert view.form.summary.text().endswith("(2 shown)")
    form.statusFilter.setCurrentIndex(form.statusFilter.findData("overdue"))
    assert shown(view, Column.ACTION) == ["Audit supervision records"]
    form.standardFilter.setCurrentIndex(0)
    form.statusFilter.setCurrentIndex(0)
    qtbot.keyClicks(form.searchBox, "dsl flowchart")
    assert shown(view, Column.ACTION) == ["Share the information-sharing flowchart"]
    form.searchBox.clear()
    assert len(shown(view, Column.ACTION)) == 3


def test_standards_needing_an_action_are_listed_with_a_way_to_add_one(view, document, qtbot):
    assert not view.form.needsActionNotice.isVisibleTo(view)
    document.push(SetJudgement(document, "3", "amber"))
    document.push(SetJudgement(document, "5", "green"))
    assert view.form.needsActionNotice.isVisibleTo(view)
    assert len(view._notice_buttons) == 1
    button = view._notice_buttons[0]
    assert button.text() == "Add action for standard 3…"
    def notice() -> list[str]:
        return [label.text() for label in view.form.needsActionNotice.findChildren(QLabel) if label.isVisible()]
    qtbot.waitUntil(lambda: "Standard 3: graded Amber, which needs an action; none added yet" in notice())
    assert button.isVisible()

    def fill(dialog: ActionDialog) -> None:
        assert dialog.form.standard.currentData() == "3"
        qtbot.keyClicks(dialog.form.description, "Relaunch the information-sharing protocol")
        dialog.form.noDueDate.setChecked(True)
        assert not dialog.form.dueDate.isEnabled()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(ActionDialog, fill)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not view.form.needsActionNotice.isVisibleTo(view)
    assert document.assessment.actions.all_actions()[0].due_date is None
    assert shown(view, Column.DUE) == ["No due date"]


def test_read_only_audit_cannot_be_changed_from_the_plan(qtbot, tmp_path, agency_file, s11_set):
    assessment = agency_file.start_audit(s11_set, "2026/27")
    assessment.actions.add("3", "An action", status="in_progress")
    agency_file.close()
    with AuditFile.open(agency_file.path, "Reader", read_only=True) as audit_file:
        document = AuditDocument(audit_file, audit_file.latest_assessment())
        view = ActionPlanView(document)
        qtbot.addWidget(view)
        view.select_action(document.assessment.actions.all_actions()[0].id)
        assert not view.form.addButton.isEnabled()
        assert not view.form.editButton.isEnabled() and not view.form.removeButton.isEnabled()
        assert shown(view, Column.ACTION) == ["An action"]
        view.close()


def test_action_dialog_returns_the_fields_or_none(qtbot, document):
    def fill(dialog: ActionDialog) -> None:
        dialog.form.description.setPlainText("  Train governors  ")
        dialog.form.dueDate.setDate(QDate(2027, 1, 15))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog(ActionDialog, fill)
    values = ActionDialog.ask(None, document.assessment, "2")
    assert values == {"standard_id": "2", "criterion_id": "", "description": "Train governors", "owner": "",
                      "due_date": dt.date(2027, 1, 15), "status": "not_started", "progress_notes": ""}
    when_dialog(ActionDialog, lambda dialog: dialog.reject())
    assert ActionDialog.ask(None, document.assessment) is None


def test_keyboard_order_follows_the_screen(qtbot, view, document):
    document.push(SetJudgement(document, "3", "red"))
    add(document, "5", "An action")
    view.select_action(document.assessment.actions.all_actions()[0].id)
    button = view._notice_buttons[0]
    button.setObjectName("addForStandard3")
    assert tab_order(view, button) == ["addForStandard3", "standardFilter", "statusFilter", "searchBox", "actionsTable",
                                       "addButton", "editButton", "removeButton"]
    dialog = ActionDialog(None, document.assessment, "3")
    qtbot.addWidget(dialog)
    order = tab_order(dialog, dialog.form.standard)
    assert order[:7] == ["standard", "description", "owner", "dueDate", "noDueDate", "status", "progressNotes"]


def test_trail_lists_changes_newest_first_and_follows_edits(qtbot, document):
    trail = TrailView(document)
    qtbot.addWidget(trail)
    document.push(SetJudgement(document, "3", "amber"))
    add(document, description="Refresh training")
    model = trail.table.model()
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    assert rows[0][1:] == ["Test User", "Action added to standard 3", "", "Refresh training"]
    assert rows[1][2].endswith("grade") and rows[1][4] == "Amber"
    assert rows[-1][2] == "Audit started"
    assert trail.summary.text() == f"{len(rows)} changes"
    trail.search.setText("amber")
    assert model.rowCount() == 1 and trail.summary.text() == f"1 of {len(rows)} changes shown"


def _contrast(fill: QColor, text: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    light, dark = sorted((luminance(fill), luminance(text)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
