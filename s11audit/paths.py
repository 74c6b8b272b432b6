"""Where the app finds its bundled data and where it keeps the user's own files.

Bundled data (``standards/``, ``forms/``, ``resources/``) sits beside the package in the source
tree and inside the bundle when frozen by PyInstaller (``sys._MEIPASS``). Per-user files follow the
platform's conventions through ``platformdirs``; nothing is ever written beside the program.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from s11audit import APP_NAME


def bundle_root() -> Path:
    """The folder holding ``standards/``, ``forms/`` and ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def shipped_standards_dir() -> Path:
    return bundle_root() / "standards"


def forms_dir() -> Path:
    return bundle_root() / "forms"


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
