"""The console's account rules: roles in order, names, passwords hashed with scrypt."""

from __future__ import annotations

import pytest

from hallq.server.domain.accounts import (
    check_hash,
    check_name,
    check_password,
    hash_password,
    may,
)
from hallq.server.domain.errors import Invalid


def test_roles_are_ordered_viewer_supervisor_admin() -> None:
    assert may("admin", "supervisor") and may("supervisor", "supervisor")
    assert may("supervisor", "viewer") and not may("viewer", "supervisor")
    assert not may("supervisor", "admin") and not may("nobody", "viewer")
    assert not may("admin", "superuser")


def test_a_password_is_stored_salted_and_checked() -> None:
    stored = hash_password("correct horse")
    assert stored.startswith("scrypt$16384$8$1$") and "correct horse" not in stored
    assert stored != hash_password("correct horse")  # a new salt each time
    assert check_hash("correct horse", stored) and not check_hash("correct hors", stored)
    assert not check_hash("correct horse", "plain text")
    assert not check_hash("x", stored.replace("16384", "99999999"))  # refused, not computed


def test_names_and_passwords_are_checked() -> None:
    assert check_name("wang.fang-01") == "wang.fang-01"
    for bad in ("", "王芳", "a b", "x" * 41):
        with pytest.raises(Invalid):
            check_name(bad)
    with pytest.raises(Invalid):
        check_password("short")
