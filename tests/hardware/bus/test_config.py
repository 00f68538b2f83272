from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hallq.hardware.bus.config import BusConfigError, load_bus_config, parse_bus_config

ROOT = Path(__file__).resolve().parents[3]


def test_example_config_loads() -> None:
    config = load_bus_config(ROOT / "config" / "bus.toml")
    assert {p.name for p in config.ports} == {"windows-1-8", "rating"}
    keypad = next(d for d in config.devices if d.kind == "keypad")
    assert keypad.keymap[1] == "next" and keypad.window == "1"
    assert config.ports[0].timing.gap_ms == 20


def base(**device: Any) -> dict[str, Any]:
    return {"ports": [{"name": "p", "url": "loop://"}],
            "devices": [{"kind": "led", "address": 1, "window": "1", **device}]}


@pytest.mark.parametrize(("data", "message"), [
    ({"devices": []}, r"bus\.toml: ports: at least one"),
    (base(kind="lamp"), r"devices\[0\]\.kind: one of"),
    (base(address=300), r"devices\[0\]\.address: 300 outside 1\.\.247"),
    (base(address="one"), r"devices\[0\]\.address: expected int"),
    (base(window=None), r"devices\[0\]\.window: a led needs"),
    (base(port="q"), r"devices\[0\]\.port: no port named 'q'"),
    (base(kind="keypad", keymap="nope"), r"devices\[0\]\.keymap: no \[keymaps\.nope\]"),
    (base(kind="keypad", keymap={"1": "dance"}), r"devices\[0\]\.keymap\.1: action one of"),
    ({"ports": [{"url": "loop://", "codec": "acme"}]}, r"ports\[0\]\.codec: codec 'acme'"),
    ({"ports": [{"url": "loop://", "gap_ms": "fast"}]}, r"ports\[0\]\.gap_ms: expected"),
])
def test_errors_name_file_and_key(data: dict[str, Any], message: str) -> None:
    with pytest.raises(BusConfigError, match=message):
        parse_bus_config(data, "bus.toml")


def test_duplicate_address_on_a_port_is_refused() -> None:
    data = base()
    data["devices"].append({"kind": "keypad", "address": 1, "window": "1"})
    with pytest.raises(BusConfigError, match=r"devices\[1\]\.address: 1 is already used"):
        parse_bus_config(data, "bus.toml")


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(BusConfigError, match=r"nothere\.toml"):
        load_bus_config(tmp_path / "nothere.toml")
