"""The citizen's ticket status page (/t/{token})."""

from __future__ import annotations

from tests.server.apifix import Api


def test_the_status_page_of_a_ticket_shows_its_number(api: Api) -> None:
    api.issue("biz")
    ticket = api.issue("biz")
    token = ticket["status_url"].split("/t/")[1]
    page = api.get(f"/t/{token}", None)
    assert page.status_code == 200 and "A002" in page.text and "前面还有 1 人" in page.text
    assert api.get("/t/not-a-ticket", None).status_code == 404
