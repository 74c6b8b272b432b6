"""The evidence linked to one standard: list, add (read off the UI thread), open, rename, link, remove.

Files are copied into the audit file. Reading and hashing a large PDF takes long enough to freeze
the window, so files are read by a worker in the thread pool and stored on the UI thread (the
database session belongs to it). A file already in the audit (same SHA-256) is linked, not
stored twice. Problems are shown in the panel, naming the file, rather than in a modal box.

Personal data (issue 17): the first time evidence is added to an audit a notice says what not to
attach (``dialogs/personal_data.py``); a file whose name or plain text looks like it names a child is
read as usual but kept aside, and once all are read the person is asked about each: attach or not.
A name or description typed for evidence gets the same second look.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from s11audit.logs import where
from s11audit.personal_data import Hint, second_looks, second_looks_in_file
from s11audit.standards import Standard
from s11audit.store import AuditFileError, EvidenceError, EvidenceFile, EvidenceRow, read_evidence_file
from s11audit.store import evidence as evidence_store
from s11audit.ui import file_dialogs
from s11audit.ui.commands import describe_evidence, link_evidence, rename_evidence, unlink_evidence
from s11audit.ui.dialogs import personal_data
from s11audit.ui.dialogs.crash import report_unexpected
from s11audit.ui.document import AuditDocument
from s11audit.ui.evidence_dialogs import LinkExistingDialog, LinkItemsDialog
from s11audit.ui.evidence_model import EvidenceModel
from s11audit.ui.item_editors import ERROR_COLOUR
from s11audit.ui.list_views import FittingTreeView


class _ReaderSignals(QObject):
    read = Signal(int, str, object, object)  # index, path, EvidenceFile, what looks like personal data (Hints)
    failed = Signal(int, str, str)  # index, path, message
    finished = Signal()


class _EvidenceReader(QRunnable):
    """Reads and hashes files one after another in the thread pool."""

    def __init__(self, paths: list[str], limit: int, signals: _ReaderSignals):
        super().__init__()
        self.paths, self.limit, self.signals = paths, limit, signals

    def run(self) -> None:
        try:
            for index, path in enumerate(self.paths):
                try:
                    found = read_evidence_file(path, self.limit)
                except EvidenceError as exc:
                    self.signals.failed.emit(index, path, str(exc))
                    continue
                except Exception as exc:  # noqa: BLE001 - a fault of ours: logged and reported; the other files go on
                    report_unexpected((type(exc), exc, exc.__traceback__), "reading evidence")
                    self.signals.failed.emit(index, path, f"{path}: could not be added because of an error in "
                                                          f"s11audit; the details are in {where()}.")
                    continue
                hints = second_looks_in_file(found.name, found.data, found.media_type)
                self.signals.read.emit(index, path, found, hints)
            self.signals.finished.emit()
        except RuntimeError:
            pass  # emitting failed: the panel was closed while we read; nothing is left to report to


class EvidencePanel(QWidget):
    def __init__(self, document: AuditDocument, standard: Standard, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.standard = standard
        self._read_only = document.read_only
        self._signals: _ReaderSignals | None = None
        self._total = self._done = 0
        self._notes: list[str] = []
        self._problems: list[str] = []
        self._to_ask: list[tuple[EvidenceFile, list[Hint]]] = []  # read, waiting for the second look
        number = standard.number
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel("No evidence linked to this standard yet. Add the documents that show your grade "
                                  "is right: policies, minutes, audits, training records.")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.model = EvidenceModel(self)
        self.view = FittingTreeView(self.model, f"Evidence for standard {number}", stretch_column=1,
                                    shares={0: 0.3, 4: 0.22})
        self.view.activated.connect(lambda _index: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.view)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(f"Reading evidence files for standard {number}")
        self.progress_label = QLabel()
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        self.progress_box = QWidget()
        self.progress_box.setLayout(progress_row)
        self.progress_box.hide()
        layout.addWidget(self.progress_box)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(f"Evidence messages for standard {number}")
        self.message.hide()
        layout.addWidget(self.message)

        self.buttons: dict[str, QPushButton] = {}
        rows = ((("add", "Add evi&dence\u2026", f"Add evidence files to standard {number}", self.add_files),
                 ("existing", "Link existing evidence\u2026",
                  f"Link evidence already in this audit to standard {number}", self.link_existing)),
                (("open", "Open", "Open the selected evidence file", self.open_selected),
                 ("rename", "Rename\u2026", "Rename the selected evidence file", self.rename_selected),
                 ("describe", "Describe\u2026", "Describe the selected evidence file", self.describe_selected)),
                # Three short rows rather than two long ones, so large text still fits a narrow window.
                (("links", "Link to items\u2026", "Choose the items and standards the selected evidence supports",
                  self.link_selected),
                 ("remove", "Remove", "Remove the selected evidence file from the audit", self.remove_selected)))
        for row in rows:
            box = QHBoxLayout()
            for key, text, name, slot in row:
                button = QPushButton(text)
                button.setAccessibleName(name)
                button.clicked.connect(slot)
                self.buttons[key] = button
                box.addWidget(button)
            box.addStretch(1)
            layout.addLayout(box)

    # --- showing -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while files are being read."""
        return self._signals is not None

    def refresh(self) -> None:
        library = self.document.assessment.evidence
        selected = self.selected()
        everything = library.all_evidence()
        mine = [row for row in everything if row.linked_to_standard(self.standard.id)]
        self.model.show_evidence(mine, self.standard, self.document.assessment.standards_set)
        self.view.setVisible(bool(mine))
        self.empty_label.setVisible(not mine)
        if selected is not None:  # keep the same file selected after a rename or a new link
            for row, shown in enumerate(self.model.rows):
                if shown.evidence.id == selected.id:
                    self.view.setCurrentIndex(self.model.index(row, 0))
        self._others = len(everything) - len(mine)
        self._enable()

    def _enable(self) -> None:
        editable = not self._read_only and not self.busy
        selected = self.selected() is not None
        self.buttons["add"].setEnabled(editable)
        self.buttons["existing"].setEnabled(editable and getattr(self, "_others", 0) > 0)
        self.buttons["open"].setEnabled(selected)
        for key in ("rename", "describe", "links", "remove"):
            self.buttons[key].setEnabled(editable and selected)

    def selected(self) -> EvidenceRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].evidence if rows else None

    def _show_message(self) -> None:
        parts = [html.escape(note) for note in self._notes]
        if self._problems:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in self._problems)
            parts.append(f"<span style='color:{ERROR_COLOUR}'><b>Not added:</b></span>"
                         f"<ul style='margin:0'>{items}</ul>")
        self.message.setText("<br>".join(parts))
        self.message.setVisible(bool(parts))

    # --- adding --------------------------------------------------------------------------------

    def add_files(self) -> None:
        if self.busy or not personal_data.before_adding_evidence(self, self.document.audit_file,
                                                                 self.document.assessment.id,
                                                                 "&OK, choose the files\u2026"):
            return
        paths = file_dialogs.open_file_names(self, f"Add evidence to standard {self.standard.number}", "All files (*)")
        if not paths or self.busy:
            return
        self._notes, self._problems, self._to_ask = [], [], []
        self._total, self._done, self._added = len(paths), 0, 0
        self._signals = _ReaderSignals(self)
        self._signals.read.connect(self._file_read)
        self._signals.failed.connect(self._file_failed)
        self._signals.finished.connect(self._all_read)
        self.progress.setRange(0, self._total)
        self.progress.setValue(0)
        self.progress_label.setText(f"Reading {self._total} file{'s' if self._total > 1 else ''}\u2026")
        self.progress_box.show()
        self._show_message()
        self._enable()
        # Read the limit now (not at import) so a partnership build or a test can change it.
        reader = _EvidenceReader(list(paths), evidence_store.MAX_EVIDENCE_BYTES, self._signals)
        QThreadPool.globalInstance().start(reader)

    def _step(self) -> None:
        self._done += 1
        self.progress.setValue(self._done)
        self.progress_label.setText(f"Read {self._done} of {self._total}")

    def _file_read(self, _index: int, _path: str, file: EvidenceFile, hints: list[Hint]) -> None:
        self._step()
        if hints and not any(row.sha256 == file.sha256 for row in self.document.assessment.evidence.all_evidence()):
            self._to_ask.append((file, hints))  # asked once every file is read: a modal box here would let
            return  # the next files' signals in underneath it
        self._store(file)

    def _store(self, file: EvidenceFile) -> None:
        library = self.document.assessment.evidence
        try:
            same = next((row for row in library.all_evidence() if row.sha256 == file.sha256), None)
            if same is None:
                library.add(file, links=[(self.standard.id, "")])
                self._added += 1
            elif same.linked_to_standard(self.standard.id):
                self._notes.append(f"{file.name} is already evidence for this standard (as \u201c{same.name}\u201d).")
            elif self.document.push(link_evidence(self.document, same.id, self.standard.id)):
                self._notes.append(f"{file.name} was already in this audit (as \u201c{same.name}\u201d); "
                                   "it is now linked to this standard too.")
        except AuditFileError as exc:
            self._problems.append(str(exc))

    def _file_failed(self, _index: int, _path: str, message: str) -> None:
        self._step()
        self._problems.append(message)

    def _all_read(self) -> None:
        to_ask, self._to_ask = ([] if self.document.closed else self._to_ask), []  # closed: nothing to ask about
        for file, hints in to_ask:
            if personal_data.attach_anyway(self, file.name, hints):
                self._store(file)
            else:
                self._notes.append(f"{file.name} was not added.")
        if self._signals is not None:
            self._signals.deleteLater()
        self._signals = None
        self.progress_box.hide()
        if self._added:
            self._notes.insert(0, f"Added {self._added} evidence file{'s' if self._added > 1 else ''}.")
        self._show_message()
        self.document.changed.emit(self.standard.id)
        self.refresh()

    # --- the selected file ---------------------------------------------------------------------

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            path = self.document.assessment.evidence.extract(row.id)
        except (AuditFileError, OSError) as exc:
            self._notes, self._problems = [f"Could not open {row.name}: {exc}"], []
            self._show_message()
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._notes, self._problems = [f"No program on this computer opens \u201c{row.name}\u201d. "
                                           f"A copy was saved as {path}."], []
            self._show_message()

    def rename_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        name, ok = QInputDialog.getText(self, "Rename evidence", "Name shown for this evidence file:",
                                        QLineEdit.EchoMode.Normal, row.name)
        if ok and name.strip() != row.name and self._second_look("name", name):
            self.document.push(rename_evidence(self.document, row.id, row.name, name.strip(), self.standard.id))

    def describe_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, "Describe evidence", "What this file shows (for example the "
                                                 "meeting, policy or period it covers):", row.description)
        if ok and text.strip() != row.description and self._second_look("description", text):
            self.document.push(describe_evidence(self.document, row.id, row.description, text.strip(),
                                                 self.standard.id))

    def _second_look(self, what: str, text: str) -> bool:
        """True to save ``text`` as typed: nothing in it looks like it names a child, or the person says so."""
        hints = second_looks(text)
        return not hints or personal_data.keep_anyway(self, what, hints)

    def link_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = LinkItemsDialog.ask(self, self.document.assessment, row, self.standard)
        if answer is None:
            return
        shown, chosen = answer
        current = set(row.links) & shown
        commands = [link_evidence(self.document, row.id, sid, item) for sid, item in sorted(chosen - current)]
        commands += [unlink_evidence(self.document, row.id, sid, item) for sid, item in sorted(current - chosen)]
        self._push_all(f"Link {row.name}", commands)

    def link_existing(self) -> None:
        chosen = LinkExistingDialog.ask(self, self.document.assessment, self.standard)
        if chosen:
            self._push_all(f"Link existing evidence to standard {self.standard.number}",
                           [link_evidence(self.document, evidence_id, self.standard.id) for evidence_id in chosen])

    def _push_all(self, text: str, commands: list) -> None:
        """Several links as one undo step."""
        if not commands:
            return
        stack = self.document.undo_stack
        stack.beginMacro(text)
        try:
            for command in commands:
                self.document.push(command)
        finally:
            stack.endMacro()
        self.refresh()

    def remove_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        standards_set = self.document.assessment.standards_set
        others = sorted({standards_set.standard(sid).number for sid, _ in row.links if sid != self.standard.id})
        where = f" It is also evidence for standard {', '.join(others)} and will go from there too." if others else ""
        answer = QMessageBox.question(
            self, "Remove evidence",
            f"Remove \u201c{row.name}\u201d from this audit?{where}\n\nThis cannot be undone: to get it back you "
            "would have to add the file again.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.document.assessment.evidence.remove(row.id)
        except AuditFileError as exc:
            self.document.report(str(exc))
            return
        self.document.forget_history()
        self.document.changed.emit("")
