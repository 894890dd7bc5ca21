"""Settings from the environment: what each RENTAL_* variable accepts, and the message when
it does not."""

from __future__ import annotations

import pytest

from rental.settings import DEFAULT_DATABASE_URL, RateLimit, Settings, SettingsError

SECRET = "s" * 32


def settings(**env: str) -> Settings:
    return Settings.from_env({"RENTAL_SECRET_KEY": SECRET, **env})


def test_defaults() -> None:
    s = settings()
    assert (s.env, s.database_url, s.redis_url, s.smtp_url) == (
        "production", DEFAULT_DATABASE_URL, None, None,
    )  # fmt: skip
    assert (s.auth_rate_limit, s.access_token_minutes, s.refresh_token_days) == (
        RateLimit(10, 60), 15, 30,
    )  # fmt: skip
    assert (s.redis_namespace, s.log_level) == ("rental", "INFO")


def test_production_needs_a_long_secret_and_development_has_one() -> None:
    with pytest.raises(SettingsError, match="RENTAL_SECRET_KEY is required"):
        Settings.from_env({})
    with pytest.raises(SettingsError, match="at least 32"):
        Settings.from_env({"RENTAL_SECRET_KEY": "short"})
    development = Settings.from_env({"RENTAL_ENV": "development"})
    assert development.is_development and len(development.secret_key) >= 32
    with pytest.raises(SettingsError, match="RENTAL_ENV"):
        Settings.from_env({"RENTAL_ENV": "staging", "RENTAL_SECRET_KEY": SECRET})


@pytest.mark.parametrize(
    ("text", "expected"),
    [("10/minute", RateLimit(10, 60)), ("1/second", RateLimit(1, 1)),
     (" 5 / hour ", RateLimit(5, 3600)), ("100/day", RateLimit(100, 86400))],
)  # fmt: skip
def test_rate_limits(text: str, expected: RateLimit) -> None:
    assert settings(RENTAL_AUTH_RATE_LIMIT=text).auth_rate_limit == expected


@pytest.mark.parametrize("text", ["0/minute", "10/week", "ten/minute", "10", "-1/second"])
def test_malformed_rate_limits_say_what_is_expected(text: str) -> None:
    with pytest.raises(SettingsError, match="N/second, N/minute, N/hour or N/day"):
        settings(RENTAL_AUTH_RATE_LIMIT=text)


def test_token_lifetimes_are_positive_whole_numbers() -> None:
    s = settings(RENTAL_ACCESS_TOKEN_MINUTES="5", RENTAL_REFRESH_TOKEN_DAYS="7")
    assert (s.access_token_minutes, s.refresh_token_days) == (5, 7)
    for bad in ("0", "-3", "1.5", "soon"):
        with pytest.raises(SettingsError, match="RENTAL_ACCESS_TOKEN_MINUTES"):
            settings(RENTAL_ACCESS_TOKEN_MINUTES=bad)


def test_redis_namespace_lets_deployments_share_a_redis() -> None:
    assert settings(RENTAL_REDIS_NAMESPACE="staging-eu").redis_namespace == "staging-eu"
    for bad in ("has space", "a" * 65, "colon:inside"):
        with pytest.raises(SettingsError, match="RENTAL_REDIS_NAMESPACE"):
            settings(RENTAL_REDIS_NAMESPACE=bad)


def test_urls_and_log_level() -> None:
    s = settings(
        RENTAL_DATABASE_URL="postgresql://db/rental", RENTAL_REDIS_URL="redis://r:6379/0",
        RENTAL_SMTP_URL="smtp://mail:25", RENTAL_LOG_LEVEL="debug",
    )  # fmt: skip
    assert (s.database_url, s.redis_url, s.smtp_url, s.log_level) == (
        "postgresql://db/rental", "redis://r:6379/0", "smtp://mail:25", "DEBUG",
    )  # fmt: skip
    with pytest.raises(SettingsError, match="RENTAL_LOG_LEVEL"):
        settings(RENTAL_LOG_LEVEL="chatty")


def test_cors_origins_and_public_max_age_are_read_and_checked() -> None:
    settings = Settings.from_env(
        {
            "RENTAL_ENV": "development",
            "RENTAL_CORS_ORIGINS": "https://app.example.com, http://localhost:5173/",
            "RENTAL_PUBLIC_MAX_AGE": "5",
        }
    )
    assert settings.cors_origins == ("https://app.example.com", "http://localhost:5173")
    assert (settings.public_max_age, settings.cors_credentials) == (5, False)
    assert Settings.from_env({"RENTAL_ENV": "development"}).cors_origins == ()
    for bad in (
        {"RENTAL_CORS_ORIGINS": "*", "RENTAL_CORS_CREDENTIALS": "true"},
        {"RENTAL_CORS_ORIGINS": "app.example.com"},
        {"RENTAL_PUBLIC_MAX_AGE": "soon"},
    ):
        with pytest.raises(SettingsError):
            Settings.from_env({"RENTAL_ENV": "development", **bad})


def test_the_ical_import_caps_are_settings_the_domain_and_the_format_get() -> None:
    from rental.settings import AbuseLimits

    env = {
        "RENTAL_ICAL_MAX_EVENTS": "10",
        "RENTAL_ICAL_MAX_OCCURRENCES": "20",
        "RENTAL_ICAL_MAX_NIGHTS": "30",
        "RENTAL_ICAL_SYNC_REQUESTS": "4",
    }
    limits = AbuseLimits.from_env(env)
    assert (limits.ical_max_events, limits.ical_max_occurrences) == (10, 20)
    domain = limits.domain_limits()
    assert (domain.imported_nights, domain.sync_requests) == (30, 4)
    assert AbuseLimits.from_env({}).domain_limits().sync_requests == 3
