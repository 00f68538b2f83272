"""Drivers and simulators: the ESC/POS printer (``printer``) and the RS-485 serial bus
(``bus``). A pure driver layer: no Qt, no client, no server (docs/architecture-layers.md)."""
