"""``hallq bridge`` as a process: a bad bus config, and a whole run stopped with SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from hallq.bridge.runtime import request_for
from hallq.bridge.settings import BridgeSetupError, load_settings
from hallq.hardware.bus.sim_hall import SimHall
from tests.live_server import HALL, KIOSK, ROOT, LiveServer


def bridge(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "hallq", "bridge", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_bad_bus_config_exits_2_naming_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[ports]]\nurl = "loop://"\n\n[[devices]]\nkind = "lamp"\naddress = 1\n',
                   encoding="utf-8")
    process = bridge("--bus", str(bad), "--server", "http://127.0.0.1:9", "--token", "t")
    _, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert "bad.toml" in err and "devices[0].kind" in err and "lamp" in err


def test_bad_pause_reason_and_unknown_window_name_the_key(tmp_path: Path) -> None:
    bus = tmp_path / "bus.toml"
    bus.write_text('[bridge]\npause_reason = "打盹"\n[[ports]]\nurl = "loop://"\n'
                   '[[devices]]\nkind = "led"\naddress = 1\nwindow = "1"\n', encoding="utf-8")
    with pytest.raises(BridgeSetupError, match=r"bus.toml: bridge.pause_reason: '打盹'"):
        load_settings(bus, HALL)
    bus.write_text('[[ports]]\nurl = "loop://"\n'
                   '[[devices]]\nkind = "led"\naddress = 1\nwindow = "99"\n', encoding="utf-8")
    with pytest.raises(BridgeSetupError, match=r"devices\[0\].window: no window '99'"):
        load_settings(bus, HALL)


def test_actions_become_api_calls() -> None:
    assert request_for(("window", "3", "next"), "临时离开") == ("/api/windows/3/next", {})
    assert request_for(("window", "3", "pause"), "午休") == \
        ("/api/windows/3/pause", {"reason": "午休"})
    assert request_for(("rating", "14", 2), "x") == \
        ("/api/windows/14/rating", {"score": 2, "channel": "device"})


def test_the_bridge_process_drives_the_devices_and_stops_on_sigterm(
    server: LiveServer, tmp_path: Path
) -> None:
    hall = SimHall(["4"])
    bus = tmp_path / "bus.toml"
    hall.write_bus_config(bus)
    process = bridge("--bus", str(bus), "--server", server.url, "--token", "demo-bridge-token-1")
    try:
        server.login("4", "c04", "4567")
        with httpx.Client(base_url=server.url, timeout=5,
                          headers={"Authorization": f"Bearer {KIOSK}"}) as c:
            number = c.post("/api/tickets", json={"service": "biz"}).json()["number"]
        window = hall.window("4")
        window.keypad.press(1)  # the keypad is polled once the bridge is up
        assert window.led.wait_for(lambda d: d.text == number, timeout=20)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=10)
        assert process.returncode == 0, err
        assert "window 4: next done" in err and "bridge stopped" in err
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=5)
        hall.close()
