"""The clerk's caller pad (``hallq caller``)."""
