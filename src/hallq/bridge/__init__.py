"""The bridge process (``hallq bridge``): the server's events onto the bus, device keys into
API calls. ``settings`` reads the configs; ``runtime`` wires the shared client to the bus
drivers of ``hallq.hardware.bus``; ``cli`` is the subcommand.

This package imports nothing at import time, so ``hallq --help`` does not load Qt."""
