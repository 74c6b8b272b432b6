"""What looks like personal data about a child (issue 17): NHS numbers, UPNs, dates of birth, named plans;
what must not be taken for them; bounded work on hostile text; the notice kept once per audit."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from s11audit.personal_data import (
    DATE_OF_BIRTH,
    MAX_HINTS,
    NAMED_PLAN,
    NHS_NUMBER,
    SCAN_LIMIT,
    UPN,
    in_words,
    nhs_number_valid,
    second_looks,
    second_looks_in_file,
    upn_valid,
)
from s11audit.store import AuditFile, OrganisationDetails
from s11audit.store.models import FileInfo


def kinds(text: str) -> list[tuple[str, str]]:
    return [(hint.kind, hint.text) for hint in second_looks(text)]


# --- NHS numbers -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919", "4010232137", "401 023 2137"])
def test_an_nhs_number_with_a_right_check_digit_is_flagged(number):
    assert kinds(f"Referral notes, NHS no. {number}, seen by school nurse") == [(NHS_NUMBER, number)]


@pytest.mark.parametrize("text", [
    "943 476 5918",  # wrong check digit
    "943 476 5910",
    "0000000000", "1111111111",  # placeholders pass the arithmetic
    "943 4765919",  # mixed grouping
    "94347659190",  # eleven digits
    "Call 0161 496 0000 or 0161 4960000",  # UK phone numbers: eleven digits
    "Tel +44 161 496 0000", "+44 (0) 161 496 0000", "+441614960000",
    "Order 12345678, invoice 1234567890",  # 1234567890 fails the check
    "Budget 2026/27: £1,250,000",
])
def test_ordinary_numbers_and_phone_numbers_are_not_nhs_numbers(text):
    assert kinds(text) == []


def test_the_nhs_check_digit_rule():
    assert nhs_number_valid("9434765919") and nhs_number_valid("4010232137")
    assert not nhs_number_valid("9434765918") and not nhs_number_valid("943476591")
    # A check digit of 10 is never valid: no last digit makes such nine digits a number.
    nine = next(n for n in (f"{n:09d}" for n in range(100000000, 100001000))
                if (11 - sum(int(c) * w for c, w in zip(n, range(10, 1, -1), strict=True)) % 11) == 10)
    assert not any(nhs_number_valid(nine + d) for d in "0123456789")


# --- unique pupil numbers ----------------------------------------------------------------------------------

@pytest.mark.parametrize("upn", ["B801200005001", "b801200005001"])
def test_a_upn_with_its_check_letter_is_flagged(upn):
    assert kinds(f"Pupil {upn} attendance") == [(UPN, upn)]


def test_a_temporary_upn_ending_in_a_letter_is_checked_too():
    body = "80120000500"
    for last in "ABCDEFGHJKLMNPQRTUVWXYZ":
        values = [int(c) for c in body] + ["ABCDEFGHJKLMNPQRTUVWXYZ".index(last)]
        check = "ABCDEFGHJKLMNPQRTUVWXYZ"[sum(v * w for v, w in zip(values, range(2, 14), strict=True)) % 23]
        assert upn_valid(check + body + last)
        assert kinds(f"temporary UPN {check}{body}{last}") == [(UPN, check + body + last)]


@pytest.mark.parametrize("text", [
    "A801200005001",  # wrong check letter
    "I801200005001", "O801200005001", "S801200005001",  # letters a UPN never has
    "X80120000A001",  # letters inside
    "BB801200005001", "B8012000050012",  # part of something longer
    "Ref K12345678901",  # too short
])
def test_what_is_not_a_upn(text):
    assert [k for k, _ in kinds(text) if k == UPN] == []


# --- dates of birth ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, matched", [
    ("Child A DOB 01-02-2015.pdf", "DOB 01-02-2015"),
    ("child_dob_010215.csv", "dob_010215"),
    ("D.O.B. 01.02.15", "D.O.B. 01.02.15"),
    ("d.o.b: 1/2/2015", "d.o.b: 1/2/2015"),
    ("DOB: 1st February 2015", "DOB: 1st February 2015"),
    ("Date of birth 3 Mar 2016", "Date of birth 3 Mar 2016"),
    ("date of birth: 2015-02-01", "date of birth: 2015-02-01"),
    ("born on 3 March 2016", "born on 3 March 2016"),
    ("Born 12/11/2014 in Leeds", "Born 12/11/2014"),
])
def test_a_date_after_dob_or_date_of_birth_is_flagged(text, matched):
    assert kinds(text) == [(DATE_OF_BIRTH, matched)]


@pytest.mark.parametrize("text", [
    "Governors' meeting 01/02/2015", "Policy reviewed 2026-01-15, next review 15 January 2027",
    "Dobson report 01-02-2015", "Adobe 01.02.2015", "DOB not recorded", "Training log 2026.csv",
    "Staff born in the 1990s", "Case file audit summary 2026.pdf", "Child protection policy 2026.pdf",
])
def test_ordinary_dates_and_words_are_not_flagged(text):
    assert kinds(text) == []


# --- plans and referrals for a named child -----------------------------------------------------------------

@pytest.mark.parametrize("text, matched", [
    ("Child protection plan for Jayden Smith.docx", "Child protection plan for Jayden Smith"),
    ("CIN plan for Amelia", "CIN plan for Amelia"),
    ("referral about Kacper W", "referral about Kacper"),
])
def test_a_plan_or_referral_for_a_named_child_is_flagged(text, matched):
    assert kinds(text) == [(NAMED_PLAN, matched)]


@pytest.mark.parametrize("text", ["Child protection plan for all children looked after", "Referral for early help",
                                  "Safety plan for Child A", "child protection plan for the pupils",
                                  "Referral for Children's Social Care"])
def test_a_plan_for_everyone_or_for_child_a_is_not_flagged(text):
    assert kinds(text) == []


# --- several, in order; the question's words; files --------------------------------------------------------

def test_several_are_found_in_order_and_put_in_words():
    hints = second_looks("Child B, DOB 01/02/2015, NHS 943 476 5919, UPN B801200005001")
    assert [h.kind for h in hints] == [DATE_OF_BIRTH, NHS_NUMBER, UPN]
    assert all(h.why and h.what for h in hints)
    text = "Child B, DOB 01/02/2015, NHS 943 476 5919, UPN B801200005001"
    assert [text[h.start:h.end] for h in hints] == [h.text for h in hints]
    assert in_words(hints) == ("a date of birth (DOB 01/02/2015), an NHS number (943 476 5919) and a unique pupil "
                               "number (UPN) (B801200005001)")
    assert in_words(hints[:1]) == "a date of birth (DOB 01/02/2015)"


def test_a_text_files_content_is_read_but_not_other_files():
    rows = b"name,nhs\nChild A,943 476 5919\n"
    assert [h.kind for h in second_looks_in_file("extract.csv", rows, "text/csv")] == [NHS_NUMBER]
    assert [h.kind for h in second_looks_in_file("notes.txt", rows)] == [NHS_NUMBER]
    assert second_looks_in_file("minutes.pdf", rows, "application/pdf") == []
    assert [h.kind for h in second_looks_in_file("DOB 01-02-2015.pdf", b"%PDF")] == [DATE_OF_BIRTH]
    assert second_looks_in_file("big.csv", b"x" * 1_000_001 + rows) == []  # past the size read as text
    assert second_looks_in_file("odd.txt", b"\xff\xfe\x00 943 476 5919")[0].kind == NHS_NUMBER


# --- bounds ------------------------------------------------------------------------------------------------

def test_only_the_first_characters_are_scanned_and_the_hints_are_few():
    assert second_looks("x" * SCAN_LIMIT + " DOB 01/02/2015") == []
    many = " ".join(["DOB 01/02/2015"] * 500)
    assert len(second_looks(many)) == MAX_HINTS


@pytest.mark.parametrize("hostile", [
    "DOB " * 250_000, "1" * 1_000_000, "123 " * 250_000, "D.O.B." * 170_000, "date of birth " * 72_000,
    "plan for " * 120_000, "A" + "1" * 1_000_000, "referral for Aa" * 70_000, "01/02/" * 170_000,
    "born on 1st " * 90_000, "B80120000500" * 84_000,
])
def test_a_megabyte_of_hostile_text_is_scanned_quickly(hostile):
    start = time.perf_counter()
    second_looks(hostile)
    second_looks_in_file("x.txt", hostile.encode())
    assert time.perf_counter() - start < 1.5


# --- the notice, once per audit, kept in the audit file ----------------------------------------------------

def test_the_notice_is_kept_per_audit_and_survives_reopening(tmp_path, s11_set):
    path = tmp_path / "agency.s11audit"
    with AuditFile.create(path, OrganisationDetails("Northfield NHS Trust", "RXY", "agency", "health"),
                          "Test User") as audit_file:
        audit = audit_file.start_audit(s11_set, "2026/27")
        other = audit_file.start_audit(s11_set, "2027/28")
        assert not audit_file.personal_data_notice_seen(audit.id)
        assert audit_file.mark_personal_data_notice_seen(audit.id)
        assert audit_file.mark_personal_data_notice_seen(audit.id)  # again: still one mark
        assert audit_file.personal_data_notice_seen(audit.id) and not audit_file.personal_data_notice_seen(other.id)
        kept = json.loads(audit_file.writer.session.get(FileInfo, f"personal_data_notice:{audit.id}").value)
        assert kept["user"] == "Test User" and kept["at"].startswith(str(dt.date.today().year))
    with AuditFile.open(path, "Someone else") as reopened:
        assert reopened.personal_data_notice_seen(audit.id)
        assert not reopened.personal_data_notice_seen(other.id)
    with AuditFile.open(path, "Someone else", read_only=True) as read_only:
        assert not read_only.mark_personal_data_notice_seen(other.id)  # not kept, and no error
        assert not read_only.personal_data_notice_seen(other.id)
    with AuditFile.open(path, "Someone else") as again:
        assert not again.personal_data_notice_seen(other.id)
