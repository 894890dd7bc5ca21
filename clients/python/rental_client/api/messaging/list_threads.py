from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.thread_page import ThreadPage
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    before: None | str | Unset = UNSET,
    per_page: int | Unset = 20,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_before: None | str | Unset
    if isinstance(before, Unset):
        json_before = UNSET
    else:
        json_before = before
    params["before"] = json_before

    params["per_page"] = per_page


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/threads",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ThreadPage:
    if response.status_code == 200:
        response_200 = ThreadPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ThreadPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    before: None | str | Unset = UNSET,
    per_page: int | Unset = 20,

) -> Response[Problem | ThreadPage]:
    """ Your threads, most recent activity first, with what you have not read.

     Page on with `?before=` and the `next_cursor` of the page before (null on the last page);
    a cursor of another list is a 422. `per_page` is 1 to 100 (default 20).

    Args:
        before (None | str | Unset):
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ThreadPage]
     """


    kwargs = _get_kwargs(
        before=before,
per_page=per_page,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    before: None | str | Unset = UNSET,
    per_page: int | Unset = 20,

) -> Problem | ThreadPage | None:
    """ Your threads, most recent activity first, with what you have not read.

     Page on with `?before=` and the `next_cursor` of the page before (null on the last page);
    a cursor of another list is a 422. `per_page` is 1 to 100 (default 20).

    Args:
        before (None | str | Unset):
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ThreadPage
     """


    return sync_detailed(
        client=client,
before=before,
per_page=per_page,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    before: None | str | Unset = UNSET,
    per_page: int | Unset = 20,

) -> Response[Problem | ThreadPage]:
    """ Your threads, most recent activity first, with what you have not read.

     Page on with `?before=` and the `next_cursor` of the page before (null on the last page);
    a cursor of another list is a 422. `per_page` is 1 to 100 (default 20).

    Args:
        before (None | str | Unset):
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ThreadPage]
     """


    kwargs = _get_kwargs(
        before=before,
per_page=per_page,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    before: None | str | Unset = UNSET,
    per_page: int | Unset = 20,

) -> Problem | ThreadPage | None:
    """ Your threads, most recent activity first, with what you have not read.

     Page on with `?before=` and the `next_cursor` of the page before (null on the last page);
    a cursor of another list is a 422. `per_page` is 1 to 100 (default 20).

    Args:
        before (None | str | Unset):
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ThreadPage
     """


    return (await asyncio_detailed(
        client=client,
before=before,
per_page=per_page,

    )).parsed
