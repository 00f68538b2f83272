"""Rules defined once (issue 14): the default pause reasons and the English-name fallback."""

from __future__ import annotations

from pathlib import Path

from hallq.caller.pad.cli import pause_reasons
from hallq.client.names import local_name, pick_name
from hallq.server.config import load_hall
from hallq.server.domain.hall import PAUSE_REASONS, Hall
from tests.server.apifix import DISPLAY, HALL, Api


def test_a_hall_without_pause_reasons_gets_the_domains_everywhere(tmp_path: Path) -> None:
    assert "其他" in PAUSE_REASONS
    assert Hall("h", (), ()).pause_reasons == PAUSE_REASONS
    bare = tmp_path / "hall.toml"
    bare.write_text(HALL.read_text(encoding="utf-8").replace("pause_reasons =", "# was:"),
                    encoding="utf-8")
    assert load_hall(bare).pause_reasons == PAUSE_REASONS
    assert pause_reasons(bare) == []  # the pad then offers the server's, from its snapshot


def test_the_snapshot_tells_the_pads_the_halls_pause_reasons(api: Api) -> None:
    hall = api.ok("GET", "/api/state", DISPLAY)["hall"]
    assert hall["pause_reasons"] == ["会议", "午休", "业务培训", "临时离开", "其他"]


def test_english_names_fall_back_to_the_chinese_one() -> None:
    assert pick_name("企业开办", "Business", "en") == "Business"
    assert pick_name("企业开办", "", "en") == pick_name("企业开办", "Business", "zh") == "企业开办"
    assert local_name({"id": "3", "name": "3号窗口", "name_en": None}, "en") == "3号窗口"
    assert local_name({"id": "3", "name": ""}, "zh") == "3"
