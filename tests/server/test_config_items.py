"""Config errors count entries from one and name them by their id, as the file's reader does."""

from __future__ import annotations

from pathlib import Path

import pytest

from hallq.common.tomlreader import ConfigError
from hallq.server.config import load_hall
from tests.server.test_config import MINIMAL, write

THREE_WINDOWS = MINIMAL + "".join(f'[[windows]]\nid = "{w}"\nname = "{w}号窗口"\n'
                                  f'services = ["biz"]\n' for w in ("7", "12"))


def test_the_third_window_is_number_three_and_named_by_its_id(tmp_path: Path) -> None:
    path = write(tmp_path, THREE_WINDOWS.replace('id = "12"\nname = "12号窗口"\n'
                                                 'services = ["biz"]',
                                                 'id = "12"\nname = "12号窗口"\n'
                                                 'services = ["biz", "biz2", "tax"]'))
    with pytest.raises(ConfigError) as err:
        load_hall(path)
    assert str(err.value) == (f'{path}: windows #3 (id "12").services #2: no service '
                              "'biz2'; known: biz")


def test_a_duplicate_names_both_entries(tmp_path: Path) -> None:
    path = write(tmp_path, THREE_WINDOWS.replace('id = "12"', 'id = "7"'))
    with pytest.raises(ConfigError) as err:
        load_hall(path)
    assert str(err.value) == (f"{path}: windows #3 (id \"7\"): id '7' is used twice "
                              '(also by windows #2 (id "7"))')
