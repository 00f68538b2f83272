"""The example hall: one set of files that the package ships (``src/hallq/example``) and the
repository documents (``config/``), and the order in which a command picks its hall config.

Why two places: ``config/`` is where a reader of the repository looks and what parallel work
edits; the package is what an installed hallq can read. This test keeps them byte-identical:
after editing one, copy it over the other (``cp config/*.toml src/hallq/example/``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hallq.common import paths

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_example_hall_is_the_documented_one() -> None:
    shipped = sorted(p.name for p in paths.EXAMPLE_DIR.glob("*.toml"))
    assert shipped == sorted(p.name for p in (ROOT / "config").glob("*.toml"))
    for name in shipped:
        assert (paths.EXAMPLE_DIR / name).read_bytes() == (ROOT / "config" / name).read_bytes(), \
            f"config/{name} and src/hallq/example/{name} differ: copy the edited one over"


def test_config_comes_from_the_option_then_the_environment_then_the_example(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(paths.CONFIG_ENV, raising=False)
    assert paths.which_config("") == (paths.example(), paths.which_config("")[1])
    assert "example hall shipped with hallq" in paths.which_config("")[1]
    monkeypatch.setenv(paths.CONFIG_ENV, str(tmp_path / "env.toml"))
    assert paths.which_config("") == (tmp_path / "env.toml", "$HALLQ_CONFIG")
    assert paths.which_config("mine.toml") == (Path("mine.toml"), "--config")


@pytest.mark.parametrize("env, said", [({}, "the example hall shipped with hallq"),
                                       ({"HALLQ_CONFIG": "HALL"}, "($HALLQ_CONFIG)")])
def test_a_command_says_which_hall_config_it_uses(tmp_path: Path, env: dict[str, str],
                                                  said: str) -> None:
    hall = tmp_path / "hall.toml"
    hall.write_bytes(paths.example().read_bytes())
    env = {k: v.replace("HALL", str(hall)) for k, v in env.items()}
    answer = subprocess.run(
        [sys.executable, "-m", "hallq", "print-sample", "--printer", f"preview:{tmp_path}"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
        env={**{k: v for k, v in os.environ.items() if k != "HALLQ_CONFIG"},
             **env})
    assert answer.returncode == 0, answer.stderr
    line = next(line for line in answer.stderr.splitlines() if "hall config" in line)
    assert said in line
    assert str(hall if env else paths.example()) in line
