"""The annual report summary from generated returns, with every figure worked out by hand; change since
last cycle for choice and multi-choice items; the business unit's details and a cycle's headline
measures saved and read back; a register copied to the next cycle; a 0005 workspace upgraded."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3

import pytest

from s11audit.business_unit import headlines
from s11audit.business_unit.annual_summary import annual_summary, summary_lines
from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.headlines import ITEM, OPTION, STANDARD, Measure
from s11audit.business_unit.models import CURRENT, ImportedReturn
from s11audit.business_unit.records import FINDINGS_VERSION, ReturnRecord
from s11audit.business_unit.workspace import WORKSPACE, OrganisationEntry, Workspace
from s11audit.standards import Item, ItemType, SignOff, Standard, StandardsSet
from s11audit.store.database import AuditFileError, head_revision
from tests.core.test_findings import SCALE

SECURE = "Secure electronic transfer (e.g. CPOMS/MyConcern)"
HAND = "Hand delivered with signed receipt"
TYPES = (("primary", "Maintained"), ("secondary", "Academy"), ("special", "Maintained"))


def _register(workspace: Workspace, cycle_id: int, sizes: dict[str, int]) -> dict[str, list[int]]:
    entries = [OrganisationEntry(f"{kind.title()} {n:03d}", f"{kind[:3].upper()}{n:03d}", sector, kind)
               for kind, sector in TYPES for n in range(sizes[kind])]
    rows = workspace.add_organisations(cycle_id, entries)
    by_type: dict[str, list[int]] = {}
    for row in rows:
        by_type.setdefault(row.org_type, []).append(row.id)
    return by_type


def _returns(workspace: Workspace, cycle_id: int, organisations: list[tuple[int, str, dict]]) -> None:
    """A current return per (organisation id, type, what findings read of it), as an import would keep it."""
    with workspace.change() as session:
        for n, (organisation_id, org_type, kept) in enumerate(organisations):
            stored = {"findings_version": FINDINGS_VERSION, "reference": f"R{organisation_id}", "name": f"Org {n}",
                      "org_type": org_type, "grades": {}, "not_applicable": [], "criteria": {}, "criteria_na": [],
                      "answers": {}, "actions": [], **kept}
            session.add(ImportedReturn(cycle_id=cycle_id, organisation_id=organisation_id, sha256=f"{cycle_id}-{n}",
                                       content_id=f"{cycle_id}-{n}", file_name=f"{n}.s11return",
                                       reference=stored["reference"], name=stored["name"], key_fingerprint="k",
                                       public_key=b"k", imported_by="test", state=CURRENT, content="{}",
                                       findings_content=json.dumps(stored, separators=(",", ":"))))


def _returned(by_type: dict[str, list[int]], counts: dict[str, int]) -> list[tuple[int, str]]:
    return [(oid, kind) for kind, _ in TYPES for oid in by_type[kind][:counts[kind]]]


@pytest.fixture(scope="module")
def staffordshire_file(tmp_path_factory, shipped_sets):
    """2025/26: 400 registered (300 primary, 80 secondary, 20 special), 307 returned (240, 52, 15).
    2026/27: 406 registered (300, 86, 20), 364 returned (280, 70, 14). Made once; each test opens a copy."""
    s175_set = shipped_sets["s175-kcsie2025"]
    path = tmp_path_factory.mktemp("staffordshire") / "unit.s11workspace"
    workspace = Workspace.create(path, user="BU")
    before = workspace.add_cycle("2025/26", s175_set, dt.date(2026, 3, 31))
    now = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31), previous="2025/26")
    old = _returned(_register(workspace, before.id, {"primary": 300, "secondary": 80, "special": 20}),
                    {"primary": 240, "secondary": 52, "special": 15})
    new = _returned(_register(workspace, now.id, {"primary": 300, "secondary": 86, "special": 20}),
                    {"primary": 280, "secondary": 70, "special": 14})
    assert (len(old), len(new)) == (307, 364)
    # Last cycle: 292 of 307 deputy DSL (95.1%); 230 secure transfer (74.9%); standard 10 met by 200 of 307.
    _returns(workspace, before.id, [
        (oid, kind, {"answers": {"2.3": "yes" if n < 292 else "no", "9.6": SECURE if n < 230 else HAND},
                     "grades": {"10": "fully_met" if n < 200 else "partly_met"}})
        for n, (oid, kind) in enumerate(old)])
    # This cycle: every return has a deputy DSL; 284 of 364 secure transfer (78.0%); standard 10 marked not
    # applicable by 4 and met by 225 of the 360 graded (62.5%: 63% rounded half up); 8 give a DSL training
    # date, 5 of them within two years of the due date (5 of 8 = 62.5%: 63%); standard 5 met by all; actions:
    # 30 on standard 10, 12 on standard 5.
    answers = []
    for n, (oid, kind) in enumerate(new):
        kept = {"answers": {"2.3": "yes", "9.6": SECURE if n < 284 else HAND},
                "grades": {"5": "fully_met"}, "not_applicable": ["10"] if n >= 360 else [],
                "actions": [["10", "not_started", None, ""]] * (n < 30) + [["5", "complete", None, ""]] * (n < 12)}
        if n < 360:
            kept["grades"]["10"] = "fully_met" if n < 225 else "partly_met"
        if n < 8:
            kept["answers"]["2.5"] = "2026-01-15" if n < 5 else "2024-01-15"
        answers.append((oid, kind, kept))
    _returns(workspace, now.id, answers)
    workspace.close()
    return path


@pytest.fixture
def staffordshire(staffordshire_file, tmp_path):
    copy = tmp_path / "unit.s11workspace"
    shutil.copyfile(staffordshire_file, copy)
    workspace = Workspace.open(copy, "BU")
    yield workspace
    workspace.close()


def test_the_summary_gives_staffordshire_style_figures_worked_out_by_hand(staffordshire):
    headlines.set_settings(staffordshire, "Staffordshire Safeguarding Children Board business unit")
    summary = annual_summary(staffordshire, "2026/27")
    assert (summary.cycle, summary.previous_cycle) == ("2026/27", "2025/26")
    assert summary.business_unit == "Staffordshire Safeguarding Children Board business unit"
    r = summary.response
    assert (r.received, r.expected) == (364, 406)
    assert r.percent == pytest.approx(100 * 364 / 406) and r.previous_percent == pytest.approx(100 * 307 / 400)
    by_type = {rate.label: rate for rate in summary.by_type}
    assert set(by_type) == {"Primary school", "Secondary school", "Special school"}
    assert (by_type["Primary school"].received, by_type["Primary school"].expected) == (280, 300)
    assert by_type["Primary school"].previous_percent == pytest.approx(80.0)
    assert by_type["Secondary school"].percent == pytest.approx(100 * 70 / 86)
    assert by_type["Secondary school"].previous_percent == pytest.approx(65.0)
    assert (by_type["Special school"].percent, by_type["Special school"].previous_percent) == (70.0, 75.0)
    by_sector = {rate.label: (rate.received, rate.expected) for rate in summary.by_sector}
    assert by_sector == {"Academy": (70, 86), "Maintained": (294, 320)}
    lines = summary_lines(summary)
    assert "  All returns: 90% (364 of 406; 77% in 2025/26)" in lines
    assert "  Secondary school: 81% (70 of 86; 65% in 2025/26)" in lines


def test_headline_sentences_carry_last_cycles_figure_and_round_half_up(staffordshire, s175_set):
    cycle = staffordshire.cycle("2026/27")
    # The set's defaults, in its order: 2.3, 2.5, 4.5, 9.6's first option, standard 10.
    assert [m.key for m in headlines.measures(staffordshire, cycle.id)] == ["2.3", "2.5", "4.5", f"9.6={SECURE}",
                                                                              "10"]
    sentences = [m.sentence for m in annual_summary(staffordshire, cycle).measures]
    assert sentences == [
        "100% of returning settings answered yes to: Deputy DSL appointed (95% in 2025/26).",
        "63% of returning settings gave a date within 2 years for: DSL training date.",
        "No returning settings gave a figure for: Early help training.",
        f"78% of returning settings chose \u201c{SECURE}\u201d for: CP file transfer method (75% in 2025/26).",
        "63% of returning settings meet standard 10. Early help, attendance and working with the partnership "
        "(65% in 2025/26).",
    ]
    measures = annual_summary(staffordshire, cycle).measures
    assert measures[1].respondents == 8 and measures[4].respondents == 360
    assert measures[3].percent == pytest.approx(100 * 284 / 364)
    assert measures[3].previous_percent == pytest.approx(100 * 230 / 307)


def test_weakest_standards_and_actions_most_often_planned(staffordshire):
    summary = annual_summary(staffordshire, "2026/27")
    # Standard 5 is met by every organisation graded on it: not among the weakest.
    assert summary.weakest == ("10. Early help, attendance and working with the partnership (63% meeting)",)
    assert [n for _, n in summary.common_actions] == [30, 12]
    assert summary.common_actions[0][0].startswith("10. ")


def test_chosen_measures_are_saved_in_order_with_wording_and_read_back(staffordshire, tmp_path):
    cycle = staffordshire.cycle("2026/27")
    set_ = staffordshire.standards_set(cycle.id)
    wanted = [headlines.parse_measure(set_, "9.6=1"),
              Measure(ITEM, "2.3", wording="have a deputy designated safeguarding lead")]
    headlines.set_measures(staffordshire, cycle.id, wanted)
    headlines.set_settings(staffordshire, "  Stoke-on-Trent  business unit ", ["A. Manager", "Business unit manager"])
    path = staffordshire.path
    staffordshire.close()
    with Workspace.open(path, "BU") as workspace:
        kept = headlines.chosen(workspace, workspace.cycle("2026/27").id)
        assert kept == (Measure(OPTION, "9.6", SECURE), Measure(ITEM, "2.3", "", "have a deputy designated "
                                                                                 "safeguarding lead"))
        assert headlines.settings(workspace) == headlines.WorkspaceSettings(
            "Stoke-on-Trent business unit", ("A. Manager", "Business unit manager"))
        sentences = [m.sentence for m in annual_summary(workspace, "2026/27").measures]
        assert sentences[1] == "100% of returning settings have a deputy designated safeguarding lead (95% in 2025/26)."
        assert headlines.chosen(workspace, workspace.cycle("2025/26").id) is None  # per cycle
        with pytest.raises(AuditFileError, match="no headline measure"):
            headlines.set_measures(workspace, workspace.cycle("2026/27").id, [Measure(STANDARD, "2.3")])
        with pytest.raises(AuditFileError, match="twice"):
            headlines.set_measures(workspace, workspace.cycle("2026/27").id, [Measure(ITEM, "2.3")] * 2)
        with pytest.raises(ValueError, match="no option"):
            headlines.parse_measure(set_, "9.6=9")
        headlines.set_measures(workspace, workspace.cycle("2026/27").id, [])  # back to the set's defaults
        assert headlines.chosen(workspace, workspace.cycle("2026/27").id) is None


def _choice_set() -> StandardsSet:
    s1 = Standard("1", "1", "Records", "", "", "", {}, (
        Item("1.1", "Deputy DSL?", ItemType.YES_NO),
        Item("1.2", "Transfer", ItemType.CHOICE, choices=("Secure", "Post", "Other")),
        Item("1.3", "Training", ItemType.MULTI_CHOICE, choices=("Online", "Face to face"))))
    return StandardsSet("t", "Test", "1", "", dt.date(2025, 9, 1), ("education",), SCALE, SignOff("", ()), (s1,))


def _record(n: int, answers: dict) -> ReturnRecord:
    return ReturnRecord(f"R{n}", f"Org {n}", "Schools", "primary", {}, frozenset(), answers)


def test_change_since_last_cycle_for_each_option_of_choice_and_multi_choice_items():
    now = [_record(1, {"1.1": "yes", "1.2": "Secure", "1.3": ["Online", "Face to face"]}),
           _record(2, {"1.1": "no", "1.2": "Secure", "1.3": ["Online"]}),
           _record(3, {"1.1": "yes", "1.2": "Post"}),
           _record(4, {"1.1": "yes", "1.2": "Secure", "1.3": ["Face to face"]})]
    before = [_record(1, {"1.1": "no", "1.2": "Post", "1.3": ["Online"]}),
              _record(2, {"1.1": "yes", "1.2": "Secure", "1.3": ["Online"]})]
    f = compute_findings(_choice_set(), now, previous=before, reference_date=dt.date(2026, 9, 1))
    changes = {(c.id, c.option): (c.label, c.previous, c.current) for c in f.item_changes}
    assert changes == {
        ("1.1", ""): ("Deputy DSL?", 50.0, 75.0),
        ("1.2", "Secure"): ("Transfer: Secure", 50.0, 75.0),  # 3 of 4 now, 1 of 2 before
        ("1.2", "Post"): ("Transfer: Post", 50.0, 25.0),
        ("1.2", "Other"): ("Transfer: Other", 0.0, 0.0),
        ("1.3", "Online"): ("Training: Online", 100.0, pytest.approx(200 / 3)),  # of the 3 who ticked any
        ("1.3", "Face to face"): ("Training: Face to face", 0.0, pytest.approx(200 / 3)),
    }
    assert [c.id for c in f.item_changes] == ["1.1", "1.2", "1.2", "1.2", "1.3", "1.3"]  # items in order
    assert compute_findings(_choice_set(), now, reference_date=dt.date(2026, 9, 1)).item_changes == ()


def test_a_new_cycle_can_start_with_a_copy_of_the_previous_register(tmp_path, s175_set):
    with Workspace.create(tmp_path / "unit.s11workspace", user="BU") as workspace:
        first = workspace.add_cycle("2025/26", s175_set, dt.date(2026, 3, 31))
        workspace.add_organisations(first.id, [OrganisationEntry("Alpha Primary", "URN 1", "Maintained", "primary",
                                                                 "A. Head", "head@alpha.example"),
                                               OrganisationEntry("Beta High", "URN 2", "Academy", "secondary")])
        second = workspace.add_cycle("2026/27", s175_set, dt.date(2027, 3, 31), previous="2025/26",
                                     copy_register=True)
        third = workspace.add_cycle("2027/28", s175_set, dt.date(2028, 3, 31), previous="2026/27")

        def strip(rows):
            return [(o.name, o.reference, o.sector, o.org_type, o.contact_name, o.contact_email) for o in rows]

        assert strip(workspace.organisations(second.id)) == strip(workspace.organisations(first.id))
        assert {o.cycle_id for o in workspace.organisations(second.id)} == {second.id}
        assert workspace.organisations(third.id) == []  # only when asked


def test_a_0005_workspace_is_upgraded_and_gets_settings_and_measures(staffordshire):
    path = staffordshire.path
    staffordshire.close()
    db = sqlite3.connect(path)
    with db:  # as a 0005 workspace was: without the two tables 0006 adds
        db.execute("DROP TABLE headline_measure")
        db.execute("DROP TABLE workspace_setting")
        db.execute("UPDATE alembic_version SET version_num = '0005'")
    db.close()
    with Workspace.open(path, "BU") as workspace:
        assert workspace.upgraded_backup is not None
        assert headlines.settings(workspace) == headlines.WorkspaceSettings()
        cycle = workspace.cycle("2026/27")
        assert headlines.chosen(workspace, cycle.id) is None
        headlines.set_measures(workspace, cycle.id, [Measure(STANDARD, "10")])
        assert [m.label for m in annual_summary(workspace, cycle).measures] == [
            "Standard 10. Early help, attendance and working with the partnership"]
    db = sqlite3.connect(path)
    assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision(WORKSPACE) == "0008"
    db.close()


def test_the_command_line_chooses_measures_sets_details_prints_the_summary_and_copies_the_register(
        staffordshire, tmp_path, capsys):
    from s11audit.cli import main

    path = str(staffordshire.path)
    staffordshire.close()
    assert main(["workspace", "settings", path, "--name", "Stoke-on-Trent business unit", "--signature",
                 "A. Manager", "Business unit manager"]) == 0
    assert main(["headlines", "set", path, "--cycle", "2026/27", "9.6=1:transfer files securely", "2.3"]) == 0
    assert main(["headlines", "set", path, "--cycle", "2026/27", "9.6=9"]) == 2
    capsys.readouterr()
    assert main(["findings", path, "--cycle", "2026/27", "--summary"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Annual report summary: 2026/27 (Stoke-on-Trent business unit)"
    assert "  All returns: 90% (364 of 406; 77% in 2025/26)" in out
    assert "  Primary school: 93% (280 of 300; 80% in 2025/26)" in out
    at = out.index("Headline measures")
    assert out[at + 1:at + 3] == [
        "  78% of returning settings transfer files securely (75% in 2025/26).",
        "  100% of returning settings answered yes to: Deputy DSL appointed (95% in 2025/26)."]
    assert main(["headlines", "list", path, "--cycle", "2026/27"]) == 0
    assert "(chosen)" in capsys.readouterr().out
    assert main(["cycle", "add", path, "--name", "2027/28", "--set", "s175-kcsie2025", "--due", "2028-03-31",
                 "--previous", "2026/27"]) == 0
    assert "Copied the register of 2026/27: 406 organisations" in capsys.readouterr().out
    with Workspace.open(path, "BU") as workspace:
        assert len(workspace.organisations(workspace.cycle("2027/28").id)) == 406
        assert headlines.settings(workspace).signature == ("A. Manager", "Business unit manager")


def test_the_summary_page_and_sheet_read_back_with_its_figures(staffordshire, tmp_path):
    from openpyxl import Workbook, load_workbook
    from pypdf import PdfReader
    from reportlab.platypus import SimpleDocTemplate

    from s11audit.reports.fonts import register_fonts
    from s11audit.reports.summary_parts import summary_flowables, write_summary_sheet

    headlines.set_settings(staffordshire, "Staffordshire business unit")
    summary = annual_summary(staffordshire, "2026/27")
    register_fonts()
    SimpleDocTemplate(str(tmp_path / "s.pdf")).build(summary_flowables(summary))
    page = " ".join(PdfReader(tmp_path / "s.pdf").pages[0].extract_text().split())
    assert "Annual report summary: 2026/27" in page and "Staffordshire business unit" in page
    assert "364 of 406 organisations returned the audit (90%; 77% in 2025/26)." in page
    assert "100% of returning settings answered yes to: Deputy DSL appointed (95% in 2025/26)." in page
    assert "Secondary school 70 86 81% 65%" in page
    for write_only in (False, True):
        workbook = Workbook(write_only=write_only)
        write_summary_sheet(workbook, summary)
        workbook.save(tmp_path / "s.xlsx")
        sheet = load_workbook(tmp_path / "s.xlsx")["Summary"]
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][0] == "Annual report summary: 2026/27"
        assert rows[6][:3] == ("Type: Primary school", 280, 300) and rows[6][3:] == (pytest.approx(280 / 300), 0.8)
        assert sheet.cell(row=7, column=4).number_format == "0%"
        chosen = [row for row in rows if str(row[0]).startswith("78% of returning settings chose")]
        assert chosen[0][1] == 364 and chosen[0][4] == pytest.approx(230 / 307)
        assert sheet.page_setup.orientation == "portrait" and sheet.print_area == f"'Summary'!$A$1:$E${len(rows)}"


def test_the_cycle_reports_are_given_the_summary_unless_for_one_sector_or_type(staffordshire, tmp_path, monkeypatch):
    from s11audit.business_unit import cycle_findings
    from s11audit.reports import findings_pdf, findings_xlsx

    given = {}
    monkeypatch.setattr(findings_pdf, "write_findings_pdf", lambda *a, **kw: given.setdefault("pdf", kw))
    monkeypatch.setattr(findings_xlsx, "write_findings_xlsx", lambda *a, **kw: given.setdefault("xlsx", kw))
    headlines.set_settings(staffordshire, "Staffordshire business unit")
    cycle = staffordshire.cycle("2026/27")
    cycle_findings.write_cycle_reports(staffordshire, cycle, pdf=tmp_path / "f.pdf", xlsx=tmp_path / "f.xlsx")
    assert given["pdf"]["summary"] == given["xlsx"]["summary"] == annual_summary(staffordshire, cycle)
    assert given["pdf"]["author"] == "Staffordshire business unit"
    given.clear()
    cycle_findings.write_cycle_reports(staffordshire, cycle, sector="Academy", pdf=tmp_path / "f.pdf")
    assert given["pdf"]["summary"] is None


def test_the_findings_pdf_opens_with_the_summary_on_its_first_page(staffordshire, tmp_path):
    from pypdf import PdfReader

    from s11audit.business_unit import cycle_findings

    cycle = staffordshire.cycle("2026/27")
    cycle_findings.write_cycle_reports(staffordshire, cycle, pdf=tmp_path / "f.pdf")
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "f.pdf").pages]
    assert "Safeguarding self-assessment findings" in pages[0] and "Annual report summary: 2026/27" in pages[0]
    assert "364 of 406 organisations returned the audit (90%; 77% in 2025/26)." in pages[0]
    about = next(n for n, text in enumerate(pages) if "About these findings" in text)
    assert about >= 1 and "Returns received" in pages[about] and "Returns received" not in pages[0]


def test_letters_are_from_the_business_unit_named_in_the_workspace(staffordshire):
    from s11audit.business_unit import peer_audit, peer_reports

    cycle = staffordshire.cycle("2026/27")
    event = peer_audit.add_event(staffordshire, cycle.id, "Peer audit day", dt.date(2027, 5, 10), ["5"])
    assert peer_reports.event_data(staffordshire, event.id).business_unit == headlines.DEFAULT_NAME
    headlines.set_settings(staffordshire, "Stoke-on-Trent business unit")
    assert peer_reports.event_data(staffordshire, event.id).business_unit == "Stoke-on-Trent business unit"
