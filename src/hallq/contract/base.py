"""The one base of every answer model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Answer(BaseModel):
    """An answer of the server. Readers ignore fields they do not know (a newer server may add
    some); each field has exactly one name."""

    model_config = ConfigDict(extra="ignore", frozen=True)
