from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.account_deletion import AccountDeletion
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: AccountDeletion,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/users/me",
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

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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
    client: AuthenticatedClient,
    body: AccountDeletion,

) -> Response[Any | Problem]:
    """ Delete your account; the current password is required (403 when wrong, counted toward
    the sign-in rate limit of your address and the account's lock, 429).

     409 while something needs you, each named in `blockers` (`reason`, `booking_id`): a stay
    of yours as guest that has not ended (`stay-as-guest`), a confirmed stay at a listing you
    host that has not ended (`hosted-stay`), a payout still to be paid to you (`payout-owed`)
    or money you owe back (`money-owed`).

    Your name, bio, email, username, password and sessions are erased and your listings are
    unlisted, their photos deleted; bookings, payments, the books and reviews stay, shown as a
    deleted user's. The address may sign up again at once, and is emailed a confirmation.

    Args:
        body (AccountDeletion):

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
    client: AuthenticatedClient,
    body: AccountDeletion,

) -> Any | Problem | None:
    """ Delete your account; the current password is required (403 when wrong, counted toward
    the sign-in rate limit of your address and the account's lock, 429).

     409 while something needs you, each named in `blockers` (`reason`, `booking_id`): a stay
    of yours as guest that has not ended (`stay-as-guest`), a confirmed stay at a listing you
    host that has not ended (`hosted-stay`), a payout still to be paid to you (`payout-owed`)
    or money you owe back (`money-owed`).

    Your name, bio, email, username, password and sessions are erased and your listings are
    unlisted, their photos deleted; bookings, payments, the books and reviews stay, shown as a
    deleted user's. The address may sign up again at once, and is emailed a confirmation.

    Args:
        body (AccountDeletion):

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
    client: AuthenticatedClient,
    body: AccountDeletion,

) -> Response[Any | Problem]:
    """ Delete your account; the current password is required (403 when wrong, counted toward
    the sign-in rate limit of your address and the account's lock, 429).

     409 while something needs you, each named in `blockers` (`reason`, `booking_id`): a stay
    of yours as guest that has not ended (`stay-as-guest`), a confirmed stay at a listing you
    host that has not ended (`hosted-stay`), a payout still to be paid to you (`payout-owed`)
    or money you owe back (`money-owed`).

    Your name, bio, email, username, password and sessions are erased and your listings are
    unlisted, their photos deleted; bookings, payments, the books and reviews stay, shown as a
    deleted user's. The address may sign up again at once, and is emailed a confirmation.

    Args:
        body (AccountDeletion):

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
    client: AuthenticatedClient,
    body: AccountDeletion,

) -> Any | Problem | None:
    """ Delete your account; the current password is required (403 when wrong, counted toward
    the sign-in rate limit of your address and the account's lock, 429).

     409 while something needs you, each named in `blockers` (`reason`, `booking_id`): a stay
    of yours as guest that has not ended (`stay-as-guest`), a confirmed stay at a listing you
    host that has not ended (`hosted-stay`), a payout still to be paid to you (`payout-owed`)
    or money you owe back (`money-owed`).

    Your name, bio, email, username, password and sessions are erased and your listings are
    unlisted, their photos deleted; bookings, payments, the books and reviews stay, shown as a
    deleted user's. The address may sign up again at once, and is emailed a confirmation.

    Args:
        body (AccountDeletion):

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
