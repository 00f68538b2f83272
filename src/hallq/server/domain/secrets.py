"""Salted hashes for PINs and tokens, and masking of citizens' numbers (5.6.2)."""

from __future__ import annotations

import hashlib
import hmac
import os
import re

ITERATIONS = 120_000
# What `hallq hash-pin` writes: scheme, iterations, salt (hex), SHA-256 digest (hex). The bounds
# keep a login cheap enough to answer (at most MAX_ITERATIONS) and the salt a real salt.
MIN_ITERATIONS, MAX_ITERATIONS = 1_000, 2_000_000
_PIN_HASH = re.compile(r"pbkdf2_sha256\$([0-9]{1,9})\$((?:[0-9a-f]{2}){8,64})\$([0-9a-f]{64})")


def is_pin(value: object) -> bool:
    """A PIN a clerk types at a pad's keys, or a guide at the kiosk: 4 to 12 ASCII digits."""
    return isinstance(value, str) and value.isascii() and value.isdigit() \
        and 4 <= len(value) <= 12


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt if salt is not None else os.urandom(12)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def is_pin_hash(stored: str) -> bool:
    """Whether ``stored`` has the form ``hash_pin`` gives (checked when the config is read)."""
    match = _PIN_HASH.fullmatch(stored)
    return match is not None and MIN_ITERATIONS <= int(match[1]) <= MAX_ITERATIONS


def check_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``; a malformed ``stored`` matches no PIN."""
    if not is_pin_hash(stored):
        return False
    _, iterations, salt, digest = stored.split("$")
    got = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8", "replace"), bytes.fromhex(salt),
                              int(iterations))
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
