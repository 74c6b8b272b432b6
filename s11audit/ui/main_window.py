"""The main window: start screen or the open audit (header, tabs, status bar), menus and file handling.

There is no Save: every change is written to the audit file as it is made. Closing the window or
the file releases the file for others. Heavy modules (the store with SQLAlchemy and Alembic, the
audit views, reports, the business unit) are imported only when a file is opened, or once the start
screen is drawn and idle, so the first window appears quickly. A file given on the command line is
opened before the window is first shown, so its audit is the first thing drawn.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QChildEvent, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMainWindow, QMessageBox, QWidget

from s11audit.organisations import type_label
from s11audit.ui import explanations, file_dialogs, undo_keys
from s11audit.ui.elide import ElidedLabel
from s11audit.ui.generated.main_window import Ui_MainWindow
from s11audit.ui.settings import Settings
from s11audit.ui.standards_catalogue import StandardsCatalogue
from s11audit.ui.start_screen import StartScreen
from s11audit.ui.text_size import add_text_size_menu

if TYPE_CHECKING:
    from s11audit.business_unit.workspace import Workspace
    from s11audit.store import AuditFile
    from s11audit.store import AuditSummary
    from s11audit.store.assessment import SelfAssessment
    from s11audit.store.statement import ComplianceStatement
    from s11audit.ui.business_unit.window import BusinessUnitWindow
    from s11audit.ui.completion import CompletionView
    from s11audit.ui.dialogs.welcome import WelcomeDialog
    from s11audit.ui.document import AuditDocument
    from s11audit.ui.statement_view import StatementView

FILE_FILTER = ("s11audit files (*.s11audit *.s11workspace);;Audit files (*.s11audit);;"
               "Business unit workspaces (*.s11workspace)")
WORKSPACE_SUFFIX = ".s11workspace"
SAVED = "All changes saved automatically"
NOT_SAVED = "Your last change was not saved"
READ_ONLY = "Open read-only: changes cannot be saved"
REOPEN_HINT = "Use File > Reopen for changes to make a new version."
VIEWS = ("self_assessment", "action_plan", "trail")
TAB_TITLES = ("Self-assessment", "Action plan", "Audit trail")
REMAINING_VIEWS_DELAY_MS = 100  # long enough for the first screen to be painted first
OPENING_IMPORT_DELAY_MS = 200  # after the standards sets are read, while the user reads the start screen


def signed_off_text(assessment: SelfAssessment | ComplianceStatement, file_read_only: bool) -> str:
    """What a signed-off audit says in the status bar and header: when, by whom, that it is locked on
    purpose and how to change it (plain "read-only" read like an error after a successful sign-off)."""
    signed_at = assessment.sign_off.signed_at
    if signed_at is None:
        raise ValueError("the audit is not signed off")  # callers ask only for a signed-off audit
    when = signed_at.astimezone().date() if signed_at.tzinfo else signed_at.date()
    names = [entry.name for entry in assessment.signatories() if entry.name] or [assessment.sign_off.signed_by]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    text = f"Signed off on {when.day} {when:%B %Y} by {who}: locked."
    return f"{text} {READ_ONLY}." if file_read_only else f"{text} {REOPEN_HINT}"


class _ShowBeforeDialogs(QObject):
    """Shows the window when a dialog of its own is about to appear (``MainWindow.open_before_showing``).

    Qt polishes a widget before it first shows it and tells the parent (ChildPolished), so the
    window is on screen, and the dialog belongs to it, before the dialog is.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ChildPolished and isinstance(event, QChildEvent)
                and isinstance(event.child(), QDialog)
                and isinstance(watched, QWidget) and not watched.isVisible()):
            watched.show()
        return False


class _Views(dict):
    """The open audit's views by key, each built the first time it is asked for."""

    def __init__(self, build):
        super().__init__()
        self._build = build

    def __missing__(self, key: str):
        view = self[key] = self._build(key)
        return view


class MainWindow(QMainWindow, Ui_MainWindow):
    """Built by ``MainWindow.build`` from forms/main_window.ui; its named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setupUi(self)
        self.audit_file: AuditFile | None = None
        self.document: AuditDocument | None = None
        self.statement_view: StatementView | None = None  # an annual compliance statement on show instead
        self.views: dict[str, QWidget] = {}
        self._last_change_failed = False
        self._status_pending = False

    @classmethod
    def build(cls, settings: Settings | None = None, catalogue: StandardsCatalogue | None = None) -> MainWindow:
        window = cls()
        window._setup(settings or Settings(), catalogue or StandardsCatalogue())
        return window

    def _setup(self, settings: Settings, catalogue: StandardsCatalogue) -> None:
        self.settings = settings
        self.workspace_windows: list[BusinessUnitWindow] = []
        self.catalogue = catalogue
        catalogue.setParent(self)
        self.start_screen = StartScreen(self.startPage)
        self.startPageLayout.addWidget(self.start_screen)
        self.start_screen.new_file_requested.connect(self.new_file)
        self.start_screen.open_requested.connect(self.choose_and_open)
        self.start_screen.recent_chosen.connect(self.open_file)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.undo_group = QUndoGroup(self)
        undo = self.undo_group.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.menuEdit.insertActions(self.actionChangeName, [undo, redo])
        self.menuEdit.insertSeparator(self.actionChangeName)
        self.undo_action, self.redo_action = undo, redo
        self.undo_keys = undo_keys.install(self, self.undo_group)  # Ctrl+Z in a text box: its typing, then the audit

        # The path gives way to menu hints; whether changes are saved and how far along are always shown.
        self.path_label = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)  # the file's name stays in view
        self.save_label = ElidedLabel()
        self.percent_label = QLabel()
        self.statusbar.addWidget(self.path_label, 1)
        self.statusbar.addPermanentWidget(self.save_label)
        self.statusbar.addPermanentWidget(self.percent_label)

        self.actionNewFile.triggered.connect(self.new_file)
        self.actionOpen.triggered.connect(self.choose_and_open)
        self.actionNewAudit.triggered.connect(self.start_new_audit)
        self.actionStartStatement.triggered.connect(self.start_statement)
        self._explain_words()
        self.actionNewWorkspace.triggered.connect(self.new_workspace)
        self._connect_sign_off_actions()
        self.actionDeleteOldEvidence = self._file_menu_end()
        self.actionQuit.triggered.connect(self.close)
        self.actionChangeName.triggered.connect(self.change_user_name)
        view_actions = (self.actionViewSelfAssessment, self.actionViewActionPlan, self.actionViewTrail)
        for key, action in zip(VIEWS, view_actions, strict=True):
            action.triggered.connect(lambda _=False, k=key: self.show_view(k))
        self.actionStandardsSets.triggered.connect(self.show_standards_sets)
        self.actionAbout.triggered.connect(self.show_about)
        self.actionUserGuide.triggered.connect(self.show_user_guide)
        self.actionWelcome.triggered.connect(self.show_welcome)
        self.guide_window: QWidget | None = None
        self.welcome_dialog: WelcomeDialog | None = None
        self.menuRecent.aboutToShow.connect(self._fill_recent_menu)
        self.menuSwitchAudit.aboutToShow.connect(self._fill_switch_menu)
        self.menuView.addSeparator()
        add_text_size_menu(self.menuView, settings)

        catalogue.loaded.connect(lambda report: self.start_screen.show_skipped(report.skipped))
        catalogue.loaded.connect(lambda _report: QTimer.singleShot(OPENING_IMPORT_DELAY_MS, self, _import_for_opening))
        self._show_start()

    # --- pages, header and status ----------------------------------------------------------------

    def _show_start(self) -> None:
        self.catalogue.start()  # the start screen lists standards files that could not be used
        self.start_screen.show_recent(self.settings.recent_files())
        self.pages.setCurrentWidget(self.startPage)
        self.setWindowTitle("s11audit")
        for label in (self.path_label, self.save_label, self.percent_label):
            label.clear()
        self._update_actions()
        # Enter then opens the most recent file, the usual next step; with none, it starts a new one.
        form = self.start_screen.form
        (form.recentList if self.start_screen.recent_model.rowCount() else form.newFileButton).setFocus()

    def _update_actions(self) -> None:
        audit_file, document = self.audit_file, self.document
        has_file = audit_file is not None
        self.actionNewAudit.setEnabled(audit_file is not None and not audit_file.read_only)
        self.actionCloseFile.setEnabled(has_file)
        self.actionDeleteOldEvidence.setEnabled(audit_file is not None and not audit_file.read_only)
        self.actionAnswerRequest.setEnabled(has_file)
        for action in (self.actionViewSelfAssessment, self.actionViewActionPlan, self.actionViewTrail):
            action.setEnabled(has_file)
        self.menuSwitchAudit.menuAction().setEnabled(audit_file is not None and len(audit_file.audits()) > 1)
        self.actionStartStatement.setEnabled(self._statement_baseline() is not None)
        shown = document is not None
        statement = self.statement_view.statement if self.statement_view is not None else None
        signed = (document is not None and document.assessment.is_signed) or bool(statement and statement.is_signed)
        writable = (shown or statement is not None) and audit_file is not None and not audit_file.read_only
        self.actionSignOff.setEnabled(writable and not signed)
        self.actionReopen.setEnabled(writable and signed and shown)
        self.actionExportReturn.setEnabled(signed)
        self.actionExportPdf.setEnabled(shown)
        self.actionExportPlan.setEnabled(shown)

    def _open_file(self) -> AuditFile:
        """The open file, for code that runs only while one is open."""
        if self.audit_file is None:
            raise RuntimeError("no audit file is open")
        return self.audit_file

    def _open_document(self) -> AuditDocument:
        """The audit on show, for code that runs only while one is."""
        if self.document is None:
            raise RuntimeError("no audit is shown")
        return self.document

    def _show_header(self) -> None:
        audit_file, document = self._open_file(), self._open_document()
        organisation = audit_file.organisation()
        assessment = document.assessment
        standards_set = assessment.standards_set
        self.organisationName.setText(organisation.name)
        details = [type_label(organisation.org_type)]
        if organisation.reference:
            details.append(f"Reference {organisation.reference}")
        self.organisationDetails.setText("  ·  ".join(details))
        summary = f"Audit cycle {assessment.cycle}  ·  {standards_set.title}, version {standards_set.version}"
        self.auditDetails.setText(f"{escape(summary)}  ·  <a href='#{explanations.GUIDE_ANCHOR}'>What is this?</a>")
        if assessment.is_signed:
            self.readOnlyNotice.setText(signed_off_text(assessment, audit_file.read_only))
        else:
            self.readOnlyNotice.setText(self._read_only_text)
        self.readOnlyNotice.setVisible(document.read_only)
        self.setWindowTitle(f"{organisation.name} – {assessment.cycle} – s11audit")
        self.path_label.setText(str(audit_file.path))

    def _changed(self, _standard_id: str = "") -> None:
        # A command can signal more than once; settle the status bar once it has finished.
        if not self._status_pending:
            self._status_pending = True
            QTimer.singleShot(0, self, self._refresh_status)

    def _failed(self, message: str) -> None:
        self._last_change_failed = True
        QMessageBox.warning(self, "Change not saved", message)

    def _refresh_status(self) -> None:
        self._status_pending = False
        if self.document is None:
            return
        self.save_label.setText(NOT_SAVED if self._last_change_failed else self._locked_text() or SAVED)
        self._last_change_failed = False
        self._show_percent()

    def _locked_text(self) -> str:
        """Why the open audit cannot be changed ("" when it can): signed off, or a read-only file."""
        document = self._open_document()
        assessment = document.assessment
        if assessment.is_signed:
            return signed_off_text(assessment, self._open_file().read_only)
        return READ_ONLY if document.read_only else ""

    def _show_percent(self) -> None:
        self.percent_label.setText(f"{self._open_document().assessment.completeness().percent}% complete")

    # --- the open audit --------------------------------------------------------------------------

    def _show_file(self, audit_file: AuditFile) -> bool:
        """Show the latest audit of a newly opened file, starting one first if it has none."""
        from s11audit.ui import opening

        assessment = audit_file.latest_assessment()
        if assessment is None:
            assessment = opening.start_audit(self, audit_file, self.catalogue.report())
            if assessment is None:
                audit_file.close()
                return False
        self.close_file()
        self.audit_file = audit_file
        self.settings.add_recent(audit_file.path)
        self._show_audit(assessment.id)
        return True

    def _show_audit(self, audit_id: int) -> None:
        """A full audit in its views, an annual compliance statement on the statement screen."""
        audit_file = self._open_file()
        if audit_file.audit_kind(audit_id) == "statement":
            self._show_statement(audit_file.statement(audit_id))
        else:
            self._show_assessment(audit_file.assessment(audit_id))

    def _show_assessment(self, assessment: SelfAssessment) -> None:
        from s11audit.ui.document import AuditDocument

        self.catalogue.postpone()
        self._drop_document()
        document = AuditDocument(self._open_file(), assessment, self)
        self.document = document
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.changed.connect(self._changed)
        document.failed.connect(self._failed)
        # The self-assessment is shown at once; the action plan and trail tabs hold a stand-in
        # until they are built just after the first screen is painted (or when asked for sooner).
        self.views = _Views(self._build_view)
        for key, title in zip(VIEWS, TAB_TITLES, strict=True):
            self.tabs.addTab(self.views["self_assessment"] if key == "self_assessment" else QWidget(), title)
        self._show_header()
        self.save_label.setText(self._locked_text() or SAVED)
        self._show_percent()
        self.pages.setCurrentWidget(self.auditPage)
        self._update_actions()
        self.tabs.setCurrentIndex(0)
        self.tabs.currentWidget().setFocus()
        if self.isVisible():  # else open_before_showing builds them once the window is on screen
            QTimer.singleShot(REMAINING_VIEWS_DELAY_MS, self, self._build_remaining_views)

    def _build_view(self, key: str) -> QWidget:
        if self.document is None:
            raise KeyError(key)
        view: QWidget
        if key == "self_assessment":
            view = _completion_view(self.document, self.tabs)
        elif key == "action_plan":
            from s11audit.ui.action_plan import ActionPlanView

            view = ActionPlanView(self.document, self.tabs)
        elif key == "trail":
            from s11audit.ui.trail_view import TrailView

            view = TrailView(self.document, self.tabs)
        else:
            raise KeyError(key)
        index = VIEWS.index(key)
        if self.tabs.count() > index:  # put the view where its stand-in is
            current = self.tabs.currentIndex()
            stand_in = self.tabs.widget(index)
            blocked = self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, view, TAB_TITLES[index])
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(blocked)
            if stand_in is not None:
                stand_in.deleteLater()
        return view

    def _build_remaining_views(self) -> None:
        if self.document is not None:
            for key in VIEWS:
                self.views[key]

    def _tab_changed(self, index: int) -> None:
        if self.document is not None and 0 <= index < len(VIEWS):
            self.views[VIEWS[index]]

    def _drop_document(self) -> None:
        """Take down the views and undo history of the audit on show (the file stays open)."""
        shown = [tab for i in range(self.tabs.count()) if (tab := self.tabs.widget(i)) is not None]
        self.tabs.clear()
        for view in {*shown, *self.views.values()}:  # views and any stand-ins not yet replaced
            view.deleteLater()
        self.views = {}
        self.statement_view = None  # its tab was deleted with the others
        if self.document is not None:
            self.document.close()
            self.undo_group.removeStack(self.document.undo_stack)
            self.document.changed.disconnect(self._changed)
            self.document.failed.disconnect(self._failed)
            self.document.deleteLater()
            self.document = None

    def show_view(self, key: str) -> None:
        if key in VIEWS and self.document is not None:
            self.tabs.setCurrentWidget(self.views[key])

    def close_file(self) -> None:
        self._drop_document()
        if self.audit_file is not None:
            self.audit_file.close()
            self.audit_file = None
        self._show_start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_file()
        for window in list(self.workspace_windows):
            window.close()
        event.accept()

    # --- file menu -------------------------------------------------------------------------------

    def user_name(self) -> str | None:
        """The user's name for the audit trail, asked for the first time it is needed."""
        if not self.settings.user_name:
            from s11audit.ui.dialogs.user_name import UserNameDialog

            name = UserNameDialog.ask(self)
            if not name:
                return None
            self.settings.user_name = name
        return self.settings.user_name

    def change_user_name(self) -> None:
        from s11audit.ui.dialogs.user_name import UserNameDialog

        name = UserNameDialog.ask(self, self.settings.user_name)
        if name:
            self.settings.user_name = name
            if self.audit_file is not None:
                self.statusbar.showMessage("Your new name is used from the next time you open a file", 8000)

    def new_file(self) -> None:
        from s11audit.ui import opening
        from s11audit.ui.dialogs.new_file import NewFileDialog

        user = self.user_name()
        if not user:
            return
        chosen = NewFileDialog.ask(self, self.settings.last_folder)
        if chosen is None:
            return
        audit_file = opening.create_audit_file(self, *chosen, user)
        if audit_file is not None:
            self.settings.add_recent(audit_file.path)
            self._show_file(audit_file)

    def open_before_showing(self, path: Path | str) -> bool:
        """Open ``path``, then show the window: its audit, not the start screen, is the first thing drawn
        (a file given on the command line). A question about the file (a refusal, read-only, no audit
        yet, the user's name) shows the window first, on the start screen, for the dialog to sit on."""
        shower = _ShowBeforeDialogs(self)
        self.installEventFilter(shower)
        try:
            opened = self.open_file(path)
        finally:
            self.removeEventFilter(shower)
            shower.deleteLater()
            self.show()  # after an unexpected error too: the crash report has the window to sit on
        QTimer.singleShot(REMAINING_VIEWS_DELAY_MS, self, self._build_remaining_views)
        return opened

    def choose_and_open(self) -> None:
        path = file_dialogs.open_file_name(self, "Open audit file", FILE_FILTER, self.settings)
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path | str) -> bool:
        from s11audit.ui import opening

        path = Path(path)
        if path.suffix.lower() == WORKSPACE_SUFFIX:
            return self.open_workspace(path)
        if self.audit_file is not None and path.resolve() == self.audit_file.path.resolve():
            self.pages.setCurrentWidget(self.auditPage)  # already open in this window
            return True
        user = self.user_name()
        audit_file = opening.open_audit_file(self, path, user) if user else None
        if audit_file is None:
            if not path.exists():
                self.settings.forget_recent(path)
                self.start_screen.show_recent(self.settings.recent_files())
            return False
        return self._show_file(audit_file)

    # --- the business unit's workspace (its own window) ---------------------------------------------

    def new_workspace(self) -> None:
        from s11audit.business_unit.workspace import Workspace
        from s11audit.store import AuditFileError

        user = self.user_name()
        if not user:
            return
        name = file_dialogs.save_file_name(self, "New business unit workspace", f"Business unit{WORKSPACE_SUFFIX}",
                                           "Business unit workspaces (*.s11workspace)", self.settings)
        if not name:
            return
        path = Path(name) if name.lower().endswith(WORKSPACE_SUFFIX) else Path(name + WORKSPACE_SUFFIX)
        try:
            workspace = Workspace.create(path, user)
        except AuditFileError as error:
            QMessageBox.warning(self, "Cannot create the workspace", str(error))
            return
        self._show_workspace(workspace)

    def open_workspace(self, path: Path) -> bool:
        from s11audit.business_unit.workspace import Workspace
        from s11audit.store import AuditFileError

        for window in self.workspace_windows:
            if window.workspace.path.resolve() == path.resolve():
                window.raise_()
                window.activateWindow()
                return True
        user = self.user_name()
        if not user:
            return False
        try:
            workspace = Workspace.open(path, user)
        except AuditFileError as error:
            QMessageBox.warning(self, "Cannot open the workspace", str(error))
            return False
        self._show_workspace(workspace)
        return True

    def _show_workspace(self, workspace: Workspace) -> None:
        from s11audit.ui.business_unit.window import BusinessUnitWindow

        self.settings.add_recent(workspace.path)
        self.start_screen.show_recent(self.settings.recent_files())
        from s11audit.business_unit.cycle_sets import set_sources

        report = self.catalogue.report()
        window = BusinessUnitWindow(workspace, report.sets, sources=set_sources(report))
        self.workspace_windows.append(window)
        window.destroyed.connect(
            lambda: self.workspace_windows.remove(window) if window in self.workspace_windows else None)
        window.show()

    def start_new_audit(self) -> None:
        from s11audit.ui import opening

        if self.audit_file is None:
            return  # the action is enabled only with a file open
        assessment = opening.start_audit(self, self.audit_file, self.catalogue.report())
        if assessment is not None:
            self._show_assessment(assessment)

    def switch_audit(self, audit_id: int) -> None:
        if self.audit_file is not None and audit_id != self._shown_audit_id():
            self._show_audit(audit_id)

    def _shown_audit_id(self) -> int | None:
        if self.statement_view is not None:
            return self.statement_view.statement.id
        return self.document.assessment.id if self.document else None

    def _fill_recent_menu(self) -> None:
        from s11audit.ui.menus import fill_recent_menu

        fill_recent_menu(self.menuRecent, self.settings.recent_files(), self.open_file)

    def _fill_switch_menu(self) -> None:
        from s11audit.ui.menus import fill_switch_menu

        if self.audit_file is not None:
            fill_switch_menu(self.menuSwitchAudit, self.audit_file.audits(), self._shown_audit_id(), self.switch_audit)

    # --- the annual compliance statement (issue 16) ------------------------------------------------

    def _statement_baseline(self) -> AuditSummary | None:
        """The audit a statement would be based on: the file's latest audit, when it is a signed full audit."""
        audit_file = self.audit_file
        if audit_file is None or audit_file.read_only:
            return None
        audits = audit_file.audits()
        latest = audits[-1] if audits else None
        if latest is None or not latest.is_signed or audit_file.audit_kind(latest.id) != "full":
            return None
        return latest

    def start_statement(self) -> None:
        """File > Start annual compliance statement: ask its cycle, start it from the signed audit, show it."""
        from s11audit.store import AuditFileError

        baseline = self._statement_baseline()
        if baseline is None:
            return  # the action is enabled only when there is one
        cycle, ok = QInputDialog.getText(
            self, "Start annual compliance statement",
            f"The statement is based on your signed {baseline.cycle} audit: you say for each standard whether it is "
            "still as it was, and how each open action has progressed.\n\nThe year of the statement:",
            text=next_cycle(baseline.cycle))
        if not ok:
            return
        try:
            statement = self._open_file().start_statement(baseline.id, cycle)
        except AuditFileError as error:
            QMessageBox.warning(self, "Cannot start the statement", str(error))
            return
        self._show_statement(statement)

    def _show_statement(self, statement: ComplianceStatement) -> None:
        from s11audit.ui.statement_view import StatementView

        self.catalogue.postpone()
        self._drop_document()
        view = StatementView(self._open_file(), statement, self.tabs, folder=lambda: self.settings.last_folder)
        self.statement_view = view
        view.changed.connect(self._statement_changed)
        view.signed.connect(lambda: self._statement_signed(statement.id))
        self.tabs.addTab(view, "Annual compliance statement")
        self._show_statement_header(statement)
        self.pages.setCurrentWidget(self.auditPage)
        self._statement_changed()
        view.form.standardList.setFocus()

    def _show_statement_header(self, statement: ComplianceStatement) -> None:
        from s11audit.ui.statement_view import heading

        audit_file = self._open_file()
        organisation = audit_file.organisation()
        self.organisationName.setText(organisation.name)
        self.organisationDetails.setText(type_label(organisation.org_type))
        standards_set = statement.standards_set
        self.auditDetails.setText(escape(f"{heading(statement)}  ·  {standards_set.title}, version "
                                         f"{standards_set.version}"))
        locked = statement.is_signed or audit_file.read_only
        self.readOnlyNotice.setText(signed_off_text(statement, audit_file.read_only) if statement.is_signed
                                    else self._read_only_text)
        self.readOnlyNotice.setVisible(locked)
        self.setWindowTitle(f"{organisation.name} – statement {statement.cycle} – s11audit")
        self.path_label.setText(str(audit_file.path))

    def _statement_changed(self) -> None:
        view = self.statement_view
        if view is None:
            return
        statement = view.statement
        locked = signed_off_text(statement, self._open_file().read_only) if statement.is_signed else (
            READ_ONLY if statement.read_only else "")
        self.save_label.setText(locked or SAVED)
        self.percent_label.setText(f"{statement.completeness().percent}% complete")
        self._update_actions()

    def _statement_signed(self, statement_id: int) -> None:
        QTimer.singleShot(0, self, lambda: self._show_audit(statement_id))  # after the view's own slot returns
        self.statusbar.showMessage("Signed off: the statement can now be exported (File > Export return)", 8000)

    # --- sign-off and export ----------------------------------------------------------------------

    def _connect_sign_off_actions(self) -> None:
        self._read_only_text = self.readOnlyNotice.text()
        self.actionSignOff.triggered.connect(self.sign_off)
        self.actionReopen.triggered.connect(self.reopen_for_changes)
        self.actionExportReturn.triggered.connect(self.export_return)
        self.actionExportPdf.triggered.connect(self.export_pdf)
        self.actionExportPlan.triggered.connect(self.export_action_plan)

    def _go_to(self, standard_id: str, item_id: str) -> None:
        from s11audit.ui.completion import CompletionView

        self.show_view("self_assessment")
        view = self.views["self_assessment"]
        if isinstance(view, CompletionView):  # always, while an audit is shown
            view.show_standard(standard_id, item_id)

    def sign_off(self) -> None:
        from s11audit.ui.dialogs.sign_off import sign_off

        if self.statement_view is not None:
            self.statement_view.sign_off()
            return
        if self.document is None or self.document.assessment.read_only:
            return
        if sign_off(self, self.document.assessment, self._go_to):
            self._show_assessment(self._open_file().assessment(self.document.assessment.id))
            self.statusbar.showMessage("Signed off: the return can now be exported (File > Export return)", 8000)

    def reopen_for_changes(self) -> None:
        from s11audit.store import AuditFileError

        if self.document is None or not self.document.assessment.is_signed:
            return
        answer = QMessageBox.question(
            self, "Reopen for changes",
            "The signed-off audit is kept as it is. A new version, a full copy of it, is started for your changes "
            "and will need to be signed off again.\n\nReopen for changes?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            assessment = self._open_file().reopen_for_changes(self.document.assessment.id)
        except AuditFileError as error:
            QMessageBox.warning(self, "Cannot reopen", str(error))
            return
        self._show_assessment(assessment)

    def _file_menu_end(self) -> QAction:
        """Close file, and before it Delete old evidence…: personal data in evidence of the file's audits
        older than a period, deleted for good (``dialogs/old_evidence.py``)."""
        self.actionCloseFile.triggered.connect(self.close_file)
        action = QAction("&Delete old evidence…", self)
        action.setStatusTip("Delete evidence files older than a period from this file for good")
        action.triggered.connect(self.delete_old_evidence)
        self.menuFile.insertAction(self.actionCloseFile, action)
        self.menuFile.insertSeparator(self.actionCloseFile)
        self.actionAnswerRequest = self._answer_request_action(before=action)
        return action

    def _answer_request_action(self, before: QAction) -> QAction:
        """File > Answer an evidence request… (issue 17), just before Delete old evidence…."""
        action = QAction("&Answer an evidence request…", self)
        action.setStatusTip("Write the signed evidence supplement a business unit's evidence request asks for")
        action.triggered.connect(self.answer_evidence_request)
        self.menuFile.insertAction(before, action)
        return action

    def answer_evidence_request(self) -> None:
        """Choose the business unit's request (.s11request), then where to write the supplement it asks for."""
        from s11audit.export import export_supplement
        from s11audit.returns import ReturnError
        from s11audit.store import AuditFileError

        if self.audit_file is None:
            return
        request = file_dialogs.open_file_name(self, "Answer an evidence request", "Evidence requests (*.s11request)",
                                              self.settings)
        if not request:
            return
        suggested = Path(request).with_suffix(".s11supplement").name
        out = file_dialogs.save_file_name(self, "Save the evidence supplement", suggested,
                                          "Evidence supplements (*.s11supplement)", self.settings)
        if not out:
            return
        try:
            written = export_supplement(self.audit_file, Path(request), Path(out))
        except (AuditFileError, ReturnError) as error:
            QMessageBox.warning(self, "Cannot answer the request", str(error))
            return
        QMessageBox.information(self, "Evidence supplement written",
                                f"{written}\n\nSend this file to the business unit that asked for the evidence. "
                                "It holds only the files they asked for, signed with your audit's key.")

    def delete_old_evidence(self) -> None:
        """File > Delete old evidence…; the audit on show is shown again after a deletion."""
        from s11audit.ui.dialogs.old_evidence import delete_old_evidence

        if self.audit_file is None or self.audit_file.read_only:
            return
        shown_id = self._shown_audit_id()
        if delete_old_evidence(self, self.audit_file) and shown_id is not None:
            self._show_audit(shown_id)

    def export_return(self) -> None:
        from s11audit.ui.dialogs.export import export_return

        if self.statement_view is not None:
            self.statement_view.export()
        elif self.document is not None and self.document.assessment.is_signed:
            export_return(self, self._open_file(), self.document.assessment, self.settings.last_folder)

    def export_pdf(self) -> None:
        from s11audit.ui.dialogs.export import export_one

        if self.document is not None:
            export_one(self, self._open_file(), self.document.assessment, self.settings.last_folder, "pdf")

    def export_action_plan(self) -> None:
        from s11audit.ui.dialogs.export import export_one

        if self.document is not None:
            export_one(self, self._open_file(), self.document.assessment, self.settings.last_folder, "xlsx")

    # --- help menu -------------------------------------------------------------------------------

    def show_standards_sets(self) -> None:
        from s11audit.ui.dialogs.standards_sets import StandardsSetsDialog

        dialog = StandardsSetsDialog(self, self.catalogue.report())
        dialog.sets_changed.connect(self.catalogue.replace)  # an imported set is offered at once
        dialog.exec()

    def show_about(self) -> None:
        from s11audit.ui.dialogs.about import AboutDialog

        dialog = AboutDialog(self, self.catalogue.report(), self.settings.path)
        dialog.exec()
        dialog.deleteLater()

    def _explain_words(self) -> None:
        """Tooltips for "Standards set", "version" and "Audit cycle" in the header and for starting a new
        cycle; the header's "What is this?" opens the guide at the section that explains them."""
        self.auditDetails.setTextFormat(Qt.TextFormat.RichText)
        self.auditDetails.setToolTip(explanations.header_tip())
        self.auditDetails.linkActivated.connect(lambda anchor: self.show_guide_section(anchor.lstrip("#")))
        self.actionNewAudit.setToolTip(explanations.NEW_AUDIT)
        self.actionNewAudit.setStatusTip(explanations.NEW_AUDIT)
        self.menuFile.setToolTipsVisible(True)

    def show_guide_section(self, anchor: str) -> QWidget:
        """The guide, scrolled to the section with this anchor."""
        from s11audit.ui.dialogs.user_guide import open_guide

        return open_guide(self, anchor)

    def show_user_guide(self) -> QWidget:
        """The guide in its own window beside this one (one at a time), brought to the front."""
        from s11audit.ui.dialogs.user_guide import open_guide

        return open_guide(self)

    # --- first run ----------------------------------------------------------------------------------

    def welcome_if_first_run(self) -> QWidget | None:
        """The welcome, the first time the app starts for this user; never again once closed."""
        return None if self.settings.welcome_seen else self.show_welcome()

    def show_welcome(self) -> QWidget:
        from s11audit.ui.dialogs.welcome import WelcomeDialog

        dialog = self.welcome_dialog
        if dialog is None:
            dialog = WelcomeDialog(self)
            dialog.chosen.connect(self._welcome_chosen)
            dialog.finished.connect(self._welcome_closed)
            self.welcome_dialog = dialog
        dialog.open()
        return dialog

    def _welcome_closed(self) -> None:
        self.settings.welcome_seen = True
        dialog, self.welcome_dialog = self.welcome_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _welcome_chosen(self, choice: str) -> None:
        from s11audit.ui.dialogs import welcome

        # After the welcome has gone, so any dialog that follows sits on the main window.
        actions = {welcome.NEW_FILE: self.new_file, welcome.WORKSPACE: self.new_workspace,
                   welcome.GUIDE: self.show_user_guide}
        if choice in actions:
            QTimer.singleShot(0, self, actions[choice])
        elif choice.startswith("sample:"):
            QTimer.singleShot(0, self, lambda: self.open_sample(choice.split(":", 1)[1]))

    def open_sample(self, kind: str) -> bool:
        """Make (the first time) and open the completed sample audit for a school or an agency."""
        from s11audit.store import AuditFileError
        from s11audit.ui.dialogs.welcome import sample_file

        try:
            path = sample_file(kind, self.catalogue.report().sets)
        except (OSError, AuditFileError) as error:
            QMessageBox.warning(self, "Cannot make the sample audit", f"The sample audit could not be written: {error}")
            return False
        if path is None:
            QMessageBox.warning(self, "No sample audit", "No standards set for this kind of organisation is loaded, "
                                                         "so there is no sample to show.")
            return False
        opened = self.open_file(path)
        if opened:
            self.statusbar.showMessage(f"A sample audit to explore, kept in {path.parent}. "
                                       "Change anything you like: it is yours to try things out.", 15000)
        return opened


def next_cycle(cycle: str) -> str:
    """The cycle after ``cycle`` when it reads as a year ("2026/27" -> "2027/28", "2026" -> "2027"), else ""."""
    import re

    if match := re.fullmatch(r"(\d{4})([/-])(\d{2}|\d{4})", cycle.strip()):
        start = int(match[1]) + 1
        end = f"{(start + 1) % 100:02d}" if len(match[3]) == len("27") else str(start + 1)
        return f"{start}{match[2]}{end}"
    return str(int(cycle) + 1) if cycle.strip().isdigit() else ""


def _import_for_opening() -> None:
    """Import what opening a file needs (the store, SQLAlchemy, Alembic: most of a second), left out
    so the start screen is drawn sooner, once it is drawn and idle: a file opened from it then opens
    without that wait."""
    from s11audit.ui import document, opening  # noqa: F401 - imported now only to be ready; not used here


def _completion_view(document: AuditDocument, parent: QWidget) -> CompletionView:
    from s11audit.ui.completion import CompletionView

    return CompletionView(document, parent)
