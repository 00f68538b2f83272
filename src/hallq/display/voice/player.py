"""Audio output for announcements: an injectable sink that plays one chunk and says when done.

``AudioSink`` is the interface the queue uses (tests pass a fake). ``MediaPlayerSink`` plays WAV
bytes with ``QMediaPlayer`` + ``QAudioOutput`` and text with ``QTextToSpeech`` (fallback only).
With no audio output device, or no speech engine, it skips quietly and logs once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)


class AudioSink(QObject):
    """Plays one chunk at a time; emits ``finished`` once per chunk, played or skipped."""

    finished = Signal()

    def play_wav(self, wav: bytes) -> None:
        raise NotImplementedError

    def speak(self, text: str, locale: str) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        """Stop the current chunk without emitting ``finished`` (the queue gave up on it)."""


class MediaPlayerSink(AudioSink):
    """The real output. ``tts_engine`` picks a QTextToSpeech engine (``"mock"`` in tests)."""

    def __init__(self, parent: QObject | None = None, tts_engine: str | None = None) -> None:
        super().__init__(parent)
        self._tts_engine = tts_engine
        self._player: QMediaPlayer | None = None
        self._buffer: QBuffer | None = None
        self._tts: QTextToSpeech | None = None
        self._active = False  # a chunk is playing and has not emitted finished yet
        self._warned: set[str] = set()

    def _done(self) -> None:
        if self._active:
            self._active = False
            self.finished.emit()

    def _skip(self, reason: str) -> None:
        if reason not in self._warned:
            self._warned.add(reason)
            log.warning("voice: %s; announcements are skipped", reason)
        QTimer.singleShot(0, self.finished.emit)

    def play_wav(self, wav: bytes) -> None:
        if not QMediaDevices.audioOutputs():
            self._skip("no audio output device")
            return
        player = self._player or self._make_player()
        player.stop()
        buffer = QBuffer(player)
        buffer.setData(QByteArray(wav))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        player.setSourceDevice(buffer, QUrl("announcement.wav"))
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self._active = True
        player.play()

    def _make_player(self) -> QMediaPlayer:
        player = QMediaPlayer(self)
        player.setAudioOutput(QAudioOutput(player))
        player.mediaStatusChanged.connect(self._on_status)
        player.errorOccurred.connect(self._on_error)
        self._player = player
        return player

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status in (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.InvalidMedia):
            self._done()

    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        log.warning("voice: cannot play announcement (%s): %s", error.name, message)
        self._done()

    def speak(self, text: str, locale: str) -> None:
        tts = self._tts or self._make_tts()
        if tts is None or tts.state() == QTextToSpeech.State.Error:
            self._skip("no system speech engine for text without clips")
            return
        tts.setLocale(QLocale(locale))
        self._active = True
        tts.say(text)

    def _make_tts(self) -> QTextToSpeech | None:
        engines = QTextToSpeech.availableEngines()
        engine = self._tts_engine or (engines[0] if engines else None)
        if engine is None:
            return None
        self._tts = QTextToSpeech(engine, self)
        self._tts.stateChanged.connect(self._on_tts_state)
        return self._tts

    def _on_tts_state(self, state: QTextToSpeech.State) -> None:
        if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._done()

    def stop(self) -> None:
        self._active = False
        if self._player is not None:
            self._player.stop()
        if self._tts is not None:
            self._tts.stop()
