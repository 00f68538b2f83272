"""The console's accounts: roles, names and password hashes. Pure rules (hashlib only).

Passwords are hashed with scrypt (``hashlib.scrypt``, RFC 7914): memory-hard, so a stolen
database is expensive to guess on GPUs (unlike PBKDF2), and in the standard library, so a hall's
Windows PC needs no compiled extra (argon2-cffi would be one). n=2**14, r=8, p=1 takes 16 MB and
about 50 ms here: cheap for one log-in, costly for a million guesses.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from hallq.server.domain.errors import Invalid

ROLES = ("viewer", "supervisor", "admin")  # each may do what the one before may, and more
ROLE_NAMES = {"viewer": "监督", "supervisor": "值班长", "admin": "管理员"}
N, R, P = 2**14, 8, 1
MIN_PASSWORD = 8
_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,40}")
_HASH = re.compile(r"scrypt\$([0-9]{1,8})\$([0-9]{1,2})\$([0-9]{1,2})\$((?:[0-9a-f]{2}){16})"
                   r"\$([0-9a-f]{64})")


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    password_hash: str
    disabled: bool = False
    created_at: datetime | None = None


def rank(role: str) -> int:
    return ROLES.index(role) if role in ROLES else -1


def may(role: str, needed: str) -> bool:
    """Whether ``role`` is ``needed`` or above it (viewer < supervisor < admin)."""
    return rank(role) >= rank(needed) >= 0


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise Invalid("a user name is 1-40 letters, digits, '_', '.' or '-'", field="name")
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise Invalid(f"role must be one of {', '.join(ROLES)}", field="role")
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"a password has at least {MIN_PASSWORD} characters", field="password")
    return password


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def check_hash(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored``; a malformed ``stored`` matches nothing."""
    match = _HASH.fullmatch(stored)
    if match is None:
        return False
    n, r, p = int(match[1]), int(match[2]), int(match[3])
    if n > 2**17 or n < 2 or r * p > 64:  # bounds: one log-in stays cheap to answer
        return False
    got = hashlib.scrypt(password.encode("utf-8", "replace"), salt=bytes.fromhex(match[4]),
                         n=n, r=r, p=p, dklen=32, maxmem=256 * 1024 * 1024)
    return hmac.compare_digest(got.hex(), match[5])


@cache
def dummy_hash() -> str:
    """Checked against for an unknown name, so it takes as long as a known one."""
    return hash_password("not-a-password", salt=b"\0" * 16)
