"""The live hall's alarms (domain only, the time given): raised past their [policy] threshold,
cleared when the condition ends, one per service / window / device."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hallq.server.domain import calls, windows
from hallq.server.domain.alarms import Alarm, AlarmBook
from hallq.server.domain.devices import heartbeat
from hallq.server.domain.hall import Hall, Policy
from hallq.server.domain.queue import QueueState
from tests.server.domain.hallfix import CLERKS, START, Issuer, hall

POLICY = Policy(alarm_wait_s=30 * 60, alarm_idle_s=10 * 60, alarm_service_factor=3.0,
                alarm_device_silent_s=90)


def a_hall(policy: Policy = POLICY) -> Hall:
    return replace(hall(), policy=policy)


def keys(found: list[Alarm]) -> list[str]:
    return [a.key for a in found]


def test_a_citizen_waiting_too_long_raises_one_alarm_for_the_service_until_called() -> None:
    state = QueueState(a_hall())
    book, issue = AlarmBook(), Issuer(state)
    first, _second = issue("biz"), issue("biz")
    assert book.check(state, [], issue.tick(29 * 60)) == ([], [])
    raised, cleared = book.check(state, [], issue.tick(62))
    assert keys(raised) == ["long_wait:biz"] and cleared == []
    alarm = raised[0]
    assert alarm.ticket == first.number and alarm.since == first.queued_at
    assert "企业开办" in alarm.message and "2人等候超过30分钟" in alarm.message
    assert book.check(state, [], issue.tick(60)) == ([], [])  # still raised: nothing new
    windows.login(state, "2", CLERKS[1])
    calls.call_next(state, "2", issue.tick())
    assert book.check(state, [], issue.tick()) == ([], [])
    assert book.current()[0].ticket == "A002"  # the message follows the longest wait
    calls.finish(state, "2", issue.tick())
    calls.call_next(state, "2", issue.tick())
    raised, cleared = book.check(state, [], issue.tick())
    assert raised == [] and keys(cleared) == ["long_wait:biz"]
    assert book.current() == []


def test_a_paused_window_with_citizens_waiting_is_an_alarm_after_the_threshold() -> None:
    state = QueueState(a_hall())
    book, issue = AlarmBook(), Issuer(state)
    windows.login(state, "3", CLERKS[1])
    windows.pause(state, "3", "会议", issue.tick())
    book.check(state, [], issue.tick())
    issue("tax")  # the wait starts when someone it serves waits
    assert book.check(state, [], issue.tick(9 * 60))[0] == []
    raised, _ = book.check(state, [], issue.tick(2 * 60))
    assert keys(raised) == ["window_idle:3"] and "暂停（会议）" in raised[0].message
    windows.resume(state, "3", issue.tick())
    calls.call_next(state, "3", issue.tick())
    raised, cleared = book.check(state, [], issue.tick())
    assert keys(cleared) == ["window_idle:3"]


def test_an_open_window_calling_nobody_while_its_citizens_wait_is_an_alarm() -> None:
    state = QueueState(a_hall())
    book, issue = AlarmBook(), Issuer(state)
    windows.login(state, "2", CLERKS[1])
    book.check(state, [], issue.tick())  # the check sees it idle from here
    issue("tax")  # window 2 does not serve tax: no alarm for it
    issue("biz")
    raised, _ = book.check(state, [], issue.tick(11 * 60))
    assert sorted(keys(raised)) == ["window_idle:2"]
    assert "空闲未叫号" in raised[0].message and "1人在等候" in raised[0].message


def test_a_ticket_served_far_longer_than_usual_is_an_alarm() -> None:
    state = QueueState(a_hall())  # nothing served yet: the usual time is typical_minutes (5)
    book, issue = AlarmBook(), Issuer(state)
    windows.login(state, "1", CLERKS[1])
    issue("social")
    calls.call_next(state, "1", issue.tick())
    assert book.check(state, [], issue.tick(14 * 60))[0] == []
    raised, _ = book.check(state, [], issue.tick(2 * 60))
    assert keys(raised) == ["long_service:1"] and raised[0].ticket == "C001"
    assert "通常约5分钟" in raised[0].message
    calls.finish(state, "1", issue.tick())
    assert keys(book.check(state, [], issue.tick())[1]) == ["long_service:1"]


def test_a_few_quick_tickets_do_not_make_a_normal_one_overtime() -> None:
    state = QueueState(a_hall())
    book, issue = AlarmBook(), Issuer(state)
    windows.login(state, "1", CLERKS[1])
    for _ in range(3):
        issue("social")
    for _ in range(2):  # two tickets done in 5 seconds each: the usual time is now 5 s
        calls.call_next(state, "1", issue.tick())
        calls.finish(state, "1", issue.tick(5))
    calls.call_next(state, "1", issue.tick())
    assert book.check(state, [], issue.tick(2 * 60 + 50))[0] == []  # under 3 × a minute
    raised, _ = book.check(state, [], issue.tick(20))
    assert keys(raised) == ["long_service:1"]
    assert "已3分钟" in raised[0].message and "通常约1分钟" in raised[0].message


def test_a_device_that_stops_reporting_and_a_kiosk_out_of_paper_are_alarms() -> None:
    state = QueueState(a_hall())
    book, now = AlarmBook(), START
    kiosk = heartbeat(None, "kiosk-1", "kiosk", "kiosk", None, "pc1", "ok", now)
    tv = heartbeat(None, "tv-1", "display", "display", None, "", None, now)
    assert book.check(state, [kiosk, tv], now + timedelta(seconds=60)) == ([], [])
    kiosk = heartbeat(kiosk, "kiosk-1", "kiosk", "kiosk", None, "pc1", "paper_out",
                      now + timedelta(seconds=60))
    raised, _ = book.check(state, [kiosk, tv], now + timedelta(seconds=91))
    assert sorted(keys(raised)) == ["device_silent:tv-1/display", "printer:kiosk-1/kiosk/pc1"]
    printer = next(a for a in raised if a.kind == "printer")
    assert "打印机缺纸" in printer.message and printer.since == now + timedelta(seconds=60)
    later: datetime = now + timedelta(seconds=100)
    kiosk = heartbeat(kiosk, "kiosk-1", "kiosk", "kiosk", None, "pc1", "ok", later)
    tv = heartbeat(tv, "tv-1", "display", "display", None, "", None, later)
    raised, cleared = book.check(state, [kiosk, tv], later)
    assert raised == [] and len(cleared) == 2


def test_thresholds_of_zero_turn_those_alarms_off() -> None:
    state = QueueState(a_hall(Policy(alarm_wait_s=0, alarm_idle_s=0,
                                     alarm_device_silent_s=0)))
    book, issue = AlarmBook(), Issuer(state)
    windows.login(state, "2", CLERKS[1])
    issue("biz")
    tv = heartbeat(None, "tv-1", "display", "display", None, "", None, START)
    assert book.check(state, [tv], issue.tick(24 * 3600)) == ([], [])
