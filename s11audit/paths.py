"""Where the app finds its bundled data and where it keeps the user's own files.

Bundled data (``standards/``, ``forms/``, ``resources/``) is kept at the top of the source tree,
and a build puts it where that build can carry it: PyInstaller at the top of the bundle
(``sys._MEIPASS``, build.spec), a wheel inside the package as ``s11audit/_data/`` (pyproject.toml).
Per-user files follow the platform's conventions through ``platformdirs``; nothing is ever written
beside the program.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from s11audit import APP_NAME


def bundle_root() -> Path:
    """The folder holding ``standards/``, ``forms/`` and ``resources/``, wherever this copy runs from.

    Frozen: the bundle. Installed from a wheel: ``_data`` in the installed package. From the
    source tree or an editable install (no ``_data``): the project folder above the package. Qt,
    the reports and the standards loader open these files by path, so only a package on disk
    counts (never one imported from a zip file).
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    # Imported only here: the frozen program, the one users start, never needs it.
    from importlib.resources import files

    installed = files("s11audit") / "_data"
    if isinstance(installed, Path) and installed.is_dir():
        return installed.resolve()
    return Path(__file__).resolve().parent.parent


def shipped_standards_dir() -> Path:
    return bundle_root() / "standards"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def user_data_dir() -> Path:
    """Per-user data folder; ``S11AUDIT_HOME`` overrides it (tests, portable use)."""
    override = os.environ.get("S11AUDIT_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))


def user_standards_dir() -> Path:
    """Where a business unit drops its own standards sets."""
    return user_data_dir() / "standards"
