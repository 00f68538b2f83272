"""Draw a laid-out ticket with Pillow: the PNG preview, and the image sent in raster mode."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from hallq.hardware.printer.fonts import FontType, has_glyph, load_font
from hallq.hardware.printer.layout import Cut, Feed, Layout, QrCode, TextLine
from hallq.hardware.printer.profiles import PrinterProfile
from hallq.hardware.printer.textcodec import display_width

QR_LEVELS = {"L": 1, "M": 0, "Q": 3, "H": 2}  # qrcode.constants.ERROR_CORRECT_*
MARGIN = 8


def glyph_printable(ch: str) -> bool:
    """Printable in raster mode: not a control character, and drawn by the CJK font."""
    from hallq.hardware.printer.textcodec import charset_printable

    return charset_printable("gb18030")(ch) and has_glyph(ch)


def _x(align: str, width: int, paper: int) -> int:
    if align == "center":
        return max(0, (paper - width) // 2)
    if align == "right":
        return max(0, paper - width)
    return 0


def _qr_image(item: QrCode) -> Image.Image:
    import qrcode

    qr = qrcode.QRCode(error_correction=QR_LEVELS[item.error], box_size=1, border=0)
    qr.add_data(item.data.encode("utf-8"))
    qr.make(fit=True)
    matrix: list[list[bool]] = qr.get_matrix()
    n, m = len(matrix), item.module_size
    image = Image.new("L", (n * m, n * m), 255)
    draw = ImageDraw.Draw(image)
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            if dark:
                draw.rectangle((col * m, row * m, col * m + m - 1, row * m + m - 1), fill=0)
    return image


def _ascent(font: FontType) -> int:
    if isinstance(font, ImageFont.FreeTypeFont):
        return font.getmetrics()[0]
    return int(font.getbbox("中")[3])


def _draw_line(
    draw: ImageDraw.ImageDraw, item: TextLine, paper: int, y: int, cell: int, unit: int
) -> None:
    """Draw like the printer's monospace font: ASCII one cell wide, other characters two."""
    font = load_font(unit * item.size)
    narrow = cell * item.size  # the printer's ASCII font is half as wide as it is tall
    ascii_font = load_font(max(8, int(unit * item.size * min(1.0, narrow / font.getlength("0")))))
    text = "".join(ch if has_glyph(ch) else "□" for ch in item.text)
    baseline = y + _ascent(font)
    x = _x(item.align, display_width(text) * cell * item.size, paper)
    strikes = range(max(1, item.size // 2) + 1) if item.bold else range(1)
    for ch in text:
        width = display_width(ch) * cell * item.size
        face = ascii_font if ord(ch) < 0x80 else font
        left = x + (width - int(face.getlength(ch))) // 2
        for dx in strikes:  # bold is struck twice, shifted, like the printer's emphasis
            draw.text((left + dx, baseline), ch, font=face, fill=0, anchor="ls")
        x += width


def _line_height(size: int, unit: int) -> int:
    return unit * size + max(6, unit * size // 5)


def _height(layout: Layout, profile: PrinterProfile) -> int:
    """An upper bound of the drawn height, for the canvas."""
    unit, total = profile.char_height_dots, 2 * MARGIN + profile.cut_feed
    for item in layout.items:
        if isinstance(item, TextLine):
            total += _line_height(item.size, unit)
        elif isinstance(item, QrCode):
            total += 177 * item.module_size + unit  # version 40 is 177 modules wide
        elif isinstance(item, Feed):
            total += item.lines * (unit + 6)
        else:
            total += profile.cut_feed + MARGIN
    return total


def render_image(layout: Layout, profile: PrinterProfile, *, preview: bool = True) -> Image.Image:
    """The ticket as a grayscale image ``paper_width_dots`` wide (black ink on white).

    ``preview`` adds the paper margins and a dashed line where the cutter cuts; the raster image
    sent to a printer has neither (the cut is a command).
    """
    paper = min(profile.paper_width_dots, profile.raster_max_width)
    unit = profile.char_height_dots
    canvas = Image.new("L", (paper, _height(layout, profile)), 255)
    draw = ImageDraw.Draw(canvas)
    y = MARGIN if preview else 0
    for item in layout.items:
        if isinstance(item, TextLine):
            _draw_line(draw, item, paper, y, cell=paper // profile.chars_per_line, unit=unit)
            y += _line_height(item.size, unit)
        elif isinstance(item, QrCode):
            qr = _qr_image(item)
            canvas.paste(qr, (_x(item.align, qr.width, paper), y + unit // 2))
            y += qr.height + unit
        elif isinstance(item, Feed):
            y += item.lines * (unit + 6)
        elif isinstance(item, Cut) and preview:
            y += profile.cut_feed
            for x in range(0, paper, 16):
                draw.line((x, y, x + 8, y), fill=128, width=2)
            y += MARGIN
    return canvas.crop((0, 0, paper, max(y, 1)))
