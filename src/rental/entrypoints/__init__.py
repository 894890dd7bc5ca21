"""Entrypoints: the HTTP API, the worker and the CLI, each a thin shell over bootstrap()."""
