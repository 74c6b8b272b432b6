"""Signed returns (``.s11return``): write, read and verify the one file an organisation sends.

Qt-free and independent of the store: it takes plain data. The format is in ``docs/return-format.md``.
"""

from s11audit.returns.format import (
    EXTENSION,
    FORMAT,
    KIND_FULL_AUDIT,
    KIND_STATEMENT,
    ReturnError,
    WrittenReturn,
    write_return,
    write_signed_return,
)
from s11audit.returns.keys import fingerprint, generate_private_key, public_key_of, signer
from s11audit.returns.trail import trail_summary
from s11audit.returns.verify import SignedReturn, Verification, read_return, verify_return

__all__ = ["EXTENSION", "FORMAT", "KIND_FULL_AUDIT", "KIND_STATEMENT", "ReturnError", "SignedReturn", "Verification",
           "WrittenReturn", "fingerprint", "generate_private_key", "public_key_of", "read_return", "signer",
           "trail_summary", "verify_return", "write_return", "write_signed_return"]
