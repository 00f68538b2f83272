"""The storage's failures as the service layer hands them on: the API answers them with 503
(it does not look into the storage itself)."""

from __future__ import annotations

from hallq.server.storage.failures import STORAGE_ERRORS, storage_failure

__all__ = ["STORAGE_ERRORS", "storage_failure"]
