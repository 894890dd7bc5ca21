"""One's own profile: GET and PATCH /users/me, on every storage."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.integration.http.conftest import listing_fields, signup

ME = "/api/v1/users/me"


def test_me_shows_exactly_the_public_fields(client: FlaskClient) -> None:
    user, headers = signup(client, role="host")
    response = client.get(ME, headers=headers)
    assert response.status_code == 200
    assert response.get_json() == user | {"notify_messages": True}  # emails about messages
    assert "password" not in response.text and "$argon2" not in response.text


def test_me_needs_a_token(client: FlaskClient) -> None:
    response = client.get(ME)
    assert response.status_code == 401
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_patch_changes_only_the_fields_given(client: FlaskClient) -> None:
    _, headers = signup(client)
    first = client.patch(ME, json={"full_name": "Hana Ito"}, headers=headers)
    assert first.status_code == 200
    second = client.patch(
        ME, json={"bio": "Likes quiet lofts.", "full_name": None}, headers=headers
    )
    assert second.status_code == 200
    assert second.get_json()["full_name"] == "Hana Ito"
    assert second.get_json()["bio"] == "Likes quiet lofts."
    assert client.get(ME, headers=headers).get_json()["bio"] == "Likes quiet lofts."


def test_patch_refuses_a_password_and_the_password_endpoint_changes_it(
    client: FlaskClient,
) -> None:
    user, headers = signup(client)
    refused = client.patch(ME, json={"password": "a much better one"}, headers=headers)
    assert refused.status_code == 422
    assert list(refused.get_json()["errors"]) == ["password"]
    changed = client.post(
        f"{ME}/password",
        json={"current_password": "correct horse battery", "new_password": "a much better one"},
        headers=headers,
    )
    assert changed.status_code == 200
    login = "/api/v1/auth/login"
    new = client.post(login, json={"email": user["email"], "password": "a much better one"})
    assert new.status_code == 200
    old = client.post(login, json={"email": user["email"], "password": "correct horse battery"})
    assert old.status_code == 401


def test_patch_validates_each_field(client: FlaskClient) -> None:
    _, headers = signup(client)
    response = client.patch(
        ME, json={"password": "short", "bio": "x" * 5001, "role": "admin"}, headers=headers
    )
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"password", "bio", "role"}


def test_patch_without_a_body_is_422_as_the_document_says(memory_client: FlaskClient) -> None:
    _, headers = signup(memory_client, role="host")
    listing = memory_client.post(
        "/api/v1/listings", json=listing_fields(), headers=headers
    ).get_json()
    document = memory_client.get("/api/v1/openapi.json").get_json()
    for path, url in (
        ("/users/me", ME),
        ("/listings/{listing_id}", f"/api/v1/listings/{listing['id']}"),
    ):
        operation = document["paths"][path]["patch"]
        assert operation["requestBody"]["required"] is True
        assert "422" in operation["responses"]
        for sent in ({}, {"content_type": "application/json"}):
            response = memory_client.patch(url, headers=headers, **sent)
            assert response.status_code == 422, (url, sent)
            assert response.headers["Content-Type"] == "application/problem+json"
            assert list(response.get_json()["errors"]) == ["body"]
        # An empty object is a body: it changes nothing.
        assert memory_client.patch(url, json={}, headers=headers).status_code == 200
