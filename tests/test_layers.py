"""The layers hold: lint-imports keeps every contract of pyproject.toml, and no module of hallq
takes part in an import circle (docs/architecture-layers.md)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]

# Circles another piece of work removes; each entry is one circle, as its sorted module names.
KNOWN_CIRCLES: set[tuple[str, ...]] = set()


def test_every_layer_contract_is_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_no_module_of_hallq_imports_itself_in_a_circle() -> None:
    graph = grimp.build_graph("hallq", include_external_packages=False, cache_dir=None)
    imports = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    circles = {tuple(sorted(c)) for c in _strongly_connected(imports) if len(c) > 1}
    circles |= {(m,) for m, targets in imports.items() if m in targets}
    found = circles - KNOWN_CIRCLES
    assert not found, "import circles: " + "; ".join(" <-> ".join(c) for c in sorted(found))
    gone = KNOWN_CIRCLES - circles
    assert not gone, f"these circles are gone: delete them from KNOWN_CIRCLES: {sorted(gone)}"


def test_the_cycle_check_sees_a_circle() -> None:
    imports = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert [sorted(c) for c in _strongly_connected(imports) if len(c) > 1] == [["a", "b", "c"]]


def _strongly_connected(imports: dict[str, set[str]]) -> Iterator[set[str]]:
    """Tarjan's strongly connected components, without recursion (the graph is deep)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for start in sorted(imports):
        if start in index:
            continue
        work = [(start, iter(sorted(imports.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(imports.get(target, ())))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                yield component
