"""The peer audit day's documents: schedule, day summary, feedback per agency and the outcomes workbook."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from s11audit.reports import ReportError
from s11audit.reports.peer_audit_data import (
    AgencyOutcome,
    AgreedAction,
    OutcomeLevel,
    PeerEvent,
    ScheduleGroup,
    Standard,
    agrees,
    changes,
    counts,
)
from s11audit.reports.peer_day_pdf import write_day_summary_pdf
from s11audit.reports.peer_feedback_pdf import (
    feedback_file_name,
    write_feedback_pdf,
    write_feedback_pdfs,
)
from s11audit.reports.peer_outcomes_xlsx import write_outcomes_xlsx
from s11audit.reports.peer_schedule_pdf import write_schedule_pdf

URDU = "بچوں کی حفاظت کے لیے ذمہ داری واضح کریں"
DAY = dt.date(2018, 3, 7)
SCALE = (OutcomeLevel("met", "Met the standard", "#27AE60", True),
         OutcomeLevel("met_recs", "Met with recommendations", "#F7DC6F", True),
         OutcomeLevel("not_met", "Not met", "#C0392B", False))
STANDARDS = (Standard("s2", "2", "Listening to children"), Standard("s3", "3", "Information sharing"),
             Standard("s5", "5", "Supervision, support and training"))
GOOD, RI = ("Good", "#27AE60", True), ("Requires improvement", "#F39C12", False)
AGENCIES = [("Midshire Police", "Police", 1), ("Midshire Community Health Trust", "Health", 1),
            ("Oakfield Academy", "Education", 1), ('Family "Hope": North/South', "Voluntary", 2),
            ("Midshire Probation", "Probation", 2), ("Children's Social Care", "Local authority", 2)]


def _outcome(who, standard, self_grade, outcome, *, notes="", recs="", actions=()):
    """``who`` is (agency, sector, group), as in AGENCIES."""
    agency, sector, group = who
    label, colour, meets = self_grade
    return AgencyOutcome(agency, sector, group, standard, label, colour, meets, outcome, notes, recs, tuple(actions))


@pytest.fixture
def event():
    return PeerEvent("Peer audit day 2018", DAY, "Midshire Safeguarding Children Partnership", STANDARDS, SCALE,
                     venue="County Showground, Hall 2", notes="Bring your updated evidence on the three standards.")


@pytest.fixture
def outcomes():
    rows = []
    for who in AGENCIES:
        for standard in STANDARDS:
            rows.append(_outcome(who, standard.id, GOOD, "met"))
    # Police: listening to children met with recommendations (agrees: both meet) and an Urdu recommendation.
    rows[0] = _outcome(("Midshire Police", "Police", 1), "s2", GOOD, "met_recs",
                       notes="Voice of the child missing from custody records.",
                       recs=f"Record the child's words. {URDU}",
                       actions=[AgreedAction("Audit 20 custody records for the child's voice", "DI Shah",
                                             dt.date(2018, 6, 30))])
    # Health: self-graded good on information sharing, peer outcome not met (a change, lower).
    rows[4] = _outcome(("Midshire Community Health Trust", "Health", 1), "s3", GOOD, "not_met",
                       notes="=1+1 no evidence of consent recording",
                       recs="Adopt the partnership's information sharing protocol.",
                       actions=[("Train staff on the protocol", "Named nurse", dt.date(2018, 9, 1)),
                                ("Review consent forms", "Head of records", None)])
    # Probation: self-graded below, peer outcome met (a change, higher).
    rows[13] = _outcome(("Midshire Probation", "Probation", 2), "s3", RI, "met", notes="Strong MAPPA minutes.")
    # Social care: supervision not recorded yet.
    rows[17] = _outcome(("Children's Social Care", "Local authority", 2), "s5", GOOD, None)
    return rows


@pytest.fixture
def groups():
    at = dt.datetime.combine(DAY, dt.time(9, 30))
    return [ScheduleGroup(1, at, at + dt.timedelta(hours=2), [(a, s) for a, s, g in AGENCIES if g == 1], "Room A"),
            ScheduleGroup(2, at + dt.timedelta(hours=2, minutes=15), at + dt.timedelta(hours=4, minutes=15),
                          [(a, s) for a, s, g in AGENCIES if g == 2])]


def _pages(path) -> list[str]:
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in PdfReader(path).pages]


def test_agreement_counts_and_changes(event, outcomes):
    assert agrees(event, outcomes[0]) is True  # good self-grade, met with recommendations: both meet
    assert agrees(event, outcomes[4]) is False
    assert agrees(event, outcomes[17]) is None  # no outcome yet
    figures = {c.standard.id: c for c in counts(event, outcomes)}
    assert figures["s2"].per_level == {"met": 5, "met_recs": 1, "not_met": 0}
    assert figures["s3"].per_level == {"met": 5, "met_recs": 0, "not_met": 1}
    assert (figures["s3"].agreed, figures["s3"].compared) == (4, 6)
    assert (figures["s5"].not_recorded, figures["s5"].compared) == (1, 5)
    found = [(c.agency, c.standard.id, c.direction) for c in changes(event, outcomes)]
    assert found == [("Midshire Community Health Trust", "s3", "Peer outcome lower"),
                     ("Midshire Probation", "s3", "Peer outcome higher")]


def test_schedule_pdf(event, groups, tmp_path):
    pages = _pages(write_schedule_pdf(event, groups, tmp_path / "schedule.pdf"))
    text = " ".join(pages)
    for expected in ("Peer audit day 2018", "7 March 2018", "County Showground", "Listening to children",
                     "Group 1", "09:30", "11:30", "Room A", "Group 2", "11:45", "Midshire Probation", "Voluntary",
                     'Family "Hope": North/South'):
        assert expected in text, expected
    assert pages[-1].endswith(f"Page {len(pages)} of {len(pages)}") or f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_day_summary_pdf(event, outcomes, tmp_path):
    pages = _pages(write_day_summary_pdf(event, outcomes, tmp_path / "day.pdf"))
    text = " ".join(pages)
    for expected in ("Outcomes per standard", "Met with recommendations", "Not met", "Not recorded",
                     "What changed between self-grade and peer outcome", "Peer outcome lower", "Peer outcome higher",
                     "Adopt the partnership's information sharing protocol", "Record the child's words",
                     "Oakfield Academy", "4 of 6 (67%)", "Agreement"):
        assert expected in text, expected
    assert any("حفاظت" in page and "ذمہ" in page for page in pages)  # Urdu shaped through text_block
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert "Peer audit day 2018" in pages[1]  # running header from page 2
    first_page = PdfReader(tmp_path / "day.pdf").pages[0]
    assert first_page.mediabox.width > first_page.mediabox.height


def test_feedback_pdf_for_one_agency(event, outcomes, tmp_path):
    pages = _pages(write_feedback_pdf(event, "Midshire Community Health Trust", outcomes, tmp_path / "health.pdf",
                                      today=dt.date(2018, 3, 14)))
    text = " ".join(pages)
    for expected in ("To: Midshire Community Health Trust (Health)", "14 March 2018", "Information sharing",
                     "=1+1 no evidence of consent recording", "Train staff on the protocol", "Named nurse",
                     "1 September 2018", "No date", "Not met", "Your self-grade"):
        assert expected in text, expected
    assert "Midshire Police" not in text
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_feedback_pdfs_for_every_agency_with_safe_names(event, outcomes, tmp_path):
    results = write_feedback_pdfs(tmp_path, event, outcomes)
    assert [r.agency for r in results][:3] == ["Midshire Community Health Trust", "Midshire Police", "Oakfield Academy"]
    assert all(r.written for r in results) and len(results) == len(AGENCIES)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "Peer audit feedback - Family _Hope_ North_South.pdf" in names
    assert len(names) == len(AGENCIES)
    police = next(r for r in results if r.agency == "Midshire Police")
    assert any("حفاظت" in page for page in _pages(police.path))


def test_feedback_file_names():
    assert feedback_file_name("CON") == "Peer audit feedback - _CON.pdf"
    assert feedback_file_name("  Trust. ") == "Peer audit feedback - Trust.pdf"
    assert feedback_file_name("a<b>c|d?*") == "Peer audit feedback - a_b_c_d_.pdf"
    assert len(feedback_file_name("x" * 300)) < 140


def test_one_failure_does_not_stop_the_rest(event, outcomes, tmp_path, monkeypatch):
    from s11audit.reports import peer_feedback_pdf

    real = peer_feedback_pdf.write_feedback_pdf

    def failing(event, agency, outcomes, path, today=None):
        if agency == "Midshire Police":
            raise ReportError(f"Cannot write {path}: disk full.")
        return real(event, agency, outcomes, path, today)

    monkeypatch.setattr(peer_feedback_pdf, "write_feedback_pdf", failing)
    results = write_feedback_pdfs(tmp_path, event, outcomes)
    failed = [r for r in results if not r.written]
    assert [r.agency for r in failed] == ["Midshire Police"] and "disk full" in failed[0].problem
    assert sum(r.written for r in results) == len(AGENCIES) - 1


def test_outcomes_workbook(event, outcomes, tmp_path):
    book = load_workbook(write_outcomes_xlsx(event, outcomes, tmp_path / "outcomes.xlsx"))
    assert book.sheetnames == ["Outcomes", "Actions", "Summary"]
    sheet = book["Outcomes"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:I19"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(AGENCIES) * len(STANDARDS)
    health = next(r for r in rows if r[0] == "Midshire Community Health Trust" and r[3] == "3. Information sharing")
    assert health[4:8] == ("Good", "Not met", "No", "=1+1 no evidence of consent recording")
    cell = next(c for c in sheet["H"] if c.value == "=1+1 no evidence of consent recording")
    assert cell.data_type == "s"
    assert any(r[8] and URDU in r[8] for r in rows)
    social_care_5 = next(r for r in rows if r[0] == "Children's Social Care" and r[3].startswith("5."))
    assert social_care_5[5:7] == ("Not recorded", "\u2013")
    actions = list(book["Actions"].iter_rows(min_row=2, values_only=True))
    assert len(actions) == 3
    train = next(r for r in actions if r[3] == "Train staff on the protocol")
    assert train[5] == dt.datetime(2018, 9, 1) and book["Actions"].cell(3, 6).is_date
    assert next(r for r in actions if r[3] == "Review consent forms")[5] is None
    summary = list(book["Summary"].iter_rows(values_only=True))
    assert summary[0][:4] == ("Standard", "Met the standard", "Met with recommendations", "Not met")
    assert summary[2][:8] == ("3. Information sharing", 5, 0, 1, 0, 4, 6, pytest.approx(4 / 6))


def test_unwritable_folder_names_the_file(event, outcomes, tmp_path):
    missing = tmp_path / "no such folder" / "day.pdf"
    with pytest.raises(ReportError, match=r"day\.pdf"):
        write_day_summary_pdf(event, outcomes, missing)
    with pytest.raises(ReportError, match=r"outcomes\.xlsx"):
        write_outcomes_xlsx(event, outcomes, tmp_path / "no such folder" / "outcomes.xlsx")


def test_event_without_partnership_or_venue(event, outcomes, groups, tmp_path):
    bare = PeerEvent(event.name, event.day, "", event.standards, event.outcome_scale)
    assert "Partnership" not in " ".join(_pages(write_schedule_pdf(bare, groups, tmp_path / "s.pdf")))
    assert "Partnership" not in " ".join(_pages(write_day_summary_pdf(bare, outcomes, tmp_path / "d.pdf")))
    letter = " ".join(_pages(write_feedback_pdf(bare, "Midshire Police", outcomes, tmp_path / "f.pdf")))
    assert "taking part in the peer audit day on 7 March 2018." in letter
