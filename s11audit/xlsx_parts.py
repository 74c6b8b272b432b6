"""The ZIP parts of an .xlsx from outside, checked before openpyxl inflates any of them.

An .xlsx is a ZIP of XML parts. A workbook from outside (a register, a standards set written in
Excel) could be a ZIP bomb, an encrypted or old-format file, or not a workbook at all; each reader
calls :func:`part_problem` on the file's bytes first and refuses the file with the sentence it
returns. Used by ``business_unit/register.py`` and ``standards/workbook_read.py``.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from s11audit.safe_text import shown

MB = 1024 * 1024
# The old .xls format, and how Excel stores a password-protected .xlsx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass(frozen=True)
class PartLimits:
    """How big a workbook's parts may be (readers with their own limits pass objects with these fields)."""

    # Excel writes about a dozen members; a workbook of a few sheets never has a thousand.
    members: int = 1_000
    uncompressed_bytes: int = 100 * MB
    # Deflate packs XML 5 to 20 times; packing more than 100 times is a ZIP bomb (zeros or repeated
    # text), checked from 1 MB up so tiny parts never trip it.
    ratio: int = 100
    ratio_from_bytes: int = 1 * MB


def megabytes(size: int) -> str:
    return f"{size / MB:,.1f} MB"


def part_problem(data: bytes, limits: PartLimits, what: str) -> str | None:
    """Why the workbook in ``data`` must not be opened (one sentence), or None when its parts are fine.

    ``what`` names the kind of file in the sentence ("a register"). The sizes checked are the ones
    the ZIP declares; ``zipfile`` never inflates a member past its declared size (it stops there and
    the CRC check fails), so a lying size cannot get round this.
    """
    if data.startswith(OLE_MAGIC):
        return ("cannot be read: it is password-protected or an old Excel (.xls) file. Save it from Excel as an "
                "unprotected .xlsx" + (" or as 'CSV UTF-8'." if what == "a register" else "."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception as exc:  # noqa: BLE001 - BadZipFile, and struct or value errors from a mangled directory
        return f"cannot be read as an Excel workbook: it is not one, or it is damaged ({shown(exc)})."
    if len(members) > limits.members:
        return f"holds {len(members):,} parts, more than a workbook has ({limits.members:,})."
    for member in members:
        problem = _member_problem(member, limits)
        if problem:
            return problem
    total = sum(m.file_size for m in members)
    if total > limits.uncompressed_bytes:
        return (f"would unpack to {megabytes(total)}, more than {what} can be "
                f"({megabytes(limits.uncompressed_bytes)}).")
    return None


def _member_problem(member: zipfile.ZipInfo, limits: PartLimits) -> str | None:
    name = shown(member.filename, 80)
    if member.flag_bits & 0x1:
        return f"cannot be read: its part {name} is encrypted."
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return f"cannot be read: its part {name} is packed in a way Excel never uses."
    if member.file_size > limits.uncompressed_bytes:
        return f"cannot be read: its part {name} would unpack to {megabytes(member.file_size)}."
    if member.file_size >= limits.ratio_from_bytes and member.file_size > limits.ratio * max(member.compress_size, 1):
        return f"cannot be read: its part {name} is packed more than {limits.ratio} times (a ZIP bomb, not a workbook)."
    return None
