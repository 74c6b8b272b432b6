"""User text in the Arabic script (Urdu, Arabic, Persian...) for the PDF: joined letters, right to left.

reportlab lays paragraphs out left to right and, without its optional ``rlbidi`` package (not on
PyPI), neither reorders right-to-left text nor shapes it. So a block of user text that contains any
Arabic-script letter is laid out here instead, as ``BidiParagraph``:

- words are broken into lines in their logical (typed) order, measured as they will be drawn;
- each line is put in visual order by a word-level version of the Unicode bidirectional algorithm:
  a word is right-to-left if it holds an Arabic-script letter, left-to-right if it holds a Latin
  letter or digit, and otherwise (punctuation) takes the direction of the word before it; runs of
  one direction keep their order within a left-to-right paragraph and are reversed within a
  right-to-left one; a paragraph is right-to-left when its first such letter is Arabic-script;
- Arabic-script words are shaped by HarfBuzz (``uharfbuzz``, through reportlab's ``shapeStr``) in
  the bundled Noto Sans Arabic, which covers Urdu's letters; other words use the body font;
- within a word, only the Arabic-script letters go to Noto Sans Arabic: the characters next to them
  that it lacks (quotes, brackets, most Latin punctuation) are drawn in the body font, which has
  them, so «(حفاظت)» or “حفاظت” print their brackets and quotes rather than empty boxes. In a
  right-to-left word those pieces are laid out right to left and brackets are mirrored, as the
  bidirectional algorithm draws them.

The flowable splits between lines, so long text flows across pages like a ``Paragraph``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import shapeStr
from reportlab.platypus import Flowable

from s11audit.reports.fonts import ARABIC, ARABIC_BOLD, BOLD

ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


def has_arabic_script(text: str) -> bool:
    return ARABIC_SCRIPT.search(text) is not None


def _direction(word: str) -> str | None:
    """'R', 'L' or None (neutral) for one word: the first strong letter decides."""
    for char in word:
        if _ARABIC_LETTER.match(char):
            return "R"
        if _LATIN.match(char):
            return "L"
    return None


def paragraph_direction(text: str) -> str:
    for word in text.split():
        direction = _direction(word)
        if direction:
            return direction
    return "L"


def visual_order(words: list[str], base: str) -> list[str]:
    """The words of one line in the order they are drawn, left to right."""
    runs: list[tuple[str, list[str]]] = []
    current = base
    for word in words:
        current = _direction(word) or current
        if runs and runs[-1][0] == current:
            runs[-1][1].append(word)
        else:
            runs.append((current, [word]))
    placed = [(direction, list(reversed(run)) if direction == "R" else run) for direction, run in runs]
    if base == "R":
        placed.reverse()
    return [word for _, run in placed for word in run]


_MIRRORED = str.maketrans("()[]{}<>\u00ab\u00bb\u2039\u203a", ")(][}{><\u00bb\u00ab\u203a\u2039")
_PIECES = re.compile(f"({ARABIC_SCRIPT.pattern}+)")


@lru_cache(maxsize=4096)
def _shaped(word: str, font: str, size: float):
    # force: without it reportlab returns a plain str when shaping changes nothing (a lone letter, the Urdu
    # full stop after a bracket), which has no shaping data and fails where the glyphs are drawn.
    return shapeStr(word, font, size, force=True)


def pieces(word: str, direction: str) -> list[tuple[str, bool]]:
    """A word as drawn, left to right: (text, is Arabic script) pieces. Arabic-script runs go to the
    Arabic font (HarfBuzz orders their glyphs); the rest to the body font. In a right-to-left word
    the pieces are reversed and brackets in the other pieces mirrored."""
    found = [(text, bool(ARABIC_SCRIPT.match(text))) for text in _PIECES.split(word) if text]
    if direction != "R":
        return found
    return [(text if arabic else text.translate(_MIRRORED)[::-1] if not _LATIN.search(text) else text, arabic)
            for text, arabic in reversed(found)]


class BidiParagraph(Flowable):
    """A block of plain user text with Arabic-script words (see the module's notes)."""

    def __init__(self, text: str, style, lines: list[list[str]] | None = None):
        super().__init__()
        self.text = text
        self.style = style
        self.base = paragraph_direction(text)
        self._lines = lines
        self._width = 0.0
        bold = style.fontName == BOLD
        self._arabic_font = ARABIC_BOLD if bold else ARABIC
        self._space = stringWidth(" ", style.fontName, style.fontSize)

    def _pieces(self, word: str) -> list[tuple[str, str, float]]:
        """(font, text drawn, width) for each piece of ``word`` (see :func:`pieces`)."""
        size = self.style.fontSize
        out = []
        for text, arabic in pieces(word, _direction(word) or self.base):
            if arabic:
                shaped = _shaped(text, self._arabic_font, size)
                width = sum(g.x_advance for g in shaped.__shapeData__) * size / 1000
                out.append((self._arabic_font, shaped, width))
            else:
                out.append((self.style.fontName, text, stringWidth(text, self.style.fontName, size)))
        return out

    def _measure(self, word: str) -> float:
        return sum(width for _, _, width in self._pieces(word))

    def _break(self, width: float) -> list[list[str]]:
        lines: list[list[str]] = []
        for typed_line in self.text.split("\n"):
            line: list[str] = []
            used = 0.0
            for word in typed_line.split():
                needed = self._measure(word) + (self._space if line else 0)
                if line and used + needed > width:
                    lines.append(line)
                    line, used = [], 0.0
                    needed = self._measure(word)
                line.append(word)
                used += needed
            lines.append(line)
        return lines

    def _laid_out(self, available_width: float) -> list[list[str]]:
        """The lines at this width, broken the first time they are asked for (or as given)."""
        self._width = available_width
        if self._lines is None:
            self._lines = self._break(available_width)
        return self._lines

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, len(self._laid_out(available_width)) * self.style.leading

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        lines = self._laid_out(available_width)
        fits = int(available_height // self.style.leading)
        if fits <= 0 or fits >= len(lines):
            return [] if fits <= 0 else [self]
        return [BidiParagraph(self.text, self.style, lines[:fits]),
                BidiParagraph(self.text, self.style, lines[fits:])]

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        size, leading = style.fontSize, style.leading
        canvas.setFillColor(style.textColor)
        lines = self._lines or []
        for number, line in enumerate(lines):
            words = visual_order(line, self.base)
            total = sum(self._measure(w) for w in words) + self._space * max(0, len(words) - 1)
            x = self._width - total if self.base == "R" else 0.0
            y = (len(lines) - number) * leading - size * 0.95  # baseline, as a Paragraph sets it
            # One text object per line with real spaces, so copying and searching see the words.
            text = canvas.beginText(x, y)
            for index, word in enumerate(words):
                if index:
                    text.setFont(style.fontName, size)
                    text.textOut(" ")
                for font, shown, _ in self._pieces(word):
                    text.setFont(font, size)
                    text.textOut(shown)
            canvas.drawText(text)
