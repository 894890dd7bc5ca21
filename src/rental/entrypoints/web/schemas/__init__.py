"""Marshmallow schemas: every request body and query string, every response body."""
