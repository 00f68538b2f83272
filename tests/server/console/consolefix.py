"""Helpers of the console's tests: accounts, logging in through the form, a form's CSRF."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from hallq.server.bootstrap import Server

PASSWORDS = {"boss": "boss-password-1", "duty": "duty-password-1", "watch": "watch-password-1"}
ROLES = {"boss": "admin", "duty": "supervisor", "watch": "viewer"}


def add_users(server: Server) -> None:
    accounts = server.app.state.accounts
    for name, role in ROLES.items():
        accounts.add(name, role, PASSWORDS[name])


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def log_in(client: TestClient, name: str, password: str | None = None) -> Any:
    """Open the log-in page in a fresh browser and post its form; the answer (not followed)."""
    client.cookies.clear()
    page = client.get("/console/login")
    return client.post("/console/login", follow_redirects=False, data={
        "csrf": csrf_of(page.text), "username": name,
        "password": PASSWORDS.get(name, "") if password is None else password})
