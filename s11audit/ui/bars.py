"""A table cell that shows a percentage as a bar with its figure, for findings tables.

The model gives the percentage (0-100) in ``PERCENT_ROLE`` and, optionally, a colour name in
``BAR_COLOUR_ROLE``; the display text is drawn over the bar as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

PERCENT_ROLE = Qt.ItemDataRole.UserRole + 40
BAR_COLOUR_ROLE = Qt.ItemDataRole.UserRole + 41
DEFAULT_BAR = "#8DB3D9"


class BarDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        percent = index.data(PERCENT_ROLE)
        if percent is None:
            super().paint(painter, option, index)
            return
        painter.save()
        rect: QRect = option.rect.adjusted(3, 4, -3, -4)
        painter.fillRect(rect, QColor("#E9EDF2"))
        share = max(0.0, min(100.0, float(percent))) / 100
        colour = QColor(index.data(BAR_COLOUR_ROLE) or DEFAULT_BAR)
        painter.fillRect(QRect(rect.left(), rect.top(), round(rect.width() * share), rect.height()), colour)
        painter.restore()
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        option.backgroundBrush = QBrush(Qt.BrushStyle.NoBrush)
        painter.save()
        painter.setPen(QColor("#111111"))
        painter.drawText(option.rect.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         option.text)
        painter.restore()
