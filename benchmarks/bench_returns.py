"""Benchmark for the signed return; prints figures (targets in brackets).

    python benchmarks/bench_returns.py

1. Write and sign a return carrying 50 evidence files of 1 MB          (target <= 2.0 s)
2. Verify that return (every member hashed, signature checked)
Run twice: evidence of random bytes (like the photos, PDFs and Office files people add, which are already
compressed and so stored) and evidence of text (deflated).
3. The whole export from a signed audit file holding 50 evidence files of 1 MB, as the app and
   ``s11audit export`` do it: read the audit (snapshot) then write and sign the return  (target <= 2.0 s),
   and the same with the PDF and action plan workbook beside it.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from s11audit.returns import generate_private_key, public_key_of, signer, verify_return, write_return

ROOT = Path(__file__).resolve().parents[1]
FILES, SIZE, RUNS = 50, 1024 * 1024, 5
WRITE_TARGET = 2.0
WORDS_PER_LINE = 12  # of the evidence's text


def _content(count: int) -> dict:
    return {
        "created_at": "2026-11-23T10:00:00+00:00",
        "organisation": {"name": "Benchmark Academy", "reference": "URN 000000", "kind": "school",
                         "org_type": "secondary", "contact": {"name": "Lead", "email": "lead@example.org"}},
        "cycle": "2026-27", "audit_version": 1,
        "standards_set": {"id": "s175", "version": "bench", "content_hash": "0" * 64},
        "standards": [{"standard_id": str(n), "grade": "Met", "not_applicable": False, "na_reason": "",
                       "narrative": "Narrative " * 200, "example": ""} for n in range(1, 13)],
        "item_answers": [],
        "evidence": [{"id": n, "name": f"Evidence {n}", "original_name": f"evidence-{n}.pdf", "description": "",
                      "media_type": "application/pdf", "added_by": "Lead", "added_at": "2026-10-01T09:00:00",
                      "links": []} for n in range(count)],
        "action_plan": [],
        "sign_off": {"declaration": "Accurate.", "signed_at": "2026-11-23T09:55:00+00:00", "signatories": []},
        "audit_trail": {"entries": 0, "first_at": None, "last_at": None, "users": [], "last": []},
    }


def _text(size: int) -> bytes:
    words = [os.urandom(4).hex().encode() for _ in range(2000)]
    out, n = bytearray(), 0
    while len(out) < size:
        out += words[(n * 7919) % len(words)] + (b"\n" if n % WORDS_PER_LINE == WORDS_PER_LINE - 1 else b" ")
        n += 1
    return bytes(out[:size])


def run(label: str, evidence: list[tuple[str, bytes]]) -> bool:
    private = generate_private_key()
    public, sign = public_key_of(private), signer(private)
    content = _content(FILES)
    writes, verifies = [], []
    with tempfile.TemporaryDirectory(prefix="s11bench-return-") as folder:
        out = Path(folder) / "bench.s11return"
        for _ in range(RUNS):
            start = time.perf_counter()
            write_return(out, content, evidence, {"id": "s175", "standards": []}, public, sign)
            writes.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = verify_return(out)
            verifies.append(time.perf_counter() - start)
            assert result.valid, result.reason
        size = out.stat().st_size
    write_median = statistics.median(writes)
    print(f"{label}: {FILES} evidence files of {SIZE // 1024} KB ({size / 1e6:.1f} MB on disk), {RUNS} runs")
    print(f"1. write + sign: median {write_median:.3f} s, best {min(writes):.3f} s, worst {max(writes):.3f} s "
          f"(target <= {WRITE_TARGET:.1f} s) {'OK' if write_median <= WRITE_TARGET else 'OVER'}")
    print(f"2. verify:       median {statistics.median(verifies):.3f} s, best {min(verifies):.3f} s, "
          f"worst {max(verifies):.3f} s")
    return write_median <= WRITE_TARGET


def _signed_audit_with_evidence(folder: Path) -> Path:
    import hashlib

    from s11audit.sample import make_sample, sign_sample
    from s11audit.standards.loader import discover
    from s11audit.store import AuditFile, EvidenceFile

    sets = {s.id: s for s in discover().sets}
    path = make_sample(folder / "signed.s11audit", sets["s175-kcsie2025"], sample=False)  # a real return
    with AuditFile.open(path, "bench") as audit_file:
        assessment = audit_file.latest_assessment()
        standards = assessment.standards
        for n in range(FILES):
            data = os.urandom(SIZE)
            assessment.evidence.add(EvidenceFile(f"evidence-{n:02}.pdf", data, hashlib.sha256(data).hexdigest(),
                                                 "application/pdf"), links=[(standards[n % len(standards)].id, "")])
        sign_sample(assessment)
    return path


def run_export() -> bool:
    from s11audit.export import export
    from s11audit.store import AuditFile

    with tempfile.TemporaryDirectory(prefix="s11bench-export-") as name:
        folder = Path(name)
        path = _signed_audit_with_evidence(folder)
        alone, together = [], []
        for _ in range(RUNS):
            with AuditFile.open(path, "bench", read_only=True) as audit_file:
                assessment = audit_file.latest_assessment()
                start = time.perf_counter()
                export(audit_file, assessment, returned=folder / "r.s11return")
                alone.append(time.perf_counter() - start)
                start = time.perf_counter()
                export(audit_file, assessment, returned=folder / "r.s11return", pdf=folder / "r.pdf",
                       xlsx=folder / "r.xlsx")
                together.append(time.perf_counter() - start)
            assert verify_return(folder / "r.s11return").valid
    median = statistics.median(alone)
    print(f"Signed S175 sample audit file with {FILES} evidence files of {SIZE // 1024} KB, {RUNS} runs")
    print(f"3. export return (snapshot + write + sign): median {median:.3f} s, worst {max(alone):.3f} s "
          f"(target <= {WRITE_TARGET:.1f} s) {'OK' if median <= WRITE_TARGET else 'OVER'}")
    print(f"   with PDF and workbook too:              median {statistics.median(together):.3f} s, "
          f"worst {max(together):.3f} s")
    return median <= WRITE_TARGET


def main() -> int:
    ok = run("Random evidence", [(str(n), os.urandom(SIZE)) for n in range(FILES)])
    ok = run("Text evidence", [(str(n), _text(SIZE)) for n in range(FILES)]) and ok
    ok = run_export() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
