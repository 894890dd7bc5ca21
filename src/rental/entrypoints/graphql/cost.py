"""The cost of an operation, reckoned before any field runs.

Each field that answers an object (or a list of them) costs one for every object it may
answer; scalars cost nothing. A field with a ``perPage`` argument multiplies everything
under it by its page size (written, from a variable, or its default), so a list nested in a
list multiplies twice. A list without pages counts ``UNPAGED_ITEMS`` items. Aliases and
fragments count wherever they are used; introspection (``__schema``, ``__type``) is free,
as the schema is small and public. Refused over the budget with
``GRAPHQL_VALIDATION_FAILED``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    is_leaf_type,
)

from rental.entrypoints.graphql.errors import VALIDATION_FAILED

DEFAULT_MAX_COST = 5000
PAGE_SIZE = "perPage"
# A booking's payments: at most the failed attempts it may have and the one that succeeded.
UNPAGED_ITEMS = 5


class _Reckoning:
    """One operation's walk; a fragment's cost per object is reckoned once."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
    ) -> None:
        self.schema, self.fragments, self.variables = schema, fragments, variables
        self.fragment_costs: dict[tuple[str, int | None], int] = {}

    def selections(self, parent: Any, selection_set: SelectionSetNode, page: int | None) -> int:
        """What ``selection_set`` costs for one object of type ``parent``; ``page`` is the
        page size of the field that answered it, for its list of items."""
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(parent, selection, page)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                kind = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(kind or parent, selection.selection_set, page)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value, page)
        return total

    def fragment(self, name: str, page: int | None) -> int:
        key = (name, page)
        if key not in self.fragment_costs:
            self.fragment_costs[key] = 0  # validation refuses cycles; this stops one anyway
            definition = self.fragments.get(name)
            if definition is not None:
                kind = self.schema.get_type(definition.type_condition.name.value)
                self.fragment_costs[key] = self.selections(kind, definition.selection_set, page)
        return self.fragment_costs[key]

    def field(self, parent: Any, node: FieldNode, page: int | None) -> int:
        name = node.name.value
        fields = getattr(parent, "fields", None)
        if name.startswith("__") or fields is None or name not in fields:
            return 0
        definition = fields[name]
        named = get_named_type(definition.type)
        if is_leaf_type(named) or node.selection_set is None:
            return 0
        kind = (
            definition.type.of_type
            if isinstance(definition.type, GraphQLNonNull)
            else definition.type
        )
        count = (page or UNPAGED_ITEMS) if isinstance(kind, GraphQLList) else 1
        below = self.selections(named, node.selection_set, self.page_size(definition, node))
        return count * (1 + below)

    def page_size(self, definition: Any, node: FieldNode) -> int | None:
        """The field's ``perPage``: written, a variable's value, or the argument's default."""
        argument = definition.args.get(PAGE_SIZE)
        if argument is None:
            return None
        size: Any = argument.default_value
        for given in node.arguments or ():
            if given.name.value != PAGE_SIZE:
                continue
            if isinstance(given.value, IntValueNode):
                size = int(given.value.value)
            elif isinstance(given.value, VariableNode):
                size = self.variables.get(given.value.name.value, size)
        return size if isinstance(size, int) and size > 0 else UNPAGED_ITEMS


def operation_cost(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    variables: Mapping[str, Any],
) -> int:
    """What ``operation`` may cost, with its variables' values."""
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    return _Reckoning(schema, fragments, variables).selections(root, operation.selection_set, None)


def cost_error(cost: int, budget: int, operation: OperationDefinitionNode) -> GraphQLError | None:
    """``GRAPHQL_VALIDATION_FAILED`` when ``cost`` is over ``budget``."""
    if cost <= budget:
        return None
    return GraphQLError(
        f"This operation may answer about {cost:,} objects, over the budget of {budget:,} "
        "(each page size multiplies the cost of the fields under it): ask for smaller pages "
        "or fewer nested lists.",
        operation,
        extensions={"code": VALIDATION_FAILED, "cost": cost, "budget": budget},
    )
