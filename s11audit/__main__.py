"""``python -m s11audit``: the command line (``python -m s11audit app`` starts the desktop app)."""

import multiprocessing

multiprocessing.freeze_support()  # in a frozen build, an import worker process (import_workers.py) starts here

from s11audit.cli import main  # noqa: E402

raise SystemExit(main())
