"""Menus whose entries change while the app runs (recent files, the file's audits) and Help > About."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from s11audit import __version__
from s11audit.paths import user_standards_dir
from s11audit.store import AuditSummary


def fill_recent_menu(menu: QMenu, paths: list[Path], open_file: Callable[[Path], object]) -> None:
    menu.clear()
    for number, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{number} {path.name}    ({path.parent})")
        action.triggered.connect(lambda _=False, p=path: open_file(p))
    if not paths:
        menu.addAction("No recent files").setEnabled(False)


def fill_switch_menu(menu: QMenu, audits: list[AuditSummary], current_id: int | None,
                     switch: Callable[[int], object]) -> None:
    """The file's audits, newest first, with the one on screen ticked."""
    menu.clear()
    group = QActionGroup(menu)
    for summary in reversed(audits):
        action = QAction(summary.label, group)
        action.setCheckable(True)
        action.setChecked(summary.id == current_id)
        action.triggered.connect(lambda _=False, a=summary.id: switch(a))
        menu.addAction(action)


def show_about(parent: QWidget, settings_path: Path) -> None:
    QMessageBox.about(
        parent, "About s11audit",
        f"s11audit version {__version__}\n\nSafeguarding self-assessment audits for schools and colleges "
        "(sections 175 and 157, Education Act 2002) and agencies (section 11, Children Act 2004). "
        "It works offline: your audit file stays on this computer or your organisation's drive until you "
        f"send it.\n\nYour standards folder: {user_standards_dir()}\nYour settings: {settings_path}")
