from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.timeline import Timeline
from typing import cast



def _get_kwargs(
    booking_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/admin/bookings/{booking_id}/timeline".format(booking_id=quote(str(booking_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Timeline:
    if response.status_code == 200:
        response_200 = Timeline.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Timeline]:
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

) -> Response[Problem | Timeline]:
    """ Everything that happened to the booking and its money, oldest first, in one shape:
    its events (`source: event`), its ledger entries (`ledger`) and the audit entries of the
    booking, its payments and its payout (`audit`).

    Args:
        booking_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Timeline]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    booking_id: str,
    *,
    client: AuthenticatedClient,

) -> Problem | Timeline | None:
    """ Everything that happened to the booking and its money, oldest first, in one shape:
    its events (`source: event`), its ledger entries (`ledger`) and the audit entries of the
    booking, its payments and its payout (`audit`).

    Args:
        booking_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Timeline
     """


    return sync_detailed(
        booking_id=booking_id,
client=client,

    ).parsed

async def asyncio_detailed(
    booking_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | Timeline]:
    """ Everything that happened to the booking and its money, oldest first, in one shape:
    its events (`source: event`), its ledger entries (`ledger`) and the audit entries of the
    booking, its payments and its payout (`audit`).

    Args:
        booking_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Timeline]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    booking_id: str,
    *,
    client: AuthenticatedClient,

) -> Problem | Timeline | None:
    """ Everything that happened to the booking and its money, oldest first, in one shape:
    its events (`source: event`), its ledger entries (`ledger`) and the audit entries of the
    booking, its payments and its payout (`audit`).

    Args:
        booking_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Timeline
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,

    )).parsed
