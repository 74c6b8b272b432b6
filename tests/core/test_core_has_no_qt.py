"""The core (everything outside ``s11audit/ui``) must run without Qt: headless CLI, batch work, tests."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "s11audit"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")

CORE_MODULES = ["s11audit", "s11audit.standards", "s11audit.standards.loader", "s11audit.standards.model",
                "s11audit.store", "s11audit.completeness", "s11audit.sample", "s11audit.cli", "s11audit.paths",
                "s11audit.organisations"]

PROBE = textwrap.dedent("""
    import importlib, json, pkgutil, sys, tempfile
    from pathlib import Path

    names = json.loads(sys.argv[1])
    for name in names:
        importlib.import_module(name)
    # Every other module of the core, found by walking the package; migrations and __main__ run on import.
    import s11audit
    for info in pkgutil.walk_packages(s11audit.__path__, "s11audit.",
                                      onerror=lambda name: (_ for _ in ()).throw(ImportError(name))):
        if info.name.startswith(("s11audit.ui", "s11audit.store.migrations", "s11audit.__main__")):
            continue
        importlib.import_module(info.name)
        names.append(info.name)
    # Use the core too, not just import it: load the sets and list them through the CLI.
    from s11audit.cli import main
    assert main(["standards", "list"]) == 0
    qt = sorted(m for m in sys.modules if m.split(".")[0] in QT)
    print(json.dumps({"imported": names, "qt": qt}))
""")


def test_importing_and_using_the_core_loads_no_qt(tmp_path):
    import json

    env = {**os.environ, "PYTHONPATH": str(REPO), "S11AUDIT_HOME": str(tmp_path)}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-c", f"QT = {QT_MODULES!r}\n" + PROBE, json.dumps(CORE_MODULES)],
                            capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
                            check=False)  # the exit code is asserted below, with the child's stderr
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["qt"] == []
    imported = set(report["imported"])
    assert set(CORE_MODULES) <= imported
    assert {"s11audit.store.audit_file", "s11audit.store.assessment", "s11audit.store.evidence"} <= imported
    assert not any(name.startswith("s11audit.ui") for name in imported)


def qt_imports(source: str, filename: str = "<source>") -> list[str]:
    """Qt imports in a module: any import of a Qt binding, and module-level imports of ``s11audit.ui``."""
    found = []
    tree = ast.parse(source, filename)

    def root(name: str | None) -> str:
        return (name or "").split(".")[0]

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names if root(a.name) in QT_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and root(node.module) in QT_MODULES:
            found.append(f"line {node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Call) and any(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                                and root(a.value) in QT_MODULES for a in node.args):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                found.append(f"line {node.lineno}: {name}({node.args[0].value!r})")
    # The UI package may be started from the core (the `app` command), but only lazily, inside a function.
    for node in tree.body:
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            targets = [node.module or ""]
        found += [f"line {node.lineno}: module-level import of {t}" for t in targets
                  if t == "s11audit.ui" or t.startswith("s11audit.ui.")]
    return found


def test_the_static_check_finds_qt_imports():
    assert qt_imports("import PySide6") == ["line 1: import PySide6"]
    assert qt_imports("import os\nfrom PySide6.QtCore import QObject\n") == ["line 2: from PySide6.QtCore import ..."]
    assert qt_imports("import importlib\nimportlib.import_module('PySide6.QtWidgets')\n") == \
        ["line 2: import_module('PySide6.QtWidgets')"]
    assert qt_imports("def f():\n    import shiboken6\n") == ["line 2: import shiboken6"]
    assert qt_imports("from s11audit.ui.app import main\n") == ["line 1: module-level import of s11audit.ui.app"]
    assert qt_imports("def run():\n    from s11audit.ui.app import main\n") == []
    assert qt_imports("from s11audit.standards import discover\nimport yaml\n") == []


def test_no_core_file_imports_qt():
    core_files = [p for p in sorted(PACKAGE.rglob("*.py")) if (PACKAGE / "ui") not in p.parents]
    assert PACKAGE / "cli.py" in core_files and PACKAGE / "store" / "assessment.py" in core_files
    assert not any("ui" in p.relative_to(PACKAGE).parts[:1] for p in core_files)
    offenders = {str(p.relative_to(REPO)): hits for p in core_files
                 if (hits := qt_imports(p.read_text(encoding="utf-8"), str(p)))}
    assert offenders == {}
