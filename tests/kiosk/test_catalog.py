"""The kiosk's helpers: live counts, window names, the home screen's card packing, names that
fit their buttons."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hallq.kiosk.catalog import Service, best_columns, by_department, compact, pack, with_counts


def service(code: str, department: str, waiting: int = 0, wait_s: int = 0) -> Service:
    return Service(code, code, "", department, waiting, wait_s, True, None, ())


def test_live_counts_scale_the_servers_estimate() -> None:
    read = [service("a", "x", 2, 600), service("b", "x", 0, 0), service("c", "y", 3, 900)]
    live = {s.code: s for s in with_counts(read, {"a": 4, "b": 1, "c": 0})}
    assert (live["a"].waiting, live["a"].estimated_wait_s) == (4, 1200)
    assert (live["b"].waiting, live["b"].estimated_wait_s) == (1, -1)  # not known yet
    assert (live["c"].waiting, live["c"].estimated_wait_s) == (0, 0)


def test_departments_keep_the_config_order() -> None:
    groups = by_department([service("a", "x"), service("b", "y"), service("c", "x")])
    assert [(d, [s.code for s in ss]) for d, ss in groups] == [("x", ["a", "c"]), ("y", ["b"])]


def test_window_names_are_compact_in_both_languages() -> None:
    assert compact(["1号窗口", "2号窗口", "3号窗口"], "zh") == "1、2、3号窗口"
    assert compact(["1号窗口", "帮办代办窗口"], "zh") == "1号窗口、帮办代办窗口"
    assert compact(["Window 1", "Window 2"], "en") == "Windows 1, 2"
    assert compact(["Window 1", "Assistance Desk"], "en") == "Window 1, Assistance Desk"


def test_cards_pack_without_gaps_when_they_can() -> None:
    spans = [1] * 9 + [2]  # the example hall: nine departments with one service, one with two
    assert pack(spans, 4) == ([(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (1, 1), (1, 2), (1, 3),
                               (2, 0), (2, 1)], 3)
    assert pack([1, 1, 1, 2], 4)[0][-1] == (1, 0)  # a wide card never sticks out
    assert best_columns(spans, 5) == 4  # 5 columns would also need 3 rows, with 4 holes
    assert best_columns(spans, 3) == 3
    assert best_columns([1] * 10, 5) == 5


def test_a_long_name_goes_on_two_lines_rather_than_ending_in_dots(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFontMetrics

    from hallq.client import theme
    from hallq.kiosk.widgets import name_lines

    font = theme.font(28, bold=True)
    lines, fitted_font = name_lines(font, "Social and Medical Insurance", 240)
    assert lines == ["Social and", "Medical Insurance"]
    assert all(QFontMetrics(fitted_font).horizontalAdvance(line) <= 240 for line in lines)
    assert name_lines(font, "Taxation", 240)[0] == ["Taxation"]
    assert name_lines(font, "社保医保", 240)[0] == ["社保医保"]  # Chinese names stay whole
