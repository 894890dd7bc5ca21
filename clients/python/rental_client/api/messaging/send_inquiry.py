from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.inquiry_request import InquiryRequest
from ...models.problem import Problem
from ...models.thread import Thread
from typing import cast



def _get_kwargs(
    listing_id: str,
    *,
    body: InquiryRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/listings/{listing_id}/inquiries".format(listing_id=quote(str(listing_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Thread:
    if response.status_code == 201:
        response_201 = Thread.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Thread]:
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
    body: InquiryRequest,

) -> Response[Problem | Thread]:
    """ Ask a listing's host (anyone but the host: the host gets 422 on `listing_id`).

     Opens the thread of you and this listing, or adds the message to it when you have
    written before; either way 201 with the thread. `check_in`, `check_out` (both or
    neither) and `guests` are the stay you ask about. 403 when the host has blocked you,
    404 for a missing or deleted listing.

    A sender may post at most 30 messages a minute (inquiries included), across every
    server process; past it, 429 with Retry-After.

    422 when the listing is the caller's own: a host does not write an inquiry to itself.

    Args:
        listing_id (str):
        body (InquiryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Thread]
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
    body: InquiryRequest,

) -> Problem | Thread | None:
    """ Ask a listing's host (anyone but the host: the host gets 422 on `listing_id`).

     Opens the thread of you and this listing, or adds the message to it when you have
    written before; either way 201 with the thread. `check_in`, `check_out` (both or
    neither) and `guests` are the stay you ask about. 403 when the host has blocked you,
    404 for a missing or deleted listing.

    A sender may post at most 30 messages a minute (inquiries included), across every
    server process; past it, 429 with Retry-After.

    422 when the listing is the caller's own: a host does not write an inquiry to itself.

    Args:
        listing_id (str):
        body (InquiryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Thread
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
    body: InquiryRequest,

) -> Response[Problem | Thread]:
    """ Ask a listing's host (anyone but the host: the host gets 422 on `listing_id`).

     Opens the thread of you and this listing, or adds the message to it when you have
    written before; either way 201 with the thread. `check_in`, `check_out` (both or
    neither) and `guests` are the stay you ask about. 403 when the host has blocked you,
    404 for a missing or deleted listing.

    A sender may post at most 30 messages a minute (inquiries included), across every
    server process; past it, 429 with Retry-After.

    422 when the listing is the caller's own: a host does not write an inquiry to itself.

    Args:
        listing_id (str):
        body (InquiryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Thread]
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
    body: InquiryRequest,

) -> Problem | Thread | None:
    """ Ask a listing's host (anyone but the host: the host gets 422 on `listing_id`).

     Opens the thread of you and this listing, or adds the message to it when you have
    written before; either way 201 with the thread. `check_in`, `check_out` (both or
    neither) and `guests` are the stay you ask about. 403 when the host has blocked you,
    404 for a missing or deleted listing.

    A sender may post at most 30 messages a minute (inquiries included), across every
    server process; past it, 429 with Retry-After.

    422 when the listing is the caller's own: a host does not write an inquiry to itself.

    Args:
        listing_id (str):
        body (InquiryRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Thread
     """


    return (await asyncio_detailed(
        listing_id=listing_id,
client=client,
body=body,

    )).parsed
