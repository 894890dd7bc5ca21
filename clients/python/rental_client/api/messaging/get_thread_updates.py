from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.updates import Updates
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    since: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    else:
        json_since = since
    params["since"] = json_since


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/threads/updates",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | Updates:
    if response.status_code == 200:
        response_200 = Updates.from_dict(response.json())



        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | Updates]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,

) -> Response[Any | Problem | Updates]:
    """ New messages without polling every second.

     Without `since`: `{cursor}` at once, to wait from. With `since=<cursor>`: the new
    messages of your threads, oldest first, with the cursor to wait from next, or 204 when
    there is none. Served by `rental serve-updates`, the request is held up to 25 s and
    answered as soon as a message for you is committed (no database connection is held
    while it waits; past the server's limit of waiting clients, 503 with Retry-After).
    Served by `rental serve` alone, it answers at once.

    Args:
        since (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | Updates]
     """


    kwargs = _get_kwargs(
        since=since,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,

) -> Any | Problem | Updates | None:
    """ New messages without polling every second.

     Without `since`: `{cursor}` at once, to wait from. With `since=<cursor>`: the new
    messages of your threads, oldest first, with the cursor to wait from next, or 204 when
    there is none. Served by `rental serve-updates`, the request is held up to 25 s and
    answered as soon as a message for you is committed (no database connection is held
    while it waits; past the server's limit of waiting clients, 503 with Retry-After).
    Served by `rental serve` alone, it answers at once.

    Args:
        since (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | Updates
     """


    return sync_detailed(
        client=client,
since=since,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,

) -> Response[Any | Problem | Updates]:
    """ New messages without polling every second.

     Without `since`: `{cursor}` at once, to wait from. With `since=<cursor>`: the new
    messages of your threads, oldest first, with the cursor to wait from next, or 204 when
    there is none. Served by `rental serve-updates`, the request is held up to 25 s and
    answered as soon as a message for you is committed (no database connection is held
    while it waits; past the server's limit of waiting clients, 503 with Retry-After).
    Served by `rental serve` alone, it answers at once.

    Args:
        since (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | Updates]
     """


    kwargs = _get_kwargs(
        since=since,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    since: None | str | Unset = UNSET,

) -> Any | Problem | Updates | None:
    """ New messages without polling every second.

     Without `since`: `{cursor}` at once, to wait from. With `since=<cursor>`: the new
    messages of your threads, oldest first, with the cursor to wait from next, or 204 when
    there is none. Served by `rental serve-updates`, the request is held up to 25 s and
    answered as soon as a message for you is committed (no database connection is held
    while it waits; past the server's limit of waiting clients, 503 with Retry-After).
    Served by `rental serve` alone, it answers at once.

    Args:
        since (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | Updates
     """


    return (await asyncio_detailed(
        client=client,
since=since,

    )).parsed
