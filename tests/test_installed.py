"""hallq installed from its wheel into a fresh virtual environment works from any folder: the
example hall ships inside the package, and a part of the demo that cannot start says why at once.

The venv sees the shared environment's site-packages for the dependencies (a .pth file, so
PySide6 is not downloaded again); the wheel itself is installed with --no-deps.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The ``hallq`` command of a fresh venv holding only the wheel built from this tree."""
    folder = tmp_path_factory.mktemp("installed")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w",
                    str(folder)], check=True, capture_output=True, timeout=300)
    wheel = next(folder.glob("hallq-*.whl"))
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig."
                                "get_paths()['purelib'])"], check=True, capture_output=True,
                               text=True).stdout.strip())
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", str(wheel)], check=True, capture_output=True, timeout=300,
                   env=clean_env())
    # after the install (else pip would see the shared editable hallq and install nothing);
    # a path in a .pth file is only appended to sys.path: the wheel's hallq comes first
    (site / "shared-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    yield python.with_name("hallq.exe" if sys.platform == "win32" else "hallq")


def clean_env() -> dict[str, str]:
    """No PYTHONPATH (it may point at a source tree) and no hall config chosen."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "HALLQ_CONFIG")}


def run_installed(hallq: Path, cwd: Path, *args: str, timeout: float = 120,
                  **env: str) -> subprocess.CompletedProcess[str]:
    clean = clean_env()
    return subprocess.run([str(hallq), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env={**clean, "QT_QPA_PLATFORM": "offscreen",
                                                "HALLQ_DATA": str(cwd / "data"), **env})


@pytest.mark.slow
def test_the_installed_hallq_is_the_wheel_not_the_source_tree(installed: Path,
                                                              tmp_path: Path) -> None:
    answer = run_installed(installed, tmp_path, "print-sample", "--printer",
                           f"preview:{tmp_path / 'tickets'}")
    assert answer.returncode == 0, answer.stderr
    shipped = answer.stderr.split("hall config ", 1)[1].split(" (", 1)[0]
    assert "site-packages" in shipped and str(ROOT) not in shipped
    assert "the example hall shipped with hallq" in answer.stderr
    assert list((tmp_path / "tickets").glob("*.png")), "no ticket preview written"


@pytest.mark.slow
def test_announce_writes_a_wav_from_any_folder(installed: Path, tmp_path: Path) -> None:
    answer = run_installed(installed, tmp_path, "announce", "--ticket", "A012", "--window", "3",
                           "--wav", "call.wav")
    assert answer.returncode == 0, answer.stderr
    assert (tmp_path / "call.wav").stat().st_size > 10_000


@pytest.mark.slow
def test_a_demo_whose_server_cannot_start_says_the_servers_error_at_once(
        installed: Path, tmp_path: Path) -> None:
    broken = tmp_path / "hall.toml"
    broken.write_text('[hall]\nname = "broken\n', encoding="utf-8")
    began = time.monotonic()
    answer = run_installed(installed, tmp_path, "demo", "--screenshots", "shots", "--config",
                           str(broken), timeout=60)
    assert answer.returncode != 0
    assert "the server could not start" in answer.stderr
    assert "hallq server:" in answer.stderr and "hall.toml" in answer.stderr  # its own error
    assert "Traceback" not in answer.stderr and "did not answer" not in answer.stderr
    assert time.monotonic() - began < 15, "reported after a wait, not at once"


@pytest.mark.slow
def test_the_demos_screenshots_from_an_installed_hallq(installed: Path, tmp_path: Path) -> None:
    answer = run_installed(installed, tmp_path, "demo", "--screenshots", "shots", timeout=300)
    assert answer.returncode == 0, answer.stdout + answer.stderr
    pictures = {p.name for p in (tmp_path / "shots").glob("*.png")}
    for name in ("kiosk-home.png", "caller.png", "rating-ask.png", "ticket.png", "bus-sim.png"):
        assert name in pictures, f"{name} missing; got {sorted(pictures)}"
