"""graphql-core's executor with the limits checked first and a shorter path for plain fields.

A page of 20 listings is over 500 fields, nearly all of them a domain attribute read as it
is (``pricePerNight``). graphql-core builds a resolve info, a resolver call and a completion
for each; for a field with no resolver, arguments, permission or extension of its own whose
type is a scalar, an enum or a list of them, this reads the attribute and coerces it with
the type's own ``coerce_output_value`` (what the full path ends with). A ``None`` or a value
the type refuses takes the full path, which reports it as graphql-core does.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    Undefined,
    is_leaf_type,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from rental.application.time_budget import check_time_left
from rental.entrypoints.graphql.cost import DEFAULT_MAX_COST, cost_error, operation_cost
from rental.entrypoints.graphql.limits import argument_errors

STRAWBERRY = "strawberry-definition"


class PlainField:
    """How to read a field the short way: its attribute, and its leaf type (one or a list)."""

    __slots__ = ("attribute", "is_list", "leaf")

    def __init__(self, attribute: str, leaf: GraphQLLeafType, is_list: bool) -> None:
        self.attribute, self.leaf, self.is_list = attribute, leaf, is_list

    @classmethod
    def of(cls, field: GraphQLField) -> PlainField | None:
        definition = field.extensions.get(STRAWBERRY)
        if definition is None or definition.base_resolver is not None:
            return None
        if definition.extensions or definition.permission_classes or field.args:
            return None
        kind: Any = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
        is_list = isinstance(kind, GraphQLList)
        if is_list:
            if not isinstance(kind.of_type, GraphQLNonNull):
                return None
            kind = kind.of_type.of_type
        return cls(definition.python_name, kind, is_list) if is_leaf_type(kind) else None

    def read(self, source: Any) -> Any:
        """The completed value, or ``Undefined`` for the full path to deal with."""
        value = getattr(source, self.attribute, None)
        if value is None:
            return Undefined
        coerce = self.leaf.coerce_output_value
        try:
            if self.is_list:
                items = [coerce(item) for item in value]
                return Undefined if any(item is None for item in items) else items
            coerced = coerce(value)
        except Exception:  # the full path raises it again, located
            return Undefined
        return Undefined if coerced is None else coerced


_PLAIN: dict[int, PlainField | None] = {}


class RentalExecution(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context with the limits (``argument_errors``) and the cost
    budget (``cost``) refused before any field runs, and the short path of ``PlainField``."""

    @classmethod
    def build(cls, schema: Any, document: DocumentNode, *args: Any, **kwargs: Any) -> Any:
        built = super().build(schema, document, *args, **kwargs)
        if isinstance(built, list):
            return built
        variables = built.variable_values.coerced
        if errors := argument_errors(document, variables):
            return errors
        budget = getattr(built.context_value, "max_cost", DEFAULT_MAX_COST)
        cost = operation_cost(built.schema, built.operation, built.fragment_definitions, variables)
        error = cost_error(cost, budget, built.operation)
        return [error] if error is not None else built

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Any,
        position_context: Any,
    ) -> Any:
        check_time_left()
        node = field_details_list[0].node
        field = parent_type.fields.get(node.name.value)
        if field is not None and not node.arguments:
            key = id(field)
            if key not in _PLAIN:
                _PLAIN[key] = PlainField.of(field)
            plain = _PLAIN[key]
            if plain is not None:
                value = plain.read(source)
                if value is not Undefined:
                    return value
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )
