"""Ratings (9.2–9.5): only a finished ticket, a score of 1 to 5, a follow-up for a bad one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hallq.server.domain import calls
from hallq.server.domain.errors import Conflict, Invalid
from hallq.server.domain.queue import QueueState
from hallq.server.domain.rating import FollowUp, rate
from hallq.server.domain.ticket import Status, Ticket
from tests.server.domain.hallfix import Issuer, hall

REASONS = ("服务态度差", "办事效率低")


NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def done_ticket() -> Ticket:
    state = QueueState(hall())
    issue = Issuer(state)
    issue("biz")
    calls.call_next(state, "2", issue.tick())
    ticket, _ = calls.finish(state, "2", issue.tick())
    assert ticket.status is Status.DONE
    return ticket


def test_only_a_done_ticket_can_be_rated() -> None:
    state = QueueState(hall())
    waiting = Issuer(state)("biz")
    with pytest.raises(Conflict, match="only a finished ticket"):
        rate(waiting, 5, [], "", "pad", REASONS, 15, NOW)


@pytest.mark.parametrize("score", [0, 6, -1, 3.0, "5", True, None])
def test_score_must_be_1_to_5(score: object) -> None:
    with pytest.raises(Invalid) as err:
        rate(done_ticket(), score, [], "", "pad", REASONS, 15, NOW)
    assert err.value.field == "score"


@pytest.mark.parametrize("score", [1, 2])
def test_a_bad_rating_gets_a_follow_up_with_a_deadline(score: int) -> None:
    rating = rate(done_ticket(), score, ["服务态度差", "服务态度差 "], " 太慢 ", "pad", REASONS, 15,
                  NOW)
    assert rating.follow_up is FollowUp.OPEN
    assert rating.follow_up_due == NOW + timedelta(days=15)
    assert rating.reasons == ("服务态度差",) and rating.comment == "太慢"
    assert rating.window == "2"


@pytest.mark.parametrize("score", [3, 4, 5])
def test_a_fair_or_good_rating_has_no_follow_up(score: int) -> None:
    rating = rate(done_ticket(), score, [], "", "pad", REASONS, 15, NOW)
    assert rating.follow_up is None and rating.follow_up_due is None


def test_unknown_reason_and_long_comment_are_refused() -> None:
    with pytest.raises(Invalid, match="unknown") as err:
        rate(done_ticket(), 1, ["瞎选的"], "", "pad", REASONS, 15, NOW)
    assert err.value.field == "reasons"
    with pytest.raises(Invalid) as err:
        rate(done_ticket(), 1, [], "x" * 501, "pad", REASONS, 15, NOW)
    assert err.value.field == "comment"
