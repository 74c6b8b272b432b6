"""The Peer audit tab of the business unit's window: events, challenge groups, templates, the day.

Setting up (an event with its standards in focus and agencies), proposing challenge groups that mix
sectors and editing them, the business unit's note per agency and standard, the templates, the
schedule; on the day, recording each group (``peer_recording.py``); after it, the day summary,
feedback letters and the outcomes workbook. The work is done by ``business_unit.peer_*`` and the
``reports.peer_*`` writers; long jobs run off the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialog, QInputDialog, QListWidgetItem, QMessageBox, QTreeWidgetItem, QWidget

from s11audit.business_unit import peer_audit
from s11audit.business_unit.workspace import CycleRow, Workspace
from s11audit.store import AuditFileError
from s11audit.ui import file_dialogs
from s11audit.ui.business_unit.peer_recording import PeerRecordingDialog
from s11audit.ui.date_field import one_stop
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.dialogs.crash import show_error
from s11audit.ui.generated.business_unit_window import BusinessUnitWindowForm
from s11audit.ui.generated.peer_event_dialog import PeerEventDialogForm

if TYPE_CHECKING:  # the window imports this module
    from s11audit.ui.business_unit.window import BusinessUnitWindow

ORG_ROLE = Qt.ItemDataRole.UserRole + 60
FOCUS_ALL_UP_TO = 3  # a set with this many standards or fewer has them all in focus by default


class PeerEventDialog(FormDialog[PeerEventDialogForm]):
    def __init__(self, parent: QWidget | None, standards, organisations, focus_default: set[str]):
        super().__init__(PeerEventDialogForm, parent)
        self.set_ok_text("&Create event")
        form = self.form
        one_stop(form.heldOn).setDate(QDate.currentDate().addMonths(2))
        one_stop(form.startsAt, "HH:mm").setTime(QTime(9, 30))
        for standard in standards:
            item = QListWidgetItem(f"{standard.number}. {standard.title}", form.focus)
            item.setData(Qt.ItemDataRole.UserRole, standard.id)
            item.setCheckState(Qt.CheckState.Checked if standard.id in focus_default else Qt.CheckState.Unchecked)
            item.setToolTip(item.text())  # the whole title where the list cuts it with "…"
        for organisation in organisations:
            item = QListWidgetItem(f"{organisation.name} ({organisation.sector or 'no sector'})", form.agencies)
            item.setData(Qt.ItemDataRole.UserRole, organisation.id)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(item.text())
        form.eventName.textChanged.connect(self.validate)
        form.focus.itemChanged.connect(self.validate)
        form.agencies.itemChanged.connect(self.validate)
        self.validate()
        form.eventName.setFocus()

    @staticmethod
    def _checked(widget) -> list:
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def problem(self) -> str:
        if not self.form.eventName.text().strip():
            return "Give the event a name."
        if not self._checked(self.form.focus):
            return "Choose at least one standard in focus."
        if not self._checked(self.form.agencies):
            return "Choose the agencies taking part."
        return ""

    def values(self):
        form = self.form
        return (form.eventName.text().strip(), form.heldOn.date().toPython(), self._checked(form.focus),
                self._checked(form.agencies), form.startsAt.time().toPython(), form.slotMinutes.value())


class PeerView:
    """Drives the Peer audit tab's widgets (they live in the window's form)."""

    def __init__(self, window: BusinessUnitWindow, form: BusinessUnitWindowForm, workspace: Workspace):
        self.window, self.form, self.workspace = window, form, workspace
        form.peerEvent.currentIndexChanged.connect(self.refresh_event)
        form.newEventButton.clicked.connect(self.new_event)
        form.proposeGroupsButton.clicked.connect(self.propose_groups)
        form.moveButton.clicked.connect(self.move_agency)
        form.noteButton.clicked.connect(self.write_note)
        form.recordButton.clicked.connect(self.record_group)
        form.groupsTree.itemActivated.connect(lambda *_: self.record_group())
        form.templatesButton.clicked.connect(self.write_templates)
        form.scheduleButton.clicked.connect(lambda: self.write_report("schedule"))
        form.daySummaryButton.clicked.connect(lambda: self.write_report("summary"))
        form.peerFeedbackButton.clicked.connect(self.write_feedback)
        form.outcomesWorkbookButton.clicked.connect(lambda: self.write_report("workbook"))
        form.groupsTree.setColumnWidth(0, 420)
        form.groupsTree.setColumnWidth(1, 220)

    @property
    def event_id(self) -> int | None:
        return self.form.peerEvent.currentData()

    def fill(self, cycle: CycleRow | None, select: int | None = None) -> None:
        chooser = self.form.peerEvent
        select = chooser.currentData() if select is None else select
        chooser.blockSignals(True)
        chooser.clear()
        if cycle is not None:
            for found in peer_audit.events(self.workspace, cycle.id):
                chooser.addItem(f"{found.name} ({found.held_on:%d %b %Y})", found.id)
        kept = chooser.findData(select) if select is not None else -1
        chooser.setCurrentIndex(kept if kept >= 0 else chooser.count() - 1)
        chooser.blockSignals(False)
        self.refresh_event()

    def refresh_event(self) -> None:
        form, event_id = self.form, self.event_id
        for widget in (form.proposeGroupsButton, form.moveButton, form.noteButton, form.templatesButton,
                       form.scheduleButton, form.recordButton, form.daySummaryButton, form.peerFeedbackButton,
                       form.outcomesWorkbookButton, form.groupSize):
            widget.setEnabled(event_id is not None)
        form.groupsTree.clear()
        if event_id is None:
            form.peerEventDetails.setText("Create an event for a peer audit / challenge day.")
            return
        found = peer_audit.event(self.workspace, event_id)
        standards = peer_audit.standards_in_focus(self.workspace, event_id)
        form.peerEventDetails.setText(f"{found.held_on:%d %B %Y} from {found.starts_at:%H:%M}, {found.slot_minutes} "
                                      f"minutes a group · standards {', '.join(s.number for s in standards)}")
        recorded: dict[int, int] = {}
        for row in peer_audit.records(self.workspace, event_id):
            recorded[row.organisation_id] = recorded.get(row.organisation_id, 0) + (row.outcome is not None)
        groups: dict[int | None, QTreeWidgetItem] = {}
        for person in peer_audit.participants(self.workspace, event_id):
            if person.group not in groups:
                title = f"Group {person.group}" if person.group else "Not in a group yet"
                groups[person.group] = QTreeWidgetItem(form.groupsTree, [title])
                groups[person.group].setData(0, ORG_ROLE, ("group", person.group))
            done = f"{recorded.get(person.organisation_id, 0)} of {len(standards)}"
            item = QTreeWidgetItem(groups[person.group], [person.name, person.sector, done])
            item.setData(0, ORG_ROLE, ("agency", person.organisation_id, person.group))
            item.setToolTip(0, person.name)
        form.groupsTree.expandAll()

    def _chosen(self):
        item = self.form.groupsTree.currentItem()
        return item.data(0, ORG_ROLE) if item is not None else None

    def _apply(self, change) -> bool:
        try:
            change()
        except AuditFileError as error:
            QMessageBox.warning(self.window, "Not saved", str(error))
            return False
        self.refresh_event()
        return True

    def new_event(self) -> None:
        cycle = self.window.cycle
        if cycle is None:
            return
        standards_set = self.workspace.standards_set(cycle.id)
        default = {s.id for s in standards_set.standards} if len(standards_set.standards) <= FOCUS_ALL_UP_TO else set()
        dialog = PeerEventDialog(self.window, standards_set.standards, self.workspace.organisations(cycle.id), default)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, held_on, focus, agencies, starts_at, slot = dialog.values()
        try:
            found = peer_audit.add_event(self.workspace, cycle.id, name, held_on, focus, starts_at=starts_at,
                                         slot_minutes=slot)
            peer_audit.add_participants(self.workspace, found.id, agencies)
        except AuditFileError as error:
            QMessageBox.warning(self.window, "Cannot create the event", str(error))
            return
        self.fill(cycle, found.id)

    def propose_groups(self) -> None:
        event_id, size = self.event_id, self.form.groupSize.value()
        if event_id is None:
            return
        self._apply(lambda: peer_audit.set_groups(self.workspace, event_id,
                                                  peer_audit.propose_event_groups(self.workspace, event_id, size)))

    def move_agency(self) -> None:
        chosen, event_id = self._chosen(), self.event_id
        if not chosen or chosen[0] != "agency" or event_id is None:
            return
        groups = [p.group for p in peer_audit.participants(self.workspace, event_id) if p.group]
        number, ok = QInputDialog.getInt(self.window, "Move to group", "Move to group number:", chosen[2] or 1, 1,
                                         max(groups, default=0) + 1)
        if ok:
            self._apply(lambda: peer_audit.move_participant(self.workspace, event_id, chosen[1], number))

    def write_note(self) -> None:
        chosen, event_id = self._chosen(), self.event_id
        if not chosen or chosen[0] != "agency" or event_id is None:
            return
        standards = peer_audit.standards_in_focus(self.workspace, event_id)
        labels = [f"{s.number}. {s.title}" for s in standards]
        label, ok = QInputDialog.getItem(self.window, "Business unit note", "For which standard?", labels, 0, False)
        if not ok:
            return
        standard = standards[labels.index(label)]
        current = next((r.business_unit_note for r in peer_audit.records(self.workspace, event_id, [chosen[1]])
                        if r.standard_id == standard.id), "")
        text, ok = QInputDialog.getMultiLineText(self.window, "Business unit note",
                                                 "Learning from reviews and case audits for this agency and standard "
                                                 "(shown in its template and on the day):", current)
        if ok:
            self._apply(lambda: peer_audit.set_business_unit_note(self.workspace, event_id, chosen[1],
                                                                  standard.id, text))

    def record_group(self) -> None:
        chosen, event_id = self._chosen(), self.event_id
        if event_id is None:
            return
        group = chosen[1] if chosen and chosen[0] == "group" else chosen[2] if chosen else 1
        PeerRecordingDialog(self.window, self.workspace, event_id, group).exec()
        self.refresh_event()

    def write_templates(self) -> None:
        from s11audit.business_unit.peer_templates import write_peer_templates

        event_id = self.event_id
        if event_id is None:
            return
        folder = file_dialogs.existing_directory(self.window, "Write the peer audit templates")
        if not folder:
            return
        ran = self.window.run_job(
            "Writing templates", "Templates are being written",
            lambda workspace, progress, cancelled: write_peer_templates(workspace, event_id, Path(folder),
                                                                        progress=progress, cancelled=cancelled),
            changes=False)
        if ran is None:
            return
        results, error, _ = ran
        if error is not None:
            show_error(self.window, "Templates not written", error)
            return
        failed = [r for r in results if not r.written]
        text = f"{len(results) - len(failed)} templates written to {folder}."
        if failed:
            text += "\n\nNot written:\n" + "\n".join(f"• {r.organisation.name}: {r.problem}" for r in failed[:20])
        QMessageBox.information(self.window, "Templates", text)

    def write_report(self, kind: str) -> None:
        from s11audit.business_unit import peer_reports

        suffix = ".xlsx" if kind == "workbook" else ".pdf"
        names = {"schedule": "schedule", "summary": "day summary", "workbook": "outcomes"}
        event_id = self.event_id
        if event_id is None:
            return
        found = peer_audit.event(self.workspace, event_id)
        path = file_dialogs.save_file_name(self.window, "Write the " + names[kind],
                                           f"{found.name} {names[kind]}{suffix}",
                                           "Excel workbooks (*.xlsx)" if suffix == ".xlsx" else "PDF documents (*.pdf)")
        if not path:
            return
        target = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
        writer = {"schedule": peer_reports.write_schedule, "summary": peer_reports.write_day_summary,
                  "workbook": peer_reports.write_outcomes_workbook}[kind]
        ran = self.window.run_job("Writing the " + names[kind], "A report is being written",
                                  lambda workspace, progress, cancelled: writer(workspace, event_id, target),
                                  cancellable=False, changes=False)
        if ran is None:
            return
        _, error, _ = ran
        if error is not None:
            show_error(self.window, "Not written", error)
            return
        QMessageBox.information(self.window, "Written", str(target))

    def write_feedback(self) -> None:
        from s11audit.business_unit import peer_reports

        event_id = self.event_id
        if event_id is None:
            return
        folder = file_dialogs.existing_directory(self.window, "Write a feedback letter for each agency")
        if not folder:
            return
        ran = self.window.run_job(
            "Writing feedback letters", "Feedback letters are being written",
            lambda workspace, progress, cancelled: peer_reports.write_feedback_letters(workspace, event_id,
                                                                                      Path(folder)),
            cancellable=False, changes=False)
        if ran is None:
            return
        results, error, _ = ran
        if error is not None:
            show_error(self.window, "Feedback letters not written", error)
            return
        QMessageBox.information(self.window, "Feedback letters", peer_reports.describe_results(results, folder))
