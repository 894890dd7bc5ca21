from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.calendar_import import CalendarImport
from ...models.calendar_import_input import CalendarImportInput
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    listing_id: str,
    *,
    body: CalendarImportInput,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/listings/{listing_id}/calendar-imports".format(listing_id=quote(str(listing_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CalendarImport | Problem:
    if response.status_code == 201:
        response_201 = CalendarImport.from_dict(response.json())



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

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CalendarImport | Problem]:
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
    body: CalendarImportInput,

) -> Response[CalendarImport | Problem]:
    """ Import another platform's calendar (its host or an admin): the worker fetches it every
    `RENTAL_ICAL_SYNC_MINUTES` (30) and its events block the listing's nights. The first
    sync happens on the worker's next pass, or within seconds after `POST …/sync`.

    Args:
        listing_id (str):
        body (CalendarImportInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarImport | Problem]
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
    body: CalendarImportInput,

) -> CalendarImport | Problem | None:
    """ Import another platform's calendar (its host or an admin): the worker fetches it every
    `RENTAL_ICAL_SYNC_MINUTES` (30) and its events block the listing's nights. The first
    sync happens on the worker's next pass, or within seconds after `POST …/sync`.

    Args:
        listing_id (str):
        body (CalendarImportInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarImport | Problem
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
    body: CalendarImportInput,

) -> Response[CalendarImport | Problem]:
    """ Import another platform's calendar (its host or an admin): the worker fetches it every
    `RENTAL_ICAL_SYNC_MINUTES` (30) and its events block the listing's nights. The first
    sync happens on the worker's next pass, or within seconds after `POST …/sync`.

    Args:
        listing_id (str):
        body (CalendarImportInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarImport | Problem]
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
    body: CalendarImportInput,

) -> CalendarImport | Problem | None:
    """ Import another platform's calendar (its host or an admin): the worker fetches it every
    `RENTAL_ICAL_SYNC_MINUTES` (30) and its events block the listing's nights. The first
    sync happens on the worker's next pass, or within seconds after `POST …/sync`.

    Args:
        listing_id (str):
        body (CalendarImportInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarImport | Problem
     """


    return (await asyncio_detailed(
        listing_id=listing_id,
client=client,
body=body,

    )).parsed
