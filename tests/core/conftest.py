"""Fixtures shared by core test modules, declared here so that a test module names them only as parameters."""

from __future__ import annotations

import pytest

from tests.core.criteria_audit import EXAMPLE, signed_return


@pytest.fixture(scope="module")
def example(shipped_sets):
    """The criterion-graded example standards set."""
    return shipped_sets[EXAMPLE]


@pytest.fixture(scope="module")
def riverside(tmp_path_factory, example):
    """One signed return: criterion 1.1 scored 3 (with evidence), 1.2 scored 0 (with an action), 2.4 N/A."""
    folder = tmp_path_factory.mktemp("returns")
    return signed_return(folder, example, "Riverside NHS Trust", "RH1", grades={"1.1": "3", "1.2": "0", "4.1": "1"})
