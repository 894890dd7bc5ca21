from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    wishlist_id: str,
    listing_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/wishlists/{wishlist_id}/listings/{listing_id}".format(wishlist_id=quote(str(wishlist_id), safe=""),listing_id=quote(str(listing_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    wishlist_id: str,
    listing_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Any | Problem]:
    """ Take a listing out of a wishlist of yours; one that is not in it (or no longer
    exists) is a 204 too.

    Args:
        wishlist_id (str):
        listing_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        wishlist_id=wishlist_id,
listing_id=listing_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    wishlist_id: str,
    listing_id: str,
    *,
    client: AuthenticatedClient,

) -> Any | Problem | None:
    """ Take a listing out of a wishlist of yours; one that is not in it (or no longer
    exists) is a 204 too.

    Args:
        wishlist_id (str):
        listing_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        wishlist_id=wishlist_id,
listing_id=listing_id,
client=client,

    ).parsed

async def asyncio_detailed(
    wishlist_id: str,
    listing_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Any | Problem]:
    """ Take a listing out of a wishlist of yours; one that is not in it (or no longer
    exists) is a 204 too.

    Args:
        wishlist_id (str):
        listing_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        wishlist_id=wishlist_id,
listing_id=listing_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    wishlist_id: str,
    listing_id: str,
    *,
    client: AuthenticatedClient,

) -> Any | Problem | None:
    """ Take a listing out of a wishlist of yours; one that is not in it (or no longer
    exists) is a 204 too.

    Args:
        wishlist_id (str):
        listing_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        wishlist_id=wishlist_id,
listing_id=listing_id,
client=client,

    )).parsed
