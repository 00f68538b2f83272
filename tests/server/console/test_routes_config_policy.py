"""The policy's and the hall's configuration pages over HTTP: the reasons (one per line, in
Chinese and English), the alarm thresholds and the follow-up deadline; the hall's name, hours,
holidays and make-up days. Only the keys changed are sent; refusals name the field."""

from __future__ import annotations

import re
from typing import Any

from tests.server.apifix import Api
from tests.server.console.consolefix import add_users, csrf_of, log_in
from tests.server.console.test_routes_config_services import admin_page, error_next_to, post


def form_of(html: str) -> dict[str, str]:
    """The values a page's form would send as it stands (text, number, textarea, ticked)."""
    fields = dict(re.findall(r'<input type="(?:text|number|hidden)" name="([^"]+)" '
                             r'value="([^"]*)"', html))
    fields.update(re.findall(r'<textarea name="([^"]+)" rows="\d+">([^<]*)</textarea>', html))
    fields.update({k: "on" for k in re.findall(r'type="checkbox" name="([^"]+)" checked', html)})
    return {k: v.replace("&#39;", "'").replace("&amp;", "&") for k, v in fields.items()}


def config(api: Api, section: str) -> dict[str, Any]:
    found: dict[str, Any] = api.ok("GET", "/api/config")[section]
    return found


def test_the_policy_page_shows_every_value_in_force(api: Api) -> None:
    page = admin_page(api, "/console/config/policy")
    values = form_of(page)
    assert values["pause_reasons"].splitlines() == ["会议", "午休", "业务培训", "临时离开", "其他"]
    assert values["alarm_wait_minutes"] == "30" and values["follow_up_days"] == "15"
    assert values["require_login"] == "on" and "priority_needs_pin" not in values
    english = api.client.get("/console/config/policy?lang=en").text
    assert "Bad-rating reasons" in english and "Alarm thresholds" in english


def test_an_admin_changes_the_reasons_and_thresholds_and_only_those_are_sent(api: Api) -> None:
    values = form_of(admin_page(api, "/console/config/policy"))
    before = config(api, "policy")
    changed = {**values, "pause_reasons": "会议\n午休\n外出办事\n其他",
               "pause_reasons_en": "Meeting\nLunch\nErrand\nOther",
               "alarm_wait_minutes": "25", "follow_up_days": "10"}
    saved = post(api, "/console/config/policy", values["csrf"], changed)
    assert saved.status_code == 303, saved.text
    after = config(api, "policy")
    assert after["pause_reasons"] == ["会议", "午休", "外出办事", "其他"]
    assert after["alarm_wait_minutes"] == 25 and after["follow_up_days"] == 10
    assert after["version"] == before["version"] + 1
    assert api.state()["hall"]["pause_reasons"] == ["会议", "午休", "外出办事", "其他"]
    patch = [x for x in api.ok("GET", "/api/audit") if x["target"] == "policy"][-1]
    assert patch["who"] == "console:boss"
    assert patch["before"]["bad_rating_reasons"] == patch["after"]["bad_rating_reasons"]
    emptied = post(api, "/console/config/policy", values["csrf"], {
        **changed, "pause_reasons_en": "", "alarm_wait_minutes": " ",
        "version": str(after["version"])})
    assert emptied.status_code == 303
    policy = config(api, "policy")
    assert "pause_reasons_en" not in policy and "alarm_wait_minutes" not in policy
    assert form_of(api.client.get("/console/config/policy").text)["alarm_wait_minutes"] == "30"


def test_refused_policy_changes_name_the_field_and_keep_the_input(api: Api) -> None:
    values = form_of(admin_page(api, "/console/config/policy"))
    uneven = post(api, "/console/config/policy", values["csrf"], {
        **values, "bad_rating_reasons_en": "Rude\nSlow"})
    assert uneven.status_code == 422
    assert "差评原因（英文）" in error_next_to(uneven.text, "bad_rating_reasons_en")
    assert "Rude\nSlow" in uneven.text
    factor = post(api, "/console/config/policy", values["csrf"], {
        **values, "alarm_service_factor": "1.2"})
    assert factor.status_code == 422 and "1.5" in error_next_to(factor.text,
                                                                "alarm_service_factor")
    pin = post(api, "/console/config/policy", values["csrf"], {
        **values, "priority_needs_pin": "on"})
    assert pin.status_code == 422 and "guide_pin" in error_next_to(pin.text, "guide_pin")
    with_pin = post(api, "/console/config/policy", values["csrf"], {
        **values, "priority_needs_pin": "on", "guide_pin": "2468"})
    assert with_pin.status_code == 303
    stale = post(api, "/console/config/policy", values["csrf"], {**values,
                                                                 "follow_up_days": "9"})
    assert stale.status_code == 409 and "已被他人修改" in stale.text
    assert config(api, "policy")["follow_up_days"] == 15


def test_an_admin_changes_the_hall_s_name_hours_and_holidays(api: Api) -> None:
    page = admin_page(api, "/console/config")
    values = form_of(page)
    assert values["hours"].splitlines()[0] == "mon-fri 08:30-12:00"
    assert values["holidays"].splitlines() == ["2027-01-01", "2027-02-05..2027-02-11"]
    saved = post(api, "/console/config/hall", values["csrf"], {
        **values, "name": "示例县政务服务中心（新区）",
        "holidays": "2027-01-01\n2027-05-01..2027-05-05",
        "make_up_days": ""})
    assert saved.status_code == 303, saved.text
    hall = config(api, "hall")
    assert hall["name"] == "示例县政务服务中心（新区）" and "make_up_days" not in hall
    assert hall["holidays"] == ["2027-01-01", "2027-05-01..2027-05-05"]
    assert api.state()["hall"]["name"] == "示例县政务服务中心（新区）"
    bad = post(api, "/console/config/hall", values["csrf"], {
        **values, "hours": "mon-fri 8-12", "version": str(hall["version"])})
    assert bad.status_code == 422 and "请检查「办理时间」" in error_next_to(bad.text, "hours")
    assert "mon-fri 8-12" in bad.text


def test_a_viewer_reads_the_policy_and_the_hall(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "watch")
    policy = api.client.get("/console/config/policy")
    assert policy.status_code == 200 and "<fieldset disabled>" in policy.text
    assert 'name="guide_pin"' not in policy.text
    hall = api.client.get("/console/config").text
    assert "2027-02-05..2027-02-11" in hall and 'action="/console/config/hall"' not in hall
    refused = api.client.post("/console/config/policy", data={
        "csrf": csrf_of(policy.text), "follow_up_days": "3"})
    assert refused.status_code == 403
    log_in(api.client, "boss")
    no_csrf = api.client.post("/console/config/policy", data={"follow_up_days": "3"})
    assert no_csrf.status_code == 403
    assert config(api, "policy")["follow_up_days"] == 15
