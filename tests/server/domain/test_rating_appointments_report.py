"""Ratings (9.2–9.5), appointments (6.3, 6.3.5) and the daily report's arithmetic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hallq.server.domain import calls
from hallq.server.domain.appointments import Appointment, AppointmentStatus, check_in
from hallq.server.domain.errors import Conflict, Invalid
from hallq.server.domain.queue import QueueState
from hallq.server.domain.rating import FollowUp, rate
from hallq.server.domain.report import PauseFacts, RatingFacts, TicketFacts, daily_report
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


SLOT = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 Shanghai


def appointment() -> Appointment:
    return Appointment("ABC12345", "biz", SLOT, SLOT + timedelta(minutes=30))


@pytest.mark.parametrize("minutes", [-30, -1, 0, 15, 30])
def test_check_in_from_early_window_to_slot_end_is_accepted(minutes: int) -> None:
    a = appointment()
    check_in(a, SLOT + timedelta(minutes=minutes), early_s=1800)
    assert a.status is AppointmentStatus.BOOKED  # the service layer marks it checked in


def test_late_arrival_forfeits_the_slot() -> None:
    a = appointment()
    with pytest.raises(Conflict, match=r"6\.3\.5") as err:
        check_in(a, SLOT + timedelta(minutes=31), early_s=1800)
    assert err.value.code == "appointment_forfeited"
    assert a.status is AppointmentStatus.FORFEITED
    with pytest.raises(Conflict) as again:
        check_in(a, SLOT, early_s=1800)
    assert again.value.code == "appointment_forfeited"


def test_too_early_is_refused_and_keeps_the_appointment() -> None:
    a = appointment()
    with pytest.raises(Conflict) as err:
        check_in(a, SLOT - timedelta(minutes=31), early_s=1800)
    assert err.value.code == "appointment_too_early"
    assert a.status is AppointmentStatus.BOOKED


def test_a_used_appointment_cannot_check_in_twice() -> None:
    a = appointment()
    a.status = AppointmentStatus.CHECKED_IN
    with pytest.raises(Conflict) as err:
        check_in(a, SLOT, early_s=1800)
    assert err.value.code == "appointment_used"


def t(service: str, status: str, window: str | None, clerk: str | None, wait: float | None,
      serve: float | None) -> TicketFacts:
    called = NOW + timedelta(seconds=wait) if wait is not None else None
    finished = called + timedelta(seconds=serve) if called and serve is not None else None
    return TicketFacts(service, status, window, clerk, NOW, called, finished)


def test_daily_report_arithmetic() -> None:
    tickets = [
        t("biz", "done", "1", "c01", 60, 300),
        t("biz", "done", "1", "c01", 120, 100),
        t("tax", "missed", "2", "c02", 30, None),
        t("tax", "waiting", None, None, None, None),
        t("tax", "cancelled", None, None, None, None),
    ]
    ratings = [RatingFacts(5, "1", "c01", None), RatingFacts(4, "1", "c01", None),
               RatingFacts(1, "2", "c02", "open"), RatingFacts(2, "2", "c02", "resolved"),
               RatingFacts(3, "2", "c02", None)]
    pauses = [PauseFacts("1", "c01", 600.4), PauseFacts("1", "c01", 300)]
    report = daily_report("2026-11-23", tickets, ratings, pauses)
    assert (report["issued"], report["served"], report["missed"], report["cancelled"]) == \
        (5, 2, 1, 1)
    assert report["avg_wait_s"] == 70.0  # (60 + 120 + 30) / 3 called
    assert report["avg_service_s"] == 200.0  # only done tickets
    assert report["ratings"] == {"1": 1, "2": 1, "3": 1, "4": 1, "5": 1}
    assert report["rated"] == 5
    assert report["satisfaction_rate"] == 0.4  # 满意率: share of 4 and 5
    assert report["bad_ratings"] == {"open": 1, "contacted": 0, "resolved": 1}
    assert report["by_service"]["biz"]["issued"] == 2
    assert report["by_service"]["tax"] == {"issued": 3, "served": 0, "missed": 1,
                                           "avg_wait_s": 30.0, "avg_service_s": None,
                                           "cancelled": 1}
    w1 = report["by_window"]["1"]
    assert (w1["served"], w1["avg_wait_s"], w1["paused_s"]) == (2, 90.0, 900)
    assert w1["satisfaction_rate"] == 1.0
    assert report["by_clerk"]["c02"]["satisfaction_rate"] == 0.0
    assert report["by_clerk"]["c02"]["missed"] == 1


def test_an_empty_day_has_no_averages() -> None:
    report = daily_report("2026-11-23", [], [], [])
    assert report["issued"] == 0 and report["avg_wait_s"] is None
    assert report["satisfaction_rate"] is None and report["by_window"] == {}
