from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.calendar import Calendar
from ...models.problem import Problem
from typing import cast
import datetime



def _get_kwargs(
    listing_id: str,
    *,
    from_: datetime.date,
    to: datetime.date,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/listings/{listing_id}/calendar".format(listing_id=quote(str(listing_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Calendar | Problem:
    if response.status_code == 200:
        response_200 = Calendar.from_dict(response.json())



        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

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
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,

) -> Response[Calendar | Problem]:
    """ One entry per night of ``[from, to)`` (at most 731), with the price and rules in force
    that night and whether a booking or block holds it. Public.

    Args:
        listing_id (str):
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Calendar | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
from_=from_,
to=to,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    listing_id: str,
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,

) -> Calendar | Problem | None:
    """ One entry per night of ``[from, to)`` (at most 731), with the price and rules in force
    that night and whether a booking or block holds it. Public.

    Args:
        listing_id (str):
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Calendar | Problem
     """


    return sync_detailed(
        listing_id=listing_id,
client=client,
from_=from_,
to=to,

    ).parsed

async def asyncio_detailed(
    listing_id: str,
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,

) -> Response[Calendar | Problem]:
    """ One entry per night of ``[from, to)`` (at most 731), with the price and rules in force
    that night and whether a booking or block holds it. Public.

    Args:
        listing_id (str):
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Calendar | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
from_=from_,
to=to,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    listing_id: str,
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date,

) -> Calendar | Problem | None:
    """ One entry per night of ``[from, to)`` (at most 731), with the price and rules in force
    that night and whether a booking or block holds it. Public.

    Args:
        listing_id (str):
        from_ (datetime.date):
        to (datetime.date):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Calendar | Problem
     """


    return (await asyncio_detailed(
        listing_id=listing_id,
client=client,
from_=from_,
to=to,

    )).parsed
