from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.share import Share
from typing import cast



def _get_kwargs(
    wishlist_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/wishlists/{wishlist_id}/share".format(wishlist_id=quote(str(wishlist_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Share:
    if response.status_code == 200:
        response_200 = Share.from_dict(response.json())



        return response_200

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Share]:
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

) -> Response[Problem | Share]:
    """ A new share token for a wishlist of yours: anyone holding it reads the list
    (`GET /wishlists/{id}?share=<share_token>`) and cannot change it. The old token stops
    working at once. Shown this once: only its hash is kept.

    Args:
        wishlist_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Share]
     """


    kwargs = _get_kwargs(
        wishlist_id=wishlist_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    wishlist_id: str,
    *,
    client: AuthenticatedClient,

) -> Problem | Share | None:
    """ A new share token for a wishlist of yours: anyone holding it reads the list
    (`GET /wishlists/{id}?share=<share_token>`) and cannot change it. The old token stops
    working at once. Shown this once: only its hash is kept.

    Args:
        wishlist_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Share
     """


    return sync_detailed(
        wishlist_id=wishlist_id,
client=client,

    ).parsed

async def asyncio_detailed(
    wishlist_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | Share]:
    """ A new share token for a wishlist of yours: anyone holding it reads the list
    (`GET /wishlists/{id}?share=<share_token>`) and cannot change it. The old token stops
    working at once. Shown this once: only its hash is kept.

    Args:
        wishlist_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Share]
     """


    kwargs = _get_kwargs(
        wishlist_id=wishlist_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    wishlist_id: str,
    *,
    client: AuthenticatedClient,

) -> Problem | Share | None:
    """ A new share token for a wishlist of yours: anyone holding it reads the list
    (`GET /wishlists/{id}?share=<share_token>`) and cannot change it. The old token stops
    working at once. Shown this once: only its hash is kept.

    Args:
        wishlist_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Share
     """


    return (await asyncio_detailed(
        wishlist_id=wishlist_id,
client=client,

    )).parsed
