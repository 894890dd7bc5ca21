"""Look-alike emails and usernames, and the lock of an account after wrong passwords
(issue 29, items 6 and 7), on the in-memory application with TR39's confusables data."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rental.adapters.look_alikes import UnicodeLookAlikes
from rental.application import commands as c
from rental.domain.accounts.sign_in import lock_after
from rental.domain.errors import (
    AuthenticationFailed,
    EmailTaken,
    InvalidInput,
    TooManyAttempts,
    UsernameTaken,
    WrongPassword,
)
from rental.entrypoints.web.clients import client_key
from tests.unit.builders import START, World

PASSWORD = "password1"


def register(world: World, username: str, email: str) -> object:
    return world.handle(c.RegisterUser(username=username, email=email, password=PASSWORD))


@pytest.mark.parametrize(
    ("email", "refusal"),
    [
        (
            "\uff41\uff4c\uff49\uff43\uff45\uff11\uff10\uff11\uff18@example.com",
            EmailTaken,
        ),  # fullwidth
        ("\u0430lice1018@example.com", InvalidInput),  # Cyrillic a among Latin letters
        ("al\u0131ce1018@example.com", EmailTaken),  # dotless i
        ("\u0430\u04cf\u0456\u0441\u0435@example.com", None),  # all Cyrillic, not alice1018
        ("alice1018\u200b@example.com", InvalidInput),  # zero-width space
        ("alice1018\u202e@example.com", InvalidInput),  # right-to-left override
        ("\ufeffalice1018@example.com", InvalidInput),  # byte order mark
        ("alice1018@example.com.", EmailTaken),  # trailing dot on the domain
        ('"alice1018"@example.com', InvalidInput),  # quoted local part
        ("ALICE1018@EXAMPLE.COM", EmailTaken),
    ],
)
def test_a_look_alike_of_an_existing_email_is_refused(
    email: str, refusal: type[Exception] | None
) -> None:
    world = World()
    register(world, "alice1018", "alice1018@example.com")
    if refusal is None:
        register(world, "other", email)
        return
    with pytest.raises(refusal):
        register(world, "someone", email)


def test_look_alike_usernames_and_reserved_ones_are_refused_but_not_for_admins() -> None:
    world = World()
    register(world, "alice1018", "alice1018@example.com")
    for username in ("aIice1018", "ALICE1018", "a1ice1018"):
        with pytest.raises(UsernameTaken):
            register(world, username, f"{username.lower()}x@example.com")
    for reserved in ("admin", "root", "Support", "postmaster"):
        with pytest.raises(InvalidInput, match="reserved"):
            register(world, reserved, f"{reserved.lower()}@example.com")
    world.handle(c.CreateAdmin(username="root", email="root@example.com", password=PASSWORD))


def test_the_skeleton_reads_confusable_characters_alike() -> None:
    look = UnicodeLookAlikes()
    assert look.skeleton("paypal") == look.skeleton("p\u0430yp\u0430l") == look.skeleton("PAYPAL")
    assert look.skeleton("alice") != look.skeleton("alise")
    assert look.is_mixed_script("p\u0430ypal") and not look.is_mixed_script("paypal-2")
    assert not look.is_mixed_script("\u0430\u0440\u0440")


def test_a_lock_starts_at_the_limit_doubles_and_stops_at_fifteen_minutes() -> None:
    assert lock_after(9, 10, START) is None
    assert lock_after(10, 10, START) == START + timedelta(seconds=30)
    assert lock_after(11, 10, START) == START + timedelta(seconds=60)
    assert lock_after(60, 10, START) == START + timedelta(minutes=15)


def test_wrong_passwords_lock_the_account_for_a_while_and_the_right_one_clears_them() -> None:
    world = World()
    register(world, "gus", "gus@example.com")
    for _ in range(10):
        with pytest.raises(AuthenticationFailed):
            world.handle(c.Authenticate(email="gus@example.com", password="wrong-password"))
    with pytest.raises(TooManyAttempts) as locked:
        world.handle(c.Authenticate(email="gus@example.com", password=PASSWORD))
    assert locked.value.retry_after == 31
    world.clock.advance(seconds=31)
    assert (
        world.handle(c.Authenticate(email="gus@example.com", password=PASSWORD)).username == "gus"
    )
    with pytest.raises(AuthenticationFailed):  # cleared: one failure is not a lock
        world.handle(c.Authenticate(email="gus@example.com", password="wrong-password"))
    world.handle(c.Authenticate(email="gus@example.com", password=PASSWORD))


def test_wrong_current_passwords_count_toward_the_same_lock() -> None:
    world = World()
    user = register(world, "ana", "ana@example.com")
    actor = c.Actor(user.id, user.role)  # type: ignore[attr-defined]
    change = c.ChangePassword(
        actor=actor, current_password="wrong-password", new_password="new password",
        user_agent="test", lifetime=timedelta(days=1),
    )  # fmt: skip
    for _ in range(10):
        with pytest.raises(WrongPassword):
            world.handle(change)
    with pytest.raises(TooManyAttempts):
        world.handle(c.Authenticate(email="ana@example.com", password=PASSWORD))


def test_an_ipv6_client_counts_by_its_64_network() -> None:
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:bbbb::9")
    assert client_key("2001:db8:1:2::1") != client_key("2001:db8:1:3::1")
    assert client_key("::ffff:192.0.2.1") == client_key("192.0.2.1") == "192.0.2.1"
    assert client_key(None) == "unknown"
