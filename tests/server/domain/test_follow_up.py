"""A bad rating's follow-up (9.5): states, deadline, and notes that never replace each other."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hallq.server.domain.errors import Conflict, Invalid
from hallq.server.domain.follow_up import is_overdue, record, state_of
from hallq.server.domain.rating import FollowUp, Rating
from tests.server.domain.hallfix import START


def bad(score: int = 1) -> Rating:
    return Rating(1, score, "3", "c03", "biz", START, reasons=("服务态度差",),
                  follow_up=FollowUp.OPEN if score <= 2 else None,
                  follow_up_due=START + timedelta(days=15) if score <= 2 else None, id=7)


def test_in_progress_then_closed_keeps_the_notes_and_says_who_and_when() -> None:
    rating = bad()
    first = record(rating, "in_progress", "已电话联系群众", "zhang", START, 0)
    assert rating.follow_up is FollowUp.CONTACTED and state_of(rating) == "in_progress"
    assert (first.who, first.at, first.status, first.note) == ("zhang", START, "contacted",
                                                                 "已电话联系群众")
    closing = record(rating, "closed", "", "li", START + timedelta(hours=1), 1)
    assert state_of(rating) == "closed" and closing.note == "" and closing.who == "li"
    assert rating.follow_up_note == "已电话联系群众", "closing without a note wipes nothing"


def test_closing_needs_a_note_saying_what_was_done() -> None:
    with pytest.raises(Invalid, match="before closing"):
        record(bad(), "resolved", "  ", "zhang", START, 0)


def test_a_note_without_a_change_needs_text_and_a_good_rating_has_no_follow_up() -> None:
    with pytest.raises(Invalid, match="note"):
        record(bad(), "open", "", "zhang", START, 0)
    with pytest.raises(Invalid, match="status"):
        record(bad(), "done", "x", "zhang", START, 0)
    with pytest.raises(Conflict):
        record(bad(5), "closed", "x", "zhang", START, 0)


def test_overdue_past_the_deadline_until_closed() -> None:
    rating = bad()
    assert not is_overdue(rating, START + timedelta(days=15))
    assert is_overdue(rating, START + timedelta(days=15, seconds=1))
    record(rating, "closed", "整改完成", "zhang", START, 0)
    assert not is_overdue(rating, START + timedelta(days=30))
