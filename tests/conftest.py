"""Shared test set-up: offscreen Qt, a private per-user folder, and the shipped standards sets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from s11audit.standards import discover
from s11audit.store import AuditFile, OrganisationDetails


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    """Each test gets its own per-user data folder (user standards, settings)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("S11AUDIT_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def shipped_sets():
    report = discover()
    assert not report.skipped, report.skipped
    return {s.id: s for s in report.sets}


@pytest.fixture
def s11_set(shipped_sets):
    return shipped_sets["s11-wt2023"]


@pytest.fixture
def s175_set(shipped_sets):
    return shipped_sets["s175-kcsie2025"]


@pytest.fixture
def agency_file(tmp_path):
    """A fresh audit file for a health agency, closed after the test."""
    organisation = OrganisationDetails("Northfield Community Health NHS Trust", "RXY", "agency", "health")
    audit_file = AuditFile.create(tmp_path / "agency.s11audit", organisation, user="Test User")
    yield audit_file
    audit_file.close()


@pytest.fixture
def school_file(tmp_path):
    audit_file = AuditFile.create(tmp_path / "school.s11audit",
                                  OrganisationDetails("St Aidan's CE Primary School", "124578", "education", "primary"),
                                  user="Test User")
    yield audit_file
    audit_file.close()
