"""The rule that proposes challenge groups for a peer audit day (``business_unit/peer_groups.py``)."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest

from s11audit.business_unit.peer_groups import group_sizes, propose_groups


def _register(**sectors: int) -> list[tuple[str, str]]:
    return [(f"{sector}-{n}", sector) for sector, count in sectors.items() for n in range(count)]


def _check(participants, size, groups):
    """Every agency once; sizes as the rule says; each sector spread as the rule says."""
    ids = [i for i, _ in participants]
    assert sorted(i for g in groups for i in g) == sorted(ids)
    assert [len(g) for g in groups] == group_sizes(len(ids), size)
    assert max(map(len, groups)) - min(map(len, groups)) <= 1
    sector_of = dict(participants)
    totals = Counter(sector_of.values())
    for group in groups:
        for sector, count in Counter(sector_of[i] for i in group).items():
            if count > 1:  # two of a sector only when that sector has more members than there are groups
                assert totals[sector] > len(groups), (sector, group)
            assert count <= math.ceil(totals[sector] / len(groups))


def test_sizes_differ_by_at_most_one_and_the_last_groups_take_the_remainder():
    assert group_sizes(10, 4) == [4, 3, 3]
    assert group_sizes(12, 4) == [4, 4, 4]
    assert group_sizes(13, 4) == [4, 3, 3, 3]
    assert group_sizes(3, 5) == [3]
    assert group_sizes(0, 4) == []
    with pytest.raises(ValueError):
        group_sizes(4, 0)


def test_mixed_register_gives_no_two_of_a_sector_together():
    participants = _register(health=3, police=3, education=3, council=3)
    groups = propose_groups(participants, 4)
    _check(participants, 4, groups)
    for group in groups:
        assert len({sector for i, sector in participants if i in group}) == len(group)


def test_one_dominant_sector_is_spread_evenly_and_the_others_never_doubled():
    participants = _register(health=9, police=2, council=1, voluntary=1)  # 13 agencies, groups of 4 → 4 groups
    groups = propose_groups(participants, 4)
    _check(participants, 4, groups)
    health = [sum(1 for i in g if i.startswith("health")) for g in groups]
    assert sorted(health) == [2, 2, 2, 3]
    # Hand-worked: health 0-8, then police 0-1, then council, voluntary, dealt to groups 0,1,2,3,0,1,...
    assert groups == [["health-0", "health-4", "health-8", "voluntary-0"],
                      ["health-1", "health-5", "police-0"],
                      ["health-2", "health-6", "police-1"],
                      ["health-3", "health-7", "council-0"]]


def test_all_one_sector_cannot_mix_but_sizes_still_hold():
    participants = _register(education=11)
    groups = propose_groups(participants, 3)
    _check(participants, 3, groups)
    assert [len(g) for g in groups] == [3, 3, 3, 2]


def test_sizes_not_dividing_evenly_with_skewed_sectors():
    participants = _register(health=5, police=4, education=2, probation=1, voluntary=1)
    for size in (2, 3, 4, 5, 6, 13, 20):
        _check(participants, size, propose_groups(participants, size))


def test_same_input_same_groups_and_sector_spelling_does_not_matter():
    participants = [(1, "Health"), (2, "health "), (3, "Police"), (4, "HEALTH"), (5, "police")]
    first = propose_groups(participants, 3)
    assert first == propose_groups(list(participants), 3)
    assert first == [[1, 4, 5], [2, 3]]


def test_random_registers_always_follow_the_rule():
    rng = random.Random(2018)
    for _ in range(200):
        sectors = [f"s{k}" for k in range(rng.randint(1, 6))]
        participants = [(n, rng.choice(sectors)) for n in range(rng.randint(1, 40))]
        size = rng.randint(1, 8)
        _check(participants, size, propose_groups(participants, size))


def test_nobody_gives_no_groups():
    assert propose_groups([], 4) == []
