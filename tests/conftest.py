"""Shared pytest set-up."""

pytest_plugins = ["tests.databases", "tests.events", "tests.stripe_server", "tests.redis_server"]
