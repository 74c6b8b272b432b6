"""What both reports need from an audit: grade labels and colours, readable text colours, and for
standards format 2 the grades of criteria, how a derived grade was worked out and % scores."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from s11audit import figures
from s11audit.grading import audit_scores
from s11audit.standards.model import Criterion, GradeRule, Standard
from s11audit.store.rows import ResponseRow

# The standards format from which sets have criteria, information standards and % scores.
CRITERIA_FORMAT = 2
# WCAG 2's relative luminance: a colour channel at or below this (of 1) is on the linear part of sRGB.
_SRGB_LINEAR_UP_TO = 0.03928
KB = 1024
NOT_APPLICABLE_COLOUR = "#7F8C8D"
NOT_GRADED_COLOUR = "#FFFFFF"
INFORMATION_COLOUR = "#EAF0F6"
RULE_WORDS = {GradeRule.LOWEST: "lowest", GradeRule.MOST_COMMON: "most common", GradeRule.MEAN_SCORE: "mean of scores"}
# not_due: no colour, pale grey
RAG_COLOURS = {"red": "#C0392B", "amber": "#F39C12", "green": "#27AE60", "not_due": "#E5E8E8"}


@dataclass(frozen=True)
class Judgement:
    """A standard's grade as a report shows it."""

    label: str
    colour: str  # "#RRGGBB"
    descriptor: str


def judgement(assessment, standard: Standard | Criterion, response: ResponseRow) -> Judgement:
    """The grade given to a standard or criterion (or N/A, or not yet graded), its colour and the
    descriptor of that grade; an information section is shown as such, never graded."""
    if isinstance(standard, Standard) and not standard.graded:
        return Judgement("Information", INFORMATION_COLOUR, "An information section: answered, not graded.")
    scale = standard.scale if isinstance(standard, Criterion) else assessment.standards_set.grade_scale
    what = "criterion" if isinstance(standard, Criterion) else "standard"
    if response.not_applicable:
        return Judgement(scale.not_applicable_label, NOT_APPLICABLE_COLOUR,
                         "Judged not applicable to this organisation; the reason is given below.")
    if response.grade and scale.has_level(response.grade):
        level = scale.level(response.grade)
        return Judgement(level.label, level.colour, standard.descriptors.get(level.id, level.meaning))
    return Judgement("Not graded", NOT_GRADED_COLOUR, f"This {what} has not been graded yet.")


def derived_note(standard: Standard) -> str:
    """How the grade of a standard with criteria was reached ("" for a standard without criteria)."""
    if not standard.criteria:
        return ""
    if not standard.derived:
        return "Chosen by the organisation, with its criteria's grades shown below"
    return f"Worked out from its criteria (rule: {RULE_WORDS[standard.grade_rule]})"


def shows_scores(standards_set) -> bool:
    """Whether the reports give % scores: format 2 sets whose grades or criteria have scores
    (format 1 sets carry scores too, but their reports stay as they always were)."""
    if standards_set.format_version < CRITERIA_FORMAT:
        return False
    return standards_set.grade_scale.scored or any(c.scale.scored for s in standards_set.standards for c in s.criteria)


def scores(assessment, responses) -> tuple[dict[str, float], float | None]:
    """Each standard's % score and the overall score of one audit (``grading.audit_scores``)."""
    return audit_scores(assessment.standards, assessment.standards_set.grade_scale, assessment.org_type, responses)


def percent_text(value: float | None) -> str:
    """A % score as printed: a whole number rounded half up (``figures``), "" when there is none."""
    return figures.percent_text(value, none="")


def numbered(number: str, text: str) -> str:
    """A number before its text: "3. Training", but "1.1 Question" (a number with a dot of its own
    gets no second one) and the text alone when there is no number."""
    number = str(number or "").strip()
    if not number:
        return text
    return f"{number} {text}" if "." in number else f"{number}. {text}"


def criterion_label(standards_set, criterion_id: str) -> str:
    """A criterion as a column shows it: its number and the start of its text."""
    if not criterion_id:
        return ""
    try:
        criterion = standards_set.criterion(criterion_id)
    except KeyError:
        return criterion_id
    return f"{criterion.number} {short_text(criterion.text)}".strip()


def short_text(text: str, limit: int = 70) -> str:
    """The first ``limit`` characters of ``text`` on one line, cut at a word, with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def reference_day(sign_off) -> dt.date:
    """The day dates are checked against: the latest signature, else today (so a return printed
    again later flags the same dates as when it was signed)."""
    days = [s.signed_on for s in sign_off or () if isinstance(getattr(s, "signed_on", None), dt.date)]
    days = [d.date() if isinstance(d, dt.datetime) else d for d in days]
    return max(days) if days else dt.date.today()


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a "#RRGGBB" colour."""
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= _SRGB_LINEAR_UP_TO else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def readable_text(background: str) -> str:
    """Black or white, whichever contrasts more with ``background``."""
    lum = _luminance(background)
    on_black = (lum + 0.05) / 0.05
    on_white = 1.05 / (lum + 0.05)
    return "#000000" if on_black >= on_white else "#FFFFFF"


def human_size(size: int) -> str:
    """A file size as people read it (bytes, KB, MB)."""
    if size < KB:
        return f"{size} bytes"
    if size < KB * KB:
        return f"{size / KB:.1f} KB"
    return f"{size / (KB * KB):.1f} MB"
