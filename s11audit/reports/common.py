"""What both reports need from an audit: grade labels and colours, readable text colours."""

from __future__ import annotations

from dataclasses import dataclass

from s11audit.store.rows import ResponseRow

NOT_APPLICABLE_COLOUR = "#7F8C8D"
NOT_GRADED_COLOUR = "#FFFFFF"
RAG_COLOURS = {"red": "#C0392B", "amber": "#F39C12", "green": "#27AE60"}


@dataclass(frozen=True)
class Judgement:
    """A standard's grade as a report shows it."""

    label: str
    colour: str  # "#RRGGBB"
    descriptor: str


def judgement(assessment, standard, response: ResponseRow) -> Judgement:
    """The grade given to ``standard`` (or N/A, or not yet graded), its colour and descriptor."""
    scale = assessment.standards_set.grade_scale
    if response.not_applicable:
        return Judgement(scale.not_applicable_label, NOT_APPLICABLE_COLOUR,
                         "Judged not applicable to this organisation; the reason is given below.")
    if response.grade and scale.has_level(response.grade):
        level = scale.level(response.grade)
        return Judgement(level.label, level.colour, standard.descriptors.get(level.id, level.meaning))
    return Judgement("Not graded", NOT_GRADED_COLOUR, "This standard has not been graded yet.")


def _luminance(colour: str) -> float:
    """WCAG relative luminance of a "#RRGGBB" colour."""
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def readable_text(background: str) -> str:
    """Black or white, whichever contrasts more with ``background``."""
    lum = _luminance(background)
    on_black = (lum + 0.05) / 0.05
    on_white = 1.05 / (lum + 0.05)
    return "#000000" if on_black >= on_white else "#FFFFFF"


def human_size(size: int) -> str:
    """A file size as people read it (bytes, KB, MB)."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
