"""How the workbooks print: each kind written, converted to PDF by LibreOffice, its A4 pages counted.

    python benchmarks/print_check.py [--keep DIR] [--png]

Issue 13's targets (in brackets): an action plan with 15 actions on <= 2 A4 pages; the findings
workbook's summary sheets (every sheet but "Data") on <= 10 pages for 400 returns. The chase list,
peer outcomes and standards template workbooks are counted too (no target). Needs ``soffice``
(LibreOffice Calc) and ``pdfinfo``/``pdftoppm`` (poppler); not part of the test suite (a conversion
takes seconds). ``--png`` also renders each PDF's first two pages (``NAME-1.png``) to look at.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# A private per-user folder: the check never touches the real user's settings.
os.environ["S11AUDIT_HOME"] = tempfile.mkdtemp(prefix="s11print-home-")

# The repository, for ``benchmarks.bench_findings`` when this is run as a script.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import load_workbook

from benchmarks.bench_findings import make_records
from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.tracking import NOT_RETURNED, REJECTED, OrganisationStatus, write_chase_list
from s11audit.business_unit.workspace import OrganisationRow
from s11audit.reports.findings_xlsx import write_findings_xlsx
from s11audit.reports.peer_audit_data import AgencyOutcome, OutcomeLevel, PeerEvent, Standard
from s11audit.reports.peer_outcomes_xlsx import write_outcomes_xlsx
from s11audit.reports.xlsx import write_action_plan_xlsx
from s11audit.sample import make_sample
from s11audit.standards import discover
from s11audit.standards.workbook_write import set_file_content, set_files, write_workbook
from s11audit.store import AuditFile

ACTIONS = 15
RETURNS = 400
ACTION_TEXTS = ("Refresh the safeguarding induction for new starters and agency staff, and record who has had it",
                "Audit ten case files a term for the child's voice", "Update the allegations policy",
                "Agree a timetable with the LADO for reviewing low-level concerns and report it to the board")


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pages_per_sheet(pdf: Path) -> str:
    """Pages per sheet, from each page's footer (the sheet's name, then "Page n of m")."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    counts: dict[str, int] = {}
    for name in re.findall(r"^\s*(\S.*?)\s{2,}Page \d+ of \d+\s*$", text, re.M):
        counts[name] = counts.get(name, 0) + 1
    return ", ".join(f"{name} {n}" for name, n in counts.items())


def to_pdf(xlsx: Path, png: bool) -> int:
    """Convert with LibreOffice headless (a private profile, so that a running LibreOffice is not
    disturbed); the number of pages, and with ``png`` the first two pages as PNG files."""
    profile = Path(tempfile.mkdtemp(prefix="s11print-lo-"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(xlsx.parent), str(xlsx)], check=True, capture_output=True, timeout=600)
    pdf = xlsx.with_suffix(".pdf")
    if png:
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(xlsx.with_suffix(""))],
                       check=True)
    return pages(pdf)


def action_plan(folder: Path, sets: dict, set_id: str) -> Path:
    """A sample audit's action plan with 15 actions."""
    path = folder / f"{set_id}.s11audit"
    path.unlink(missing_ok=True)  # from an earlier run with --keep
    path = make_sample(path, sets[set_id], sample=False)
    with AuditFile.open(path, "Print check") as audit_file:
        assessment, organisation = audit_file.latest_assessment(), audit_file.organisation()
        standards = assessment.standards
        for n in range(ACTIONS - len(assessment.actions.all_actions())):
            assessment.actions.add(standards[n % len(standards)].id, ACTION_TEXTS[n % len(ACTION_TEXTS)],
                                   owner="Designated safeguarding lead", due_date=dt.date(2027, 3, 31),
                                   progress_notes="Started in the autumn term; half the staff done." if n % 2 else "")
        assert len(assessment.actions.all_actions()) >= ACTIONS
        return write_action_plan_xlsx(assessment, organisation, folder / f"action-plan-{set_id}.xlsx")


def findings_summary(folder: Path, sets: dict, set_id: str) -> tuple[Path, Path]:
    """The findings workbook for 400 returns (with last cycle's), and a copy without its Data sheet."""
    standards_set = sets[set_id]
    records = make_records(standards_set, RETURNS)
    findings = compute_findings(standards_set, records, expected=450, previous=make_records(standards_set, 380, seed=7),
                                reference_date=dt.date(2027, 3, 31))
    out = write_findings_xlsx(findings, standards_set, records, folder / f"findings-{set_id}.xlsx",
                              partnership="Midshire Safeguarding Children Partnership", cycle="2026/27")
    book = load_workbook(out)
    book.remove(book["Data"])
    summary = folder / f"findings-summary-{set_id}.xlsx"
    book.save(summary)
    return out, summary


def chase(folder: Path) -> Path:
    found = [OrganisationStatus(OrganisationRow(f"{kind} School {n}", f"URN 10{n:04d}", "Schools", "primary",
                                                f"Contact {n}", f"head{n}@school{n}.example"),
                                REJECTED if n % 5 == 0 else NOT_RETURNED,
                                rejected_reasons=("The return was signed with a key that is not this school's.",)
                                if n % 5 == 0 else ())
             for n, kind in enumerate(["Oakfield Primary", "St Mary's Church of England Voluntary Aided"] * 30)]
    return write_chase_list(found, folder / "chase.xlsx")


def peer(folder: Path) -> Path:
    scale = (OutcomeLevel("met", "Met the standard", "#27AE60", True),
             OutcomeLevel("met_recs", "Met with recommendations", "#F7DC6F", True),
             OutcomeLevel("not_met", "Not met", "#C0392B", False))
    standards = [Standard(f"s{n}", str(n), title) for n, title in
                 enumerate(("Leadership and governance", "Listening to children", "Information sharing",
                            "Supervision, support and training"), start=1)]
    event = PeerEvent("Peer audit day 2027", dt.date(2027, 3, 7), "Midshire Safeguarding Children Partnership",
                      tuple(standards), scale)
    outcomes = [AgencyOutcome(f"Agency {a}", "Health", 1 + a % 2, s.id, "Good", "#27AE60", True,
                              "met_recs" if a % 3 else "met", "Voice of the child missing from custody records. " * 2,
                              "Record the child's words and review them at supervision.",
                              (("Audit 20 records", "Lead", dt.date(2027, 6, 30)),))
                for a in range(12) for s in standards]
    return write_outcomes_xlsx(event, outcomes, folder / "peer-outcomes.xlsx")


def template(folder: Path) -> Path:
    report = discover()
    origin = set_files(report)[next(s.key for s in report.sets if s.id == "s175-kcsie2025")]
    return write_workbook(set_file_content(origin), folder / "standards-template.xlsx")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the workbooks and PDFs here (default: a temporary folder)")
    parser.add_argument("--png", action="store_true", help="render the first two pages of each PDF as PNG")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="s11print-"))
    folder.mkdir(parents=True, exist_ok=True)
    sets = {s.id: s for s in discover().sets}
    checks = []
    for set_id in ("s175-kcsie2025", "s11-wt2023", "s11-criteria-example"):
        checks.append((f"Action plan, {ACTIONS} actions ({set_id})", action_plan(folder, sets, set_id), 2))
    for set_id in ("s175-kcsie2025", "s11-criteria-example"):
        _, summary = findings_summary(folder, sets, set_id)
        checks.append((f"Findings workbook, {RETURNS} returns, all but Data ({set_id})", summary, 10))
    checks += [("Chase list, 60 organisations", chase(folder), None),
               ("Peer outcomes, 12 agencies", peer(folder), None),
               ("Standards template (s175-kcsie2025)", template(folder), None)]
    failed = False
    for label, xlsx, target in checks:
        count = to_pdf(xlsx, args.png)
        verdict = "" if target is None else f"   (target <= {target}: {'ok' if count <= target else 'OVER'})"
        failed |= target is not None and count > target
        print(f"{label}: {count} A4 page{'s' if count != 1 else ''}{verdict}\n"
              f"    {pages_per_sheet(xlsx.with_suffix('.pdf'))}")
    print(f"Files in {folder}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
