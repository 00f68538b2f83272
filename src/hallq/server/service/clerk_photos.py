"""Clerks' photos for the rating pad (6.2.1), uploaded in the console: checked to be a JPEG or
PNG image, made a JPEG of at most 600x800 (its EXIF, a phone's GPS position too, left out),
kept in the database by its SHA-256 (``storage/photo_store.py``) and named in the clerk's
configuration as ``photo = "upload:<sha256>"`` through the live configuration, so the change
is versioned, audited and published as ``config.changed`` like any other."""

from __future__ import annotations

import base64
import hashlib
import io
import warnings

from PIL import Image, ImageOps

from hallq import contract
from hallq.server.domain.errors import Invalid, NotFound
from hallq.server.service.hall_service import HallService
from hallq.server.service.live_config import LiveConfig
from hallq.server.service.views import PHOTO_PREFIX
from hallq.server.storage.photo_store import PhotoStore

MAX_BYTES = 2 * 1024 * 1024  # what a phone's or a camera's JPEG of a face needs, and more
MAX_PIXELS = 40_000_000  # a larger picture is refused before it is decoded
BOX = (600, 800)  # the rating pad shows 240x320 (up to 1.6 times that on a large screen)
KINDS = ("JPEG", "PNG")


def as_jpeg(data: bytes) -> bytes:
    """The upload as the JPEG kept; :class:`Invalid` (field ``photo``) when it is too large
    or not a JPEG or PNG picture."""
    if len(data) > MAX_BYTES:
        raise Invalid(f"photo: larger than {MAX_BYTES // (1024 * 1024)} MB", field="photo",
                      code="too_large")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind, size = probe.format, probe.size
                probe.verify()
            if kind not in KINDS:
                raise Invalid("photo: must be a JPEG or PNG picture", field="photo",
                              code="not_an_image")
            if size[0] * size[1] > MAX_PIXELS:
                raise Invalid("photo: too many pixels", field="photo", code="too_large")
            with Image.open(io.BytesIO(data)) as image:
                picture = ImageOps.exif_transpose(image)
                picture.thumbnail(BOX)
                flat = Image.new("RGB", picture.size, "white")
                flat.paste(picture.convert("RGBA"), mask=picture.convert("RGBA"))
                out = io.BytesIO()
                flat.save(out, "JPEG", quality=88)
                return out.getvalue()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning):
        raise Invalid("photo: not a JPEG or PNG picture that can be read", field="photo",
                      code="not_an_image") from None


def store_of(hs: HallService) -> PhotoStore:
    return PhotoStore(hs.work.store.engine)


def upload(hs: HallService, live: LiveConfig, clerk_id: str, jpeg: bytes,
           version: int | None, who: str) -> contract.ConfigItem:
    """Keep the photo (``as_jpeg``'s answer: decode and re-encode it in the thread pool first,
    never on the writer, which holds the hall's lock) and name it in the clerk's configuration;
    call it on the writer thread (``await hs.submit(upload, …)``). A refused change (a version
    conflict) keeps nothing named: the stored bytes are forgotten at the next upload."""
    old = live.find("clerks", clerk_id)
    if old is None:
        raise NotFound(f"no clerk {clerk_id!r} in the configuration", code="not_found")
    sha = hashlib.sha256(jpeg).hexdigest()
    store = store_of(hs)
    store.add(sha, "image/jpeg", jpeg, hs.clock())
    body = {k: v for k, v in old.body.items() if k != "pin_hash"}
    made = live.put("clerks", clerk_id, {**body, "photo": PHOTO_PREFIX + sha,
                                         **({"version": version} if version is not None else {})},
                    who)
    store.prune(named(live))
    return made


def remove(hs: HallService, live: LiveConfig, clerk_id: str, version: int | None,
           who: str) -> contract.ConfigItem:
    """The clerk has no uploaded photo any more (writer thread, as :func:`upload`)."""
    old = live.find("clerks", clerk_id)
    if old is None:
        raise NotFound(f"no clerk {clerk_id!r} in the configuration", code="not_found")
    body = {k: v for k, v in old.body.items() if k not in ("pin_hash", "photo")}
    made = live.put("clerks", clerk_id,
                    {**body, **({"version": version} if version is not None else {})}, who)
    store_of(hs).prune(named(live))
    return made


def named(live: LiveConfig) -> list[str]:
    """The photos the live configuration's clerks name."""
    return [str(i.body["photo"])[len(PHOTO_PREFIX):] for i in live.items
            if i.kind == "clerks" and str(i.body.get("photo", "")).startswith(PHOTO_PREFIX)]


def photo(hs: HallService, clerk_id: str) -> tuple[str, str, bytes]:
    """(version, content type, bytes) of the clerk's uploaded photo (the version is its
    SHA-256); :class:`NotFound` when there is none."""
    clerk = hs.hall.clerk(clerk_id)
    sha = clerk.photo[len(PHOTO_PREFIX):] if clerk and clerk.photo.startswith(PHOTO_PREFIX) \
        else ""
    found = store_of(hs).get(sha) if sha else None
    if found is None:
        raise NotFound(f"clerk {clerk_id!r} has no uploaded photo", code="no_photo")
    return sha, *found


def photo_answer(hs: HallService, clerk_id: str) -> dict[str, str]:
    """The API's answer (``contract.ClerkPhoto``): the bytes in base64, in JSON as every
    answer of the API."""
    sha, kind, data = photo(hs, clerk_id)
    return {"clerk": clerk_id, "content_type": kind, "version": sha,
            "data_base64": base64.b64encode(data).decode("ascii")}
