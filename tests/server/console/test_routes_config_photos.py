"""A clerk's photo uploaded on the clerk's page: checked to be a JPEG or PNG, kept (made a JPEG
of at most 600x800), named in the clerk's configuration (audited, published) and served to the
apps at the window view's ``photo_url``."""

from __future__ import annotations

import base64
import io
import re

import httpx2
from PIL import Image

from tests.server.apifix import DISPLAY, PADS, Api
from tests.server.console.consolefix import add_users, csrf_of, log_in


def picture(kind: str = "PNG", size: tuple[int, int] = (300, 400),
            color: str = "#c62828") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, kind)
    return out.getvalue()


def upload(api: Api, clerk: str, data: bytes, name: str = "face.png") -> httpx2.Response:
    page = api.client.get(f"/console/config/clerks/{clerk}")
    version = re.search(r'id="upload-photo">\s*<input type="hidden" name="csrf" value="[^"]+">'
                        r'\s*<input type="hidden" name="version" value="(\d+)"', page.text)
    assert version
    return api.client.post(f"/console/config/clerks/{clerk}/photo", follow_redirects=False,
                           data={"csrf": csrf_of(page.text), "version": version.group(1)},
                           files={"photo": (name, data, "image/png")})


def test_an_uploaded_photo_reaches_the_window_view_and_the_api(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss")
    api.login("1", "c01")
    assert api.window("1")["clerk"]["photo_url"] is None
    before = api.client.get("/console/config/clerks").text  # the list says where one is missing
    assert re.search(r'<tr data-clerk="c01">\s*<td><a class="muted" href="/console/config/clerks/'
                     r'c01#photo">未上传</a>', before)
    answer = upload(api, "c01", picture("PNG", (1200, 1600)))
    assert answer.status_code == 303
    url = api.window("1")["clerk"]["photo_url"]
    assert url.startswith("/api/clerks/c01/photo?v=")
    served = api.ok("GET", url, DISPLAY)
    assert served["clerk"] == "c01" and served["content_type"] == "image/jpeg"
    assert url.endswith("?v=" + served["version"][:12])
    jpeg = base64.b64decode(served["data_base64"])
    with Image.open(io.BytesIO(jpeg)) as image:
        assert image.format == "JPEG" and image.size == (600, 800)
        red = image.getpixel((300, 400))
        assert isinstance(red, tuple) and red[0] > 150  # still the red picture
    assert api.get(url, PADS).status_code == 200
    assert api.get(url, None).status_code == 401
    page = api.client.get("/console/config/clerks")
    assert re.search(r'<img class="thumb"[^>]*src="/console/config/clerks/c01/photo\?v=', page.text)
    thumb = api.client.get(url.replace("/api/", "/console/config/"))
    assert thumb.status_code == 200 and thumb.content == jpeg
    line = [x for x in api.ok("GET", "/api/audit") if x["target"] == "clerks/c01"][-1]
    assert line["who"] == "console:boss" and line["after"]["photo"].startswith("upload:")
    assert "secrets_changed" not in line["after"]  # the PIN stayed
    api.act("1", "logout")
    api.login("1", "c01")  # and so did the PIN itself
    second = upload(api, "c01", picture("JPEG", color="#1565c0"), "b.jpg")
    assert second.status_code == 303
    newer = api.window("1")["clerk"]["photo_url"]
    assert newer != url and api.get(url, DISPLAY).status_code == 200  # the clerk's photo now
    removed = api.client.post("/console/config/clerks/c01/photo/remove", follow_redirects=False,
                              data={"csrf": csrf_of(page.text)})
    assert removed.status_code == 303
    assert api.window("1")["clerk"]["photo_url"] is None
    assert api.get("/api/clerks/c01/photo", DISPLAY).status_code == 404
    assert api.get("/api/clerks/nobody/photo", DISPLAY).json()["code"] == "no_photo"


def test_not_an_image_and_too_large_are_refused_on_the_form(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "boss")
    text = upload(api, "c02", b"%PDF-1.4 not a picture at all", "cv.pdf")
    assert text.status_code == 422 and "不是可读取的 JPEG 或 PNG 图片" in text.text
    gif = io.BytesIO()
    Image.new("RGB", (20, 20)).save(gif, "GIF")
    assert upload(api, "c02", gif.getvalue(), "a.gif").status_code == 422
    big = picture("PNG") + b"\0" * (2 * 1024 * 1024)
    too_large = upload(api, "c02", big)
    assert too_large.status_code == 413 and "文件太大" in too_large.text
    huge = upload(api, "c02", b"\0" * (3 * 1024 * 1024))
    assert huge.status_code == 413 and "太大" in huge.text
    clerk = next(c for c in api.ok("GET", "/api/config")["clerks"] if c["id"] == "c02")
    assert "photo" not in clerk or not clerk["photo"].startswith("upload:")


def test_a_viewer_may_not_upload_and_the_upload_needs_its_csrf(api: Api) -> None:
    add_users(api.server)
    log_in(api.client, "watch")
    page = api.client.get("/console/config/clerks/c03")
    assert 'id="upload-photo"' not in page.text
    refused = api.client.post("/console/config/clerks/c03/photo", data={"csrf": "x"},
                              files={"photo": ("a.png", picture(), "image/png")})
    assert refused.status_code == 403
    log_in(api.client, "boss")
    no_csrf = api.client.post("/console/config/clerks/c03/photo",
                              files={"photo": ("a.png", picture(), "image/png")})
    assert no_csrf.status_code == 403
    assert api.ok("GET", "/api/config")["clerks"][2].get("photo", "") == ""
