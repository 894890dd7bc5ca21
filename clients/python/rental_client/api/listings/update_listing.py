from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.listing import Listing
from ...models.listing_update import ListingUpdate
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    listing_id: str,
    *,
    body: ListingUpdate,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/listings/{listing_id}".format(listing_id=quote(str(listing_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Listing | Problem:
    if response.status_code == 200:
        response_200 = Listing.from_dict(response.json())



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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Listing | Problem]:
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
    body: ListingUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Listing | Problem]:
    """ Change some fields (its host or an admin); the result is validated as a whole.

     With `If-Match` (the ETag read before), a listing changed since answers 412 and nothing
    is written: two devices editing one listing cannot overwrite each other unseen.

    Args:
        listing_id (str):
        if_match (str | Unset):
        body (ListingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Listing | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    listing_id: str,
    *,
    client: AuthenticatedClient,
    body: ListingUpdate,
    if_match: str | Unset = UNSET,

) -> Listing | Problem | None:
    """ Change some fields (its host or an admin); the result is validated as a whole.

     With `If-Match` (the ETag read before), a listing changed since answers 412 and nothing
    is written: two devices editing one listing cannot overwrite each other unseen.

    Args:
        listing_id (str):
        if_match (str | Unset):
        body (ListingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Listing | Problem
     """


    return sync_detailed(
        listing_id=listing_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    listing_id: str,
    *,
    client: AuthenticatedClient,
    body: ListingUpdate,
    if_match: str | Unset = UNSET,

) -> Response[Listing | Problem]:
    """ Change some fields (its host or an admin); the result is validated as a whole.

     With `If-Match` (the ETag read before), a listing changed since answers 412 and nothing
    is written: two devices editing one listing cannot overwrite each other unseen.

    Args:
        listing_id (str):
        if_match (str | Unset):
        body (ListingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Listing | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    listing_id: str,
    *,
    client: AuthenticatedClient,
    body: ListingUpdate,
    if_match: str | Unset = UNSET,

) -> Listing | Problem | None:
    """ Change some fields (its host or an admin); the result is validated as a whole.

     With `If-Match` (the ETag read before), a listing changed since answers 412 and nothing
    is written: two devices editing one listing cannot overwrite each other unseen.

    Args:
        listing_id (str):
        if_match (str | Unset):
        body (ListingUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Listing | Problem
     """


    return (await asyncio_detailed(
        listing_id=listing_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
