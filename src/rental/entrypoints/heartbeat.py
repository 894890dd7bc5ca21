"""The worker's heartbeat: a file touched at each turn of its loop, and the check of it.

``python -m rental.entrypoints.heartbeat [--max-age 30] [PATH]`` exits 0 when the file was
touched in the last ``max-age`` seconds, else 1 with the reason. It imports nothing but the
standard library, so a container's health check costs milliseconds, where ``rental worker
--check`` (the same check) first loads the whole application.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

log = logging.getLogger("rental.worker")
DEFAULT_MAX_AGE = 30.0


def default_heartbeat_path() -> Path:
    return Path(tempfile.gettempdir()) / "rental-worker.heartbeat"


class Heartbeat:
    """A file whose modification time says when the worker's loop last went round."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def beat(self) -> None:
        try:
            self.path.touch()
        except OSError:  # a full or read-only /tmp must not stop the deliveries
            log.warning("cannot touch the heartbeat file %s", self.path, exc_info=True)

    def age(self) -> float | None:
        """Seconds since the last beat; ``None`` when there was none."""
        try:
            return max(0.0, time.time() - self.path.stat().st_mtime)
        except FileNotFoundError:
            return None

    def problem(self, max_age: float) -> str | None:
        """Why the worker is not healthy, or ``None``."""
        age = self.age()
        if age is None:
            return f"no heartbeat at {self.path}"
        if age > max_age:
            return f"the last heartbeat is {age:.0f}s old"
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Is rental worker's loop going round?")
    parser.add_argument("path", nargs="?", type=Path, default=default_heartbeat_path())
    parser.add_argument("--max-age", type=float, default=DEFAULT_MAX_AGE)
    arguments = parser.parse_args(argv)
    problem = Heartbeat(arguments.path).problem(arguments.max_age)
    if problem is not None:
        print(f"unhealthy: {problem}", file=sys.stderr)
        return 1
    print("healthy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
