from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.message_page import MessagePage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    thread_id: str,
    *,
    reason: str,
    before: None | str | Unset = UNSET,
    per_page: int | Unset = 20,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["reason"] = reason

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
        "url": "/admin/threads/{thread_id}/messages".format(thread_id=quote(str(thread_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MessagePage | Problem:
    if response.status_code == 200:
        response_200 = MessagePage.from_dict(response.json())



        return response_200

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MessagePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    reason: str,
    before: None | str | Unset = UNSET,
    per_page: int | Unset = 20,

) -> Response[MessagePage | Problem]:
    """ A thread's messages as written (never redacted), newest first, for a dispute: each
    read is in the audit log (`read_thread`) with its `reason`. Admins read threads they are
    not in only here; read-only (an admin cannot write in a thread).

    Args:
        thread_id (str):
        reason (str):
        before (None | str | Unset):
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessagePage | Problem]
     """


    kwargs = _get_kwargs(
        thread_id=thread_id,
reason=reason,
before=before,
per_page=per_page,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    reason: str,
    before: None | str | Unset = UNSET,
    per_page: int | Unset = 20,

) -> MessagePage | Problem | None:
    """ A thread's messages as written (never redacted), newest first, for a dispute: each
    read is in the audit log (`read_thread`) with its `reason`. Admins read threads they are
    not in only here; read-only (an admin cannot write in a thread).

    Args:
        thread_id (str):
        reason (str):
        before (None | str | Unset):
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessagePage | Problem
     """


    return sync_detailed(
        thread_id=thread_id,
client=client,
reason=reason,
before=before,
per_page=per_page,

    ).parsed

async def asyncio_detailed(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    reason: str,
    before: None | str | Unset = UNSET,
    per_page: int | Unset = 20,

) -> Response[MessagePage | Problem]:
    """ A thread's messages as written (never redacted), newest first, for a dispute: each
    read is in the audit log (`read_thread`) with its `reason`. Admins read threads they are
    not in only here; read-only (an admin cannot write in a thread).

    Args:
        thread_id (str):
        reason (str):
        before (None | str | Unset):
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MessagePage | Problem]
     """


    kwargs = _get_kwargs(
        thread_id=thread_id,
reason=reason,
before=before,
per_page=per_page,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    reason: str,
    before: None | str | Unset = UNSET,
    per_page: int | Unset = 20,

) -> MessagePage | Problem | None:
    """ A thread's messages as written (never redacted), newest first, for a dispute: each
    read is in the audit log (`read_thread`) with its `reason`. Admins read threads they are
    not in only here; read-only (an admin cannot write in a thread).

    Args:
        thread_id (str):
        reason (str):
        before (None | str | Unset):
        per_page (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MessagePage | Problem
     """


    return (await asyncio_detailed(
        thread_id=thread_id,
client=client,
reason=reason,
before=before,
per_page=per_page,

    )).parsed
