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


def test_an_unlisted_enum_value_is_sent_and_answered_422_and_fails_when_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the client's README says of enumerations: plain strings, not checked on the way
    out (the server's 422 names the field), checked when an answer is parsed."""
    app = create_app(test_settings(), rental=bootstrap(password_hasher=Argon2Hasher(fast=True)))
    monkeypatch.syspath_prepend(str(CLIENT))
    from rental_client import Client
    from rental_client.api.auth import register_user
    from rental_client.models import Problem, Register
    from rental_client.models.booking_status import check_booking_status

    client = Client(base_url="http://rental.test/api/v1")
    client.set_httpx_client(
        httpx.Client(base_url="http://rental.test/api/v1", transport=httpx.WSGITransport(app=app))
    )
    body = Register(username="enumtest", email="enum@example.com", password="x" * 12, role="boss")
    answer = register_user.sync(client=client, body=body)
    assert isinstance(answer, Problem) and answer.status == 422
    assert "role" in answer.errors.to_dict()
    assert check_booking_status("confirmed") == "confirmed"
    with pytest.raises(TypeError, match="Unexpected value 'boss'"):
        check_booking_status("boss")
