from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_entry import AuditEntry
from ...models.problem import Problem
from ...models.reason import Reason
from typing import cast



def _get_kwargs(
    target_id: str,
    *,
    body: Reason,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/admin/listings/{target_id}/relist".format(target_id=quote(str(target_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditEntry | Problem:
    if response.status_code == 200:
        response_200 = AuditEntry.from_dict(response.json())



        return response_200

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditEntry | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    target_id: str,
    *,
    client: AuthenticatedClient,
    body: Reason,

) -> Response[AuditEntry | Problem]:
    """ List an unlisted listing again. 409 while its host is disabled.

    Args:
        target_id (str):
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEntry | Problem]
     """


    kwargs = _get_kwargs(
        target_id=target_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    target_id: str,
    *,
    client: AuthenticatedClient,
    body: Reason,

) -> AuditEntry | Problem | None:
    """ List an unlisted listing again. 409 while its host is disabled.

    Args:
        target_id (str):
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEntry | Problem
     """


    return sync_detailed(
        target_id=target_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    target_id: str,
    *,
    client: AuthenticatedClient,
    body: Reason,

) -> Response[AuditEntry | Problem]:
    """ List an unlisted listing again. 409 while its host is disabled.

    Args:
        target_id (str):
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEntry | Problem]
     """


    kwargs = _get_kwargs(
        target_id=target_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    target_id: str,
    *,
    client: AuthenticatedClient,
    body: Reason,

) -> AuditEntry | Problem | None:
    """ List an unlisted listing again. 409 while its host is disabled.

    Args:
        target_id (str):
        body (Reason):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEntry | Problem
     """


    return (await asyncio_detailed(
        target_id=target_id,
client=client,
body=body,

    )).parsed
