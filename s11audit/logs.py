"""The app's log file in the user's data folder: where a fault of s11audit itself is written in full.

Users are shown a plain sentence; the traceback goes here (``logs/s11audit.log``, rotated at 1 MB,
three old files kept), so a business unit can send it to whoever supports the app. Nothing is
logged that the user's own files do not already hold.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from s11audit.paths import user_data_dir

_LOGGER = "s11audit"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"


def log_path() -> Path:
    return user_data_dir() / "logs" / "s11audit.log"


def start_logging() -> Path | None:
    """Send s11audit's warnings and errors to the log file; returns its path (``None`` if unwritable).

    Safe to call more than once: the handler is replaced when the data folder has changed.
    """
    logger = logging.getLogger(_LOGGER)
    path = log_path()
    for handler in list(logger.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if Path(handler.baseFilename) == path.resolve():
                return path
            logger.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1024 * 1024, backupCount=3, encoding="utf-8",
                                                       delay=True)
    except OSError:
        return None  # a read-only profile: messages still reach stderr through logging's last resort
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(logging.WARNING)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def where() -> str:
    """A phrase for messages: "the log (PATH)"."""
    return f"the log ({log_path()})"
