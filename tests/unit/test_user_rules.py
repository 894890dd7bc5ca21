"""The rules of accounts in the domain: what a valid registration is, what each refusal says
(its field and message are the API's 422 body), and how tokens stop working."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rental.domain.accounts.users import Role, TokenStanding, User, check_password, normalize_email
from rental.domain.errors import AuthenticationFailed, InvalidInput, PermissionDenied
from rental.domain.events import UserRegistered
from tests.matchers import exact

NOW = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)


def register(**fields: Any) -> User:
    values: dict[str, Any] = dict(
        user_id="u1", username="ana_1", email="Ana@Example.org", role=Role.GUEST,
        password_hash="hash", now=NOW,
    )  # fmt: skip
    return User.register(**{**values, **fields})


def refusal(error: pytest.ExceptionInfo[InvalidInput]) -> dict[str, list[str]]:
    return error.value.errors


def test_registering_announces_the_new_account_with_its_normalised_email() -> None:
    user = register(role="host")
    assert (user.created_at, user.updated_at, user.email) == (NOW, NOW, "ana@example.org")
    (event,) = user.pull_events()
    assert event == UserRegistered(
        occurred_at=NOW, user_id="u1", username="ana_1", email="ana@example.org", role="host"
    )


def test_an_email_is_at_most_254_characters() -> None:
    local = "a" * 64
    domain = "b" * (254 - 64 - 1 - 4) + ".org"
    assert len(f"{local}@{domain}") == 254
    assert normalize_email(f" {local}@{domain} ") == f"{local}@{domain}"
    with pytest.raises(InvalidInput) as error:
        normalize_email(f"{local}@b{domain}")
    assert refusal(error) == {"email": ["is not a valid email address."]}


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (dict(username="ab"),
         {"username": ["must be 3 to 30 letters, digits, dots, dashes or underscores."]}),
        (dict(email="no-at-sign"), {"email": ["is not a valid email address."]}),
        (dict(full_name="Ana\nMaria"),
         {"full_name": ["must not contain line breaks, tabs or other control characters."]}),
        (dict(full_name="A" * 201), {"full_name": ["must be at most 200 characters."]}),
    ],
    ids=["short username", "email", "line break in the name", "long name"],
)  # fmt: skip
def test_a_refused_registration_names_its_field_and_rule(
    fields: dict[str, Any], errors: dict[str, list[str]]
) -> None:
    with pytest.raises(InvalidInput) as error:
        register(**fields)
    assert refusal(error) == errors


def test_a_password_is_8_to_1024_characters() -> None:
    assert check_password("x" * 1024) == "x" * 1024
    with pytest.raises(InvalidInput) as error:
        check_password("x" * 1025)
    assert refusal(error) == {"password": ["must be at most 1024 characters."]}
    with pytest.raises(InvalidInput) as error:
        check_password("x" * 7)
    assert refusal(error) == {"password": ["must be at least 8 characters."]}


def test_a_bio_may_have_line_breaks_but_a_name_may_not_when_the_profile_changes() -> None:
    user = register()
    user.update_profile(now=LATER, full_name="Ana Maria", bio="Hi.\nI host.")
    assert (user.full_name, user.bio, user.updated_at) == ("Ana Maria", "Hi.\nI host.", LATER)
    with pytest.raises(InvalidInput) as error:
        user.update_profile(now=LATER, full_name="Ana\tMaria")
    assert list(refusal(error)) == ["full_name"]


def test_a_password_change_voids_exactly_the_tokens_issued_before_it() -> None:
    user = register()
    before = user.token_version
    user.change_password(now=LATER, password_hash="new")
    assert (user.password_hash, user.token_version, user.updated_at) == ("new", before + 1, LATER)
    standing = TokenStanding(token_version=user.token_version, disabled=False, revoked=False)
    standing.check_token_is_current(before + 1)
    with pytest.raises(
        AuthenticationFailed, match=exact("The token was issued before the password changed.")
    ):
        standing.check_token_is_current(before)
    user.update_profile(now=LATER, bio="no new password")
    assert user.token_version == before + 1


def test_disabling_an_account_voids_its_tokens_and_sign_in_once_and_for_all() -> None:
    user = register()
    user.disable(now=LATER)
    assert (user.disabled_at, user.token_version, user.updated_at) == (LATER, 1, LATER)
    with pytest.raises(AuthenticationFailed, match=exact("This account is disabled.")):
        user.check_can_sign_in()
    with pytest.raises(AuthenticationFailed, match=exact("This account is disabled.")):
        TokenStanding(token_version=1, disabled=True, revoked=False).check_token_is_current(1)
    user.disable(now=LATER + timedelta(days=1))  # disabled since the first time
    assert (user.disabled_at, user.token_version) == (LATER, 2)


def test_a_revoked_token_is_refused_even_with_the_current_version() -> None:
    with pytest.raises(AuthenticationFailed, match=exact("The token has been revoked.")):
        TokenStanding(token_version=3, disabled=False, revoked=True).check_token_is_current(3)
    TokenStanding(token_version=3, disabled=False, revoked=False).check_token_is_current(3)


def test_only_hosts_and_admins_may_list_homes() -> None:
    register(role="host").check_can_host()
    register(role="admin").check_can_host()
    with pytest.raises(PermissionDenied, match=exact("Only hosts and admins may list homes.")):
        register(role="guest").check_can_host()
