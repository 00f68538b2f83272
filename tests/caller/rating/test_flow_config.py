"""The rating pad follows the live configuration: new bad-rating reasons are offered at once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hallq.caller.rating.flow import RatingFlow
from hallq.caller.rating.settings import PadSettings
from hallq.client.connection import HallClient
from tests.live_server import WINDOWS, LiveServer


def test_the_pad_offers_the_new_reasons(qtbot: QtBot, server: LiveServer) -> None:
    client = HallClient(server.url, WINDOWS, retry_ms=(100, 300))
    flow = RatingFlow(client, "4", PadSettings())
    client.start()
    try:
        qtbot.waitUntil(lambda: client.online and "服务态度差" in flow.reasons, timeout=5000)
        with qtbot.waitSignal(flow.reasonsChanged, timeout=5000,
                              check_params_cb=lambda r: r == ["等候时间长", "其他"]), \
                server.http() as http:
            http.patch("/api/config/policy", json={"bad_rating_reasons": ["等候时间长", "其他"],
                                                        "bad_rating_reasons_en": None}
                       ).raise_for_status()
        assert flow.reasons == ["等候时间长", "其他"]
    finally:
        client.stop()
