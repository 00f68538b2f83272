"""The probe lets a test or the demo read and drive an app in another process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hallq.client import probe


def make_window() -> tuple[QWidget, QLabel, QLineEdit]:
    window = QWidget()
    label, edit, button = QLabel("等候中"), QLineEdit(), QPushButton("取号 Take")
    edit.setPlaceholderText("预约码")
    layout = QVBoxLayout(window)
    for w in (label, edit, button):
        layout.addWidget(w)
    button.clicked.connect(lambda: label.setText(f"已取号 {edit.text()}"))
    return window, label, edit


def test_texts_commands_and_pictures(qtbot: QtBot, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HALLQ_PROBE", str(tmp_path))
    window, label, edit = make_window()
    qtbot.addWidget(window)
    window.show()
    assert probe.install(window, "kiosk") is not None
    folder = tmp_path / "kiosk"
    texts = folder / "texts.json"
    qtbot.waitUntil(lambda: texts.exists() and "等候中" in texts.read_text("utf-8"),
                    timeout=3000)
    edit.setFocus()
    with (folder / "commands.txt").open("a", encoding="utf-8") as commands:
        commands.write("type A12\nclick 取号\nshot home.png\n")
    qtbot.waitUntil(lambda: (folder / "done.txt").exists()
                    and (folder / "done.txt").read_text() == "3", timeout=3000)
    assert label.text() == "已取号 A12"
    with (folder / "commands.txt").open("a", encoding="utf-8") as commands:
        commands.write("fill 预约码=B7\nclick 取号\n")
    qtbot.waitUntil(lambda: label.text() == "已取号 B7", timeout=3000)
    qtbot.waitUntil(lambda: "已取号 A12" in json.loads(texts.read_text("utf-8")), timeout=3000)
    assert (folder / "home.png").stat().st_size > 500


def test_nothing_without_the_variable(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    monkeypatch.delenv("HALLQ_PROBE", raising=False)
    window, _, _ = make_window()
    qtbot.addWidget(window)
    assert probe.install(window) is None


def test_painted_widgets_are_read_by_their_accessible_name(qtbot: QtBot) -> None:
    from hallq.bus_sim.widgets import LedPanel

    window = QWidget()
    led = LedPanel(40, parent=window)
    QVBoxLayout(window).addWidget(led)
    qtbot.addWidget(window)
    window.show()
    led.set_text("A012 请到3号窗口")
    assert probe.visible_texts(window) == ["A012 请到3号窗口"]
    led.set_text("")
    assert probe.visible_texts(window) == []
