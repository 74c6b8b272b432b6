"""A wheel of s11audit carries everything the app reads at run time (issue 15).

Builds the wheel from a copy of the source tree with this Python's setuptools (no download),
installs it into a new virtual environment outside the tree and runs the installed ``s11audit``
from a folder elsewhere, with the user's folders in a temporary one: so it can only use what the
wheel carries, as a user who ran ``pip install s11audit-*.whl`` would. That covers the bundled
resources and standards (found by ``s11audit/paths.py``), both migrations folders
(``sample`` runs the audit file's, ``workspace new`` the workspace's), the schemas, the fonts of
the PDF, and the generated Qt forms (``s11audit.ui.generated``) and icons (``app --smoke-test``).

The new environment borrows the dependencies from this one (installing PySide6 again would take
minutes) through a ``.pth`` line naming this environment's site-packages. Python adds such a
folder to ``sys.path`` without running the ``.pth`` files inside it, so this project's editable
install (a ``__editable__`` .pth and finder there) is never seen; a test checks where
``s11audit`` is imported from.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from importlib.metadata import version
from pathlib import Path

import pytest

from s11audit import __version__
from s11audit.standards import discover

ROOT = Path(__file__).resolve().parents[2]
# What a wheel must carry, as build.spec bundles it: (folder in the source tree, file patterns).
BUNDLED = {"resources": ("*",), "standards": ("*.yaml", "*.md")}
PACKAGE_FILES = ("*.py", "*.mako", "*.json")

pytestmark = pytest.mark.slow


def _files(folder: Path, patterns: tuple[str, ...]) -> set[str]:
    return {path.relative_to(folder).as_posix() for pattern in patterns for path in folder.rglob(pattern)
            if path.is_file() and "__pycache__" not in path.parts}


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False, **kwargs)
    assert result.returncode == 0, f"{' '.join(command)}: exit {result.returncode}\n{result.stdout}{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python, s11audit program, site-packages, working folder, environment) of a fresh wheel install."""
    major = int(version("setuptools").split(".")[0])
    assert major >= 77, f"setuptools {version('setuptools')} cannot build s11audit: pip install -e '.[test]'"
    temp = tmp_path_factory.mktemp("wheel")
    source = temp / "source"  # a copy: building writes build/ and *.egg-info beside pyproject.toml
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("s11audit", *BUNDLED):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = temp / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
          "-w", str(dist), str(source)])
    (wheel,) = dist.glob("s11audit-*.whl")

    venv = temp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)])
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    ours = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (site / "s11audit-test-dependencies.pth").write_text("".join(f"{folder}\n" for folder in ours), encoding="utf-8")

    work, home = temp / "work", temp / "home"
    work.mkdir()
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "S11AUDIT", "XDG_", "QT_"))}
    env.update({"S11AUDIT_HOME": str(home / "s11audit"), "HOME": str(home), "USERPROFILE": str(home),
                "APPDATA": str(home), "LOCALAPPDATA": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                "XDG_DATA_HOME": str(home / ".local"), "XDG_CACHE_HOME": str(home / ".cache"),
                "QT_QPA_PLATFORM": "offscreen"})
    program = python.parent / ("s11audit.exe" if os.name == "nt" else "s11audit")
    return python, program, site, work, env


def test_s11audit_is_imported_from_the_wheel_not_the_source_tree(installed):
    python, _, site, work, env = installed
    code = ("import sys, s11audit, s11audit.paths as p; print(s11audit.__file__); print(p.bundle_root()); "
            "print([m for m in sys.modules if 'editable' in m])")
    out = _run([str(python), "-c", code], cwd=work, env=env).stdout.splitlines()
    assert out == [str(site / "s11audit" / "__init__.py"), str((site / "s11audit" / "_data").resolve()), "[]"]


def test_the_wheel_carries_every_module_migration_and_bundled_file(installed):
    site = installed[2]
    package = site / "s11audit"
    missing = {f"s11audit/{name}" for name in _files(ROOT / "s11audit", PACKAGE_FILES) - _files(package, PACKAGE_FILES)}
    for folder, patterns in BUNDLED.items():
        missing |= {f"{folder}/{name}" for name in _files(ROOT / folder, patterns)
                    - _files(package / "_data" / folder, patterns)}
    assert not missing, f"not in the wheel (add them to pyproject.toml's packages/package-data): {sorted(missing)}"
    for migrations in ("store/migrations", "business_unit/migrations"):
        assert (package / migrations / "env.py").is_file() and (package / migrations / "script.py.mako").is_file()
        assert len(list((package / migrations / "versions").glob("0*.py"))) >= 6


def test_the_installed_command_line_works_away_from_the_source_tree(installed):
    _, program, site, work, env = installed

    def run(*args: str) -> str:
        return _run([str(program), *args], cwd=work, env=env).stdout

    assert run("--version").strip() == f"s11audit {__version__}"
    listed = run("standards", "list")
    assert f"Shipped standards folder: {site / 's11audit' / '_data' / 'standards'}" in listed
    shipped = discover([ROOT / "standards"])
    assert {line.split()[0] for line in listed.splitlines() if line.startswith("  ")} == {s.id for s in shipped.sets}
    assert len(shipped.sets) == 4 and "SKIPPED" not in listed

    assert "Wrote a completed, signed-off sample" in run("sample", "--set", "s175-kcsie2025", "--signed", "a.s11audit")
    run("export", "a.s11audit", "--return", "a.s11return", "--pdf", "a.pdf", "--xlsx", "a.xlsx")
    for name in ("a.s11return", "a.pdf", "a.xlsx"):
        assert (work / name).stat().st_size > 1000
    assert "a.s11return: valid:" in run("verify", "a.s11return")
    assert "Created the business unit workspace" in run("workspace", "new", "unit.s11workspace")


def test_the_installed_app_starts_with_its_forms_style_and_icons(installed):
    _, program, _, work, env = installed
    result = _run([str(program), "app", "--smoke-test"], cwd=work, env=env)
    assert "window shown: True" in result.stdout and "(0 skipped)" in result.stdout
    assert "Cannot open" not in result.stderr and "No such file" not in result.stderr, result.stderr
