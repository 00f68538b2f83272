"""A clerk's photo as kept: a JPEG of at most 600x800, upright, without the EXIF of the upload;
a picture of too many pixels refused before it is decoded."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from hallq.server.domain.errors import Invalid
from hallq.server.service.clerk_photos import as_jpeg


def test_a_phone_photo_is_kept_upright_smaller_and_without_its_exif() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: show it rotated by 90°
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    Image.new("RGB", (1600, 1200), "#2e7d32").save(out, "JPEG", exif=exif.tobytes())
    with Image.open(io.BytesIO(as_jpeg(out.getvalue()))) as kept:
        assert kept.format == "JPEG" and kept.size == (600, 800)
        assert not kept.getexif()


def test_a_transparent_png_is_flattened_on_white() -> None:
    out = io.BytesIO()
    Image.new("RGBA", (100, 100), (0, 0, 0, 0)).save(out, "PNG")
    with Image.open(io.BytesIO(as_jpeg(out.getvalue()))) as kept:
        pixel = kept.getpixel((50, 50))
        assert isinstance(pixel, tuple) and min(pixel) > 240


def test_too_many_pixels_are_refused_before_decoding() -> None:
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, "PNG")  # a few KB, 100 million pixels
    assert len(out.getvalue()) < 2 * 1024 * 1024
    with pytest.raises(Invalid) as refused:
        as_jpeg(out.getvalue())
    assert refused.value.field == "photo"
