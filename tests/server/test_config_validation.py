"""Configs that used to load and then break in use are refused at load, naming file and key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hallq.common.tomlreader import ConfigError
from hallq.server.config import load_hall
from hallq.server.domain.secrets import check_pin, hash_pin, is_pin_hash
from tests.server.test_config import C1, DK, MINIMAL, ROOT, S1, W1, write

PIN = hash_pin("1234", iterations=1000)
CLERK = '[[clerks]]\nid = "c1"\nname = "王芳"\npin_hash = "{}"\n'
BROKEN_HASH = "pbkdf2_sha256$120000$zz$" + "0" * 64  # the salt is not hex: login used to 500
BAD = [
    ("malformed pin_hash", MINIMAL + CLERK.format(BROKEN_HASH), C1 + ".pin_hash",
     "not a PIN hash made by 'hallq hash-pin'"),
    ("truncated pin_hash", MINIMAL + CLERK.format(PIN[:-3]), C1 + ".pin_hash",
     "not a PIN hash made by 'hallq hash-pin'"),
    ("pin_hash with absurd iterations", MINIMAL + CLERK.format(
        PIN.replace("$1000$", "$999999999$")), C1 + ".pin_hash", "hallq hash-pin"),
    ("clear-text guide PIN", MINIMAL + "[policy]\npriority_needs_pin = true\n"
     'guide_pin_hash = "2580"\n', "policy.guide_pin_hash", "never the PIN"),
    ("clerk at a window that does not exist",
     MINIMAL + CLERK.format(PIN) + 'windows = ["99"]\n', C1 + ".windows #1",
     "no window '99'"),
    ("typical_minutes 1e23", MINIMAL.replace('prefix = "A"', 'prefix = "A"\n'
     "typical_minutes = 1e23"), S1 + ".typical_minutes", "whole number"),
    ("typical_minutes of a week", MINIMAL.replace('prefix = "A"', 'prefix = "A"\n'
     "typical_minutes = 10080"), S1 + ".typical_minutes", "from 1 to 480"),
    ("weight nan", MINIMAL.replace('prefix = "A"', 'prefix = "A"\nweight = nan'),
     S1 + ".weight", "greater than 0"),
    ("weight inf", MINIMAL.replace('prefix = "A"', 'prefix = "A"\nweight = inf'),
     S1 + ".weight", "at most 100"),
    ("weight 0", MINIMAL.replace('prefix = "A"', 'prefix = "A"\nweight = 0'),
     S1 + ".weight", "greater than 0"),
    ("daily_quota huge", MINIMAL.replace('prefix = "A"', 'prefix = "A"\n'
     "daily_quota = 9223372036854775807"), S1 + ".daily_quota", "from 0 to 100000"),
    ("window number huge", MINIMAL.replace('id = "1"', 'id = "1"\nnumber = 10000000000'),
     W1 + ".number", "from 0 to 9999"),
    ("appointment_early_minutes huge", MINIMAL + "[policy]\nappointment_early_minutes = "
     "100000000\n", "policy.appointment_early_minutes", "from 0 to 1440"),
    ("follow_up_days huge", MINIMAL + "[policy]\nfollow_up_days = 100000\n",
     "policy.follow_up_days", "from 1 to 366"),
    ("estimate_window huge", MINIMAL + "[policy]\nestimate_window = 10000000\n",
     "policy.estimate_window", "from 1 to 1000"),
    ("token_sha256 not hex", MINIMAL + '[[devices]]\nid = "k"\nkind = "kiosk"\n'
     'token_sha256 = "secret-in-clear"\n', DK + ".token_sha256", "64 hex digits"),
    ("device token no HTTP header can carry", MINIMAL + '[[devices]]\nid = "k"\n'
     'kind = "kiosk"\ntoken = "令牌令牌令牌令牌令牌令牌"\n', DK + ".token", "printable ASCII"),
    ("status_url without the token", MINIMAL.replace("[hall]\n", '[hall]\nstatus_url = '
     '"http://hall/t/"\n'), "hall.status_url", "{token}"),
    ("caller pause reason the server refuses", MINIMAL + '[caller]\npause_reasons = ["喝茶"]\n',
     "caller.pause_reasons #1", "not one of [policy] pause_reasons"),
    ("display zone of a missing window", MINIMAL + '[display]\nwindows = ["1", "99"]\n',
     "display.windows #2", "no window '99'"),
    ("display zone of a missing service", MINIMAL + '[display]\nservices = ["tax"]\n',
     "display.services #1", "no service 'tax'"),
    ("demo clerk at a missing window", MINIMAL + CLERK.format(PIN)
     + '[demo]\nclerks = [["9", "c1", "1234"]]\n', "demo.clerks #1", "no window '9'"),
    ("demo clerk that does not exist", MINIMAL + '[demo]\nclerks = [["1", "c9", "1234"]]\n',
     "demo.clerks #1", "no clerk 'c9'"),
]


@pytest.mark.parametrize(("text", "key", "message"), [b[1:] for b in BAD],
                         ids=[b[0] for b in BAD])
def test_a_config_that_would_break_later_is_refused_at_load(
        tmp_path: Path, text: str, key: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_hall(path)
    assert str(err.value).startswith(f"{path}: {key}"), str(err.value)
    assert message in str(err.value)


def test_the_good_forms_of_the_same_keys_still_load(tmp_path: Path) -> None:
    text = (MINIMAL.replace('prefix = "A"', 'prefix = "A"\nweight = 2.5\ntypical_minutes = 480')
            .replace("[hall]\n", '[hall]\nstatus_url = "https://hall.example/t/{token}"\n')
            + CLERK.format(PIN) + 'windows = ["1"]\n'
            + f'[policy]\npriority_needs_pin = true\nguide_pin_hash = "{PIN}"\n'
            + '[caller]\npause_reasons = ["午休"]\n[display]\nwindows = ["1"]\n'
            + 'services = ["biz"]\n[demo]\nclerks = [["1", "c1", "1234"]]\n')
    hall = load_hall(write(tmp_path, text))
    assert hall.services[0].weight == 2.5 and hall.services[0].typical_service_s == 480 * 60
    assert hall.clerk("c1").windows == ("1",)  # type: ignore[union-attr]
    assert check_pin("1234", hall.policy.guide_pin_hash)


def test_a_malformed_hash_matches_no_pin_instead_of_raising() -> None:
    assert is_pin_hash(PIN) and not is_pin_hash(BROKEN_HASH)
    assert not check_pin("1234", BROKEN_HASH) and not check_pin("1234", "1234")
    assert check_pin("1234", PIN) and not check_pin("１２３４", PIN)


def test_a_directory_is_named_as_such(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        load_hall(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a directory, not a config file"


def test_a_path_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    inside_a_file = write(tmp_path, MINIMAL) / "hall.toml"
    with pytest.raises(ConfigError, match="cannot be read"):
        load_hall(inside_a_file)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    path.chmod(0)
    with pytest.raises(ConfigError, match="cannot be read"):
        load_hall(path)


def test_deep_nesting_is_refused_in_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "deep = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(ConfigError) as err:
        load_hall(path)
    assert str(err.value) == f"{path}: lists or tables are nested too deeply"


def run_server(tmp_path: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HALLQ_ADMIN_TOKEN": "x" * 20}
    return subprocess.run(
        [sys.executable, "-m", "hallq", "server", "--config", str(config), "--db",
         f"sqlite:///{tmp_path / 'h.db'}", "--port", "9"],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)


@pytest.mark.parametrize("case", ["malformed pin_hash", "directory", "deep nesting"])
def test_hallq_server_refuses_with_one_line_and_exit_code_2(tmp_path: Path, case: str) -> None:
    if case == "directory":
        config, expected = tmp_path, f"{tmp_path}: is a directory, not a config file"
    elif case == "deep nesting":
        config = write(tmp_path, MINIMAL + "deep = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n")
        expected = f"{config}: lists or tables are nested too deeply"
    else:
        config = write(tmp_path, MINIMAL + CLERK.format(BROKEN_HASH))
        expected = f"{config}: {C1}.pin_hash: not a PIN hash made by 'hallq hash-pin'"
    done = run_server(tmp_path, config)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().startswith(f"hallq server: {expected}"), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr and "Uvicorn running" not in done.stdout
