"""The ticket kiosk (自助取号机): ``hallq kiosk``. See kiosk/cli.py for how it is put together."""
