from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.wishlist_with_listings import WishlistWithListings
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    wishlist_id: str,
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    share: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    json_share: None | str | Unset
    if isinstance(share, Unset):
        json_share = UNSET
    else:
        json_share = share
    params["share"] = json_share


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/wishlists/{wishlist_id}".format(wishlist_id=quote(str(wishlist_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WishlistWithListings:
    if response.status_code == 200:
        response_200 = WishlistWithListings.from_dict(response.json())



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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WishlistWithListings]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    wishlist_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    share: None | str | Unset = UNSET,

) -> Response[Problem | WishlistWithListings]:
    """ A wishlist with a page of its listings, newest saved first; deleted and unlisted
    listings drop out. Its owner reads it (send the bearer token); anyone else needs its
    current share token as `?share=` (signed in or not), else 404, as for a list that does
    not exist; an old token, or another list's, is a 404 too.

    Args:
        wishlist_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        share (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WishlistWithListings]
     """


    kwargs = _get_kwargs(
        wishlist_id=wishlist_id,
page=page,
per_page=per_page,
share=share,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    wishlist_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    share: None | str | Unset = UNSET,

) -> Problem | WishlistWithListings | None:
    """ A wishlist with a page of its listings, newest saved first; deleted and unlisted
    listings drop out. Its owner reads it (send the bearer token); anyone else needs its
    current share token as `?share=` (signed in or not), else 404, as for a list that does
    not exist; an old token, or another list's, is a 404 too.

    Args:
        wishlist_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        share (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WishlistWithListings
     """


    return sync_detailed(
        wishlist_id=wishlist_id,
client=client,
page=page,
per_page=per_page,
share=share,

    ).parsed

async def asyncio_detailed(
    wishlist_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    share: None | str | Unset = UNSET,

) -> Response[Problem | WishlistWithListings]:
    """ A wishlist with a page of its listings, newest saved first; deleted and unlisted
    listings drop out. Its owner reads it (send the bearer token); anyone else needs its
    current share token as `?share=` (signed in or not), else 404, as for a list that does
    not exist; an old token, or another list's, is a 404 too.

    Args:
        wishlist_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        share (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WishlistWithListings]
     """


    kwargs = _get_kwargs(
        wishlist_id=wishlist_id,
page=page,
per_page=per_page,
share=share,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    wishlist_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    share: None | str | Unset = UNSET,

) -> Problem | WishlistWithListings | None:
    """ A wishlist with a page of its listings, newest saved first; deleted and unlisted
    listings drop out. Its owner reads it (send the bearer token); anyone else needs its
    current share token as `?share=` (signed in or not), else 404, as for a list that does
    not exist; an old token, or another list's, is a 404 too.

    Args:
        wishlist_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        share (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WishlistWithListings
     """


    return (await asyncio_detailed(
        wishlist_id=wishlist_id,
client=client,
page=page,
per_page=per_page,
share=share,

    )).parsed
