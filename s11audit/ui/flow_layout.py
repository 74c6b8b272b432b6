"""A row of buttons and fields that wraps onto a second line when the window is too narrow.

The business unit window's tabs have rows of six or more buttons; with large text (View > Text size
or a large system font) one straight row would be wider than the screen. :func:`wrap_row` turns a
row from a form into a wrapping one without moving any widget to another parent, so the Tab order
and the form's names stay as they were.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right, starting a new line when the next one does not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._joined: set[int] = set()  # ids of items kept on one line with the item after them
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    # Qt may ask while the window is being taken down, after the Python side of this layout has
    # gone; then there is nothing to lay out.
    def count(self) -> int:
        return len(getattr(self, "_items", ()))

    def itemAt(self, index: int) -> QLayoutItem | None:
        items = getattr(self, "_items", [])
        return items[index] if 0 <= index < len(items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        items = getattr(self, "_items", [])
        return items.pop(index) if 0 <= index < len(items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        hints = [item.sizeHint() for item in self._visible()]
        width = sum(h.width() for h in hints) + self.spacing() * max(len(hints) - 1, 0)
        return QSize(width, max((h.height() for h in hints), default=0))

    def minimumSize(self) -> QSize:
        size, visible = QSize(), self._visible()
        for index, item in enumerate(visible):
            minimum = item.minimumSize()
            if id(item) in self._joined and index + 1 < len(visible):  # a label and its field: one line
                minimum = QSize(minimum.width() + self.spacing() + visible[index + 1].minimumSize().width(),
                                minimum.height())
            size = size.expandedTo(minimum)
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def last_item(self) -> QLayoutItem:
        return self._items[-1]

    def keep_with_next(self, item: QLayoutItem) -> None:
        """Never start a new line between ``item`` and the one after it (a label and its field)."""
        self._joined.add(id(item))

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items line by line (each centred in its line's height); returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        right = area.x() + area.width()
        lines: list[list[tuple[QLayoutItem, int, int]]] = [[]]  # (item, x, width)
        x = area.x()
        visible = self._visible()
        for index, item in enumerate(visible):
            width = min(item.sizeHint().width(), area.width())
            joined = id(item) in self._joined and index + 1 < len(visible)
            needed = width + (self.spacing() + visible[index + 1].sizeHint().width() if joined else 0)
            after_label = index > 0 and id(visible[index - 1]) in self._joined
            if x > area.x() and not after_label and x + min(needed, area.width()) > right:
                lines.append([])
                x = area.x()
            if after_label:  # the field beside its label takes what is left of the line
                width = max(min(width, right - x), item.minimumSize().width())
            lines[-1].append((item, x, width))
            x += width + self.spacing()
        y = area.y()
        for line in lines:
            height = max((item.sizeHint().height() for item, _, _ in line), default=0)
            if move:
                for item, left, width in line:
                    item_height = min(item.sizeHint().height(), height)
                    item.setGeometry(QRect(QPoint(left, y + (height - item_height) // 2), QSize(width, item_height)))
            y += height + self.spacing()
        return max(y - self.spacing(), area.y()) - rect.y() + margins.bottom()

def wrap_row(row: QHBoxLayout) -> FlowLayout:
    """Put ``row``'s widgets (a label with the field it names kept together) into a wrapping row in
    its place; the row's stretches and spacers are dropped.

    The wrapping row makes its own items for the widgets (``addWidget``, so Qt creates them and Python
    never deletes them); the row's items are dropped here while every widget is alive. Keeping the
    row's items instead (Python owns what ``takeAt`` returns) let Python delete them after the window,
    when their widgets were gone: a crash at the next garbage collection under PySide6 6.11. The
    caller keeps the returned layout referenced for as long as its window (its Python methods do
    the layout).
    """
    holder = row.parent()
    if not isinstance(holder, QBoxLayout):
        raise TypeError("wrap_row needs a row inside a box layout")
    taken = [item for _ in range(row.count()) if (item := row.takeAt(0)) is not None]
    if any(item.layout() is not None for item in taken):
        raise TypeError("wrap_row takes a row of widgets, not of layouts")
    widgets = [widget for item in taken if (widget := item.widget()) is not None]
    del taken  # the row's own items, deleted now, with their widgets alive
    flow = FlowLayout(spacing=max(row.spacing(), 6))
    for index, widget in enumerate(widgets):
        flow.addWidget(widget)
        following = widgets[index + 1] if index + 1 < len(widgets) else None
        if isinstance(widget, QLabel) and following is not None and widget.buddy() is following:
            flow.keep_with_next(flow.last_item())
    position = holder.indexOf(row)
    holder.takeAt(position)
    holder.insertLayout(position, flow)
    row.deleteLater()
    return flow
