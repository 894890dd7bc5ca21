"""The media store on any S3-compatible object store (AWS S3, SeaweedFS, MinIO, R2…), through
boto3."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, BinaryIO

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from rental.application.media import (
    SIGNED_URL_LIFETIME,
    BadMediaKey,
    StoredFile,
    check_key,
    content_type_of,
)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

# Every key names one immutable file (a new photo gets new keys), so caches may keep it.
CACHE_CONTROL = "public, max-age=31536000, immutable"
MISSING = ("NoSuchKey", "404", "NotFound")


class S3MediaStore:
    """Objects in ``bucket``; URLs under ``base_url`` (a CDN, or the bucket's public address)
    when given, else presigned."""

    def __init__(
        self,
        *,
        bucket: str,
        endpoint_url: str | None = None,
        access_key: str | None = None,
        secret_key: str | None = None,
        region: str | None = None,
        base_url: str | None = None,
    ) -> None:
        self._bucket = bucket
        self._base_url = base_url.rstrip("/") if base_url else None
        self._client: S3Client = boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            region_name=region or "us-east-1",
            config=Config(
                signature_version="s3v4",
                # Path-style works on every S3-compatible server, whatever its DNS.
                s3={"addressing_style": "path"},
                connect_timeout=5,
                read_timeout=30,
                retries={"max_attempts": 3, "mode": "standard"},
            ),
        )

    def create_bucket(self) -> None:
        """Make the bucket unless it exists (development and tests; production buckets are
        an operator's)."""
        try:
            self._client.head_bucket(Bucket=self._bucket)
        except ClientError:
            self._client.create_bucket(Bucket=self._bucket)

    def put(self, key: str, data: bytes | BinaryIO, content_type: str) -> None:
        if content_type != content_type_of(key):
            raise BadMediaKey(f"{key!r} cannot hold {content_type}.")
        body = io.BytesIO(data) if isinstance(data, bytes) else data
        self._client.upload_fileobj(
            body,
            self._bucket,
            key,
            ExtraArgs={"ContentType": content_type, "CacheControl": CACHE_CONTROL},
        )

    def get(self, key: str) -> StoredFile | None:
        try:
            found = self._client.get_object(Bucket=self._bucket, Key=check_key(key))
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in MISSING:
                return None
            raise
        return StoredFile(found["Body"].read(), found.get("ContentType") or content_type_of(key))

    def delete(self, key: str) -> None:
        self._client.delete_object(Bucket=self._bucket, Key=check_key(key))

    def url(self, key: str, expires_in: timedelta | None = None) -> str:
        check_key(key)
        if self._base_url and expires_in is None:
            return f"{self._base_url}/{key}"
        lifetime = expires_in or SIGNED_URL_LIFETIME
        url: str = self._client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self._bucket, "Key": key},
            ExpiresIn=int(lifetime.total_seconds()),
        )
        return url

    def keys(self, prefix: str, modified_before: datetime) -> Iterator[str]:
        pages = self._client.get_paginator("list_objects_v2")
        for page in pages.paginate(Bucket=self._bucket, Prefix=prefix):
            for item in page.get("Contents", []):
                if item["LastModified"] < modified_before:
                    try:
                        yield check_key(item["Key"])
                    except BadMediaKey:
                        continue
