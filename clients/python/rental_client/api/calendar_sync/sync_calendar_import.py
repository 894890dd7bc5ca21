from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.calendar_import import CalendarImport
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    listing_id: str,
    import_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/listings/{listing_id}/calendar-imports/{import_id}/sync".format(listing_id=quote(str(listing_id), safe=""),import_id=quote(str(import_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CalendarImport | Problem:
    if response.status_code == 202:
        response_202 = CalendarImport.from_dict(response.json())



        return response_202

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

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
    import_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[CalendarImport | Problem]:
    """ Ask for the calendar to be fetched and applied now (its host or an admin): 202 with
    the import as it is, and the worker syncs it within seconds (a sync takes at most 10 s);
    poll the `Location` until `last_attempt_at` moves. A feed that cannot be read is not an
    error of this request: the import then reads `failed` with `last_error`, and nothing else
    changed. At most `RENTAL_ICAL_SYNC_REQUESTS` (3) syncs per listing (all its imports) in
    each 5-minute window, counted across server processes: past it, 429 with `Retry-After`.

    Args:
        listing_id (str):
        import_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarImport | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
import_id=import_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    listing_id: str,
    import_id: str,
    *,
    client: AuthenticatedClient,

) -> CalendarImport | Problem | None:
    """ Ask for the calendar to be fetched and applied now (its host or an admin): 202 with
    the import as it is, and the worker syncs it within seconds (a sync takes at most 10 s);
    poll the `Location` until `last_attempt_at` moves. A feed that cannot be read is not an
    error of this request: the import then reads `failed` with `last_error`, and nothing else
    changed. At most `RENTAL_ICAL_SYNC_REQUESTS` (3) syncs per listing (all its imports) in
    each 5-minute window, counted across server processes: past it, 429 with `Retry-After`.

    Args:
        listing_id (str):
        import_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarImport | Problem
     """


    return sync_detailed(
        listing_id=listing_id,
import_id=import_id,
client=client,

    ).parsed

async def asyncio_detailed(
    listing_id: str,
    import_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[CalendarImport | Problem]:
    """ Ask for the calendar to be fetched and applied now (its host or an admin): 202 with
    the import as it is, and the worker syncs it within seconds (a sync takes at most 10 s);
    poll the `Location` until `last_attempt_at` moves. A feed that cannot be read is not an
    error of this request: the import then reads `failed` with `last_error`, and nothing else
    changed. At most `RENTAL_ICAL_SYNC_REQUESTS` (3) syncs per listing (all its imports) in
    each 5-minute window, counted across server processes: past it, 429 with `Retry-After`.

    Args:
        listing_id (str):
        import_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarImport | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
import_id=import_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    listing_id: str,
    import_id: str,
    *,
    client: AuthenticatedClient,

) -> CalendarImport | Problem | None:
    """ Ask for the calendar to be fetched and applied now (its host or an admin): 202 with
    the import as it is, and the worker syncs it within seconds (a sync takes at most 10 s);
    poll the `Location` until `last_attempt_at` moves. A feed that cannot be read is not an
    error of this request: the import then reads `failed` with `last_error`, and nothing else
    changed. At most `RENTAL_ICAL_SYNC_REQUESTS` (3) syncs per listing (all its imports) in
    each 5-minute window, counted across server processes: past it, 429 with `Retry-After`.

    Args:
        listing_id (str):
        import_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarImport | Problem
     """


    return (await asyncio_detailed(
        listing_id=listing_id,
import_id=import_id,
client=client,

    )).parsed
