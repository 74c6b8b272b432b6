"""Alt keys are unique in every window and dialog, and inside every menu (issue 14).

When two controls of one window share an Alt key, Qt cycles between them instead of acting: in the
business unit window Alt+F first went to the Findings tab and only the second press opened the File
menu. Within a window the menu bar's menus and every visible control with a mnemonic (buttons, tick
boxes, labels with a buddy, group box titles, tabs) share one set of keys; the items of one open menu
form their own set.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QMenuBar, QTabBar, QWidget

from tests.ui.every_screen import NAMES, OFFSCREEN

pytestmark = OFFSCREEN


def mnemonic(text: str) -> str | None:
    """The Alt key a text gives (the character after a single &; "&&" is a plain ampersand)."""
    at = 0
    while (at := text.find("&", at)) != -1 and at + 1 < len(text):
        if text[at + 1] != "&":
            return text[at + 1].lower()
        at += 2
    return None


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.window() is top and widget.isVisible()


def _menu_bar_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    for bar in top.findChildren(QMenuBar):
        if _shown(bar, top):
            yield from ((action.text(), "menu") for action in bar.actions() if action.isVisible())


def _control_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    for button in top.findChildren(QAbstractButton):
        if _shown(button, top) and not button.objectName().startswith("qt_"):
            yield button.text(), f"button {button.objectName() or type(button).__name__}"
    for label in top.findChildren(QLabel):
        if _shown(label, top) and label.buddy() is not None:
            yield label.text(), f"label {label.objectName()}"
    for box in top.findChildren(QGroupBox):
        if _shown(box, top):
            yield box.title(), f"group {box.objectName()}"


def _tab_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    for bar in top.findChildren(QTabBar):
        if _shown(bar, top):
            yield from ((bar.tabText(index), "tab") for index in range(bar.count()) if bar.isTabVisible(index))


def window_keys(top: QWidget) -> list[tuple[str, str]]:
    """(key, what) for every mnemonic that works in ``top`` as shown now: menu bar and controls."""
    texts = [*_menu_bar_texts(top), *_control_texts(top), *_tab_texts(top)]
    return [(key, f"{what} {text!r}") for text, what in texts if (key := mnemonic(text))]


def menu_keys(top: QWidget) -> dict[str, list[tuple[str, str]]]:
    """(key, text) of the items of every menu of the window's menu bar, submenus included, by menu."""
    found: dict[str, list[tuple[str, str]]] = {}

    def walk(menu: QMenu, path: str) -> None:
        items = found.setdefault(path, [])
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            key = mnemonic(action.text())
            if key:
                items.append((key, action.text()))
            if action.menu() is not None:
                walk(action.menu(), f"{path} > {action.text()}")

    for bar in top.findChildren(QMenuBar):
        if bar.window() is top:
            for action in bar.actions():
                if action.menu() is not None:
                    walk(action.menu(), action.text())
    return found


def clashes(keys: list[tuple[str, str]]) -> list[str]:
    by_key: dict[str, list[str]] = {}
    for key, what in keys:
        by_key.setdefault(key, []).append(what)
    return [f"Alt+{key.upper()}: {', '.join(whats)}" for key, whats in sorted(by_key.items()) if len(whats) > 1]


def test_mnemonic_reads_the_key_qt_uses():
    assert mnemonic("&File") == "f" and mnemonic("Re&turns") == "t" and mnemonic("Save && &close") == "c"
    assert mnemonic("Tom && Jerry") is None and mnemonic("Trailing &") is None
    assert clashes([("f", "menu '&File'"), ("f", "tab '&Findings'"), ("r", "tab '&Register'")]) == \
        ["Alt+F: menu '&File', tab '&Findings'"]


def test_no_alt_key_is_used_twice_in_any_window_or_menu(every_screen):
    problems: list[str] = []
    seen = []
    for name, top in every_screen:
        seen.append(name)
        problems += [f"{name}: {clash}" for clash in clashes(window_keys(top))]
        for menu, items in menu_keys(top).items():
            problems += [f"{name}, menu {menu}: {clash}" for clash in clashes(items)]
    assert seen == list(NAMES)
    assert problems == [], "\n".join(problems)


def test_business_unit_window_alt_f_opens_the_file_menu_and_f1_the_guide_at_its_section(qtbot, screen_data):
    """The clash the issue found (Alt+F went to the Findings tab first), and its missing Help menu."""
    from tests.ui.every_screen import screens

    for _, window in screens(qtbot, screen_data, only={"business_unit"}):
        _alt_f_f1_and_about(qtbot, window)


def _alt_f_f1_and_about(qtbot, window) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QApplication

    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(file_menu.isVisible)
    assert window.form.tabs.currentWidget() is window.form.registerTab
    file_menu.close()

    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert [a.text() for a in help_menu.actions()] == ["&User guide", "&About s11audit"]
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.guide_window
    qtbot.waitUntil(lambda: guide is not None and guide.isVisible())
    browser = guide.form.browser
    qtbot.waitUntil(lambda: browser.cursorForPosition(QPoint(4, 4)).block().text()
                    == "For the partnership business unit")
    guide.close()
    QApplication.processEvents()

    from s11audit.ui.dialogs.about import AboutDialog
    from tests.ui.shell_support import when_dialog

    def look(dialog: AboutDialog) -> None:
        sets.append(dialog.form.setsTable.model().rowCount())
        dialog.reject()

    sets: list[int] = []
    when_dialog(AboutDialog, look)
    help_menu.actions()[1].trigger()
    assert sets and sets[0] >= 1  # About s11audit, with the standards sets loaded
