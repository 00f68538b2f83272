"""For the revisions whose tables an unversioned database may already have (0.1's tables in
the baseline, and tables that a development tree made with ``create_all`` before the revisions
existed): create a table, with its indexes, only where it is missing. Later revisions create
their tables plainly. Revisions import this; change it only in ways that keep their meaning."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


def create_missing_table(name: str, *items: sa.Column[object] | sa.Constraint,
                         indexes: Sequence[tuple[str, list[str]]] = ()) -> None:
    if sa.inspect(op.get_bind()).has_table(name):
        return  # the table is there already, with its rows
    op.create_table(name, *items)
    for index, columns in indexes:
        op.create_index(index, name, columns, unique=False)
