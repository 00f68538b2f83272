"""The rating pad's pinyin table, as a citizen typing a comment meets it: the usual word for
the letters first, a word from its first letters, a long spelling taken a word at a time."""

from __future__ import annotations

from hallq.caller.rating.pinyin import Candidate, Pinyin


def texts(letters: str) -> list[str]:
    return [c.text for c in Pinyin.shipped().candidates(letters)]


def test_the_usual_word_comes_first() -> None:
    assert texts("taidu")[0] == "态度"
    assert texts("paidui")[0] == "排队"
    assert texts("manyi")[0] == "满意"
    assert texts("shi")[0] == "是"
    assert texts("nv")[0] == "女"  # ü is typed as v


def test_a_character_is_found_by_each_of_its_readings() -> None:
    assert "行" in texts("xing") and "行" in texts("hang")  # 行走, 银行
    assert "了" in texts("le") and "了" in texts("liao")  # 好了, 了解


def test_the_first_letters_of_a_word_offer_it() -> None:
    assert texts("taid")[0] == "态度"
    assert "我" in texts("w")


def test_a_long_spelling_is_taken_a_word_at_a_time() -> None:
    [first, *_] = Pinyin.shipped().candidates("fuwutaidu")
    assert first == Candidate("服务", 4)  # the rest (taidu) stays spelled


def test_a_word_a_hall_should_not_suggest_is_not_offered() -> None:
    assert "台独" not in texts("taidu")


def test_letters_that_mean_nothing_offer_nothing_and_the_list_is_bounded() -> None:
    assert Pinyin.shipped().candidates("") == []
    assert texts("vvvv") == []
    assert len(Pinyin.shipped().candidates("s", limit=5)) == 5


def test_a_small_table_orders_by_how_often_a_word_is_used() -> None:
    table = Pinyin([("是", "shi"), ("时", "shi"), ("时间", "shijian"), ("事件", "shijian")])
    assert [c.text for c in table.candidates("shijian")] == ["时间", "事件", "是", "时"]
    assert [c.spelled for c in table.candidates("shijian")] == [7, 7, 3, 3]
