"""The business unit's window for one workspace: cycles, register and responses, returns, findings.

Everything is done by the Qt-free core (``s11audit.business_unit``); this window lays it out, asks
for files and runs the long jobs (imports, starting files, reports) off the UI thread through
``ui.background.run_in_background``. Dropping return files or folders on the window imports them.

Background jobs own their data (:meth:`BusinessUnitWindow.run_job`): the workspace's SQLite file is
locked by one connection (``locking_mode=EXCLUSIVE``) and a session must never be used by two
threads, so for a job the window closes its own ``Workspace``, the job opens the file again on the
worker thread, works through that connection only and closes it before it returns; then the window
opens the file again and shows what changed. While a job runs the window refuses edits (the progress
dialog is modal and ``busy`` is checked by every change). Closing the window or quitting the app
while a job runs asks whether to stop it; on yes the job is cancelled, the window waits for it to
return (the core checks ``cancelled`` between returns and commits each return whole) and closes,
leaving the file free to open again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QWidget

from s11audit.business_unit.workspace import CycleRow, Workspace
from s11audit.standards import StandardsSet
from s11audit.store import AuditFileError
from s11audit.ui.background import Job, run_in_background
from s11audit.ui.business_unit.dialogs import NewCycleDialog
from s11audit.ui.business_unit.findings_tab import FindingsTab
from s11audit.ui.business_unit.peer_view import PeerView
from s11audit.ui.business_unit.register_tab import RegisterTab
from s11audit.ui.business_unit.returns_tab import ReturnsTab
from s11audit.ui.business_unit.statement_tab import StatementTab
from s11audit.ui.business_unit.tables import STATUS_LABELS
from s11audit.ui.business_unit.window_parts import JobResult, JobWork
from s11audit.ui.generated.business_unit_window import BusinessUnitWindowForm
from s11audit.ui.elide import elide_combo
from s11audit.ui.flow_layout import wrap_row
from s11audit.ui.text_size import add_view_menu

GUIDE_SECTION = "for-the-partnership-business-unit"  # the anchor of the guide's "For the partnership business unit"


class BusinessUnitWindow(RegisterTab, ReturnsTab, FindingsTab, StatementTab, QMainWindow):
    """The frame, menus, cycle choice, drag-and-drop and background jobs; each tab is its own module
    (register_tab, returns_tab, findings_tab, statement_tab for a statement cycle, peer_view)."""

    def __init__(self, workspace: Workspace, sets: list[StandardsSet], parent: QWidget | None = None,
                 sources: dict[tuple[str, str], str] | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.sets = sets
        self.sources = sources or {}  # where each set comes from (cycle_sets.set_sources), for the New cycle dialog
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._job: Job | None = None  # the background job running, if any (it has the file)
        self._job_running = ""  # "An import is running" for the question asked on closing
        self._closing = False  # closed while a job ran: taken down once the job's caller has returned
        self.setWindowTitle(f"{workspace.path.stem} – business unit – s11audit")
        self.setAcceptDrops(True)
        self.form = form = BusinessUnitWindowForm(self)
        self.setCentralWidget(form)
        self._menus()
        add_view_menu(self.menuBar())  # View > Text size, as in the main window
        self._build_register_tab(form)
        self._build_returns_tab(form)
        self._build_findings_tab(form)
        self._build_statement_tab(form)
        form.cycleChooser.currentIndexChanged.connect(self.refresh)
        form.newCycleButton.clicked.connect(self.new_cycle)
        self.peer = PeerView(self, form, workspace)
        # With large text (View > Text size) one straight row of buttons is wider than the screen.
        # (each row's Python side kept, as in action_plan.py)
        self._wrapping_rows = [wrap_row(row) for row in (
            form.registerButtons, form.returnsButtons, form.findingsFilters, form.peerEventRow, form.peerGroupRow,
            form.peerOutputRow)]
        elide_combo(form.cycleChooser, 30)  # "Schools S175 2026/27 (Section 175/157 safeguarding…"
        elide_combo(form.peerEvent, 24)
        form.dropHint.setWordWrap(True)
        self.resize(1280, 820)
        self._fill_cycles()
        # First focus: the register, the list the window is about; New cycle while there is no cycle.
        (form.registerTable if self.cycle is not None else form.newCycleButton).setFocus()

    # --- menus and the cycle ----------------------------------------------------------------------

    def _menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        for text, slot, keys in (("&New cycle…", self.new_cycle, None),
                                 ("&Import returns…", self.choose_returns, QKeySequence("Ctrl+I")),
                                 ("Import a &folder of returns…", self.choose_folder, None),
                                 (None, None, None),
                                 ("&DSL directory…", self.dsl_directory, None),
                                 (None, None, None),
                                 ("&Business unit details…", self.edit_details, None),
                                 ("&Headline measures…", self.choose_headlines, None),
                                 ("&Retention…", self.show_retention, None),  # register_tab: personal data kept
                                 (None, None, None),
                                 ("&Close workspace", self.close, QKeySequence(QKeySequence.StandardKey.Close))):
            if text is None:
                menu.addSeparator()
                continue
            action = QAction(text, self)
            action.triggered.connect(slot)
            if keys is not None:
                action.setShortcut(keys)
            menu.addAction(action)
        # Help as in the main window; F1 opens the guide where it speaks of the business unit.
        help_menu = self.menuBar().addMenu("&Help")
        guide = help_menu.addAction("&User guide", self.show_user_guide)
        guide.setShortcut(QKeySequence("F1"))
        guide.setStatusTip("How to run the business unit's cycles: register, returns, findings and peer audit")
        help_menu.addAction("&About s11audit", self.show_about)
        self.guide_window: QWidget | None = None

    def show_user_guide(self) -> QWidget:
        """The guide beside this window (one at a time), open at the business unit's section."""
        from s11audit.ui.dialogs.user_guide import open_guide

        return open_guide(self, GUIDE_SECTION)

    def show_about(self) -> None:
        from s11audit.standards import discover
        from s11audit.ui.dialogs.about import AboutDialog
        from s11audit.ui.settings import Settings

        dialog = AboutDialog(self, discover(), Settings().path)  # the sets as they are on disk now
        dialog.exec()
        dialog.deleteLater()

    def _fill_cycles(self, select: int | None = None) -> None:
        chooser = self.form.cycleChooser
        chooser.blockSignals(True)
        chooser.clear()
        for cycle in self.workspace.cycles():
            # A statement cycle says so: its returns, figures and chase list are a statement's.
            kind = ", compliance statement" if cycle.is_statement else ""
            chooser.addItem(f"{cycle.name}{kind} ({cycle.set_title})", cycle.id)
        if select is not None:
            chooser.setCurrentIndex(max(0, chooser.findData(select)))
        else:
            chooser.setCurrentIndex(chooser.count() - 1)
        chooser.blockSignals(False)
        self.refresh()

    @property
    def cycle(self) -> CycleRow | None:
        cycle_id = self.form.cycleChooser.currentData()
        return self.workspace.cycle(cycle_id) if cycle_id is not None else None

    def refresh(self) -> None:
        cycle = self.cycle
        form = self.form
        for widget in (form.tabs, form.importRegisterButton):
            widget.setEnabled(cycle is not None)
        if cycle is None:
            form.cycleSummary.setText("Start by creating an audit cycle: New cycle…")
            return
        rates = self._refresh_register(cycle)
        self._refresh_returns(cycle)
        self._fill_filters(rates)
        self._refresh_statement(cycle)  # a statement cycle has Statement findings instead of Findings
        self._show_findings()
        if hasattr(self, "peer"):
            self.peer.fill(cycle)
        self._update_buttons()

    def changed(self, returns_changed: bool = True, moderated: int | None = None) -> None:
        """Show the workspace again after a change made here (an edit, a match, a finished job); a
        moderation (of return ``moderated``) changes no row of the tables (``returns_changed=False``),
        only that return's record for the findings."""
        if moderated is not None:
            self._record_moderated(moderated)
        else:
            self._forget_findings()
            self._forget_statement()
        if returns_changed:
            self.refresh()
        else:
            self._show_findings()

    def dsl_directory(self) -> None:
        """The cycle's designated safeguarding leads and deputies (``dsl_directory_dialog``)."""
        from s11audit.business_unit.dsl_directory import DirectoryError
        from s11audit.business_unit.dsl_directory import dsl_directory as read_directory
        from s11audit.ui.business_unit.dsl_directory_dialog import DslDirectoryDialog

        cycle = self.cycle
        if self.busy or cycle is None:
            return
        try:
            directory = read_directory(self.workspace, cycle)
        except DirectoryError as exc:
            QMessageBox.information(self, "No DSL directory", str(exc))
            return
        dialog = DslDirectoryDialog(self, directory)
        self._dsl_dialog = dialog  # kept for tests and so it is not collected while open
        dialog.open()

    def new_cycle(self) -> None:
        if self.busy:
            return
        # The set offered first is the one last used in this workspace (its latest cycle, the one the
        # dialog also offers as the previous cycle), whichever cycle is on show; with none, the first set
        # not taken from another (never the peer audit set: ``preferred_set``).
        cycles = self.workspace.cycles()
        last = cycles[-1] if cycles else None
        register = [o.org_type for o in self.workspace.organisations(last.id)] if last is not None else []
        previous_set = self.workspace.standards_set(last.id) if last is not None else None
        # A statement uses its baseline's set, read from the workspace when it is no longer among the sets.
        dialog = NewCycleDialog(self, self.sets, cycles, self.sources, register, previous_set,
                                set_of=lambda baseline: self.workspace.standards_set(baseline.id))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, standards_set, opens_on, due_on, previous = dialog.values()
        kind, baseline = dialog.kind()
        try:
            cycle = self.workspace.add_cycle(name, standards_set, due_on, opens_on=opens_on, previous=previous,
                                             copy_register=dialog.copy_register(), kind=kind, baseline=baseline)
        except AuditFileError as error:
            QMessageBox.warning(self, "Cannot create the cycle", str(error))
            return
        self._fill_cycles(cycle.id)

    # --- changes -----------------------------------------------------------------------------------

    def _apply(self, change: Callable[[], object], title: str, returns_changed: bool = True,
               moderated: int | None = None) -> bool:
        if self.busy:
            return False
        try:
            change()
        except AuditFileError as error:
            QMessageBox.warning(self, title, str(error))
            return False
        self.changed(returns_changed, moderated)
        return True

    # --- drag and drop -------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.cycle is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and not self.busy:
            event.acceptProposedAction()
            self.import_paths(paths)


    # --- background jobs and closing ---------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A job has the workspace: no change is made until it ends."""
        return self._job is not None or self._closing

    def run_job(self, title: str, running: str, work: JobWork, cancellable: bool = True,
                changes: bool = True) -> JobResult:
        """Run ``work(workspace, progress, cancelled)`` on a worker thread with the file to itself.

        The window's workspace is closed, the job opens its own on the worker and closes it before it
        returns, and the window opens the file again afterwards. Returns ``(result, error, cancelled)``,
        or None when the window was closed meanwhile (the job stopped; nothing more to show).
        """
        if self.busy:
            return None
        path, user, read_only = self.workspace.path, self.workspace.user, self.workspace.read_only
        self.workspace.close()

        def task(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> object:
            with Workspace.open(path, user, read_only=read_only) as own:
                return work(own, progress, cancelled)

        def started(job: Job) -> None:
            self._job = job

        self._job_running = running
        try:
            result = run_in_background(self, title, task, cancellable=cancellable, on_start=started)
        finally:
            self._job = None
        if self._closing:  # closed while the job ran: the job has stopped and let go of the file
            self.deleteLater()
            return None
        try:
            self._set_workspace(Workspace.open(path, user, read_only=read_only))
        except AuditFileError as error:
            QMessageBox.warning(self, "Cannot open the workspace again", str(error))
            self._closing = True
            self.close()
            self.deleteLater()
            return None
        if changes:
            self.changed()
        return result

    def _set_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.peer.workspace = workspace

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._job is not None:
            if QMessageBox.question(self, "Close the workspace", f"{self._job_running}. Stop it and close?") \
                    != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            # The job's caller is still on the stack (behind the progress dialog): the window is
            # deleted once it has returned (run_job), not now.
            self._closing = True
            self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self._stop_findings()
            self._stop_statement()
            self._job.stop()  # cancelled between returns; its own connection is closed when it returns
            super().closeEvent(event)
            return
        self._stop_findings()
        self._stop_statement()
        if not self._closing:
            self.workspace.close()
        super().closeEvent(event)

    @staticmethod
    def status_label(status: str) -> str:
        return STATUS_LABELS.get(status, status)
