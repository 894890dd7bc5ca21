"""``rental serve`` on a port that is taken, and ``make run``'s PORT= and HOST=."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RENTAL = [sys.executable, "-m", "rental.entrypoints.cli"]


def test_a_taken_port_is_one_clear_line_and_a_failure(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {
            **os.environ, "RENTAL_ENV": "development",
            "RENTAL_DATABASE_URL": f"sqlite:///{tmp_path / 'rental.db'}",
        }  # fmt: skip
        run = subprocess.run(
            [*RENTAL, "serve", "--port", str(port)],
            env=env, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert run.returncode != 0
    output = (run.stdout + run.stderr).strip().splitlines()
    assert output == [
        f"rental serve: cannot listen on 127.0.0.1:{port}: it is already in use; "
        "choose another with --port (PORT=... for make run)."
    ]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_serves_where_port_and_host_say() -> None:
    dry = subprocess.run(
        ["make", "-n", "run", "PORT=8123", "HOST=127.0.0.2", "VENV=.venv-does-not-matter"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    serve = [line for line in dry.stdout.splitlines() if " serve " in line]
    assert serve == [".venv-does-not-matter/bin/rental serve --host 127.0.0.2 --port 8123"]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_installs_the_runtime_and_make_test_the_dev_tools(tmp_path: Path) -> None:
    venv = tmp_path / "venv"

    def dry(target: str) -> list[str]:
        ran = subprocess.run(
            ["make", "-n", target, f"VENV={venv}"],
            cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
        return [line for line in ran.stdout.splitlines() if "pip install" in line]

    assert dry("run")[-1].endswith("pip install --quiet -e .")
    assert dry("test")[-1].endswith("pip install --quiet -e '.[dev]'")
    # After `make run` (its stamp only), `make test` still installs the dev tools.
    venv.mkdir()
    (venv / ".installed-runtime").touch()
    assert dry("run") == []
    assert dry("test")[-1].endswith("pip install --quiet -e '.[dev]'")
    # After `make test`, `make run` installs nothing more.
    (venv / ".installed").touch()
    (venv / ".installed-runtime").touch()
    assert dry("run") == [] and dry("test") == []
