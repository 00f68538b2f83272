"""Tests of the bridge process (``hallq bridge``) and the simulated bus (``hallq bus-sim``)."""
