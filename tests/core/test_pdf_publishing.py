"""PDFs a partnership can publish: what each says about itself (language, title, author), fonts all
embedded, the day it was produced, DRAFT on an unsigned return, whole headers, half-up percentages,
the letter's agreeing comments and signature, and the file mode the user's umask gives."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import unicodedata
from shutil import which
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import SimpleDocTemplate

from s11audit.business_unit.findings import compute_findings
from s11audit.business_unit.records import ReturnRecord
from s11audit.reports import pdf_parts as parts
from s11audit.reports.atomic import atomic_output
from s11audit.reports.bidi import pieces
from s11audit.reports.common import numbered
from s11audit.reports.feedback_letter import Moderated, write_feedback_letter
from s11audit.reports.findings_pdf import write_findings_pdf
from s11audit.reports.fonts import register_fonts
from s11audit.reports.pdf import write_return_pdf
from s11audit.sample import make_sample
from s11audit.store import AuditFile
from tests.core.test_findings import make_set

PRODUCED = dt.date(2026, 12, 1)
DUE = dt.date(2027, 3, 31)
TYPES = ["primary", "secondary", "special", "alternative_provision", "independent", "all_through"]


def _text(path) -> str:
    return " ".join(unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in PdfReader(path).pages)).split())


def _fonts(reader: PdfReader) -> list:
    """Every font dictionary the pages use (including inside drawings' form objects)."""
    found = []

    def walk(resources):
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            found.append(font.get_object())
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return found


def _metadata(path, title_part: str, author: str) -> None:
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert title_part in reader.metadata["/Title"] and reader.metadata["/Author"] == author
    assert reader.metadata.get("/Subject")
    fonts = _fonts(reader)
    assert fonts
    for font in fonts:  # every font is embedded: a TrueType subset with its font file, never a base-14 font
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]


@pytest.fixture(scope="module")
def findings():
    """8 returns, 5 of them meeting standard 1 (62.5%: printed 63%), across six types of school."""
    grades = ["fully_met"] * 5 + ["not_met"] * 3
    records = [ReturnRecord(f"R{i}", f"School {i}", "Schools", TYPES[i % 6], {"1": grade}, frozenset(), {"1.1": "yes"})
               for i, grade in enumerate(grades)]
    return compute_findings(make_set(), records, expected=9, reference_date=DUE)


@pytest.fixture(scope="module")
def findings_pdf(findings, tmp_path_factory):
    out = tmp_path_factory.mktemp("findings") / "findings.pdf"
    return write_findings_pdf(findings, make_set(), out, partnership="Northshire SCP", cycle="2026/27",
                              author="Northshire SCP business unit", produced=PRODUCED)


def test_findings_pdf_metadata_fonts_and_dates(findings_pdf):
    _metadata(findings_pdf, "Findings", "Northshire SCP business unit")
    text = _text(findings_pdf)
    assert "Produced 1 Dec 2026" in text  # the day it was made, not the cycle's due date
    assert "Reference date 31 Mar 2027" in text and "Produced 31 Mar 2027" not in text


def test_findings_pdf_percentages_half_up_and_charts_have_their_figures(findings_pdf):
    text = _text(findings_pdf)
    assert "63%" in text and "62%" not in text  # 5 of 8
    assert "The figures in the charts" in text
    # Standard 1's row: not met 3, partly met 0, fully met 5, N/A 0, not graded 0, meeting 63%.
    assert "1. Leadership 3 0 5 0 0 63%" in text


def test_findings_pdf_headers_break_only_between_words(findings_pdf):
    text = _text(findings_pdf)
    # Six types in one table: "Alternative" cannot fit its column even at 7 pt, so it is abbreviated with a key.
    assert "AP = Alternative provision" in text
    assert "Alternativ e" not in text and "Seconda ry" not in text and "Independen t" not in text
    for word in ("Secondary", "Independent", "Special"):
        assert word in text


def test_grid_headers_shrink_and_ids_stay_on_one_line(tmp_path):
    register_fonts()
    styles = parts.make_styles()
    ids = ["2a.10", "12b.3"]
    rows = [["No.", "Met with recommendations", "Agreement"]] + [[i, "x", "y"] for i in ids]
    first = parts.id_width(ids, 1.1 * cm)
    table = parts.grid(rows, [first, 2.3 * cm, 2.3 * cm], styles)
    out = tmp_path / "grid.pdf"
    SimpleDocTemplate(str(out), pagesize=A4, **parts.document_properties("Grid", "Test", "")).build([table])
    lines = PdfReader(out).pages[0].extract_text().splitlines()
    assert "recommendations" in " ".join(lines)
    assert not any(line.strip().endswith(("recomm", "recommen")) for line in lines)
    assert any(line.startswith("2a.10") for line in lines) and any(line.startswith("12b.3") for line in lines)
    assert PdfReader(out).metadata["/Author"] == parts.DEFAULT_BUSINESS_UNIT


def test_numbers_get_one_dot():
    assert numbered("3", "Training") == "3. Training" and numbered("1.1", "Deputy DSL?") == "1.1 Deputy DSL?"
    assert numbered("2a.1", "Policy") == "2a.1 Policy" and numbered("", "Policy") == "Policy"


def test_abbreviations_come_with_a_key():
    shown, key = parts.abbreviated(["Primary school", "Alternative provision", "Secondary"], 1.4 * cm)
    assert shown[1] == "AP" and ("AP", "Alternative provision") in key
    assert shown[2].endswith(".") and shown[2] != "Secondary"
    assert parts.key_text(key).startswith("Key: ")


@pytest.fixture(scope="module")
def sample(shipped_sets, tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    path = make_sample(folder / "sample.s11audit", shipped_sets["s175-kcsie2025"])
    with AuditFile.open(path, "Publishing Tester") as audit_file:
        assessment = audit_file.latest_assessment()
        assessment.set_narrative(assessment.standards[0].id, "The DSL said «(حفاظت)» and “ذمہ داری” [ہے].")
        yield assessment, audit_file.organisation(), folder


def _page_text(reader: PdfReader, index: int) -> str:
    return " ".join(unicodedata.normalize("NFKC", reader.pages[index].extract_text()).split())


@pytest.mark.parametrize("set_id", ["s175-kcsie2025", "s11-wt2023", "s11-criteria-example"])
def test_no_table_of_a_return_is_wider_than_the_page(set_id, shipped_sets, tmp_path, monkeypatch):
    """Every table fits between the margins (the checklist once ran 3.3 cm off the right edge)."""
    from reportlab.platypus import Table

    widths = []
    built = Table.__init__

    def recording(self, data, colWidths=None, *args, **kwargs):
        if colWidths and all(isinstance(w, int | float) for w in colWidths):
            widths.append(sum(colWidths))
        built(self, data, colWidths, *args, **kwargs)

    monkeypatch.setattr(Table, "__init__", recording)
    path = make_sample(tmp_path / "a.s11audit", shipped_sets[set_id], sample=False)
    with AuditFile.open(path, "Publishing Tester") as audit_file:
        write_return_pdf(audit_file.latest_assessment(), audit_file.organisation(), tmp_path / "a.pdf")
    assert widths and max(widths) <= parts.WIDTH + 0.01, max(widths) / cm


def test_unsigned_return_is_a_draft_and_signed_is_not(sample):
    assessment, organisation, folder = sample
    draft = PdfReader(write_return_pdf(assessment, organisation, folder / "draft.pdf"))
    cover, last = _page_text(draft, 0), _page_text(draft, -1)
    assert "Draft: not signed off" in cover
    assert "DRAFT" in cover and last.count("DRAFT") == 2  # across the page, and in the running header
    _metadata(folder / "draft.pdf", "(draft, not signed off)", organisation.name)
    who = [SimpleNamespace(role="Headteacher", name="Helen Morris", signed_on=dt.date(2026, 11, 20))]
    signed = PdfReader(write_return_pdf(assessment, organisation, folder / "signed.pdf", sign_off=who))
    assert "DRAFT" not in _page_text(signed, 0) + _page_text(signed, -1)
    assert "draft" not in signed.metadata["/Title"]


def test_punctuation_beside_urdu_is_drawn_in_a_font_that_has_it(sample):
    assessment, organisation, folder = sample
    reader = PdfReader(write_return_pdf(assessment, organisation, folder / "urdu.pdf"))
    text = next(t for t in (_page_text(reader, i) for i in range(len(reader.pages))) if "The DSL said" in t)
    assert "«(" in text and ")»" in text and "[" in text  # brackets and quotes are text, not missing glyphs
    assert "1.1. " not in text and "1.1 " in text  # an item number with a dot of its own gets no second one
    # Right to left: the closing bracket typed last is drawn first (mirrored), the word's letters by HarfBuzz.
    assert pieces("(حفاظت)", "R") == [("(", False), ("حفاظت", True), (")", False)]
    assert pieces("“ذمہ", "R") == [("ذمہ", True), ("“", False)]


def _letter_content(standards):
    return {"organisation": {"name": "Oakfield Primary", "reference": "URN 1", "contact": {"name": "Priya Shah"}},
            "standards": [{"standard_id": s.id, "grade": "fully_met", "not_applicable": False} for s in standards[:2]],
            "action_plan": []}


def test_letter_keeps_an_agreeing_comment_and_signs_with_the_business_unit(s175_set, tmp_path):
    standards = s175_set.standards
    moderations = {standards[0].id: Moderated("fully_met", "Governor minutes show real challenge"),
                   standards[1].id: Moderated("partly_met", "No deputy training record")}
    out = write_feedback_letter(s175_set, _letter_content(standards), moderations, "2026/27", tmp_path / "letter.pdf",
                                business_unit="Northshire SCP business unit", today=PRODUCED,
                                signature="Jane Smith\nBusiness manager")
    text = _text(out)
    assert "Our comment" in text and "Governor minutes show real challenge" in text
    assert "Yours sincerely, Jane Smith Business manager Northshire SCP business unit" in text
    _metadata(out, "Feedback: Oakfield Primary", "Northshire SCP business unit")
    default = write_feedback_letter(s175_set, _letter_content(standards), {}, "2026/27", tmp_path / "plain.pdf")
    assert _text(default).startswith("The safeguarding children partnership business unit")


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_reports_are_written_with_the_mode_the_umask_gives(tmp_path, mask):
    old = os.umask(mask)
    try:
        with atomic_output(tmp_path / "report.pdf") as temp:
            temp.write_bytes(b"%PDF-1.4")
    finally:
        os.umask(old)
    assert (tmp_path / "report.pdf").stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.skipif(which("pdffonts") is None, reason="poppler's pdffonts is not installed")
def test_pdffonts_finds_no_font_left_unembedded(findings_pdf):
    listed = subprocess.run(["pdffonts", str(findings_pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listed.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), listed  # the "emb" column
