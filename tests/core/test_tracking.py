"""Response tracking: statuses, the late rule, response rates by hand, the chase list, records."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt

import pytest
from openpyxl import load_workbook

from benchmarks.make_returns import Organisation, write_one
from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.tracking import (LATE, NOT_RETURNED, REJECTED, RETURNED, chase_list, records_for_cycle,
                                             response_rates, statuses, write_chase_list)
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.cli import main

DUE = dt.date(2027, 3, 31)
ORGS = {
    "A": Organisation("Ashby Primary", "URN 1", "Education", "primary", "Ann Able", "ann@ashby.example"),
    "B": Organisation("Brookhurst Primary", "URN 2", "Education", "primary", "Bob Brook", "bob@brook.example"),
    "C": Organisation("Castleford Academy", "URN 3", "Education", "secondary", "Cat Castle", "cat@castle.example"),
    "D": Organisation("Dunmore Special", "URN 4", "Education", "special", "Dee Dunmore", "=HYPERLINK(\"x\")"),
    "E": Organisation("Eastwick Academy", "URN 5", "Academy trust", "secondary", "Ed East", "ed@east.example"),
}


@pytest.fixture
def tracked(tmp_path, s175_set, s11_set):
    out = tmp_path / "returns"
    out.mkdir()
    workspace = Workspace.create(tmp_path / "unit.s11workspace", user="BU")
    cycle = workspace.add_cycle("2026/27", s175_set, DUE)
    workspace.add_organisations(cycle.id, [OrganisationEntry(o.name, o.reference, o.sector, o.org_type, o.contact_name,
                                                             o.contact_email) for o in ORGS.values()])
    files = [
        write_one(out, s175_set, ORGS["A"], signed_at=dt.datetime(2027, 3, 31, 23, 0)),  # the last day: on time
        write_one(out, s175_set, ORGS["B"], signed_at=dt.datetime(2027, 4, 2, 9, 0)),  # late
        write_one(out, s175_set, ORGS["C"], signed_at=dt.datetime(2027, 3, 1, 9, 0)),
        # C corrects its return after the deadline: still on time, its first return counts.
        write_one(out, s175_set, ORGS["C"], audit_version=2, signed_at=dt.datetime(2027, 4, 20, 9, 0)),
        # D sends a return against the wrong set: only rejected files seen.
        write_one(out, s11_set, dataclasses.replace(ORGS["D"], org_type="health"), file_name="d.s11return"),
    ]
    import_returns(workspace, cycle, files)
    yield workspace, cycle
    workspace.close()


def test_statuses_and_the_late_rule(tracked):
    workspace, cycle = tracked
    found = {s.organisation.reference: s for s in statuses(workspace, cycle)}
    assert {ref: s.status for ref, s in found.items()} == {
        "URN 1": RETURNED, "URN 2": LATE, "URN 3": RETURNED, "URN 4": REJECTED, "URN 5": NOT_RETURNED}
    assert found["URN 3"].superseded == 1
    assert "s11-wt2023" in found["URN 4"].rejected_reasons[0]


def test_response_rates_hand_computed(tracked):
    workspace, cycle = tracked
    rates = response_rates(statuses(workspace, cycle))
    assert (rates.overall.returned, rates.overall.expected, rates.overall.percent) == (3, 5, 60.0)
    assert rates.late == 1
    assert {k: (r.returned, r.expected) for k, r in rates.by_sector.items()} == {"Education": (3, 4),
                                                                                 "Academy trust": (0, 1)}
    assert {k: (r.returned, r.expected) for k, r in rates.by_type.items()} == {
        "primary": (2, 2), "secondary": (1, 2), "special": (0, 1)}


def test_chase_list_csv_and_xlsx_read_back(tracked, tmp_path):
    workspace, cycle = tracked
    found = statuses(workspace, cycle)
    assert [s.organisation.reference for s in chase_list(found)] == ["URN 4", "URN 5"]
    write_chase_list(found, tmp_path / "chase.csv")
    with open(tmp_path / "chase.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["Organisation"], r["Contact name"], r["Status"]) for r in rows] == [
        ("Dunmore Special", "Dee Dunmore", "rejected"), ("Eastwick Academy", "Ed East", "not returned")]
    assert rows[0]["Email"] == "'=HYPERLINK(\"x\")"  # never a formula when opened in a spreadsheet
    assert rows[1]["Email"] == "ed@east.example" and rows[1]["Type"] == "Secondary school"
    write_chase_list(found, tmp_path / "chase.xlsx")
    sheet = load_workbook(tmp_path / "chase.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:2] == ["Organisation", "Reference"]
    assert [v[0] for v in values[1:]] == ["Dunmore Special", "Eastwick Academy"]
    assert sheet.cell(row=2, column=6).data_type == "s" and values[1][5] == "=HYPERLINK(\"x\")"
    assert list(tmp_path.glob(".chase*")) == []  # no temporary files left behind


def test_records_for_cycle_use_the_register_sector_and_moderation(tracked, s175_set):
    workspace, cycle = tracked
    current = {r.reference: r for r in workspace.returns(cycle.id, states=["current"])}
    standard = s175_set.standards[0].id
    top = s175_set.grade_scale.levels[-1].id
    workspace.set_moderation(current["URN 1"].id, standard, top, "Agreed at moderation")
    records = {r.reference: r for r in records_for_cycle(workspace, cycle, "moderated")}
    assert set(records) == {"URN 1", "URN 2", "URN 3"}
    assert records["URN 1"].moderated == {standard: top} and records["URN 1"].grade(standard, "moderated") == top
    assert records["URN 1"].sector == "Education" and records["URN 1"].org_type == "primary"
    assert records["URN 2"].moderated == {}
    assert all(r.moderated == {} for r in records_for_cycle(workspace, cycle, "self"))
    assert workspace.return_content(current["URN 3"].id)["audit_version"] == 2  # the current return of C


def test_cli_status_prints_rates_and_writes_the_chase_list(tracked, tmp_path, capsys):
    workspace, _ = tracked
    path = workspace.path
    workspace.close()
    assert main(["status", str(path), "--cycle", "2026/27", "--chase", str(tmp_path / "c.csv")]) == 0
    printed = capsys.readouterr().out
    assert "3 of 5 (60%) returned, 1 late" in printed
    assert "Secondary school: 1 of 2 (50%)" in printed and "Eastwick Academy (URN 5)" in printed
    assert (tmp_path / "c.csv").exists()
    assert main(["status", str(path), "--cycle", "1999"]) == 2
