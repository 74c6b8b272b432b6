"""The quick schema check says "valid" only for what both full validators accept (schema.problem is unchanged).

``schema._quick`` answers for a valid return in a fraction of fastjsonschema's time; when it is not sure,
the two validators decide and word the reason as before. Here every field of a real return (and of its
manifest) is changed in many ways and the quick check must never pass a value fastjsonschema refuses.
"""

from __future__ import annotations

import random

import pytest

from benchmarks.make_returns import Organisation, write_one
from s11audit.returns import schema
from s11audit.returns.format import MANIFEST_MEMBER, RETURN_MEMBER
from s11audit.returns.verify import read_return
from tests.json_mutations import changed, places

SCHOOL = Organisation("St Aidan's CE Primary School", "URN 124578", "Education", "primary", "Helen Morris",
                      "dsl@staidans.example.sch.uk")
REPLACEMENTS = [None, "", "x", "x" * 65, "x" * 201, "x" * 1001, "2027-02-30", "2027-02-19T25:00:00", "a" * 64,
                "A" * 64, "a" * 64 + "\n", 0, -1, 1, 1.5, 2.0, 10**7, 10**10, True, False, [], [1], ["a"] * 51, {},
                {"a": 1}, "Ed25519", "signature.bin"]


def mutations(value, rnd: random.Random):
    for path, found in places(value):
        if not path:
            continue
        for new in rnd.sample(REPLACEMENTS, 5):
            yield changed(value, path, new)
        if isinstance(path[-1], str):
            yield changed(value, path, delete=True)
        if isinstance(found, dict):
            yield changed(value, (*path, "unknown_key"), rnd.choice(REPLACEMENTS))


def accepted_by_fastjsonschema(member: str, value) -> bool:
    try:
        schema._fast(member)(value)
    except schema.fastjsonschema.JsonSchemaException:
        return False
    return True


@pytest.mark.parametrize("member", [RETURN_MEMBER, MANIFEST_MEMBER])
def test_the_quick_check_passes_a_real_return_and_only_what_the_validators_accept(tmp_path, s175_set, member):
    signed = read_return(write_one(tmp_path, s175_set, SCHOOL, with_evidence=True))
    value = signed.content if member == RETURN_MEMBER else signed.manifest
    quick = schema._quick(member)
    assert quick is not None and quick(value)
    rnd = random.Random(member)
    passed = refused = 0
    for mutated in mutations(value, rnd):
        if quick(mutated):
            passed += 1
            assert accepted_by_fastjsonschema(member, mutated), mutated
            if passed % 40 == 0:  # the slower validator too, on a sample
                assert next(schema._validator(member).iter_errors(mutated), None) is None
        else:
            refused += 1
    assert passed >= 5 and refused >= 20  # both answers were exercised


def test_what_the_quick_check_refuses_is_worded_by_the_validators_as_before(tmp_path, s175_set):
    content = read_return(write_one(tmp_path, s175_set, SCHOOL)).content
    content = changed(content, ("organisation", "reference"), ["URN 1"])
    assert schema.problem(RETURN_MEMBER, content) == "return.json: organisation.reference must be text, not a list"
    content = changed(content, ("organisation", "reference"), "URN 1")
    content = changed(content, ("action_plan", 0, "due_date"), "2027-02-30")
    assert schema.problem(RETURN_MEMBER, content) == ("return.json: action_plan[0].due_date is 2027-02-30, which is "
                                                      "not a date (YYYY-MM-DD)")
