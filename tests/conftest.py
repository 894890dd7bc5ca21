"""Shared pytest set-up."""

pytest_plugins = [
    "tests.databases",
    "tests.events",
    "tests.stripe_server",
    "tests.feeds",
    "tests.redis_server",
    "tests.replicas",
]
