"""The simulated bus window: its config drives its devices, its buttons press their keys."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hallq.bridge.settings import load_settings
from hallq.bus_sim.window import BusSimWindow
from hallq.hardware.bus.config import load_bus_config
from hallq.hardware.bus.sim_hall import SimHall
from tests.bridge.conftest import Rig
from tests.live_server import HALL, ROOT, free_port


def test_written_bus_config_lists_every_simulated_device(tmp_path: Path) -> None:
    hall = SimHall(["1", "14"], codec="vendor_fe_xor")
    try:
        hall.write_bus_config(tmp_path / "bus.toml")
        config = load_bus_config(tmp_path / "bus.toml")
    finally:
        hall.close()
    assert config.ports[0].url == hall.line.url and config.ports[0].codec == "vendor_fe_xor"
    kinds = sorted((d.kind, d.address, d.window) for d in config.devices)
    assert kinds == [("keypad", 101, "1"), ("keypad", 102, "14"), ("led", 1, "1"),
                     ("led", 2, "14"), ("rating", 151, "1"), ("rating", 152, "14"),
                     ("strip", 200, None)]


def test_demo_bus_config_matches_what_bus_sim_serves(tmp_path: Path) -> None:
    port = free_port()
    hall = SimHall(["1", "2", "3"], tcp_port=port)
    try:
        hall.write_bus_config(tmp_path / "bus.toml")
    finally:
        hall.close()
    served = load_settings(tmp_path / "bus.toml", HALL)
    demo = load_settings(ROOT / "config" / "bus-demo.toml", HALL)
    assert hall.line.url == f"socket://127.0.0.1:{port}"
    assert demo.bus.ports[0].url == "socket://127.0.0.1:4001"
    assert replace(demo.bus.ports[0], url="") == replace(served.bus.ports[0], url="")
    assert (demo.bus.devices, demo.pause_reason) == (served.bus.devices, served.pause_reason)


def test_buttons_press_keys_on_the_simulated_devices(qtbot: QtBot, tmp_path: Path) -> None:
    hall = SimHall(["1"])
    try:
        window = BusSimWindow(hall, tmp_path / "bus.toml", "en")
        qtbot.addWidget(window)
        panel = window.panels[0]
        for name in ("key_next", "key_finish", "rate_5"):
            _button(panel, name).click()
        assert hall.window("1").keypad.pending_events() == 2
        assert hall.window("1").rating.pending_events() == 1
    finally:
        hall.close()


def _button(panel: QWidget, name: str) -> QPushButton:
    button = panel.findChild(QPushButton, name)
    assert button is not None, name
    return button


def test_window_shows_what_the_bridge_sent(rig: Rig, tmp_path: Path) -> None:
    window = BusSimWindow(rig.hall, tmp_path / "bus.toml")
    rig.qtbot.addWidget(window)
    for w in ("1", "2", "3"):
        rig.login(w)
        rig.issue()
        rig.api("POST", f"/api/windows/{w}/next")
    rig.wait(lambda: all(p.led.text for p in window.panels))
    rig.wait(lambda: window.strip.text.count("请") == 3)
    assert [p.led.text for p in window.panels] == [p.sim.led.text for p in window.panels]
    window.resize(1200, 760)
    assert not window.grab().isNull()
