"""The ``rental`` console script on real SQLite files: migrations, admins, the demo seed,
settling bookings, and settings refused at start."""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from click.testing import CliRunner, Result

from rental import bootstrap
from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.sqlalchemy.migrations import config
from rental.adapters.system import SystemClock
from rental.application import commands as c
from rental.application.queries import ListingSearch, PageRequest
from rental.entrypoints.cli import main
from tests.fakes import FakeClock

SECRET = "cli-test-secret-key-0123456789abcdefghij"


def run(database_url: str, *args: str, stdin: str | None = None) -> Result:
    env = {"RENTAL_ENV": "test", "RENTAL_DATABASE_URL": database_url, "RENTAL_SECRET_KEY": SECRET}
    if database_url.startswith("sqlite:///"):  # photos beside the database, in the test's folder
        env["RENTAL_MEDIA_ROOT"] = str(Path(database_url.removeprefix("sqlite:///")).parent / "m")
    return CliRunner().invoke(main, list(args), env=env, input=stdin)


def test_db_upgrade_creates_the_sqlite_folder_and_migrates_to_head(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'var' / 'nested' / 'rental.db'}"
    head = ScriptDirectory.from_config(config(url)).get_current_head()

    upgraded = run(url, "db", "upgrade")

    assert upgraded.exit_code == 0, upgraded.output
    assert (tmp_path / "var" / "nested" / "rental.db").is_file()
    assert run(url, "db", "current").stdout.strip() == head
    assert run(url, "db", "downgrade", "base").exit_code == 0
    assert run(url, "db", "current").stdout.strip() == "base"


def test_create_admin_reads_the_password_from_stdin(sqlite_url: str) -> None:
    created = run(
        sqlite_url, "create-admin", "--username", "root", "--email", "Root@X.io",
        "--password-stdin", stdin="correct horse battery\n",
    )  # fmt: skip

    assert created.exit_code == 0, created.output
    assert "correct horse" not in created.output
    rental = bootstrap(database_url=sqlite_url)
    user = rental.handle(c.Authenticate(email="root@x.io", password="correct horse battery"))
    assert (user.username, user.role) == ("root", "admin")
    rental.close()


def test_create_admin_refuses_a_taken_email_and_a_short_password(sqlite_url: str) -> None:
    args = ("create-admin", "--username", "admin1", "--email", "a@x.io", "--password-stdin")
    assert run(sqlite_url, *args, stdin="long-enough-1\n").exit_code == 0

    again = run(sqlite_url, "create-admin", "--username", "admin2", "--email", "A@x.io",
                "--password-stdin", stdin="long-enough-2\n")  # fmt: skip
    short = run(sqlite_url, "create-admin", "--username", "admin3", "--email", "b@x.io",
                "--password-stdin", stdin="short\n")  # fmt: skip

    assert again.exit_code == 1 and "already registered" in again.stderr
    assert short.exit_code == 1 and "password" in short.stderr.lower()
    assert "Traceback" not in again.stderr + short.stderr


def test_disable_user_voids_the_accounts_tokens_and_sign_in(sqlite_url: str) -> None:
    from rental.entrypoints.http import create_app
    from tests.integration.http.conftest import test_settings

    app = create_app(test_settings(database_url=sqlite_url))
    client = app.test_client()
    account = {"email": "gone@x.io", "password": "correct horse battery"}
    client.post("/api/v1/auth/register", json={"username": "gone", **account})
    tokens = client.post("/api/v1/auth/login", json=account).get_json()

    unsaid = run(sqlite_url, "disable-user", "GONE@x.io")
    disabled = run(sqlite_url, "disable-user", "GONE@x.io", "--reason", "spam")
    unknown = run(sqlite_url, "disable-user", "nobody@x.io", "--reason", "spam")

    assert unsaid.exit_code == 2 and "--reason" in unsaid.output
    assert disabled.exit_code == 0, disabled.output
    assert "Disabled GONE@x.io" in disabled.output
    for path, token in (
        ("/api/v1/users/me", "access_token"),
        ("/api/v1/auth/refresh", "refresh_token"),
    ):
        method = client.get if path.endswith("me") else client.post
        assert method(path, headers={"Authorization": f"Bearer {tokens[token]}"}).status_code == 401
    assert client.post("/api/v1/auth/login", json=account).status_code == 401
    assert unknown.exit_code == 1 and "No user" in unknown.stderr
    app.extensions["rental"].close()


def test_seed_demo_if_empty_seeds_once(sqlite_url: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        first = run(sqlite_url, "seed-demo", "--if-empty", "--photos", "1")
    second = run(sqlite_url, "seed-demo", "--if-empty")

    assert first.exit_code == 0, first.output
    assert "host1@demo.rental" in first.stdout and "demo-password-1" in first.stdout
    assert second.exit_code == 0 and "not seeding" in second.stdout
    assert "@demo.rental" not in caplog.text, "the demo's made-up addresses get no email"
    rental = bootstrap(database_url=sqlite_url, password_hasher=Argon2Hasher())
    everything = rental.reads.search_listings(ListingSearch(page=PageRequest(per_page=100)))
    assert everything.total == 50
    # A photo drawn for each, its variants made: every listing has its cover.
    assert rental.photo_reads is not None
    covers = rental.photo_reads.covers([x.id for x in everything.items])
    assert len(covers) == 50
    tokyo = rental.reads.search_listings(ListingSearch(city="tokyo"))
    assert {(x.timezone, x.currency, x.country) for x in tokyo.items} == {
        ("Asia/Tokyo", "JPY", "JP")
    }
    assert sum(x.review_count for x in everything.items) > 0
    guest = rental.handle(c.Authenticate(email="guest1@demo.rental", password="demo-password-1"))
    assert rental.reads.trips(c.Actor(guest.id, guest.role), PageRequest()).total > 0
    rental.close()


def _ended_stay_and_overdue_request(database_url: str) -> None:
    """A paid stay that ended three days ago, and a request left unpaid for an hour."""
    now = SystemClock().now()
    clock = FakeClock(now - timedelta(days=10))
    fast = Argon2Hasher(fast=True)
    rental = bootstrap(database_url=database_url, clock=clock, password_hasher=fast)
    host = rental.handle(
        c.RegisterUser(username="hana", email="h@x.io", password="secret123", role="host")
    )
    guest = rental.handle(c.RegisterUser(username="gus", email="g@x.io", password="secret123"))
    guest_actor = c.Actor(guest.id, guest.role)
    fields = dict(title="Loft", city="Lisbon", country="PT", price_per_night=9000, max_guests=2)
    listing = rental.handle(c.CreateListing(actor=c.Actor(host.id, host.role), **fields))

    def book(first_night: int) -> str:
        check_in = now.date() + timedelta(days=first_night)
        booking = rental.handle(
            c.RequestBooking(
                actor=guest_actor, listing_id=listing.id, check_in=check_in,
                check_out=check_in + timedelta(days=2), guests=1,
            )
        )  # fmt: skip
        return str(booking.id)

    ended = book(-5)
    rental.handle(
        c.PayForBooking(
            actor=guest_actor, booking_id=ended, payment_method="card", payment_token="tok_visa"
        )
    )
    clock.set(now - timedelta(hours=1))  # more than the 30 minutes a request has to be paid
    book(5)
    rental.close()


def test_expire_bookings_prints_what_it_settled(sqlite_url: str) -> None:
    _ended_stay_and_overdue_request(sqlite_url)

    first = run(sqlite_url, "expire-bookings")
    second = run(sqlite_url, "expire-bookings")

    assert first.exit_code == 0, first.output
    assert first.stdout.strip() == "expired: 1, completed: 1"
    assert second.stdout.strip() == "expired: 0, completed: 0"


def test_serve_refuses_several_workers_without_redis(sqlite_url: str) -> None:
    result = run(sqlite_url, "serve", "--workers", "3")

    assert result.exit_code == 2
    assert "RENTAL_REDIS_URL" in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"RENTAL_ENV": "production"}, "RENTAL_SECRET_KEY is required"),
        ({"RENTAL_SECRET_KEY": "short"}, "at least 32 characters"),
        ({"RENTAL_AUTH_RATE_LIMIT": "lots"}, "RENTAL_AUTH_RATE_LIMIT"),
        ({"RENTAL_DATABASE_URL": "not a url"}, "RENTAL_DATABASE_URL is not a database URL"),
    ],
)
def test_bad_settings_stop_with_status_2_and_a_message(env: dict[str, str], message: str) -> None:
    environ = {"PATH": "/usr/bin:/bin", "RENTAL_ENV": "test", "RENTAL_SECRET_KEY": SECRET, **env}
    if env.get("RENTAL_ENV") == "production":
        del environ["RENTAL_SECRET_KEY"]
    script = "from rental.entrypoints.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", script, "db", "current"],
        env=environ, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip

    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_refuses_the_debugger_outside_development(sqlite_url: str) -> None:
    result = run(sqlite_url, "serve", "--debug")

    assert result.exit_code == 2
    assert "RENTAL_ENV=development" in result.stderr


def test_an_operators_acts_from_the_cli_are_done_and_audited_in_their_name(
    sqlite_url: str,
) -> None:
    """enable-user, moderate and cancel-booking do what the admin endpoints do, and each
    audit entry names the operator (``cli:<login>``) and the reason given."""
    import getpass

    import sqlalchemy as sa

    from rental.entrypoints.http import create_app
    from tests.integration.http.booking_steps import booked, day, host_with_listing, paid
    from tests.integration.http.conftest import signup, test_settings

    clock = FakeClock()
    rental = bootstrap(
        database_url=sqlite_url, clock=clock, password_hasher=Argon2Hasher(fast=True)
    )
    client = create_app(test_settings(database_url=sqlite_url), rental=rental).test_client()
    host, _, listing = host_with_listing(client, city="Faro")
    _, guest = signup(client, "guest")
    booking = booked(client, guest, listing["id"], day(clock, 30), day(clock, 32))
    payment = paid(client, guest, booking)
    rental.close()

    def listed() -> int:
        found = client.get("/api/v1/listings?city=Faro").get_json()
        return int(found["total"])

    acts = [
        ("moderate", "unlist-listing", listing["id"], "--reason", "fake photos"),
        ("moderate", "relist-listing", listing["id"], "--reason", "photos checked"),
        ("cancel-booking", booking, "--refund", "2500", "--reason", "host at the door"),
        ("disable-user", host["email"], "--reason", "chargebacks"),
        ("enable-user", host["email"], "--reason", "cleared"),
    ]
    seen = []
    for act in acts:
        result = run(sqlite_url, *act)
        assert result.exit_code == 0, result.output
        if act[1] == "unlist-listing":
            seen.append(listed())
    over = run(sqlite_url, "cancel-booking", booking, "--refund", "1", "--reason", "again")
    unknown_review = run(sqlite_url, "moderate", "hide-review", "nope", "--reason", "x")

    assert seen == [0]  # unlisted: out of search until relisted
    assert over.exit_code != 0 and unknown_review.exit_code != 0
    engine = sa.create_engine(sqlite_url)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT action, actor_role, actor_id, target_id, reason FROM audit_log"
                " WHERE actor_role = 'operator' ORDER BY id"
            )
        ).all()
        refunds = connection.execute(
            sa.text("SELECT after FROM audit_log WHERE action = 'refund'")
        ).all()
    engine.dispose()
    operator = f"cli:{getpass.getuser()}"
    assert [(r.action, r.target_id, r.reason) for r in rows] == [
        ("unlist_listing", listing["id"], "fake photos"),
        ("relist_listing", listing["id"], "photos checked"),
        ("cancel_booking", booking, "host at the door"),
        ("refund", payment["id"], None),
        ("hold_payout", rows[4].target_id, None),  # what is left to the host waits
        ("disable_user", host["id"], "chargebacks"),
        ("enable_user", host["id"], "cleared"),
    ], rows
    assert {r.actor_id for r in rows} == {operator}
    assert len(refunds) == 1 and "2500" in str(refunds[0].after)


def test_a_disabled_hosts_stays_are_cancelled_and_payouts_released_from_the_cli(
    sqlite_url: str,
) -> None:
    from rental.entrypoints.http import create_app
    from tests.integration.http.booking_steps import book, day, host_with_listing
    from tests.integration.http.conftest import signup, test_settings

    clock = FakeClock()
    rental = bootstrap(
        database_url=sqlite_url, clock=clock, password_hasher=Argon2Hasher(fast=True)
    )
    client = create_app(test_settings(database_url=sqlite_url), rental=rental).test_client()
    host, _, listing = host_with_listing(client)
    _, guest = signup(client, "guest")
    when = (day(clock, 40), day(clock, 41))
    assert book(client, guest, listing["id"], *when).status_code == 201
    rental.close()

    disabled = run(sqlite_url, "disable-user", host["email"], "--reason", "fraud")
    released = run(sqlite_url, "release-payouts", host["email"], "--reason", "cleared")
    unknown = run(sqlite_url, "release-payouts", "nobody@x.io", "--reason", "cleared")

    assert disabled.exit_code == 0, disabled.output
    assert "Stays cancelled: 1; failed (run again): 0" in disabled.output
    assert (released.exit_code, released.output) == (0, f"Released 0 payouts of {host['email']}.\n")
    assert unknown.exit_code != 0 and "No user with the email nobody@x.io" in unknown.output
