"""rental: the backend of a short-stay rental marketplace.

The public face for other Python services::

    from rental import bootstrap, commands, errors

``bootstrap`` (from ``rental.composition``, the composition root) is imported on first use, so
that importing ``rental.domain`` stays free of SQLAlchemy, Flask and the rest.
"""

from typing import Any

__all__ = ["bootstrap", "commands", "errors"]


def __getattr__(name: str) -> Any:
    if name == "bootstrap":
        from rental.composition import bootstrap

        return bootstrap
    if name == "commands":
        from rental.application import commands

        return commands
    if name == "errors":
        from rental.domain import errors

        return errors
    raise AttributeError(name)
