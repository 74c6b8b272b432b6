"""Fuzzing the standards-set loader with damaged copies of the shipped sets; prints figures.

    python benchmarks/fuzz_standards.py [N] [SEED] [--pure-python]    (N cases, default 10,000; SEED 1)

``--pure-python`` reads YAML with PyYAML's own parser instead of libyaml's (the app's fallback).

Each case takes one shipped set (``standards/*.yaml``), applies one to three random mutations to its
bytes (deleted keys, wrong types, huge texts, alias bombs, tabs, invalid UTF-8, flipped bits,
truncation, duplicated blocks, deep nesting, huge numbers, .inf/.nan, control characters, byte
order marks, several documents, YAML tags, keys that are lists, huge lists), writes it to a file and
loads it with ``load_file`` (with the shipped sets as bases, so ``based_on`` is resolved) and
``load_many``. Outcomes:

- ``loaded``: still a valid set (a harmless mutation, e.g. a flipped bit in a comment);
- ``refused``: a StandardsError, as a damaged file must give;
- ``fault``: a StandardsError that says s11audit itself failed (an exception the loader did not expect);
- ``crash``: any other exception from ``load_file``, or any exception from ``load_many``;
- ``long message``: a problem over 300 characters, or more than 51 lines (the first 50 problems
  and a count of the rest): every message must stay short.

The run fails (exit code 1) on any fault, crash or long message, or a case slower than 2 s. The
tests (``tests/core/test_standards_hostile.py``) run the same cases, fewer of them.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Callable

os.environ.setdefault("S11AUDIT_HOME", tempfile.mkdtemp(prefix="s11fuzz-home-"))

from s11audit.standards import StandardsError, StandardsSet, discover, load_file
from s11audit.standards.loader import load_many
from s11audit.standards.source import MAX_PROBLEMS

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted((ROOT / "standards").glob("*.yaml"))
SLOW_SECONDS = 2.0
LONG_PROBLEM = 300
FAULT = "fault in s11audit"
TOP_LEVEL_BOMB_SHARE = 0.5  # of alias bombs written as unknown top-level keys (the rest as a real key's value)
LEADING_TAB_SHARE = 0.7  # of inserted tabs that replace a line's indentation (the rest go anywhere in the line)
FLOW_NESTING_SHARE = 0.5  # of deep nestings written as flow lists (the rest as block mappings)

# --- mutations: each takes the file's bytes and a random source and returns new bytes --------------

Mutation = Callable[[bytes, random.Random], bytes]

WRONG_VALUES = [b"[1, 2]", b"{a: b}", b"42", b"-7", b"true", b"null", b"~", b"3.5", b"2026-01-01", b'""', b"''",
                b"[]", b"{}", b"[[[]]]", b"- x", b"0x1F", b"1_000", b"1:30:00", b"yes", b"'x'", b'"\\u0000"']


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _key_lines(lines: list[bytes]) -> list[int]:
    """Lines of the form ``key: value`` (perhaps under a list dash)."""
    return [n for n, line in enumerate(lines) if b": " in line and not line.lstrip().startswith(b"#")]


def _replace_value(data: bytes, rng: random.Random, value: bytes) -> bytes:
    lines = _lines(data)
    candidates = _key_lines(lines) or [0]
    n = rng.choice(candidates)
    head = lines[n].split(b": ", 1)[0] if b": " in lines[n] else lines[n]
    lines[n] = head + b": " + value
    return b"\n".join(lines)


def delete_key(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    candidates = [n for n, line in enumerate(lines) if line.rstrip().endswith(b":") or b": " in line]
    if not candidates:
        return data
    n = rng.choice(candidates)
    indent = len(lines[n]) - len(lines[n].lstrip(b" -"))
    end = n + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(b" ")) > indent):
        end += 1
    return b"\n".join(lines[:n] + lines[end:])


def wrong_type(data: bytes, rng: random.Random) -> bytes:
    return _replace_value(data, rng, rng.choice(WRONG_VALUES))


def huge_string(data: bytes, rng: random.Random) -> bytes:
    size = rng.choice([501, 2_001, 20_001, 100_001, 2_200_000])
    return _replace_value(data, rng, b'"' + rng.choice([b"x", b"\xc3\xa9", b"ab "]) * size + b'"')


def alias_bomb(data: bytes, rng: random.Random) -> bytes:
    levels, width = rng.choice([(2, 3), (9, 10), (12, 12)])
    bomb = [b'lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    bomb += [b"lol%d: &l%d [" % (i, i) + b", ".join([b"*l%d" % (i - 1)] * width) + b"]" for i in range(1, levels)]
    if rng.random() < TOP_LEVEL_BOMB_SHARE:
        return b"\n".join(bomb) + b"\n" + data  # as unknown top-level keys
    lines = _lines(data)  # or as the value of a real key, anchored on the first line
    return _replace_value(b"\n".join(bomb) + b"\n" + b"\n".join(lines), rng, b"*l%d" % (levels - 1))


def insert_tab(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    n = rng.randrange(len(lines))
    if rng.random() < LEADING_TAB_SHARE:
        lines[n] = b"\t" + lines[n].lstrip(b" ")
    else:
        at = rng.randrange(len(lines[n]) + 1)
        lines[n] = lines[n][:at] + b"\t" + lines[n][at:]
    return b"\n".join(lines)


def invalid_utf8(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    bad = rng.choice([b"\xff", b"\xfe", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80",
                      b"\xf8\x88\x80\x80"])
    return data[:at] + bad + data[at:]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(out))
        out[at] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def duplicate_block(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    start = rng.randrange(len(lines))
    block = lines[start: start + rng.randint(1, 60)]
    at = rng.choice([start + len(block), rng.randrange(len(lines) + 1)])
    return b"\n".join(lines[:at] + block + lines[at:])


def deep_nesting(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([15, 25, 1_000, 200_000])
    if rng.random() < FLOW_NESTING_SHARE:
        return _replace_value(data, rng, b"[" * depth + b"]" * depth)
    nested = b"".join(b"  " * i + b"k%d:\n" % i for i in range(min(depth, 5_000))) + b"  " * min(depth, 5_000) + b"v"
    return data + b"\n" + nested


def huge_number(data: bytes, rng: random.Random) -> bytes:
    digits = rng.choice([20, 41, 4_301, 100_000])
    value = rng.choice([b"1" * digits, b"-" + b"9" * digits, b"1" + b":1" * (digits // 2), b"1e" + b"9" * digits,
                        b"0x" + b"f" * digits, b"1." + b"5" * digits])
    return _replace_value(data, rng, value)


def special_float(data: bytes, rng: random.Random) -> bytes:
    return _replace_value(data, rng, rng.choice([b".inf", b"-.inf", b".nan", b".NaN", b"1e400", b"-1e400", b"1e-400"]))


def control_char(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    char = rng.choice([b"\x00", b"\x1b[31m", b"\x07", b"\x7f", b"\x0c", b"\xc2\x80", b"\xef\xbf\xbe"])
    return data[:at] + char + data[at:]


def byte_order_mark(data: bytes, rng: random.Random) -> bytes:
    bom = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
    at = rng.choice([0, rng.randrange(len(data) + 1)])
    return data[:at] + bom + data[at:]


def several_documents(data: bytes, rng: random.Random) -> bytes:
    second = rng.choice([b"\n---\n", b"\n---\nid: again\n", b"\n...\n---\n"])
    return data + second + data[: rng.randrange(len(data) + 1)]


def yaml_tag(data: bytes, rng: random.Random) -> bytes:
    tag = rng.choice([b"!!python/object/apply:os.system ['true']", b"!!binary aGVsbG8=", b"!!set {a, b}",
                      b"!!timestamp 2026-01-01", b"!!int x", b"!!bool maybe", b"!!float x", b"!!map x",
                      b"!!seq x", b"!custom 1", b"!!str 1.0", b"! 1.0", b"!!omap [a: 1]", b"!!null x"])
    return _replace_value(data, rng, tag)


def odd_key(data: bytes, rng: random.Random) -> bytes:
    key = rng.choice([b"? [a, b]\n: x", b"? {a: b}\n: x", b"[a]: b", b"1: x", b"true: x", b"~: x", b".nan: x",
                      b"? \n: x", b"<<: {a: b}", b"<<: 5", b"\"\\x00\": x", b"k" * 200_000 + b": x"])
    lines = _lines(data)
    at = rng.randrange(len(lines) + 1)
    return b"\n".join([*lines[:at], key, *lines[at:]])


def huge_list(data: bytes, rng: random.Random) -> bytes:
    count = rng.choice([501, 5_000, 20_000])
    entry = rng.choice([b"x", b"{a: 1}", b"[1]", b"agency", b"1"])
    return _replace_value(data, rng, b"[" + b", ".join([entry] * count) + b"]")


def line_endings(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\n"]))


MUTATIONS: dict[str, Mutation] = {f.__name__: f for f in (
    delete_key, wrong_type, huge_string, alias_bomb, insert_tab, invalid_utf8, flip_bytes, truncate,
    duplicate_block, deep_nesting, huge_number, special_float, control_char, byte_order_mark,
    several_documents, yaml_tag, odd_key, huge_list, line_endings)}


# --- running cases -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    number: int
    source: str
    mutations: tuple[str, ...]
    data: bytes


@dataclass(frozen=True)
class Result:
    case: Case
    outcome: str  # loaded, refused, fault, crash, long message
    seconds: float
    detail: str


def make_case(number: int, rng: random.Random, sources: dict[str, bytes]) -> Case:
    name = rng.choice(sorted(sources))
    data = sources[name]
    names = tuple(rng.choice(sorted(MUTATIONS)) for _ in range(rng.randint(1, 3)))
    for mutation in names:
        data = MUTATIONS[mutation](data, rng)
    return Case(number, name, names, data)


def _outcome(load: Callable[[], object]) -> tuple[str, str]:
    try:
        load()
    except StandardsError as exc:
        text = str(exc)
        if FAULT in text:
            return "fault", text[:300]
        if len(exc.problems) > MAX_PROBLEMS + 1 or any(len(str(p)) > LONG_PROBLEM for p in exc.problems):
            return "long message", text[:300]
        return "refused", exc.summary[:300]
    except Exception as exc:  # noqa: BLE001 - what the fuzzing looks for
        return "crash", f"{type(exc).__name__}: {str(exc)[:300]}"
    return "loaded", ""


def run_case(case: Case, folder: Path, bases: list[StandardsSet]) -> Result:
    """Load the case's file with ``load_file`` then ``load_many``; the slower of the two is its time."""
    path = folder / f"case-{case.number}.yaml"
    path.write_bytes(case.data)
    try:
        start = time.perf_counter()
        outcome, detail = _outcome(lambda: load_file(path, bases=bases))
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        try:
            report = load_many([path])
            reasons = [s.reason for s in report.skipped]
            if any(FAULT in r for r in reasons) or any(len(r) > 2 * LONG_PROBLEM for r in reasons):
                outcome, detail = "fault", f"load_many: {reasons[0][:300]}"
        except Exception as exc:  # noqa: BLE001 - what the fuzzing looks for (load_many must not raise)
            outcome, detail = "crash", f"load_many raised {type(exc).__name__}: {str(exc)[:300]}"
        seconds = max(seconds, time.perf_counter() - start)
    finally:
        path.unlink(missing_ok=True)
    return Result(case, outcome, seconds, detail)


def trimmed_sources(standards: int = 2) -> dict[str, bytes]:
    """The shipped sets cut to their first ``standards`` standards (still valid sets): the same
    kinds of content, but quicker to validate, for fuzzing many cases in the tests."""
    sources = {}
    for path in SHIPPED:
        lines = path.read_bytes().split(b"\n")
        first = lines.index(b"standards:") + 1 if b"standards:" in lines else len(lines)  # the last key
        starts = [n for n in range(first, len(lines)) if lines[n].startswith(b"  - id:")]
        cut = starts[standards] if len(starts) > standards else len(lines)
        sources[path.name] = b"\n".join(lines[:cut]) + b"\n"
    return sources


def fuzz(count: int, seed: int, folder: Path, sources: dict[str, bytes] | None = None) -> list[Result]:
    """``count`` cases from ``random.Random(seed)`` over ``sources`` (file name -> bytes; the shipped sets)."""
    sources = sources or {path.name: path.read_bytes() for path in SHIPPED}
    bases = [s for s in discover([ROOT / "standards"]).sets]
    rng = random.Random(seed)
    return [run_case(make_case(n, rng, sources), folder, bases) for n in range(count)]


def main(argv: list[str]) -> int:
    if "--pure-python" in argv:
        from s11audit.standards import source

        source._Loader = source._PyLoader
        argv = [a for a in argv if a != "--pure-python"]
    count = int(argv[1]) if argv[1:] else 10_000
    seed = int(argv[2]) if argv[2:] else 1
    from s11audit.standards.source import _Loader

    print(f"Fuzzing the standards loader ({_Loader.__mro__[1].__name__}): {count:,} cases, seed {seed}, "
          f"over {', '.join(p.name for p in SHIPPED)}")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="s11fuzz-") as folder:
        results = fuzz(count, seed, Path(folder))
    total = time.perf_counter() - start
    outcomes = Counter(r.outcome for r in results)
    print(f"  {count:,} cases in {total:.1f} s ({total / max(count, 1) * 1000:.1f} ms a case)")
    for outcome in ("loaded", "refused", "fault", "crash", "long message"):
        print(f"  {outcome:<13} {outcomes.get(outcome, 0):>7,}")
    by_mutation = Counter(m for r in results for m in set(r.case.mutations))
    print("  cases per mutation: " + ", ".join(f"{m} {n}" for m, n in sorted(by_mutation.items())))
    slowest = sorted(results, key=lambda r: r.seconds, reverse=True)[:5]
    print(f"  slowest case: {slowest[0].seconds:.3f} s (limit {SLOW_SECONDS} s)")
    for r in slowest:
        print(f"    {r.seconds:.3f} s  #{r.case.number} {r.case.source} {'+'.join(r.case.mutations)}: "
              f"{r.outcome} {r.detail[:100]}")
    bad = [r for r in results if r.outcome in ("fault", "crash", "long message") or r.seconds > SLOW_SECONDS]
    for r in bad[:20]:
        print(f"  FAILED #{r.case.number} {r.case.source} {'+'.join(r.case.mutations)} ({r.seconds:.2f} s): "
              f"{r.outcome}: {r.detail}")
    print("OK" if not bad else f"FAILED: {len(bad)} cases")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
