"""One small module per way of reaching a printer; ``hardware.printer.url`` picks one by URL."""
