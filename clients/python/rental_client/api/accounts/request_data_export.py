from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.data_export import DataExport
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users/me/export",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DataExport | Problem:
    if response.status_code == 202:
        response_202 = DataExport.from_dict(response.json())



        return response_202

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DataExport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[DataExport | Problem]:
    """ Ask for a copy of everything held about you (profile, listings and their photos'
    URLs, bookings as guest and host, payments, payouts, reviews written and received,
    messages, sessions…), one JSON document built by the worker.

     While one is pending, asking again answers that same export. You are emailed when it is
    ready; follow it at the `Location`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataExport | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,

) -> DataExport | Problem | None:
    """ Ask for a copy of everything held about you (profile, listings and their photos'
    URLs, bookings as guest and host, payments, payouts, reviews written and received,
    messages, sessions…), one JSON document built by the worker.

     While one is pending, asking again answers that same export. You are emailed when it is
    ready; follow it at the `Location`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DataExport | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[DataExport | Problem]:
    """ Ask for a copy of everything held about you (profile, listings and their photos'
    URLs, bookings as guest and host, payments, payouts, reviews written and received,
    messages, sessions…), one JSON document built by the worker.

     While one is pending, asking again answers that same export. You are emailed when it is
    ready; follow it at the `Location`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataExport | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,

) -> DataExport | Problem | None:
    """ Ask for a copy of everything held about you (profile, listings and their photos'
    URLs, bookings as guest and host, payments, payouts, reviews written and received,
    messages, sessions…), one JSON document built by the worker.

     While one is pending, asking again answers that same export. You are emailed when it is
    ready; follow it at the `Location`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DataExport | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
