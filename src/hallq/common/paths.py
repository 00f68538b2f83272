"""Where an installed hallq finds its files: the example hall it ships, the hall config a
command uses, and the data folder for databases and logs.

The example hall (``hall.toml``, ``bus.toml``, ``bus-demo.toml``, ``printer.toml``) is package
data in ``hallq/example/``, so ``hallq demo`` works from any folder once hallq is installed. The
repository's ``config/`` holds the same files as the documented example; a test keeps the two
identical.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXAMPLE_DIR = Path(__file__).resolve().parent.parent / "example"
CONFIG_ENV = "HALLQ_CONFIG"
DATA_ENV = "HALLQ_DATA"
DEFAULT = ""  # the --config default: $HALLQ_CONFIG, else the shipped example


def example(name: str = "hall.toml") -> Path:
    """A file of the example hall shipped inside the package."""
    return EXAMPLE_DIR / name


def which_config(given: str | os.PathLike[str] | None) -> tuple[Path, str]:
    """The hall config to use and why: ``--config``, else ``$HALLQ_CONFIG``, else the example."""
    if given:
        return Path(given), "--config"
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV]), f"${CONFIG_ENV}"
    return example(), f"the example hall shipped with hallq; give --config or ${CONFIG_ENV}"


def config_arg(text: str) -> str:
    """An argparse ``type`` for ``--config``: resolves the default (``DEFAULT``) and, when the
    command was not given ``--config``, says on stderr which hall config it uses."""
    path, why = which_config(text)
    if not text:
        print(f"hallq: hall config {path} ({why})", file=sys.stderr, flush=True)
    return str(path)


def add_config(parser: argparse.ArgumentParser, help: str = "hall config (TOML)") -> None:
    """``--config``: the given file, else ``$HALLQ_CONFIG``, else the shipped example hall."""
    parser.add_argument("--config", default=DEFAULT, type=config_arg, metavar="TOML",
                        help=f"{help}; default ${CONFIG_ENV}, else the shipped example hall")


def data_dir() -> Path:
    """The data folder: ``$HALLQ_DATA``, else the user's data folder (``~/.local/share/hallq``,
    ``%LOCALAPPDATA%\\hallq``)."""
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    from platformdirs import user_data_dir

    return Path(user_data_dir("hallq", appauthor=False))
