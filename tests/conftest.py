"""Shared pytest set-up."""

import os

from hypothesis import Phase, settings

pytest_plugins = [
    "tests.databases",
    "tests.events",
    "tests.stripe_server",
    "tests.feeds",
    "tests.redis_server",
    "tests.replicas",
]

# `make mutation` (mutmut) sets MUTANT_UNDER_TEST in all of its processes. There a property
# test runs once per mutant, thousands of times on two cores: fewer examples, a fixed seed (a
# mutant gets the same verdict on every run), no example database shared between workers, and
# no shrinking: a failure is all a mutant needs, not the smallest example of it.
settings.register_profile(
    "mutation",
    max_examples=20,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    report_multiple_bugs=False,
)
if "MUTANT_UNDER_TEST" in os.environ:
    settings.load_profile("mutation")
