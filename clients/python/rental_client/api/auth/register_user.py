from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.register import Register
from ...models.user import User
from typing import cast



def _get_kwargs(
    *,
    body: Register,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | User:
    if response.status_code == 201:
        response_201 = User.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | User]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Register,

) -> Response[Problem | User]:
    """ Create an account (guest or host); the email is case-insensitive and unique.

     The username is unique without regard to case too (API.md says only "unique"; "Hana" and
    "hana" would read as one person), and is kept as typed.

    Login and register share a rate limit per client address (RENTAL_AUTH_RATE_LIMIT); past
    it, 429 with Retry-After; every answer carries the RateLimit-* headers. ``role`` defaults
    to ``guest`` when left out.

    422 when the address, though the `email` format admits it, is not one an account may have: invisible
    or control characters, a quoted local part, dots at the ends of or doubled in the local part, or a
    domain without a dot.

    Args:
        body (Register):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | User]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Register,

) -> Problem | User | None:
    """ Create an account (guest or host); the email is case-insensitive and unique.

     The username is unique without regard to case too (API.md says only "unique"; "Hana" and
    "hana" would read as one person), and is kept as typed.

    Login and register share a rate limit per client address (RENTAL_AUTH_RATE_LIMIT); past
    it, 429 with Retry-After; every answer carries the RateLimit-* headers. ``role`` defaults
    to ``guest`` when left out.

    422 when the address, though the `email` format admits it, is not one an account may have: invisible
    or control characters, a quoted local part, dots at the ends of or doubled in the local part, or a
    domain without a dot.

    Args:
        body (Register):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | User
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Register,

) -> Response[Problem | User]:
    """ Create an account (guest or host); the email is case-insensitive and unique.

     The username is unique without regard to case too (API.md says only "unique"; "Hana" and
    "hana" would read as one person), and is kept as typed.

    Login and register share a rate limit per client address (RENTAL_AUTH_RATE_LIMIT); past
    it, 429 with Retry-After; every answer carries the RateLimit-* headers. ``role`` defaults
    to ``guest`` when left out.

    422 when the address, though the `email` format admits it, is not one an account may have: invisible
    or control characters, a quoted local part, dots at the ends of or doubled in the local part, or a
    domain without a dot.

    Args:
        body (Register):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | User]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Register,

) -> Problem | User | None:
    """ Create an account (guest or host); the email is case-insensitive and unique.

     The username is unique without regard to case too (API.md says only "unique"; "Hana" and
    "hana" would read as one person), and is kept as typed.

    Login and register share a rate limit per client address (RENTAL_AUTH_RATE_LIMIT); past
    it, 429 with Retry-After; every answer carries the RateLimit-* headers. ``role`` defaults
    to ``guest`` when left out.

    422 when the address, though the `email` format admits it, is not one an account may have: invisible
    or control characters, a quoted local part, dots at the ends of or doubled in the local part, or a
    domain without a dot.

    Args:
        body (Register):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | User
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
