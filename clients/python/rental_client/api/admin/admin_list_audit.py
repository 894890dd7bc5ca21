from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.admin_list_audit_action import AdminListAuditAction
from ...models.admin_list_audit_action import check_admin_list_audit_action
from ...models.audit_page import AuditPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    target_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    action: AdminListAuditAction | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    per_page: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_target_id: None | str | Unset
    if isinstance(target_id, Unset):
        json_target_id = UNSET
    else:
        json_target_id = target_id
    params["target_id"] = json_target_id

    json_actor_id: None | str | Unset
    if isinstance(actor_id, Unset):
        json_actor_id = UNSET
    else:
        json_actor_id = actor_id
    params["actor_id"] = json_actor_id

    json_action: str | Unset = UNSET
    if not isinstance(action, Unset):
        json_action = action

    params["action"] = json_action

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["per_page"] = per_page


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/admin/audit",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditPage | Problem:
    if response.status_code == 200:
        response_200 = AuditPage.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    target_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    action: AdminListAuditAction | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    per_page: int | Unset = 50,

) -> Response[AuditPage | Problem]:
    """ The audit log, newest first, filtered by `target_id`, `actor_id` and `action` (all
    that are given must hold); `next_cursor` is the `cursor` of the next page.

    Args:
        target_id (None | str | Unset):
        actor_id (None | str | Unset):
        action (AdminListAuditAction | Unset):
        cursor (None | str | Unset):
        per_page (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
     """


    kwargs = _get_kwargs(
        target_id=target_id,
actor_id=actor_id,
action=action,
cursor=cursor,
per_page=per_page,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    target_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    action: AdminListAuditAction | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    per_page: int | Unset = 50,

) -> AuditPage | Problem | None:
    """ The audit log, newest first, filtered by `target_id`, `actor_id` and `action` (all
    that are given must hold); `next_cursor` is the `cursor` of the next page.

    Args:
        target_id (None | str | Unset):
        actor_id (None | str | Unset):
        action (AdminListAuditAction | Unset):
        cursor (None | str | Unset):
        per_page (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
     """


    return sync_detailed(
        client=client,
target_id=target_id,
actor_id=actor_id,
action=action,
cursor=cursor,
per_page=per_page,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    target_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    action: AdminListAuditAction | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    per_page: int | Unset = 50,

) -> Response[AuditPage | Problem]:
    """ The audit log, newest first, filtered by `target_id`, `actor_id` and `action` (all
    that are given must hold); `next_cursor` is the `cursor` of the next page.

    Args:
        target_id (None | str | Unset):
        actor_id (None | str | Unset):
        action (AdminListAuditAction | Unset):
        cursor (None | str | Unset):
        per_page (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
     """


    kwargs = _get_kwargs(
        target_id=target_id,
actor_id=actor_id,
action=action,
cursor=cursor,
per_page=per_page,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    target_id: None | str | Unset = UNSET,
    actor_id: None | str | Unset = UNSET,
    action: AdminListAuditAction | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    per_page: int | Unset = 50,

) -> AuditPage | Problem | None:
    """ The audit log, newest first, filtered by `target_id`, `actor_id` and `action` (all
    that are given must hold); `next_cursor` is the `cursor` of the next page.

    Args:
        target_id (None | str | Unset):
        actor_id (None | str | Unset):
        action (AdminListAuditAction | Unset):
        cursor (None | str | Unset):
        per_page (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
target_id=target_id,
actor_id=actor_id,
action=action,
cursor=cursor,
per_page=per_page,

    )).parsed
