from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.password_reset_confirm import PasswordResetConfirm
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: PasswordResetConfirm,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/password-reset/confirm",
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
    body: PasswordResetConfirm,

) -> Response[Any | Problem]:
    """ Set a new password with the emailed token; every token and session of the account ends.

     A bad, used, voided (a newer one was asked for, or the password changed) or expired token
    answers 400 ``invalid-token``. Shares the sign-in rate limit (429).

    400 `invalid-token` when the token is not one the server emailed, or was used, replaced or has
    expired: any string fits the schema, only a live one works.

    Args:
        body (PasswordResetConfirm):

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
    body: PasswordResetConfirm,

) -> Any | Problem | None:
    """ Set a new password with the emailed token; every token and session of the account ends.

     A bad, used, voided (a newer one was asked for, or the password changed) or expired token
    answers 400 ``invalid-token``. Shares the sign-in rate limit (429).

    400 `invalid-token` when the token is not one the server emailed, or was used, replaced or has
    expired: any string fits the schema, only a live one works.

    Args:
        body (PasswordResetConfirm):

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
    body: PasswordResetConfirm,

) -> Response[Any | Problem]:
    """ Set a new password with the emailed token; every token and session of the account ends.

     A bad, used, voided (a newer one was asked for, or the password changed) or expired token
    answers 400 ``invalid-token``. Shares the sign-in rate limit (429).

    400 `invalid-token` when the token is not one the server emailed, or was used, replaced or has
    expired: any string fits the schema, only a live one works.

    Args:
        body (PasswordResetConfirm):

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
    body: PasswordResetConfirm,

) -> Any | Problem | None:
    """ Set a new password with the emailed token; every token and session of the account ends.

     A bad, used, voided (a newer one was asked for, or the password changed) or expired token
    answers 400 ``invalid-token``. Shares the sign-in rate limit (429).

    400 `invalid-token` when the token is not one the server emailed, or was used, replaced or has
    expired: any string fits the schema, only a live one works.

    Args:
        body (PasswordResetConfirm):

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
