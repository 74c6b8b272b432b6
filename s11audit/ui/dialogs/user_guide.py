"""Help > User guide: the guide shipped with the app (``resources/guide/user-guide.md``), shown inside
the app. Links between sections move within the guide; links to web pages are only shown as text,
never opened: the app does not use the network and some PCs have no browser allowed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QWidget

from s11audit.paths import resources_dir
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.generated.user_guide_window import UserGuideWindowForm

if TYPE_CHECKING:
    from s11audit.ui.business_unit.window import BusinessUnitWindow
    from s11audit.ui.main_window import MainWindow

GUIDE_FILE = "user-guide.md"
LOCAL_SCHEMES = ("", "file")


def guide_dir():
    return resources_dir() / "guide"


def slug(heading: str) -> str:
    """The anchor of a heading as GitHub writes it: "2. Sign off!" -> "2-sign-off"."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def name_headings(document: QTextDocument) -> list[tuple[int, str, str]]:
    """Give each heading an anchor named by its slug (Qt's Markdown reader names none); returns them."""
    headings = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level:
            anchor = slug(block.text())
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            mark = QTextCharFormat()
            mark.setAnchor(True)
            mark.setAnchorNames([anchor])
            cursor.mergeCharFormat(mark)
            headings.append((level, block.text(), anchor))
        block = block.next()
    return headings


class UserGuideWindow(FormDialog[UserGuideWindowForm]):
    """Not modal, so the guide can stay open beside the audit."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(UserGuideWindowForm, parent)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        form = self.form
        browser = form.browser
        browser.setSearchPaths([str(guide_dir())])
        path = guide_dir() / GUIDE_FILE
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = f"# User guide\n\nThe user guide is missing from this installation ({path})."
        browser.document().setBaseUrl(QUrl.fromLocalFile(str(guide_dir()) + "/"))
        browser.setMarkdown(text)
        self.headings = name_headings(browser.document())
        self._history: list[int] = []
        browser.anchorClicked.connect(self.follow)
        browser.highlighted.connect(self._hover)
        self._note("")
        form.backButton.clicked.connect(self.back)
        form.contentsButton.clicked.connect(self.contents)

    def follow(self, url: QUrl) -> None:
        browser = self.form.browser
        if url.scheme() in LOCAL_SCHEMES and url.hasFragment():
            self._history.append(browser.verticalScrollBar().value())
            self.form.backButton.setEnabled(True)
            browser.scrollToAnchor(url.fragment())
            self._note("")
        else:
            # A web page or a file outside the guide: say where it is, do not open it.
            self._note(f"Not opened (s11audit does not use the internet): {url.toString()}")

    def _hover(self, url: QUrl) -> None:
        if url.isValid() and url.scheme() not in LOCAL_SCHEMES:
            self._note(url.toString())

    def _note(self, text: str) -> None:
        """The line about a link; hidden while it has nothing to say, so a screen reader meets no empty text."""
        self.form.linkNote.setText(text)
        self.form.linkNote.setVisible(bool(text))

    def back(self) -> None:
        if self._history:
            self.form.browser.verticalScrollBar().setValue(self._history.pop())
        self.form.backButton.setEnabled(bool(self._history))

    def contents(self) -> None:
        self.form.browser.verticalScrollBar().setValue(0)


def open_guide(owner: MainWindow | BusinessUnitWindow, anchor: str | None = None) -> UserGuideWindow:
    """The guide beside ``owner`` (one window per owner, kept in ``owner.guide_window``), brought to
    the front and, given an anchor, scrolled to that section as a link inside the guide would be."""
    guide = owner.guide_window
    if not isinstance(guide, UserGuideWindow):  # None: not open yet, or closed
        guide = owner.guide_window = UserGuideWindow(owner)
        guide.destroyed.connect(lambda: setattr(owner, "guide_window", None))
    guide.show()
    guide.raise_()
    guide.activateWindow()
    if anchor:
        guide.follow(QUrl(f"#{anchor}"))  # Back returns to where the guide was
    return guide
