"""The statement findings as a PDF, a workbook and a Word document (issue 16), and the CLI that writes them.

The workspace is the one ``test_statement_import`` builds by hand: Northfield's and Riverside's 2027/28
statements on the 2026/27 baseline (only Northfield's baseline held, so Riverside's is flagged), judged 30
days after action index 1's due date. Its hand-computed figures: 100% confirming every standard but 6 (0%);
6 actions: 1 completed, 1 completed late, 1 in progress on time, 2 overdue (33%), 1 dropped; Riverside's two
overdue actions to chase (30 and 20 days).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from s11audit.business_unit import statements
from s11audit.business_unit.importing import import_returns
from s11audit.business_unit.workspace import OrganisationEntry, Workspace
from s11audit.export import export, export_statement
from s11audit.sample import make_sample
from s11audit.store import AuditFile
from s11audit.reports.statement_findings import write_statement_reports
from tests.core import test_statement_three_years as three
from tests.core.statement_support import NORTHFIELD, RIVERSIDE, sign_statement
from tests.core.test_statement_import import _made, _register

HOSTILE = "<b>Bold & </b><font color='red'>not mark-up</font> " + "x" * 3000 + " " + "long words " * 400


@pytest.fixture(scope="module")
def unit(tmp_path_factory, shipped_sets):
    """The workspace (closed) with both statements imported, and its figures as of the day they are judged."""
    folder = tmp_path_factory.mktemp("statement findings")
    wt = shipped_sets["s11-wt2023"]
    northfield, riverside = _made(folder, NORTHFIELD, wt, True), _made(folder, RIVERSIDE, wt, False)
    path = folder / "unit.s11workspace"
    with Workspace.create(path, "Officer") as workspace:
        full = workspace.add_cycle("2026/27", wt, dt.date(2027, 3, 31))
        _register(workspace, full.id)
        statement = workspace.add_cycle("2027/28", wt, dt.date(2028, 3, 31), kind="statement", baseline="2026/27")
        _register(workspace, statement.id)
        import_returns(workspace, full, [northfield[0]])
        import_returns(workspace, statement, [northfield[1], riverside[1]])
        plan = workspace.return_content(workspace.returns(full.id)[0].id)["action_plan"]
        due = [dt.date.fromisoformat(plan[i]["due_date"]) for i in (0, 1, 4)]
        figures = statements.statement_figures(workspace, "2027/28", as_of=due[1] + dt.timedelta(days=30))
    return path, figures, due, wt


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(texts)


@pytest.fixture(scope="module")
def written(unit, tmp_path_factory):
    _, figures, _, wt = unit
    folder = tmp_path_factory.mktemp("written")
    paths = write_statement_reports(figures, pdf=folder / "s.pdf", xlsx=folder / "s.xlsx", docx=folder / "s.docx",
                                    partnership="Northshire Safeguarding Children Partnership",
                                    business_unit="Northshire business unit", standards_set=wt,
                                    produced=dt.date(2027, 5, 1))
    assert paths == [folder / "s.pdf", folder / "s.xlsx", folder / "s.docx"]
    return folder


def test_the_pdf_states_the_figures_without_contacts(written, unit):
    _, figures, due, wt = unit
    text = _pdf_text(written / "s.pdf")
    assert "Annual compliance statement" in text and "Northshire Safeguarding Children Partnership" in text
    assert "2 statements received, 1 flagged for a decision" in text
    assert "The full audit of 2026/27" in text
    # % confirming: 100% for standard 3 (one same, one improved), 0% for standard 6 (both declined)
    assert "2 1 1 0 100%" in text and "2 0 0 2 0%" in text
    assert "6 actions: 1 completed, 1 completed late, 1 in progress on time, 2 overdue, 1 dropped" in text
    assert "overdue 2 33%" in text
    before = wt.grade_scale.level(figures.declines[0].baseline_grade).label  # Northfield's baseline grade of 6
    assert f"{before} \u2192 Red" in text
    assert "baseline not held \u2192 Red" in text
    # The chase list: Riverside's actions 30 and 20 days overdue, but no contact.
    assert f"{RIVERSIDE.name} 8" in text and " 30 " in text and " 20 " in text
    assert RIVERSIDE.contact_email not in text and RIVERSIDE.contact_name not in text
    assert NORTHFIELD.contact_email not in text
    assert "flagged for the business unit\u2019s decision" in text and "its baseline (2026/27" not in text
    # The appendix: Northfield's history of action index 0, completed five days early.
    assert "Appendix: action history by organisation" in text
    assert f"completed, {figures.histories[0].steps[0].completed_on.day}" in text
    assert "dropped: Replaced by a joint audit." in text
    assert "Audit every recruitment file" in text and "Check every recruitment file" in text
    assert (due[1] + dt.timedelta(days=200)).strftime("%b %Y") in text
    reader = PdfReader(written / "s.pdf")
    assert reader.metadata.title == "Findings: 2027/28: annual compliance statement"
    assert reader.metadata.author == "Northshire business unit"
    assert [o.title for o in reader.outline if not isinstance(o, list)][:2] == ["Standards confirmed",
                                                                                "Standards that declined"]


def test_the_workbook_has_tidy_sheets_and_the_contacts(written, unit):
    _, figures, due, _ = unit
    workbook = load_workbook(written / "s.xlsx")
    assert workbook.sheetnames == ["About", "Standards", "Declined", "Progress", "Overdue", "Organisations",
                                   "Action history", "New actions"]
    standards = {row[0]: row for row in workbook["Standards"].iter_rows(min_row=2, values_only=True)}
    assert standards[3][2:8] == (2, 1, 1, 0, 2, 1.0) and standards[6][2:8] == (2, 0, 0, 2, 0, 0.0)
    progress = list(workbook["Progress"].iter_rows(min_row=2, values_only=True))
    assert progress[-1][1:8] == ("All standards", 1, 1, 1, 2, 1, 6)
    assert progress[-1][11] == pytest.approx(0.33)
    assert progress[0][:8] == (3, "Information sharing", 1, 1, 1, 1, 0, 4)
    overdue = list(workbook["Overdue"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[3], r[4], r[6].date(), r[7]) for r in overdue] == [
        (RIVERSIDE.name, RIVERSIDE.contact_email, 8, due[2], 30),
        (RIVERSIDE.name, RIVERSIDE.contact_email, 3, due[1] + dt.timedelta(days=10), 20)]
    history = workbook["Action history"]
    head = [c.value for c in history[1]]
    rows = [dict(zip(head, r, strict=True)) for r in history.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == 6  # one row per action per organisation
    first = rows[0]
    assert (first["Organisation"], first["No."], first["Status"], first["Progress"], first["Completed on"].date(),
            first["Evidence of completion"], first["Reported in this statement"]) == (
        NORTHFIELD.name, 3, "complete", "completed", figures.histories[0].steps[0].completed_on,
        "Relaunch briefing.txt", "yes")
    assert [r["Flagged for a decision"] for r in rows] == ["no"] * 3 + ["yes"] * 3
    organisations = list(workbook["Organisations"].iter_rows(min_row=2, values_only=True))
    assert [r[:3] + r[4:] for r in organisations] == [(NORTHFIELD.name, "RYN", "yes", 1, 0, 1, 0, 1, 1),
                                                      (RIVERSIDE.name, "RHA 77", "no", 0, 1, 0, 2, 0, 1)]
    assert organisations[0][3] == "no" and organisations[1][3].startswith("its baseline (2026/27")
    assert [r["Baseline status (2026/27)"] for r in rows][3:] == ["not held"] * 3
    new = [(r[0], r[2], r[4]) for r in workbook["New actions"].iter_rows(min_row=2, values_only=True)]
    assert new == [(NORTHFIELD.name, "2027/28", "Audit every recruitment file"),
                   (RIVERSIDE.name, "2027/28", "Check every recruitment file")]
    for sheet in workbook:  # every sheet prints fitted to the page width (the history to two), header repeated
        wide = 2 if sheet.title == "Action history" else 1
        assert sheet.page_setup.fitToWidth == wide and sheet.print_title_rows == "$1:$1", sheet.title


def test_the_word_document_is_accessible_and_has_no_contacts(written):
    document = Document(str(written / "s.docx"))
    assert document.core_properties.title == "Findings: 2027/28: annual compliance statement"
    assert document.core_properties.language == "en-GB"
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert [h for h in headings if h[0] == "Heading 1"] == [
        ("Heading 1", "How to read these findings"), ("Heading 1", "Standards confirmed"),
        ("Heading 1", "Standards that declined"), ("Heading 1", "Action progress"), ("Heading 1", "Overdue actions"),
        ("Heading 1", "Appendix: action history by organisation")]
    assert ("Heading 2", f"{RIVERSIDE.name} ({RIVERSIDE.reference})") in headings
    for table in document.tables:  # every table's first row a repeating header row
        assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")
    [chart] = document.inline_shapes
    alt = chart._inline.docPr.get("descr")
    assert "6. " in alt and "0%" in alt and "100%" in alt
    text = _docx_text(written / "s.docx")
    assert "6 actions: 1 completed, 1 completed late, 1 in progress on time, 2 overdue, 1 dropped" in text
    by_standard = next(t for t in document.tables if t.rows[0].cells[1].text == "Completed")
    assert [c.text for c in by_standard.rows[2].cells] == ["8. Working together with partners and early help", "0",
                                                           "0", "0", "1 (50%)", "1 (50%)", "2"]
    assert RIVERSIDE.contact_email not in text and NORTHFIELD.contact_email not in text
    assert "Replaced by a joint audit." in text


def test_hostile_text_from_a_return_is_printed_as_text(unit, tmp_path):
    figures = unit[1]
    hostile = dataclasses.replace(figures, declines=[dataclasses.replace(d, narrative=HOSTILE)
                                                     for d in figures.declines])
    histories = [dataclasses.replace(h, steps=tuple(dataclasses.replace(s, action="<i>&amp; " + s.action,
                                                                        progress_note=HOSTILE) for s in h.steps))
                 for h in figures.histories]
    hostile.histories = histories
    write_statement_reports(hostile, pdf=tmp_path / "h.pdf", xlsx=tmp_path / "h.xlsx", docx=tmp_path / "h.docx")
    text = _pdf_text(tmp_path / "h.pdf")
    assert "<b>Bold &" in text and "<font color='red'>not mark-up</font>" in text
    assert "<i>&amp; " in text
    rows = list(load_workbook(tmp_path / "h.xlsx")["Declined"].iter_rows(min_row=2, values_only=True))
    assert rows[0][4] == HOSTILE
    assert "<b>Bold & </b>" in _docx_text(tmp_path / "h.docx")


def test_the_cli_writes_statement_findings_for_a_statement_cycle(unit, tmp_path, capsys):
    from s11audit.cli import main

    path = unit[0]
    pdf, xlsx, docx = tmp_path / "s.pdf", tmp_path / "s.xlsx", tmp_path / "s.docx"
    assert main(["findings", str(path), "--cycle", "2027/28", "--pdf", str(pdf), "--xlsx", str(xlsx),
                 "--docx", str(docx), "--partnership", "Northshire"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2027/28: annual compliance statement findings: 2 statements received, 1 flagged for a "
                          "decision (baseline 2026/27)")
    assert "  6 actions: " in out and "overdue actions to chase: " in out
    assert f"PDF: {pdf}" in out and f"Workbook: {xlsx}" in out and f"Word document: {docx}" in out
    assert "Annual compliance statement" in _pdf_text(pdf) and load_workbook(xlsx).sheetnames[0] == "About"
    assert main(["findings", str(path), "--cycle", "2027/28", "--pdf", str(pdf), "--sector", "Health"]) != 0
    assert "not split by sector or type" in capsys.readouterr().err
    # Judged on a day of the user's choosing: the figures the core test works out by hand for that day.
    assert main(["findings", str(path), "--cycle", "2027/28", "--summary", "--as-of", "2027-03-31"]) == 0
    assert "  6 actions: 1 completed, 1 completed late, 1 in progress on time, 2 overdue, 1 dropped" in \
        capsys.readouterr().out
    assert main(["findings", str(path), "--cycle", "2026/27", "--pdf", str(pdf), "--as-of", "2027-03-31"]) != 0
    assert "--as-of is for an annual compliance statement cycle's findings" in capsys.readouterr().err


def test_the_cli_still_writes_the_full_findings_for_a_full_cycle(unit, tmp_path, capsys):
    from s11audit.cli import main

    pdf = tmp_path / "full.pdf"
    assert main(["findings", str(unit[0]), "--cycle", "2026/27", "--pdf", str(pdf)]) == 0
    assert capsys.readouterr().out.startswith("2026/27: findings from 1 return of 2 expected (self grades)")
    text = _pdf_text(pdf)
    assert "Safeguarding self-assessment findings" in text and "Annual compliance statement" not in text


# --- a second statement on the same baseline --------------------------------------------------------

@pytest.fixture(scope="module")
def second_year(tmp_path_factory, shipped_sets):
    """Northfield's baseline (2026/27) and statements of 2027/28 and 2028/29 (``test_statement_three_years``:
    in 2028/29 only action 2 is still open, and is completed), imported; the 2028/29 figures as of its day."""
    folder = tmp_path_factory.mktemp("second year")
    wt = shipped_sets["s11-wt2023"]
    audit = make_sample(folder / "RYN.s11audit", wt, NORTHFIELD, signed=True, sample=False, cycle="2026/27")
    out = {name: folder / f"RYN {name}.s11return" for name in ("baseline", "y1", "y2")}
    with AuditFile.open(audit, "Officer") as audit_file:
        baseline = audit_file.audits()[0]
        export(audit_file, audit_file.assessment(baseline.id), returned=out["baseline"])
        first = audit_file.start_statement(baseline.id, "2027/28")
        three._first_statement(first, folder)
        export_statement(audit_file, first, out["y1"])
        second = audit_file.start_statement(baseline.id, "2028/29")
        for standard in second.standards:
            second.set_position(standard.id, "same")
        second.update_progress(2, status="complete", note="Finished.", completed_on=dt.date(2026, 11, 20))
        second.update_progress(6, status="in_progress", note="Half the files audited.",
                               new_due_date=dt.date(2029, 6, 30))  # the new action 2027/28 set
        sign_statement(second)
        export_statement(audit_file, second, out["y2"])
    with Workspace.create(folder / "unit.s11workspace", "Officer") as workspace:
        for name, due, kind in (("2026/27", dt.date(2027, 3, 31), {}),
                                ("2027/28", dt.date(2028, 3, 31), {"kind": "statement", "baseline": "2026/27"}),
                                ("2028/29", dt.date(2029, 3, 31), {"kind": "statement", "baseline": "2026/27"})):
            cycle = workspace.add_cycle(name, wt, due, **kind)
            workspace.add_organisations(cycle.id, [OrganisationEntry(NORTHFIELD.name, NORTHFIELD.reference, "Health",
                                                                     NORTHFIELD.org_type, NORTHFIELD.contact_name,
                                                                     NORTHFIELD.contact_email)])
            import_returns(workspace, cycle, [out[{"2026/27": "baseline", "2027/28": "y1"}.get(name, "y2")]])
        return statements.statement_figures(workspace, "2028/29", as_of=three.AS_OF)


def test_a_second_statement_shows_the_history_across_both(second_year, tmp_path):
    figures = second_year
    assert figures.earlier_cycles == ("2027/28",)
    write_statement_reports(figures, pdf=tmp_path / "y2.pdf", xlsx=tmp_path / "y2.xlsx", docx=tmp_path / "y2.docx")
    text = _pdf_text(tmp_path / "y2.pdf")
    assert "The full audit of 2026/27, and the earlier statement of 2027/28" in text
    assert "2 actions: 1 completed, 0 completed late, 1 in progress on time, 0 overdue, 0 dropped" in text
    assert "No. Action Baseline 2026/27 2027/28 2028/29" in text
    # Actions 1 and 5, closed in 2027/28, show there and are not reported again in 2028/29; action 2 completed.
    assert "completed, 27 Sep 2026 not reported again (closed in 2027/28)" in text
    assert "dropped: Replaced by a joint audit. not reported again (closed in 2027/28)" in text
    assert "completed, 20 Nov 2026" in text
    history = load_workbook(tmp_path / "y2.xlsx")["Action history"]
    head = [c.value for c in history[1]]
    assert "2027/28 progress" in head
    rows = [dict(zip(head, r, strict=True)) for r in history.iter_rows(min_row=2, values_only=True)]
    assert [(r["Progress"], r["Reported in this statement"]) for r in rows] == [
        ("completed", "no"), ("completed", "yes"), ("dropped", "no"), ("in progress on time", "yes")]
    # 2027/28's new action, reported on in 2028/29.
    assert (rows[3]["Action"], rows[3]["Baseline status (2026/27)"], rows[3]["2027/28 progress"]) == (
        "Audit every recruitment file", "none: set in the 2027/28 statement", "set in this statement")
    assert "set in the 2027/28 statement, due 31 Mar 2028" in text
    assert rows[1]["2027/28 progress"].startswith("in progress, on time (due, new date ")
    new = list(load_workbook(tmp_path / "y2.xlsx")["New actions"].iter_rows(min_row=2, values_only=True))
    assert [(r[2], r[4]) for r in new] == [("2027/28", "Audit every recruitment file")]
    words = _docx_text(tmp_path / "y2.docx")
    assert "2027/28\nAudit" not in words and "Audit every recruitment file" in words and "2028/29" in words


def test_a_cycle_without_statements_still_gets_its_documents(tmp_path):
    empty = statements.StatementFigures("2027/28", "2026/27", dt.date(2027, 5, 1), 0, 0)
    written = write_statement_reports(empty, pdf=tmp_path / "e.pdf", xlsx=tmp_path / "e.xlsx", docx=tmp_path / "e.docx")
    assert [p.name for p in written] == ["e.pdf", "e.xlsx", "e.docx"]
    text = _pdf_text(tmp_path / "e.pdf")
    assert "0 statements received, none flagged" in text and "No statement answered any standard." in text
    assert "No action was overdue on 1 May 2027." in text
    assert "No statement answered any standard." in _docx_text(tmp_path / "e.docx")
    assert load_workbook(tmp_path / "e.xlsx")["Progress"]["B2"].value == "All standards"
