"""The media store port: files kept by key (photos' variants, data exports, uploads waiting
for the worker), with the URL a client fetches each from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import BinaryIO, Protocol

from attrs import frozen

# A key is a path of short segments and a file name with one extension, all chosen by the
# server (``photos/<listing>/<photo>/<random>-large.webp``), never taken from a client: no
# dots but the extension's, so no ``..``; no leading slash, no backslash, no empty segment.
KEY = re.compile(r"^(?:[A-Za-z0-9_-]{1,100}/){0,8}[A-Za-z0-9_-]{1,100}\.[a-z0-9]{1,10}$")
# How long a signed link to a public file lasts when there is no public base URL (the longest
# an S3 signature may last).
SIGNED_URL_LIFETIME = timedelta(days=7)
CONTENT_TYPES = {
    "webp": "image/webp",
    "jpg": "image/jpeg",
    "png": "image/png",
    "heic": "image/heic",
    "json": "application/json",
    "zip": "application/zip",
}


# Keys under these are private: fetched only through a link that ``url(key, expires_in)``
# signs and that stops working (data exports); the rest are public (photos' variants).
PRIVATE_PREFIXES = ("exports/",)


def is_private(key: str) -> bool:
    return key.startswith(PRIVATE_PREFIXES)


class BadMediaKey(ValueError):
    """A key that no file of ours can have."""


def check_key(key: str) -> str:
    """``key`` when it is a key a file of ours may have, with a type we serve; else
    ``BadMediaKey``. Every adapter checks every key it is given."""
    if not KEY.match(key) or key.rsplit(".", 1)[1] not in CONTENT_TYPES:
        raise BadMediaKey(f"{key!r} is not a media key.")
    return key


def content_type_of(key: str) -> str:
    """The type a file's extension stands for."""
    return CONTENT_TYPES[check_key(key).rsplit(".", 1)[1]]


@frozen
class StoredFile:
    """A file's bytes and type, as read back."""

    data: bytes
    content_type: str


class MediaStore(Protocol):
    """Where files are kept, by key. Writing a key again replaces its file; deleting a missing
    key is not an error. A key's extension names its type (``content_type_of``)."""

    def put(self, key: str, data: bytes | BinaryIO, content_type: str) -> None:
        """Keep ``data`` (bytes, or a file read from its current position) under ``key``."""

    def get(self, key: str) -> StoredFile | None:
        """The file under ``key``, or None."""

    def delete(self, key: str) -> None:
        """Remove the file under ``key``, if any."""

    def url(self, key: str, expires_in: timedelta | None = None) -> str:
        """Where a client fetches ``key``: under the public base URL (a CDN) when there is one
        and ``expires_in`` is None, else a link that stops working after ``expires_in`` (a
        store that cannot make one answers its public URL)."""

    def keys(self, prefix: str, modified_before: datetime) -> Iterator[str]:
        """The keys under ``prefix`` (``uploads/``) last written before ``modified_before``."""
