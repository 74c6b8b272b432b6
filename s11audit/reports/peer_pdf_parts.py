"""What the peer audit PDFs share: the page layout (portrait or landscape) with the return PDF's
running header and "Page N of M", and outcome and self-grade cells in their colours."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
from reportlab.platypus.doctemplate import LayoutError

from s11audit import __version__
from s11audit.reports import ReportError
from s11audit.reports import pdf_parts as parts
from s11audit.reports.atomic import atomic_output
from s11audit.reports.common import readable_text
from s11audit.reports.fonts import register_fonts
from s11audit.reports.pdf import MARGIN, _numbered_canvas
from s11audit.reports.peer_audit_data import (
    NOT_RECORDED,
    NOT_RECORDED_COLOUR,
    OutcomeLevel,
)

PORTRAIT_WIDTH = A4[0] - 2 * MARGIN
LANDSCAPE_WIDTH = A4[1] - 2 * MARGIN


def styles() -> dict:
    register_fonts()
    return parts.make_styles()


def coloured_cell(label: str, colour: str, styles, note: str = "") -> Paragraph:
    """A label in bold in black or white, whichever reads on ``colour``; an optional smaller second line."""
    text = readable_text(colour)
    extra = f'<br/><font size="7">{parts.esc(note)}</font>' if note else ""
    return Paragraph(f'<font color="{text}"><b>{parts.esc(label)}</b>{extra}</font>', styles["Cell"])


def outcome_colour(level: OutcomeLevel | None) -> str:
    return level.colour if level else NOT_RECORDED_COLOUR


def outcome_label(level: OutcomeLevel | None) -> str:
    return level.label if level else NOT_RECORDED


def fill(col: int, row: int, colour: str) -> tuple:
    """A table style command that paints one cell."""
    return ("BACKGROUND", (col, row), (col, row), colors.HexColor(colour))


def build(out_path: Path | str, story: list, *, header: str, title: str, author: str, wide: bool = False,
          subject: str = "Peer audit") -> Path:
    """Lay ``story`` out on A4 (landscape if ``wide``) and write it atomically to ``out_path``;
    ``author`` is the business unit's name (``pdf_parts.document_properties``).

    Raises ``ReportError`` naming the file if it cannot be written.
    """
    size = landscape(A4) if wide else A4
    with atomic_output(out_path) as temp:
        doc = BaseDocTemplate(str(temp), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                              bottomMargin=MARGIN, **parts.document_properties(title, subject, author))
        frame = Frame(MARGIN, MARGIN, size[0] - 2 * MARGIN, size[1] - 2 * MARGIN, id="body")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        try:
            doc.build(story, canvasmaker=_numbered_canvas(header, f"Produced with s11audit {__version__}"))
        except LayoutError as exc:  # e.g. a cell of text too tall for a page
            raise ReportError(f"Cannot write {out_path}: the text does not fit on the page ({exc}).") from exc
    return Path(out_path)


__all__ = ["LANDSCAPE_WIDTH", "PORTRAIT_WIDTH", "build", "cm", "coloured_cell", "fill", "outcome_colour",
           "outcome_label", "styles"]
