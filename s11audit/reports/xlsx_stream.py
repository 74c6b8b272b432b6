"""An openpyxl write-only workbook with one very long sheet whose rows are streamed as XML text.

openpyxl writes a cell in about 10 µs (through lxml's incremental writer) and keeps every string
inline, so the findings' Data sheet, a million rows of long question texts at 10,000 returns, took
70-90 s and 500 MB of sheet XML to compress. Here openpyxl still writes everything around the rows:
the other sheets, and for the long sheet its columns, frozen and styled header row, filter and
print setup (``xlsx_print.page_setup``: the page setup, header and footer follow the rows in the
sheet's XML, the print area and titles are names in the workbook's), with the styles its cells use
registered through openpyxl (:meth:`CellFormats.style`) before the workbook is saved.
The rows themselves are made as text as they are written, strings as indexes into the workbook's
shared strings (each distinct text written once), numbers as ``t="n"``, dates as serial numbers,
so Excel, LibreOffice and openpyxl read every cell as openpyxl's own writing gave it.

How (:func:`save_with_streamed_rows`): openpyxl saves the workbook, the long sheet holding only its
header row, into memory (a few KB); that package is copied part by part into the real one, the
long sheet split where its rows end and the rows streamed in there, and the shared strings added
as a part of their own (``xl/sharedStrings.xml``, with its content type and its relationship from
the workbook). The package is written as it is made into ``atomic``'s temporary file, so neither
the rows nor the file are held in memory (what a failure leaves: :class:`_Output`). The workbook test
(``tests/core/test_findings_xlsx_streamed.py``) compares this with openpyxl's own writing.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from itertools import chain
from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.compat import safe_string
from openpyxl.utils.datetime import to_excel

from s11audit.reports.atomic import atomic_output
from s11audit.reports.xlsx import FORMULA_STARTS

WRITE_SIZE = 1 << 20  # characters of rows joined into one write to the zip: fewer calls, a MB or two each
# Level 1 leaves the repetitive sheet XML a quarter larger than the default level 6, in a third of the time.
COMPRESS_LEVEL = 1
STRINGS_PART = "xl/sharedStrings.xml"
_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_STRINGS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# What an XML text node cannot hold as it is: markup, and the carriage return (kept as &#13;, which a
# reader would otherwise turn into a line feed, as lxml writes it); the control characters XML 1.0
# forbids are dropped (Excel cannot hold them either; openpyxl refused the whole workbook for one).
_SPECIAL = re.compile(r"[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """``value`` as the text of an XML element."""
    if _SPECIAL.search(value) is None:
        return value
    value = _ILLEGAL.sub("", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


class CellFormats:
    """The text of a cell after its ``<c r="A2"``: text, numbers and dates, with their style ids.

    Strings become shared strings (:attr:`strings`, in the order first used); each distinct value's
    text is kept, so a value repeated on many rows (a question, a grade) costs one look-up.
    """

    def __init__(self, sheet):
        self.sheet = sheet
        self.epoch = sheet.parent.epoch
        self.quoted = self.style(quote=True)
        self.strings: list[str] = []
        self._texts: dict[str, str] = {"": "/>"}  # an empty cell, as openpyxl writes an empty string
        self._numbers: dict[tuple, str] = {}
        self._dates: dict[tuple, str] = {}

    def style(self, number_format: str = "", quote: bool = False) -> int:
        """The workbook's style id for cells with this number format (or text shown as typed)."""
        cell = WriteOnlyCell(self.sheet)
        if number_format:
            cell.number_format = number_format
        if quote:
            cell.quotePrefix = True
        return cell.style_id

    def text(self, value: str) -> str:
        """Text, never a formula: one starting like a formula (= + - @) is shown as typed."""
        known = self._texts.get(value)
        if known is None:
            style = f' s="{self.quoted}"' if value.startswith(FORMULA_STARTS) else ""
            known = self._texts[value] = f'{style} t="s"><v>{len(self.strings)}</v></c>'
            self.strings.append(value)
        return known

    def number(self, value: float | int, style: int = 0, scale: float = 1) -> str:
        """A number (divided by ``scale``: 100 for a percentage kept as a fraction)."""
        key = (value, style, scale)
        known = self._numbers.get(key)
        if known is None:
            shown = safe_string(value / scale if scale != 1 else value)
            styled = f' s="{style}"' if style else ""
            known = self._numbers[key] = f'{styled} t="n"><v>{shown}</v></c>'
        return known

    def date(self, value, style: int) -> str:
        """A date as Excel's serial number, shown by ``style``'s format."""
        key = (value, style)
        known = self._dates.get(key)
        if known is None:
            known = self._dates[key] = self.number(to_excel(value, self.epoch), style)
        return known

    def shared_strings(self) -> Iterable[str]:
        """The shared strings part, in pieces."""
        yield f'<sst xmlns="{_MAIN}" uniqueCount="{len(self.strings)}">'
        for value in self.strings:
            space = ' xml:space="preserve"' if value != value.strip() else ""
            yield f"<si><t{space}>{xml_text(value)}</t></si>"
        yield "</sst>"


def _chunks(pieces: Iterable[str]) -> Iterable[str]:
    """The pieces joined into about a megabyte at a time."""
    chunk: list[str] = []
    size = 0
    for piece in pieces:
        chunk.append(piece)
        size += len(piece)
        if size >= WRITE_SIZE:
            yield "".join(chunk)
            chunk.clear()
            size = 0
    yield "".join(chunk)


def _write(archive: zipfile.ZipFile, name: str, pieces: Iterable[str]) -> None:
    with archive.open(name, "w", force_zip64=True) as part:
        for piece in pieces:
            part.write(piece.encode("utf-8"))


def _package(small: zipfile.ZipFile, archive: zipfile.ZipFile, sheet_part: str, rows: Iterable[str],
             cells: CellFormats) -> None:
    """Copy ``small`` into ``archive`` with the rows streamed into ``sheet_part``."""
    for info in small.infolist():
        data = small.read(info.filename)
        if info.filename == sheet_part:
            # openpyxl writes a sheet with no XML declaration (so UTF-8, which the rows are written in),
            # other characters than ASCII as references.
            head, end, tail = data.decode("utf-8").partition("</sheetData>")
            if not end or head.startswith("<?xml"):
                raise RuntimeError(f"openpyxl wrote {sheet_part} in a form this writer does not know")
            _write(archive, info.filename, chain([head], _chunks(rows), [end, tail]))
            continue
        if info.filename == "[Content_Types].xml":
            data = _inserted(data, "</Types>", f'<Override PartName="/{STRINGS_PART}" ContentType="{_STRINGS_TYPE}"/>')
        elif info.filename == "xl/_rels/workbook.xml.rels":
            # The next of openpyxl's "rId1", "rId2", ...: the form every reader expects.
            free = 1 + max((int(n) for n in re.findall(r'Id="rId(\d+)"', data.decode("utf-8"))), default=0)
            data = _inserted(data, "</Relationships>",
                             f'<Relationship Type="{_STRINGS_REL}" Target="/{STRINGS_PART}" Id="rId{free}"/>')
        archive.writestr(info, data)
    _write(archive, STRINGS_PART, cells.shared_strings())


def _inserted(data: bytes, before: str, what: str) -> bytes:
    text = data.decode("utf-8")
    if text.count(before) != 1 or STRINGS_PART in text:
        raise RuntimeError(f"openpyxl wrote a package part in a form this writer does not know ({before})")
    return text.replace(before, what + before).encode("utf-8")


class _Output:
    """The file the package is written to. After a failure (a full disk) the package's closing writes
    go nowhere, so the failure is reported once and nothing is left for a finaliser to write later
    (why that matters: ``atomic.save_workbook``); the file itself is removed by ``atomic_output``."""

    def __init__(self, handle):
        self.handle = handle
        self.failed = False

    def write(self, data) -> int:
        if self.failed:
            return len(data)
        try:
            return self.handle.write(data)
        except BaseException:
            self.failed = True
            raise

    def tell(self) -> int:
        return self.handle.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.handle.tell() if self.failed else self.handle.seek(offset, whence)

    def flush(self) -> None:
        if not self.failed:
            self.handle.flush()

    def close(self) -> None:
        """Nothing to do: ``ZipFile`` never closes a file it was given, and the handle's owner closes it."""


def save_with_streamed_rows(workbook, sheet, cells: CellFormats, rows: Iterable[str], out_path: Path | str) -> Path:
    """Save ``workbook`` to ``out_path`` atomically with ``rows`` after ``sheet``'s header row; returns the path.

    ``rows`` are pieces of the sheet's XML, each any number of whole rows numbered from 2, made with
    ``cells``; they are read as the file is compressed and written, so neither they nor the file
    are ever held whole. ``sheet`` is a write-only sheet whose header row has been appended and
    whose columns, panes, filter and print area (over every row) and print setup are set, and
    every style the rows use made with ``cells.style`` already: openpyxl writes the styles before
    the rows are read. Raises ``ReportError`` naming the file if it cannot be written.
    """
    small = io.BytesIO()
    workbook.save(small)
    with zipfile.ZipFile(small) as source, atomic_output(out_path) as temp, open(temp, "wb") as handle:
        output = _Output(handle)
        archive = zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL)
        styles = len(workbook._cell_styles)
        try:
            _package(source, archive, sheet.path.lstrip("/"), rows, cells)
            if len(workbook._cell_styles) != styles:  # a cell would point past the styles written
                raise RuntimeError("a style was made for the streamed rows after the styles were written")
        except BaseException:
            output.failed = True  # the package is abandoned: closing it writes nothing
            archive.close()
            raise
        archive.close()
    return Path(out_path)
