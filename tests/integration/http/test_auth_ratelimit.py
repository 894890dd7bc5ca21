"""The shared rate limit of login and register, per client address."""

from __future__ import annotations

import pytest
from flask import Flask

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from rental.entrypoints.http.ratelimit import (
    FallbackRateLimitStore,
    MemoryRateLimitStore,
    RateLimiter,
)
from rental.settings import RateLimit
from tests.integration.http.conftest import PASSWORD, test_settings
from tests.redis_server import OwnRedis

LOGIN = "/api/v1/auth/login"
CREDENTIALS = {"email": "nobody@example.com", "password": PASSWORD}


def _app(limit: RateLimit, redis_url: str | None = None, namespace: str = "rental") -> Flask:
    rental = bootstrap(password_hasher=Argon2Hasher(fast=True))
    settings = test_settings(auth_rate_limit=limit, redis_url=redis_url, redis_namespace=namespace)
    return create_app(settings, rental=rental)


def test_login_and_register_share_a_limit_per_address_then_429() -> None:
    client = _app(RateLimit(3, 60)).test_client()
    here = {"REMOTE_ADDR": "10.0.0.1"}
    register = {"username": "rita", "email": "rita@example.com", "password": PASSWORD}
    assert client.post("/api/v1/auth/register", json=register, environ_base=here).status_code == 201
    assert client.post(LOGIN, json=CREDENTIALS, environ_base=here).status_code == 401
    assert client.post(LOGIN, json=CREDENTIALS, environ_base=here).status_code == 401
    limited = client.post(
        LOGIN, json=CREDENTIALS, environ_base=here, headers={"X-Forwarded-For": "192.0.2.9"}
    )
    assert limited.status_code == 429
    assert limited.headers["Content-Type"] == "application/problem+json"
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert client.post("/api/v1/auth/register", json=register, environ_base=here).status_code == 429
    elsewhere = client.post(LOGIN, json=CREDENTIALS, environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert elsewhere.status_code == 401
    # Other endpoints are not limited.
    assert client.get("/api/v1/listings", environ_base=here).status_code == 200


def test_the_window_resets_after_its_period() -> None:
    now = [1000.0]
    limiter = RateLimiter(RateLimit(2, 60), MemoryRateLimitStore(lambda: now[0]), lambda: now[0])
    assert limiter.check("a") is None
    assert limiter.check("a") is None
    assert limiter.check("a") == 60 - 1000 % 60
    now[0] += 60
    assert limiter.check("a") is None


@pytest.mark.redis
def test_with_redis_the_limit_holds_across_processes(redis_url: str, redis_namespace: str) -> None:
    # Two apps stand for two server processes sharing one Redis under one key prefix.
    address = {"REMOTE_ADDR": "10.0.0.3"}
    first = _app(RateLimit(2, 3600), redis_url, redis_namespace).test_client()
    second = _app(RateLimit(2, 3600), redis_url, redis_namespace).test_client()
    assert first.post(LOGIN, json=CREDENTIALS, environ_base=address).status_code == 401
    assert second.post(LOGIN, json=CREDENTIALS, environ_base=address).status_code == 401
    limited = first.post(LOGIN, json=CREDENTIALS, environ_base=address)
    assert limited.status_code == 429
    assert second.post(LOGIN, json=CREDENTIALS, environ_base=address).status_code == 429
    assert int(limited.headers["Retry-After"]) <= 3600
    # Another deployment on the same Redis (another RENTAL_REDIS_NAMESPACE) counts on its own.
    other = _app(RateLimit(2, 3600), redis_url, f"{redis_namespace}-other").test_client()
    assert other.post(LOGIN, json=CREDENTIALS, environ_base=address).status_code == 401


def test_with_redis_down_sign_ins_are_still_limited_in_each_process(own_redis: OwnRedis) -> None:
    client = _app(RateLimit(2, 3600), own_redis.url).test_client()
    address = {"REMOTE_ADDR": "10.0.0.4"}
    assert client.post(LOGIN, json=CREDENTIALS, environ_base=address).status_code == 401
    own_redis.kill()
    assert client.post(LOGIN, json=CREDENTIALS, environ_base=address).status_code == 401
    assert client.post(LOGIN, json=CREDENTIALS, environ_base=address).status_code == 401
    limited = client.post(LOGIN, json=CREDENTIALS, environ_base=address)
    assert limited.status_code == 429
    assert limited.mimetype == "application/problem+json"


def test_a_paused_redis_costs_one_timeout_then_memory_counts() -> None:
    now = [0.0]

    class Hung:
        calls = 0

        def hit(self, key: str, period: int) -> int:
            Hung.calls += 1
            raise TimeoutError("Redis did not answer")

    store = FallbackRateLimitStore(Hung(), MemoryRateLimitStore(), 5.0, lambda: now[0])
    assert [store.hit("a", 60) for _ in range(3)] == [1, 2, 3]
    assert Hung.calls == 1
    now[0] = 6.0
    assert store.hit("a", 60) == 4
    assert Hung.calls == 2
