from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.review import Review
from typing import cast



def _get_kwargs(
    booking_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/bookings/{booking_id}/review".format(booking_id=quote(str(booking_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Review:
    if response.status_code == 200:
        response_200 = Review.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Review]:
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

) -> Response[Problem | Review]:
    """ The guest's review of the stay (an addition to the API, the URL its creation
    answers with).

     For the booking's guest, the listing's host or an admin; 404 for anyone else, or
    when the stay has no such review yet, or it is pending and you did not write it.

    Args:
        booking_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Review]
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

) -> Problem | Review | None:
    """ The guest's review of the stay (an addition to the API, the URL its creation
    answers with).

     For the booking's guest, the listing's host or an admin; 404 for anyone else, or
    when the stay has no such review yet, or it is pending and you did not write it.

    Args:
        booking_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Review
     """


    return sync_detailed(
        booking_id=booking_id,
client=client,

    ).parsed

async def asyncio_detailed(
    booking_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | Review]:
    """ The guest's review of the stay (an addition to the API, the URL its creation
    answers with).

     For the booking's guest, the listing's host or an admin; 404 for anyone else, or
    when the stay has no such review yet, or it is pending and you did not write it.

    Args:
        booking_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Review]
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

) -> Problem | Review | None:
    """ The guest's review of the stay (an addition to the API, the URL its creation
    answers with).

     For the booking's guest, the listing's host or an admin; 404 for anyone else, or
    when the stay has no such review yet, or it is pending and you did not write it.

    Args:
        booking_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Review
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,

    )).parsed
