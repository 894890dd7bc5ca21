from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.password_reset import PasswordReset
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: PasswordReset,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/password-reset",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem:
    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

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
    body: PasswordReset,

) -> Response[Any | Problem]:
    """ Ask for a password reset link: 202 always, whether the address has an account or not.

     The request only records the ask, with the same statements for any address; who has the
    address is looked up after the answer (by the worker), and a known, enabled account is
    emailed a link (``RENTAL_FRONTEND_URL/reset-password#token=…``) valid 30 minutes. At most
    3 reset emails an hour go to one address. Shares the sign-in rate limit (429).

    422 when the address, though the `email` format admits it, is not one an account may have: invisible
    or control characters, a quoted local part, dots at the ends of or doubled in the local part, or a
    domain without a dot.

    Args:
        body (PasswordReset):

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
    body: PasswordReset,

) -> Any | Problem | None:
    """ Ask for a password reset link: 202 always, whether the address has an account or not.

     The request only records the ask, with the same statements for any address; who has the
    address is looked up after the answer (by the worker), and a known, enabled account is
    emailed a link (``RENTAL_FRONTEND_URL/reset-password#token=…``) valid 30 minutes. At most
    3 reset emails an hour go to one address. Shares the sign-in rate limit (429).

    422 when the address, though the `email` format admits it, is not one an account may have: invisible
    or control characters, a quoted local part, dots at the ends of or doubled in the local part, or a
    domain without a dot.

    Args:
        body (PasswordReset):

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
    body: PasswordReset,

) -> Response[Any | Problem]:
    """ Ask for a password reset link: 202 always, whether the address has an account or not.

     The request only records the ask, with the same statements for any address; who has the
    address is looked up after the answer (by the worker), and a known, enabled account is
    emailed a link (``RENTAL_FRONTEND_URL/reset-password#token=…``) valid 30 minutes. At most
    3 reset emails an hour go to one address. Shares the sign-in rate limit (429).

    422 when the address, though the `email` format admits it, is not one an account may have: invisible
    or control characters, a quoted local part, dots at the ends of or doubled in the local part, or a
    domain without a dot.

    Args:
        body (PasswordReset):

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
    body: PasswordReset,

) -> Any | Problem | None:
    """ Ask for a password reset link: 202 always, whether the address has an account or not.

     The request only records the ask, with the same statements for any address; who has the
    address is looked up after the answer (by the worker), and a known, enabled account is
    emailed a link (``RENTAL_FRONTEND_URL/reset-password#token=…``) valid 30 minutes. At most
    3 reset emails an hour go to one address. Shares the sign-in rate limit (429).

    422 when the address, though the `email` format admits it, is not one an account may have: invisible
    or control characters, a quoted local part, dots at the ends of or doubled in the local part, or a
    domain without a dot.

    Args:
        body (PasswordReset):

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
