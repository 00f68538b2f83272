"""hallq: the queue system of a government service hall (政务服务中心排队叫号系统).

Its version: ``hallq.common.version.hallq_version()`` (from pyproject.toml, via the installed
metadata).
"""
