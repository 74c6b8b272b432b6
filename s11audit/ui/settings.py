"""The app's per-user settings: the user's name, recent audit files, the last folder used,
whether the welcome has been seen and the text size.

Kept in an INI file in the per-user data folder (not the Windows registry) so a locked-down PC
needs no registry rights, the file can be inspected, and ``S11AUDIT_HOME`` isolates tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings

from s11audit.paths import user_data_dir

MAX_RECENT = 8

_USER_NAME = "user/name"
_RECENT = "files/recent"
_LAST_FOLDER = "files/last_folder"
_WELCOME_SEEN = "first_run/welcome_seen"
_TEXT_SCALE = "view/text_scale"
TEXT_SCALES = (100, 200)  # the smallest and largest text size, per cent of normal


def clamp_text_scale(value: object) -> int:
    """A text size in per cent from whatever the file holds: a number is kept within 100..200,
    anything else (a hand-edited file, an old version's value) is the normal 100."""
    try:
        number = round(float(str(value)))
    except (TypeError, ValueError, OverflowError):
        return TEXT_SCALES[0]
    return min(max(number, TEXT_SCALES[0]), TEXT_SCALES[1])


def _as_list(value: object) -> list[str]:
    # QSettings hands back a str for a one-entry list and None for an empty one in INI files.
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if not isinstance(value, Iterable):
        raise TypeError(f"not a list of settings: {value!r}")
    return [str(v) for v in value]


class Settings:
    """A thin, typed view of the settings file; every change is written straight away."""

    def __init__(self, path: Path | None = None):
        self.path = path or user_data_dir() / "settings.ini"
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _store(self, key: str, value: object) -> None:
        self._qsettings.setValue(key, value)
        self._qsettings.sync()

    # --- who is using the app --------------------------------------------------------------------

    @property
    def user_name(self) -> str:
        return str(self._qsettings.value(_USER_NAME, "") or "").strip()

    @user_name.setter
    def user_name(self, name: str) -> None:
        self._store(_USER_NAME, name.strip())

    # --- recent files ----------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """Recent audit files, most recent first; files that no longer exist are dropped."""
        stored = _as_list(self._qsettings.value(_RECENT))
        present = [p for p in stored if os.path.isfile(p)]
        if present != stored:
            self._store(_RECENT, present)
        return [Path(p) for p in present]

    def add_recent(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        stored = [p for p in _as_list(self._qsettings.value(_RECENT)) if os.path.normcase(p) != os.path.normcase(text)]
        self._store(_RECENT, [text, *stored][:MAX_RECENT])
        self.last_folder = Path(text).parent

    def forget_recent(self, path: Path | str) -> None:
        text = os.path.normcase(str(Path(path).resolve()))
        self._store(_RECENT, [p for p in _as_list(self._qsettings.value(_RECENT)) if os.path.normcase(p) != text])

    # --- where the file dialogs start ------------------------------------------------------------

    @property
    def last_folder(self) -> Path:
        stored = str(self._qsettings.value(_LAST_FOLDER, "") or "")
        if stored and os.path.isdir(stored):
            return Path(stored)
        documents = Path.home() / "Documents"
        return documents if documents.is_dir() else Path.home()

    @last_folder.setter
    def last_folder(self, folder: Path | str) -> None:
        self._store(_LAST_FOLDER, str(folder))

    # --- first run -------------------------------------------------------------------------------

    @property
    def welcome_seen(self) -> bool:
        return str(self._qsettings.value(_WELCOME_SEEN, "false")).lower() == "true"

    @welcome_seen.setter
    def welcome_seen(self, seen: bool) -> None:
        self._store(_WELCOME_SEEN, "true" if seen else "false")

    # --- text size (View > Text size) --------------------------------------------------------------

    @property
    def text_scale(self) -> int:
        return clamp_text_scale(self._qsettings.value(_TEXT_SCALE, TEXT_SCALES[0]))

    @text_scale.setter
    def text_scale(self, percent: int) -> None:
        self._store(_TEXT_SCALE, clamp_text_scale(percent))
