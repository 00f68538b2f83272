"""scripts/demo.sh sets up only what the demo needs; scripts/test.sh also PostgreSQL and
Chromium. Checked with a stand-in dpkg-query and the set-up's dry run (no apt-get here)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEST_ONLY = {"postgresql", "chromium", "chromium-driver"}


def packages(name: str) -> set[str]:
    lines = (ROOT / "scripts" / f"debian-packages-{name}.txt").read_text().splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def setup(profile: str, tmp_path: Path, installed: bool) -> str:
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    dpkg = fake / "dpkg-query"
    dpkg.write_text("#!/bin/sh\n" + ("printf 'install ok installed'\n" if installed
                                     else "exit 1\n"))
    dpkg.chmod(0o755)
    answer = subprocess.run(["bash", "scripts/setup.sh", profile], cwd=ROOT, capture_output=True,
                            text=True, timeout=60,
                            env={**os.environ, "PATH": f"{fake}:{os.environ['PATH']}",
                                 "HALLQ_SETUP_DRY_RUN": "1"})
    assert answer.returncode == 0, answer.stderr
    return answer.stdout


def test_the_demo_list_leaves_out_what_only_the_tests_need() -> None:
    demo, test = packages("demo"), packages("test")
    assert test >= TEST_ONLY and not TEST_ONLY & demo and not demo & test
    assert {"xvfb", "fonts-wqy-microhei", "python3-venv", "libxcb-cursor0"} <= demo


@pytest.mark.parametrize("profile", ["demo", "test"])
def test_setup_installs_the_missing_packages_of_its_profile(profile: str, tmp_path: Path) -> None:
    said = setup(profile, tmp_path, installed=False)
    wanted = set(said.split("installing Debian packages: ", 1)[1].split("\n", 1)[0].split())
    expected = packages("demo") | (packages("test") if profile == "test" else set())
    assert wanted == expected


def test_a_second_run_finds_everything_and_installs_nothing(tmp_path: Path) -> None:
    said = setup("demo", tmp_path, installed=True)
    assert "installing" not in said and "packages present" in said


def test_the_scripts_ask_for_their_profile() -> None:
    assert "scripts/setup.sh demo" in (ROOT / "scripts" / "demo.sh").read_text()
    assert "scripts/setup.sh test" in (ROOT / "scripts" / "test.sh").read_text()
