"""Check a PyInstaller build of s11audit headless, away from the source tree, and measure it.

Copies ``dist/`` to a temporary folder, then runs each variant from there with the working folder
and the user's folders (S11AUDIT_HOME, HOME, XDG_*) in another temporary folder, so the program can
only use what is in the bundle:

  --version; ``standards check`` and ``standards list`` on the bundled sets; ``sample --signed`` then
  ``progress`` (SQLite and the audit file's Alembic migrations); ``export`` to a signed return, PDF
  and workbook, then ``verify`` (cryptography, reportlab, fonts, HarfBuzz, openpyxl); ``workspace
  new`` and ``cycle add`` (the workspace's migrations), ``import`` (the sample's return refused as
  a sample, after its signature is verified); ``app --smoke-test`` offscreen (Qt, its
  plugins, the forms and style). Then the start time (median of 5 runs of the smoke test, from
  launch to the process ending after the window was shown) and the size of each variant.

Usage: python packaging/check_build.py [DIST]   (exit 0 when every check passes)
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if sys.platform == "win32" else ""
STARTS = 5
SMALLEST_EXPORT_BYTES = 1000  # a written return, PDF or workbook is never smaller


def size_mb(path: Path) -> float:
    # Links (Qt's libraries on Linux) are counted once, as what they point to.
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6


class Checker:
    def __init__(self, program: Path, bundle: Path, work: Path):
        self.program, self.bundle, self.work = program, bundle, work
        home = work / "home"
        home.mkdir(parents=True, exist_ok=True)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "S11AUDIT", "XDG_", "QT_"))}
        self.env.update({"S11AUDIT_HOME": str(home / "s11audit"), "HOME": str(home), "USERPROFILE": str(home),
                         "APPDATA": str(home), "LOCALAPPDATA": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                         "XDG_DATA_HOME": str(home / ".local"), "XDG_CACHE_HOME": str(home / ".cache"),
                         "QT_QPA_PLATFORM": "offscreen"})
        self.failures: list[str] = []

    def run(self, *args: str, expect: int = 0, want: str | None = None) -> str:
        command = [str(self.program), *args]
        result = subprocess.run(command, cwd=self.work, env=self.env, capture_output=True, text=True, timeout=180,
                                check=False)  # the exit code is compared with ``expect`` below
        output = result.stdout + result.stderr
        ok = result.returncode == expect and (want is None or want in output)
        print(f"  {'ok  ' if ok else 'FAIL'} {' '.join(args)}")
        if not ok:
            self.failures.append(f"{self.program.name} {' '.join(args)}: exit {result.returncode}, wanted {expect}"
                                 f"{' and ' + repr(want) if want else ''}\n{output}")
        return output

    def check(self, sets: tuple[str, ...] = ("s11-wt2023", "s175-kcsie2025")) -> None:
        from s11audit import __version__

        w = self.work
        self.run("--version", want=f"s11audit {__version__}")
        shipped = len(list((ROOT / "standards").glob("*.yaml")))
        out = self.run("standards", "check", want=f"{shipped} of {shipped} files valid")
        if str(self.bundle) not in out:
            self.failures.append(f"standards check did not check the bundled sets:\n{out}")
        out = self.run("standards", "list", want="s175-kcsie2025")
        if f"Shipped standards folder: {self.bundle}" not in out:
            self.failures.append(f"the shipped standards folder is not in the bundle:\n{out}")
        for set_id in sets:
            audit = w / f"{set_id}.s11audit"
            self.run("sample", "--set", set_id, "--signed", str(audit), want="Wrote a completed, signed-off")
            self.run("progress", str(audit), want="100% complete")
            out = self.run("export", str(audit), "--return", str(w / f"{set_id}.s11return"),
                           "--pdf", str(w / f"{set_id}.pdf"), "--xlsx", str(w / f"{set_id}.xlsx"))
            for suffix in (".s11return", ".pdf", ".xlsx"):
                made = w / f"{set_id}{suffix}"
                if not made.is_file() or made.stat().st_size < SMALLEST_EXPORT_BYTES:
                    self.failures.append(f"export did not write {made}:\n{out}")
            self.run("verify", str(w / f"{set_id}.s11return"), want=": valid:")
        workspace = w / "unit.s11workspace"
        self.run("workspace", "new", str(workspace))
        self.run("cycle", "add", str(workspace), "--name", "2026/27", "--set", "s175-kcsie2025", "--due", "2027-03-31")
        # `sample` writes the app's sample audit, marked SAMPLE in its return: the import verifies its
        # signature and checks it against the cycle's set, then refuses it as that file's rejection.
        self.run("import", str(w / "s175-kcsie2025.s11return"), "--into", str(workspace), "--cycle", "2026/27",
                 expect=1, want="the app's sample audit, not a real return")
        self.run("app", "--smoke-test", want="window shown: True")

    def start_times(self) -> tuple[float, str]:
        walls, last = [], ""
        for _ in range(STARTS):
            started = time.perf_counter()
            result = subprocess.run([str(self.program), "app", "--smoke-test"], cwd=self.work, env=self.env,
                                    capture_output=True, text=True, timeout=180, check=False)  # a failure is listed
            walls.append(time.perf_counter() - started)
            last = result.stdout.strip().splitlines()[0] if result.stdout.strip() else result.stderr
            if result.returncode:
                self.failures.append(f"smoke test failed:\n{result.stdout}{result.stderr}")
        return statistics.median(walls), last


def main(argv: list[str]) -> int:
    dist = Path(argv[0]).resolve() if argv else ROOT / "dist"
    variants = [("one-folder", Path("s11audit") / f"s11audit-cli{EXE}", Path("s11audit")),
                ("one-folder, windowed program", Path("s11audit") / f"s11audit{EXE}", Path("s11audit")),
                ("one-file", Path(f"s11audit-onefile{EXE}"), Path(f"s11audit-onefile{EXE}"))]
    variants = [v for v in variants if (dist / v[1]).is_file()]
    if not variants:
        print(f"No build in {dist}: run python packaging/build.py first.", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))  # only for s11audit.__version__, to compare with the build's
    failures, summary = [], []
    with tempfile.TemporaryDirectory(prefix="s11audit-check-") as temp:
        elsewhere = Path(temp) / "elsewhere"
        shutil.copytree(dist, elsewhere, symlinks=True)
        for label, program, root in variants:
            print(f"{label}: {program}")
            work = Path(temp) / f"work-{len(summary)}"
            work.mkdir()
            # Frozen one-file programs unpack to a temporary _MEI folder; the bundle is wherever that is.
            bundle = elsewhere / root / "_internal" if (elsewhere / root).is_dir() else Path(tempfile.gettempdir())
            checker = Checker(elsewhere / program, bundle, work)
            if label == "one-folder, windowed program":
                checker.run("app", "--smoke-test", want="window shown: True")
            elif label == "one-file":
                checker.check(sets=("s175-kcsie2025",))  # the same bundle as the folder's, so one set will do
            else:
                checker.check()
            median, shown = checker.start_times()
            failures += checker.failures
            summary.append(f"{label:<30} {size_mb(dist / root):7.1f} MB   start {median:5.2f} s (median of {STARTS};"
                           f" in the app: {shown})")
    print("\nSize and start time (launch to window shown offscreen and closed):")
    for line in summary:
        print("  " + line)
    for failure in failures:
        print("\nFAILED: " + failure, file=sys.stderr)
    print(f"\n{'All checks passed' if not failures else f'{len(failures)} check(s) failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
