"""Write a file all at once: into a temporary file beside it, then rename it into place.

A reader never sees half a report, and a failure (unwritable folder, full disk) leaves the old
file, if any, untouched and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from s11audit.reports import ReportError


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
        os.replace(temp, target)
    except OSError as exc:
        raise ReportError(f"Cannot write {target}: {_reason(exc)}. Check that the disk is not full, that you may "
                          "write to the folder and that the file is not open in another program.") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
