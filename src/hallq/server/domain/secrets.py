"""Salted hashes for PINs and tokens, and masking of citizens' numbers (5.6.2)."""

from __future__ import annotations

import hashlib
import hmac
import os

ITERATIONS = 120_000


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt if salt is not None else os.urandom(12)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    got = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(got.hex(), digest)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def mask_number(value: str) -> str:
    """Keep only the last four characters: 110101199001011234 -> **************1234."""
    value = value.strip()
    return "*" * max(0, len(value) - 4) + value[-4:]


def keyed_digest(value: str, key: str) -> str:
    """A stable, non-reversible stand-in for an ID or phone number (for matching only)."""
    return hmac.new(key.encode(), value.strip().encode(), hashlib.sha256).hexdigest()
