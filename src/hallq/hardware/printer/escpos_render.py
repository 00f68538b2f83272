"""A laid-out ticket → the bytes an ESC/POS printer receives, in text mode or raster mode.

Text mode: Chinese mode on (FS &), GB18030 text with GS ! sizes and ESC E bold, native QR
(GS ( k) or a QR image when the profile lacks native QR, Chinese mode off (FS .), then the cut.
Raster mode: the whole ticket drawn by image_render and sent as GS v 0 bands, then the cut.
"""

from __future__ import annotations

from hallq.hardware.printer import commands as cmd
from hallq.hardware.printer.layout import Cut, Feed, Layout, QrCode, TextLine
from hallq.hardware.printer.profiles import PrinterProfile
from hallq.hardware.printer.textcodec import encode_gb18030


def _cut(profile: PrinterProfile) -> bytes:
    if profile.cut:
        return cmd.cut(profile.partial_cut, profile.cut_feed)
    return cmd.feed_lines(max(1, profile.cut_feed // profile.char_height_dots))


def render_text_mode(layout: Layout, profile: PrinterProfile) -> bytes:
    out = bytearray(cmd.INIT)
    state: dict[str, object] = {"align": "left", "size": 1, "bold": False, "chinese": False}

    def setting(key: str, value: object, command: bytes) -> None:
        if state[key] != value:
            out.extend(command)
            state[key] = value

    for item in layout.items:
        if isinstance(item, TextLine):
            if profile.chinese_font:
                setting("chinese", True, cmd.CHINESE_ON)
            setting("align", item.align, cmd.align(item.align))
            setting("size", item.size, cmd.char_size(item.size))
            setting("bold", item.bold, cmd.bold(item.bold))
            out += encode_gb18030(item.text) + cmd.LF
        elif isinstance(item, QrCode):
            setting("align", item.align, cmd.align(item.align))
            if profile.qr_native:
                out += cmd.qr_code(item.data.encode("utf-8"), item.module_size, item.error)
            else:
                from hallq.hardware.printer.image_render import _qr_image

                out += cmd.raster_image(_qr_image(item), profile.raster_band_rows)
            out += cmd.LF
        elif isinstance(item, Feed):
            out += cmd.feed_lines(item.lines)
        elif isinstance(item, Cut):
            out += _finish(state) + _cut(profile)
    return bytes(out + _finish(state))


def _finish(state: dict[str, object]) -> bytes:
    out = b""
    if state["size"] != 1:
        out += cmd.char_size(1)
    if state["bold"]:
        out += cmd.bold(False)
    if state["align"] != "left":
        out += cmd.align("left")
    if state["chinese"]:
        out += cmd.CHINESE_OFF
    state.update(align="left", size=1, bold=False, chinese=False)
    return out


def render_raster_mode(layout: Layout, profile: PrinterProfile) -> bytes:
    from hallq.hardware.printer.image_render import render_image

    body = Layout([i for i in layout.items if not isinstance(i, Cut)], layout.replaced)
    image = render_image(body, profile, preview=False)
    out = cmd.INIT + cmd.align("left") + cmd.raster_image(image, profile.raster_band_rows)
    if any(isinstance(i, Cut) for i in layout.items):
        out += _cut(profile)
    return out
