"""Images through Pillow (HEIC through pillow-heif): the type decided by decoding, never by a
name or a header a client sent; variants re-encoded as WebP, upright, without metadata.

Pillow's decompression-bomb guard stays on: an image declaring more than twice
``Image.MAX_IMAGE_PIXELS`` is refused as it is opened, before any pixel is decoded, and
``inspect`` refuses anything over 50 megapixels from the header alone. A JPEG is decoded with
``Image.draft`` at the smallest scale (1/2, 1/4, 1/8) still at least as large as the largest
variant, so a 50-megapixel photo is never decoded at full size; ``resize`` then reduces by whole
factors (``reducing_gap``) before resampling.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Mapping
from typing import BinaryIO

import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError

from rental.application.images import ImageFacts, UnreadableImage, Variants
from rental.domain.listings.photos import ImageRefused, UnsupportedImage

FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp", "HEIF": "heic"}
ORIENTATION = 0x0112
SIDEWAYS = {5, 6, 7, 8}  # EXIF orientations that turn the picture a quarter
WEBP_QUALITY = 80


def _open(source: BinaryIO) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # Between MAX_IMAGE_PIXELS and twice that Pillow only warns: our own limit, lower,
            # is checked right after from the header.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(source, formats=list(FORMATS))
    except Image.DecompressionBombError:
        raise ImageRefused.field(
            "file", "The image declares far more than 50 megapixels; it is not decoded."
        ) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise UnsupportedImage(
            "The file is not a JPEG, PNG, WebP or HEIC image (decided by its content)."
        ) from None


def _upright_size(image: Image.Image) -> tuple[int, int]:
    width, height = image.size
    try:
        turned = image.getexif().get(ORIENTATION) in SIDEWAYS
    except Exception:  # a broken EXIF block: shown as stored
        turned = False
    return (height, width) if turned else (width, height)


class PillowImages:
    """The ``Images`` port on Pillow."""

    def __init__(self) -> None:
        pillow_heif.register_heif_opener()

    def inspect(self, source: BinaryIO) -> ImageFacts:
        with _open(source) as image:
            width, height = _upright_size(image)
            return ImageFacts(FORMATS[str(image.format)], width, height)

    def variants(self, source: bytes, widths: Mapping[str, int]) -> Variants:
        try:
            return self._variants(source, widths)
        except (ImageRefused, UnsupportedImage) as refused:
            raise UnreadableImage(str(refused)) from None
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
            raise UnreadableImage(f"The image could not be read: {error}.") from None

    def _variants(self, source: bytes, widths: Mapping[str, int]) -> Variants:
        with _open(io.BytesIO(source)) as image:
            width, height = _upright_size(image)
            largest = min(max(widths.values()), width)
            scale = largest / width
            stored_width, stored_height = image.size
            # Decode a JPEG at the smallest scale not below what the largest variant needs.
            image.draft("RGB", (math.ceil(stored_width * scale), math.ceil(stored_height * scale)))
            image.load()
            upright = ImageOps.exif_transpose(image)
        if upright.mode not in ("RGB", "RGBA"):
            has_alpha = upright.mode in ("LA", "PA", "P") and upright.has_transparency_data
            upright = upright.convert("RGBA" if has_alpha else "RGB")
        files: dict[str, bytes] = {}
        for name, most in sorted(widths.items(), key=lambda item: -item[1]):
            files[name] = self._webp(upright, most)
        return Variants(files, width, height)

    @staticmethod
    def _webp(image: Image.Image, most: int) -> bytes:
        if image.width > most:
            height = max(1, round(image.height * most / image.width))
            image = image.resize((most, height), Image.Resampling.LANCZOS, reducing_gap=2.0)
        # Nothing of the original's metadata goes along: no EXIF (GPS), XMP, ICC or comment.
        image.info = {}
        out = io.BytesIO()
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=4, exif=b"", xmp=b"")
        return out.getvalue()
