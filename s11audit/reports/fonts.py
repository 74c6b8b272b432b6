"""The bundled DejaVu Sans fonts, registered with reportlab so any Unicode text renders.

The PDF's built-in fonts cover Latin-1 only; DejaVu Sans (resources/fonts/, licence beside it)
covers Polish, curly quotes and most of the Arabic script. reportlab does not shape joined
scripts, so Urdu letters appear in their isolated forms.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from s11audit.paths import resources_dir
from s11audit.reports import ReportError

REGULAR, BOLD, ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}


def register_fonts() -> None:
    """Register the fonts once per process (later calls do nothing)."""
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        try:
            pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
        except Exception as exc:  # reportlab raises TTFError or OSError for a missing or damaged font
            raise ReportError(f"The font {folder / filename} bundled with the app cannot be read ({exc}); "
                              "reinstall the app.") from exc
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
