"""Generate the shipped clip set: ``python -m display.voice.make_clips [--out DIR]``.

Chinese words with espeak-ng voice ``cmn-latn-pinyin`` (tone-numbered pinyin, e.g. ``qing3``),
English words and letter names with ``en``; every clip converted by sox to ``FORMAT`` (mono,
16-bit, 22050 Hz), with leading and trailing silence trimmed and the level normalised. The
chime is synthesised in Python. The generated WAVs are committed, so halls need no espeak-ng.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from hallq.display.voice.chime import chime
from hallq.display.voice.clips import FORMAT, SHIPPED_DIR
from hallq.display.voice.wav import wav_bytes
from hallq.display.voice.words import WORDS, ZH_VOICE

SPEED_WPM = {ZH_VOICE: 150}  # espeak-ng words per minute; others use 160
TRIM = ["silence", "1", "0.01", "0.5%", "reverse", "silence", "1", "0.01", "0.5%", "reverse"]


def make_word(name: str, voice: str, text: str, out_dir: Path, tmp: Path) -> Path:
    raw = tmp / f"{name}.raw.wav"
    speed = str(SPEED_WPM.get(voice, 160))
    subprocess.run(["espeak-ng", "-v", voice, "-s", speed, "-w", str(raw), text], check=True)
    target = out_dir / f"{name}.wav"
    convert = ["-c", str(FORMAT.channels), "-b", str(8 * FORMAT.sample_width),
               "-r", str(FORMAT.rate)]
    subprocess.run(["sox", str(raw), *convert, str(target), *TRIM, "norm", "-1"], check=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SHIPPED_DIR, help="clip folder to write")
    parser.add_argument("names", nargs="*", help="only these clips (default: all)")
    args = parser.parse_args(argv)
    missing = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    if missing:
        print(f"make_clips: needs {' and '.join(missing)} (see scripts/debian-packages-demo.txt)",
              file=sys.stderr)
        return 2
    names = args.names or list(WORDS)
    unknown = sorted(set(names) - set(WORDS))
    if unknown:
        print(f"make_clips: unknown clip names: {', '.join(unknown)}", file=sys.stderr)
        return 2
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            word = WORDS[name]
            if name == "chime":
                (out_dir / "chime.wav").write_bytes(wav_bytes(chime()))
            else:
                make_word(name, word.voice, word.espeak, out_dir, Path(tmp))
            print(f"{name}.wav  {word.caption}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
