"""Shared test set-up: Qt runs offscreen unless a display is asked for explicitly."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
