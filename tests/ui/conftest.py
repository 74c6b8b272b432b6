"""The data of ``tests/ui/every_screen.py``, written once per test run for every module that shows
every screen (it is slow to write: completed sample audits, returns and a workspace)."""

from tests.ui.every_screen import screen_data  # noqa: F401
