"""Every window and dialog of the app, built and shown one after another with realistic content.

For tests that check something of every screen (Alt keys, Tab order, first focus, text size, focus
rings...). The ``screen_data`` fixture (the audit files and the business unit's workspace) is written
once per test run through ``tests/ui/conftest.py`` and shared by every module, so a test must not save
changes into it (leave dialogs without accepting them); do not import it into a test module, which
would write it again for that module. Use the ``every_screen`` fixture (also declared in the conftest)::

    from tests.ui.every_screen import OFFSCREEN

    pytestmark = OFFSCREEN  # Qt's offscreen platform warns about size hints and raise()

    def test_something(every_screen):
        for name, widget in every_screen:
            ...  # widget is shown (not modal, never exec()), the window before it is closed

or call :func:`screens` directly (``screens(qtbot, screen_data, only={"moderation"})``). Each
(name, widget) pair is yielded with the widget shown; when the loop asks for the next one the
widget is closed. Names are stable: ``main/start``, ``main/s175``, ``main/s175/action_plan``,
``main/s175/trail``, ``main/s11``, ``business_unit``, ``business_unit/returns``..., and one per
dialog (``about``, ``action``, ``moderation``...; see :data:`NAMES`); last ``business_unit/statements``, the
Statement findings tab of a second workspace's annual compliance statement cycle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from s11audit.store import OrganisationDetails

SCHOOLS = [OrganisationDetails("Oakfield Primary School", "URN 100001", "education", "primary"),
           OrganisationDetails("Hillside Academy", "URN 100002", "education", "secondary"),
           OrganisationDetails("Brook Special School", "URN 100003", "education", "special")]
# Warnings of Qt's offscreen test platform (it cannot pass size hints on, raise a window or let an open
# menu grab the keyboard); never emitted on Windows or X11, so they say nothing about the app.
OFFSCREEN = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)",
                                      r"This plugin does not support raise\(\)",
                                      r"This plugin does not support grabbing the keyboard")
MAIN_TABS = ("action_plan", "trail")  # self_assessment is what main/s175 and main/s11 show
BUSINESS_UNIT_TABS = ("returns", "findings", "peer")  # the register is what business_unit shows


@dataclass
class ScreenData:
    """Files written once: a completed S175 school audit, a completed S11 agency audit (neither signed)
    and a workspace with a schools cycle holding two imported returns and a peer audit event."""

    school: Path
    agency: Path
    workspace: Path
    sets: dict
    statement: Path  # an agency's signed S11 audit with next year's compliance statement started on it
    statement_workspace: Path  # a full S11 cycle and a statement cycle holding two statements (one flagged)


@pytest.fixture(scope="session")
def screen_data(tmp_path_factory, shipped_sets) -> ScreenData:
    from s11audit.business_unit import peer_audit
    from s11audit.business_unit.importing import import_returns
    from s11audit.business_unit.workspace import OrganisationEntry, Workspace
    from s11audit.export import export
    from s11audit.sample import make_sample
    from s11audit.store import AuditFile

    folder = tmp_path_factory.mktemp("every_screen")
    s175, s11 = shipped_sets["s175-kcsie2025"], shipped_sets["s11-wt2023"]
    # Realistic files, not the app's own sample (whose returns an import refuses).
    school = make_sample(folder / "school.s11audit", s175, sample=False)
    agency = make_sample(folder / "agency.s11audit", s11, sample=False)
    statement = make_sample(folder / "statement.s11audit", s11, signed=True, sample=False)
    with AuditFile.open(statement, "test") as audit_file:
        audit_file.start_statement(audit_file.audits()[0].id, "2027/28")
    returns = folder / "returns"
    returns.mkdir()
    for seed, organisation in enumerate(SCHOOLS[:2]):
        path = make_sample(returns / f"{seed}.s11audit", s175, organisation, seed=seed, signed=True, sample=False)
        with AuditFile.open(path, "test", read_only=True) as audit_file:
            export(audit_file, audit_file.latest_assessment(), returned=returns / f"{seed}.s11return")
        path.unlink()
    workspace_path = folder / "unit.s11workspace"
    with Workspace.create(workspace_path, "Business unit officer") as workspace:
        cycle = workspace.add_cycle("Schools 2026/27", s175, dt.date.today() + dt.timedelta(days=30))
        added = workspace.add_organisations(cycle.id, [OrganisationEntry(o.name, o.reference, "Education", o.org_type,
                                                                         "Head", f"head{n}@example.org")
                                                       for n, o in enumerate(SCHOOLS)])
        report = import_returns(workspace, workspace.cycle(cycle.id), [returns])
        assert "2 imported" in report.summary(), report.summary()
        event = peer_audit.add_event(workspace, cycle.id, "Peer audit day March 2027", dt.date(2027, 3, 12),
                                     [s.id for s in s175.standards[:3]])
        peer_audit.add_participants(workspace, event.id, [o.id for o in added])
        peer_audit.set_groups(workspace, event.id, peer_audit.propose_event_groups(workspace, event.id, 2))
    return ScreenData(school, agency, workspace_path, shipped_sets, statement,
                      _statement_workspace(folder / "statements", s11))


def _statement_workspace(folder: Path, s11) -> Path:
    """The business unit's workspace of ``tests/core/test_statement_import.py``: Northfield's baseline held in
    the 2026/27 full cycle, Northfield's and Riverside's statements (Riverside's flagged) in 2027/28."""
    from s11audit.business_unit.importing import import_returns
    from s11audit.business_unit.workspace import Workspace
    from tests.core.test_statement_import import NORTHFIELD, RIVERSIDE, _made, _register

    folder.mkdir()
    northfield, riverside = _made(folder, NORTHFIELD, s11, True), _made(folder, RIVERSIDE, s11, False)
    path = folder / "statements.s11workspace"
    with Workspace.create(path, "Business unit officer") as workspace:
        full = workspace.add_cycle("2026/27", s11, dt.date(2027, 3, 31))
        _register(workspace, full.id)
        cycle = workspace.add_cycle("2027/28", s11, dt.date(2028, 3, 31), kind="statement", baseline="2026/27")
        _register(workspace, cycle.id)
        import_returns(workspace, full, [northfield[0]])
        report = import_returns(workspace, cycle, [northfield[1], riverside[1]])
        assert "1 statement flagged for a decision" in report.summary(), report.summary()
    return path


@pytest.fixture
def every_screen(qtbot, screen_data) -> Iterator[tuple[str, QWidget]]:
    """Every screen, one after another (see the module's docstring)."""
    return screens(qtbot, screen_data)


def _settle(qtbot) -> None:
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    QApplication.processEvents()


def _show(qtbot, widget: QWidget) -> QWidget:
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    QApplication.processEvents()
    return widget


def screens(qtbot, data: ScreenData, only: set[str] | None = None) -> Iterator[tuple[str, QWidget]]:
    """Yield (name, widget) for every screen (or only those named), each shown; see the docstring."""
    from s11audit.ui.settings import Settings

    wanted = (lambda name: True) if only is None else (lambda name: name in only)
    Settings().user_name = "Helen Morris"
    if any(wanted(n) for n in NAMES if n.startswith("main/") or n in _MAIN_DIALOGS or n in _STATEMENT_DIALOGS):
        yield from _main(qtbot, data, wanted)
    if any(wanted(n) for n in NAMES if n.startswith("business_unit") or n in _UNIT_DIALOGS):
        yield from _business_unit(qtbot, data, wanted)


def _main(qtbot, data: ScreenData, wanted) -> Iterator[tuple[str, QWidget]]:
    """The main window: start screen, each audit's tabs, and its dialogs over the S175 audit."""
    from s11audit.ui.app import create_main_window

    window = create_main_window()
    qtbot.addWidget(window)
    window.resize(1366, 860)
    _show(qtbot, window)
    try:
        if wanted("main/start"):
            yield "main/start", window
        for key, path in (("s175", data.school), ("s11", data.agency)):
            dialogs = _MAIN_DIALOGS if key == "s175" else ()
            if not any(wanted(n) for n in NAMES if n.startswith(f"main/{key}") or n in dialogs):
                continue
            assert window.open_file(path), path
            qtbot.waitUntil(lambda: all(window.views.get(k) is not None for k in ("self_assessment", "action_plan",
                                                                                    "trail")))
            _settle(qtbot)
            window.show_view("self_assessment")
            if wanted(f"main/{key}"):
                yield f"main/{key}", window
            for view in MAIN_TABS:
                if wanted(f"main/{key}/{view}"):
                    window.show_view(view)
                    QApplication.processEvents()
                    yield f"main/{key}/{view}", window
            window.show_view("self_assessment")
            if dialogs:
                yield from _each(qtbot, _main_dialogs(window, data), wanted)
        if any(wanted(n) for n in NAMES if n.startswith("main/statement") or n in _STATEMENT_DIALOGS):
            yield from _statement(qtbot, window, data, wanted)
    finally:
        if window.audit_file is not None:
            window.close_file()
        window.close()


def _statement(qtbot, window, data: ScreenData, wanted) -> Iterator[tuple[str, QWidget]]:
    """The annual compliance statement screen, its baseline actions tab and one action's progress dialog."""
    from s11audit.ui.dialogs.action_progress import ActionProgressDialog

    assert window.open_file(data.statement), data.statement
    _settle(qtbot)
    view = window.statement_view
    if wanted("main/statement"):
        yield "main/statement", window
    if wanted("main/statement/actions"):
        view.form.statementTabs.setCurrentWidget(view.form.actionsTab)
        view.form.actionsTable.setFocus()
        QApplication.processEvents()
        yield "main/statement/actions", window
        view.form.statementTabs.setCurrentWidget(view.form.standardsTab)
    yield from _each(qtbot, {"action_progress": lambda: ActionProgressDialog(window, view.statement,
                                                                            view.baseline_actions[0])}, wanted)


def _each(qtbot, makers: dict[str, Callable[[], QWidget]], wanted) -> Iterator[tuple[str, QWidget]]:
    for name, make in makers.items():
        if not wanted(name):
            continue
        widget = make()
        _show(qtbot, widget)
        try:
            yield name, widget
        finally:
            widget.close()
            widget.deleteLater()
            QApplication.processEvents()


_MAIN_DIALOGS = ("about", "action", "evidence_link_items", "evidence_link_existing", "export", "new_audit", "new_file",
                 "sign_off", "not_ready", "standards_sets", "user_guide", "user_name", "welcome", "crash",
                 "personal_data_notice", "old_evidence")
_STATEMENT_DIALOGS = ("action_progress",)
_UNIT_DIALOGS = ("headlines", "moderation", "new_cycle", "organisation", "peer_event", "peer_recording",
                 "business_unit_details", "dsl_directory", "retention", "remove_organisation")
NAMES = ("main/start", "main/s175", "main/s175/action_plan", "main/s175/trail", *_MAIN_DIALOGS,
         "main/s11", "main/s11/action_plan", "main/s11/trail", "main/statement", "main/statement/actions",
         *_STATEMENT_DIALOGS,
         "business_unit", "business_unit/returns", "business_unit/findings", "business_unit/peer", *_UNIT_DIALOGS,
         "business_unit/statements")
"""Every screen's name, in the order yielded."""


def _main_dialogs(window, data: ScreenData) -> dict[str, Callable[[], QWidget]]:
    """The main window's dialogs over the open S175 audit, parented to the window as the app does."""
    from s11audit.ui.dialogs.about import AboutDialog
    from s11audit.ui.dialogs.action_dialog import ActionDialog
    from s11audit.ui.dialogs.crash import CrashDialog
    from s11audit.ui.dialogs.export import ExportDialog, base_name
    from s11audit.ui.dialogs.new_audit import NewAuditDialog
    from s11audit.ui.dialogs.new_file import NewFileDialog
    from s11audit.ui.dialogs.old_evidence import OldEvidenceDialog
    from s11audit.ui.dialogs.personal_data import PersonalDataNotice
    from s11audit.ui.dialogs.sign_off import NotReadyDialog, SignOffDialog
    from s11audit.ui.dialogs.standards_sets import StandardsSetsDialog
    from s11audit.ui.dialogs.user_guide import UserGuideWindow
    from s11audit.ui.dialogs.user_name import UserNameDialog
    from s11audit.ui.dialogs.welcome import WelcomeDialog
    from s11audit.ui.evidence_dialogs import LinkExistingDialog, LinkItemsDialog

    assessment = window.document.assessment
    standards_set = assessment.standards_set
    evidence = assessment.evidence.all_evidence()
    standard = next((s for s in standards_set.standards if any(e.linked_to_standard(s.id) for e in evidence)),
                    standards_set.standards[0])
    report = window.catalogue.report()
    return {
        "about": lambda: AboutDialog(window, report, window.settings.path),
        "action": lambda: ActionDialog(window, assessment, standards_set.standards[0].id),
        "evidence_link_items": lambda: LinkItemsDialog(window, assessment, evidence[0], standard).dialog,
        "evidence_link_existing": lambda: LinkExistingDialog(window, assessment, standards_set.standards[-1]).dialog,
        "export": lambda: ExportDialog(window, data.school.parent, base_name(window.audit_file, assessment)),
        "new_audit": lambda: NewAuditDialog(window, report.for_kind("education"), window.audit_file.organisation().name,
                                            window.audit_file.audits()),
        "new_file": lambda: NewFileDialog(window, data.school.parent),
        "sign_off": lambda: SignOffDialog(window, assessment),
        "not_ready": lambda: NotReadyDialog(window, assessment, assessment.completeness()),
        "standards_sets": lambda: StandardsSetsDialog(window, report),
        "user_guide": lambda: UserGuideWindow(window),
        "user_name": lambda: UserNameDialog(window, "Helen Morris"),
        "welcome": lambda: WelcomeDialog(window),
        "crash": lambda: CrashDialog(window,
                                     'Traceback (most recent call last):\n  File "x.py", line 1\nValueError: x'),
        "personal_data_notice": lambda: PersonalDataNotice(window),
        "old_evidence": lambda: OldEvidenceDialog(window, None, window.audit_file.evidence_retention_preview),
    }


def _business_unit(qtbot, data: ScreenData, wanted) -> Iterator[tuple[str, QWidget]]:
    from PySide6.QtCore import Qt

    from s11audit.business_unit.workspace import Workspace

    workspace = Workspace.open(data.workspace, "Business unit officer")
    window = None
    try:
        from s11audit.ui.business_unit.window import BusinessUnitWindow

        sets = list(data.sets.values())
        window = BusinessUnitWindow(workspace, sets)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        qtbot.addWidget(window)
        _show(qtbot, window)
        _settle(qtbot)
        if wanted("business_unit"):
            yield "business_unit", window
        for tab in BUSINESS_UNIT_TABS:
            if wanted(f"business_unit/{tab}"):
                window.form.tabs.setCurrentWidget(getattr(window.form, f"{tab}Tab"))
                _settle(qtbot)
                yield f"business_unit/{tab}", window
        window.form.tabs.setCurrentWidget(window.form.registerTab)
        yield from _each(qtbot, _unit_dialogs(window), wanted)
    finally:
        if window is not None:
            window.close()
        workspace.close()
    if wanted("business_unit/statements"):
        yield from _statement_findings(qtbot, data)


def _statement_findings(qtbot, data: ScreenData) -> Iterator[tuple[str, QWidget]]:
    """The Statement findings tab of a statement cycle, judged a year from today so the chase list has rows."""
    from PySide6.QtCore import Qt

    from s11audit.business_unit.workspace import Workspace
    from s11audit.ui.business_unit.window import BusinessUnitWindow

    workspace = Workspace.open(data.statement_workspace, "Business unit officer")
    window = None
    try:
        window = BusinessUnitWindow(workspace, [data.sets["s11-wt2023"]])
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        window.statement_as_of = dt.date.today() + dt.timedelta(days=365)
        qtbot.addWidget(window)
        chooser = window.form.cycleChooser
        chooser.setCurrentIndex(chooser.findData(workspace.cycle("2027/28").id))
        window.form.tabs.setCurrentWidget(window.statement_form)
        _show(qtbot, window)
        _settle(qtbot)
        window.statement_form.confirmationTable.setFocus()
        yield "business_unit/statements", window
    finally:
        if window is not None:
            window.close()
        workspace.close()


def _unit_dialogs(window) -> dict[str, Callable[[], QWidget]]:
    """The business unit window's dialogs, built as the window builds them."""
    from s11audit.business_unit import headlines, peer_audit
    from s11audit.business_unit.dsl_directory import dsl_directory
    from s11audit.business_unit.retention_policy import RetentionPolicy
    from s11audit.ui.business_unit.dialogs import BusinessUnitDetailsDialog, NewCycleDialog, OrganisationDialog
    from s11audit.ui.business_unit.dsl_directory_dialog import DslDirectoryDialog
    from s11audit.ui.business_unit.headlines_dialog import HeadlinesDialog
    from s11audit.ui.business_unit.moderation_dialog import ModerationDialog
    from s11audit.ui.business_unit.peer_recording import PeerRecordingDialog
    from s11audit.ui.business_unit.peer_view import PeerEventDialog
    from s11audit.ui.business_unit.register_tab import preview_for
    from s11audit.ui.business_unit.remove_organisation_dialog import RemoveOrganisationDialog
    from s11audit.ui.business_unit.retention_dialog import RetentionDialog

    workspace, cycle = window.workspace, window.cycle
    standards_set = workspace.standards_set(cycle.id)
    chosen = next(r for r in workspace.returns(cycle.id) if r.state == "current")
    event = peer_audit.events(workspace, cycle.id)[0]
    details = headlines.settings(workspace)
    today = cycle.due_on + dt.timedelta(days=40)  # for the retention preview: its evidence 1 month past due

    def moderation() -> QWidget:
        current = {sid: (m.grade, m.comment) for sid, m in workspace.moderations(chosen.id).items()}
        criteria = {cid: (m.grade, m.comment) for cid, m in workspace.criterion_moderations(chosen.id).items()}
        return ModerationDialog(window, standards_set, chosen.name, workspace.return_content(chosen.id), current,
                                criteria)

    return {
        "headlines": lambda: HeadlinesDialog(window, cycle.name, headlines.choices(standards_set),
                                             headlines.measures(workspace, cycle.id)),
        "moderation": moderation,
        "new_cycle": lambda: NewCycleDialog(window, window.sets, workspace.cycles(), window.sources,
                                            [o.org_type for o in workspace.organisations(cycle.id)], standards_set),
        "organisation": lambda: OrganisationDialog(window, window._kinds(), window._taken_references()),
        "peer_event": lambda: PeerEventDialog(window, standards_set.standards, workspace.organisations(cycle.id),
                                              set()),
        "peer_recording": lambda: PeerRecordingDialog(window, workspace, event.id, 1),
        "business_unit_details": lambda: BusinessUnitDetailsDialog(window, details.business_unit, details.signature),
        "dsl_directory": lambda: DslDirectoryDialog(window, dsl_directory(workspace, cycle)),
        # Periods under which the imported returns' evidence is past (a cycle due in 30 days: 1 month from now).
        "retention": lambda: RetentionDialog(window, RetentionPolicy(evidence_months=1),
                                             lambda policy: preview_for(workspace, policy, today)),
        "remove_organisation": lambda: RemoveOrganisationDialog(window, [chosen.name], [
            workspace.deletion_preview(chosen.organisation_id)]),
    }
