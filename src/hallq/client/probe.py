"""A window a test or the demo can read and drive from outside its process.

With ``HALLQ_PROBE=DIR`` set, a window shown through ``client.kiosk_window.show_on_screen``
writes ``DIR/<name>/texts.json`` (every visible label, button and input text, and the accessible
name of painted widgets such as LED panels, in reading order)
whenever it changes, and carries out the lines appended to ``DIR/<name>/commands.txt``:

    click 企业开办        press the visible, enabled button with that text, else the first
                         whose text contains it
    type A1B2C3D4        type into the focused widget (like a barcode scanner)
    fill 工号=c03        set the input whose placeholder (or name) contains 工号, and focus it
    key Return           press a key (Return, Escape, F1 … F12, Space)
    shot home.png        save a picture of the window to DIR/<name>/home.png

``DIR/<name>/done.txt`` counts the commands carried out. Nothing happens without the variable.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

KEYS = {"Return": Qt.Key.Key_Return, "Escape": Qt.Key.Key_Escape, "Space": Qt.Key.Key_Space,
        "Backspace": Qt.Key.Key_Backspace, **{f"F{i}": getattr(Qt.Key, f"Key_F{i}")
                                             for i in range(1, 13)}}


def visible_texts(window: QWidget) -> list[str]:
    found: list[tuple[int, int, str]] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QLineEdit):
            text = widget.text() or widget.placeholderText()
        else:  # a painted widget (LED panel, marquee) names what it shows for accessibility
            text = widget.accessibleName()
        if text.strip():
            where = widget.mapTo(window, widget.rect().topLeft())
            found.append((where.y(), where.x(), " ".join(text.split())))
    return [text for _, _, text in sorted(found)]


class Probe(QObject):
    def __init__(self, window: QWidget, folder: Path) -> None:
        super().__init__(window)
        self.window, self.folder = window, folder
        folder.mkdir(parents=True, exist_ok=True)
        self.commands = folder / "commands.txt"
        self.commands.touch()
        self.offset, self.done, self.last = 0, 0, ""
        self.timer = QTimer(self, interval=150)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> None:
        texts = json.dumps(visible_texts(self.window), ensure_ascii=False, indent=0)
        if texts != self.last:
            self.last = texts
            _write(self.folder / "texts.json", texts)
        with self.commands.open(encoding="utf-8") as handle:
            handle.seek(self.offset)
            lines = handle.read()
        complete = lines[: lines.rfind("\n") + 1]
        self.offset += len(complete.encode())
        for line in complete.splitlines():
            verb, _, arg = line.strip().partition(" ")
            self.run(verb, arg)
            self.done += 1
            _write(self.folder / "done.txt", str(self.done))

    def run(self, verb: str, arg: str) -> None:
        if verb == "click":
            buttons = [b for b in self.window.findChildren(QAbstractButton)
                       if arg in " ".join(b.text().split()) and b.isVisible() and b.isEnabled()]
            # an exact text first: "click 满意" must not press 非常满意
            buttons.sort(key=lambda b: " ".join(b.text().split()) != arg)
            if buttons:
                buttons[0].click()
                return
        elif verb == "fill":
            hint, _, value = arg.partition("=")
            for edit in self.window.findChildren(QLineEdit):
                if edit.isVisible() and hint in (edit.placeholderText() + edit.objectName()):
                    edit.setFocus()
                    edit.setText(value)
                    return
        elif verb == "type":
            target = QApplication.focusWidget() or self.window
            QTest.keyClicks(target, arg)
        elif verb == "key" and arg in KEYS:
            QTest.keyClick(QApplication.focusWidget() or self.window, KEYS[arg])
        elif verb == "shot":
            self.window.grab().save(str(self.folder / Path(arg).name))
        QApplication.processEvents()
        self.last = ""  # report the texts after the command, even if unchanged


def _write(path: Path, text: str) -> None:
    temporary = path.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def install(window: QWidget, name: str | None = None) -> Probe | None:
    folder = os.environ.get("HALLQ_PROBE")
    if not folder:
        return None
    label = name or os.environ.get("HALLQ_PROBE_NAME") or type(window).__name__.lower()
    return Probe(window, Path(folder) / label)
