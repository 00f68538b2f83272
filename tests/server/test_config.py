"""The hall config: the minimal one works, mistakes are named by file and key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hallq.common.tomlreader import ConfigError
from hallq.server.config import load_hall
from hallq.server.domain.secrets import hash_pin

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = """\
[hall]
name = "示例市政务服务中心"

[[services]]
code = "biz"        # stable id used by the API
name = "企业开办"
prefix = "A"

[[windows]]
id = "1"
name = "1号窗口"
services = ["biz"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hall.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_minimal_config_from_the_design_loads(tmp_path: Path) -> None:
    hall = load_hall(write(tmp_path, MINIMAL))
    assert hall.name == "示例市政务服务中心"
    assert [(s.code, s.prefix) for s in hall.services] == [("biz", "A")]
    assert [(w.id, w.services) for w in hall.windows] == [("1", ("biz",))]
    assert hall.timezone == "Asia/Shanghai" and hall.hours == ()


def test_the_example_config_loads() -> None:
    hall = load_hall(ROOT / "config" / "hall.toml")
    assert len(hall.services) == 11 and len(hall.windows) == 14
    assert len({s.prefix for s in hall.services}) == 11
    assert hall.service("exit") is not None and hall.service("exit").hours  # type: ignore[union-attr]
    assert hall.window("14").number == 14  # type: ignore[union-attr]
    assert all(c.pin_hash.startswith("pbkdf2_sha256$") for c in hall.clerks)


# how an error names the first service, window, clerk and devices: counted from one, by id
S1, W1, C1 = 'services #1 (code "biz")', 'windows #1 (id "1")', 'clerks #1 (id "c1")'
DK, DP = 'devices #1 (id "k")', 'devices #1 (id "p")'
PIN = hash_pin("1234", iterations=1000)
BAD = [
    ("missing hall name", MINIMAL.replace('name = "示例市政务服务中心"\n', ""), "hall.name",
     "missing"),
    ("unknown service in a window", MINIMAL.replace('services = ["biz"]', 'services = ["bzi"]'),
     W1 + ".services #1", "no service 'bzi'"),
    ("duplicate prefix", MINIMAL + '[[services]]\ncode = "tax"\nname = "税务"\nprefix = "A"\n',
     'services #2 (code "tax")', "prefix 'A' is used twice (also by services #1"),
    ("bad prefix", MINIMAL.replace('prefix = "A"', 'prefix = "a1"'), S1 + ".prefix",
     "capital letters"),
    ("typo", MINIMAL.replace('prefix = "A"', 'prefix = "A"\nprefx = "B"'),
     S1 + ".prefx", "not a known key"),
    ("typo in a section name", MINIMAL + "[polcy]\nrequire_login = false\n", "polcy",
     "not a known key"),
    ("bad hours", MINIMAL.replace('[hall]\n', '[hall]\nhours = ["mon-fri 9-12"]\n'),
     "hall.hours #1", "mon-fri 09:00-12:00"),
    ("bad weekday", MINIMAL.replace('[hall]\n', '[hall]\nhours = ["mon-fry 09:00-12:00"]\n'),
     "hall.hours #1", "weekdays"),
    ("PIN in clear", MINIMAL + '[[clerks]]\nid = "c1"\nname = "王芳"\npin_hash = "1234"\n',
     C1 + ".pin_hash", "never the PIN"),
    ("bad timezone", MINIMAL.replace('[hall]\n', '[hall]\ntimezone = "Asia/Beijing"\n'),
     "hall.timezone", "unknown time zone"),
    ("wrong type", MINIMAL.replace('id = "1"', "id = 1"), W1 + ".id", "must be a text"),
    ("short device token", MINIMAL + '[[devices]]\nid = "k"\nkind = "kiosk"\ntoken = "abc"\n',
     DK + ".token", "at least 12"),
    ("device for a missing window", MINIMAL + '[[devices]]\nid = "p"\nkind = "window"\n'
     'token = "abcdefghijkl"\nwindows = ["9"]\n', DP + ".windows #1", "no window '9'"),
    ("no windows", MINIMAL.split("[[windows]]")[0], "windows", "at least one"),
]


@pytest.mark.parametrize(("text", "key", "message"), [b[1:] for b in BAD],
                         ids=[b[0] for b in BAD])
def test_a_mistake_names_the_file_and_the_key(tmp_path: Path, text: str, key: str,
                                               message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_hall(path)
    assert str(err.value).startswith(f"{path}: {key}: "), str(err.value)
    assert message in str(err.value)


def test_a_valid_clerk_with_a_hash_loads(tmp_path: Path) -> None:
    hall = load_hall(write(tmp_path, MINIMAL + f'[[clerks]]\nid = "c1"\nname = "王芳"\n'
                                              f'pin_hash = "{PIN}"\n'))
    assert hall.clerk("c1") is not None


def test_bad_toml_syntax_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace('prefix = "A"', 'prefix = "A'))
    with pytest.raises(ConfigError) as err:
        load_hall(path)
    assert str(path) in str(err.value) and "line 7" in str(err.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_hall(tmp_path / "nope.toml")


def test_hallq_server_with_a_bad_config_exits_with_the_message(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace('services = ["biz"]', 'services = ["bzi"]'))
    env = {**os.environ, "HALLQ_ADMIN_TOKEN": "x" * 20}
    done = subprocess.run(
        [sys.executable, "-m", "hallq", "server", "--config", str(path), "--db",
         f"sqlite:///{tmp_path / 'h.db'}", "--port", "9"],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)
    assert done.returncode != 0
    assert f"{path}: {W1}.services #1: no service 'bzi'" in done.stderr
    assert "Uvicorn running" not in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
