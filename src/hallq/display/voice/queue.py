"""One announcement after another: calls queue up, are never dropped, and never overlap.

The display app makes one ``AnnouncementQueue`` (composition root: sink, clips, settings) and
feeds it every ``ticket.called`` / ``ticket.recalled`` event with ``announce_event(event)``, or
``announce(ticket_number, window)`` directly. A burst of calls is spoken in arrival order.
A window or service name with no clip is said in the log once, not at every call; the window is
then read by its id (see ``script``).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from hallq.display.voice.clips import ClipError, ClipSet
from hallq.display.voice.names import name_clip, needs_clip, own_dir
from hallq.display.voice.player import AudioSink
from hallq.display.voice.reading import ReadingError
from hallq.display.voice.script import Say, VoiceSettings, announcement
from hallq.display.voice.wav import Chunk, duration_s, render_chunks, spoken_text

log = logging.getLogger(__name__)

ANNOUNCED_EVENTS = frozenset({"ticket.called", "ticket.recalled"})
WATCHDOG_MARGIN_MS = 3000  # a chunk that never reports finished is given up after its length + this
SPEECH_MS_PER_CHAR = 400


@dataclass(frozen=True)
class Announcement:
    ticket: str
    window: str
    chunks: tuple[Chunk, ...]


class AnnouncementQueue(QObject):
    """Plays announcements through an injected ``AudioSink``, strictly one chunk at a time."""

    started = Signal(str, str)  # ticket number, window: this announcement is now being heard
    done = Signal(str, str)  # ticket number, window: this announcement has ended
    idle = Signal()  # nothing left to say

    def __init__(self, sink: AudioSink, clips: ClipSet | None = None,
                 settings: VoiceSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sink = sink
        self.clips = clips or ClipSet()
        self.settings = settings or VoiceSettings()
        self._waiting: deque[Announcement] = deque()
        self._current: Announcement | None = None
        self._chunks: deque[Chunk] = deque()
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_watchdog)
        sink.finished.connect(self._on_finished)
        self.unclipped: set[str] = set()  # names without a clip, each logged once

    @property
    def busy(self) -> bool:
        return self._current is not None

    def pending(self) -> int:
        """Announcements waiting behind the one being heard."""
        return len(self._waiting)

    def announce(self, ticket: str, window: str, window_id: str | None = None,
                 service: str | None = None) -> None:
        """Queue a call or recall. Raises ReadingError (a ValueError) for a bad ticket/window."""
        parts = announcement(ticket, window, self.settings, window_id=window_id,
                             service=service, has_clip=self.clips.has)
        if needs_clip(window):
            spoken = any(isinstance(p, Say) for p in parts)
            self._log_unclipped(window, "left to system speech" if spoken
                                else f"announced as window {window_id}")
        if self.settings.service and service:
            self._log_unclipped(service, "left out")
        try:
            chunks = render_chunks(parts, self.clips)
        except ClipError as exc:
            log.warning("voice: %s; using system speech for the whole announcement", exc)
            chunks = [Say(spoken_text(parts), "zh_CN")]
        self._waiting.append(Announcement(ticket, window, tuple(chunks)))
        if self._current is None:
            self._next_announcement()

    def _log_unclipped(self, name: str | None, instead: str) -> None:
        clip = name_clip(name or "")
        if not clip or clip in self.unclipped or self.clips.has(clip):
            return
        self.unclipped.add(clip)
        log.warning("voice: no clip for the name %r, so it is %s; run `hallq voice build` or "
                    "record %s.wav into %s", name, instead, clip, own_dir())

    def announce_event(self, event: Mapping[str, Any]) -> bool:
        """Queue a ``ticket.called``/``ticket.recalled`` event; False for any other or bad one."""
        if event.get("type") not in ANNOUNCED_EVENTS:
            return False
        ticket = event.get("ticket")
        number = ticket.get("number") if isinstance(ticket, Mapping) else None
        service = ticket.get("service_name") if isinstance(ticket, Mapping) else None
        window_id = event.get("window")
        window = event.get("window_name") or window_id
        try:
            self.announce(str(number or ""), str(window or ""),
                          str(window_id) if window_id else None,
                          str(service) if service else None)
        except ReadingError as exc:
            log.warning("voice: event %s not announced: %s", event.get("seq"), exc)
            return False
        return True

    def _next_announcement(self) -> None:
        if self._current is not None:
            self.done.emit(self._current.ticket, self._current.window)
        if not self._waiting:
            self._current = None
            self.idle.emit()
            return
        self._current = self._waiting.popleft()
        self._chunks = deque(self._current.chunks)
        self.started.emit(self._current.ticket, self._current.window)
        self._next_chunk()

    def _next_chunk(self) -> None:
        if not self._chunks:
            self._next_announcement()
            return
        chunk = self._chunks.popleft()
        if isinstance(chunk, Say):
            self._watchdog.start(WATCHDOG_MARGIN_MS + SPEECH_MS_PER_CHAR * len(chunk.text))
            self.sink.speak(chunk.text, chunk.locale)
        else:
            self._watchdog.start(WATCHDOG_MARGIN_MS + int(1000 * duration_s(chunk)))
            self.sink.play_wav(chunk)

    def _on_finished(self) -> None:
        if self._current is None:
            return  # a late report from a chunk the watchdog already gave up on
        self._watchdog.stop()
        self._next_chunk()

    def _on_watchdog(self) -> None:
        log.warning("voice: audio output did not report the end of a chunk; moving on")
        self.sink.stop()
        self._next_chunk()
