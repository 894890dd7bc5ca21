"""The media store on the local file system: the embedded default, served by the API itself
under ``/media/…``."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from rental.application.media import BadMediaKey, StoredFile, check_key, content_type_of


class FileMediaStore:
    """Files under ``root``, one per key; URLs under ``base_url`` (``/media`` by default, the
    API's own route; a CDN's address in front of it otherwise)."""

    def __init__(self, root: Path, base_url: str = "/media") -> None:
        self.root = root.resolve()
        self._base_url = base_url.rstrip("/")

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
        return f"{self._base_url}/{check_key(key)}"

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
