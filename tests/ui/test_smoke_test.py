"""``s11audit app --smoke-test``: what packaging/check_build.py runs on a build to see the window come up."""

from __future__ import annotations

import contextlib

from s11audit.cli import _process_age, main
from tests.ui.shell_support import OFFSCREEN_SIZE_HINTS

pytestmark = OFFSCREEN_SIZE_HINTS


def test_smoke_test_shows_the_window_loads_the_sets_and_says_how_long(qapp, capsys):
    assert main(["app", "--smoke-test"]) == 0
    out = capsys.readouterr().out
    assert "window shown: True;" in out and "s from process start" in out
    assert "standards sets loaded: " in out and " (0 skipped)" in out
    assert not [w for w in qapp.topLevelWidgets() if w.isVisible()]


def test_process_age_is_the_time_since_this_process_started():
    age = _process_age()
    assert age is not None and 0 < age < 24 * 3600


def test_the_smoke_test_option_is_not_in_the_help(capsys):
    with contextlib.suppress(SystemExit):
        main(["app", "--help"])
    assert "smoke" not in capsys.readouterr().out
