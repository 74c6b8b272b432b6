"""Menus whose entries change while the app runs (recent files, the file's audits)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

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
