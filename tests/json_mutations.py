"""Places in a JSON value and copies of it with one place changed: the seeded mutations the quick-check
tests feed to both validators (returns in tests/core/test_schema_quick.py, standards sets in
tests/core/test_standards_quick_check.py)."""

from __future__ import annotations

import copy


def places(value, path=()):
    """Every (path, value) inside a JSON value; the first two entries of each list are enough."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:2]):
            yield from places(item, (*path, index))


def changed(value, path, new=None, delete=False):
    """A deep copy of ``value`` with the place at ``path`` set to ``new`` (or deleted)."""
    value = copy.deepcopy(value)
    parent = value
    for step in path[:-1]:
        parent = parent[step]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return value
