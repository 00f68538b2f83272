"""The service files of deploy/: systemd units that systemd accepts, autostart entries, the
Windows registration script; every hallq command line in them is one hallq understands."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from hallq.cli import build_parser

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service")) + sorted(
    (DEPLOY / "systemd").glob("*.timer"))


def hallq_args(command: str) -> list[str]:
    """The arguments after ``.../hallq`` in a command line, variables filled in."""
    words = shlex.split(command.replace("${HALLQ_DB}", "sqlite:////var/lib/hallq/hall.db"))
    return words[next(i for i, w in enumerate(words) if w.endswith(("/hallq", "hallq.exe"))) + 1:]


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_accepts_every_unit_without_a_warning(tmp_path: Path) -> None:
    hallq = shutil.which("hallq") or "/bin/true"
    for path in UNITS:  # the ExecStart binary must exist for verify: use this machine's
        (tmp_path / path.name).write_text(
            path.read_text(encoding="utf-8").replace("/opt/hallq/venv/bin/hallq", hallq))
    answer = subprocess.run(["systemd-analyze", "verify", *sorted(map(str, tmp_path.iterdir()))],
                            capture_output=True, text=True, timeout=60)
    assert answer.returncode == 0 and answer.stderr == "", answer.stderr


def test_the_server_runs_as_its_own_user_with_a_data_folder_and_restarts() -> None:
    service = unit(DEPLOY / "systemd" / "hallq-server.service")["Service"]
    assert service["User"] == "hallq" and service["StateDirectory"] == "hallq"
    assert service["Restart"] == "on-failure"
    assert "Environment=HALLQ_DATA=/var/lib/hallq" in (
        DEPLOY / "systemd" / "hallq-server.service").read_text().splitlines()
    args = build_parser().parse_args(hallq_args(service["ExecStart"]))
    assert args.command == "server" and args.host == "0.0.0.0"
    backup = unit(DEPLOY / "systemd" / "hallq-backup.service")["Service"]["ExecStart"]
    assert "hallq backup" in backup


@pytest.mark.parametrize("app", ["kiosk", "display", "caller"])
def test_each_app_has_an_autostart_entry_hallq_understands(app: str) -> None:
    entry = unit(DEPLOY / "autostart" / f"hallq-{app}.desktop")["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"]
    args = build_parser().parse_args(hallq_args(entry["Exec"]))
    assert args.command == app and args.config == "/etc/hallq/hall.toml"
    assert not args.windowed  # full screen in the hall


def test_the_windows_script_registers_the_server_at_start_up_and_the_apps_at_log_on() -> None:
    script = (DEPLOY / "windows" / "register-hallq.ps1").read_text(encoding="utf-8")
    assert "New-ScheduledTaskTrigger -AtStartup" in script
    assert "New-ScheduledTaskTrigger -AtLogOn" in script
    assert script.count("Register-ScheduledTask ") == 2 and "Unregister-ScheduledTask" in script
    server = re.search(r'-Argument "(server [^"]*?)`"\$Db`""', script)
    assert server, "the server task's arguments"
    args = build_parser().parse_args([*shlex.split(server.group(1)), "sqlite:///x.db"])
    assert args.command == "server" and args.host == "0.0.0.0"
    for app in ("kiosk", "display", "caller", "rate"):
        assert f'"{app}"' in script


def test_the_changelog_has_an_unreleased_section_and_the_current_version() -> None:
    root = DEPLOY.parent
    version = tomllib.loads((root / "pyproject.toml").read_text())["project"]["version"]
    headings = [line for line in (root / "CHANGELOG.md").read_text().splitlines()
                if line.startswith("## [")]
    assert headings[0] == "## [Unreleased]"
    assert any(h.startswith(f"## [{version}] - ") for h in headings), headings
