"""An import of a whole hall config file into the live configuration (the API's
``POST /api/config/import`` and ``hallq config import``)."""

from __future__ import annotations

from hallq.common.tomlreader import ConfigError
from hallq.server.config_export import Difference
from hallq.server.config_items import from_toml
from hallq.server.domain.errors import Invalid
from hallq.server.service.live_config import LiveConfig


def import_text(live: LiveConfig, text: str, who: str, dry_run: bool) -> list[Difference]:
    """The differences the file makes; applied (one transaction) unless ``dry_run``."""
    try:
        items = from_toml(text, "import")
    except ConfigError as error:
        raise Invalid(str(error), code="invalid_config", field=error.key or None) from None
    return live.replace_all(items, who, dry_run)
