"""The RS-485 serial bus of the hall: codecs, device drivers, bus scheduler, simulators."""
