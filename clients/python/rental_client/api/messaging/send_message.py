from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.message import Message
from ...models.message_request import MessageRequest
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    thread_id: str,
    *,
    body: MessageRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/threads/{thread_id}/messages".format(thread_id=quote(str(thread_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Message | Problem:
    if response.status_code == 201:
        response_201 = Message.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Message | Problem]:
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
    body: MessageRequest,

) -> Response[Message | Problem]:
    """ Write in a thread of yours. 403 when the other participant has blocked you, or for
    an admin (who reads threads, never writes in them).

     A sender may post at most 30 messages a minute (inquiries included), across every
    server process; past it, 429 with Retry-After.

    Args:
        thread_id (str):
        body (MessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Message | Problem]
     """


    kwargs = _get_kwargs(
        thread_id=thread_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    body: MessageRequest,

) -> Message | Problem | None:
    """ Write in a thread of yours. 403 when the other participant has blocked you, or for
    an admin (who reads threads, never writes in them).

     A sender may post at most 30 messages a minute (inquiries included), across every
    server process; past it, 429 with Retry-After.

    Args:
        thread_id (str):
        body (MessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Message | Problem
     """


    return sync_detailed(
        thread_id=thread_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    body: MessageRequest,

) -> Response[Message | Problem]:
    """ Write in a thread of yours. 403 when the other participant has blocked you, or for
    an admin (who reads threads, never writes in them).

     A sender may post at most 30 messages a minute (inquiries included), across every
    server process; past it, 429 with Retry-After.

    Args:
        thread_id (str):
        body (MessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Message | Problem]
     """


    kwargs = _get_kwargs(
        thread_id=thread_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    body: MessageRequest,

) -> Message | Problem | None:
    """ Write in a thread of yours. 403 when the other participant has blocked you, or for
    an admin (who reads threads, never writes in them).

     A sender may post at most 30 messages a minute (inquiries included), across every
    server process; past it, 429 with Retry-After.

    Args:
        thread_id (str):
        body (MessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Message | Problem
     """


    return (await asyncio_detailed(
        thread_id=thread_id,
client=client,
body=body,

    )).parsed
