"""Reading one day's facts for the daily report (indexed by day: fast over years of history)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine

from hallq.server.domain.report import PauseFacts, RatingFacts, TicketFacts
from hallq.server.storage.tables import PauseRow, RatingRow, TicketRow


def day_facts(engine: Engine, day: date, now: datetime) -> tuple[
        list[TicketFacts], list[RatingFacts], list[PauseFacts]]:
    t, r, p = TicketRow, RatingRow, PauseRow
    with engine.connect() as conn:
        tickets = [TicketFacts(*row) for row in conn.execute(
            select(t.service, t.status, t.window, t.clerk, t.issued_at, t.called_at,
                   t.finished_at).where(t.day == day))]
        ratings = [RatingFacts(*row) for row in conn.execute(
            select(r.score, r.window, r.clerk, r.follow_up).where(r.day == day))]
        pauses = [PauseFacts(w, c, ((e or now) - s).total_seconds()) for w, c, s, e in
                  conn.execute(select(p.window, p.clerk, p.started_at, p.ended_at)
                               .where(p.day == day))]
    return tickets, ratings, pauses
