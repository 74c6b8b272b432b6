"""Seeded mutations of a valid signed return: what a fuzzer, a damaged disk or a hostile sender makes.

Used by the fuzz test (``tests/core/test_returns_fuzz.py``, a few hundred cases) and by
``benchmarks/fuzz_returns.py`` (10,000). Every case is made from one valid return by one of:

- ``byte``: one to three bytes anywhere in the file changed;
- ``header``: one byte changed inside a ZIP header (local headers, central directory, end record);
- ``cut`` / ``append`` / ``prepend``: the file truncated, or bytes added at either end;
- ``member``: a ZIP-level edit written with ``zipfile``: a member dropped, duplicated, renamed,
  added, reordered, recompressed at another level, or its header fields changed;
- ``resigned``: ``return.json`` or ``manifest.json`` edited (a value replaced by text, a huge or odd
  number, a list, an object, deep nesting, a path outside ``evidence/``...) and the return signed
  again with the organisation's key or a stranger's, as anyone holding a key could.

``unsigned_change`` tells whether a case was signed again: a return that was *not* signed again
and still verifies must carry exactly the original content.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from s11audit.returns.format import (MANIFEST_MEMBER, RETURN_MEMBER, SIGNATURE_MEMBER, build_manifest, json_bytes,
                                     write_return, write_zip)
from s11audit.returns.keys import generate_private_key, public_key_of, signer

KINDS = ("byte", "header", "cut", "append", "prepend", "member", "resigned")
OWN_KEY_SHARE = 0.5  # of re-signed returns signed by the organisation's own key (the rest by a stranger's)
DELETE_SHARE = 0.15  # of JSON edits inside an object that delete the member rather than change its value


@dataclass(frozen=True)
class Case:
    index: int
    kind: str
    detail: str
    data: bytes

    @property
    def unsigned_change(self) -> bool:
        return self.kind != "resigned"


def base_return(out_dir: Path, standards_set, seed: int = 2026) -> tuple[Path, bytes]:
    """A valid return with a deflated text evidence file and a stored binary one; returns it and its key."""
    from benchmarks.make_returns import Organisation, private_key, return_content

    organisation = Organisation("St Aidan's CE Primary School", "URN 124578", "Education", "primary", "Helen Morris",
                                "dsl@staidans.example.sch.uk")
    content, files = return_content(standards_set, organisation, random.Random(seed), with_evidence=True)
    binary_id = max(int(e["id"]) for e in content["evidence"]) + 1
    content["evidence"].append({"id": binary_id, "name": "Photo of the noticeboard", "original_name": "board.jpg",
                                "description": "", "media_type": "image/jpeg", "added_by": "DSL",
                                "added_at": "2026-10-01T09:00:00",
                                "links": [{"standard_id": standards_set.standards[0].id, "item_id": None}]})
    files.append((str(binary_id), random.Random(seed).randbytes(3000)))
    key = private_key(organisation.reference, seed)
    path = write_return(out_dir / "original.s11return", content, files, standards_set.content, public_key_of(key),
                        signer(key))
    return path, key


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _header_offsets(data: bytes) -> list[tuple[int, int]]:
    """(start, length) of every local header, central directory entry and the end record."""
    spans = []
    at = 0
    while (at := data.find(b"PK", at)) >= 0:
        signature = data[at:at + 4]
        if signature == b"PK\x03\x04" and at + 30 <= len(data):
            name_len, extra_len = struct.unpack_from("<2H", data, at + 26)
            spans.append((at, 30 + name_len + extra_len))
        elif signature == b"PK\x01\x02" and at + 46 <= len(data):
            name_len, extra_len, comment_len = struct.unpack_from("<3H", data, at + 28)
            spans.append((at, 46 + name_len + extra_len + comment_len))
        elif signature == b"PK\x05\x06":
            spans.append((at, 22))
        at += 2
    return spans


class Mutator:
    """Makes case ``i`` of a seeded series from one original return."""

    def __init__(self, original: bytes, key: bytes, seed: int = 1):
        self.original, self.key, self.seed = original, key, seed
        self.members = _members(original)
        self.spans = _header_offsets(original)
        self.stranger = generate_private_key()

    def case(self, index: int) -> Case:
        rng = random.Random(self.seed * 1_000_003 + index)
        kind = KINDS[index % len(KINDS)]
        detail, data = getattr(self, f"_{kind}")(rng)
        return Case(index, kind, detail, data)

    def _byte(self, rng: random.Random) -> tuple[str, bytes]:
        data = bytearray(self.original)
        places = [rng.randrange(len(data)) for _ in range(rng.randint(1, 3))]
        for place in places:
            data[place] = (data[place] + rng.randint(1, 255)) % 256
        return f"bytes changed at {places}", bytes(data)

    def _header(self, rng: random.Random) -> tuple[str, bytes]:
        start, length = rng.choice(self.spans)
        place = start + rng.randrange(length)
        data = bytearray(self.original)
        value = rng.choice([0, 1, 0x08, 0x20, 0x41, 0xFF, (data[place] + rng.randint(1, 255)) % 256])
        data[place] = value if value != data[place] else (value + 1) % 256
        return f"header byte at {place} set to {data[place]}", bytes(data)

    def _cut(self, rng: random.Random) -> tuple[str, bytes]:
        size = rng.randrange(len(self.original))
        return f"cut to {size} bytes", self.original[:size]

    def _append(self, rng: random.Random) -> tuple[str, bytes]:
        extra = rng.choice([b"\0", os.urandom(rng.randint(1, 64)), b"PK\x05\x06" + bytes(18), self.original[-22:]])
        return f"{len(extra)} bytes appended", self.original + extra

    def _prepend(self, rng: random.Random) -> tuple[str, bytes]:
        extra = rng.choice([b"MZ" + bytes(62), os.urandom(rng.randint(1, 64)), self.original[:30]])
        return f"{len(extra)} bytes prepended", extra + self.original

    def _member(self, rng: random.Random) -> tuple[str, bytes]:
        members = [(zipfile.ZipInfo(i.filename, i.date_time), d, i) for i, d in self.members]
        for new, _, old in members:
            new.compress_type, new.external_attr, new.create_system = old.compress_type, old.external_attr, 3
        choice = rng.randrange(9)
        match choice:
            case 0:
                members.pop(rng.randrange(len(members)))
            case 1:
                members.insert(rng.randrange(len(members)), rng.choice(members))
            case 2:
                info, data, old = members.pop(rng.randrange(len(members)))
                name = rng.choice(["../evil.txt", "/etc/passwd", "C:/x.txt", "evidence\\1-a.txt", "evidence/../x",
                                   "other.json", "évidence/1-x", "evidence/", "return.json"])
                renamed = zipfile.ZipInfo(name, info.date_time)
                renamed.compress_type = info.compress_type
                members.insert(rng.randrange(len(members) + 1), (renamed, data, old))
            case 3:
                added = zipfile.ZipInfo(rng.choice(["evidence/99-extra.txt", "notes.txt", "evidence/1-a.txt"]))
                members.insert(rng.randrange(len(members) + 1), (added, b"added after signing", None))
            case 4:
                rng.shuffle(members)
            case 5:
                for info, _, _ in members:
                    info.compress_type = rng.choice([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2,
                                                     zipfile.ZIP_LZMA])
            case 6:
                info = rng.choice(members)[0]
                info.date_time = (2026, 11, 30, 12, 0, 0)
            case 7:
                info = rng.choice(members)[0]
                info.comment = b"comment"
                info.extra = struct.pack("<HH", 0xCAFE, 4) + b"abcd"
            case _:
                info = rng.choice(members)[0]
                info.external_attr = (0o120777 << 16)  # a symbolic link
        out = io.BytesIO()
        level = rng.choice([1, 6, 9])
        with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as archive:
            warnings.simplefilter("ignore")  # duplicate names are one of the edits
            for info, data, _ in members:
                archive.writestr(info, data, compresslevel=level)
        return f"ZIP member edit {choice} (level {level})", out.getvalue()

    def _resigned(self, rng: random.Random) -> tuple[str, bytes]:
        members = {info.filename: data for info, data in self.members}
        target = rng.choice([RETURN_MEMBER, RETURN_MEMBER, RETURN_MEMBER, MANIFEST_MEMBER])
        key = self.key if rng.random() < OWN_KEY_SHARE else self.stranger
        if target == RETURN_MEMBER:
            text, detail = _edit_json(members[RETURN_MEMBER].decode("utf-8"), rng)
            members[RETURN_MEMBER] = text.encode("utf-8", "surrogatepass")
            ordered = [(name, data) for name, data in members.items()
                       if name not in (MANIFEST_MEMBER, SIGNATURE_MEMBER)]
            manifest = json_bytes(build_manifest(ordered, public_key_of(key)))
        else:
            ordered = [(name, data) for name, data in members.items()
                       if name not in (MANIFEST_MEMBER, SIGNATURE_MEMBER)]
            text, detail = _edit_json(json_bytes(build_manifest(ordered, public_key_of(key))).decode("utf-8"), rng)
            manifest = text.encode("utf-8", "surrogatepass")
        out = io.BytesIO()
        write_zip(out, [*ordered, (MANIFEST_MEMBER, manifest), (SIGNATURE_MEMBER, signer(key)(manifest))])
        return f"{target} re-signed ({'own' if key is self.key else 'stranger'} key): {detail}", out.getvalue()


_ODD_VALUES = ['"text"', '""', "0", "-1", "1e999", "-1e999", "NaN", "Infinity", "1" * 5000, "1" * 25, "3.5", "true",
               "null", "[]", "{}", '["a", "b"]', '{"name": "x"}', "[" * 5000 + "]" * 5000, '"' + "x" * 600_000 + '"',
               '"../../etc/passwd"', '"/abs/path"', '"evidence/1-a.txt"', '"\\ud800"', '"line\\nschool: valid"',
               '"2027-02-30"', '"\\u202egnp.exe"', '{"a": 1, "a": 2}']


def _edit_json(text: str, rng: random.Random) -> tuple[str, str]:
    """Replace one value in a JSON text with an odd one, keeping the rest byte for byte."""
    value = json.loads(text)
    paths: list[tuple] = []
    stack: list[tuple[object, tuple]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        paths.append(path)
        if isinstance(node, dict):
            stack.extend((child, (*path, key)) for key, child in node.items())
        elif isinstance(node, list):
            stack.extend((child, (*path, index)) for index, child in enumerate(node))
    path = rng.choice(paths[1:] or paths)
    odd = rng.choice(_ODD_VALUES)
    marker = "\u0000ODD\u0000"
    parent = value
    for step in path[:-1]:
        parent = parent[step]
    if rng.random() < DELETE_SHARE and isinstance(parent, dict):
        del parent[path[-1]]
        return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n", f"deleted {path}"
    parent[path[-1]] = marker
    edited = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return edited.replace(json.dumps(marker), odd, 1), f"{path} = {odd[:40]}"
