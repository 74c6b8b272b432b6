"""Fixtures shared by the UI tests, declared here so that a test module names them only as parameters.

``screen_data`` (from ``tests/ui/every_screen.py``) is written once per test run for every module that
shows every screen (it is slow to write: completed sample audits, returns and a workspace)."""

from tests.ui.business_unit_support import event, window, workspace
from tests.ui.completion_support import agency_doc, school_doc
from tests.ui.every_screen import every_screen, screen_data
from tests.ui.personal_data_support import quiet_personal_data_notice
from tests.ui.shell_support import messages, shown_window

__all__ = ["agency_doc", "event", "every_screen", "messages", "quiet_personal_data_notice", "school_doc", "screen_data",
           "shown_window", "window", "workspace"]
