"""The citizen's rating pad (``hallq rate``)."""
