"""The phone rating page (9.4 rating QR code) over HTTP against the real server."""

from __future__ import annotations

import httpx

from tests.hall_steps import (
    daily,
    follow_ups,
    open_window,
    rating_of,
    serve_one,
    token_of,
)
from tests.live_server import WINDOWS, LiveServer

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def page(server: LiveServer) -> httpx.Client:
    return httpx.Client(base_url=server.url, timeout=5)  # a phone: no token at all


def test_status_page_offers_rating_only_when_done_and_unrated(server: LiveServer) -> None:
    open_window(server)
    called = serve_one(server, finish=False)
    with page(server) as phone:
        assert "评价本次服务" not in phone.get(f"/t/{token_of(called)}").text
        form = phone.get(f"/t/{token_of(called)}/rate")
        assert form.status_code == 409 and "办结后才能评价" in form.text
        with server.http(WINDOWS) as pad:
            pad.post("/api/windows/3/finish").raise_for_status()
        status = phone.get(f"/t/{token_of(called)}").text
        assert "评价本次服务" in status and f'href="{token_of(called)}/rate"' in status
        form = phone.get(f"/t/{token_of(called)}/rate")
        assert form.status_code == 200
        assert 'name="viewport"' in form.text and "<script" not in form.text
        for level in ("非常满意", "满意", "基本满意", "不满意", "非常不满意", "服务态度差"):
            assert level in form.text
        done = phone.post(f"/t/{token_of(called)}/rate", content="score=5&comment=", headers=FORM)
        assert done.status_code == 200 and "谢谢您的评价" in done.text
        assert "评价本次服务" not in phone.get(f"/t/{token_of(called)}").text
    rating = rating_of(server, called["id"])
    assert rating is not None and rating["score"] == 5 and rating["channel"] == "qr"


def test_one_rating_per_ticket_the_second_stores_nothing(server: LiveServer) -> None:
    open_window(server)
    ticket = serve_one(server)
    with page(server) as phone:
        phone.post(f"/t/{token_of(ticket)}/rate", content="score=4", headers=FORM)
        again = phone.post(f"/t/{token_of(ticket)}/rate", content="score=1&reasons=其他",
                           headers=FORM)
        assert again.status_code == 409 and "已评价" in again.text
        assert "已评价" in phone.get(f"/t/{token_of(ticket)}/rate").text
    assert rating_of(server, ticket["id"])["score"] == 4  # type: ignore[index]
    assert daily(server)["ratings"]["4"] == 1 and daily(server)["ratings"]["1"] == 0


def test_bad_input_gets_a_page_naming_the_problem(server: LiveServer) -> None:
    open_window(server)
    ticket = serve_one(server)
    url = f"/t/{token_of(ticket)}/rate"
    with page(server) as phone:
        for body, words in [("score=9", "评分"), ("score=abc", "评分"), ("", "评分"),
                            ("score=1", "至少选择一个原因"),
                            ("score=2&reasons=%3Cb%3E坏%3C/b%3E", "&lt;b&gt;坏"),
                            ("score=5&comment=" + "长" * 501, "最多 500 字")]:
            answer = phone.post(url, content=body.encode(), headers=FORM)
            assert answer.status_code == 422, body
            assert words in answer.text and "<b>坏" not in answer.text
        kept = phone.post(url, content="score=1&comment=%3Cscript%3E", headers=FORM)
        assert 'value="1" checked' in kept.text and "&lt;script&gt;" in kept.text
        assert phone.get("/t/no-such-token/rate").status_code == 404
        assert phone.post("/t/no-such-token/rate", content="score=5",
                          headers=FORM).status_code == 404
    assert rating_of(server, ticket["id"]) is None


def test_bad_ratings_from_the_phone_and_the_pad_are_followed_up(server: LiveServer) -> None:
    """9.5: every bad rating is listed for follow-up with its deadline, whatever the channel."""
    open_window(server)
    by_phone, by_pad, good = serve_one(server), serve_one(server), serve_one(server)
    with page(server) as phone:
        phone.post(f"/t/{token_of(by_phone)}/rate", headers=FORM,
                   content="score=2&reasons=等候时间长&reasons=其他&comment=太久了")
    with server.http(WINDOWS) as pad:
        pad.post(f"/api/tickets/{by_pad['id']}/rating", json={
            "score": 1, "reasons": ["服务态度差"], "comment": "", "channel": "pad",
        }).raise_for_status()
        pad.post(f"/api/tickets/{good['id']}/rating",
                 json={"score": 5, "channel": "pad"}).raise_for_status()
    listed = {f["ticket_id"]: f for f in follow_ups(server)}
    assert set(listed) == {by_phone["id"], by_pad["id"]}
    assert listed[by_phone["id"]]["channel"] == "qr"
    assert listed[by_phone["id"]]["reasons"] == ["等候时间长", "其他"]
    assert listed[by_phone["id"]]["comment"] == "太久了"
    assert listed[by_pad["id"]]["channel"] == "pad" and listed[by_pad["id"]]["clerk"] == "c03"
    assert all(f["follow_up"] == "open" and f["follow_up_due"] for f in listed.values())
    with server.http() as admin:
        admin.patch(f"/api/follow-ups/{listed[by_pad['id']]['id']}",
                    json={"status": "resolved", "note": "已回访"}).raise_for_status()
        still_open = admin.get("/api/follow-ups", params={"status": "open"}).json()
    assert [f["ticket_id"] for f in still_open] == [by_phone["id"]]
    assert daily(server)["ratings"] == {"1": 1, "2": 1, "3": 0, "4": 0, "5": 1}


def test_pads_read_the_levels_and_reasons(server: LiveServer) -> None:
    with server.http(WINDOWS) as pad:
        options = pad.get("/api/ratings/options").json()
    assert options["levels"]["5"] == "非常满意" and options["levels"]["1"] == "非常不满意"
    assert options["reasons"][0] == "服务态度差"
    with page(server) as anonymous:
        assert anonymous.get("/api/ratings/options").status_code == 401


def test_a_missed_ticket_cannot_be_rated(server: LiveServer) -> None:
    open_window(server)
    missed = serve_one(server, finish=False)
    with server.http(WINDOWS) as pad:
        pad.post("/api/windows/3/skip").raise_for_status()
    with page(server) as phone:
        assert "评价本次服务" not in phone.get(f"/t/{token_of(missed)}").text
        refused = phone.post(f"/t/{token_of(missed)}/rate", content="score=5", headers=FORM)
        assert refused.status_code == 409 and "只有办结的号才能评价" in refused.text
    assert rating_of(server, missed["id"]) is None
