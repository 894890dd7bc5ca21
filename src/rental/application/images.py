"""The image port: what an upload is (decided by decoding it), and its variants."""

from __future__ import annotations

from collections.abc import Mapping
from typing import BinaryIO, Protocol

from attrs import frozen

# The formats taken, by the name an adapter reports, with the extension of their media key.
EXTENSIONS = {"jpeg": "jpg", "png": "png", "webp": "webp", "heic": "heic"}


@frozen
class ImageFacts:
    """What reading an image's header tells: its format (a key of ``EXTENSIONS``) and its
    size as it will be shown (upright, by its EXIF orientation)."""

    format: str
    width: int
    height: int


@frozen
class Variants:
    """The variants made of an image, WebP bytes by name, and the upright size of the
    original."""

    files: Mapping[str, bytes]
    width: int
    height: int


class UnreadableImage(Exception):
    """The image could not be decoded (truncated, corrupt); ``reason`` is for the host."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Images(Protocol):
    """Reads and re-encodes images."""

    def inspect(self, source: BinaryIO) -> ImageFacts:
        """The format and size, from the header alone (no full decode). Raises
        ``UnsupportedImage`` for anything but JPEG, PNG, WebP and HEIC, and ``ImageRefused``
        for more pixels than a photo may have (before any decoding)."""

    def variants(self, source: bytes, widths: Mapping[str, int]) -> Variants:
        """One WebP per name, at most that many pixels wide (aspect kept, never enlarged),
        upright, without any metadata; ``UnreadableImage`` when it cannot be decoded."""
