"""Template + slip + profile → the lines of one ticket, shared by the byte and image renderers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hallq.hardware.printer.profiles import PrinterProfile
from hallq.hardware.printer.slip import TicketSlip
from hallq.hardware.printer.template import Align, Block, Template
from hallq.hardware.printer.textcodec import Printable, display_width, replace_unprintable, wrap


@dataclass(frozen=True)
class TextLine:
    text: str
    align: Align = "left"
    size: int = 1
    bold: bool = False


@dataclass(frozen=True)
class QrCode:
    data: str
    align: Align = "center"
    module_size: int = 6
    error: str = "M"


@dataclass(frozen=True)
class Feed:
    lines: int


@dataclass(frozen=True)
class Cut:
    pass


Item = TextLine | QrCode | Feed | Cut


@dataclass
class Layout:
    items: list[Item] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # characters printed as the replacement


def slip_values(slip: TicketSlip, template: Template) -> dict[str, Any]:
    return {
        "hall_name": slip.hall_name,
        "number": slip.number,
        "service_name": slip.service_name,
        "windows": compact_windows(slip.windows, template.windows_separator),
        "waiting_ahead": slip.waiting_ahead,
        "issued_at": slip.issued_at,
        "date": slip.issued_at.strftime("%Y-%m-%d"),
        "time": slip.issued_at.strftime("%H:%M"),
        "priority_mark": (slip.mark or template.priority_mark) if slip.priority else "",
        "footer": slip.footer,
        "qr_url": slip.qr_url or "",
    }


def lay_out(
    template: Template, slip: TicketSlip, profile: PrinterProfile, printable: Printable
) -> Layout:
    """The ticket's lines, wrapped to the paper, unprintable characters replaced and reported."""
    values = slip_values(slip, template)
    layout = Layout()

    def clean(text: str) -> str:
        return replace_unprintable(text, printable, profile.replacement, layout.replaced)

    def add_text(text: str, block: Block, indent: int = 0) -> None:
        columns = profile.chars_per_line // block.size
        for line in wrap(clean(text), columns, indent):
            layout.items.append(TextLine(line, block.align, block.size, block.bold))

    for block in template.blocks:
        if block.when is not None and not getattr(slip, block.when):
            continue
        if block.kind == "text":
            add_text(block.value.format(**values), block)
        elif block.kind == "qr":
            data = block.value.format(**values)
            if data:
                layout.items.append(QrCode(data, block.align, block.qr_size, block.qr_error))
        elif block.kind == "materials":
            bullet = clean(block.bullet)
            for material in slip.materials:
                add_text(bullet + material, block, indent=display_width(bullet))
        elif block.kind == "rule":
            char = clean(block.value)
            count = profile.chars_per_line // block.size // display_width(char)
            layout.items.append(TextLine(char * count, "left", block.size, block.bold))
        elif block.kind == "feed":
            layout.items.append(Feed(block.lines))
        elif block.kind == "cut":
            layout.items.append(Cut())
    return layout


def compact_windows(names: list[str], separator: str, suffix: str = "号窗口") -> str:
    """``1号窗口、2号窗口、3号窗口`` prints as ``1、2、3号窗口``, and ``Window 1, Window 2`` as
    ``Windows 1, 2``: shorter, never split mid-word."""
    if len(names) > 1 and all(n.endswith(suffix) and n[: -len(suffix)] for n in names):
        return separator.join(n[: -len(suffix)] for n in names) + suffix
    if len(names) > 1 and all(n.startswith("Window ") for n in names):
        return "Windows " + separator.join(n.removeprefix("Window ") for n in names)
    return separator.join(names)
