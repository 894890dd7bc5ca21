from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_entry import AuditEntry
from ...models.cancel_request import CancelRequest
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    booking_id: str,
    *,
    body: CancelRequest,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/admin/bookings/{booking_id}/cancel".format(booking_id=quote(str(booking_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditEntry | Problem:
    if response.status_code == 200:
        response_200 = AuditEntry.from_dict(response.json())



        return response_200

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditEntry | Problem]:
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
    body: CancelRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[AuditEntry | Problem]:
    """ Cancel a pending or confirmed booking, a stay under way too (`cancelled_by: admin`),
    refunding `refund_amount` of what was captured through the payment provider; a card
    authorization not captured is released.

     The ledger takes the refund from the host's and the platform's shares in proportion: the
    host's payout pays less, or, paid already, what the host owes is deducted from their next
    payouts. 422 for a refund below 0 or above what was captured and not yet refunded; 409
    for a booking no longer live (cancelled twice at once: one refunds, the other gets 409).
    With an `Idempotency-Key`, the same request again answers the first cancellation.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):
        body (CancelRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEntry | Problem]
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
    body: CancelRequest,
    idempotency_key: str | Unset = UNSET,

) -> AuditEntry | Problem | None:
    """ Cancel a pending or confirmed booking, a stay under way too (`cancelled_by: admin`),
    refunding `refund_amount` of what was captured through the payment provider; a card
    authorization not captured is released.

     The ledger takes the refund from the host's and the platform's shares in proportion: the
    host's payout pays less, or, paid already, what the host owes is deducted from their next
    payouts. 422 for a refund below 0 or above what was captured and not yet refunded; 409
    for a booking no longer live (cancelled twice at once: one refunds, the other gets 409).
    With an `Idempotency-Key`, the same request again answers the first cancellation.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):
        body (CancelRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEntry | Problem
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
    body: CancelRequest,
    idempotency_key: str | Unset = UNSET,

) -> Response[AuditEntry | Problem]:
    """ Cancel a pending or confirmed booking, a stay under way too (`cancelled_by: admin`),
    refunding `refund_amount` of what was captured through the payment provider; a card
    authorization not captured is released.

     The ledger takes the refund from the host's and the platform's shares in proportion: the
    host's payout pays less, or, paid already, what the host owes is deducted from their next
    payouts. 422 for a refund below 0 or above what was captured and not yet refunded; 409
    for a booking no longer live (cancelled twice at once: one refunds, the other gets 409).
    With an `Idempotency-Key`, the same request again answers the first cancellation.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):
        body (CancelRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEntry | Problem]
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
    body: CancelRequest,
    idempotency_key: str | Unset = UNSET,

) -> AuditEntry | Problem | None:
    """ Cancel a pending or confirmed booking, a stay under way too (`cancelled_by: admin`),
    refunding `refund_amount` of what was captured through the payment provider; a card
    authorization not captured is released.

     The ledger takes the refund from the host's and the platform's shares in proportion: the
    host's payout pays less, or, paid already, what the host owes is deducted from their next
    payouts. 422 for a refund below 0 or above what was captured and not yet refunded; 409
    for a booking no longer live (cancelled twice at once: one refunds, the other gets 409).
    With an `Idempotency-Key`, the same request again answers the first cancellation.

    Args:
        booking_id (str):
        idempotency_key (str | Unset):
        body (CancelRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEntry | Problem
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
