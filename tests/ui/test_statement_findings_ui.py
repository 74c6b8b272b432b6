"""The business unit's Statement findings tab (issue 16), driven by keys: a statement cycle shows it in place
of Findings; the figures of ``tests/core/test_statement_import.py`` (its docstring says them, worked out by
hand) on the screen, each organisation's action history chosen by keyboard, the chase list copied, the three
documents written through the buttons, and the tab following a decision on a flagged statement."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QWidget

from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.workspace import Workspace
from s11audit.ui.business_unit.window import BusinessUnitWindow
from tests.core.test_statement_import import NORTHFIELD, RIVERSIDE, _made, _register
from tests.core.test_statement_three_years import years  # noqa: F401 - the three years' returns (a fixture)
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS, tab_order
from tests.ui.test_alt_keys import clashes, window_keys

pytestmark = OFFSCREEN_SIZE_HINTS


@pytest.fixture(scope="module")
def statement_returns(tmp_path_factory, shipped_sets):
    folder = tmp_path_factory.mktemp("statement_findings")
    wt = shipped_sets["s11-wt2023"]
    return {"RYN": _made(folder, NORTHFIELD, wt, True), "RHA 77": _made(folder, RIVERSIDE, wt, False)}


@pytest.fixture
def unit(tmp_path, shipped_sets, statement_returns):
    """A workspace with the 2026/27 full cycle (Northfield's baseline return held) and the 2027/28 statement
    cycle holding both statements (Riverside's flagged: its baseline is not held)."""
    wt = shipped_sets["s11-wt2023"]
    path = tmp_path / "unit.s11workspace"
    with Workspace.create(path, "Officer") as created:
        full = created.add_cycle("2026/27", wt, dt.date(2027, 3, 31))
        _register(created, full.id)
        statement = created.add_cycle("2027/28", wt, dt.date(2028, 3, 31), kind="statement", baseline="2026/27")
        _register(created, statement.id)
        import_returns(created, full, [statement_returns["RYN"][0]])
        import_returns(created, statement, [statement_returns["RYN"][1], statement_returns["RHA 77"][1]])
        plan = created.return_content(created.returns(full.id)[0].id)["action_plan"]
    workspace = Workspace.open(path, "Officer")
    yield workspace, [dt.date.fromisoformat(plan[i]["due_date"]) for i in (0, 1, 4)]
    workspace.close()


@pytest.fixture
def shown(qtbot, unit, shipped_sets):
    """(window, due dates of the baseline's open actions, as_of): the window on the statement cycle,
    judging actions 30 days after action 2's due date as the core test does."""
    workspace, due = unit
    window = BusinessUnitWindow(workspace, [shipped_sets["s11-wt2023"]])
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    window.statement_as_of = as_of = due[1] + dt.timedelta(days=30)
    window.show()
    qtbot.waitExposed(window)
    _choose_cycle(window, "2027/28")
    return window, due, as_of


def _choose_cycle(window: BusinessUnitWindow, name: str) -> None:
    chooser = window.form.cycleChooser
    chooser.setCurrentIndex(next(i for i in range(chooser.count()) if chooser.itemText(i).startswith(name)))


def _alt(qtbot, key: Qt.Key) -> None:
    top = QApplication.activeWindow()
    widget = QApplication.focusWidget() or top
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


def _activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _cells(table, columns: tuple[int, ...] | None = None) -> list[list[str]]:
    model = table.model()
    wanted = columns if columns is not None else tuple(range(model.columnCount()))
    return [[str(model.index(row, column, QModelIndex()).data()) for column in wanted]
            for row in range(model.rowCount())]


def _tab_shown(window: BusinessUnitWindow, page: QWidget) -> bool:
    tabs = window.form.tabs
    return tabs.isTabVisible(tabs.indexOf(page))


def test_a_statement_cycle_has_statement_findings_and_a_full_cycle_findings(qtbot, shown):
    window, _, _ = shown
    form, statement = window.form, window.statement_form
    assert _tab_shown(window, statement) and not _tab_shown(window, form.findingsTab)
    form.tabs.setCurrentWidget(statement)
    _choose_cycle(window, "2026/27")  # on show, the tab stands in for the other as the cycle changes
    assert form.tabs.currentWidget() is form.findingsTab and not _tab_shown(window, statement)
    _activate(qtbot, window)
    form.registerTable.setFocus()
    _alt(qtbot, Qt.Key.Key_D)  # Alt+D: the findings of the cycle on show, whichever kind it is
    assert form.tabs.currentWidget() is form.findingsTab
    _choose_cycle(window, "2027/28")
    assert form.tabs.currentWidget() is statement and not _tab_shown(window, form.findingsTab)
    form.tabs.setCurrentWidget(form.registerTab)
    form.registerTable.setFocus()
    _alt(qtbot, Qt.Key.Key_D)
    assert form.tabs.currentWidget() is statement
    assert clashes(window_keys(window)) == []
    outputs = ["statementPdfButton", "statementXlsxButton", "statementDocxButton"]
    for part, controls in ((statement.standardsPage, ["confirmationTable", "declinesTable"]),
                           (statement.progressPage, ["progressTable"]),
                           (statement.historyPage, ["organisationChooser", "historyTable", "newActionsTable"]),
                           (statement.chasePage, ["chaseTable", "copyEmailsButton", "copyListButton"])):
        statement.statementTabs.setCurrentWidget(part)
        assert clashes(window_keys(window)) == [], part.objectName()
        assert tab_order(window, form.cycleChooser) == ["cycleChooser", "newCycleButton", "tabs", "statementTabs",
                                                        *controls, *outputs]


def test_the_figures_worked_out_by_hand(qtbot, shown):
    window, _, as_of = shown
    statement = window.statement_form
    _activate(qtbot, window)
    window.form.registerTable.setFocus()
    _alt(qtbot, Qt.Key.Key_D)
    assert window.form.tabs.currentWidget() is statement
    assert statement.statementSummary.text() == (
        "2 statements received, 1 flagged, waiting for a decision on the Returns tab. Based on the full audit of "
        f"2026/27. Actions judged as of {as_of.day} {as_of:%B %Y}.")

    _alt(qtbot, Qt.Key.Key_S)
    assert statement.statementTabs.currentWidget() is statement.standardsPage
    confirming = {row[0].split(".")[0]: row[1:] for row in _cells(statement.confirmationTable, (0, 1, 2, 3, 4, 5))}
    assert confirming["3"] == ["2", "100% (2 of 2)", "1", "1", "0"]
    assert confirming["6"] == ["2", "0% (0 of 2)", "0", "0", "2"]
    assert len(confirming) == 9
    declines = _cells(statement.declinesTable, (0, 1, 2))
    assert [row[0] for row in declines] == [NORTHFIELD.name, RIVERSIDE.name]
    assert all(row[1].startswith("6. ") for row in declines)
    assert declines[0][2].endswith("→ Red") and not declines[0][2].startswith("baseline not held")
    assert declines[1][2] == "baseline not held → Red"

    _alt(qtbot, Qt.Key.Key_G)
    assert statement.statementTabs.currentWidget() is statement.progressPage
    progress = _cells(statement.progressTable)
    assert progress[0] == ["All standards", "6", "1 (17%)", "1 (17%)", "1 (17%)", "2 (33%)", "1 (17%)"]
    assert [row[1:] for row in progress[1:]] == [["4", "1 (25%)", "1 (25%)", "1 (25%)", "1 (25%)", "0"],
                                                 ["2", "0", "0", "0", "1 (50%)", "1 (50%)"]]
    assert [row[0].split(".")[0] for row in progress[1:]] == ["3", "8"]
    assert statement.progressSummary.text().startswith(
        "6 actions reported on in these statements: 1 completed, 1 completed late, 1 in progress on time, 2 overdue, "
        "1 dropped. Judged as of ")



def test_each_organisations_action_history_chosen_by_keyboard_and_the_chase_list_copied(qtbot, shown):
    window, due, _ = shown
    statement = window.statement_form
    _activate(qtbot, window)
    window.form.registerTable.setFocus()
    _alt(qtbot, Qt.Key.Key_D)
    _alt(qtbot, Qt.Key.Key_B)
    assert statement.statementTabs.currentWidget() is statement.historyPage
    _alt(qtbot, Qt.Key.Key_A)
    chooser = statement.organisationChooser
    assert QApplication.focusWidget() is chooser and chooser.currentText().startswith(NORTHFIELD.name)
    model = statement.historyTable.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["No.", "Standard", "Action", "Baseline", "2027/28 (this statement)", "New due date",
                       "Reason dropped", "Evidence"]
    northfield = _cells(statement.historyTable, (0, 1, 4, 5, 6, 7))
    assert northfield == [
        ["1", "3", f"completed, {_day(due[0] - dt.timedelta(days=5))}", "", "", "Relaunch briefing.txt"],
        ["2", "3", f"in progress, on time (due, new date {_day(due[1] + dt.timedelta(days=200))})",
         _day(due[1] + dt.timedelta(days=200)), "", ""],
        ["5", "8", "dropped", "", "Replaced by a joint audit.", ""]]
    assert _cells(statement.newActionsTable, (0, 1, 2)) == [["2027/28", "6", "Audit every recruitment file"]]
    assert not statement.historyNote.isVisible()

    qtbot.keyClick(chooser, Qt.Key.Key_Down)  # the next organisation, by keyboard
    assert chooser.currentText().startswith(RIVERSIDE.name) and "flagged" in chooser.currentText()
    riverside = _cells(statement.historyTable, (3, 4))
    assert [row[0] for row in riverside] == ["baseline not held, due " + _day(d) for d in due]
    assert riverside[0][1] == f"completed late, {_day(due[0] + dt.timedelta(days=1))}"
    assert riverside[1][1].startswith("in progress, overdue") and riverside[2][1].startswith("not started, overdue")
    assert statement.historyNote.isVisible() and statement.historyNote.text().startswith("Flagged for a decision: ")
    assert _cells(statement.newActionsTable, (2,)) == [["Check every recruitment file"]]

    _alt(qtbot, Qt.Key.Key_L)
    assert statement.statementTabs.currentWidget() is statement.chasePage
    assert _cells(statement.chaseTable, (0, 2, 3, 6)) == [
        [RIVERSIDE.name, RIVERSIDE.contact_email, "8", "30"], [RIVERSIDE.name, RIVERSIDE.contact_email, "3", "20"]]
    _alt(qtbot, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: QApplication.clipboard().text() == RIVERSIDE.contact_email)
    _alt(qtbot, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: QApplication.clipboard().text().startswith("Organisation\tContact\tEmail"))
    lines = QApplication.clipboard().text().split("\n")
    assert len(lines) == 3 and lines[1].startswith(f"{RIVERSIDE.name}\t{RIVERSIDE.contact_name}\t")
    assert lines[1].endswith(f"\t{_day(due[2])}\t30")


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%b %Y}"


def test_the_three_documents_are_written_from_their_buttons(qtbot, shown, messages, monkeypatch, tmp_path):
    window, _, _ = shown
    _activate(qtbot, window)
    window.form.tabs.setCurrentWidget(window.statement_form)
    asked: list[str] = []

    def save_as(parent, caption, start, file_filter, *args, **kwargs):
        asked.append(start)
        return str(tmp_path / f"findings{file_filter[file_filter.index('*') + 1:-1]}"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    for key, suffix in ((Qt.Key.Key_I, ".pdf"), (Qt.Key.Key_W, ".xlsx"), (Qt.Key.Key_O, ".docx")):
        _activate(qtbot, window)
        window.statement_form.statementTabs.setFocus()
        _alt(qtbot, key)
        target = tmp_path / f"findings{suffix}"
        qtbot.waitUntil(lambda t=target: t.exists() and any(t.name in text for _, _, text in messages.shown),
                        timeout=30000)
        assert target.stat().st_size > 1000
    assert [start.rsplit("/", 1)[-1] for start in asked] == [
        "2027-28 statement findings.pdf", "2027-28 statement findings.xlsx", "2027-28 statement findings.docx"]
    assert [title for _, title, _ in messages.shown] == ["Statement findings written"] * 3
    assert window.workspace.cycles()[1].name == "2027/28"  # the workspace is open again after each job


def test_a_decision_on_the_flagged_statement_and_a_large_cycle_worked_out_apart(qtbot, shown, messages):
    window, _, _ = shown
    statement = window.statement_form
    window.form.tabs.setCurrentWidget(statement)
    assert "1 flagged" in statement.statementSummary.text()
    flagged = next(r for r in window.workspace.returns(window.cycle.id) if r.flag)
    window.CALCULATE_APART = 1  # two statements: worked out on a worker, the window going on being used
    assert window._apply(lambda: window.workspace.clear_flag(flagged.id), "Cannot record the decision")
    assert statement.statementSummary.text() == "Working out the findings of 2 statements…"
    qtbot.waitUntil(lambda: not window.statement_pending)
    assert statement.statementSummary.text().startswith("2 statements received, none flagged.")
    assert not any("flagged" in statement.organisationChooser.itemText(i)
                   for i in range(statement.organisationChooser.count()))


def test_a_statement_cycle_with_no_statement_yet(qtbot, shown, shipped_sets):
    window, _, _ = shown
    cycle = window.workspace.add_cycle("2028/29", shipped_sets["s11-wt2023"], dt.date(2029, 3, 31),
                                       kind="statement", baseline="2026/27")
    window._fill_cycles(cycle.id)  # as New cycle... leaves it: the new cycle on show
    statement = window.statement_form
    window.form.tabs.setCurrentWidget(statement)
    assert statement.statementSummary.text().startswith(
        "No statement received yet (import them on the Returns tab), none flagged. Based on the full audit of "
        "2026/27, and the earlier statement of 2027/28.")
    assert window.confirmation_model.rowCount() == window.chase_model.rowCount() == 0
    assert statement.progressSummary.text() == "No statement reports on an action yet."
    assert statement.chaseSummary.text() == "No action is overdue." and not statement.copyEmailsButton.isEnabled()
    assert statement.organisationChooser.count() == 0 and not statement.organisationChooser.isEnabled()


def test_actions_are_judged_on_today_unless_told(qtbot, unit, shipped_sets):
    workspace, _ = unit
    window = BusinessUnitWindow(workspace, [shipped_sets["s11-wt2023"]])
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    window.show()
    _choose_cycle(window, "2027/28")
    window.form.tabs.setCurrentWidget(window.statement_form)
    figures = window.statement_shown
    assert figures is not None and figures.as_of == dt.date.today()
    # Whatever today is: one completed, one completed late, one dropped; the other three on time or overdue.
    assert (figures.progress.completed, figures.progress.completed_late, figures.progress.dropped) == (1, 1, 1)
    assert figures.progress.on_time + figures.progress.overdue == 3
    today = dt.date.today()
    assert f"Actions judged as of {today.day} {today:%B %Y}." in window.statement_form.statementSummary.text()


def test_nothing_is_clipped_on_any_part_at_200_percent_text(qtbot, unit, shipped_sets):
    """Opened with large text (a row of buttons laid out straight kept its first, smaller height)."""
    from s11audit.ui import text_size
    from tests.ui.test_text_size import clipped_labels

    workspace, due = unit
    text_size.apply_text_scale(200)
    try:
        window = BusinessUnitWindow(workspace, [shipped_sets["s11-wt2023"]])
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        qtbot.addWidget(window)
        window.statement_as_of = due[1] + dt.timedelta(days=30)
        _choose_cycle(window, "2027/28")
        statement = window.statement_form
        window.form.tabs.setCurrentWidget(statement)
        window.show()
        window.resize(1584, 960)  # what a 1600 x 1000 screen gives (the test platform's is 800 x 800)
        qtbot.waitExposed(window)
        problems = {}
        for part in (statement.standardsPage, statement.progressPage, statement.historyPage, statement.chasePage):
            statement.statementTabs.setCurrentWidget(part)
            statement.organisationChooser.setCurrentIndex(1)  # Riverside: the flag's note shows too
            QApplication.processEvents()
            problems[part.objectName()] = clipped_labels(window) + [  # a row of buttons squeezed: text cut
                f"{button.objectName()}: {button.height()} px high of {button.sizeHint().height()}"
                for button in window.findChildren(QPushButton)
                if button.isVisible() and button.height() < button.sizeHint().height()]
            assert statement.historyNote.isVisible() == (part is statement.historyPage)
        assert not any(problems.values()), problems
    finally:
        text_size.apply_text_scale(text_size.NORMAL)


def test_the_second_statement_shows_the_first_beside_it(qtbot, tmp_path, shipped_sets, years):  # noqa: F811 - the fixture
    """Northfield's baseline (2026/27), statement (2027/28) and second statement (2028/29), as
    ``tests/core/test_statement_three_years.py`` makes them: 2028/29's history has a column for 2027/28."""
    wt = shipped_sets["s11-wt2023"]
    due = years["due"]
    path = tmp_path / "three years.s11workspace"
    with Workspace.create(path, "Officer") as created:
        cycles = [created.add_cycle("2026/27", wt, dt.date(2027, 3, 31)),
                  created.add_cycle("2027/28", wt, dt.date(2028, 3, 31), kind="statement", baseline="2026/27"),
                  created.add_cycle("2028/29", wt, dt.date(2029, 3, 31), kind="statement", baseline="2026/27")]
        for cycle, name in zip(cycles, ("baseline", "y1", "y2"), strict=True):
            _register(created, cycle.id)
            import_returns(created, cycle, [years["RYN"][name]])
    with Workspace.open(path, "Officer") as workspace:
        window = BusinessUnitWindow(workspace, [wt])
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        qtbot.addWidget(window)
        window.statement_as_of = dt.date(2029, 1, 31)
        window.show()
        _choose_cycle(window, "2028/29")
        statement = window.statement_form
        window.form.tabs.setCurrentWidget(statement)
        statement.statementTabs.setCurrentWidget(statement.historyPage)
        assert statement.statementSummary.text() == (
            "1 statement received, none flagged. Based on the full audit of 2026/27, and the earlier statement of "
            "2027/28. Actions judged as of 31 January 2029.")
        model = statement.historyTable.model()
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (4, 5)] == [
            "2027/28", "2028/29 (this statement)"]
        assert _cells(statement.historyTable, (0, 1, 3, 4, 5)) == [
            ["1", "3", f"in progress, due {_day(due[1])}", f"completed, {_day(due[1] - dt.timedelta(days=5))}",
             "not reported again (closed in 2027/28)"],
            ["2", "3", f"in progress, due {_day(due[2])}",
             f"in progress, on time (due, new date {_day(due[2] + dt.timedelta(days=200))})",
             "completed, 20 Nov 2026"],
            ["5", "8", f"in progress, due {_day(due[5])}", "dropped", "not reported again (closed in 2027/28)"],
            ["2027/28 new action 1", "6", "set in the 2027/28 statement, due 31 Mar 2028", "set in this statement",
             "in progress, on time (due, new date 30 Jun 2029)"]]
        assert model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole) is None  # not this year's: no colour
        assert model.index(1, 5).data(Qt.ItemDataRole.BackgroundRole) is not None
        assert _cells(statement.newActionsTable, (0, 2)) == [["2027/28", "Audit every recruitment file"]]
        assert _cells(statement.progressTable, (0, 1, 2, 4))[0] == ["All standards", "2", "1 (50%)", "1 (50%)"]
        window.close()
