from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.calendar import Calendar
from ...models.calendar_change import CalendarChange
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    listing_id: str,
    *,
    body: CalendarChange,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/listings/{listing_id}/calendar".format(listing_id=quote(str(listing_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Calendar | Problem:
    if response.status_code == 200:
        response_200 = Calendar.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Calendar | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    listing_id: str,
    *,
    client: AuthenticatedClient,
    body: CalendarChange,

) -> Response[Calendar | Problem]:
    """ Set or clear prices and rules over ranges (its host or an admin): at most 100 ranges,
    each ``[start, end)`` from today to at most 731 days ahead, applied in order so that a
    later range wins where ranges overlap; a field sent as ``null`` removes that override, a
    field left out stays as it is. Answers the calendar of the window the ranges touch.

    Args:
        listing_id (str):
        body (CalendarChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Calendar | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    listing_id: str,
    *,
    client: AuthenticatedClient,
    body: CalendarChange,

) -> Calendar | Problem | None:
    """ Set or clear prices and rules over ranges (its host or an admin): at most 100 ranges,
    each ``[start, end)`` from today to at most 731 days ahead, applied in order so that a
    later range wins where ranges overlap; a field sent as ``null`` removes that override, a
    field left out stays as it is. Answers the calendar of the window the ranges touch.

    Args:
        listing_id (str):
        body (CalendarChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Calendar | Problem
     """


    return sync_detailed(
        listing_id=listing_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    listing_id: str,
    *,
    client: AuthenticatedClient,
    body: CalendarChange,

) -> Response[Calendar | Problem]:
    """ Set or clear prices and rules over ranges (its host or an admin): at most 100 ranges,
    each ``[start, end)`` from today to at most 731 days ahead, applied in order so that a
    later range wins where ranges overlap; a field sent as ``null`` removes that override, a
    field left out stays as it is. Answers the calendar of the window the ranges touch.

    Args:
        listing_id (str):
        body (CalendarChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Calendar | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    listing_id: str,
    *,
    client: AuthenticatedClient,
    body: CalendarChange,

) -> Calendar | Problem | None:
    """ Set or clear prices and rules over ranges (its host or an admin): at most 100 ranges,
    each ``[start, end)`` from today to at most 731 days ahead, applied in order so that a
    later range wins where ranges overlap; a field sent as ``null`` removes that override, a
    field left out stays as it is. Answers the calendar of the window the ranges touch.

    Args:
        listing_id (str):
        body (CalendarChange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Calendar | Problem
     """


    return (await asyncio_detailed(
        listing_id=listing_id,
client=client,
body=body,

    )).parsed
