"""What looks like personal data about a child, for a second look before it goes into an audit (issue 17).

A safeguarding audit needs to show that policies and practice work, not who the children are, yet
minutes, case audit extracts and training records attract names, dates of birth and NHS numbers.
:func:`second_looks` finds a few things that are rarely anything else: an NHS number (its modulus 11
check digit must be right, so an ordinary ten-digit number is seldom taken for one), a unique pupil number
(the DfE check letter must be right), a date next to "DOB" / "date of birth" / "born on", and a plan or
referral "for" a capitalised name. It only asks for a second look: the app never refuses what it flags.

The scan is bounded (the first ``SCAN_LIMIT`` characters) and every pattern is linear: no nested
repetition, so a hostile text cannot make it backtrack for long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCAN_LIMIT = 200_000  # characters of a text looked at; a narrative is far shorter, a CSV is read in part
TEXT_FILE_LIMIT = 1_000_000  # bytes of a text file's content scanned (its first SCAN_LIMIT characters)
TEXT_SUFFIXES = (".txt", ".csv", ".tsv", ".md", ".text", ".log")
MAX_HINTS = 20  # enough to ask the question; a CSV of pupils would otherwise give thousands

NHS_NUMBER, UPN, DATE_OF_BIRTH, NAMED_PLAN = "nhs_number", "upn", "date_of_birth", "named_plan"


@dataclass(frozen=True)
class Hint:
    """One thing that looks like personal data: ``what`` it looks like (plain words, "an NHS number"),
    the ``text`` matched and where (``start``, ``end`` in the text scanned), and ``why`` it matters."""

    kind: str
    what: str
    text: str
    start: int
    end: int
    why: str


_WHY = {
    NHS_NUMBER: "An NHS number identifies one person's health record; an audit never needs it.",
    UPN: "A unique pupil number identifies one pupil; an audit never needs it.",
    DATE_OF_BIRTH: "A date of birth with a name or initials can identify a child; an audit rarely needs it.",
    NAMED_PLAN: "A child's plan or referral under their name is case information, not evidence of practice.",
}
_WHAT = {NHS_NUMBER: "an NHS number", UPN: "a unique pupil number (UPN)", DATE_OF_BIRTH: "a date of birth",
         NAMED_PLAN: "a plan or referral for a named child"}

# --- NHS numbers: ten digits, 3-3-4 with spaces or hyphens (the same between each group) or none ------------

# Not after a digit, "+44" or "(0)" (a phone number written internationally), nor before one.
_NHS = re.compile(r"(?<![\d+])(?<!\+44 )(?<!\+44)(?<!\(0\) )(?<!\(0\))(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d])")


NHS_DIGITS, NHS_MODULUS = 10, 11
UPN_LENGTH, UPN_MODULUS = 13, 23


def nhs_number_valid(digits: str) -> bool:
    """True when ten digits pass the NHS modulus 11 check (weights 10 down to 2; 11 counts as 0, 10 never
    valid). Ten equal digits pass the arithmetic but are placeholders, not numbers."""
    if len(digits) != NHS_DIGITS or not digits.isdigit() or len(set(digits)) == 1:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = (NHS_MODULUS - total % NHS_MODULUS) % NHS_MODULUS  # 11 counts as 0
    return check < NHS_DIGITS and check == int(digits[9])  # 10 is never a valid check digit


# --- unique pupil numbers: a check letter, 11 digits, then a digit (or a letter in a temporary UPN) --------

_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # the DfE's 23 letters (no I, O or S): A is 0, Z is 22
_UPN = re.compile(r"(?<![A-Za-z0-9])([A-HJ-NP-RT-Za-hj-np-rt-z])(\d{11})([0-9A-HJ-NP-RT-Za-hj-np-rt-z])(?![A-Za-z0-9])")


def upn_valid(upn: str) -> bool:
    """True when a 13-character UPN's first letter is the DfE check letter of the other twelve: each
    multiplied by its position (2 to 13; a final letter counts as its place in ``_UPN_LETTERS``), the sum
    divided by 23, the remainder's letter."""
    upn = upn.upper()
    if len(upn) != UPN_LENGTH or upn[0] not in _UPN_LETTERS or not upn[1:12].isdigit():
        return False
    last = upn[12]
    values = [int(c) for c in upn[1:12]] + [int(last) if last.isdigit() else _UPN_LETTERS.find(last)]
    if values[-1] < 0:
        return False
    total = sum(value * weight for value, weight in zip(values, range(2, 14), strict=True))
    return _UPN_LETTERS[total % UPN_MODULUS] == upn[0]


# --- a date of birth: "DOB", "D.O.B.", "date of birth", "born (on)" shortly before a date ----------------

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = (r"(?:\d{1,2}[/.\-_ ]\d{1,2}[/.\-_ ](?:\d{4}|\d{2})"  # 01/02/2015, 1-2-15, 01.02.2015, 01 02 2015
         r"|\d{4}-\d{1,2}-\d{1,2}"  # 2015-02-01
         r"|\d{1,2}(?:st|nd|rd|th)?[ \-]" + _MONTHS + r"\.?[ \-,]{1,2}\d{2,4}"  # 1st February 2015, 1-Feb-15
         r"|\d{6}(?:\d{2})?)"  # 010215, 01022015
         r"(?!\d)")
_DOB = re.compile(r"(?<![A-Za-z])(?:d\.?\s?o\.?\s?b(?![A-Za-z])\.?|date\s+of\s+birth|born(?:\s+on)?)"
                  r"[\s:=\-_,.()]{0,4}(" + _DATE + ")", re.IGNORECASE)

# --- a plan or referral for a named child: "child protection plan for Jayden", "referral about Amy Smith" --

_NOT_NAMES = frozenset({
    "A", "All", "An", "Any", "Child", "Children", "Each", "Every", "Families", "Family", "Her", "Him", "His",
    "Learners", "Looked", "New", "Our", "Parents", "Pupil", "Pupils", "Staff", "Students", "Such", "That", "The",
    "Their", "Them", "These", "This", "Those", "Young", "Early", "Help", "Children's", "Social", "School",
})
_PLAN = re.compile(r"(?i:\b(?:child protection|child in need|cin|cp|care|safety|pathway|ehc|"
                   r"education,? health and care)\s+plan|\breferral)\s+(?i:for|about|of|re:?)\s+"
                   r"([A-Z][a-z'\-]{1,30}(?: [A-Z][a-z'\-]{1,30})?)")


def second_looks(text: str, limit: int = SCAN_LIMIT) -> list[Hint]:
    """What in the first ``limit`` characters of ``text`` looks like personal data about a child, in the
    order it appears (at most ``MAX_HINTS``)."""
    text = text[:limit]
    found: list[Hint] = []
    for match in _NHS.finditer(text):
        if nhs_number_valid(match.group(1) + match.group(3) + match.group(4)):
            found.append(_hint(NHS_NUMBER, match.group(0), match.start(), match.end()))
    for match in _UPN.finditer(text):
        if upn_valid(match.group(0)):
            found.append(_hint(UPN, match.group(0), match.start(), match.end()))
    found.extend(_hint(DATE_OF_BIRTH, match.group(0), match.start(), match.end()) for match in _DOB.finditer(text))
    for match in _PLAN.finditer(text):
        if match.group(1).split(" ")[0] not in _NOT_NAMES:
            found.append(_hint(NAMED_PLAN, match.group(0), match.start(), match.end()))
    found.sort(key=lambda hint: hint.start)
    return found[:MAX_HINTS]


def _hint(kind: str, text: str, start: int, end: int) -> Hint:
    return Hint(kind, _WHAT[kind], text, start, end, _WHY[kind])


def is_text_file(name: str, media_type: str = "") -> bool:
    """A file whose bytes are worth reading as text (plain text, CSV): other formats are not unpacked."""
    return media_type.startswith("text/") or name.lower().endswith(TEXT_SUFFIXES)


def second_looks_in_file(name: str, data: bytes = b"", media_type: str = "") -> list[Hint]:
    """What looks like personal data in a file's name and, for a plain text or CSV file of at most
    ``TEXT_FILE_LIMIT`` bytes, its first ``SCAN_LIMIT`` characters. Cheap enough to run as a file is read
    (off the UI thread)."""
    found = second_looks(name)
    if data and len(data) <= TEXT_FILE_LIMIT and is_text_file(name, media_type):
        found += second_looks(data[: SCAN_LIMIT * 4].decode("utf-8", errors="replace"))
    return found[:MAX_HINTS]


def in_words(hints: list[Hint], most: int = 3) -> str:
    """The kinds found, in words: "an NHS number and a date of birth (DOB 01-02-2015)" (each kind once,
    with its first match)."""
    firsts: dict[str, Hint] = {}
    for hint in hints:
        firsts.setdefault(hint.kind, hint)
    parts = [f"{hint.what} ({_short(hint.text)})" for hint in list(firsts.values())[:most]]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _short(text: str, most: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 3] + "..."
