"""Each request, on either door (REST or GraphQL), gets the time budget
``RENTAL_REQUEST_TIME_BUDGET_MS`` (see ``application.time_budget``)."""

from __future__ import annotations

from flask import Flask

from rental.application import time_budget
from rental.settings import Settings


def init_app(app: Flask, settings: Settings) -> None:
    budget_ms = settings.limits.request_time_budget_ms

    def start() -> None:
        time_budget.start(budget_ms)

    def end(_error: BaseException | None) -> None:
        time_budget.end()

    app.before_request(start)
    app.teardown_request(end)
