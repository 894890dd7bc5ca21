"""An email change confirmed at the very moment someone registers the same address, over HTTP
on PostgreSQL and MariaDB (where two transactions really run at once): one wins, the other
gets 409, and the address ends up on exactly one account."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.application import commands as c
from rental.composition import Rental, bootstrap
from rental.entrypoints.http import create_app
from tests.fakes import FakeClock
from tests.integration.http.conftest import PASSWORD, test_settings

API = "/api/v1"
ROUNDS = 4


class NoPublisher:
    """No emails: the test issues the change's token itself."""

    def publish(self, events: Any) -> None:
        pass


@pytest.fixture(
    params=[
        pytest.param("postgres_url", marks=pytest.mark.postgres, id="postgres"),
        pytest.param("mariadb_url", marks=pytest.mark.mariadb, id="mariadb"),
    ]
)
def app(request: pytest.FixtureRequest) -> Iterator[Flask]:
    url: str = request.getfixturevalue(request.param)
    rental = bootstrap(
        database_url=url, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True),
        event_publisher=NoPublisher(),
    )  # fmt: skip
    app = create_app(test_settings(database_url=url), rental=rental)
    app.config["url"] = url
    yield app
    rental.close()


def _at_once(*actions: Callable[[], int]) -> list[int]:
    """Run the actions together from one barrier; their status codes, in order."""
    barrier = threading.Barrier(len(actions))
    statuses: list[int] = [0] * len(actions)

    def run(index: int) -> None:
        barrier.wait()
        statuses[index] = actions[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def test_an_email_change_racing_a_registration_of_that_address_one_wins(app: Flask) -> None:
    rental: Rental = app.extensions["rental"]
    wins = {"change": 0, "registration": 0}
    for round_ in range(ROUNDS):
        name, address = f"racer{round_}", f"contested{round_}@example.com"
        user = rental.handle(
            c.RegisterUser(username=name, email=f"{name}@example.com", password=PASSWORD)
        )
        mailed = rental.handle(c.IssueEmailToken(user_id=user.id, new_email=address))

        def confirm(token: str = mailed.token) -> int:
            answer = app.test_client().post(f"{API}/auth/verify-email", json={"token": token})
            return answer.status_code

        def register(email: str = address, username: str = f"other{round_}") -> int:
            body = {"username": username, "email": email, "password": PASSWORD}
            return app.test_client().post(f"{API}/auth/register", json=body).status_code

        changed, registered = _at_once(confirm, register)
        assert sorted((changed, registered)) in ([201, 409], [204, 409]), (changed, registered)
        wins["change" if changed == 204 else "registration"] += 1
        with sa.create_engine(app.config["url"]).connect() as connection:
            holders = connection.execute(
                sa.text("SELECT COUNT(*) FROM users WHERE email = :email"), {"email": address}
            ).scalar_one()
        assert holders == 1
    assert sum(wins.values()) == ROUNDS
