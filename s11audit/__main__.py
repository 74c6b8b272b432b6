"""``python -m s11audit``: the command line (``python -m s11audit app`` starts the desktop app)."""

from s11audit.cli import main

raise SystemExit(main())
