"""The generated client in clients/python/: its README's example runs through it against the
server (over WSGI, no socket) and prints what its comments say."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import httpx
import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from tests.integration.http.conftest import test_settings
from tests.unit.test_readme_example import example, promised_outputs

CLIENT = Path(__file__).resolve().parents[3] / "clients" / "python"
README = CLIENT / "README.md"
HEADING = "## Use"


def test_the_readme_client_example_runs_against_the_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = create_app(test_settings(), rental=bootstrap(password_hasher=Argon2Hasher(fast=True)))
    transport = httpx.WSGITransport(app=app)

    class ThroughTheApp(httpx.Client):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **{**kwargs, "transport": transport})

    # The generated client builds its httpx.Client itself: hand it the app as its transport.
    monkeypatch.setattr(httpx, "Client", ThroughTheApp)
    monkeypatch.syspath_prepend(str(CLIENT))
    code = example(HEADING, README)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(README), "exec"), {"__name__": "readme_client_example"})
    printed = out.getvalue().splitlines()
    promises = promised_outputs(code)
    assert len(promises) == 6
    for promise in promises:
        assert any(line.startswith(promise) for line in printed), (promise, printed)
