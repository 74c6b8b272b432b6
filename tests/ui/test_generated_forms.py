"""The typed form classes in s11audit/ui/generated are what packaging/generate_forms.py writes from forms/*.ui.

A form changed in Designer without running the generator would leave the app on the old form; this
test fails then, naming the form and the command that brings its class up to date.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "s11audit" / "ui" / "generated"


def _generator():
    spec = importlib.util.spec_from_file_location("generate_forms", ROOT / "packaging" / "generate_forms.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_form_has_its_generated_class_and_each_is_current():
    expected = _generator().expected_files()
    assert len(expected) == len(list((ROOT / "forms").glob("*.ui"))) + 1
    written = {path.name: path.read_text(encoding="utf-8") for path in GENERATED.glob("*.py")}
    stale = sorted(name for name, text in expected.items() if written.get(name) != text)
    extra = sorted(set(written) - set(expected))
    assert not stale and not extra, (f"out of date: {stale}, without a form: {extra}; "
                                     "run python packaging/generate_forms.py")


def test_a_form_class_builds_its_widget_with_typed_children(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    from s11audit.ui.generated.export_dialog import ExportDialogForm

    form = ExportDialogForm()
    qtbot.addWidget(form)
    assert form.objectName() == "ExportDialog"
    assert isinstance(form.returnPath, QLineEdit) and isinstance(form.buttons, QDialogButtonBox)
    assert form.returnPath.parent() is not None and form.isAncestorOf(form.returnPath)
