"""The display says when the server is gone and catches up when it returns; its layout
adapts to landscape and portrait screens and pages through a hall of 300 windows."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from bench.bench_display import write_hall
from hallq.client.i18n import error_text
from hallq.display.tv.options import DisplayOptions
from tests.display.tv.helpers import display, login, post, texts, tile, waiting
from tests.live_server import DISPLAY, LiveServer, free_port, live_server


def test_offline_banner_then_the_state_catches_up(qtbot: QtBot, tmp_path: Path) -> None:
    db, port = tmp_path / "hall.db", free_port()
    first_run = ExitStack()
    first = first_run.enter_context(live_server(db, port=port))
    login(first, "1")
    for _ in range(3):
        post(first, "/api/tickets", {"service": "biz"})
    post(first, "/api/windows/1/next")
    with display(qtbot, first.url) as window:
        qtbot.waitUntil(lambda: window.newest.number.text() == "A001", timeout=5000)
        assert not window.banner.isVisible()
        first_run.close()  # the server stops; the display stays
        qtbot.waitUntil(window.banner.isVisible, timeout=8000)
        assert window.banner.text() == error_text("offline", "zh", "")
        assert any("暂时无法连接排队服务器" in t for t in texts(window))
        with live_server(db, port=port) as second:
            post(second, "/api/windows/1/finish")
            post(second, "/api/windows/1/next")  # while the display was away, or just back
            qtbot.waitUntil(lambda: not window.banner.isVisible()
                            and window.newest.number.text() == "A002", timeout=10000)
            assert tile(window, "1号窗口").big.text() == "A002"
            assert waiting(window)["企业开办"] == "1 人"
            assert window.recent.rows[0][0].text() == "A001"


def test_landscape_and_portrait_layouts(qtbot: QtBot, server: LiveServer) -> None:
    def where(widget: QWidget, window: QWidget) -> tuple[int, int]:
        point = widget.mapTo(window, widget.rect().topLeft())
        return point.x(), point.y()

    login(server, "1")
    with display(qtbot, server.url, size=(1920, 1080)) as window:
        qtbot.waitUntil(lambda: len(waiting(window)) == 11, timeout=5000)
        (nx, ny), (gx, gy) = where(window.newest, window), where(window.grid, window)
        assert nx < gx and abs(ny - gy) < 80  # calls on the left, windows on the right
        assert (window.grid.cols, window.grid.rows) == (4, 4)
        window.resize(1080, 1920)
        qtbot.waitUntil(lambda: window.grid.cols == 3, timeout=5000)
        (nx, ny), (gx, gy) = where(window.newest, window), where(window.grid, window)
        assert ny < gy  # calls on top, windows below
        assert window.size().toTuple() == (1080, 1920)  # nothing pushes it wider
        for part in (window.header.hall, window.newest.where, window.ticker, window.waiting):
            x, _ = where(part, window)
            assert x >= 0 and x + part.width() <= 1080
        shown = [t.name.text() for t in window.grid.tiles if t.isVisible()]
        assert len(shown) == 14 and window.grid.pages == 1
        assert window.header.hall.text() == "示例县政务服务中心"


def test_three_hundred_windows_rotate_in_pages(qtbot: QtBot, tmp_path: Path) -> None:
    config = write_hall(tmp_path / "big.toml", 300, display_token=DISPLAY)
    options = DisplayOptions(page_s=3600)  # turned by hand below
    with live_server(tmp_path / "big.db", config=config) as big, \
            display(qtbot, big.url, options) as window:
        grid = window.grid
        per_page = len(grid.tiles)
        assert grid.pages == -(-300 // per_page) > 1
        assert grid.page_label.text() == f"第 1/{grid.pages} 页"
        post(big, "/api/tickets", {"service": "s0"})
        post(big, f"/api/windows/{per_page + 1}/next")  # a window on page 2
        qtbot.waitUntil(lambda: window.newest.number.text() == "A001", timeout=5000)
        assert "A001" not in [t.big.text() for t in grid.tiles]
        grid.next_page()
        assert grid.page_label.text() == f"第 2/{grid.pages} 页"
        assert grid.tiles[0].name.text() == f"{per_page + 1}号窗口"
        assert grid.tiles[0].big.text() == "A001"
