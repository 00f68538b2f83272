"""The ticket's QR code must open on a citizen's phone (issue 13): a ``status_url`` on loopback
is replaced by the server's LAN address, or the start warns about it."""

from __future__ import annotations

from pathlib import Path

from hallq.server.status_address import lan_address, reachable_status_url
from tests.server.realfix import RealServer

EXAMPLE = "http://127.0.0.1:8080/t/{token}"


def test_on_the_lan_the_servers_address_replaces_loopback() -> None:
    url, warning = reachable_status_url(EXAMPLE, "0.0.0.0", 8080, lambda: "192.168.1.10")
    assert url == "http://192.168.1.10:8080/t/{token}"
    assert "points at this computer" in warning and "192.168.1.10" in warning
    url, _ = reachable_status_url("http://localhost/t/{token}?x=1", "10.0.0.5", 9000)
    assert url == "http://10.0.0.5:9000/t/{token}?x=1"  # the address it listens on


def test_a_real_address_is_kept_and_a_loopback_only_server_warns() -> None:
    assert reachable_status_url("http://hall.example.cn/t/{token}", "0.0.0.0", 80) == \
        ("http://hall.example.cn/t/{token}", "")
    url, warning = reachable_status_url(EXAMPLE, "127.0.0.1", 8080)
    assert url == EXAMPLE and "a phone scanning a ticket's QR code cannot open it" in warning
    assert "--host 0.0.0.0" in warning
    assert reachable_status_url(EXAMPLE, "0.0.0.0", 8080, lambda: None)[0] == EXAMPLE
    assert lan_address() is None or not lan_address().startswith("127.")  # type: ignore[union-attr]


def test_the_server_warns_at_start_about_the_example_status_url(tmp_path: Path) -> None:
    server = RealServer(tmp_path / "hall.db").start()  # listens on 127.0.0.1 only
    try:
        log = server.log.read_text(encoding="utf-8", errors="replace")
    finally:
        server.stop()
    assert "hallq server: warning: [hall] status_url http://127.0.0.1:8080/t/{token} points " \
        "at this computer (127.0.0.1)" in log
