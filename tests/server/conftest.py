from tests.server.apifix import api

__all__ = ["api"]
