"""Settings and recent files are kept per user, in the user's data folder: never beside the program
or in the folder the app was started from."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

import s11audit
from s11audit import APP_NAME
from s11audit.paths import bundle_root, user_data_dir
from s11audit.ui.settings import Settings


def test_settings_live_in_the_per_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("S11AUDIT_HOME")
    home = tmp_path / "user"
    # platformdirs reads these on each platform; point them all at a private folder.
    for name in ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(home))
    started_in = tmp_path / "started here"
    started_in.mkdir()
    monkeypatch.chdir(started_in)

    expected = Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))
    assert user_data_dir() == expected and expected.is_relative_to(home)
    settings = Settings()
    assert settings.path == expected / "settings.ini"
    audit = tmp_path / "somewhere" / "audit.s11audit"
    audit.parent.mkdir()
    audit.write_bytes(b"")
    settings.add_recent(audit)
    settings.user_name = "Helen Morris"
    settings.welcome_seen = True

    assert settings.path.is_file()
    assert Settings().recent_files() == [audit.resolve()] and Settings().welcome_seen
    program = Path(s11audit.__file__).resolve().parent
    for folder in (started_in, program, bundle_root()):
        assert not settings.path.is_relative_to(folder)
    assert os.listdir(started_in) == []
    assert not list(program.glob("*.ini")) and not list(bundle_root().glob("*.ini"))


def test_each_user_has_their_own(monkeypatch, tmp_path):
    monkeypatch.setenv("S11AUDIT_HOME", str(tmp_path / "helen"))
    Settings().user_name = "Helen Morris"
    monkeypatch.setenv("S11AUDIT_HOME", str(tmp_path / "priya"))
    assert Settings().user_name == "" and not Settings().welcome_seen
    Settings().user_name = "Priya Shah"
    monkeypatch.setenv("S11AUDIT_HOME", str(tmp_path / "helen"))
    assert Settings().user_name == "Helen Morris"
