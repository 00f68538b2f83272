"""Many request threads at once: answers are built under the hall's lock (service layer)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from hallq.server.bootstrap import build
from hallq.server.service.hall_service import HallService
from tests.server.apifix import ADMIN, HALL


@pytest.fixture
def fast_switching() -> Iterator[None]:
    """Switch threads very often, so an unguarded read of the live queue shows up."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_issuing_from_eight_threads_never_fails(tmp_path: Path, fast_switching: None) -> None:
    server = build(HALL, f"sqlite:///{tmp_path / 'h.db'}", admin_token=ADMIN,
                   open_all_hours=True)
    hs: HallService = server.service
    errors: list[BaseException] = []
    numbers: list[str] = []

    def work(code: str) -> None:
        try:
            for _ in range(150):
                numbers.append(hs.issue(code).number)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(c,))
               for c in ("tax", "social", "fund", "general") * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    server.service.store.engine.dispose()
    assert not errors, errors[:3]
    assert len(numbers) == len(set(numbers)) == 1200
