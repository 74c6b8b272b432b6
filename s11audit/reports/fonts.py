"""The bundled fonts, registered with reportlab so any Unicode text renders.

The PDF's built-in fonts cover Latin-1 only. DejaVu Sans (resources/fonts/, licence beside it)
is the body font: Latin, Greek, Cyrillic, curly quotes. Noto Sans Arabic (licence beside it)
draws Arabic-script words, which ``bidi.py`` shapes and lays out right to left; DejaVu lacks
some of Urdu's letters (U+06C1, U+06D2). Noto Sans Arabic in turn lacks brackets, straight and
curly quotes and most Latin punctuation, so ``bidi.py`` draws those in DejaVu Sans, which is the
fallback for every character beside Arabic-script letters that is not itself Arabic script.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from s11audit.paths import resources_dir
from s11audit.reports import ReportError

REGULAR, BOLD, ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
ARABIC, ARABIC_BOLD = "NotoSansArabic", "NotoSansArabic-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf",
          ARABIC: "NotoSansArabic-Regular.ttf", ARABIC_BOLD: "NotoSansArabic-Bold.ttf"}


def register_fonts() -> None:
    """Register the fonts once per process (later calls do nothing)."""
    if ARABIC_BOLD in pdfmetrics.getRegisteredFontNames():
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
