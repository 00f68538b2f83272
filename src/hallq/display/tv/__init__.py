"""The TV call display (``hallq display``)."""
