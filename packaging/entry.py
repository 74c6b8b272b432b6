"""The frozen program's entry point: the desktop app when opened from Explorer, the CLI otherwise.

Double-clicking the program (no arguments) or a file associated with it (``s11audit FILE.s11audit``)
starts the app; ``s11audit COMMAND ...`` (``--version``, ``standards check``, ``sample``...) is the
command line, as ``python -m s11audit`` is from source.
"""

import os
import sys

FILE_SUFFIXES = (".s11audit", ".s11return", ".s11workspace")


def main() -> int:
    # First: in a frozen program a worker process of the import (business_unit/import_workers.py) is
    # this same executable started again; freeze_support runs the worker's task and exits there.
    import multiprocessing

    multiprocessing.freeze_support()
    # A windowed Windows build has no console: sys.stdout/stderr are None and a print would fail.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115  # open for the process's life
    from s11audit.cli import main as cli_main

    args = sys.argv[1:]
    if not args or args[0].lower().endswith(FILE_SUFFIXES):
        args = ["app", *args[:1]]
    return cli_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
