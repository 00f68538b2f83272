"""The services' configuration pages over HTTP: an admin adds, changes and removes a service
(its guide in Chinese and English) through the live configuration; refusals re-show the form
with the manager's input and the error next to its field; viewers only read."""

from __future__ import annotations

import re
from typing import Any

from tests.server.apifix import Api
from tests.server.console.consolefix import add_users, csrf_of, log_in

NEW = {"code": "pet", "prefix": "P", "name": "宠物登记", "name_en": "Pet registration",
       "department": "农业农村局", "daily_quota": "30", "typical_minutes": "7",
       "target_minutes": "20", "hours": "mon-fri 09:00-11:30\n",
       "guide.materials": "居民身份证\n\n犬只免疫证明\n",
       "guide.materials_en": "ID card\nVaccination",
       "guide.time_limit": "即办", "guide.fee": "不收费", "guide.fee_en": "Free",
       "win.4": "on", "version": "0"}


def admin_page(api: Api, path: str) -> str:
    add_users(api.server)
    log_in(api.client, "boss")
    page = api.client.get(path)
    assert page.status_code == 200, page.text
    return page.text


def post(api: Api, path: str, csrf: str, data: dict[str, str]) -> Any:
    return api.client.post(path, follow_redirects=False, data={"csrf": csrf, **data})


def service(api: Api, code: str) -> dict[str, Any]:
    config = api.ok("GET", "/api/config")
    found: dict[str, Any] = next(s for s in config["services"] if s["code"] == code)
    return found


def error_next_to(html: str, field: str) -> str:
    """The refusal's words inside the label of the form's ``field``."""
    found = re.search(rf'name="{re.escape(field)}"[^>]*>.*?<span class="field-error"[^>]*>(.*?)'
                      r'</span>', html, re.S)
    assert found, f"no error next to {field}"
    return found.group(1)


def test_the_list_shows_every_service_with_its_windows(api: Api) -> None:
    page = admin_page(api, "/console/config/services")
    assert 'data-service="biz"' in page and "企业开办" in page and "4号窗口" in page
    assert 'href="/console/config/services/new"' in page
    form = api.client.get("/console/config/services/biz")
    assert "公司章程" in form.text and "Articles of association" in form.text
    assert 'name="code" value="biz" readonly' in form.text
    english = api.client.get("/console/config/services/biz?lang=en")
    assert "Materials" in english.text and "Ticket prefix" in english.text


def test_an_admin_adds_a_service_the_kiosk_offers_at_once(api: Api) -> None:
    csrf = csrf_of(admin_page(api, "/console/config/services/new"))
    added = post(api, "/console/config/services", csrf, NEW)
    assert added.status_code == 303, added.text
    offered = {s["code"]: s for s in api.ok("GET", "/api/services")}
    pet = offered["pet"]
    assert pet["prefix"] == "P" and pet["daily_quota"] == 30 and pet["windows"] == ["4"]
    assert pet["guide"]["materials"] == ["居民身份证", "犬只免疫证明"]
    assert pet["guide"]["fee_en"] == "Free"
    stored = service(api, "pet")
    assert stored["hours"] == ["mon-fri 09:00-11:30"] and stored["target_minutes"] == 20
    audit = [x for x in api.ok("GET", "/api/audit") if x["target"] == "services/pet"]
    assert audit[-1]["who"] == "console:boss" and audit[-1]["before"] is None


def test_an_admin_changes_a_guide_and_a_stale_form_gets_409(api: Api) -> None:
    page = admin_page(api, "/console/config/services/biz")
    csrf = csrf_of(page)
    fields = dict(re.findall(r'<input type="(?:text|number)" name="([^"]+)" value="([^"]*)"',
                             page))
    fields.update({k: v for k, v in re.findall(
        r'<textarea name="([^"]+)" rows="\d+">([^<]*)</textarea>', page)})
    assert fields["guide.time_limit"] == "1个工作日" and fields["daily_quota"] == "200"
    version = service(api, "biz")["version"]
    changed = {**fields, "guide.time_limit": "半个工作日", "daily_quota": "150",
               "version": str(version)}
    assert post(api, "/console/config/services/biz", csrf, changed).status_code == 303
    biz = service(api, "biz")
    assert biz["guide"]["time_limit"] == "半个工作日" and biz["daily_quota"] == 150
    assert biz["guide"]["materials_en"][1] == "Articles of association"
    assert biz["version"] == version + 1 and biz["typical_minutes"] == 12
    stale = post(api, "/console/config/services/biz", csrf, {**changed, "name": "又改"})
    assert stale.status_code == 409
    assert f"现为第 {version + 1} 版，您打开的是第 {version} 版" in stale.text
    assert 'value="又改"' in stale.text  # the manager's input is kept
    assert service(api, "biz")["name"] == "企业开办"


def test_a_bad_value_is_refused_next_to_its_field_with_the_input_kept(api: Api) -> None:
    csrf = csrf_of(admin_page(api, "/console/config/services/new"))
    bad = post(api, "/console/config/services", csrf, {**NEW, "prefix": "p1"})
    assert bad.status_code == 422
    assert "请检查「号码前缀」" in error_next_to(bad.text, "prefix")
    assert 'value="宠物登记"' in bad.text and "犬只免疫证明" in bad.text
    assert 'name="win.4" checked' in bad.text
    twice = post(api, "/console/config/services", csrf, {**NEW, "prefix": "A"})
    assert twice.status_code == 409 and "prefix" in twice.text
    materials = post(api, "/console/config/services", csrf,
                     {**NEW, "guide.materials_en": "only one"})
    assert materials.status_code == 422
    assert "materials_en" in error_next_to(materials.text, "guide.materials_en")
    nowhere = post(api, "/console/config/services", csrf, {k: v for k, v in NEW.items()
                                                           if k != "win.4"})
    assert nowhere.status_code == 409 and "served by no window" in nowhere.text
    english = api.client.post("/console/config/services?lang=en", data={
        "csrf": csrf, **NEW, "typical_minutes": "soon"})
    assert english.status_code == 422
    assert "Not saved: check “Usual time (min)”" in error_next_to(english.text,
                                                                  "typical_minutes")
    assert all(s["code"] != "pet" for s in api.ok("GET", "/api/config")["services"])


def test_a_service_with_tickets_waiting_is_not_removed_until_they_are_served(api: Api) -> None:
    csrf = csrf_of(admin_page(api, "/console/config/services/help"))
    ticket = api.issue("help")
    version = str(service(api, "help")["version"])
    refused = post(api, "/console/config/services/help/remove", csrf, {"version": version})
    assert refused.status_code == 409 and "正在使用中" in refused.text
    assert "tickets of service help are waiting" in refused.text
    api.ok("POST", f"/api/tickets/{ticket['id']}/cancel", json={"reason": "left"})
    stale = post(api, "/console/config/services/help/remove", csrf, {"version": "99"})
    assert stale.status_code == 409 and "已被他人修改" in stale.text
    removed = post(api, "/console/config/services/help/remove", csrf, {"version": version})
    assert removed.status_code == 303 and removed.headers["location"].endswith("done=removed")
    assert all(s["code"] != "help" for s in api.ok("GET", "/api/services"))
    window = next(w for w in api.ok("GET", "/api/config")["windows"] if w["id"] == "14")
    assert window["services"] == ["general"]
    alone = post(api, "/console/config/services/exit/remove", csrf, {
        "version": str(service(api, "exit")["version"])})
    assert alone.status_code == 409 and "大厅无法正常运行" in alone.text
    assert "windows/12" in alone.text and "services" in alone.text


def test_a_viewer_reads_the_services_and_a_form_needs_its_csrf(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "watch")
    listed = api.client.get("/console/config/services")
    assert listed.status_code == 200 and "/console/config/services/new" not in listed.text
    form = api.client.get("/console/config/services/biz")
    assert "<fieldset disabled>" in form.text and "remove-form" not in form.text
    refused = api.client.post("/console/config/services/biz", data={
        "csrf": csrf_of(form.text), "name": "x", "prefix": "A", "version": "1"})
    assert refused.status_code == 403
    log_in(api.client, "boss")
    no_csrf = api.client.post("/console/config/services/biz", data={"name": "x"})
    assert no_csrf.status_code == 403
    assert service(api, "biz")["name"] == "企业开办"


def test_a_long_guide_is_saved_whole(api: Api) -> None:
    """A county's guide can be long: 40 materials of 60 characters each and long notes are
    well over 16 KiB once the browser percent-encodes them, and are kept, not refused."""
    csrf = csrf_of(admin_page(api, "/console/config/services/new"))
    materials = [f"第{n}项材料：" + "申请人身份证明原件及复印件一式两份加盖公章" * 2 + "。"
                 for n in range(1, 41)]
    notes = "办理须知：" + "请提前备齐材料，如有疑问请咨询导服台工作人员。" * 60
    data = {**NEW, "guide.materials": "\n".join(materials), "guide.materials_en": "",
            "guide.notes": notes}
    assert len("&".join(f"{k}={v}" for k, v in data.items()).encode()) * 3 > 16 * 1024
    added = post(api, "/console/config/services", csrf, data)
    assert added.status_code == 303, added.text
    guide = next(s for s in api.ok("GET", "/api/services") if s["code"] == "pet")["guide"]
    assert guide["materials"] == materials and guide["notes"] == notes
