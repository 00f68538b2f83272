"""Tests of hallq.hardware.bus."""
