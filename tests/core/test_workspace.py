"""The business unit workspace: opening, cycles, the register by hand, moderation, refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from s11audit.business_unit.models import ImportedReturn
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.store import AuditFile, AuditFileError, OrganisationDetails

DUE = dt.date(2027, 3, 31)


@pytest.fixture
def workspace(tmp_path):
    with Workspace.create(tmp_path / "unit.s11workspace", user="Business Unit") as opened:
        yield opened


def _stored_return(workspace: Workspace, cycle_id: int) -> int:
    """A return row written straight into the workspace (importing is tested in test_import)."""
    with workspace.change() as session:
        ret = ImportedReturn(cycle_id=cycle_id, sha256="0" * 64, file_name="x.s11return", reference="RXY", name="Trust",
                             key_fingerprint="abcd abcd abcd abcd", public_key=b"k" * 32, audit_version=1,
                             imported_by="test", state="current", content="{}")
        session.add(ret)
        session.flush()
    return ret.id


def test_a_new_workspace_reopens_with_its_cycles(tmp_path, s11_set):
    path = tmp_path / "unit.s11workspace"
    with Workspace.create(path, user="BU") as workspace:
        cycle = workspace.add_cycle("2026/27", s11_set, DUE, opens_on=dt.date(2026, 11, 1))
        workspace.add_cycle("2027/28", s11_set, dt.date(2028, 3, 31), previous="2026/27")
    with Workspace.open(path, user="BU", read_only=True) as workspace:
        names = [c.name for c in workspace.cycles()]
        assert names == ["2026/27", "2027/28"]
        assert workspace.cycle("2027/28").previous_id == cycle.id
        assert workspace.cycle("2026/27").set_hash == s11_set.content_hash
        assert workspace.standards_set(cycle.id).content_hash == s11_set.content_hash


def test_cycle_names_are_unique_and_unknown_ones_are_refused(workspace, s11_set):
    workspace.add_cycle("2026/27", s11_set, DUE)
    with pytest.raises(AuditFileError, match="already has a cycle"):
        workspace.add_cycle("2026/27", s11_set, DUE)
    with pytest.raises(AuditFileError, match="has no cycle '2030'"):
        workspace.cycle("2030")
    with pytest.raises(AuditFileError, match="before it opens"):
        workspace.add_cycle("late", s11_set, DUE, opens_on=DUE + dt.timedelta(days=1))


def test_an_audit_file_is_refused_as_a_workspace(tmp_path):
    path = tmp_path / "school.s11audit"
    AuditFile.create(path, OrganisationDetails("St Aidan's", "124578", "education", "primary"), user="x").close()
    with pytest.raises(AuditFileError, match="not an s11audit business unit workspace"):
        Workspace.open(path, user="BU")


def test_a_workspace_is_refused_as_an_audit_file(tmp_path):
    path = tmp_path / "unit.s11workspace"
    Workspace.create(path, user="BU").close()
    with pytest.raises(AuditFileError, match="not an s11audit audit file"):
        AuditFile.open(path, user="x")


def test_register_by_hand_add_edit_remove(workspace, s11_set):
    cycle = workspace.add_cycle("2026/27", s11_set, DUE)
    added = workspace.add_organisation(cycle.id, OrganisationEntry("Northfield Trust", "RXY", "Health", "health"))
    with pytest.raises(AuditFileError, match="already has an organisation with reference"):
        workspace.add_organisation(cycle.id, OrganisationEntry("Another", " rxy "))
    with pytest.raises(AuditFileError, match="needs a reference"):
        workspace.add_organisation(cycle.id, OrganisationEntry("No reference", ""))
    workspace.update_organisation(added.id, OrganisationEntry("Northfield NHS Trust", "RXY", "Health", "health",
                                                              "Priya Shah", "priya@example.org"))
    [row] = workspace.organisations(cycle.id)
    assert (row.name, row.contact_email) == ("Northfield NHS Trust", "priya@example.org")
    workspace.remove_organisation(added.id)
    assert workspace.organisations(cycle.id) == []


def test_moderation_is_recorded_changed_and_validated(workspace, s11_set):
    cycle = workspace.add_cycle("2026/27", s11_set, DUE)
    return_id = _stored_return(workspace, cycle.id)
    standard = s11_set.standards[0].id
    low, high = s11_set.grade_scale.levels[0].id, s11_set.grade_scale.levels[-1].id
    workspace.set_moderation(return_id, standard, low, "Evidence does not show this yet")
    workspace.set_moderation(return_id, standard, high, "Seen at the challenge day")
    moderations = workspace.moderations(return_id)
    assert list(moderations) == [standard]
    assert (moderations[standard].grade, moderations[standard].comment, moderations[standard].by) == \
        (high, "Seen at the challenge day", "Business Unit")
    with pytest.raises(AuditFileError, match="is not a grade"):
        workspace.set_moderation(return_id, standard, "excellent-ish")
    with pytest.raises(AuditFileError, match="has no standard"):
        workspace.set_moderation(return_id, "no-such-standard", low)
    workspace.clear_moderation(return_id, standard)
    assert workspace.moderations(return_id) == {}


def test_a_read_only_workspace_refuses_changes(tmp_path, s11_set):
    path = tmp_path / "unit.s11workspace"
    Workspace.create(path, user="BU").close()
    with (Workspace.open(path, user="BU", read_only=True) as workspace,
          pytest.raises(AuditFileError, match="read-only")):
        workspace.add_cycle("2026/27", s11_set, DUE)
