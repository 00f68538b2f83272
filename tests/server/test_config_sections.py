"""The citizen-facing keys of the hall config (issue 13): holidays and make-up working days,
the guides' and reasons' English, and a service that no window serves; each refused at load
naming the file and the key."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hallq.common.tomlreader import ConfigError
from hallq.server.config import load_hall
from tests.server.test_config import MINIMAL, write

HALL_KEYS = MINIMAL.replace('name = "示例市政务服务中心"\n', 'name = "示例市政务服务中心"\n{}\n', 1)
GUIDE = MINIMAL.replace('prefix = "A"\n', 'prefix = "A"\n[services.guide]\n{}\n', 1)
POLICY = MINIMAL + "[policy]\n{}\n"
BAD = [
    ("a holiday that is no date", HALL_KEYS.format('holidays = ["10/1"]'), "hall.holidays #1",
     '"10/1" is not like "2026-10-01"'),
    ("a holiday range backwards", HALL_KEYS.format('holidays = ["2026-10-07..2026-10-01"]'),
     "hall.holidays #1", "the last day must follow the first"),
    ("a make-up day with a bad weekday", HALL_KEYS.format('make_up_days = ["2026-10-10 fr"]'),
     "hall.make_up_days #1", "one of mon, tue"),
    ("a make-up day that is a holiday", HALL_KEYS.format(
        'holidays = ["2026-10-01..2026-10-07"]\nmake_up_days = ["2026-10-03"]'),
     "hall.make_up_days #1", "2026-10-03 is also in holidays"),
    ("English materials not one for one", GUIDE.format(
        'materials = ["身份证", "户口簿"]\nmaterials_en = ["ID card"]'),
     'services #1 (code "biz").guide.materials_en', "has 1 items; materials has 2"),
    ("an English fee without the fee", GUIDE.format('fee_en = "free"'),
     'services #1 (code "biz").guide.fee_en', "fee is not"),
    ("English pause reasons not one for one", POLICY.format(
        'pause_reasons = ["会议", "午休"]\npause_reasons_en = ["Meeting"]'),
     "policy.pause_reasons_en", "has 1 items; pause_reasons has 2"),
    ("English bad-rating reasons not one for one", POLICY.format(
        'bad_rating_reasons_en = ["Rude"]'), "policy.bad_rating_reasons_en",
     "has 1 items; bad_rating_reasons has 6"),
    ("a service that no window serves", MINIMAL + '[[services]]\ncode = "tax"\nname = "税务"\n'
     'prefix = "E"\n', "services", "service 'tax' (税务) is served by no window"),
]


@pytest.mark.parametrize(("why", "text", "key", "message"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_citizen_key_is_refused_naming_it(tmp_path: Path, why: str, text: str, key: str,
                                                message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_hall(path)
    assert str(err.value).startswith(f"{path}: {key}"), str(err.value)
    assert message in str(err.value)


def test_holidays_make_up_days_and_english_are_read(tmp_path: Path) -> None:
    text = HALL_KEYS.format('holidays = ["2026-10-01..2026-10-03", "2027-01-01"]\n'
                            'make_up_days = ["2026-10-10 fri", "2026-09-27"]')
    text = text.replace('prefix = "A"\n', 'prefix = "A"\n[services.guide]\n'
                        'materials = ["身份证"]\nmaterials_en = ["ID card"]\nfee = "不收费"\n'
                        'fee_en = "Free"\n', 1)
    text += '[policy]\npause_reasons = ["会议", "午休"]\npause_reasons_en = ["Meeting", "Lunch"]\n'
    hall = load_hall(write(tmp_path, text))
    assert hall.holidays == {date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 3),
                             date(2027, 1, 1)}
    assert hall.make_up_days == ((date(2026, 10, 10), 4), (date(2026, 9, 27), 0))
    guide = hall.services[0].guide
    assert guide.materials_en == ("ID card",) and guide.fee_en == "Free"
    assert hall.english_reason("午休") == "Lunch" and hall.english_reason("其他") == "其他"


def test_the_example_hall_has_english_for_every_guide_and_reason() -> None:
    hall = load_hall(Path(__file__).resolve().parents[2] / "config" / "hall.toml")
    for service in hall.services:
        g = service.guide
        assert len(g.materials_en) == len(g.materials), service.code
        for key in ("time_limit", "legal_basis", "fee", "notes"):
            assert bool(getattr(g, f"{key}_en")) == bool(getattr(g, key)), (service.code, key)
    assert len(hall.pause_reasons_en) == len(hall.pause_reasons)
    assert len(hall.bad_rating_reasons_en) == len(hall.bad_rating_reasons)
