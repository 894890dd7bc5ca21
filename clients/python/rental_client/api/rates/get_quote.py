from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.quote import Quote
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    listing_id: str,
    *,
    check_in: datetime.date,
    check_out: datetime.date,
    guests: int | Unset = 1,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_check_in = check_in.isoformat()
    params["check_in"] = json_check_in

    json_check_out = check_out.isoformat()
    params["check_out"] = json_check_out

    params["guests"] = guests


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/listings/{listing_id}/quote".format(listing_id=quote(str(listing_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Quote:
    if response.status_code == 200:
        response_200 = Quote.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Quote]:
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
    check_in: datetime.date,
    check_out: datetime.date,
    guests: int | Unset = 1,

) -> Response[Problem | Quote]:
    """ The price ``POST /bookings`` would charge now, night by night, and in ``reasons`` each
    rule that would refuse the stay (``dates_unavailable``, ``check_in_past``, ``max_guests``,
    ``max_advance_days``, ``min_nights``, ``max_nights``, ``closed_to_arrival``,
    ``closed_to_departure``). Public; nothing is held.

    Args:
        listing_id (str):
        check_in (datetime.date):
        check_out (datetime.date):
        guests (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Quote]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
check_in=check_in,
check_out=check_out,
guests=guests,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    listing_id: str,
    *,
    client: AuthenticatedClient | Client,
    check_in: datetime.date,
    check_out: datetime.date,
    guests: int | Unset = 1,

) -> Problem | Quote | None:
    """ The price ``POST /bookings`` would charge now, night by night, and in ``reasons`` each
    rule that would refuse the stay (``dates_unavailable``, ``check_in_past``, ``max_guests``,
    ``max_advance_days``, ``min_nights``, ``max_nights``, ``closed_to_arrival``,
    ``closed_to_departure``). Public; nothing is held.

    Args:
        listing_id (str):
        check_in (datetime.date):
        check_out (datetime.date):
        guests (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Quote
     """


    return sync_detailed(
        listing_id=listing_id,
client=client,
check_in=check_in,
check_out=check_out,
guests=guests,

    ).parsed

async def asyncio_detailed(
    listing_id: str,
    *,
    client: AuthenticatedClient | Client,
    check_in: datetime.date,
    check_out: datetime.date,
    guests: int | Unset = 1,

) -> Response[Problem | Quote]:
    """ The price ``POST /bookings`` would charge now, night by night, and in ``reasons`` each
    rule that would refuse the stay (``dates_unavailable``, ``check_in_past``, ``max_guests``,
    ``max_advance_days``, ``min_nights``, ``max_nights``, ``closed_to_arrival``,
    ``closed_to_departure``). Public; nothing is held.

    Args:
        listing_id (str):
        check_in (datetime.date):
        check_out (datetime.date):
        guests (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Quote]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
check_in=check_in,
check_out=check_out,
guests=guests,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    listing_id: str,
    *,
    client: AuthenticatedClient | Client,
    check_in: datetime.date,
    check_out: datetime.date,
    guests: int | Unset = 1,

) -> Problem | Quote | None:
    """ The price ``POST /bookings`` would charge now, night by night, and in ``reasons`` each
    rule that would refuse the stay (``dates_unavailable``, ``check_in_past``, ``max_guests``,
    ``max_advance_days``, ``min_nights``, ``max_nights``, ``closed_to_arrival``,
    ``closed_to_departure``). Public; nothing is held.

    Args:
        listing_id (str):
        check_in (datetime.date):
        check_out (datetime.date):
        guests (int | Unset):  Default: 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Quote
     """


    return (await asyncio_detailed(
        listing_id=listing_id,
client=client,
check_in=check_in,
check_out=check_out,
guests=guests,

    )).parsed
