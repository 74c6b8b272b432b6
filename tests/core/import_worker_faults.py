"""A stand-in for ``import_workers._examine`` that tests give the worker processes (by reference, so it
is imported there): a file whose name contains ``explode`` makes the worker's examining fail as a fault
in s11audit would; any other file is examined as usual. Kept light: a worker imports only this module."""

from __future__ import annotations

from s11audit.business_unit import import_workers

_real_examine = import_workers._examine


def examine(path: str) -> tuple:
    if "explode" not in path:
        return _real_examine(path)
    kept, import_workers._worker = import_workers._worker, None  # the real _examine now raises a TypeError
    try:
        return _real_examine(path)
    finally:
        import_workers._worker = kept
