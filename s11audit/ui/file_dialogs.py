"""Every file dialog of the app starts in the last folder used and remembers the folder chosen.

Qt's dialogs start in the process's working folder when given no folder, which for an app started
from a shortcut is the program's own folder: a DSL looking for evidence or a register was shown
somewhere they had never saved anything. So each dialog starts in ``Settings.last_folder`` (which
falls back to Documents) and the folder of whatever is chosen becomes the next one's start.

Each wrapper takes the same first arguments as the ``QFileDialog`` static function it wraps, returns
what was chosen ("" or [] when cancelled) and calls that function at call time, so tests can
replace it.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from s11audit.ui.settings import Settings


def file_stem(text: str, fallback: str = "file") -> str:
    """Text (an organisation and a cycle) as a file name stem: "2027/28" would be a folder, and Windows
    refuses <>:"/\\|?* and control characters in a name."""
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "-", text).strip(" .") or fallback


def start_in(settings: Settings, suggested: str | Path = "") -> str:
    """Where a dialog starts: a full path the caller worked out as it is; a file name alone (a
    suggested name to save as) in the last folder; nothing, the last folder itself."""
    suggested = str(suggested)
    if suggested and Path(suggested).is_absolute():
        return suggested
    folder = settings.last_folder
    return str(folder / suggested) if suggested else str(folder)


def _remember(settings: Settings, folder: Path) -> None:
    if folder.is_dir():
        settings.last_folder = folder


def open_file_name(parent: QWidget | None, caption: str, file_filter: str = "",
                   settings: Settings | None = None) -> str:
    settings = settings or Settings()
    path, _ = QFileDialog.getOpenFileName(parent, caption, start_in(settings), file_filter)
    if path:
        _remember(settings, Path(path).parent)
    return path


def open_file_names(parent: QWidget | None, caption: str, file_filter: str = "",
                    settings: Settings | None = None) -> list[str]:
    settings = settings or Settings()
    paths, _ = QFileDialog.getOpenFileNames(parent, caption, start_in(settings), file_filter)
    if paths:
        _remember(settings, Path(paths[0]).parent)
    return list(paths)


def save_file_name(parent: QWidget | None, caption: str, suggested: str | Path = "", file_filter: str = "",
                   settings: Settings | None = None) -> str:
    """``suggested``: a file name (put in the last folder) or a full path the caller chose."""
    settings = settings or Settings()
    path, _ = QFileDialog.getSaveFileName(parent, caption, start_in(settings, suggested), file_filter)
    if path:
        _remember(settings, Path(path).parent)
    return path


def existing_directory(parent: QWidget | None, caption: str, settings: Settings | None = None) -> str:
    settings = settings or Settings()
    folder = QFileDialog.getExistingDirectory(parent, caption, start_in(settings))
    if folder:
        _remember(settings, Path(folder))
    return folder
