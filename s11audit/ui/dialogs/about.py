"""Help > About s11audit: the version, the standards sets loaded and where each came from, where
settings, files and the log are kept, the licences of the fonts shipped with the app, and that it works offline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QWidget

from s11audit import __version__
from s11audit.logs import log_path
from s11audit.paths import resources_dir, shipped_standards_dir, user_standards_dir
from s11audit.standards import LoadReport
from s11audit.ui.dialogs.base import FormDialog
from s11audit.ui.dialogs.standards_sets import set_files
from s11audit.ui.dialogs.welcome import sample_folder
from s11audit.ui.generated.about_dialog import AboutDialogForm

HEADERS = ("Standards set", "Id", "Version", "From")
FONT_NAMES = {"DejaVu": "DejaVu Sans (PDF reports)",
              "NotoSansArabic": "Noto Sans Arabic (Arabic and Urdu text in PDF reports)"}


def origin_words(origin: Path | None) -> str:
    if origin is None:
        return ""
    return "your standards folder" if origin.parent == user_standards_dir() else "shipped with the app"


def font_licences() -> list[tuple[str, Path]]:
    """(font, licence file) for each ``LICENSE-*`` file shipped in ``resources/fonts``."""
    folder = resources_dir() / "fonts"
    found = sorted(folder.glob("LICENSE-*")) if folder.is_dir() else []
    return [(FONT_NAMES.get(p.stem.removeprefix("LICENSE-"), p.stem.removeprefix("LICENSE-")), p) for p in found]


def _licence_kind(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "licence file missing"
    if "SIL Open Font License" in text:
        return "SIL Open Font License 1.1"
    if "Bitstream Vera" in text or "Bitstream" in text:
        return "Bitstream Vera fonts licence (free to use and share)"
    return "see the licence text"


class AboutDialog(FormDialog[AboutDialogForm]):
    def __init__(self, parent: QWidget | None, report: LoadReport, settings_path: Path):
        super().__init__(AboutDialogForm, parent)
        form = self.form
        form.title.setText(f"s11audit {__version__}")
        form.summary.setText(
            "Safeguarding self-assessment audits for schools and colleges (sections 175 and 157, Education "
            "Act 2002) and agencies (section 11, Children Act 2004), and the partnership business unit's "
            "cycles, returns and findings.")
        origins = set_files(report)
        model = QStandardItemModel(0, len(HEADERS), self)
        model.setHorizontalHeaderLabels(HEADERS)
        for standards_set in report.sets:
            origin = origins.get(standards_set.key)
            items = [QStandardItem(text) for text in (standards_set.title, standards_set.id, standards_set.version,
                                                        origin_words(origin))]
            for item in items:
                item.setEditable(False)
                item.setToolTip(item.text())
            if origin is not None:
                items[-1].setToolTip(str(origin))
            model.appendRow(items)
        form.setsTable.setModel(model)
        header = form.setsTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table = form.setsTable
        table.setWordWrap(False)  # one line per set; the full title is in the tooltip
        # Tall enough for every set (up to eight) without scrolling; the licences give way instead.
        rows = table.verticalHeader().defaultSectionSize() * min(model.rowCount(), 8)
        table.setFixedHeight(header.sizeHint().height() + rows + 2 * table.frameWidth() + 2)
        form.places.setText(
            f"Your settings and recent files: {settings_path}\n"
            f"Your own standards sets: {user_standards_dir()}\n"
            f"Standards shipped with the app: {shipped_standards_dir()}\n"
            f"Sample audits: {sample_folder()}\n"
            f"The log (what the app did, and any unexpected error in full): {log_path()}\n"
            "Your audit files and returns are kept wherever you chose to save them.")
        licences = font_licences()
        form.fonts.setText("\n".join(f"• {name}: {_licence_kind(path)} ({path.name})" for name, path in licences)
                           or "No fonts are shipped with this installation.")
        texts = []
        for name, path in licences:
            try:
                texts.append(f"{name}\n{'=' * len(name)}\n{path.read_text(encoding='utf-8', errors='replace')}")
            except OSError:
                continue
        form.licences.setPlainText("\n\n".join(texts))
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        self.form.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()  # Return or Space closes
