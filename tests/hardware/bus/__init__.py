"""Tests of hardware/bus.

tests/hardware (no __init__.py) would otherwise shadow the real ``hardware`` package as a
namespace package, because pytest puts tests/ on sys.path and the project root is not on it
(editable install finder runs after the path finder). A regular package anywhere on sys.path
wins over a namespace one, so putting the project root on sys.path is enough. The lasting fix is
``pythonpath = ["."]`` in [tool.pytest.ini_options].
"""

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[3])
if _ROOT not in sys.path:
    sys.path.append(_ROOT)
