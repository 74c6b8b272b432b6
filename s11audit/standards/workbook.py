"""A standards set as an Excel workbook: the template a business unit fills in instead of YAML.

``s11audit standards to-xlsx`` (and the Standards sets dialog) write any set, format 1 or 2, as a
workbook with one sheet per part of the format (``standards/README.md``, "Writing a set in
Excel"); ``workbook_read.py`` reads such a workbook back into set content. The layout is defined
once here, as :data:`SHEETS`, and both directions use it, so that a set written and read back has
the same content hash as the file it came from.

Why the cells look the way they do:

- ids, numbers, versions and dates are written as text (number format ``@``), so that Excel never
  turns ``3.10`` into the number 3.1 or ``2026-09-01`` into a date;
- a value that is not given is a blank cell, and a yes/no is ``yes``, ``no`` or blank (not
  given), so that ``required: true`` written out and ``required`` left to its default stay apart;
- every string is stored as a string (never a formula, even when it starts with ``=``);
- closed lists have drop-downs (strict), ids and organisation types have suggestions (any value
  may be typed); the lists are on a hidden ``Lists`` sheet, as an inline Excel list cannot hold an
  entry with a comma ("agency, education");
- every text cell wraps and every row is tall enough for its text; each sheet prints on A4
  landscape, repeating its header row (and the id columns of wide sheets) on every page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from s11audit.organisations import ORGANISATION_TYPES
from s11audit.safe_text import shown
from s11audit.standards.model import DIRECTORY_ROLES

# --- the error ------------------------------------------------------------------------------------


class WorkbookError(Exception):
    """A workbook that cannot be written or read into a set: every problem, each naming its cell.

    ``unreadable`` is true when the file itself cannot be used (missing, too big, not a workbook,
    not writable): the command line exits 2 for that and 1 for content problems.
    """

    MAX_LISTED = 50

    def __init__(self, path: Path | str, problems: list[str], unreadable: bool = False):
        self.path = Path(path)
        self.problems = list(problems[: self.MAX_LISTED])
        if len(problems) > self.MAX_LISTED:
            self.problems.append(f"and {len(problems) - self.MAX_LISTED:,} more problems not listed (fix the ones "
                                 "above first)")
        self.unreadable = unreadable
        super().__init__(f"{self.path.name}: " + "\n  ".join(self.problems) if len(self.problems) == 1 else
                         f"{self.path.name}:\n  " + "\n  ".join(self.problems))


# --- the layout -----------------------------------------------------------------------------------

# Kinds of column: how a value is written to a cell and read back from it.
ID = "id"          # an identifier (letters, digits, . _ -): text, trimmed; a number Excel made is turned back
CODE = "code"      # text that looks like a number (number, version): text, kept exactly; numbers turned back
TEXT = "text"      # text kept exactly, spaces and line breaks included
DATE = "date"      # YYYY-MM-DD, as text
BOOL = "bool"      # yes, no or blank
NUMBER = "number"  # a number (score, min, max)
IDS = "ids"        # a list of ids separated by commas
LINES = "lines"    # a list of texts, one per line (or separated by " | ")
ENUM = "enum"      # one of a closed list

TEXT_KINDS = (ID, CODE, TEXT, DATE, IDS, LINES, ENUM)
LONG_WIDTH = 48  # columns at least this wide wrap their text


@dataclass(frozen=True)
class Column:
    """One column of a sheet (or one row of the Set sheet): its header is the format's key."""

    key: str
    kind: str
    width: int
    about: str = ""
    values: tuple[str, ...] = ()  # the closed list of an ENUM column
    lookup: str = ""  # a range on another sheet that a drop-down offers (ids that exist)
    optional: bool = False  # a workbook made before the column existed may leave it out


ORG_TYPE_IDS = tuple(t.id for t in ORGANISATION_TYPES)
ITEM_TYPES = ("graded", "yes_no", "number", "percentage", "date", "text", "choice", "multi_choice")
STANDARD_KINDS = ("graded", "information")
NOT_APPLICABLE = ("allowed", "not_allowed", "reason_required")
GRADE_RULES = ("chosen", "lowest", "most_common", "mean_score")
REQUIRES = ("evidence", "example")
FORMATS = ("s11audit-standards/1", "s11audit-standards/2")
RETURN_EVIDENCE = ("files", "list", "none")  # what a signed return carries of the evidence (issue 17)
KIND_CHOICES = ("agency", "education", "agency, education")
GRADE_SCALE = "grade_scale"  # what the criteria's `scale` column and the Scales sheet call the set's own scale
DESCRIPTOR = "descriptor: "  # header of a descriptor column: "descriptor: " then the level id
MAX_ROWS = 1000  # rows a drop-down covers below the header

_APPLIES = "organisation types, separated by commas (blank: every type); see Instructions"
_NA_ABOUT = "allowed, not_allowed or reason_required (blank: follow the grade scale)"

SET_ROWS = (
    Column("format", ENUM, 0, "s11audit-standards/2 (groups, criteria, other scales) or s11audit-standards/1", FORMATS),
    Column("id", ID, 0, "the set's id: lower-case letters, digits and - (e.g. my-partnership-s11)"),
    Column("title", TEXT, 0, "the set's name as users see it"),
    Column("version", CODE, 0, "the set's own version, e.g. 2026.1; publish a changed set with a new version"),
    Column("legal_basis", TEXT, 0, "the duty the audit checks, e.g. Section 11, Children Act 2004"),
    Column("guidance", TEXT, 0, "optional: the statutory guidance it is built on"),
    Column("effective_date", DATE, 0, "the date the set takes effect, written YYYY-MM-DD"),
    Column("organisation_kinds", IDS, 0, "agency and/or education, separated by a comma", lookup="Lists!$A$2:$A$4"),
    Column("publisher", TEXT, 0, "optional: who wrote the set"),
    Column("description", TEXT, 0, "optional: a paragraph shown when choosing the set"),
    Column("based_on.set", ID, 0, "only for a set made from another: the base set's id (then leave Scale, "
                                  "Standards, Criteria and Items empty)"),
    Column("based_on.version", CODE, 0, "optional: a specific version of the base set"),
    Column("based_on.standards", IDS, 0, "the ids of the base set's standards it keeps, separated by commas"),
    Column("statement.declaration", TEXT, 0, "optional: what the signatories of an annual compliance statement "
                                             "declare (blank: the standard wording, or the base set's)"),
    Column("statement.positions.same", TEXT, 0, "optional: the statement's words for a standard still as it was "
                                                "at the baseline (blank: Still as at the baseline)"),
    Column("statement.positions.improved", TEXT, 0, "optional: the statement's words for a standard that improved "
                                                    "(blank: Improved)"),
    Column("statement.positions.declined", TEXT, 0, "optional: the statement's words for a standard that declined "
                                                    "(blank: Declined)"),
    Column("statement.ask_new_grade", BOOL, 0, "optional: no leaves out the statement's optional new grade per "
                                               "standard (blank: asked)"),
    Column("statement.narrative_prompt", TEXT, 0, "optional: the statement's question about what changed in a "
                                                  "standard that improved or declined (blank: What changed:)"),
    Column("statement.action_progress_prompt", TEXT, 0, "optional: what the statement asks about each open action "
                                                        "of the baseline (blank: Give each one's progress this "
                                                        "year.)"),
    Column("return_evidence", ENUM, 0, "optional: what a signed return carries of the evidence: files (blank), "
                                       "list (name, size and SHA-256 only) or none", RETURN_EVIDENCE),
)

LEVEL_COLUMNS = (
    Column("id", ID, 12, "the level's id, e.g. red or 0; unique in the scale"),
    Column("label", TEXT, 22, "the level as users see it"),
    Column("meaning", TEXT, 50, "what the level means"),
    Column("colour", ID, 10, "#RRGGBB, e.g. #27AE60"),
    Column("score", NUMBER, 8, "optional number for averages; give every level a score or none"),
    Column("needs_action", BOOL, 13, "yes: choosing this level needs an action"),
    Column("requires", ENUM, 12, "optional: evidence or example before this level can be chosen", REQUIRES),
)
SCALE_SETTING_COLUMNS = (
    Column("scale_name", TEXT, 24, "the scale's name (on the scale's first row)"),
    Column("meets", ID, 12, "the lowest level that meets the standard (on the scale's first row)"),
    Column("action_required_below", ID, 14, "optional: every level below this one needs an action"),
    Column("not_applicable", BOOL, 14, "yes: 'not applicable' may be chosen on this scale"),
    Column("not_applicable_label", TEXT, 18, "optional: what N/A is called, e.g. Not applicable"),
    Column("reason_required", BOOL, 15, "yes: N/A must be explained"),
)
SCALE_COLUMNS = LEVEL_COLUMNS + SCALE_SETTING_COLUMNS
SCALES_COLUMNS = (Column("scale", ID, 12, "the scale's id, used in the Criteria sheet's scale column"), *SCALE_COLUMNS)
GROUP_COLUMNS = (
    Column("id", ID, 12, "the group's id, e.g. part-1"),
    Column("title", TEXT, 40, "the group's title"),
    Column("intro", TEXT, 60, "optional: a paragraph introducing the group"),
)
STANDARD_COLUMNS = (
    Column("id", ID, 8, "unique among standards, criteria and items"),
    Column("number", CODE, 8, "as printed (often the same as the id)"),
    Column("title", TEXT, 30, "the standard's title"),
    Column("group", ID, 12, "the id of its group, when the set has groups", lookup="Groups!$A$2:$A$1001"),
    Column("kind", ENUM, 12, "graded (blank) or information (a section of fields, no grade)", STANDARD_KINDS),
    Column("not_applicable", ENUM, 16, _NA_ABOUT, NOT_APPLICABLE),
    Column("grade_from_criteria", ENUM, 19, "chosen (blank), lowest, most_common or mean_score", GRADE_RULES),
    Column("statutory_reference", TEXT, 30, "optional: the legislation or guidance it checks"),
    Column("intent", TEXT, 60, "what the standard is for"),
    Column("guidance", TEXT, 90, "optional: what good looks like and what evidence to offer"),
    Column("applies_to", IDS, 18, _APPLIES),
    Column("headline", BOOL, 10, "optional: yes makes it a default headline measure of the annual report summary",
           optional=True),
)
CRITERION_COLUMNS = (
    Column("standard", ID, 10, "the id of the standard it belongs to", lookup="Standards!$A$2:$A$1001"),
    Column("id", ID, 8, "unique among standards, criteria and items"),
    Column("number", CODE, 8, "optional: as printed (blank: the id)"),
    Column("text", TEXT, LONG_WIDTH, "the criterion"),
    Column("scale", ID, 12, "optional: another scale from the Scales sheet (blank: the set's grade scale)"),
    Column("requires", ENUM, 12, "optional: evidence or example before it counts as done", REQUIRES),
    Column("not_applicable", ENUM, 16, "allowed, not_allowed or reason_required (blank: as its standard)",
           NOT_APPLICABLE),
    Column("reference", TEXT, 20, "optional cross-reference"),
    Column("resources", TEXT, 30, "optional: links and documents that help"),
    Column("guidance", TEXT, 40, "optional: what good looks like"),
    Column("applies_to", IDS, 18, _APPLIES),
)
ITEM_COLUMNS = (
    Column("standard", ID, 10, "the id of the standard it belongs to", lookup="Standards!$A$2:$A$1001"),
    Column("id", ID, 8, "unique among standards, criteria and items"),
    Column("text", TEXT, LONG_WIDTH, "the question or criterion"),
    Column("type", ENUM, 13, "graded, yes_no, number, percentage, date, text, choice or multi_choice", ITEM_TYPES),
    Column("required", BOOL, 10, "no: may be left unanswered (blank: required)"),
    Column("guidance", TEXT, 40, "optional: help shown beside the item"),
    Column("applies_to", IDS, 18, _APPLIES),
    Column("report_label", TEXT, 24, "optional: short name used in findings"),
    Column("partly", BOOL, 8, "yes_no only: yes offers 'Partly'"),
    Column("choices", LINES, 30, "choice and multi_choice only: one option per line (Alt+Enter), or separated by |"),
    Column("min", NUMBER, 8, "number only: the smallest allowed"),
    Column("max", NUMBER, 8, "number only: the largest allowed"),
    Column("unit", TEXT, 12, "number only: what is counted, e.g. staff"),
    Column("within", ID, 12, "date only (format 2): P12M, P3Y, P6W, P30D or academic_year"),
    Column("headline", BOOL, 10, "optional: yes (choice items: their first option) makes it a default headline "
                                 "measure of the annual report summary", optional=True),
    Column("directory", ENUM, 16, "optional: the safeguarding team detail it asks for, for the list of DSLs "
           "(dsl_name, dsl_email, dsl_telephone, dsl_trained, deputies_count, deputy_1_name ...)",
           DIRECTORY_ROLES, optional=True),
)
SIGN_OFF_COLUMNS = (
    Column("part", ENUM, 12, "declaration (one row) or signatory (one row each)", ("declaration", "signatory")),
    Column("text", TEXT, 80, "the declaration, or the signatory's role"),
    Column("required", BOOL, 10, "signatories only: no makes the signatory optional (blank: the default)"),
)
PEER_COLUMNS = (
    Column("id", ID, 24, "the outcome's id, e.g. met"),
    Column("label", TEXT, 26, "the outcome as users see it"),
    Column("meaning", TEXT, 50, "what the outcome means"),
    Column("colour", ID, 10, "#RRGGBB"),
    Column("meets", BOOL, 8, "yes: this outcome counts as meeting the standard"),
    Column("scale_name", TEXT, 24, "optional: the name of the outcome scale (on the first row)"),
)


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    about: str
    descriptors: bool = False  # followed by one "descriptor: <level>" column per level


SHEETS = (
    Sheet("Set", SET_ROWS, "One row per key: what the set is, who it is for, (for a reduced set) which set it "
                           "is based on and (optional) what an annual compliance statement on it asks. Fill in the "
                           "value column."),
    Sheet("Scale", SCALE_COLUMNS, "The set's grade scale: one row per level, from the lowest to the highest. The "
                                  "scale's name, meets and N/A settings go on the first row."),
    Sheet("Scales", SCALES_COLUMNS, "Format 2 only: other scales that criteria can be scored on (e.g. 0 to 3), one "
                                    "row per level with the scale's id in the first column; settings on each "
                                    "scale's first row."),
    Sheet("Groups", GROUP_COLUMNS, "Format 2 only: the parts or sections that hold the standards, in order. When "
                                   "there are groups, every standard names its group."),
    Sheet("Standards", STANDARD_COLUMNS, "One row per standard, in order. One descriptor column per level of the grade "
                                         "scale (headed 'descriptor: ' and the level id).", descriptors=True),
    Sheet("Criteria", CRITERION_COLUMNS, "Format 2 only: criteria graded on their own, one row each, under the "
                                         "standard named in the first column. Fill the descriptor columns of the "
                                         "levels of the criterion's scale.", descriptors=True),
    Sheet("Items", ITEM_COLUMNS, "Checklist items and questions, one row each, in order, under the standard "
                                 "named in the first column."),
    Sheet("Sign-off", SIGN_OFF_COLUMNS, "The declaration (one row) and one row per signatory role."),
    Sheet("Peer outcomes", PEER_COLUMNS, "Optional: the outcomes a peer audit day can give (leave empty for the "
                                         "standard Met / Met with recommendations / Not met)."),
)
SHEETS_BY_NAME = {sheet.name: sheet for sheet in SHEETS}
INSTRUCTIONS, LISTS = "Instructions", "Lists"

# The order keys are written in, in the YAML file (the order of standards/README.md).
TOP_ORDER = ("format", "id", "title", "version", "legal_basis", "guidance", "effective_date", "organisation_kinds",
             "publisher", "description", "based_on", "grade_scale", "scales", "groups", "peer_outcomes", "sign_off",
             "statement", "return_evidence", "standards")
STATEMENT_ORDER = ("declaration", "positions", "ask_new_grade", "narrative_prompt", "action_progress_prompt")
SCALE_ORDER = ("name", "levels", "meets", "action_required_below", "not_applicable")
STANDARD_ORDER = ("id", "number", "title", "group", "kind", "statutory_reference", "intent", "guidance", "applies_to",
                  "not_applicable", "grade_from_criteria", "headline", "descriptors", "criteria", "items")
CRITERION_ORDER = ("id", "number", "text", "scale", "descriptors", "guidance", "resources", "reference", "requires",
                   "not_applicable", "applies_to")
ITEM_ORDER = ("id", "text", "type", "required", "partly", "choices", "min", "max", "unit", "within", "report_label",
              "headline", "directory", "guidance", "applies_to")


def ordered(data: dict, order: tuple[str, ...]) -> dict:
    """``data`` with its keys in the format's order (keys not in ``order`` last, as they came)."""
    rank = {key: index for index, key in enumerate(order)}
    return {key: data[key] for key in sorted(data, key=lambda k: rank.get(k, len(order)))}


# --- values to cells ------------------------------------------------------------------------------

EXCEL_CELL_CHARS = 32_767  # the most Excel keeps in a cell; longer text would be cut off when saved


def cell_value(column: Column, value: Any) -> Any:
    """What a cell holds for ``value`` in ``column`` (None for a value not given)."""
    if value is None:
        return None
    if column.kind == BOOL:
        return "yes" if value else "no"
    if column.kind == IDS:
        return ", ".join(value)
    if column.kind == LINES:
        return "\n".join(value)
    if column.kind == NUMBER:
        return _number_cell(value)
    return value


def _number_cell(value: int | float) -> int | float | str:
    """A score or bound: a number Excel keeps exactly, else its exact text (read back as the same number).

    Excel keeps 15 significant digits; a float such as 1.0 would come back as the whole number 1,
    which is another value in the set's content (and another content hash), so it is written as text.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int):
        return value if abs(value) < 10**15 else str(value)
    if math.isfinite(value) and not value.is_integer() and float(f"{value:.15g}") == value:
        return value
    return repr(value)


def lossy_list(column: Column, value: Any) -> str:
    """Why a list cannot be written in ``column`` so that it reads back the same ("" when it can)."""
    if column.kind not in (IDS, LINES) or not isinstance(value, list):
        return ""
    for entry in value:
        if not isinstance(entry, str) or entry != entry.strip() or not entry:
            return f"the entry {shown(entry, 40)!r} starts or ends with spaces, or is empty"
        if column.kind == LINES and ("\n" in entry or " | " in entry):
            return f"the entry {shown(entry, 40)!r} holds a line break or ' | '"
        if column.kind == IDS and ("," in entry or "|" in entry):
            return f"the entry {shown(entry, 40)!r} holds a comma"
    return ""


def descriptor_levels(content: dict, other_scales: bool) -> list[str]:
    """The level ids of the descriptor columns: the grade scale's, then (for criteria) other scales'."""
    scales = [content.get("grade_scale") or {}]
    if other_scales:
        scales += list((content.get("scales") or {}).values())
    levels: list[str] = []
    for scale in scales:
        levels += [level["id"] for level in scale.get("levels", []) if level["id"] not in levels]
    return levels


# --- row heights ----------------------------------------------------------------------------------

LINE_POINTS = 15  # one line of 11-point text
MAX_ROW_POINTS = 409  # the tallest row Excel allows


def row_height(cells: list[tuple[Any, float]]) -> float | None:
    """The height (points) a row needs to show its wrapped texts, given each cell's value and column width.

    Neither Excel nor LibreOffice grows a row for wrapped text in a file they did not lay out
    themselves, so the writer sets it. A column width is about one character of average text.
    """
    lines = 1
    for value, width in cells:
        if not isinstance(value, str) or not value:
            continue
        per_line = max(int(width * 1.2) - 1, 1)
        lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in value.rstrip("\n").split("\n")))
    return min(lines * LINE_POINTS + 3, MAX_ROW_POINTS) if lines > 1 else None
