"""The limits a return must keep to, checked before anything in it is inflated or parsed.

The writer keeps to them too (a return we would refuse is never written), and
``docs/return-format.md`` gives each with its reason. Tests pass smaller ``Limits`` to check the
paths without making gigabyte files.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


def megabytes(size: int) -> str:
    return f"{size / MB:,.1f} MB" if size < 1024 * MB else f"{size / (1024 * MB):,.2f} GB"


@dataclass(frozen=True)
class Limits:
    # The whole file: under 2 GB so no offset ever needs ZIP64 and any ZIP reader can open it.
    file: int = 2_000 * MB
    # Evidence files: the audit file accepts at most 50 MB for one (store.evidence.MAX_EVIDENCE_BYTES).
    evidence_file: int = 50 * MB
    # 2,000 evidence files is ten times the largest audit we have seen; plus the four fixed members.
    evidence_files: int = 2_000
    # Everything uncompressed, evidence included: what the business unit's workspace must hold.
    total: int = 2_000 * MB
    # return.json: 12 standards with long narratives, 2,000 evidence entries and the trail summary
    # are a few MB; 32 MB is room for the largest audit while bounding what is parsed.
    return_json: int = 32 * MB
    # standards.json: the largest shipped set is under 0.1 MB; sets authored in Excel are bigger.
    standards_json: int = 8 * MB
    # manifest.json: about 150 bytes per member.
    manifest_json: int = 2 * MB
    signature: int = 64
    # JSON: nesting of the deepest field the format has (about 6) with margin, and numbers that fit
    # the workspace's 64-bit integers; longer digit strings are refused before Python converts them.
    json_depth: int = 32
    number_digits: int = 18

    @property
    def members(self) -> int:
        return self.evidence_files + 4


LIMITS = Limits()
