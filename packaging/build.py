"""Build s11audit with PyInstaller: the one-folder and the one-file program (see build.spec).

Installs the pinned PyInstaller (the ``build`` extra in pyproject.toml) into this Python if it is
missing, builds into ``dist/`` (``build/`` holds PyInstaller's work files) and prints the size of
each variant. Then check it: ``python packaging/check_build.py``.

Usage: python packaging/build.py [--folder-only]
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if sys.platform == "win32" else ""


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        print("Installing PyInstaller (the build extra)...", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "-e", f"{ROOT}[build]"], check=True)


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


def main(argv: list[str]) -> int:
    ensure_pyinstaller()
    env = dict(os.environ)
    if "--folder-only" in argv:
        env["S11AUDIT_ONEFILE"] = "0"
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icon.py"), str(ROOT / "build" / "s11audit.ico")],
                   check=True)
    result = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                             "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
                             str(ROOT / "build.spec")], cwd=ROOT, env=env, check=False)  # its exit code is reported
    if result.returncode:
        print("PyInstaller failed.", file=sys.stderr)
        return result.returncode
    print(f"\nBuilt in {time.perf_counter() - started:.0f} s:")
    for label, path in (("one-folder", ROOT / "dist" / "s11audit"),
                        ("one-file", ROOT / "dist" / f"s11audit-onefile{EXE}")):
        if path.exists():
            print(f"  {label:<11} {size_mb(path):7.1f} MB  {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
