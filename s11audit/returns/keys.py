"""Ed25519 keys for signed returns: make a key pair, sign with it, and show a public key's fingerprint.

All cryptography comes from ``cryptography.hazmat.primitives.asymmetric.ed25519``; keys travel as raw
32-byte values (the organisation's private key is kept in its audit file by the store).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64

_RAW = serialization.Encoding.Raw


def fingerprint(public_key: bytes) -> str:
    """The short fingerprint people compare: first 16 hex digits of SHA-256 of the raw key, in 4s.

    For example ``"ab12 cd34 ef56 7890"``; it is printed on the PDF and by ``s11audit verify``.
    """
    digest = hashlib.sha256(bytes(public_key)).hexdigest()[:16]
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


def generate_private_key() -> bytes:
    """A new Ed25519 private key as its raw 32 bytes (for the organisation's first sign-off)."""
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())


def public_key_of(private_key: bytes) -> bytes:
    """The raw 32-byte public key that belongs to a raw private key."""
    key = Ed25519PrivateKey.from_private_bytes(private_key)
    return key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def signer(private_key: bytes) -> Callable[[bytes], bytes]:
    """A ``sign(data) -> signature`` callable for :func:`s11audit.returns.write_return`."""
    key = Ed25519PrivateKey.from_private_bytes(private_key)
    return key.sign


def signature_is_valid(public_key: bytes, signature: bytes, data: bytes) -> bool:
    """True when ``signature`` is the Ed25519 signature of ``data`` by the holder of ``public_key``.

    Raises ``ValueError`` when ``public_key`` is not a raw Ed25519 public key.
    """
    key = Ed25519PublicKey.from_public_bytes(public_key)
    try:
        key.verify(signature, data)
    except InvalidSignature:
        return False
    return True
