"""Reports written from an audit: the return as a PDF and the action plan as an Excel workbook.

Qt-free: the UI and the command line call these writers (off the UI thread) and show a
``ReportError`` as a message; a failed write never leaves a partial file behind.
"""

from __future__ import annotations


class ReportError(Exception):
    """A report could not be written; the message names the output file and the reason."""


__all__ = ["ReportError"]
