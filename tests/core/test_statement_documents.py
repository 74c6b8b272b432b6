"""The annual compliance statement's own PDF and workbook (issue 16), written from a signed sample statement.

The sample (``make_statement_sample`` on the Working Together set) improves one standard and declines
another (with a new action), and of the baseline's three open actions completes the first with evidence,
lets the second slip to a new date and drops the third with a reason. The documents are written from the
statement's ``return.json`` content as the export builds it (``take_statement_snapshot``), and from the same
content read back out of the exported return.
"""

from __future__ import annotations

import copy
import gc
import json
import unicodedata
import zipfile
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from s11audit.export import export_statement, take_statement_snapshot
from s11audit.reports import ReportError
from s11audit.reports import pdf_parts as parts
from s11audit.reports.statement_documents import statement_document, write_statement_documents
from s11audit.returns.keys import fingerprint
from s11audit.sample import STATEMENT_ACTION, STATEMENT_NOTES, make_statement_sample
from s11audit.store import AuditFile
from tests.core.test_full_disk_reports import FULL, _fill

URDU = "بچوں کی حفاظت کے لیے ذمہ داری واضح کریں"
PROGRESS_HEADERS = ["Action no.", "No.", "Standard", "Action", "Due date", "Status", "Progress note", "Completed on",
                    "New due date", "Reason dropped", "Evidence of completion"]
EVIDENCE = "Briefing minutes - action completed.txt"


@pytest.fixture(scope="module")
def made(shipped_sets, tmp_path_factory):
    """The signed sample statement's content and what else the documents take, read as the export reads it."""
    folder = tmp_path_factory.mktemp("statement")
    path = make_statement_sample(folder / "sample.s11audit", shipped_sets["s11-wt2023"])
    with AuditFile.open(path, "Documents Tester") as audit_file:
        statement = audit_file.statement(audit_file.audits()[-1].id)
        snapshot = take_statement_snapshot(audit_file, statement)
        export_statement(audit_file, statement, folder / "statement.s11return")
        grades = {sid: r.grade for sid, r in statement.baseline.responses().items()}
    with zipfile.ZipFile(folder / "statement.s11return") as archive:
        read_back = json.loads(archive.read("return.json"))
    return SimpleNamespace(content=snapshot.return_json, read_back=read_back, grades=grades, folder=folder,
                           set_content=snapshot.standards_content, evidence=snapshot.evidence_files,
                           fingerprint=fingerprint(snapshot.public_key), standards_set=statement.standards_set)


def _write(made, folder, content=None, **kwargs):
    options = {"standards_set": made.standards_set, "baseline_grades": made.grades,
               "evidence_files": made.evidence, "fingerprint": made.fingerprint, **kwargs}
    return write_statement_documents(made.content if content is None else content, pdf=folder / "statement.pdf",
                                     xlsx=folder / "statement.xlsx", **options)


@pytest.fixture(scope="module")
def written(made):
    folder = made.folder / "documents"
    folder.mkdir()
    return _write(made, folder)


def _text(path) -> str:
    pages = PdfReader(path).pages
    return " ".join(unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in pages)).split())


def _rows(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_pdf_holds_the_statement(made, written):
    pdf, _ = written
    text = _text(pdf)
    content = made.content
    assert content["organisation"]["name"] in text and "Annual compliance statement" in text
    assert "2027/28: based on the 2026/27 audit (version 1) signed on" in text
    assert "SAMPLE" in text and "not a real statement" in text
    assert "Improved" in text and "Declined" in text and "Still as at the baseline" in text
    assert STATEMENT_NOTES["improved"] in text and STATEMENT_NOTES["declined"] in text
    # Each baseline action's progress: completed on a date with evidence, slipped to a new date, dropped.
    assert STATEMENT_NOTES["complete"] in text and "Completed on" in text and EVIDENCE in text
    assert STATEMENT_NOTES["slipped"] in text and "New due date" in text
    assert f"Reason dropped: {STATEMENT_NOTES['dropped']}" in text
    assert STATEMENT_ACTION in text  # the new action
    assert content["sign_off"]["declaration"][:80] in text
    for signatory in content["sign_off"]["signatories"]:
        assert signatory["name"] in text
    assert made.fingerprint in text and text.count(f"organisation key {made.fingerprint}") == len(PdfReader(pdf).pages)


def test_the_pdf_describes_itself_and_embeds_its_fonts(made, written):
    reader = PdfReader(written[0])
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert reader.metadata["/Title"].startswith("SAMPLE, not a real return")
    assert "Annual compliance statement 2027/28" in reader.metadata["/Title"]
    assert reader.metadata["/Author"] == made.content["organisation"]["name"]
    outline = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert outline == ["Standards", "Progress of the baseline's actions", "New actions", "Evidence", "Sign-off"]
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            assert "/FontFile2" in font.get_object()["/FontDescriptor"].get_object()


def test_the_workbook_lists_progress_new_actions_and_standards(made, written):
    workbook = load_workbook(written[1])
    assert workbook.sheetnames == ["Action progress", "New actions", "Standards"]
    progress = _rows(workbook["Action progress"])
    assert progress[0] == PROGRESS_HEADERS
    assert [row[0] for row in progress[1:]] == [1, 2, 5]  # numbered as in the baseline's action plan
    completed, slipped, dropped = (dict(zip(PROGRESS_HEADERS, row, strict=True)) for row in progress[1:])
    assert completed["Status"].startswith("Complete") and completed["Completed on"] is not None
    assert completed["Progress note"] == STATEMENT_NOTES["complete"] and completed["Evidence of completion"] == EVIDENCE
    assert slipped["Status"].startswith("In progress") and slipped["New due date"] is not None
    assert slipped["New due date"] > slipped["Due date"]
    assert dropped["Status"] == "Dropped" and dropped["Reason dropped"] == STATEMENT_NOTES["dropped"]
    assert workbook["Action progress"]["F2"].fill.fgColor.rgb.endswith("C6EFCE")  # complete: the action plan's green

    new = _rows(workbook["New actions"])
    assert new[0][:4] == ["No.", "Standard", "Action", "Owner"] and new[1][2] == STATEMENT_ACTION
    assert workbook["New actions"].conditional_formatting  # the action plan's RAG colours, to track the year

    standards = _rows(workbook["Standards"])
    assert standards[0] == ["No.", "Standard", "Baseline grade", "Position", "What changed", "New grade"]
    assert len(standards) - 1 == len(made.content["statement"]["standards"])
    by_position = {row[3]: row for row in standards[1:] if row[3] != "Still as at the baseline"}
    assert by_position["Improved"][4] == STATEMENT_NOTES["improved"] and by_position["Improved"][5]
    assert by_position["Declined"][4] == STATEMENT_NOTES["declined"]
    assert by_position["Declined"][2] != by_position["Declined"][5]  # a grade lower than the baseline's


def test_every_sheet_prints_landscape_one_page_wide_with_its_header_row(written):
    workbook = load_workbook(written[1])
    for sheet in workbook.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert "SAMPLE, not a real return" in sheet.oddHeader.center.text


def test_content_read_back_from_the_return_gives_the_same_documents(made, written, tmp_path):
    """The export's content has dates as dates; the same content read from return.json has them as text."""
    pdf, xlsx = _write(made, tmp_path, made.read_back, standards_set=made.set_content)
    assert _text(pdf) == _text(written[0])
    again, first = load_workbook(xlsx), load_workbook(written[1])
    for name in first.sheetnames:
        assert _rows(again[name]) == _rows(first[name]), name


def test_no_table_is_wider_than_the_page(made, tmp_path, monkeypatch):
    from reportlab.platypus import Table

    widths: list[float] = []
    built = Table.__init__

    def recording(self, data, colWidths=None, *args, **kwargs):
        if colWidths and all(isinstance(w, int | float) for w in colWidths):
            widths.append(sum(colWidths))
        built(self, data, colWidths, *args, **kwargs)

    monkeypatch.setattr(Table, "__init__", recording)
    write_statement_documents(made.content, pdf=tmp_path / "s.pdf", standards_set=made.standards_set,
                              baseline_grades=made.grades)
    assert widths and max(widths) <= parts.WIDTH + 0.01


def _hostile(content: dict) -> dict:
    content = copy.deepcopy(content)
    content["organisation"]["name"] = "<b>Acme & Co</b> " + URDU
    narrative = ("Markup <b>& stays text</b> " * 300)[:5000] + " THE END"
    content["statement"]["standards"][0]["narrative"] = narrative + "\n\n" + URDU
    content["statement"]["action_progress"][1]["progress_note"] = narrative
    content["statement"]["action_progress"][2]["dropped_reason"] = URDU + " <i>&amp;"
    content["action_plan"][0]["action"] = '=HYPERLINK("http://example.org") ' + URDU
    return content


def test_hostile_text_is_printed_as_text(made, tmp_path):
    content = _hostile(made.content)
    pdf, xlsx = _write(made, tmp_path, content)
    text = _text(pdf)
    assert "<b>Acme & Co</b>" in text and "Markup <b>& stays text</b>" in text
    assert text.count("THE END") == 2  # the narrative and the long progress note, each whole
    workbook = load_workbook(xlsx)
    action = workbook["New actions"]["C2"]
    assert action.value == content["action_plan"][0]["action"] and action.data_type == "s"
    narrative = workbook["Standards"]["E2"].value
    assert narrative.startswith("Markup <b>& stays text</b>") and URDU in narrative
    assert workbook["Action progress"]["J4"].value == URDU + " <i>&amp;"


def test_an_urdu_full_stop_after_a_bracket(made, tmp_path):
    """A lone Arabic-script character (here the Urdu full stop after a bracket) is shaped like any word
    (reportlab's shapeStr left it unshaped, and drawing it failed)."""
    content = copy.deepcopy(made.content)
    for narrative in ("ہر ٹیم میں (نیا نظام)\u06d4", "\u0627", "\u060c"):
        content["statement"]["standards"][0]["narrative"] = narrative
        [pdf] = write_statement_documents(content, pdf=tmp_path / "s.pdf", standards_set=made.standards_set)
        assert pdf.read_bytes().startswith(b"%PDF")


def test_without_the_set_standards_and_grades_are_shown_by_their_ids(made, tmp_path):
    pdf, xlsx = write_statement_documents(made.content, pdf=tmp_path / "s.pdf", xlsx=tmp_path / "s.xlsx")
    assert "Standard 9" in _text(pdf)
    assert load_workbook(xlsx)["Standards"]["C2"].value == "Not known"


def test_only_the_documents_asked_for_are_written_and_progress_is_told(made, tmp_path):
    told = []
    written = write_statement_documents(made.content, xlsx=tmp_path / "only.xlsx",
                                        progress=lambda n, path: told.append((n, path.name)))
    assert written == [tmp_path / "only.xlsx"] and told == [(0, "only.xlsx")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["only.xlsx"]


def test_the_document_reads_the_sample_statement(made):
    document = statement_document(made.content, made.standards_set, made.grades, made.evidence, made.fingerprint)
    assert [p.index for p in document.progress] == [0, 1, 4]
    assert [p.status for p in document.progress] == ["complete", "in_progress", "dropped"]
    assert document.progress[0].evidence == (EVIDENCE,)
    assert document.evidence[0].size == len(made.evidence[0][1]) and len(document.evidence[0].sha256) == 64
    assert {s.position for s in document.standards} == {"same", "improved", "declined"}
    assert all(s.baseline is not None for s in document.standards)


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_a_full_disk_leaves_no_partial_file(made, tmp_path, monkeypatch, kind):
    folder = tmp_path / "full"
    folder.mkdir()
    _fill(monkeypatch, folder)
    out = folder / f"statement.{kind}"
    with pytest.raises(ReportError, match=FULL) as caught:
        write_statement_documents(made.content, **{kind: out}, standards_set=made.standards_set)
    assert str(out) in str(caught.value)
    gc.collect()
    assert list(folder.iterdir()) == []


def test_a_folder_that_cannot_be_written_leaves_nothing(made, tmp_path):
    missing = tmp_path / "gone" / "statement.pdf"
    with pytest.raises(ReportError, match="cannot be written to") as caught:
        write_statement_documents(made.content, pdf=missing, xlsx=tmp_path / "gone" / "statement.xlsx")
    assert str(missing) in str(caught.value) and not (tmp_path / "gone").exists()
