"""Text that may not fit: a one-line label and a combo box that shorten their text with "…" and
give the whole text as a tooltip.

With large text (View > Text size, or a large system font) a long file path, status message or
cycle name would otherwise widen its window past the screen or be cut off mid-letter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QComboBox, QFrame, QLabel, QSizePolicy, QStyle, QStyleOptionComboBox, QStylePainter,
                               QToolButton, QWidget)

from s11audit.ui.qapp import running_app


class ElidedLabel(QLabel):
    """A one-line label that draws as much of its text as fits, ending (or with a middle) in "…"; the
    whole text is then its tooltip. ``text()`` is the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight):
        super().__init__(text, parent)
        self._mode = mode
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Asks for the whole text's width and gives way down to a few letters (minimumSizeHint), so a
        # status bar or row shows it whole when there is room and never widens its window past the screen.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, self.sizePolicy().verticalPolicy())

    def is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def shown_text(self) -> str:
        width = self.contentsRect().width() - 2 * self.margin()
        return self.fontMetrics().elidedText(self.text(), self._mode, max(width, 0)) if self.text() else ""

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tip()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def paintEvent(self, event) -> None:
        QFrame.paintEvent(self, event)  # the style sheet's background and border
        painter = QPainter(self)
        area = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        self.style().drawItemText(painter, area, int(self.alignment()), self.palette(), self.isEnabled(),
                                  self.shown_text(), self.foregroundRole())
        painter.end()

    def _update_tip(self) -> None:
        self.setToolTip(self.text() if self.is_elided() else "")


def elide_combo(combo: QComboBox, characters: int = 24) -> None:
    """Let ``combo`` be narrower than its longest entry (``characters`` wide at least), show the chosen
    entry ending in "…" where it is cut, and whole in the tooltip; the open list shows every entry whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    combo.setProperty(_EXPLANATION, combo.toolTip())  # a tooltip set before this call is kept, after the entry
    app = running_app()
    painter = app.findChild(_ElidingPainter)
    if painter is None:
        painter = _ElidingPainter(app)
    combo.installEventFilter(painter)
    _show_whole_entry(combo)


_EXPLANATION = "s11audit_tooltip_explanation"


def _show_whole_entry(combo: QComboBox) -> None:
    # Entries are often filled with signals blocked, so this is done as the combo is painted.
    text, explanation = combo.currentText(), combo.property(_EXPLANATION) or ""
    tip = f"{text}\n\n{explanation}" if text and explanation else text or explanation
    if combo.toolTip() != tip:
        combo.setToolTip(tip)


class _ElidingPainter(QObject):
    """Paints a (not editable) combo box with its current entry shortened by "…" where Qt would cut it."""

    def eventFilter(self, combo: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.Paint, QEvent.Type.ToolTip) or not isinstance(combo, QComboBox):
            return False
        _show_whole_entry(combo)
        if event.type() == QEvent.Type.ToolTip or combo.isEditable():
            return False
        option = QStyleOptionComboBox()
        option.initFrom(combo)
        option.editable = False
        option.frame = combo.hasFrame()
        option.currentText = combo.currentText()
        option.currentIcon = combo.itemIcon(combo.currentIndex())
        option.iconSize = combo.iconSize()
        option.subControls = QStyle.SubControl.SC_All
        if combo.view().isVisible():
            option.state |= QStyle.StateFlag.State_On
        painter = QStylePainter(combo)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        option.currentText = combo.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                            max(field.width() - 4, 0))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()
        return True


class ElidedToolButton(QToolButton):
    """A tool button whose text ends in "…" when the page is too narrow for it (large text), with the
    whole text as its tooltip; it asks for the width of the whole text when there is room."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Maximum, self.sizePolicy().verticalPolicy())  # may be narrower

    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()

    def sizeHint(self) -> QSize:
        shown = super().text()
        extra = self.fontMetrics().horizontalAdvance(self._full) - self.fontMetrics().horizontalAdvance(shown)
        hint = super().sizeHint()
        return QSize(hint.width() + max(extra, 0), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self.sizeHint().width(), self.fontMetrics().horizontalAdvance("M") * 12),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()

    def _elide(self) -> None:
        room = self.width() - (self.sizeHint().width() - self.fontMetrics().horizontalAdvance(self._full))
        full = self._full
        shown = full if room >= self.fontMetrics().horizontalAdvance(full) or not full else \
            self.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, max(room, 0))
        if shown != super().text():
            QToolButton.setText(self, shown)
            self.updateGeometry()
        self.setToolTip(full.replace("&", "") if shown != full else "")
