"""The application a Flask app serves, as both its HTTP API and its GraphQL endpoint reach it."""

from __future__ import annotations

from flask import current_app

from rental.composition import Rental
from rental.settings import Settings


def get_rental() -> Rental:
    """The application this Flask app serves (set by ``create_app``)."""
    rental: Rental = current_app.extensions["rental"]
    return rental


def get_settings() -> Settings:
    settings: Settings = current_app.extensions["rental.settings"]
    return settings
