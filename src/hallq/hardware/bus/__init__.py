"""The RS-485 serial bus of the hall (docs/serial-protocol.md).

message (Message, Command) · codec (Codec, Decoder, load_table) · framing (TableCodec, load_codec)
· drivers (LedWindowScreen, HallStrip, CallerKeypad, RatingDevice) · serial_bus (SerialBus) ·
health (BusTiming) · config (load_bus_config) · bridge_core (BusBridgeCore) · bridge (BusBridge)
· sim_devices / sim_line (simulated devices on a pty or TCP line).
"""
