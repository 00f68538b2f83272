"""``hallq announce``: render one call announcement to a WAV file, or play it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hallq.display.voice.clips import ClipSet
    from hallq.display.voice.script import VoiceSettings

HELP = "say a call aloud (chime, Chinese, optional English), or write it as a WAV file"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ticket", required=True, help="ticket number, e.g. A012")
    parser.add_argument("--window", required=True, help="window number or name, e.g. 3")
    parser.add_argument("--wav", type=Path, help="write the announcement here instead of playing")
    parser.add_argument("--english", action="store_true", help="follow with the English sentence")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="say the sentence N times in all (1-5, default 1)")
    parser.add_argument("--clips", type=Path, metavar="DIR",
                        help="folder of clips that win over all others; then come the data "
                             "folder's voice/own and voice/built (hallq voice build), then the "
                             "shipped clips")
    parser.add_argument("--no-chime", action="store_true", help="leave out the chime")


def _fail(message: str) -> int:
    print(f"hallq announce: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from hallq.display.voice.clips import ClipError
    from hallq.display.voice.names import hall_clips
    from hallq.display.voice.reading import ReadingError
    from hallq.display.voice.script import Say, VoiceSettings, announcement
    from hallq.display.voice.wav import duration_s, render_wav

    if args.clips is not None and not args.clips.is_dir():
        return _fail(f"clips: {args.clips} is not a folder")
    try:
        settings = VoiceSettings(repeat=args.repeat, english=args.english,
                                 chime=not args.no_chime)
        clips = hall_clips(args.clips)  # --clips, the hall's own, its built names, the shipped
        parts = announcement(args.ticket, args.window, settings, has_clip=clips.has)
    except ReadingError as exc:
        return _fail(str(exc))
    if args.wav is None:
        return _play(args.ticket, args.window, clips, settings)
    if any(isinstance(p, Say) for p in parts):
        return _fail(f"window: {args.window!r} has no clips and only system speech can say it, "
                     "which cannot be written to a WAV; run `hallq voice build` or use a window "
                     "number or a code like A3")
    try:
        wav = render_wav(parts, clips)
    except ClipError as exc:
        return _fail(str(exc))
    for problem in clips.problems:
        print(f"hallq announce: warning: {problem}; used the shipped clip", file=sys.stderr)
    try:
        args.wav.write_bytes(wav)
    except OSError as exc:
        return _fail(f"wav: cannot write {args.wav}: {exc.strerror}")
    print(f"{args.wav}: {duration_s(wav):.2f} s")
    return 0


def _play(ticket: str, window: str, clips: ClipSet, settings: VoiceSettings) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer

    from hallq.display.voice.player import MediaPlayerSink
    from hallq.display.voice.queue import AnnouncementQueue

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    queue = AnnouncementQueue(MediaPlayerSink(), clips, settings)
    queue.idle.connect(app.quit)
    QTimer.singleShot(0, lambda: queue.announce(ticket, window))
    app.exec()
    return 0
