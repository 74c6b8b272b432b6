"""The strict reader of a return's ZIP container: limits and canonical form before anything is inflated.

Returns arrive by email from organisations the business unit does not control, so this reader
trusts nothing in the file. :func:`open_container` reads only the end record, the central
directory and the local headers (a few hundred bytes per member) and checks, in this order:

1. the file's size, that it ends with an end-of-central-directory record with no comment, one disk,
   no ZIP64, and that the central directory ends where that record starts;
2. the member count, then every central directory entry: an allowed name (``return.json``,
   ``standards.json``, ``manifest.json``, ``signature.bin``, ``evidence/<n>-<safe name>``; no
   duplicates), no encryption or other flags, stored or deflated only, each member's declared size
   under its limit and the total under the total limit;
3. that every field is what :func:`s11audit.returns.format.write_zip` writes (version, timestamp,
   attributes, no extra fields or comments), and that every local header repeats its central
   directory entry exactly and the members follow each other from byte 0 with no gap: so no byte of
   the file lies outside the members, and no ZIP reader can see anything other than we check.

Members are then inflated in chunks by :meth:`Container.chunks`, which stops at the declared size
(never trusting it alone: more data is an error, not a bigger buffer) and checks the CRC. Every
problem is a :class:`ContainerError` with a stable ``code`` and a sentence naming the member.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from s11audit.returns.format import (MANIFEST_MEMBER, RETURN_MEMBER, SIGNATURE_MEMBER, STANDARDS_MEMBER,
                                     SUPPLEMENT_MEMBER, ZIP_CREATE_SYSTEM, ZIP_EXTERNAL_ATTR, ZIP_TIMESTAMP,
                                     ZIP_VERSION)
from s11audit.returns.limits import LIMITS, Limits, megabytes

_EOCD = struct.Struct("<4s4H2LH")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_LOCAL = struct.Struct("<4s5H3L2H")
_EOCD_SIG, _CENTRAL_SIG, _LOCAL_SIG = b"PK\x05\x06", b"PK\x01\x02", b"PK\x03\x04"
STORED, DEFLATED = 0, 8
_EVIDENCE_NAME = re.compile(r"evidence/[1-9][0-9]{0,4}-[A-Za-z0-9._-]{1,80}")
_FIXED_NAMES = (RETURN_MEMBER, STANDARDS_MEMBER, MANIFEST_MEMBER, SIGNATURE_MEMBER)
_CHUNK = 1024 * 1024
# What the end record gives for a count, size or offset held in a ZIP64 record instead.
_ZIP64_COUNT, _ZIP64_SIZE = 0xFFFF, 0xFFFFFFFF


def _dos_stamp(stamp: tuple[int, ...]) -> tuple[int, int]:
    year, month, day, hour, minute, second = stamp
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


_DOS_TIME, _DOS_DATE = _dos_stamp(ZIP_TIMESTAMP)
_MADE_BY = (ZIP_CREATE_SYSTEM << 8) | ZIP_VERSION


class ContainerError(Exception):
    """The file is not a return container we accept; ``code`` is the stable reason word."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code, self.reason = code, reason


@dataclass(frozen=True)
class Member:
    name: str
    method: int
    crc: int
    compressed_size: int
    size: int
    data_offset: int


def member_limit(name: str, limits: Limits = LIMITS) -> int:
    """The largest uncompressed size a member of this name may have."""
    return {RETURN_MEMBER: limits.return_json, STANDARDS_MEMBER: limits.standards_json,
            MANIFEST_MEMBER: limits.manifest_json, SIGNATURE_MEMBER: limits.signature,
            SUPPLEMENT_MEMBER: limits.manifest_json}.get(name, limits.evidence_file)


def _name_problem(raw: bytes, fixed: tuple[str, ...] = _FIXED_NAMES) -> str | None:
    try:
        name = raw.decode("ascii")
    except UnicodeDecodeError:
        return "is not a plain ASCII name"
    if name in fixed or _EVIDENCE_NAME.fullmatch(name):
        return None
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name) or ".." in name.split("/") or "\\" in name:
        return "is an absolute path, a drive, a backslash or '..' path"
    if fixed != _FIXED_NAMES:
        return f"is not a member this file may have (only {', '.join(fixed)} and evidence/<n>-<name>)"
    return "is not a member a return may have (only return.json, standards.json, evidence/<n>-<name>, " \
           "manifest.json and signature.bin)"


def _shown_name(raw: bytes) -> str:
    from s11audit.safe_text import shown

    return shown(raw.decode("ascii", "backslashreplace"), 90)


class Container:
    """An opened, structurally checked return file; read members with :meth:`read` or :meth:`chunks`."""

    def __init__(self, path: Path, stream, members: dict[str, Member], limits: Limits):
        self.path, self._stream, self.members, self.limits = path, stream, members, limits

    @property
    def names(self) -> list[str]:
        """Member names in archive order."""
        return list(self.members)

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> Container:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def chunks(self, name: str) -> Iterator[bytes]:
        """The member's uncompressed bytes in chunks; at most its declared size is ever produced."""
        member = self.members[name]
        self._stream.seek(member.data_offset)
        remaining_in, remaining_out, crc = member.compressed_size, member.size, 0
        inflater = zlib.decompressobj(-15) if member.method == DEFLATED else None
        while remaining_in > 0 or (inflater is not None and inflater.unconsumed_tail):
            if inflater is not None and inflater.unconsumed_tail:
                data = inflater.unconsumed_tail
            else:
                data = self._stream.read(min(_CHUNK, remaining_in))
                if not data:
                    raise ContainerError("member-damaged", f"member {name} is cut short (the file ends inside it)")
                remaining_in -= len(data)
            try:
                # One byte more than may remain, so more data than declared is seen, never stored.
                out = inflater.decompress(data, remaining_out + 1) if inflater is not None else data
            except zlib.error as exc:
                raise ContainerError("member-damaged",
                                     f"member {name} is damaged and cannot be inflated ({exc})") from exc
            if len(out) > remaining_out:
                raise ContainerError("member-damaged",
                                     f"member {name} holds more than the {member.size} bytes it declares")
            remaining_out -= len(out)
            crc = zlib.crc32(out, crc)
            if out:
                yield out
        if inflater is not None and (not inflater.eof or inflater.unused_data):
            raise ContainerError("member-damaged", f"member {name} is damaged: its compressed data does not end where "
                                                   "its header says")
        if remaining_out:
            raise ContainerError("member-damaged",
                                 f"member {name} holds fewer bytes than the {member.size} it declares")
        if crc != member.crc:
            raise ContainerError("member-damaged", f"member {name} is damaged: its CRC does not match")

    def read(self, name: str) -> bytes:
        """The member's uncompressed bytes (bounded by its limit, checked when the container was opened)."""
        return b"".join(self.chunks(name))

    def stored(self, name: str) -> bytes:
        """The member's bytes as stored in the file (compressed or not), not checked: see :meth:`chunks`."""
        member = self.members[name]
        self._stream.seek(member.data_offset)
        data = self._stream.read(member.compressed_size)
        if len(data) != member.compressed_size:
            raise ContainerError("member-damaged", f"member {name} is cut short (the file ends inside it)")
        return data


def open_container(path: Path | str, limits: Limits = LIMITS, fixed: tuple[str, ...] = _FIXED_NAMES) -> Container:
    """Open and check a return file's container (module docstring); raises :class:`ContainerError`.

    ``fixed`` are the names other than ``evidence/<n>-<name>`` a member may have (an evidence supplement,
    ``supplement.py``, has its own). ``OSError`` from the file system is left to the caller (it is about the
    disk, not the file's content).
    """
    path = Path(path)
    stream = open(path, "rb")  # noqa: SIM115 - owned by the Container, closed by it
    try:
        members = _check_structure(stream, path.stat().st_size, limits, fixed)
    except BaseException:
        stream.close()
        raise
    return Container(path, stream, members, limits)


def _check_structure(stream, size: int, limits: Limits, fixed: tuple[str, ...] = _FIXED_NAMES) -> dict[str, Member]:
    if size > limits.file:
        raise ContainerError("too-large", f"the file is {megabytes(size)}, more than the {megabytes(limits.file)} "
                                          "a return may be")
    if size < _EOCD.size:
        raise ContainerError("not-a-zip", "not a return: the file is not a ZIP archive (too short)"
                             + (" (it is empty)" if size == 0 else ""))
    stream.seek(size - _EOCD.size)
    signature, disk, cd_disk, count_here, count, cd_size, cd_offset, comment = _EOCD.unpack(stream.read(_EOCD.size))
    if signature != _EOCD_SIG:
        stream.seek(max(0, size - 65_557))
        tail = stream.read()
        if _EOCD_SIG in tail:
            raise ContainerError("not-canonical", "the ZIP archive has a comment or bytes after its end; a return "
                                                  "written by s11audit has neither")
        raise ContainerError("not-a-zip", "not a return: the file is not a ZIP archive")
    if comment:
        raise ContainerError("not-canonical", "the ZIP archive's end record gives a comment; a return written by "
                                              "s11audit has none")
    if disk or cd_disk or count_here != count:
        raise ContainerError("unsupported-zip", "the ZIP archive is split over several disks")
    if count == _ZIP64_COUNT or _ZIP64_SIZE in (cd_size, cd_offset):
        raise ContainerError("unsupported-zip", "the ZIP archive uses ZIP64, which returns never need")
    if count > limits.members:
        raise ContainerError("too-large", f"the return has {count} members, more than the {limits.members} allowed")
    if cd_offset + cd_size != size - _EOCD.size:
        raise ContainerError("not-canonical", "the ZIP archive's central directory is not where its end record says, "
                                              "or there are bytes before or after it")
    stream.seek(cd_offset)
    directory = stream.read(cd_size)
    members = _central_entries(directory, count, limits, fixed)
    _check_local_headers(stream, members, cd_offset)
    return {m.name: m for m in members}


def _central_entries(directory: bytes, count: int, limits: Limits, fixed: tuple[str, ...]) -> list[Member]:
    members: list[Member] = []
    seen: set[str] = set()
    total = 0
    at = 0
    for _ in range(count):
        if at + _CENTRAL.size > len(directory):
            raise ContainerError("not-canonical", "the ZIP archive's central directory is cut short")
        (signature, made_by, needed, flags, method, time, date, crc, compressed, size, name_len, extra_len,
         comment_len, disk, internal, external, offset) = _CENTRAL.unpack_from(directory, at)
        raw = directory[at + _CENTRAL.size: at + _CENTRAL.size + name_len]
        at += _CENTRAL.size + name_len + extra_len + comment_len
        if signature != _CENTRAL_SIG or len(raw) != name_len or at > len(directory):
            raise ContainerError("not-canonical", "the ZIP archive's central directory is damaged")
        problem = _name_problem(raw, fixed)
        if problem:
            raise ContainerError("bad-member-name", f"member {_shown_name(raw)} {problem}")
        name = raw.decode("ascii")
        if name in seen:
            raise ContainerError("duplicate-member", f"member {name} appears more than once")
        seen.add(name)
        _check_entry(name, flags, method, compressed, size, limits)
        if (made_by, needed, time, date, extra_len, comment_len, disk, internal, external) != (
                _MADE_BY, ZIP_VERSION, _DOS_TIME, _DOS_DATE, 0, 0, 0, 0, ZIP_EXTERNAL_ATTR):
            raise ContainerError("not-canonical", f"member {name}'s ZIP header is not one s11audit writes (version, "
                                                  "time, attributes, extra field or comment changed)")
        total += size
        if total > limits.total:
            raise ContainerError("too-large", f"the return's members add up to more than the {megabytes(limits.total)} "
                                              "allowed")
        members.append(Member(name, method, crc, compressed, size, offset))
    if at != len(directory):
        raise ContainerError("not-canonical", "the ZIP archive's central directory has bytes after its last entry")
    return members


def _check_entry(name: str, flags: int, method: int, compressed: int, size: int, limits: Limits) -> None:
    if flags & 0x41:
        raise ContainerError("unsupported-zip", f"member {name} is encrypted; returns are never encrypted")
    if flags:
        raise ContainerError("unsupported-zip", f"member {name} has ZIP flags set ({flags:#06x}) that s11audit never "
                                                "writes (data descriptor, patched data or other options)")
    if method not in (STORED, DEFLATED):
        raise ContainerError("unsupported-zip", f"member {name} uses compression method {method}; returns are only "
                                                "stored or deflated")
    limit = member_limit(name, limits)
    if size > limit:
        raise ContainerError("too-large", f"member {name} is {megabytes(size)} uncompressed, more than the "
                                          f"{megabytes(limit)} allowed for it")
    # Deflate never grows data by more than a few bytes per 16 KB block; stored data is its own size.
    if (method == STORED and compressed != size) or compressed > size + size // 1000 + 1024:
        raise ContainerError("not-canonical", f"member {name}'s compressed size does not fit its size")


def _check_local_headers(stream, members: list[Member], cd_offset: int) -> None:
    """Each local header must repeat its central entry, and members must follow each other from byte 0."""
    expected = 0
    for index, member in enumerate(members):
        if member.data_offset != expected:
            raise ContainerError("not-canonical", f"member {member.name} does not start where the member before it "
                                                  "ends: the file has bytes outside its members")
        stream.seek(member.data_offset)
        header = stream.read(_LOCAL.size + len(member.name))
        if len(header) < _LOCAL.size:
            raise ContainerError("not-canonical", f"member {member.name}'s local header is cut short")
        fields = _LOCAL.unpack_from(header)
        wanted = (_LOCAL_SIG, ZIP_VERSION, 0, member.method, _DOS_TIME, _DOS_DATE, member.crc,
                  member.compressed_size, member.size, len(member.name), 0)
        if fields != wanted or header[_LOCAL.size:] != member.name.encode("ascii"):
            raise ContainerError("not-canonical", f"member {member.name}'s local header does not agree with the "
                                                  "central directory (the file was changed after it was written)")
        data_start = member.data_offset + _LOCAL.size + len(member.name)
        members[index] = Member(member.name, member.method, member.crc, member.compressed_size, member.size, data_start)
        expected = data_start + member.compressed_size
    if expected != cd_offset:
        raise ContainerError("not-canonical", "the file has bytes between its last member and its central directory")
