"""The bridge process (``hallq bridge``): the server's events onto the bus, device keys into
API calls. ``settings`` reads the configs; ``runtime`` wires the shared client to the bus."""

from hallq.hardware.bridge_runtime.runtime import BridgeRuntime
from hallq.hardware.bridge_runtime.settings import BridgeSettings, BridgeSetupError, load_settings

__all__ = ["BridgeRuntime", "BridgeSettings", "BridgeSetupError", "load_settings"]
