"""The limits of a document, all refused before any field runs.

Depth (10 levels, the root field counting as 1, introspection not counted), aliases (30,
fragment contents counted at each spread) and tokens (3,000) are Strawberry's own
extensions. ``page``/``perPage`` ranges and NUL characters depend on the variables too, so
they are checked where graphql-core has coerced them, when it builds the execution
(``execution.RentalExecution``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLError,
    IntValueNode,
    ListValueNode,
    Node,
    ObjectFieldNode,
    ObjectValueNode,
    StringValueNode,
    ValidationContext,
    ValidationRule,
    VariableNode,
)
from strawberry.extensions import AddValidationRules, SchemaExtension
from strawberry.extensions.max_aliases import create_validator as aliases_validator
from strawberry.extensions.query_depth_limiter import create_validator

from rental.application.queries import MAX_PER_PAGE
from rental.entrypoints.graphql.errors import BAD_USER_INPUT, VALIDATION_FAILED
from rental.entrypoints.web.body import NUL_MESSAGE

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 3000
PAGE_RULES = {"page": (1, None), "perPage": (1, MAX_PER_PAGE)}

_StrawberryDepth = create_validator(MAX_DEPTH - 1, None, None)  # it counts the root field as 0


class DepthLimit(ValidationRule):
    """Strawberry's depth rule, minus its crash on a spread of an undefined fragment (which
    graphql-core's own ``KnownFragmentNames`` reports)."""

    def __init__(self, context: ValidationContext) -> None:
        with contextlib.suppress(KeyError):
            _StrawberryDepth(context)
        super().__init__(context)


# Made once: the validation cache keys on the rules, which must be the same classes each time.
AliasLimit = aliases_validator(MAX_ALIASES)


class Limits(AddValidationRules):
    """The depth and alias rules, added to graphql-core's own."""

    def __init__(self) -> None:
        super().__init__([DepthLimit, AliasLimit])


class PhaseCodes(SchemaExtension):
    """Codes every error that validation found ``GRAPHQL_VALIDATION_FAILED``."""

    def on_validate(self) -> Iterator[None]:
        yield
        for error in self.execution_context.pre_execution_errors or []:
            if error.extensions is None:
                error.extensions = {}
            error.extensions.setdefault("code", VALIDATION_FAILED)


def _page_error(name: str, value: Any, node: Node) -> GraphQLError | None:
    low, high = PAGE_RULES[name]
    if not isinstance(value, int) or (value >= low and (high is None or value <= high)):
        return None
    text = f"must be at least {low}." if high is None else f"must be {low} to {high}."
    return GraphQLError(
        f"{name} {text}", node, extensions={"code": BAD_USER_INPUT, "errors": {name: [text]}}
    )


def _nul_error(fields: list[str], nodes: list[Node]) -> GraphQLError:
    """One error naming every field with a NUL, as the HTTP API's 422 does."""
    return GraphQLError(
        "Some fields are not valid; see extensions.errors.",
        nodes or None,
        extensions={"code": BAD_USER_INPUT, "errors": {f: [NUL_MESSAGE] for f in fields}},
    )


def _nul_fields(value: Any, name: str) -> Iterator[str]:
    """The fields of a variable's value whose text holds a NUL, named as GRAPHQL.md names
    input fields: ``title``, ``amenities.0`` (an object's own field names, not the variable)."""
    if isinstance(value, str):
        if "\x00" in value:
            yield name
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _nul_fields(item, str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nul_fields(item, f"{name}.{index}")


def _nul_literals(node: Any, field: str) -> Iterator[tuple[str, Node]]:
    if isinstance(node, StringValueNode) and "\x00" in node.value:
        yield field, node
    elif isinstance(node, ListValueNode):
        for index, item in enumerate(node.values):
            yield from _nul_literals(item, f"{field}.{index}")
    elif isinstance(node, ObjectValueNode):
        for child in node.fields:
            yield from _nul_literals(child.value, child.name.value)


def argument_errors(document: DocumentNode, variables: dict[str, Any]) -> list[GraphQLError]:
    """Out-of-range pages (literals, variables, their defaults) and NUL characters."""
    errors: list[GraphQLError] = []
    nul: list[tuple[str, Node | None]] = []
    stack: list[Any] = list(document.definitions)
    while stack:
        node = stack.pop()
        if isinstance(node, ArgumentNode):
            name, value = node.name.value, node.value
            if name in PAGE_RULES:
                given = (
                    variables.get(value.name.value)
                    if isinstance(value, VariableNode)
                    else (int(value.value) if isinstance(value, IntValueNode) else None)
                )
                if (error := _page_error(name, given, node)) is not None:
                    errors.append(error)
            nul.extend(_nul_literals(value, name))
            continue
        if isinstance(node, ObjectFieldNode | StringValueNode):
            continue
        for key in node.keys:
            child = getattr(node, key, None)
            if isinstance(child, tuple | list):
                stack.extend(c for c in child if isinstance(c, Node))
            elif isinstance(child, Node) and key not in ("loc", "name"):
                stack.append(child)
    for name, value in variables.items():
        nul.extend((field, None) for field in _nul_fields(value, name))
    if nul:
        errors.append(_nul_error([f for f, _ in nul], [n for _, n in nul if n is not None]))
    return errors
