"""``hallq voice build``: clips for every window and service name of the hall, with espeak-ng."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hallq.common import paths

HELP = "render voice clips of the hall's window and service names (espeak-ng)"


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    build = actions.add_parser("build", help="render a clip for every name that needs one",
                               description="Render a clip for every window name that is not a "
                               "number or code, and for every service name. The displays use "
                               "them; the hall's own recordings in the 'own' folder win.")
    paths.add_config(build)
    build.add_argument("--out", type=Path, metavar="DIR",
                       help="write the clips here (default: the data folder's voice/built)")


def _fail(message: str) -> int:
    print(f"hallq voice: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from hallq.display.voice.build import BuildError, build
    from hallq.display.voice.names import built_dir, hall_names, name_clip, needs_clip, own_dir

    try:
        names = hall_names(Path(args.config))
    except ValueError as exc:
        return _fail(str(exc))
    out: Path = args.out or built_dir()
    wanted = names.to_render()
    try:
        written = build(wanted, out)
    except (BuildError, OSError) as exc:
        return _fail(f"{exc}\n  names without a clip: {', '.join(wanted) or '(none)'}\n"
                     f"  a recording of each as <name>.wav in {own_dir()} is used instead")
    for text, path in zip(wanted, written, strict=True):
        mine = own_dir() / path.name
        note = f"  (your recording {mine} is used instead)" if mine.is_file() else ""
        print(f"{path}  {text}{note}")
    by_number = [name for _, name in names.windows if not needs_clip(name)]
    if by_number:
        print(f"{len(by_number)} windows need no clip, their names are read from the word "
              f"clips: {', '.join(by_number)}")
    print(f"{len(written)} clips in {out}; the hall's own recordings ({own_dir()}/"
          f"<name>.wav, e.g. {name_clip(wanted[0]) if wanted else '帮办代办窗口'}.wav) win")
    return 0
