"""Fixtures shared by core test modules, declared here so that a test module names them only as parameters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from s11audit.sample import make_sample
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


@pytest.fixture(scope="module")
def signed_file(tmp_path_factory, shipped_sets) -> Path:
    """An agency's audit file whose 2026/27 audit is complete and signed: the baseline of a statement."""
    folder = tmp_path_factory.mktemp("baseline")
    return make_sample(folder / "made.s11audit", shipped_sets["s11-wt2023"], signed=True, sample=False,
                       cycle="2026/27")


@pytest.fixture
def audit_path(signed_file, tmp_path) -> Path:
    """A copy of ``signed_file`` of the test's own."""
    copy = tmp_path / "Northfield.s11audit"
    shutil.copy(signed_file, copy)
    return copy
