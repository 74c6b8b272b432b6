"""The feedback letter after moderation: what is agreed, moderated and expected."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from s11audit.reports.feedback_letter import Moderated, letter_sections, write_feedback_letter


def _content(s11_set):
    standards = s11_set.standards
    return {
        "organisation": {"name": "Northfield NHS Trust", "reference": "RX1", "contact": {"name": "Priya Shah"}},
        "sign_off": {"signed_at": "2026-11-20T10:00:00+00:00"},
        "standards": [{"standard_id": standards[0].id, "grade": "green", "not_applicable": False},
                      {"standard_id": standards[1].id, "grade": "green", "not_applicable": False},
                      {"standard_id": standards[2].id, "grade": "amber", "not_applicable": False}],
        "action_plan": [{"standard_id": standards[2].id, "action": "Audit supervision records", "status": "in_progress",
                         "due_date": "2027-03-31"},
                        {"standard_id": standards[2].id, "action": "Done already", "status": "complete",
                         "due_date": None}],
    }


def test_letter_sections_sort_agreed_moderated_and_expected(s11_set):
    standards = s11_set.standards
    content = _content(s11_set)
    moderations = {standards[1].id: Moderated("red", "No evidence of board challenge"),
                   standards[2].id: Moderated("amber", "")}  # the same as their own grade: agreed
    agreed, changed, expected = letter_sections(s11_set, content, moderations)
    assert [row[0] for row in agreed] == [standards[0].heading, standards[2].heading]
    assert changed == [(standards[1].heading, "Green", "Red", "No evidence of board challenge")]
    assert expected[0].startswith(standards[1].heading) and "No evidence of board challenge" in expected[0]
    assert expected[1] == "Audit supervision records by 31 March 2027 (your action plan)."
    assert len(expected) == 2  # the complete action is not expected again


def test_feedback_letter_pdf(s11_set, tmp_path):
    standards = s11_set.standards
    out = write_feedback_letter(s11_set, _content(s11_set),
                                {standards[1].id: Moderated("red", "Board minutes missing")},
                                "2026/27", tmp_path / "letter.pdf", today=dt.date(2026, 12, 1))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    for expected in ("Priya Shah, Northfield NHS Trust", "Where we agree", "Where we moderated your grade",
                     "Board minutes missing", "What we expect", "we agree with 2 and have moderated 1",
                     "1 December 2026"):
        assert expected in text
