"""hallq: the queue system of a government service hall (政务服务中心排队叫号系统)."""

__version__ = "0.1.0"
