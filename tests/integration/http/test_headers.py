"""Headers browsers and caches rely on: Cache-Control, ETag and its preconditions, CORS and the
sign-in rate limit's RateLimit-* headers."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from rental.settings import RateLimit
from tests.integration.http.conftest import PASSWORD, listing_fields, signup, test_settings

API = "/api/v1"
ORIGIN = "https://app.example.com"


def _app(**settings: object) -> Flask:
    rental = bootstrap(password_hasher=Argon2Hasher(fast=True))
    return create_app(test_settings(**settings), rental=rental)


def _listing(client: FlaskClient) -> tuple[str, dict[str, str]]:
    _, headers = signup(client, role="host")
    created = client.post(f"{API}/listings", json=listing_fields(), headers=headers)
    return created.get_json()["id"], headers


def test_tokens_and_private_answers_are_never_stored() -> None:
    client = _app().test_client()
    user, headers = signup(client, role="host")
    login = client.post(f"{API}/auth/login", json={"email": user["email"], "password": PASSWORD})
    assert login.headers["Cache-Control"] == "private, no-store"
    private = "private, no-store"
    assert client.get(f"{API}/users/me", headers=headers).headers["Cache-Control"] == private
    assert client.get(f"{API}/bookings", headers=headers).headers["Cache-Control"] == private
    # An authenticated answer is private even where the same read is public without a token.
    assert client.get(f"{API}/listings", headers=headers).headers["Cache-Control"] == private
    graphql = client.post(f"{API}/graphql", json={"query": "{ me { id } }"}, headers=headers)
    assert graphql.headers["Cache-Control"] == private
    # An error on a public path is not a public read.
    assert client.get(f"{API}/listings/nope").headers["Cache-Control"] == "no-store"


def test_every_answer_is_nosniff_and_every_page_has_a_strict_policy() -> None:
    client = _app().test_client()
    for path in ("/", f"{API}/docs", "/healthz", f"{API}/listings", f"{API}/nope"):
        response = client.get(path)
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        policy = response.headers.get("Content-Security-Policy")
        if response.mimetype == "text/html":
            assert policy is not None, path
            directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
            assert directives["default-src"] == "'none'"
            assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
            assert directives["frame-ancestors"] == "'none'"
        else:
            assert policy is None, path
    assert client.get("/").mimetype == client.get(f"{API}/docs").mimetype == "text/html"


def test_public_reads_are_cacheable_for_the_configured_time() -> None:
    client = _app(public_max_age=42).test_client()
    listing_id, _ = _listing(client)
    for path in (
        f"{API}/listings",
        f"{API}/listings/{listing_id}",
        f"{API}/listings/{listing_id}/reviews",
        f"{API}/listings/{listing_id}/availability?from=2030-01-01&to=2030-01-05",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "public, max-age=42", path


def test_a_listing_has_a_strong_etag_and_last_modified_and_answers_304() -> None:
    client = _app().test_client()
    listing_id, headers = _listing(client)
    first = client.get(f"{API}/listings/{listing_id}")
    etag = first.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert first.headers["Last-Modified"].endswith(" GMT")
    again = client.get(f"{API}/listings/{listing_id}", headers={"If-None-Match": etag})
    assert (again.status_code, again.data) == (304, b"")
    assert again.headers["ETag"] == etag
    client.patch(f"{API}/listings/{listing_id}", json={"title": "New"}, headers=headers)
    changed = client.get(f"{API}/listings/{listing_id}", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag


def test_if_match_on_patch_refuses_a_stale_copy_with_412() -> None:
    client = _app().test_client()
    listing_id, headers = _listing(client)
    url = f"{API}/listings/{listing_id}"
    seen = client.get(url).headers["ETag"]
    phone = client.patch(
        url, json={"title": "From the phone"}, headers={**headers, "If-Match": seen}
    )
    assert phone.status_code == 200
    assert phone.headers["ETag"] != seen
    laptop = client.patch(
        url, json={"title": "From the laptop"}, headers={**headers, "If-Match": seen}
    )
    assert laptop.status_code == 412
    assert laptop.headers["Content-Type"] == "application/problem+json"
    assert client.get(url).get_json()["title"] == "From the phone"
    weak = client.patch(
        url, json={"title": "Weak"}, headers={**headers, "If-Match": f"W/{phone.headers['ETag']}"}
    )
    assert weak.status_code == 412
    star = client.patch(url, json={"title": "Any"}, headers={**headers, "If-Match": "*"})
    assert star.status_code == 200


def test_no_cors_headers_without_configured_origins() -> None:
    client = _app().test_client()
    response = client.get(f"{API}/listings", headers={"Origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_a_preflight_from_an_allowed_origin_names_methods_and_headers() -> None:
    client = _app(cors_origins=(ORIGIN,)).test_client()
    preflight = client.options(
        f"{API}/listings/x",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "PATCH",
            "Access-Control-Request-Headers": "Authorization, Content-Type, If-Match",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "PATCH" in preflight.headers["Access-Control-Allow-Methods"]
    allowed = preflight.headers["Access-Control-Allow-Headers"].lower()
    assert {"authorization", "content-type", "if-match"} <= {h.strip() for h in allowed.split(",")}
    read = client.get(f"{API}/listings", headers={"Origin": ORIGIN})
    exposed = {h.strip().lower() for h in read.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "location", "retry-after", "ratelimit-remaining"} <= exposed
    assert "Origin" in read.headers["Vary"]


def test_a_preflight_from_another_origin_is_not_allowed() -> None:
    client = _app(cors_origins=(ORIGIN,)).test_client()
    preflight = client.options(
        f"{API}/bookings",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "Access-Control-Allow-Origin" not in preflight.headers
    assert "Access-Control-Allow-Methods" not in preflight.headers


def test_sign_in_answers_carry_the_rate_limit_headers() -> None:
    client = _app(auth_rate_limit=RateLimit(3, 60)).test_client()
    body = {"email": "nobody@example.com", "password": "wrong password"}
    seen = [client.post(f"{API}/auth/login", json=body) for _ in range(4)]
    assert [r.status_code for r in seen] == [401, 401, 401, 429]
    assert [r.headers["RateLimit-Remaining"] for r in seen] == ["2", "1", "0", "0"]
    for response in seen:
        assert response.headers["RateLimit-Limit"] == "3"
        assert 1 <= int(response.headers["RateLimit-Reset"]) <= 60
    assert seen[-1].headers["Retry-After"] == seen[-1].headers["RateLimit-Reset"]
    # A preflight is not an attempt.
    assert client.options(f"{API}/auth/login").status_code == 200
    assert "RateLimit-Limit" not in client.get(f"{API}/listings").headers
