from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    listing_id: str,
    *,
    token: None | str | Unset = UNSET,
    include_imported: bool | Unset = False,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_token: None | str | Unset
    if isinstance(token, Unset):
        json_token = UNSET
    else:
        json_token = token
    params["token"] = json_token

    params["include_imported"] = include_imported


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/listings/{listing_id}/calendar.ics".format(listing_id=quote(str(listing_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | str:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | str]:
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
    token: None | str | Unset = UNSET,
    include_imported: bool | Unset = False,

) -> Response[Any | Problem | str]:
    """ The listing's calendar as iCalendar (RFC 5545), for other platforms to import: one
    all-day event per live booking ("Reserved") and per block ("Not available") from the
    listing's today on, `DTEND` exclusive. Nothing about guests. Blocks imported from other
    calendars are left out unless `include_imported=1`, so that two platforms syncing each
    other never loop. No bearer token: the URL's secret `token` opens it, and a wrong or
    missing one is a 404. `If-None-Match` with the current `ETag` answers 304.

    Args:
        listing_id (str):
        token (None | str | Unset):
        include_imported (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
token=token,
include_imported=include_imported,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    listing_id: str,
    *,
    client: AuthenticatedClient | Client,
    token: None | str | Unset = UNSET,
    include_imported: bool | Unset = False,

) -> Any | Problem | str | None:
    """ The listing's calendar as iCalendar (RFC 5545), for other platforms to import: one
    all-day event per live booking ("Reserved") and per block ("Not available") from the
    listing's today on, `DTEND` exclusive. Nothing about guests. Blocks imported from other
    calendars are left out unless `include_imported=1`, so that two platforms syncing each
    other never loop. No bearer token: the URL's secret `token` opens it, and a wrong or
    missing one is a 404. `If-None-Match` with the current `ETag` answers 304.

    Args:
        listing_id (str):
        token (None | str | Unset):
        include_imported (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
     """


    return sync_detailed(
        listing_id=listing_id,
client=client,
token=token,
include_imported=include_imported,

    ).parsed

async def asyncio_detailed(
    listing_id: str,
    *,
    client: AuthenticatedClient | Client,
    token: None | str | Unset = UNSET,
    include_imported: bool | Unset = False,

) -> Response[Any | Problem | str]:
    """ The listing's calendar as iCalendar (RFC 5545), for other platforms to import: one
    all-day event per live booking ("Reserved") and per block ("Not available") from the
    listing's today on, `DTEND` exclusive. Nothing about guests. Blocks imported from other
    calendars are left out unless `include_imported=1`, so that two platforms syncing each
    other never loop. No bearer token: the URL's secret `token` opens it, and a wrong or
    missing one is a 404. `If-None-Match` with the current `ETag` answers 304.

    Args:
        listing_id (str):
        token (None | str | Unset):
        include_imported (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
token=token,
include_imported=include_imported,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    listing_id: str,
    *,
    client: AuthenticatedClient | Client,
    token: None | str | Unset = UNSET,
    include_imported: bool | Unset = False,

) -> Any | Problem | str | None:
    """ The listing's calendar as iCalendar (RFC 5545), for other platforms to import: one
    all-day event per live booking ("Reserved") and per block ("Not available") from the
    listing's today on, `DTEND` exclusive. Nothing about guests. Blocks imported from other
    calendars are left out unless `include_imported=1`, so that two platforms syncing each
    other never loop. No bearer token: the URL's secret `token` opens it, and a wrong or
    missing one is a 404. `If-None-Match` with the current `ETag` answers 304.

    Args:
        listing_id (str):
        token (None | str | Unset):
        include_imported (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
     """


    return (await asyncio_detailed(
        listing_id=listing_id,
client=client,
token=token,
include_imported=include_imported,

    )).parsed
