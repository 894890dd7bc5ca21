"""The ``rental`` console script: migrate, serve, seed, make admins, settle bookings.

Settings are read and validated once, in the group's callback, before any command runs; a bad
setting ends the program with its message and exit status 2, never a traceback. Each command
gets the ``Settings`` as ``ctx.obj``.
"""

from __future__ import annotations

import getpass
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click
from sqlalchemy.exc import SQLAlchemyError

from rental.adapters.telemetry import logs
from rental.application.administration.audit import acting
from rental.application.administration.commands import (
    CancelBookingAsAdmin,
    EnableUser,
    HideReview,
    RelistListing,
    UnhideReview,
    UnlistListing,
)
from rental.application.disabling import Account
from rental.composition import MEMORY_URL, Rental, bootstrap_from
from rental.domain.errors import DomainError
from rental.entrypoints.db import check_database_url, db, describe_url
from rental.entrypoints.serve import serve
from rental.entrypoints.serve_updates import serve_updates
from rental.entrypoints.worker import worker
from rental.settings import Settings, SettingsError

log = logging.getLogger("rental.cli")
MODERATION: dict[
    str, tuple[type[UnlistListing | RelistListing | HideReview | UnhideReview], str]
] = {
    "unlist-listing": (UnlistListing, "listing_id"),
    "relist-listing": (RelistListing, "listing_id"),
    "hide-review": (HideReview, "review_id"),
    "unhide-review": (UnhideReview, "review_id"),
}


def configure_logging(level: str, log_format: str = "text") -> None:
    """Log to stderr at ``RENTAL_LOG_LEVEL`` in ``RENTAL_LOG_FORMAT`` (JSON or text lines with
    their request or delivery context); what is logged never holds a secret."""
    logs.configure_logging(level, log_format)


# Commands that only print what the code says: they run on a checkout with nothing configured.
NEEDS_NO_SETTINGS = {"graphql-schema"}


@click.group()
@click.pass_context
def main(ctx: click.Context) -> None:
    """rental: the backend of a short-stay rental marketplace."""
    if ctx.invoked_subcommand in NEEDS_NO_SETTINGS:
        return
    try:
        settings = Settings.from_env()
        check_database_url(settings.database_url)
    except SettingsError as error:
        click.echo(f"rental: {error}", err=True)
        ctx.exit(2)
    configure_logging(settings.log_level, settings.log_format)
    log.debug("env=%s database=%s", settings.env, describe_url(settings.database_url))
    ctx.obj = settings


@contextmanager
def reported_errors() -> Iterator[None]:
    """End the command with a one-line message on a domain or database error (no SQL and no
    parameters: they may hold a password hash)."""
    try:
        yield
    except DomainError as error:
        raise click.ClickException(error.detail) from None
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or type(error).__name__).splitlines()[0]
        raise click.ClickException(
            f"database error: {reason} (has `rental db upgrade` been run?)"
        ) from None


@contextmanager
def running(settings: Settings) -> Iterator[Rental]:
    """A ``Rental`` on the configured database, closed afterwards."""
    with reported_errors():
        rental = bootstrap_from(settings)
        try:
            yield rental
        finally:
            rental.close()


@main.command("create-admin")
@click.option("--username", required=True)
@click.option("--email", required=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.pass_obj
def create_admin(settings: Settings, username: str, email: str, password_stdin: bool) -> None:
    """Create an administrator (admins are never made through the API)."""
    from rental.application.commands import CreateAdmin

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with running(settings) as rental:
        user = rental.handle(CreateAdmin(username=username, email=email, password=password))
    click.echo(f"Created admin {user.username} <{user.email}> with id {user.id}.")


REASON = click.option(
    "--reason", required=True, help="Why (1 to 500 characters): kept in the audit log."
)


@contextmanager
def operator(settings: Settings) -> Iterator[Rental]:
    """A ``Rental`` whose audit entries name the operator at this command line (role
    ``operator``, id ``cli:<login name>``)."""
    with running(settings) as rental, acting(actor_id=f"cli:{_login()}", actor_role="operator"):
        yield rental


def _login() -> str:
    try:
        return getpass.getuser()[:60]
    except (KeyError, OSError):  # no name for this uid (a bare container)
        return "unknown"


@main.command("disable-user")
@click.argument("email")
@REASON
@click.pass_obj
def disable_user(settings: Settings, email: str, reason: str) -> None:
    """Disable the account with EMAIL: it can no longer sign in, and every token issued to it
    (refresh tokens too) answers 401 from now on. A host's listings leave search and take no
    booking, their stays not yet begun are cancelled with full refunds, and their payouts are
    held until ``rental release-payouts``. Run it again to retry a refund that failed."""
    with operator(settings) as rental:
        done = rental.disable_account(Account(reason=reason, email=email))
    click.echo(f"Disabled {email} ({done.entry.target_id}); its tokens no longer work.")
    if done.cancelled or done.failed:
        click.echo(
            f"Stays cancelled: {len(done.cancelled)}; failed (run again): {len(done.failed)}"
        )


@main.command("enable-user")
@click.argument("email")
@REASON
@click.pass_obj
def enable_user(settings: Settings, email: str, reason: str) -> None:
    """Let the disabled account with EMAIL sign in again (its listings stay unlisted and its
    payouts held until an admin relists and releases them)."""
    with operator(settings) as rental:
        rental.handle(EnableUser(actor=None, reason=reason, email=email))
    click.echo(f"Enabled {email}.")


@main.command("release-payouts")
@click.argument("email")
@REASON
@click.pass_obj
def release_payouts(settings: Settings, email: str, reason: str) -> None:
    """Let the held payouts of the disabled host with EMAIL be paid when due."""
    with operator(settings) as rental:
        released = rental.release_payouts(Account(reason=reason, email=email))
    click.echo(f"Released {released} payouts of {email}.")


@main.command("moderate")
@click.argument("act", type=click.Choice(sorted(MODERATION)))
@click.argument("target_id")
@REASON
@click.pass_obj
def moderate(settings: Settings, act: str, target_id: str, reason: str) -> None:
    """Unlist or relist a listing, hide or unhide a review: ACT on the listing or review with
    TARGET_ID (as ``POST /admin/listings/{id}/unlist`` and the others do)."""
    command, field = MODERATION[act]
    with operator(settings) as rental:
        rental.handle(command(actor=None, reason=reason, **{field: target_id}))
    click.echo(f"{act}: done for {target_id}.")


@main.command("cancel-booking")
@click.argument("booking_id")
@click.option(
    "--refund",
    type=click.IntRange(min=0),
    required=True,
    help="Minor units to refund, from 0 to what was captured.",
)
@REASON
@click.pass_obj
def cancel_booking(settings: Settings, booking_id: str, refund: int, reason: str) -> None:
    """Cancel BOOKING_ID as an admin (a stay under way too), refunding REFUND of what was
    captured through the payment provider."""
    with operator(settings) as rental:
        command = CancelBookingAsAdmin(
            actor=None, reason=reason, booking_id=booking_id, refund_amount=refund
        )
        rental.handle(command)
    click.echo(f"Cancelled {booking_id}; refunded {refund}.")


@main.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when any user exists.")
@click.option("--photos", default=1, show_default=True, help="Photos drawn for each listing.")
@click.pass_obj
def seed_demo(settings: Settings, if_empty: bool, photos: int) -> None:
    """Fill the database with demo hosts, guests, listings, bookings and reviews."""
    from rental.entrypoints import seed

    if settings.database_url == MEMORY_URL:
        raise click.UsageError("seed-demo needs RENTAL_DATABASE_URL: memory:// keeps nothing.")
    with reported_errors():
        if if_empty and seed.any_user_exists(settings.database_url):
            click.echo("The database already has users; not seeding.")
            return
        from rental.composition import media_store_from

        store = media_store_from(settings.media)
        summary = seed.seed_demo(
            settings.database_url, media_store=store, photos_per_listing=photos
        )
    click.echo(summary.report())


@main.command("expire-bookings")
@click.pass_obj
def expire_bookings(settings: Settings) -> None:
    """Mark overdue pending bookings expired and ended stays completed."""
    with running(settings) as rental:
        counts = rental.expire_bookings()
    click.echo(f"expired: {counts['expired']}, completed: {counts['completed']}")


@main.command("publish-reviews")
@click.pass_obj
def publish_reviews(settings: Settings) -> None:
    """Publish the pending reviews of stays whose 14 days have ended (the worker does it every
    5 minutes; safe to run beside it)."""
    with running(settings) as rental:
        count = rental.publish_reviews()
    click.echo(f"published: {count}")


@main.command("reconcile-payments")
@click.pass_obj
def reconcile_payments(settings: Settings) -> None:
    """Compare payments with the provider; record or give back money our records missed."""
    with running(settings) as rental:
        result = rental.reconcile_payments()
    for line in result.repaired:
        click.echo(f"repaired {line}")
    for line in result.problems:
        click.echo(line, err=True)
    summary = result.summary()
    click.echo(
        f"compared: {summary['compared']}, repaired: {summary['repaired']}, "
        f"to look at: {summary['problems']}"
    )
    if result.problems:
        sys.exit(1)


@main.command("pay-hosts")
@click.pass_obj
def pay_hosts(settings: Settings) -> None:
    """Pay hosts the payouts that are due (24 hours after check-in)."""
    with running(settings) as rental:
        counts = rental.pay_hosts()
    click.echo(f"paid: {counts['paid']}, cancelled: {counts['cancelled']}")


@main.command("graphql-schema")
def graphql_schema() -> None:
    """Print the GraphQL API's schema (SDL); schema.graphql at the repository root holds it."""
    from rental.entrypoints.graphql import sdl

    click.echo(sdl(), nl=False)


@main.command("openapi")
def openapi() -> None:
    """Print the HTTP API's OpenAPI document (of a server with the default settings)."""
    import json

    from rental.entrypoints.http.app import openapi_document

    click.echo(json.dumps(openapi_document(), indent=2, ensure_ascii=False))


@main.command("sync-calendars")
@click.option(
    "--due",
    is_flag=True,
    help="Only those not fetched for RENTAL_ICAL_SYNC_MINUTES (as the worker).",
)
@click.pass_obj
def sync_calendars(settings: Settings, due: bool) -> None:
    """Fetch every imported calendar now and apply it to its listing's blocks."""
    with running(settings) as rental:
        sync = rental.channel_sync
        counts = sync.sync_due() if due else sync.sync_all()
    click.echo(", ".join(f"{status}: {count}" for status, count in counts.items()))


@main.command("media-bucket")
@click.pass_obj
def media_bucket(settings: Settings) -> None:
    """Make the S3 bucket of RENTAL_MEDIA_S3_BUCKET unless it exists (development and compose;
    with the file system store, make its directory)."""
    from rental.adapters.media.s3 import S3MediaStore
    from rental.composition import media_store_from

    store = media_store_from(settings.media)
    if isinstance(store, S3MediaStore):
        store.create_bucket()
        click.echo(f"bucket {settings.media.s3_bucket} is there")
    else:
        settings.media.root.mkdir(parents=True, exist_ok=True)
        click.echo(f"media directory {settings.media.root} is there")


main.add_command(db)
main.add_command(serve)
main.add_command(serve_updates)
main.add_command(worker)


if __name__ == "__main__":
    main()
