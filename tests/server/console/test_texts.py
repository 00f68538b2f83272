"""Every text key a console page or template names literally has its words in Chinese and in
English: a typo would show the manager a raw key such as ``clerks.no_foto``."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import hallq.server.console as console
from hallq.server.console import texts

CONSOLE = Path(console.__file__).parent
KEY = re.compile(r'\bt\("([a-z_][a-z0-9_.]*)"')


def named_keys() -> dict[str, str]:
    """key → the file naming it; keys built from a prefix ("status." + code) left out."""
    found: dict[str, str] = {}
    files = [*CONSOLE.glob("templates/*.html"), *CONSOLE.glob("*.py")]
    for path in files:
        for key in KEY.findall(path.read_text(encoding="utf-8")):
            if not key.endswith("."):
                found.setdefault(key, path.name)
    return found


def test_every_key_a_page_names_has_chinese_and_english_words() -> None:
    for module in pkgutil.iter_modules(console.__path__):  # each page adds its own words
        importlib.import_module(f"{console.__name__}.{module.name}")
    keys = named_keys()
    assert len(keys) > 200  # the pages were read
    missing = {key: where for key, where in keys.items()
               if key not in texts.TEXTS["zh"] or key not in texts.TEXTS["en"]}
    assert missing == {}
