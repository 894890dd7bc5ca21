"""Register, log in, refresh and log out, on every storage."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.integration.http.conftest import PASSWORD, signup

REGISTER = "/api/v1/auth/register"
LOGIN = "/api/v1/auth/login"


def _register(client: FlaskClient, **overrides: str) -> dict:
    body = {"username": "hana", "email": "Hana@Example.com", "password": PASSWORD, "role": "host"}
    response = client.post(REGISTER, json=body | overrides)
    return {
        "status": response.status_code,
        "json": response.get_json(),
        "headers": response.headers,
    }


def test_register_answers_201_with_the_user_and_its_location(client: FlaskClient) -> None:
    answer = _register(client)
    assert answer["status"] == 201
    assert answer["headers"]["Location"] == "/api/v1/users/me"
    user = answer["json"]
    assert set(user) == {
        "id", "username", "email", "role", "full_name", "bio", "created_at", "email_verified"
    }  # fmt: skip
    assert (user["username"], user["email"], user["role"]) == ("hana", "hana@example.com", "host")
    assert user["created_at"].endswith(("Z", "+00:00"))


def test_role_defaults_to_guest_and_admin_cannot_be_chosen(client: FlaskClient) -> None:
    body = {"username": "gus", "email": "gus@example.com", "password": PASSWORD}
    assert client.post(REGISTER, json=body).get_json()["role"] == "guest"
    answer = _register(client, username="eve", email="eve@example.com", role="admin")
    assert answer["status"] == 422
    assert "role" in answer["json"]["errors"]


def test_email_case_insensitive_and_username_unique_are_409(client: FlaskClient) -> None:
    assert _register(client)["status"] == 201
    taken_email = _register(client, username="other", email="HANA@example.COM")
    assert taken_email["status"] == 409
    assert taken_email["json"]["type"].endswith("/email-taken")
    taken_name = _register(client, email="other@example.com")
    assert taken_name["status"] == 409
    assert taken_name["json"]["type"].endswith("/username-taken")


def test_register_validation_names_each_field(client: FlaskClient) -> None:
    answer = _register(client, password="short", email="not-an-email", nickname="x")
    assert answer["status"] == 422
    assert answer["headers"]["Content-Type"] == "application/problem+json"
    errors = answer["json"]["errors"]
    assert "password" in errors
    assert errors["nickname"] == ["Unknown field."]
    missing = client.post(REGISTER, json={}).get_json()["errors"]
    assert {"username", "email", "password"} <= set(missing)


def test_login_gives_access_and_refresh_tokens(client: FlaskClient) -> None:
    _register(client)
    response = client.post(LOGIN, json={"email": "HANA@example.com", "password": PASSWORD})
    assert response.status_code == 200
    tokens = response.get_json()
    assert set(tokens) == {"access_token", "refresh_token", "token_type", "expires_in"}
    assert tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] == 15 * 60
    me = client.get(
        "/api/v1/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert me.get_json()["username"] == "hana"


def test_wrong_credentials_are_401_without_saying_which(client: FlaskClient) -> None:
    _register(client)
    wrong_password = client.post(LOGIN, json={"email": "hana@example.com", "password": "nope" * 3})
    no_user = client.post(LOGIN, json={"email": "nobody@example.com", "password": PASSWORD})
    assert wrong_password.status_code == no_user.status_code == 401
    assert wrong_password.get_json()["detail"] == no_user.get_json()["detail"]


def test_refresh_gives_a_new_access_token_and_a_new_refresh_token(client: FlaskClient) -> None:
    user, _ = signup(client)
    tokens = client.post(LOGIN, json={"email": user["email"], "password": PASSWORD})
    refresh = tokens.get_json()["refresh_token"]
    response = client.post("/api/v1/auth/refresh", headers={"Authorization": f"Bearer {refresh}"})
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"access_token", "refresh_token", "token_type", "expires_in"}
    assert body["refresh_token"] != refresh
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    assert client.get("/api/v1/users/me", headers=headers).status_code == 200


def test_logout_revokes_the_token_used(client: FlaskClient) -> None:
    _, headers = signup(client)
    assert client.get("/api/v1/users/me", headers=headers).status_code == 200
    response = client.post("/api/v1/auth/logout", headers=headers)
    assert response.status_code == 204
    assert response.data == b""
    after = client.get("/api/v1/users/me", headers=headers)
    assert after.status_code == 401
    assert after.get_json()["detail"] == "The token has been revoked."
    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 401
