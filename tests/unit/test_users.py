"""Accounts: unique case-insensitive emails, unique usernames, hashed passwords."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rental.application import commands as c
from rental.domain.errors import (
    AuthenticationFailed,
    EmailTaken,
    InvalidInput,
    UsernameTaken,
    WrongPassword,
)
from tests.matchers import exact
from tests.unit.builders import World

PASSWORD = "secret123"


def register(world: World, username: str = "hana", email: str = "Hana@X.io", **kw: str) -> object:
    values = {"password": PASSWORD, "role": "host", **kw}
    return world.handle(c.RegisterUser(username=username, email=email, **values))


def test_the_password_is_kept_only_as_a_slow_salted_hash() -> None:
    world = World()
    user = register(world)
    other = register(world, "gus", "gus@x.io")
    assert user.email == "hana@x.io"
    assert PASSWORD not in user.password_hash
    assert user.password_hash.startswith("$argon2id$")
    assert user.password_hash != other.password_hash  # salted
    assert PASSWORD not in repr(c.RegisterUser(username="a", email="b", password=PASSWORD))
    assert user.password_hash not in repr(user)


def test_emails_and_usernames_are_unique_whatever_their_case() -> None:
    world = World()
    register(world)
    with pytest.raises(EmailTaken, match=exact("The email hana@x.io is already registered.")):
        register(world, "other", "HANA@x.IO")
    with pytest.raises(UsernameTaken, match=exact("The username hana is already taken.")):
        register(world, "hana", "new@x.io")
    with pytest.raises(UsernameTaken, match=exact("The username HaNa is already taken.")):
        register(world, "HaNa", "newer@x.io")


@pytest.mark.parametrize(("field", "values"), [
    ("password", {"password": "1234567"}),
    ("email", {"email": "not-an-email"}),
    ("username", {"username": "a b"}),
    ("role", {"role": "admin"}),
])  # fmt: skip
def test_invalid_registrations_name_the_field(field: str, values: dict[str, str]) -> None:
    with pytest.raises(InvalidInput) as raised:
        register(World(), **values)
    assert field in raised.value.errors


def test_a_password_of_8_characters_is_enough() -> None:
    assert register(World(), password="12345678").role == "host"


def test_authenticate_by_email_in_any_case_and_never_say_which_part_was_wrong() -> None:
    world = World()
    user = register(world)
    found = world.handle(c.Authenticate(email="HANA@x.io", password=PASSWORD))
    assert found.id == user.id
    for email, password in (
        ("hana@x.io", "wrong-password"),
        ("nobody@x.io", PASSWORD),
        ("not an email", PASSWORD),
    ):
        with pytest.raises(AuthenticationFailed, match=exact("Wrong email or password.")) as raised:
            world.handle(c.Authenticate(email=email, password=password))
        assert raised.value.detail == "Wrong email or password."


def test_a_changed_password_replaces_the_old_one_and_needs_it() -> None:
    world = World()
    user = register(world)
    actor = c.Actor(user.id, user.role)

    def change(current: str, new: str) -> object:
        return world.handle(
            c.ChangePassword(
                actor=actor, current_password=current, new_password=new, user_agent="test",
                lifetime=timedelta(days=1),
            )
        )  # fmt: skip

    with pytest.raises(InvalidInput, match=exact("password: must be at least 8 characters.")):
        change(PASSWORD, "short")
    with pytest.raises(WrongPassword, match=exact("The current password is wrong.")):
        change("not-the-password", "another-one")
    world.handle(c.Authenticate(email="hana@x.io", password=PASSWORD))  # still the old one
    change(PASSWORD, "another-one")
    with pytest.raises(AuthenticationFailed, match=exact("Wrong email or password.")):
        world.handle(c.Authenticate(email="hana@x.io", password=PASSWORD))
    assert world.handle(c.Authenticate(email="hana@x.io", password="another-one")).id == user.id


def test_a_full_name_is_one_line_and_a_bio_may_have_several() -> None:
    world = World()
    user = register(world)
    actor = c.Actor(user.id, user.role)
    with pytest.raises(
        InvalidInput,
        match=exact(
            "full_name: must not contain line breaks, tabs or other control characters.; bio: "
            "must not contain other control characters."
        ),
    ) as raised:
        world.handle(c.UpdateProfile(actor=actor, full_name="Hana\nSmith", bio="a\x1bb"))
    assert set(raised.value.errors) == {"full_name", "bio"}
    updated = world.handle(c.UpdateProfile(actor=actor, full_name="Hana Smith", bio="Hi.\nBye."))
    assert (updated.full_name, updated.bio) == ("Hana Smith", "Hi.\nBye.")


class CountingHasher:
    """A real (fast) argon2 hasher that counts its slow calls."""

    def __init__(self) -> None:
        from rental.adapters.argon2_hasher import Argon2Hasher

        self._real = Argon2Hasher(fast=True)
        self.calls: list[str] = []

    def hash(self, password: str) -> str:
        self.calls.append("hash")
        return self._real.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        self.calls.append("verify")
        return self._real.verify(password_hash, password)


def test_an_unknown_email_costs_the_same_hashing_as_a_wrong_password() -> None:
    from rental.composition import bootstrap

    hasher = CountingHasher()
    app = bootstrap(password_hasher=hasher)
    app.handle(c.RegisterUser(username="hana", email="hana@x.io", password=PASSWORD, role="host"))
    with pytest.raises(AuthenticationFailed):  # the first miss may make the dummy hash once
        app.handle(c.Authenticate(email="nobody@x.io", password="wrong-one"))
    costs = {}
    for email in ("hana@x.io", "nobody@x.io", "not an email"):
        hasher.calls.clear()
        with pytest.raises(AuthenticationFailed):
            app.handle(c.Authenticate(email=email, password="wrong-one"))
        costs[email] = list(hasher.calls)
    assert costs == {email: ["verify"] for email in costs}


def test_a_disabled_account_cannot_sign_in_even_with_its_password() -> None:
    world = World()
    register(world)
    world.handle(c.DisableUser(email="HANA@x.io", reason="spam"))
    with pytest.raises(AuthenticationFailed, match="disabled"):
        world.handle(c.Authenticate(email="hana@x.io", password=PASSWORD))
