from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.message import Message
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    thread_id: str,
    message_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/threads/{thread_id}/messages/{message_id}".format(thread_id=quote(str(thread_id), safe=""),message_id=quote(str(message_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Message | Problem:
    if response.status_code == 200:
        response_200 = Message.from_dict(response.json())



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
    message_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Message | Problem]:
    """ One message of a thread of yours (the URL a new message answers with).

    Args:
        thread_id (str):
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Message | Problem]
     """


    kwargs = _get_kwargs(
        thread_id=thread_id,
message_id=message_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    thread_id: str,
    message_id: str,
    *,
    client: AuthenticatedClient,

) -> Message | Problem | None:
    """ One message of a thread of yours (the URL a new message answers with).

    Args:
        thread_id (str):
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Message | Problem
     """


    return sync_detailed(
        thread_id=thread_id,
message_id=message_id,
client=client,

    ).parsed

async def asyncio_detailed(
    thread_id: str,
    message_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Message | Problem]:
    """ One message of a thread of yours (the URL a new message answers with).

    Args:
        thread_id (str):
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Message | Problem]
     """


    kwargs = _get_kwargs(
        thread_id=thread_id,
message_id=message_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    thread_id: str,
    message_id: str,
    *,
    client: AuthenticatedClient,

) -> Message | Problem | None:
    """ One message of a thread of yours (the URL a new message answers with).

    Args:
        thread_id (str):
        message_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Message | Problem
     """


    return (await asyncio_detailed(
        thread_id=thread_id,
message_id=message_id,
client=client,

    )).parsed
