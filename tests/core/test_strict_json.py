"""The strict JSON reader's nesting check (measured on the bytes) and the import's memory of standards.json.

``strict_json._depth`` reads the depth from the text instead of walking the parsed value; these tests hold it
to the walk on documents whose strings are full of brackets, quotes and backslashes. ``verify.Digests``
spares inflating the same ``standards.json`` again; a changed one must still be refused.
"""

from __future__ import annotations

import json
import random
import shutil

import pytest

from benchmarks.make_returns import Organisation, write_one
from s11audit.returns import verify
from s11audit.returns.container import open_container
from s11audit.returns.format import STANDARDS_MEMBER
from s11audit.returns.limits import Limits
from s11audit.returns.strict_json import JsonProblem, _depth, parse

SCHOOL = Organisation("St Aidan's CE Primary School", "URN 124578", "Education", "primary", "", "")


def walked_depth(value: object) -> int:
    """The nesting depth by walking the value (what ``_depth`` must agree with)."""
    if isinstance(value, dict):
        return 1 + max((walked_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((walked_depth(v) for v in value), default=0)
    return 0


def random_value(rnd: random.Random, level: int = 0) -> object:
    def text() -> str:
        return "".join(rnd.choice('[]{}"\\:,ab /\u00e9\u2028\n') for _ in range(rnd.randint(0, 6)))

    roll = rnd.random()
    if level > 12 or roll < 0.3 + level * 0.05:
        return rnd.choice([text(), 1, -2.5, None, True, False])
    if roll < 0.7:
        return [random_value(rnd, level + 1) for _ in range(rnd.randint(0, 3))]
    return {text(): random_value(rnd, level + 1) for _ in range(rnd.randint(0, 3))}


def test_depth_from_the_bytes_agrees_with_walking_the_value():
    rnd = random.Random(12)
    for _ in range(1500):
        value = random_value(rnd)
        data = json.dumps(value, ensure_ascii=rnd.random() < 0.5, indent=rnd.choice([None, 2])).encode("utf-8")
        for limit in (2, 4, 32):
            assert _depth(data, limit) == min(walked_depth(value), limit + 1), data


@pytest.mark.parametrize("text, depth", [
    ('"[[[["', 0),
    ('{"a": "[[[[\\"[[[", "b": "\\\\", "c": ["]]]"]}', 2),
    ('[[], {}, [[{}]]]', 4),
    ('{"\\\\\\"[": [{"x": "\\\\\\\\"}]}', 3),
    ('["\\"", ["\\\\"], [["{\\"}"]]]', 3),
])
def test_brackets_quotes_and_backslashes_inside_strings_are_text(text, depth):
    assert walked_depth(json.loads(text)) == depth
    assert _depth(text.encode("utf-8"), 32) == depth


def test_nesting_at_the_limit_is_read_and_one_more_level_is_refused():
    limits = Limits(json_depth=5)
    assert parse(b'{"a": [[{"b": ["[[[[[[["]}]]}', "return.json", limits) == {"a": [[{"b": ["[[[[[[["]}]]}
    with pytest.raises(JsonProblem, match=r"return\.json is nested more than 5 levels deep"):
        parse(b'{"a": [[{"b": [[]]}]]}', "return.json", limits)
    with pytest.raises(JsonProblem, match="gives the key a twice in one object"):  # a duplicate is still found first
        parse(b'{"a": [[{"b": [[]]}]], "a": 1}', "return.json", limits)


def test_standards_json_seen_before_is_not_inflated_again_and_a_changed_one_is_refused(tmp_path, s175_set,
                                                                                         monkeypatch):
    first = write_one(tmp_path, s175_set, SCHOOL)
    second = write_one(tmp_path, s175_set, Organisation("Oak Lane Academy", "URN 100002", "Education", "primary",
                                                        "", ""))
    inflated: list[str] = []
    real = verify._sha256
    monkeypatch.setattr(verify, "_sha256", lambda container, name: inflated.append(name) or real(container, name))
    digests = verify.Digests()
    assert verify.verify_and_read(first, digests=digests)[0].valid
    assert verify.verify_and_read(second, digests=digests)[0].valid
    assert inflated.count(STANDARDS_MEMBER) == 1

    # The same file with one byte of the stored standards.json changed: refused, memory or not.
    with open_container(first) as container:
        member = container.members[STANDARDS_MEMBER]
    changed = tmp_path / "changed.s11return"
    shutil.copyfile(first, changed)
    data = bytearray(changed.read_bytes())
    data[member.data_offset + member.compressed_size // 2] ^= 0x55
    changed.write_bytes(bytes(data))
    verification, signed = verify.verify_and_read(changed, digests=digests)
    assert signed is None and verification.code in ("member-damaged", "member-changed")
    assert verify.verify_and_read(first, digests=digests)[0].valid  # what it remembers is the good one
