"""The list of designated safeguarding leads from generated returns: directory, refresher list, changed DSLs."""

from __future__ import annotations

import csv
import datetime as dt
import random

import pytest
from openpyxl import load_workbook

from benchmarks.make_returns import Organisation, private_key, return_content, write_one
from s11audit.business_unit.dsl_directory import DirectoryError, build_directory, dsl_directory, write_directory
from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.records import record_from_content
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.cli import main
from s11audit.returns import public_key_of, signer, write_return

ON = dt.date(2027, 3, 1)  # the reference day for refresher training
ORGS = [Organisation("Ashby Primary", "URN 1", "Education", "primary", "Ann Able", "ann@ashby.example"),
        Organisation("Brookhurst Academy", "URN 2", "Education", "secondary", "Bob Brook", "bob@brook.example"),
        Organisation("Castleford Special", "URN 3", "Education", "special", "Cat Castle", "cat@castle.example")]
# Each setting's safeguarding team as its return gives it (None: the item left blank).
TEAMS = {
    "URN 1": {"2.1": "Priya Shah", "13.1": "p.shah@ashby.example", "13.2": "01234 567890", "2.5": "2025-03-02",
              "13.3": "Mark Ellis", "13.4": "m.ellis@ashby.example", "13.5": "2025-02-28", "2.4": 1},
    "URN 2": {"2.1": "Aisha Rahman", "13.1": "=HYPERLINK(\"http://x\")", "13.2": "0161 000 0000", "2.5": "2024-01-15",
              "13.3": "Gareth Lloyd", "13.4": "g.lloyd@brook.example", "13.5": None,
              "13.6": "Joanne Whitfield", "13.7": "j.whitfield@brook.example", "13.8": "2026-09-10", "2.4": 2},
    "URN 3": {"2.1": "Tomasz Nowak", "13.1": "t.nowak@castle.example", "13.2": "01782 111222", "2.5": None, "2.4": 0},
}
LAST_CYCLE_DSL = {"URN 1": "priya  SHAH.", "URN 2": "Helen Morris"}  # URN 3 did not return last cycle


def _write(folder, s175_set, organisation, team, cycle, signed_at):
    rng = random.Random(organisation.reference)
    content, files = return_content(s175_set, organisation, rng, cycle=cycle, signed_at=signed_at)
    answers = {a["item_id"]: a for a in content["item_answers"]}
    for item_id, value in team.items():
        if value is None:
            answers.pop(item_id, None)
        else:
            answers[item_id] = {"item_id": item_id, "value": value, "comment": ""}
    content["item_answers"] = [answers[k] for k in sorted(answers)]
    key = private_key(organisation.reference)
    path = folder / f"{organisation.reference.replace(' ', '-')}-{cycle.replace('/', '-')}.s11return"
    return write_return(path, content, files, s175_set.content, public_key_of(key), signer(key))


@pytest.fixture(scope="module")
def workspace_path(tmp_path_factory, shipped_sets):
    """Two cycles of returns imported once for the module (each test opens the workspace read-only)."""
    s175_set = shipped_sets["s175-kcsie2025"]
    tmp_path = tmp_path_factory.mktemp("dsl")
    folder = tmp_path / "returns"
    folder.mkdir()
    entries = [OrganisationEntry(o.name, o.reference, o.sector, o.org_type, o.contact_name, o.contact_email)
               for o in ORGS]
    with Workspace.create(tmp_path / "unit.s11workspace", user="BU") as work:
        last = work.add_cycle("2025/26", s175_set, dt.date(2026, 3, 31))
        work.add_organisations(last.id, entries)
        import_returns(work, last, [_write(folder, s175_set, o,
                                           {**TEAMS[o.reference], "2.1": LAST_CYCLE_DSL[o.reference]},
                                           "2025/26", dt.datetime(2026, 2, 1, 9)) for o in ORGS[:2]])
        cycle = work.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31), previous="2025/26")
        work.add_organisations(cycle.id, entries)
        import_returns(work, cycle, [_write(folder, s175_set, o, TEAMS[o.reference], "2026/27",
                                            dt.datetime(2027, 2, 1, 9)) for o in ORGS])
    return tmp_path / "unit.s11workspace"


@pytest.fixture
def workspace(workspace_path):
    with Workspace.open(workspace_path, user="BU", read_only=True) as work:
        yield work


def test_directory_refresher_list_and_changed_dsls_hand_checked(workspace):
    directory = dsl_directory(workspace, workspace.cycle("2026/27"), reference_date=ON)
    assert (directory.cycle, directory.previous_cycle) == ("2026/27", "2025/26")
    ashby, brookhurst, castleford = directory.entries  # by setting name
    assert (ashby.dsl.name, ashby.dsl.email, ashby.dsl.telephone, ashby.dsl.trained_on) == (
        "Priya Shah", "p.shah@ashby.example", "01234 567890", dt.date(2025, 3, 2))
    assert [(d.role, d.name, d.trained_on) for d in brookhurst.deputies] == [
        ("Deputy DSL", "Gareth Lloyd", None), ("Second deputy DSL", "Joanne Whitfield", dt.date(2026, 9, 10))]
    assert (ashby.deputies_count, brookhurst.deputies_count, castleford.deputies_count) == (1, 2, 0)
    # Two years back from 1 Mar 2027 is 1 Mar 2025: trained the day after is in time, the day before is not.
    due = [(d.entry.reference, d.person.name, d.reason) for d in directory.due_refresher()]
    assert due == [
        ("URN 1", "Mark Ellis", "last trained 28 Feb 2025, more than 2 years before 1 Mar 2027"),
        ("URN 2", "Aisha Rahman", "last trained 15 Jan 2024, more than 2 years before 1 Mar 2027"),
        ("URN 2", "Gareth Lloyd", "no DSL training date given"),
        ("URN 3", "Tomasz Nowak", "no DSL training date given"),
    ]
    # Ashby's DSL is the same person written differently; Brookhurst's changed; Castleford has no last return.
    assert [e.reference for e in directory.changed()] == ["URN 2"]
    assert (ashby.previous_dsl, brookhurst.previous_dsl, castleford.previous_dsl) == (
        "priya SHAH.", "Helen Morris", None)


def test_a_later_reference_day_makes_more_people_due(workspace):
    later = dsl_directory(workspace, workspace.cycle("2026/27"), reference_date=dt.date(2027, 3, 3))
    assert ("URN 1", "Priya Shah") in [(d.entry.reference, d.person.name) for d in later.due_refresher()]


def test_files_xlsx_and_csv_read_back_and_are_formula_safe(workspace, tmp_path):
    directory = dsl_directory(workspace, workspace.cycle("2026/27"), reference_date=ON)
    book = load_workbook(write_directory(directory, tmp_path / "dsl.xlsx"))
    assert book.sheetnames == ["DSL directory", "Refresher training due", "DSL changed"]
    sheet = book["DSL directory"]
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c.value for c in sheet[3]], strict=True))
    assert row["Setting"] == "Brookhurst Academy" and row["DSL"] == "Aisha Rahman"
    assert row["DSL email"] == "=HYPERLINK(\"http://x\")"
    assert sheet.cell(3, header.index("DSL email") + 1).data_type == "s"
    assert (row["DSL refresher due"], row["DSL changed"], row["DSL in 2025/26"]) == ("Yes", "Yes", "Helen Morris")
    assert sheet.print_title_rows == "$1:$1" and sheet.page_setup.orientation == "landscape"
    assert book["Refresher training due"].max_row == 5 and book["DSL changed"].max_row == 2

    with open(write_directory(directory, tmp_path / "dsl.csv"), encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["Setting"] for r in rows] == ["Ashby Primary", "Brookhurst Academy", "Castleford Special"]
    assert rows[1]["DSL email"] == "'=HYPERLINK(\"http://x\")"  # never run as a formula
    with open(write_directory(directory, tmp_path / "invite.csv", due_refresher=True), encoding="utf-8-sig") as stream:
        invite = list(csv.DictReader(stream))
    assert [(r["Name"], r["Role"], r["Last DSL training"]) for r in invite][:2] == [
        ("Mark Ellis", "Deputy DSL", "2025-02-28"), ("Aisha Rahman", "DSL", "2024-01-15")]


def test_cli_writes_the_directory_and_the_invitation_list(workspace_path, tmp_path, capsys):
    path = workspace_path
    out = tmp_path / "leads.xlsx"
    assert main(["dsl-directory", str(path), "2026/27", str(out), "--on", "2027-03-01"]) == 0
    printed = capsys.readouterr().out
    assert "3 settings" in printed and "4 people due for refresher DSL training" in printed
    assert "DSL changed since 2025/26: 1" in printed and out.is_file()
    invite = tmp_path / "invite.csv"
    assert main(["dsl-directory", str(path), "2026/27", str(invite), "--due-refresher", "--on", "2027-03-01"]) == 0
    assert len(invite.read_text(encoding="utf-8-sig").splitlines()) == 5
    assert main(["dsl-directory", str(path), "2026/27", str(tmp_path / "x.txt")]) != 0


def test_a_set_without_dsl_items_has_no_directory(s11_set):
    with pytest.raises(DirectoryError, match="does not ask for the designated safeguarding lead"):
        build_directory(s11_set, [])


def test_generated_returns_answer_the_dsl_items(s175_set, tmp_path):
    organisations = [Organisation(f"School {n}", f"URN {n}", "Education", "primary", "x", f"x{n}@s{n}.example.org")
                     for n in range(1, 41)]
    records = []
    for o in organisations:
        content, _ = return_content(s175_set, o, random.Random(o.reference), signed_at=dt.datetime(2027, 2, 1, 9))
        records.append(record_from_content(content))
        assert content["standards"][-1] == {"standard_id": "13", "grade": None, "not_applicable": False,
                                            "na_reason": "", "narrative": "", "example": ""}
    directory = build_directory(s175_set, records, reference_date=dt.date(2027, 2, 1))
    assert all(e.dsl.name and "@" in e.dsl.email and e.dsl.telephone and e.dsl.trained_on for e in directory.entries)
    assert all(len(e.deputies) == e.deputies_count >= 1 for e in directory.entries)
    due = directory.due_refresher()
    assert 0 < len(due) < len(directory.entries)  # some over two years, most not
    assert write_one(tmp_path, s175_set, organisations[0]).is_file()


def test_any_set_says_which_items_give_the_directory_and_each_detail_is_asked_once(s175_set):
    import dataclasses

    from s11audit.business_unit.dsl_directory import items_for
    from s11audit.standards.validation import rule_problems

    items = items_for(s175_set)  # from the set's own directory: marks, not its id
    assert (items.dsl.name, items.dsl.email, items.dsl.telephone, items.dsl.trained) == ("2.1", "13.1", "13.2", "2.5")
    assert [d.name for d in items.deputies] == ["13.3", "13.6"] and items.deputies_count == "2.4"
    # A partnership's own copy under another id works the same.
    assert items_for(dataclasses.replace(s175_set, id="northshire-s175")) == items
    data = {"organisation_kinds": ["education"], "standards": [{"id": "1", "items": [
        {"id": "1.1", "type": "text", "directory": "dsl_name"},
        {"id": "1.2", "type": "text", "directory": "dsl_name"}]}]}
    problems = rule_problems("set.yaml", data, None)
    assert any("directory 'dsl_name' is already given by item '1.1'" in p.message for p in problems)
