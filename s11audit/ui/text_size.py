"""Text size: one base point size for the whole app, the View > Text size menu, and windows kept
within the screen.

Every font size in resources/style.qss is written ``@PT:n@``, meaning n points at the app's normal
text size of 10.5pt; :func:`fill_sizes` scales them to the base size in use. The base size is the
system font's size (floored at 10.5pt, so the app looks as designed on a standard PC and a person
who set a larger system font keeps it) times the user's text size (100% to 200%, remembered in
settings). Changing it sets the application font and re-applies the sheet, so every open window
changes at once. Larger text makes windows' minimum sizes grow, so windows are fitted to the
screen's available area whenever they are shown and when the text size changes.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QFont, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar, QWidget

from s11audit.ui.qapp import running_app, running_app_or_none
from s11audit.ui.settings import Settings
from s11audit.ui.settings import clamp_text_scale as clamp_scale

STEPS = (100, 125, 150, 175, 200)  # per cent of the normal text size
NORMAL = 100
DESIGN_POINT_SIZE = 10.5  # the sheet's sizes are written for this base size
_SIZE = re.compile(r"@PT:(\d+(?:\.\d+)?)@")
_SYSTEM_FONT = "s11audit_system_font"  # application properties: the font before we changed it
_SCALE = "s11audit_text_scale"  # and the text size in use
_SIZED = "s11audit_sized_for_text"  # a window's property: its size was made to suit the text size


def fill_sizes(sheet: str, base_point_size: float) -> str:
    """The style sheet with each ``@PT:n@`` turned into a point size relative to ``base_point_size``."""
    factor = base_point_size / DESIGN_POINT_SIZE
    return _SIZE.sub(lambda match: f"{float(match.group(1)) * factor:.2f}pt", sheet)


def _system_font(app: QApplication) -> QFont:
    font = app.property(_SYSTEM_FONT)
    if not isinstance(font, QFont):
        font = QFont(app.font())  # what the platform (or the person's system settings) gave us
        app.setProperty(_SYSTEM_FONT, font)
    return font


def base_point_size(scale: int, app: QApplication | None = None) -> float:
    """The app's normal text size in points at ``scale`` per cent."""
    system = _system_font(app or running_app()).pointSizeF()
    return max(system, DESIGN_POINT_SIZE) * clamp_scale(scale) / 100


def current_scale(app: QApplication | None = None) -> int:
    return clamp_scale((app or running_app()).property(_SCALE) or NORMAL)


def apply_text_scale(scale: int, app: QApplication | None = None) -> None:
    """Set the application font and style sheet for ``scale`` per cent; open windows follow at once."""
    from s11audit.ui.app import style_sheet  # app.py imports the main window, which imports this module

    app = app or running_app()
    scale = clamp_scale(scale)
    font = QFont(_system_font(app))
    font.setPointSizeF(base_point_size(scale, app))
    app.setProperty(_SCALE, scale)
    app.setFont(font)
    app.setStyleSheet(style_sheet(font.pointSizeF()))
    for window in app.topLevelWidgets():
        if window.isVisible() and _fits(window):
            layout = window.layout()
            if layout is not None:
                layout.activate()  # the minimum size for the new text, before fitting
            fit_to_screen(window)


# --- windows within the screen ----------------------------------------------------------------------

_FRAME_ALLOWANCE = (16, 40)  # title bar and borders, before the window system has drawn them
# Windows are made larger with the text only beyond this factor (a rounding difference is not a change).
_GROW_ABOVE = 1.01


def _fits(widget: QWidget) -> bool:
    return widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)


def screen_of(window: QWidget) -> QScreen | None:
    """The screen holding the middle of ``window`` (else the primary screen), through QGuiApplication.

    Not ``window.screen()`` or its native window's ``screen()``: under PySide6 6.10 and 6.11 the
    screen returned by either was deleted with the window's Python side, leaving Qt's list of
    screens with a dangling one, and the next new window crashed in ``QScreen::virtualSiblings``
    (tests/ui/test_new_cycle_dialog.py, run after any test that showed a window, crashed so).
    """
    return QGuiApplication.screenAt(window.frameGeometry().center()) or QGuiApplication.primaryScreen()


def fit_to_screen(window: QWidget) -> None:
    """Give ``window`` the height its wrapped text needs at its width, then shrink it to the screen's
    available area (less its frame) and move it inside, as needed."""
    screen = screen_of(window)
    if screen is None:
        return
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():  # a dialog sized for normal text, now larger
        needed = layout.totalHeightForWidth(window.width())
        if needed > window.height():
            window.resize(window.width(), needed)
    area = screen.availableGeometry()
    inner, outer = window.geometry(), window.frameGeometry()
    frame_w, frame_h = outer.width() - inner.width(), outer.height() - inner.height()
    if frame_w <= 0 and frame_h <= 0:
        frame_w, frame_h = _FRAME_ALLOWANCE
    width = min(inner.width(), area.width() - frame_w)
    height = min(inner.height(), area.height() - frame_h)
    if (width, height) != (inner.width(), inner.height()):
        window.resize(max(width, 1), max(height, 1))  # never below the window's minimum size, Qt sees to that
    outer = window.frameGeometry()
    width, height = max(outer.width(), window.width() + frame_w), max(outer.height(), window.height() + frame_h)
    x = min(max(outer.x(), area.x()), max(area.x(), area.x() + area.width() - width))
    y = min(max(outer.y(), area.y()), max(area.y(), area.y() + area.height() - height))
    if (x, y) != (outer.x(), outer.y()):
        window.move(x, y)


def grow_with_text(window: QWidget) -> None:
    """A window's size chosen for normal text (in its form or code), made larger with the text."""
    factor = QApplication.font().pointSizeF() / DESIGN_POINT_SIZE
    if factor > _GROW_ABOVE:
        window.resize(round(window.width() * factor), round(window.height() * factor))


def shown(watched: QObject) -> None:
    """A window or dialog being shown is sized for the text size (the first time) and fitted to the
    screen, before the window system maps it; called by ``app_events`` for every Show event."""
    if isinstance(watched, QWidget) and watched.isWindow() and _fits(watched):
        if not watched.property(_SIZED):
            watched.setProperty(_SIZED, True)
            grow_with_text(watched)
        fit_to_screen(watched)


def install_screen_fitter(app: QApplication) -> None:
    """Once per application: windows opened from now on fit the screen (through ``app_events``)."""
    from s11audit.ui import app_events  # it imports this module

    app_events.install(app)


# --- the menu -----------------------------------------------------------------------------------------

def set_text_scale(scale: int, settings: Settings | None = None) -> int:
    """Apply and remember ``scale``; returns the text size in use."""
    settings = settings or Settings()
    settings.text_scale = scale
    # Restyling every widget of an open audit takes seconds (~4 s for 2,300 widgets): say it is working.
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        apply_text_scale(settings.text_scale)
    finally:
        QApplication.restoreOverrideCursor()
    return settings.text_scale


def step(direction: int, settings: Settings | None = None) -> int:
    """One step larger (+1) or smaller (-1) than now, stopping at 100% and 200%."""
    now = current_scale()
    if direction > 0:
        target = next((s for s in STEPS if s > now), STEPS[-1])
    else:
        target = next((s for s in reversed(STEPS) if s < now), STEPS[0])
    return set_text_scale(target, settings)


def add_text_size_menu(view_menu: QMenu, settings: Settings | None = None) -> QMenu:
    """A "Text size" submenu at the end of ``view_menu``: Larger, Smaller, Normal size and each step."""
    menu = view_menu.addMenu("Te&xt size")
    menu.setObjectName("menuTextSize")
    owner = view_menu.parentWidget()  # the menu bar; a menu is a window of its own
    window = owner.window() if owner is not None else view_menu
    larger = QAction("&Larger", window)
    larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
    smaller = QAction("&Smaller", window)
    smaller.setShortcuts([QKeySequence("Ctrl+-")])
    normal = QAction("&Normal size", window)
    normal.setShortcut(QKeySequence("Ctrl+0"))
    larger.triggered.connect(lambda: step(+1, settings))
    smaller.triggered.connect(lambda: step(-1, settings))
    normal.triggered.connect(lambda: set_text_scale(NORMAL, settings))
    for action in (larger, smaller, normal):
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        menu.addAction(action)
        window.addAction(action)  # the keys work with the menu closed
    menu.addSeparator()
    group = QActionGroup(menu)
    for percent in STEPS:
        action = QAction(f"{percent}%", menu, checkable=True)
        action.setData(percent)
        action.triggered.connect(lambda _=False, p=percent: set_text_scale(p, settings))
        group.addAction(action)
        menu.addAction(action)

    def tick() -> None:  # the size in use may have been changed from another window
        for action in group.actions():
            action.setChecked(action.data() == current_scale())

    menu.aboutToShow.connect(tick)
    tick()
    return menu


def add_view_menu(menu_bar: QMenuBar, settings: Settings | None = None) -> QMenu:
    """A "View" menu holding Text size, placed before the Help menu if the window has one."""
    view = QMenu("&View", menu_bar)
    view.setObjectName("menuView")
    help_action = next((a for a in menu_bar.actions() if a.text().replace("&", "") == "Help"), None)
    if help_action is not None:
        menu_bar.insertMenu(help_action, view)
    else:
        menu_bar.addMenu(view)
    add_text_size_menu(view, settings)
    return view


def scaled(pixels: int) -> int:
    """A width in pixels chosen for normal text (a table column), scaled to the text size in use."""
    app = running_app_or_none()
    size = app.font().pointSizeF() if app is not None else DESIGN_POINT_SIZE
    return round(pixels * max(size, DESIGN_POINT_SIZE) / DESIGN_POINT_SIZE)


def set_column_widths(view, widths) -> None:
    """Column widths chosen for normal text (``{column: pixels}`` or one per column from the first),
    scaled to the text size in use and never narrower than the column's heading."""
    header = view.horizontalHeader() if hasattr(view, "horizontalHeader") else view.header()
    pairs = widths.items() if isinstance(widths, dict) else enumerate(widths)
    for column, width in pairs:
        view.setColumnWidth(column, max(scaled(width), header.sectionSizeHint(column)))
