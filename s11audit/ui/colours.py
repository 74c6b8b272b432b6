"""Grade colours on screen: swatch icons for lists and a readable text colour on a grade colour.

Grade colours come from the standards set (a partnership's own choice), so text drawn on them is
picked by contrast ratio rather than assumed: white on amber, for one, is hard to read.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

NOT_APPLICABLE_COLOUR = "#7F8C8D"
# WCAG's relative luminance: a channel at or below this is on the linear part of the sRGB curve.
SRGB_LINEAR_LIMIT = 0.03928


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= SRGB_LINEAR_LIMIT else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    a, b = _luminance(QColor(first)), _luminance(QColor(second))
    light, dark = max(a, b), min(a, b)
    return (light + 0.05) / (dark + 0.05)


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    return "#000000" if contrast_ratio(background, "#000000") >= contrast_ratio(background, "#FFFFFF") else "#FFFFFF"


def tint(colour: str, strength: float = 0.12) -> str:
    """A pale version of a colour (for the background of the chosen descriptor)."""
    base = QColor(colour)

    def mix(channel: int) -> int:
        return round(255 - (255 - channel) * strength)

    return QColor(mix(base.red()), mix(base.green()), mix(base.blue())).name()


@lru_cache(maxsize=64)
def swatch_icon(colour: str, size: int = 14) -> QIcon:
    """A filled square in a grade's colour; a blank space of the same size when ``colour`` is "" (not
    graded), so the words line up: an empty box there looked like a tick box to be ticked."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    if not colour:
        return QIcon(pixmap)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#555555"), 1))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 2, 2)
    painter.end()
    icon = QIcon(pixmap)
    # Without this, a selected row would tint the swatch with the selection colour (amber turns brown).
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon
