"""Helpers for driving the app shell in tests: modal dialogs, message boxes and ready-made files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from s11audit.store import AuditFile, OrganisationDetails

# Qt's offscreen platform plugin does not implement propagateSizeHints() and warns whenever a
# shown window's minimum size changes (every dialog and main window does this on show). The
# warning is about the test platform, not about the app; on Windows and X11 it is never emitted.
OFFSCREEN_SIZE_HINTS = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

AGENCY = OrganisationDetails("Northfield Community Health NHS Trust", "RXY", "agency", "health")
SCHOOL = OrganisationDetails("St Aidan's CE Primary School", "124578", "education", "primary")


def when_dialog(kind: type, act: Callable[[QWidget], None], tries: int = 300) -> list[QWidget]:
    """Run ``act`` on the next modal dialog of ``kind`` once it is shown; returns the dialogs seen."""
    seen: list[QWidget] = []

    def poll(left: int = tries) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            seen.append(widget)
            try:
                act(widget)
            except BaseException:
                widget.reject()  # never leave a modal dialog waiting for a person; the error still fails the test
                raise
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return seen


@dataclass
class Messages:
    """Message boxes the app showed, answered without waiting for a person."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _, text in self.shown if kind is None or k == kind]


@pytest.fixture
def messages(monkeypatch) -> Messages:
    record = Messages()

    def fake(kind: str):
        def show(parent, title, text, *args, **kwargs):
            record.shown.append((kind, title, text))
            return record.answer if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    for kind in ("warning", "information", "question", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    return record


def make_file(path: Path, organisation: OrganisationDetails, standards_set=None, cycles: tuple[str, ...] = ("2026/27",),
              user: str = "Test User") -> Path:
    """A closed audit file holding an audit per cycle (none if no set is given)."""
    with AuditFile.create(path, organisation, user) as audit_file:
        if standards_set is not None:
            for cycle in cycles:
                audit_file.start_audit(standards_set, cycle)
    return path


def tab_order(top: QWidget, first: QWidget) -> list[str]:
    """Object names of the controls Tab visits from ``first``, in order, as a keyboard user meets them."""
    from PySide6.QtCore import Qt

    names, widget = [], first
    while True:
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        # Parts Qt builds inside a control are named "qt_..."; the control itself stands for them.
        if takes_tab and widget.isVisibleTo(top) and widget.isEnabled() and widget.objectName() \
                and not widget.objectName().startswith("qt_"):
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is first or len(names) > 60:
            return names


@pytest.fixture
def shown_window(qtbot):
    """The main window, shown at a laptop size, with the user's name already known."""
    from s11audit.ui.app import create_main_window
    from s11audit.ui.settings import Settings

    Settings().user_name = "Helen Morris"
    created = create_main_window()
    qtbot.addWidget(created)
    created.resize(1366, 860)
    created.show()
    qtbot.waitExposed(created)
    return created
