"""The settings of logs, metrics and read replicas: defaults, parsing, and clear refusals."""

from __future__ import annotations

import pytest

from rental.settings import Settings, SettingsError

BASE = {"RENTAL_ENV": "production", "RENTAL_SECRET_KEY": "s" * 40}


def test_defaults_are_json_logs_in_production_and_text_elsewhere() -> None:
    production = Settings.from_env(BASE)
    assert production.log_format == "json"
    assert Settings.from_env({"RENTAL_ENV": "development"}).log_format == "text"
    assert production.metrics_token is None
    assert production.database_replica_urls == ()
    assert production.replica_max_lag_seconds == 5.0


def test_several_replicas_and_a_lag_limit_are_read() -> None:
    settings = Settings.from_env(BASE | {
        "RENTAL_DATABASE_REPLICA_URL": "postgresql://r1/rental, postgresql://r2/rental  ",
        "RENTAL_REPLICA_MAX_LAG_SECONDS": "0.5", "RENTAL_LOG_FORMAT": "TEXT",
        "RENTAL_METRICS_TOKEN": "m" * 16,
    })  # fmt: skip
    assert settings.database_replica_urls == ("postgresql://r1/rental", "postgresql://r2/rental")
    assert settings.replica_max_lag_seconds == 0.5
    assert settings.log_format == "text"
    assert settings.metrics_token == "m" * 16


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("RENTAL_LOG_FORMAT", "xml", "json or text"),
        ("RENTAL_DATABASE_REPLICA_URL", "mysql://r1/rental", "PostgreSQL streaming replicas"),
        ("RENTAL_METRICS_TOKEN", "short", "at least 16"),
        ("RENTAL_REPLICA_MAX_LAG_SECONDS", "soon", "number of seconds"),
        ("RENTAL_REPLICA_MAX_LAG_SECONDS", "-1", "number of seconds"),
        ("RENTAL_REPLICA_MAX_LAG_SECONDS", "nan", "number of seconds"),
        ("RENTAL_REPLICA_MAX_LAG_SECONDS", "inf", "number of seconds"),
    ],
)
def test_malformed_operations_settings_are_refused(name: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(BASE | {name: value})
