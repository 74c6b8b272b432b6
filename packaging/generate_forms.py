"""Write the typed Python classes for the Designer forms: ``forms/<name>.ui`` -> ``s11audit/ui/generated/<name>.py``.

Run after changing a form: ``python packaging/generate_forms.py``. tests/ui/test_generated_forms.py fails
when a generated module no longer matches its form, so a form cannot change without its class.

Each module holds what ``pyside6-uic`` writes (``Ui_<Name>.setupUi`` creating the named children as
attributes) and a widget class that builds itself from it, e.g. ``StartScreenForm(parent)``: its children
are typed attributes, so mypy checks every use of a form. The app no longer parses XML at run time
(QtUiTools is not imported), which also makes the first paint quicker.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
GENERATED = ROOT / "s11audit" / "ui" / "generated"

# uic names its own version in the header; left in, every Qt update would change every file.
VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*$", re.MULTILINE)
HEADER = '"""Typed Designer forms, written by packaging/generate_forms.py from forms/*.ui: do not edit."""\n'

FORM_CLASS = '''

class {form_class}({base}, Ui_{object_name}):
    """``forms/{name}.ui`` as a widget whose named children are typed attributes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
'''


def uic_command() -> list[str]:
    """pyside6-uic beside this Python (a venv's bin/ or Scripts/), or through PySide6's own launcher."""
    folder = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        if (folder / name).exists():
            return [str(folder / name)]
    return [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import uic; sys.exit(uic())"]


def top_widget(ui_file: Path) -> tuple[str, str]:
    """The form's top-level widget class and object name, as Designer saved them."""
    widget = ET.parse(ui_file).getroot().find("widget")
    if widget is None:
        raise SystemExit(f"{ui_file}: no top-level <widget>")
    return widget.get("class", ""), widget.get("name", "")


def form_class_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_")) + "Form"


def generate(ui_file: Path) -> str:
    """The module text for one form (no autoconnection: slots are connected in code, as QUiLoader did)."""
    run = subprocess.run([*uic_command(), "-g", "python", "-a", str(ui_file)],
                         capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"pyside6-uic failed on {ui_file}: {run.stderr.strip()}")
    code = VERSION_LINE.sub("## Created by: Qt User Interface Compiler (pyside6-uic)", run.stdout)
    code = code.replace("# -*- coding: utf-8 -*-\n", HEADER, 1)
    base, object_name = top_widget(ui_file)
    if base.startswith("Q") and base != "QMainWindow":
        # A main window's class is the window itself (MainWindow mixes in Ui_MainWindow); others get one here.
        if f"import ({base}," not in code and f" {base}," not in code and f" {base})" not in code:
            code = code.replace("from PySide6.QtWidgets import (", f"from PySide6.QtWidgets import ({base}, ", 1)
        code += FORM_CLASS.format(form_class=form_class_name(ui_file.stem), base=base,
                                  object_name=object_name, name=ui_file.stem)
    return code


def expected_files() -> dict[str, str]:
    """File name -> text for every form, plus the package's __init__."""
    files = {"__init__.py": HEADER}
    for ui_file in sorted(FORMS.glob("*.ui")):
        files[f"{ui_file.stem}.py"] = generate(ui_file)
    return files


def main() -> int:
    GENERATED.mkdir(exist_ok=True)
    files = expected_files()
    for stale in GENERATED.glob("*.py"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        (GENERATED / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"{len(files) - 1} forms written to {GENERATED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
