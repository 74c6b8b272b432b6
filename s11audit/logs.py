"""The app's log file in the user's data folder: what s11audit did, and its own faults in full.

Users are shown a plain sentence; the traceback goes here (``logs/s11audit.log``, rotated at 1 MB,
three old files kept), so a business unit can send it to whoever supports the app. Key events are
logged at INFO (a file opened, an import batch with its counts, an export or report written);
nothing is logged that the user's own files do not already hold beyond paths and counts: never an
answer, a narrative or a name typed into the app.

The command line adds ``-v`` (INFO to stderr) or ``-vv`` (DEBUG); the windowed build has no stderr
(``sys.stderr is None``), so nothing here writes to it then.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from s11audit import __version__
from s11audit.paths import user_data_dir

_LOGGER = "s11audit"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"
_CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"
_DEBUG_VERBOSITY = 2  # -vv: DEBUG to the log file and stderr (-v: INFO)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_path() -> Path:
    return user_data_dir() / "logs" / "s11audit.log"


class _ToStderr(logging.StreamHandler):
    """``-v``: records to whatever ``sys.stderr`` is at the time (pytest and the windowed build
    replace it), and to nowhere when there is none."""

    def __init__(self, level: int):
        logging.Handler.__init__(self, level)  # not StreamHandler's: the stream is looked up each time

    @property
    def stream(self):
        return sys.stderr

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not None:
            super().emit(record)


def start_logging(verbosity: int | None = None) -> Path | None:
    """Send s11audit's events (INFO and up) to the log file; returns its path (``None`` if unwritable).

    ``verbosity`` 1 also prints INFO to stderr, 2 DEBUG to both; ``None`` leaves stderr as it was set
    before (the app started from ``s11audit -v app``). Safe to call more than once: the file handler
    is replaced when the data folder has changed.
    """
    logger = logging.getLogger(_LOGGER)
    if verbosity is not None:
        _set_console(logger, verbosity)
        logger.setLevel(logging.DEBUG if verbosity >= _DEBUG_VERBOSITY else logging.INFO)
    elif logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    level = logger.level
    path = log_path()
    for handler in list(logger.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if Path(handler.baseFilename) == path.resolve():
                handler.setLevel(level)
                return path
            logger.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1024 * 1024, backupCount=3, encoding="utf-8",
                                                       delay=True)
    except OSError:
        return None  # a read-only profile: warnings still reach stderr (if any) through logging's last resort
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(level)
    logger.addHandler(handler)
    return path


def _set_console(logger: logging.Logger, verbosity: int) -> None:
    for handler in [h for h in logger.handlers if isinstance(h, _ToStderr)]:
        logger.removeHandler(handler)
    if verbosity > 0:
        console = _ToStderr(logging.DEBUG if verbosity >= _DEBUG_VERBOSITY else logging.INFO)
        console.setFormatter(logging.Formatter(_CONSOLE_FORMAT))
        logger.addHandler(console)


def where() -> str:
    """A phrase for messages: "the log (PATH)"."""
    return f"the log ({log_path()})"


def environment(extra: dict[str, str] | None = None) -> str:
    """Version, Python and platform, one per line: the head of a crash report."""
    lines = {"s11audit": __version__, "Python": f"{platform.python_version()} ({sys.executable})",
             "Platform": platform.platform(), "Frozen build": "yes" if getattr(sys, "frozen", False) else "no"}
    lines.update(extra or {})
    return "\n".join(f"{name}: {value}" for name, value in lines.items())


def log_unexpected(exc_info: ExcInfo, where_from: str = "") -> str:
    """Write an unexpected error to the log in full; returns its traceback as text."""
    details = "".join(traceback.format_exception(*exc_info))
    logging.getLogger(f"{_LOGGER}.crash").critical("Unexpected error%s", f" ({where_from})" if where_from else "",
                                                   exc_info=exc_info)
    return details


def no_stream_is_none() -> None:
    """The windowed build starts with ``sys.stdout``/``sys.stderr`` as ``None``: give them a sink,
    so a library's ``print`` or ``sys.stderr.write`` (a warning, faulthandler) never raises."""
    import os

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - for the process' life
