"""The return PDF and the action plan workbook, written from realistic sample audits."""

from __future__ import annotations

import datetime as dt
import os
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from pypdf import PdfReader

from s11audit.reports import ReportError
from s11audit.reports.atomic import atomic_output
from s11audit.reports.common import readable_text
from s11audit.reports.pdf import write_return_pdf
from s11audit.reports.xlsx import write_action_plan_xlsx
from s11audit.sample import make_sample
from s11audit.standards import ItemType
from s11audit.standards.model import NotApplicable
from s11audit.store import AuditFile


@pytest.fixture(params=["s11-wt2023", "s175-kcsie2025"])
def sample(request, shipped_sets, tmp_path):
    path = make_sample(tmp_path / "sample.s11audit", shipped_sets[request.param])
    with AuditFile.open(path, "Report Tester") as audit_file:
        yield audit_file.latest_assessment(), audit_file.organisation()


def _outline_titles(outline) -> list:
    return [entry if isinstance(entry, list) else entry.title for entry in outline]


def test_pdf_holds_the_return(sample, tmp_path):
    assessment, organisation = sample
    signatories = [SimpleNamespace(role="Headteacher or principal", name="Helen Morris",
                                   signed_on=dt.date(2026, 11, 20))]
    out = write_return_pdf(assessment, organisation, tmp_path / "return.pdf", sign_off=signatories,
                           fingerprint="3F2A 9C1B 77D0 E41A")
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert organisation.name in flat
    scale = assessment.standards_set.grade_scale
    used = {scale.level(r.grade).label for r in assessment.responses().values() if r.grade}
    assert len(used) >= 2
    for label in used:
        assert label in flat
    assert "Dziękujemy za pomoc" in flat
    assert "Page 1 of" in flat and f"Page {len(reader.pages)} of {len(reader.pages)}" in flat
    assert "Helen Morris" in flat and "3F2A 9C1B 77D0 E41A" in flat
    assert assessment.evidence.all_evidence()[0].sha256[:32] in flat.replace(" ", "")

    titles = _outline_titles(reader.outline)
    assert titles[0] == "Summary of grades" and titles[-1] == "Action plan"
    standards = reader.outline[titles.index("Standards") + 1]
    if assessment.standards_set.groups:  # a set with parts: its standards sit under their part's heading
        assert [e.title for e in standards if not isinstance(e, list)] == [
            g.title for g in assessment.standards_set.groups]
        standards = [entry for under_part in standards if isinstance(under_part, list) for entry in under_part]
    assert [entry.title for entry in standards] == [s.heading for s in assessment.standards]
    pages = [reader.get_destination_page_number(entry) for entry in standards]
    assert pages == sorted(set(pages)) and pages[0] > 1  # each standard on its own page, after the summary

    assert reader.metadata.title and organisation.name in reader.metadata.title
    assert reader.metadata.author == organisation.name


def test_pdf_without_sign_off_escapes_user_text_and_flows_long_narratives(sample, tmp_path):
    assessment, organisation = sample
    first = assessment.standards[0].id
    paragraph = "Staff said <b>supervision</b> & support improved; \u201cquoted\u201d text. " * 40
    assessment.set_narrative(first, "\n\n".join([paragraph] * 12))
    second = next(s.id for s in assessment.standards[1:] if s.not_applicable is not NotApplicable.NOT_ALLOWED)
    assessment.set_not_applicable(second, "No direct services <commissioned> & checked")
    written = next(i for s in assessment.standards for i in s.items_for(assessment.org_type) if i.type is ItemType.TEXT)
    assessment.set_answer(written.id, "A long written answer that ends with Zakończenie. " * 200)
    out = write_return_pdf(assessment, organisation, tmp_path / "return.pdf")
    reader = PdfReader(out)
    flat = " ".join("\n".join(p.extract_text() for p in reader.pages).split())
    assert "Draft: not signed off" in flat  # the cover's banner (and DRAFT across every page)
    assert "<b>supervision</b> &" in flat
    assert "No direct services <commissioned> & checked" in flat
    assert assessment.standards_set.grade_scale.not_applicable_label in flat
    assert flat.count("ends with Zakończenie.") >= 195  # printed in full below the table (page breaks cut a few)
    pages_with_text = [i for i, p in enumerate(reader.pages) if "supervision</b>" in p.extract_text()]
    assert len(pages_with_text) >= 2  # the narrative flowed over more than one page


def test_xlsx_holds_the_action_plan(sample, tmp_path):
    assessment, organisation = sample
    standard = assessment.standards[0]
    assessment.actions.add(standard.id, "=SUM(A1)", owner="+44 20 7946 0000", due_date=dt.date(2027, 1, 31),
                           progress_notes="@risk: -1 day")
    out = write_action_plan_xlsx(assessment, organisation, tmp_path / "plan.xlsx")
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["Action plan", "Grades"]
    sheet = workbook["Action plan"]
    actions = assessment.actions.all_actions()
    assert sheet.max_row == len(actions) + 1
    headers = [c.value for c in sheet[1]]
    parts = ["Part"] if assessment.standards_set.groups else []  # a set with parts (format 2) says which
    assert headers == [*parts, "No.", "Standard", "Action", "Owner", "Due date", "Status", "Progress notes"]
    col = {name: index for index, name in enumerate(headers)}
    status = f"{get_column_letter(col['Status'] + 1)}2"
    for row, action in zip(sheet.iter_rows(min_row=2), actions, strict=True):
        assert row[col["Action"]].value == action.description
        assert row[col["Status"]].value == action.status_label
        if action.due_date:
            due = row[col["Due date"]]
            assert isinstance(due.value, dt.datetime) and due.value.date() == action.due_date
            assert due.is_date
    last = sheet[sheet.max_row]
    assert last[col["Standard"]].value == standard.title
    assert last[col["No."]].value == (int(standard.number) if standard.number.isdigit() else standard.number)  # sorts
    action_cell = last[col["Action"]]
    assert action_cell.value == "=SUM(A1)" and action_cell.data_type == "s" and action_cell.quotePrefix
    assert last[col["Owner"]].value == "+44 20 7946 0000" and last[col["Progress notes"]].value == "@risk: -1 day"
    for ws in workbook.worksheets:
        assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]

    validations = sheet.data_validations.dataValidation
    assert len(validations) == 1 and validations[0].type == "list"
    assert status in str(validations[0].sqref) and "In progress" in validations[0].formula1
    formatted = [str(rng.sqref) for rng in sheet.conditional_formatting]
    assert any(rng.startswith(status) for rng in formatted)
    assert sum(len(rng.rules) for rng in sheet.conditional_formatting) == 3
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith(f"A1:{get_column_letter(len(headers))}")

    grades = workbook["Grades"]
    numbers = {int(s.number) if s.number.isdigit() else s.number for s in assessment.standards}  # sortable
    rows = [r for r in range(2, grades.max_row + 1) if grades.cell(r, 1).value in numbers]
    if assessment.standards_set.format_version < 2:
        assert rows == list(range(2, len(assessment.standards) + 2))
    assert [grades.cell(r, 2).value for r in rows] == [s.title for s in assessment.standards]
    assert grades.cell(rows[0], 3).fill.fgColor.rgb.endswith(
        assessment.standards_set.grade_scale.level(assessment.response(assessment.standards[0].id).grade).colour[1:].upper())


@pytest.mark.parametrize("writer", [write_return_pdf, write_action_plan_xlsx])
def test_a_failed_write_leaves_nothing_behind(sample, tmp_path, monkeypatch, writer):
    assessment, organisation = sample
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.out"

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ReportError, match=r"report\.out") as raised:
        writer(assessment, organisation, target)
    assert "No space left on device" in str(raised.value)
    assert list(folder.iterdir()) == []
    monkeypatch.undo()

    with pytest.raises(ReportError, match=r"report\.out"):
        writer(assessment, organisation, tmp_path / "missing" / "report.out")
    assert not (tmp_path / "missing").exists()


def test_atomic_output_keeps_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("writer failed")
    assert target.read_bytes() == b"old" and list(tmp_path.iterdir()) == [target]
    with atomic_output(target) as temp:
        temp.write_bytes(b"new")
    assert target.read_bytes() == b"new" and list(tmp_path.iterdir()) == [target]


def test_text_on_grade_colours_is_readable():
    assert readable_text("#C0392B") == "#FFFFFF"
    assert readable_text("#F39C12") == "#000000"
    assert readable_text("#FFFFFF") == "#000000"


URDU = "ہمارے سکول میں بچوں کی حفاظت سب کی ذمہ داری ہے\u06d4"  # ends in the Urdu full stop


def test_visual_order_of_words_in_a_line():
    from s11audit.reports.bidi import paragraph_direction, visual_order

    assert paragraph_direction("ہمارے DSL نے") == "R" and paragraph_direction("The DSL said ہمارے") == "L"
    # Right-to-left paragraph: words reversed, an English run kept in its own order, punctuation follows its word.
    assert visual_order(["ایک", "two", "three", "دو", "(3)"], "R") == ["(3)", "دو", "two", "three", "ایک"]
    # Left-to-right paragraph with an Urdu phrase: the phrase's words are reversed in place.
    assert visual_order(["We", "say", "ایک", "دو", "today."], "L") == ["We", "say", "دو", "ایک", "today."]


def test_urdu_narrative_and_action_are_shaped_and_flow(sample, tmp_path):
    import unicodedata

    from s11audit.reports.bidi import BidiParagraph

    assessment, organisation = sample
    first = assessment.standards[0].id
    assessment.set_narrative(first, "\n\n".join([f"{URDU} DSL {URDU}"] * 60))
    action = assessment.actions.all_actions()[0]
    assessment.actions.update(action.id, description=f"{URDU} (review by March)")
    out = write_return_pdf(assessment, organisation, tmp_path / "urdu.pdf")
    reader = PdfReader(out)
    pages = [unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages]
    with_urdu = [n for n, text in enumerate(pages) if "حفاظت" in text and "ذمہ" in text]
    assert len(with_urdu) >= 3  # shaped Urdu text, flowed over several pages
    assert any("review by March" in text and "حفاظت" in text for text in pages[with_urdu[-1]:])
    # Urdu letters missing from DejaVu (U+06C1 heh goal, U+06D2 yeh barree) come out of Noto Sans Arabic.
    fonts = {str(f.get("/BaseFont")) for page in reader.pages for f in (page["/Resources"].get("/Font") or {}).values()
             for f in [f.get_object()]}
    assert any("NotoSansArabic" in name for name in fonts)
    assert BidiParagraph(URDU, SimpleNamespace(fontName="DejaVuSans", fontSize=10, leading=14)).base == "R"
