from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.verify_email import VerifyEmail
from typing import cast



def _get_kwargs(
    *,
    body: VerifyEmail,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/verify-email",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VerifyEmail,

) -> Response[Any | Problem]:
    """ Confirm an address with its emailed token (valid 7 days): the account's own, or the new
    one of an email change, which then replaces the old (409 when someone registered that
    address meanwhile). A bad, used or expired token answers 400 ``invalid-token``.

     400 `invalid-token` when the token is not one the server emailed, or was used, replaced or has
    expired: any string fits the schema, only a live one works.

    Args:
        body (VerifyEmail):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: VerifyEmail,

) -> Any | Problem | None:
    """ Confirm an address with its emailed token (valid 7 days): the account's own, or the new
    one of an email change, which then replaces the old (409 when someone registered that
    address meanwhile). A bad, used or expired token answers 400 ``invalid-token``.

     400 `invalid-token` when the token is not one the server emailed, or was used, replaced or has
    expired: any string fits the schema, only a live one works.

    Args:
        body (VerifyEmail):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VerifyEmail,

) -> Response[Any | Problem]:
    """ Confirm an address with its emailed token (valid 7 days): the account's own, or the new
    one of an email change, which then replaces the old (409 when someone registered that
    address meanwhile). A bad, used or expired token answers 400 ``invalid-token``.

     400 `invalid-token` when the token is not one the server emailed, or was used, replaced or has
    expired: any string fits the schema, only a live one works.

    Args:
        body (VerifyEmail):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: VerifyEmail,

) -> Any | Problem | None:
    """ Confirm an address with its emailed token (valid 7 days): the account's own, or the new
    one of an email change, which then replaces the old (409 when someone registered that
    address meanwhile). A bad, used or expired token answers 400 ``invalid-token``.

     400 `invalid-token` when the token is not one the server emailed, or was used, replaced or has
    expired: any string fits the schema, only a live one works.

    Args:
        body (VerifyEmail):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
