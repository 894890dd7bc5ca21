"""The HTTP API (Flask + flask-smorest): ``create_app(settings, rental=...)``."""

from rental.entrypoints.http.app import create_app

__all__ = ["create_app"]
