from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.payment_page import PaymentPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    booking_id: str,
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 20,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/bookings/{booking_id}/payments".format(booking_id=quote(str(booking_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaymentPage | Problem:
    if response.status_code == 200:
        response_200 = PaymentPage.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaymentPage | Problem]:
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
    page: int | Unset = 1,
    per_page: int | Unset = 20,

) -> Response[PaymentPage | Problem]:
    """ The booking's payments, failed attempts included, oldest first.

     A page like every list of this API (`{items, page, per_page, total}`). For the
    booking's guest, the listing's host or an admin; anyone else gets 404.

    Args:
        booking_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaymentPage | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
page=page,
per_page=per_page,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    booking_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 20,

) -> PaymentPage | Problem | None:
    """ The booking's payments, failed attempts included, oldest first.

     A page like every list of this API (`{items, page, per_page, total}`). For the
    booking's guest, the listing's host or an admin; anyone else gets 404.

    Args:
        booking_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaymentPage | Problem
     """


    return sync_detailed(
        booking_id=booking_id,
client=client,
page=page,
per_page=per_page,

    ).parsed

async def asyncio_detailed(
    booking_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 20,

) -> Response[PaymentPage | Problem]:
    """ The booking's payments, failed attempts included, oldest first.

     A page like every list of this API (`{items, page, per_page, total}`). For the
    booking's guest, the listing's host or an admin; anyone else gets 404.

    Args:
        booking_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaymentPage | Problem]
     """


    kwargs = _get_kwargs(
        booking_id=booking_id,
page=page,
per_page=per_page,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    booking_id: str,
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    per_page: int | Unset = 20,

) -> PaymentPage | Problem | None:
    """ The booking's payments, failed attempts included, oldest first.

     A page like every list of this API (`{items, page, per_page, total}`). For the
    booking's guest, the listing's host or an admin; anyone else gets 404.

    Args:
        booking_id (str):
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaymentPage | Problem
     """


    return (await asyncio_detailed(
        booking_id=booking_id,
client=client,
page=page,
per_page=per_page,

    )).parsed
