"""Reading an appointments file as a hall's booking system or a person in Excel/WPS saves it:
UTF-8 (with or without BOM) or GBK, a service by its code or its name, local times in the
hall's time zone when no offset is given. Every bad line is named, all at once."""

from __future__ import annotations

import csv
import io
from datetime import datetime, tzinfo
from pathlib import Path

from hallq.server.domain.errors import Invalid
from hallq.server.domain.hall import Hall

TIME_FORMATS = ("%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y.%m.%d %H:%M")
COLUMNS = ("code", "service", "slot_start", "slot_end")


def read_text(path: Path, data: bytes | None = None) -> str:
    """The file's text: UTF-8 (a BOM is dropped), else GBK (GB 18030, what Excel and WPS
    write on a Chinese Windows). ``data``: the file's bytes, uploaded (``path`` names it)."""
    data = path.read_bytes() if data is None else data
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Invalid(f"{path}: neither UTF-8 nor GBK text; save it as CSV (UTF-8)")


def rows(path: Path, data: bytes | None = None) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) of every non-empty row; the header must name the columns."""
    reader = csv.DictReader(io.StringIO(read_text(path, data), newline=""))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in COLUMNS[1:] if c not in header]
    if missing:
        raise Invalid(f"{path}: line 1: the header lacks {', '.join(missing)} "
                      f"(it must be {','.join(COLUMNS)}[,citizen_id])")
    reader.fieldnames = header
    found = []
    for row in reader:
        values = {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        if any(values.values()):
            found.append((reader.line_num, values))
    return found


def service_code(hall: Hall, given: str) -> str:
    """The code of the service ``given`` by code (any case) or by its Chinese or English name."""
    wanted = given.strip().casefold()
    for service in hall.services:
        if wanted in (service.code.casefold(), service.name.casefold(),
                      service.name_en.casefold()) and wanted:
            return service.code
    known = ", ".join(f"{s.code} ({s.name})" for s in hall.services)
    raise Invalid(f"service: no service {given!r}; known: {known}", field="service")


def slot_time(text: str, zone: tzinfo, name: str) -> datetime:
    """An ISO time, or a local one as a spreadsheet writes it (2026/11/23 9:00) in ``zone``."""
    text = text.strip()
    moment = None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        for form in TIME_FORMATS:
            try:
                moment = datetime.strptime(text, form)
                break
            except ValueError:
                continue
    if moment is None:
        raise Invalid(f"{name}: {text!r} is not a time like 2026-11-23 09:00 "
                      "or 2026-11-23T09:00+08:00", field=name)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
