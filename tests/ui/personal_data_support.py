"""Tests of other things add evidence without meeting the personal data notice (issue 17).

The notice is modal and shows the first time evidence is added to an audit, and almost every test adds
to a fresh audit; ``quiet_personal_data_notice`` (autouse, imported by ``tests/ui/conftest.py``) goes
straight on to the file chooser instead. ``tests/ui/test_personal_data_ui.py`` puts the real notice back.
"""

from __future__ import annotations

import pytest

from s11audit.ui.dialogs import personal_data

REAL_NOTICE = personal_data.before_adding_evidence


@pytest.fixture(autouse=True)
def quiet_personal_data_notice(monkeypatch):
    monkeypatch.setattr(personal_data, "before_adding_evidence", lambda *args, **kwargs: True)


@pytest.fixture
def real_personal_data_notice(monkeypatch):
    """The notice as the app shows it (for the tests of the notice itself)."""
    monkeypatch.setattr(personal_data, "before_adding_evidence", REAL_NOTICE)
