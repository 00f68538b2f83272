"""The apps' sections of the hall config that name things of the server's sections
(``[caller] pause_reasons``, ``[display] windows`` and ``services``, ``[demo] clerks``).

The apps read their own sections, but a name there that the server does not know (a pause
reason, a window, a clerk) only fails when the app is used; the server checks them when it reads
the file, so the mistake is found at start with its file and key."""

from __future__ import annotations

from hallq.common.tomlreader import Table, item
from hallq.server.domain.hall import Hall


def check_app_sections(root: Table, hall: Hall) -> None:
    caller = root.data.get("caller")
    if isinstance(caller, dict) and "pause_reasons" in caller:
        section = Table(root.path, "caller", caller)
        for i, reason in enumerate(section.texts("pause_reasons")):
            if reason not in hall.pause_reasons:
                raise section.error(item("pause_reasons", i), f"{reason!r} is not one of [policy] "
                                    "pause_reasons (the server would refuse it)")
    display = root.data.get("display")
    if isinstance(display, dict):
        _names(Table(root.path, "display", display), "windows", [w.id for w in hall.windows])
        _names(Table(root.path, "display", display), "services", [s.code for s in hall.services])
    demo = root.data.get("demo")
    if isinstance(demo, dict) and "clerks" in demo:
        _demo_clerks(Table(root.path, "demo", demo), hall)


def _names(section: Table, key: str, known: list[str]) -> None:
    """``[display] windows`` / ``services``: a zone naming what the hall does not have would
    stay empty on the TV."""
    if not isinstance(section.data.get(key), list):
        return  # absent, or of the wrong kind: the display itself names that
    for i, name in enumerate(section.texts(key)):
        if name not in known:
            raise section.error(item(key, i), f"no {key[:-1]} {name!r}; known: "
                                f"{', '.join(known)}")


def _demo_clerks(demo: Table, hall: Hall) -> None:
    """``[demo] clerks = [[window, clerk, PIN], ...]``: the clerks the demo logs in."""
    entries = demo.data["clerks"]
    if not isinstance(entries, list):
        raise demo.error("clerks", "must be a list of [window, clerk id, PIN]")
    for i, entry in enumerate(entries):
        key = item("clerks", i)
        if not (isinstance(entry, list) and len(entry) == 3
                and all(isinstance(x, str) for x in entry)):
            raise demo.error(key, "must be [window, clerk id, PIN], three texts")
        window, clerk_id, _pin = entry
        clerk = hall.clerk(clerk_id)
        if hall.window(window) is None:
            raise demo.error(key, f"no window {window!r}")
        if clerk is None:
            raise demo.error(key, f"no clerk {clerk_id!r}")
        if clerk.windows and window not in clerk.windows:
            raise demo.error(key, f"clerk {clerk_id!r} may not work at window {window!r}")
