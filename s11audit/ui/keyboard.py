"""The keyboard, the same in every window: Return presses the focused button, and focus is always in view.

Qt only lets Return press a button in a dialog, and only an "auto default" one; in the main window
Return on a focused button did nothing, and on the welcome (whose buttons are not auto default) it
pressed the dialog's default *Close* instead of the button the user was on. People who use the
keyboard expect Return and Space to do the same on a button, so one application-wide event filter
makes Return (and Enter) click the focused push or tool button everywhere (the filter is
``app_events``, shared with ``text_size``; the rules are here). Anything else keeps
Qt's behaviour: Return in a line edit of a dialog presses its default button, a multi-line text box
takes Return as a new line, and Escape cancels a dialog (QDialog does that itself; every window
that acts as a dialog in s11audit is a QDialog).

The same filter takes scroll areas out of the Tab chain (a scroll area holding controls is not a
control: a Tab stop there showed no focus at all), and scrolls the control that gets the focus
into view, so a keyboard user never types into a box half below the page. ``FocusFrameStyle``
(set by ``application()``) draws the current cell of a focused table clearly; the focus frames of
everything else are in style.qss.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QPen
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCommandLinkButton, QProxyStyle, QPushButton,
                               QScrollArea, QStyle, QToolButton, QWidget)

PRESSING_BUTTONS = (QPushButton, QToolButton, QCommandLinkButton)
RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Room kept around a control scrolled into view, so its label above and its edge below show too.
MARGIN_X, MARGIN_Y = 16, 32
# Layouts settle after the focus moves (a row added, a reason box shown): look again a moment later.
SETTLE_MS = 60
# The current cell's frame: #0B0C0C is 19.6:1 on white, 3.6:1 on the reddest cell fill (#C0392B);
# on a selected row (#1D5C8C) the frame is #FFDD00, 5.27:1 (3:1 is needed for a focus indicator).
CELL_FRAME, CELL_FRAME_SELECTED, CELL_FRAME_WIDTH = QColor("#0B0C0C"), QColor("#FFDD00"), 2


def key_pressed(watched: QObject, event: QEvent) -> bool:
    """Return or Enter on the focused push or tool button clicks it (once, however long it is held);
    called by ``app_events`` for every key press."""
    if not isinstance(event, QKeyEvent) or event.key() not in RETURN_KEYS \
            or not isinstance(watched, PRESSING_BUTTONS):
        return False
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers != Qt.KeyboardModifier.NoModifier or watched is not QApplication.focusWidget():
        return False
    if not event.isAutoRepeat() and watched.isEnabled():
        watched.click()
    return True  # held down, Return must not fall through to a dialog's default button either


def polished(watched: QObject) -> None:
    """A plain scroll area leaves the Tab chain (item views and text boxes are scroll areas that are
    controls, so only this exact class)."""
    if type(watched) is QScrollArea:
        watched.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        watched.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget``, innermost first, until the whole widget shows.

    Not QScrollArea.ensureWidgetVisible: for a text box that shows only the line with the cursor,
    which left a box half below the page. A control bigger than the visible page that already
    partly shows is left where it is: scrolling it would make the page jump under a click into it.
    """
    child = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            inner = parent.widget()
            if inner is not None and inner.isAncestorOf(child):
                _show_in(parent, inner, child)
                child = parent
        parent = parent.parentWidget()


def _show_in(area: QScrollArea, inner: QWidget, child: QWidget) -> None:
    """Scroll ``area`` (whose widget is ``inner``) so that ``child`` shows."""
    place = QRect(child.mapTo(inner, QPoint(0, 0)), child.size())
    viewport = area.viewport()
    for bar, start, length, room, margin in (
            (area.verticalScrollBar(), place.top(), place.height(), viewport.height(), MARGIN_Y),
            (area.horizontalScrollBar(), place.left(), place.width(), viewport.width(), MARGIN_X)):
        shown = bar.value()
        if length + 2 * margin > room:
            if start < shown + room and start + length > shown:
                continue  # partly showing and too big to show whole: leave it
            bar.setValue(start - margin)
        elif start - margin < shown:
            bar.setValue(start - margin)
        elif start + length + margin > shown + room:
            bar.setValue(start + length + margin - room)


def focus_moved(widget: QWidget) -> None:
    """Scroll ``widget``, which has just got the focus, into view, now and once layouts have settled.

    Seen as its FocusIn event rather than QApplication.focusChanged, whose "old" argument can be a
    widget half way through being deleted.
    """
    def settle() -> None:
        if shiboken6.isValid(widget) and widget.hasFocus() and widget.isVisible():
            scroll_into_view(widget)

    settle()
    QTimer.singleShot(0, settle)
    QTimer.singleShot(SETTLE_MS, settle)


class FocusFrameStyle(QProxyStyle):
    """Fusion, with a 2px frame round the current cell of a focused table, list or tree.

    Fusion's own is a faint dotted line. Not a style sheet ``::item:focus`` rule: that drops the
    fill a model gives a cell (the action plan's status colours) from the focused cell.
    """

    def __init__(self):
        super().__init__("Fusion")

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect and isinstance(widget, QAbstractItemView):
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            painter.save()
            pen = QPen(CELL_FRAME_SELECTED if selected else CELL_FRAME, CELL_FRAME_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()
            return
        super().drawPrimitive(element, option, painter, widget)


def install(app: QApplication) -> None:
    """Install the app's one event filter (``app_events``), which runs the rules above, once however
    often it is called."""
    from s11audit.ui import app_events  # it imports this module

    app_events.install(app)
