"""Write a file all at once: into a temporary file beside it, then rename it into place.

A reader never sees half a report, and a failure (unwritable folder, full disk) leaves the old
file, if any, untouched and no temporary file behind. The file gets the mode any new file of the
user's would (0666 less the umask, usually 0644), like a return: ``mkstemp`` makes it private
(0600), which is wrong for a report meant to be shared. Workbooks are saved through
:func:`save_workbook`, never with ``Workbook.save(path)`` (see there why).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from s11audit.reports import ReportError

_log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from openpyxl import Workbook


def _umask() -> int:
    """The process's umask. Linux shows it in /proc without changing it; elsewhere it is read by
    setting it and putting it straight back (os.umask has no read-only form)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a report is written with: what ``open()`` would give a new file (0666 less the umask)."""
    return 0o666 & ~_umask()


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


@contextlib.contextmanager
def atomic_output(out_path: Path | str) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces ``out_path``.

    Any ``OSError`` while creating, writing or renaming becomes a ``ReportError`` naming the
    output file; the temporary file is removed whatever happens.
    """
    target = Path(out_path)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise ReportError(f"Cannot write {target}: the folder {target.parent} cannot be written to "
                          f"({_reason(exc)}). Choose another folder.") from exc
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, file_mode())
        os.replace(temp, target)
        _log.info("Wrote %s", target)
    except OSError as exc:
        raise ReportError(f"Cannot write {target}: {_reason(exc)}. Check that the disk is not full, that you may "
                          "write to the folder and that the file is not open in another program.") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def save_workbook(workbook: Workbook, out_path: Path | str) -> Path:
    """Save an openpyxl workbook to ``out_path`` atomically; ``ReportError`` naming the file on failure.

    ``Workbook.save(path)`` opens a ``zipfile.ZipFile`` on the path and, when a write fails (a full
    disk), leaves it open: its ``__del__`` later tries to write the zip directory again and Python
    prints "Exception ignored in: ZipFile.__del__ ... No space left on device" after our own clear
    message. So the zip is built in memory, where writing cannot fail that way, and only the
    finished bytes go to disk, through :func:`atomic_output`.
    """
    buffer = io.BytesIO()
    workbook.save(buffer)
    with atomic_output(out_path) as temp:
        temp.write_bytes(buffer.getbuffer())
    return Path(out_path)
