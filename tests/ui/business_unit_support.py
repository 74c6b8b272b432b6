"""Fixtures of the business unit's window tests, shared through ``tests/ui/conftest.py``: a workspace with
a schools cycle, its window shown, and a peer audit event with its challenge groups."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from s11audit.business_unit import peer_audit as pa
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.store import OrganisationDetails
from s11audit.ui.business_unit.window import BusinessUnitWindow

SCHOOLS = [OrganisationDetails("Oakfield Primary School", "URN 100001", "education", "primary"),
           OrganisationDetails("Hillside Academy", "URN 100002", "education", "secondary"),
           OrganisationDetails("Brook Special School", "URN 100003", "education", "special")]
AGENCIES = [("Riverside Community Health", "RH1", "Health", "health"), ("Northshire Police", "NP1", "Police", "police"),
            ("Hillview Council", "HC1", "Local authority", "local_authority"),
            ("Youth Works", "YW1", "Voluntary and community", "voluntary_community")]


@pytest.fixture
def workspace(tmp_path, s175_set):
    """A business unit's workspace with a schools cycle of the three SCHOOLS, none returned yet."""
    with Workspace.create(tmp_path / "unit.s11workspace", "Business unit officer") as created:
        cycle = created.add_cycle("Schools 2026/27", s175_set, dt.date.today() + dt.timedelta(days=30))
        created.add_organisations(cycle.id, [OrganisationEntry(o.name, o.reference, "Education", o.org_type,
                                                               "Head", f"head{n}@example.org")
                                             for n, o in enumerate(SCHOOLS)])
    workspace = Workspace.open(tmp_path / "unit.s11workspace", "Business unit officer")
    yield workspace
    workspace.close()


@pytest.fixture
def window(qtbot, workspace, s175_set):
    """The business unit's window over ``workspace``, shown."""
    shown = BusinessUnitWindow(workspace, [s175_set])
    shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def event(tmp_path, s11_set):
    """(workspace, event, groups): an S11 cycle of the four AGENCIES at a peer audit day, in two groups."""
    workspace = Workspace.create(tmp_path / "unit.s11workspace", "Officer")
    cycle = workspace.add_cycle("2026/27", s11_set, dt.date(2027, 3, 31))
    added = workspace.add_organisations(cycle.id, [OrganisationEntry(n, r, s, t) for n, r, s, t in AGENCIES])
    found = pa.add_event(workspace, cycle.id, "Peer audit day March 2027", dt.date(2027, 3, 12), ["2", "3", "5"])
    pa.add_participants(workspace, found.id, [o.id for o in added])
    groups = pa.propose_event_groups(workspace, found.id, 2)
    pa.set_groups(workspace, found.id, groups)
    yield workspace, found, groups
    workspace.close()
