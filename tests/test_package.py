"""What `pip install .` puts into site-packages: one package, hallq, with every data file it reads.

Built as a real wheel (pip, with build isolation as an installer would do it), not inferred
from the source tree, so a packaging mistake shows up here before it reaches a hall.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA_SUFFIXES = (".toml", ".wav", ".html", ".css", ".js", ".json", ".mako", ".png", ".txt")


@pytest.mark.slow
def test_the_wheel_holds_one_package_hallq_with_its_data_files(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q",
                    "-w", str(tmp_path)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("hallq-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())

    top_level = {name.split("/")[0] for name in names}
    assert {t for t in top_level if not t.endswith(".dist-info")} == {"hallq"}

    for sub in ("server", "client", "kiosk", "caller", "display", "hardware"):
        assert f"hallq/{sub}/__init__.py" in names, f"hallq.{sub} missing from the wheel"
    migrations = "hallq/server/storage/migrations/"  # a hall's database is upgraded with them
    assert {f"{migrations}env.py", f"{migrations}versions/0001_baseline.py"} <= names
    tracked = subprocess.run(["git", "ls-files", "src/hallq"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
    data = [p.removeprefix("src/") for p in tracked if p.endswith(DATA_SUFFIXES)]
    assert data, "the source tree has data files (printer profiles, codecs, voice clips)"
    missing = [p for p in data if p not in names]
    assert not missing, f"data files not in the wheel: {missing[:5]}"
    # the web console's templates and static files, from folders without an __init__.py
    for console_file in ("templates/base.html", "templates/live_panels.html",
                         "static/console.css", "static/live.js"):
        assert f"hallq/server/console/{console_file}" in names, console_file
    # the vendored browser libraries travel with their licences
    for vendored in ("htmx/htmx.min.js", "htmx/LICENSE", "htmx-ext-ws/ws.min.js",
                     "htmx-ext-ws/LICENSE", "chartjs/chart.umd.min.js", "chartjs/LICENSE.md"):
        assert f"hallq/server/console/static/vendor/{vendored}" in names, vendored
    docs = "hallq/server/api/docs_assets/"  # /docs offline: Swagger UI, ReDoc and their licences
    assert {docs + f for f in ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js",
                               "swagger-ui-LICENSE.txt", "redoc-LICENSE.txt")} <= names
