"""The README's curl walk-through as a script, and a ``rental serve`` to run it against.

Shared by the walk-through's tests: as printed on the sandbox gateway in bash and zsh
(``test_readme_walk_through.py``), and with Stripe (``test_readme_stripe.py``).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.test_serve import Server, free_port, wait_until_healthy

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION, END = "## Try it: a whole booking with curl", "### Housekeeping"
ADDRESS = "http://127.0.0.1:8000"


def blocks() -> list[str]:
    """The ``sh`` blocks of the README's walk-through, in order."""
    text = README.read_text(encoding="utf-8")
    assert SECTION in text and END in text, "README.md's curl walk-through moved"
    section = text.split(SECTION, 1)[1].split(END, 1)[0]
    return re.findall(r"^```sh\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)


def walk_through(base_url: str, *, replace: Mapping[str, str] | None = None) -> str:
    """The walk-through as one script against ``base_url``, with ``replace`` applied."""
    script = "\n".join(blocks())
    assert ADDRESS in script
    for old, new in {ADDRESS: base_url, **(replace or {})}.items():
        assert old in script, old
        script = script.replace(old, new)
    return script


def needs(*tools: str) -> None:
    """Skip (or fail, when services are required) unless every tool is on the PATH."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        reason = f"the README's walk-through needs {', '.join(missing)}"
        if os.environ.get("RENTAL_REQUIRE_SERVICES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)


def run_in(shell: str, script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``script`` pasted into ``shell``: zsh interactive (where a comment after a command is
    an argument and ``!`` in double quotes is history), bash as a script."""
    if shell == "zsh":
        command = ["zsh", "-f", "-i", "-s", "+o", "prompt_sp", "+o", "prompt_cr"]
        env = {**os.environ, "PS1": "", "PS2": ""}
        return subprocess.run(
            command, input=script, cwd=cwd, env=env, capture_output=True, text=True, timeout=300
        )
    path = cwd / "walk.sh"
    path.write_text(script, encoding="utf-8")
    return subprocess.run(["bash", str(path)], cwd=cwd, capture_output=True, text=True, timeout=300)


@contextmanager
def serving(env: Mapping[str, str], tmp_path: Path) -> Iterator[Server]:
    """``rental seed-demo`` then ``rental serve`` with ``env``, on a free port."""
    cli = [sys.executable, "-m", "rental.entrypoints.cli"]
    seeded = subprocess.run(
        [*cli, "seed-demo", "--if-empty"], env=env, capture_output=True, text=True, timeout=120
    )
    assert seeded.returncode == 0, seeded.stdout + seeded.stderr
    port = free_port()
    logs = tmp_path / "serve.log"
    with logs.open("w") as sink:
        process = subprocess.Popen(
            [*cli, "serve", "--port", str(port), "--threads", "4"],
            env=env, stdout=sink, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    running = Server(process, f"http://127.0.0.1:{port}", logs)
    try:
        wait_until_healthy(running)
        yield running
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
