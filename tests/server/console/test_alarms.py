"""The alarms on the console's live hall: listed in the marked section while raised, gone when
cleared; nothing at all (the section hidden) while there is none."""

from __future__ import annotations

import re

from tests.server.apifix import KIOSK, Api
from tests.server.console.consolefix import add_users, log_in


def alarm_section(html: str) -> str:
    found = re.search(r'<section id="alarms"[^>]*>(.*?)</section>', html, re.S)
    assert found, "the live page has no alarms section"
    return found.group(1)


def test_an_alarm_shows_on_the_live_hall_until_it_clears(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "watch")
    assert alarm_section(api.client.get("/console").text) == ""  # empty: hidden by the CSS
    api.ok("POST", "/api/devices/heartbeat", KIOSK, json={"app": "kiosk", "host": "k1",
                                                          "printer": "paper_out"})
    section = alarm_section(api.client.get("/console").text)
    assert 'data-alarm="printer:kiosk-1/kiosk/k1"' in section and "打印机缺纸" in section
    assert "打印机" in section and 'role="alert"' in section
    english = alarm_section(api.client.get("/console?lang=en").text)
    assert "printer out of paper" in english and "Printer" in english
    assert api.client.get("/console/live.json").json()["alarms"][0]["kind"] == "printer"
    api.ok("POST", "/api/devices/heartbeat", KIOSK, json={"app": "kiosk", "host": "k1",
                                                          "printer": "ok"})
    assert alarm_section(api.client.get("/console?lang=zh").text) == ""
