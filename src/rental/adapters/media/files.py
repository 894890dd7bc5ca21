"""The media store on the local file system: the embedded default, served by the API itself
under ``/media/…``."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from rental.application.media import BadMediaKey, StoredFile, check_key, content_type_of


def _system_now() -> datetime:
    return datetime.now(UTC)


class FileMediaStore:
    """Files under ``root``, one per key; URLs under ``base_url`` (``/media`` by default, the
    API's own route; a CDN's address in front of it otherwise).

    A link that expires (``url(key, expires_in)``, for private keys such as data exports)
    carries its end and an HMAC-SHA256 of the key and that end under ``signing_key``
    (``RENTAL_SECRET_KEY``'s, so every server process checks what any other signed; a random
    one by default); ``check_link`` is what the API's route asks before serving it."""

    def __init__(
        self,
        root: Path,
        base_url: str = "/media",
        *,
        signing_key: bytes | None = None,
        now: Callable[[], datetime] = _system_now,
    ) -> None:
        self.root = root.resolve()
        self._base_url = base_url.rstrip("/")
        self._signing_key = signing_key or secrets.token_bytes(32)
        self._now = now

    def _signature(self, key: str, expires: int) -> str:
        message = f"{key}\n{expires}".encode()
        return hmac.new(self._signing_key, message, hashlib.sha256).hexdigest()

    def check_link(self, key: str, expires: str | None, signature: str | None) -> bool:
        """Whether a signed link to ``key`` is genuine and not yet expired."""
        if not expires or not signature or not expires.isdigit():
            return False
        genuine = hmac.compare_digest(self._signature(key, int(expires)), signature)
        return genuine and self._now().timestamp() < int(expires)

    def path(self, key: str) -> Path:
        """Where ``key`` lives. Only keys of the strict shape ``check_key`` allows get here, and
        the result is checked to be inside the root all the same."""
        path = (self.root / check_key(key)).resolve()
        if not path.is_relative_to(self.root):
            raise BadMediaKey(f"{key!r} is not a media key.")
        return path

    def put(self, key: str, data: bytes | BinaryIO, content_type: str) -> None:
        if content_type != content_type_of(key):
            raise BadMediaKey(f"{key!r} cannot hold {content_type}.")
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed: a reader never sees half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".part") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                shutil.copyfileobj(data, out)
        os.replace(out.name, path)

    def get(self, key: str) -> StoredFile | None:
        try:
            return StoredFile(self.path(key).read_bytes(), content_type_of(key))
        except FileNotFoundError:
            return None

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def url(self, key: str, expires_in: timedelta | None = None) -> str:
        url = f"{self._base_url}/{check_key(key)}"
        if expires_in is None:
            return url
        expires = int((self._now() + expires_in).timestamp())
        return f"{url}?expires={expires}&signature={self._signature(key, expires)}"

    def keys(self, prefix: str, modified_before: datetime) -> Iterator[str]:
        top = self.root / prefix
        if not top.is_dir() or not top.resolve().is_relative_to(self.root):
            return
        cutoff = modified_before.timestamp()
        for path in sorted(top.rglob("*")):
            key = path.relative_to(self.root).as_posix()
            if path.is_file() and path.stat().st_mtime < cutoff:
                try:
                    yield check_key(key)
                except BadMediaKey:
                    continue  # not ours (a half-written .part is swept by its own writer)
