from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.payment import Payment
from ...models.payment_request import PaymentRequest
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    booking_id: str,
    *,
    body: PaymentRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/bookings/{booking_id}/payments".format(booking_id=quote(str(booking_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Payment | Problem:
    if response.status_code == 201:
        response_201 = Payment.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 402:
        response_402 = Problem.from_dict(response.json())



        return response_402

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Payment | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    booking_id: str,
    *,
    client: AuthenticatedClient,
    body: PaymentRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Payment | Problem]:
    """ Pay the booking's total (its guest, while it is pending).

     Instant book: authorized and captured at once, and the booking is `confirmed`.
    Request to book: `authorized`; the host's confirm captures it, a decline or 24 hours
    without an answer voids it. 402 when the card is declined (a `failed` payment is
    recorded; the problem names it in `payment_id` and `failure_reason`); 409 when the
    booking is not pending or already has an authorized or captured payment, or when the
    Idempotency-Key was used with another body; 422 for an unknown token (nothing is
    recorded); 429 `too-many-payment-attempts`, with `Retry-After` in seconds, after
    `RENTAL_PAYMENT_ATTEMPTS` (5) failed payments of the booking within an hour, or twice
    that many of the user on any booking.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):
        body (PaymentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Payment | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    booking_id: str,
    *,
    client: AuthenticatedClient,
    body: PaymentRequest,
    idempotency_key: str | Unset = UNSET,

) -> Payment | Problem | None:
    """ Pay the booking's total (its guest, while it is pending).

     Instant book: authorized and captured at once, and the booking is `confirmed`.
    Request to book: `authorized`; the host's confirm captures it, a decline or 24 hours
    without an answer voids it. 402 when the card is declined (a `failed` payment is
    recorded; the problem names it in `payment_id` and `failure_reason`); 409 when the
    booking is not pending or already has an authorized or captured payment, or when the
    Idempotency-Key was used with another body; 422 for an unknown token (nothing is
    recorded); 429 `too-many-payment-attempts`, with `Retry-After` in seconds, after
    `RENTAL_PAYMENT_ATTEMPTS` (5) failed payments of the booking within an hour, or twice
    that many of the user on any booking.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):
        body (PaymentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Payment | Problem
     """


    return sync_detailed(
        booking_id=booking_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    booking_id: str,
    *,
    client: AuthenticatedClient,
    body: PaymentRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[Payment | Problem]:
    """ Pay the booking's total (its guest, while it is pending).

     Instant book: authorized and captured at once, and the booking is `confirmed`.
    Request to book: `authorized`; the host's confirm captures it, a decline or 24 hours
    without an answer voids it. 402 when the card is declined (a `failed` payment is
    recorded; the problem names it in `payment_id` and `failure_reason`); 409 when the
    booking is not pending or already has an authorized or captured payment, or when the
    Idempotency-Key was used with another body; 422 for an unknown token (nothing is
    recorded); 429 `too-many-payment-attempts`, with `Retry-After` in seconds, after
    `RENTAL_PAYMENT_ATTEMPTS` (5) failed payments of the booking within an hour, or twice
    that many of the user on any booking.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):
        body (PaymentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Payment | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    booking_id: str,
    *,
    client: AuthenticatedClient,
    body: PaymentRequest,
    idempotency_key: str | Unset = UNSET,

) -> Payment | Problem | None:
    """ Pay the booking's total (its guest, while it is pending).

     Instant book: authorized and captured at once, and the booking is `confirmed`.
    Request to book: `authorized`; the host's confirm captures it, a decline or 24 hours
    without an answer voids it. 402 when the card is declined (a `failed` payment is
    recorded; the problem names it in `payment_id` and `failure_reason`); 409 when the
    booking is not pending or already has an authorized or captured payment, or when the
    Idempotency-Key was used with another body; 422 for an unknown token (nothing is
    recorded); 429 `too-many-payment-attempts`, with `Retry-After` in seconds, after
    `RENTAL_PAYMENT_ATTEMPTS` (5) failed payments of the booking within an hour, or twice
    that many of the user on any booking.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):
        body (PaymentRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Payment | Problem
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
