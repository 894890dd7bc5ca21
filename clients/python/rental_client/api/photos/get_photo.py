from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.photo import Photo
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    listing_id: str,
    photo_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/listings/{listing_id}/photos/{photo_id}".format(listing_id=quote(str(listing_id), safe=""),photo_id=quote(str(photo_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Photo | Problem:
    if response.status_code == 200:
        response_200 = Photo.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Photo | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    listing_id: str,
    photo_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Photo | Problem]:
    """ One photo (poll it after an upload until it is `ready` or `failed`).

    Args:
        listing_id (str):
        photo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Photo | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
photo_id=photo_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    listing_id: str,
    photo_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Photo | Problem | None:
    """ One photo (poll it after an upload until it is `ready` or `failed`).

    Args:
        listing_id (str):
        photo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Photo | Problem
     """


    return sync_detailed(
        listing_id=listing_id,
photo_id=photo_id,
client=client,

    ).parsed

async def asyncio_detailed(
    listing_id: str,
    photo_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Photo | Problem]:
    """ One photo (poll it after an upload until it is `ready` or `failed`).

    Args:
        listing_id (str):
        photo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Photo | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
photo_id=photo_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    listing_id: str,
    photo_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Photo | Problem | None:
    """ One photo (poll it after an upload until it is `ready` or `failed`).

    Args:
        listing_id (str):
        photo_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Photo | Problem
     """


    return (await asyncio_detailed(
        listing_id=listing_id,
photo_id=photo_id,
client=client,

    )).parsed
