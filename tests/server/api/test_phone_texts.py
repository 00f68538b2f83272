"""The phone pages in the language the citizen chose at the kiosk (issue 13): the kiosk asks
for an English ticket, its QR code carries ``?lang=en``, and the status and rating pages answer
in English, the hall's reasons too; a Chinese ticket's pages stay Chinese."""

from __future__ import annotations

import re

from tests.live_server import KIOSK, LiveServer


def served(server: LiveServer, language: str) -> str:
    """A ticket issued in ``language``, called and finished at window 1: its status URL."""
    server.login("1", "c01", "1234")
    with server.http(KIOSK) as kiosk:
        issued = kiosk.post("/api/tickets", json={"service": "biz", "language": language})
    assert issued.status_code == 201
    with server.http() as admin:
        admin.post("/api/windows/1/next").raise_for_status()
        admin.post("/api/windows/1/finish").raise_for_status()
    return str(issued.json()["status_url"])


def test_an_english_ticket_opens_english_pages_and_rates_in_english(
        server: LiveServer) -> None:
    url = served(server, "en")
    assert url.endswith("?lang=en")
    path = url[url.index("/t/"):]
    with server.http() as http:
        status = http.get(path)
        assert 'lang="en"' in status.text and "Business Registration" in status.text
        assert "Done" in status.text and "Rate this service" in status.text
        href = re.search(r'href="([^"]+)"', status.text)
        assert href is not None and href.group(1).endswith("/rate?lang=en")
        rate = path.split("?")[0] + "/rate?lang=en"
        form = http.get(rate)
        assert "Are you satisfied with the service?" in form.text
        assert "Very dissatisfied" in form.text and "Unfriendly service" in form.text
        assert 'value="服务态度差"' in form.text  # what is sent stays the hall's own reason
        assert "Business Registration · Window 1" in form.text
        missing = http.post(rate, content="score=1", headers={
            "Content-Type": "application/x-www-form-urlencoded"})
        assert missing.status_code == 422
        assert "please choose at least one reason" in missing.text
        thanks = http.post(rate, content="score=1&reasons=%E6%9C%8D%E5%8A%A1%E6%80%81%E5%BA%A6"
                           "%E5%B7%AE", headers={
                               "Content-Type": "application/x-www-form-urlencoded"})
        assert thanks.status_code == 200
        assert "Thank you for your rating" in thanks.text and "Very dissatisfied" in thanks.text
        again = http.get(rate)
        assert again.status_code == 409 and "Already rated" in again.text
        [follow_up] = http.get("/api/follow-ups").json()  # the hall reads its own reason
        assert "服务态度差" in str(follow_up)


def test_a_chinese_ticket_keeps_chinese_pages(server: LiveServer) -> None:
    url = served(server, "zh")
    assert "lang=" not in url
    with server.http() as http:
        status = http.get(url[url.index("/t/"):])
        assert 'lang="zh-CN"' in status.text and "已办结" in status.text
        form = http.get(url[url.index("/t/"):] + "/rate")
        assert "您对本次服务满意吗？" in form.text and 'action="rate"' in form.text


def test_reasons_in_english_for_pads_and_displays(server: LiveServer) -> None:
    with server.http() as http:
        options = http.get("/api/ratings/options").json()
        assert options["reasons_en"][0] == "Unfriendly service"
        assert options["levels_en"]["1"] == "Very dissatisfied"
        server.login("3", "c03", "3456")
        http.post("/api/windows/3/pause", json={"reason": "午休"}).raise_for_status()
        state = http.get("/api/state").json()
        [window] = [w for w in state["windows"] if w["id"] == "3"]
        assert (window["pause_reason"], window["pause_reason_en"]) == ("午休", "Lunch break")
        assert state["hall"]["pause_reasons_en"][1] == "Lunch break"
