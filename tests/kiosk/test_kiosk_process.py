"""``hallq kiosk`` as its own process, read and driven through client.probe the way the demo
screenshots and the end-to-end script drive it; and the command line's checks."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from hallq.apps import KIOSK, Hall
from hallq.kiosk import cli


@pytest.mark.slow  # a kiosk process: ~3 s here
def test_kiosk_process_takes_a_ticket_through_the_probe(tmp_path: Path) -> None:
    hall = Hall(tmp_path)
    try:
        hall.start_server()
        hall.start_app("kiosk", "kiosk", "--token", KIOSK, "--printer",
                       f"preview:{tmp_path / 'tickets'}")
        hall.shows("kiosk", "企业开办")
        hall.command("kiosk", "click 企业开办")
        hall.shows("kiosk", "公司章程")
        hall.command("kiosk", "click 取号")
        texts = hall.shows("kiosk", "A001")
        assert "A001" in texts  # the number is a label of its own
        assert (tmp_path / "tickets" / "ticket-A001.png").exists()
        ticket = hall.call("GET", "/api/tickets/1")
        assert (ticket["number"], ticket["priority"], ticket["status"]) == \
            ("A001", False, "waiting")
    finally:
        hall.close()


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli.configure(parser)
    return parser.parse_args(list(argv))


def test_printer_is_required(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "hall.toml"
    config.write_text("[kiosk]\nidle_seconds = 90\n", encoding="utf-8")
    assert cli.run(parse("--token", KIOSK, "--config", str(config))) == 2
    assert "--printer" in capsys.readouterr().err


@pytest.mark.parametrize(("section", "error"), [
    ({"idle_seconds": "soon"}, "kiosk.idle_seconds: must be a positive number"),
    ({"confirm_seconds": 0}, "kiosk.confirm_seconds: must be a positive number"),
    ({"printr": "preview:x"}, "kiosk.printr: unknown key"),
    ({"printer": 9100}, "kiosk.printer: must be a string"),
])
def test_bad_kiosk_section_names_the_key(section: dict[str, object], error: str) -> None:
    with pytest.raises(SystemExit, match=error):
        cli.settings_from(section, "config/hall.toml")


def test_kiosk_section_defaults() -> None:
    settings = cli.settings_from({"printer": "preview:var/tickets"}, "hall.toml")
    assert settings["idle_seconds"] == 60 and settings["printer_check_seconds"] == 5
    assert settings["printer"] == "preview:var/tickets" and settings["profile"] is None
