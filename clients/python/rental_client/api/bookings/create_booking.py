from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.booking import Booking
from ...models.booking_request import BookingRequest
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: BookingRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bookings",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Booking | Problem:
    if response.status_code == 201:
        response_201 = Booking.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Booking | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BookingRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Booking | Problem]:
    """ Book a stay: `pending`, its nights held from now on.

     Pay within 30 minutes or it expires. 403 for the listing's own host; 404 for a
    missing or deleted listing; 409 when a night is booked or blocked, when the guest
    already holds `RENTAL_MAX_UNPAID_HOLDS` (3) unpaid bookings (`too-many-holds`), or
    cancelled their own unpaid hold on these nights less than 30 minutes after it was
    made (`hold-not-renewable`); 422 for dates
    that are past, reversed, or outside the listing's minimum and maximum nights, or
    more guests than it takes.

    With an `Idempotency-Key`, a client whose connection dropped after the booking was
    made can send the same request again and get that booking back (201, as it is now)
    instead of a 409 against its own hold; the key with another body is a 409.

    Args:
        idempotency_key (str | Unset):
        body (BookingRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Booking | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: BookingRequest,
    idempotency_key: str | Unset = UNSET,

) -> Booking | Problem | None:
    """ Book a stay: `pending`, its nights held from now on.

     Pay within 30 minutes or it expires. 403 for the listing's own host; 404 for a
    missing or deleted listing; 409 when a night is booked or blocked, when the guest
    already holds `RENTAL_MAX_UNPAID_HOLDS` (3) unpaid bookings (`too-many-holds`), or
    cancelled their own unpaid hold on these nights less than 30 minutes after it was
    made (`hold-not-renewable`); 422 for dates
    that are past, reversed, or outside the listing's minimum and maximum nights, or
    more guests than it takes.

    With an `Idempotency-Key`, a client whose connection dropped after the booking was
    made can send the same request again and get that booking back (201, as it is now)
    instead of a 409 against its own hold; the key with another body is a 409.

    Args:
        idempotency_key (str | Unset):
        body (BookingRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Booking | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BookingRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Booking | Problem]:
    """ Book a stay: `pending`, its nights held from now on.

     Pay within 30 minutes or it expires. 403 for the listing's own host; 404 for a
    missing or deleted listing; 409 when a night is booked or blocked, when the guest
    already holds `RENTAL_MAX_UNPAID_HOLDS` (3) unpaid bookings (`too-many-holds`), or
    cancelled their own unpaid hold on these nights less than 30 minutes after it was
    made (`hold-not-renewable`); 422 for dates
    that are past, reversed, or outside the listing's minimum and maximum nights, or
    more guests than it takes.

    With an `Idempotency-Key`, a client whose connection dropped after the booking was
    made can send the same request again and get that booking back (201, as it is now)
    instead of a 409 against its own hold; the key with another body is a 409.

    Args:
        idempotency_key (str | Unset):
        body (BookingRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Booking | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BookingRequest,
    idempotency_key: str | Unset = UNSET,

) -> Booking | Problem | None:
    """ Book a stay: `pending`, its nights held from now on.

     Pay within 30 minutes or it expires. 403 for the listing's own host; 404 for a
    missing or deleted listing; 409 when a night is booked or blocked, when the guest
    already holds `RENTAL_MAX_UNPAID_HOLDS` (3) unpaid bookings (`too-many-holds`), or
    cancelled their own unpaid hold on these nights less than 30 minutes after it was
    made (`hold-not-renewable`); 422 for dates
    that are past, reversed, or outside the listing's minimum and maximum nights, or
    more guests than it takes.

    With an `Idempotency-Key`, a client whose connection dropped after the booking was
    made can send the same request again and get that booking back (201, as it is now)
    instead of a 409 against its own hold; the key with another body is a 409.

    Args:
        idempotency_key (str | Unset):
        body (BookingRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Booking | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
