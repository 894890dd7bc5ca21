from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.accepted import Accepted
from ...models.problem import Problem
from ...models.report_request import ReportRequest
from typing import cast



def _get_kwargs(
    review_id: str,
    *,
    body: ReportRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/reviews/{review_id}/report".format(review_id=quote(str(review_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Accepted | Problem:
    if response.status_code == 202:
        response_202 = Accepted.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Accepted | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    review_id: str,
    *,
    client: AuthenticatedClient,
    body: ReportRequest,

) -> Response[Accepted | Problem]:
    """ Report a review you can see to the marketplace's staff: `reason` at most 1,000
    characters. 202: the staff will look at it.

     A pending review (before both sides wrote, within the 14 days) is found by its author
    alone: 404 for everyone else.

    Args:
        review_id (str):
        body (ReportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Problem]
     """


    kwargs = _get_kwargs(
        review_id=review_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    review_id: str,
    *,
    client: AuthenticatedClient,
    body: ReportRequest,

) -> Accepted | Problem | None:
    """ Report a review you can see to the marketplace's staff: `reason` at most 1,000
    characters. 202: the staff will look at it.

     A pending review (before both sides wrote, within the 14 days) is found by its author
    alone: 404 for everyone else.

    Args:
        review_id (str):
        body (ReportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Problem
     """


    return sync_detailed(
        review_id=review_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    review_id: str,
    *,
    client: AuthenticatedClient,
    body: ReportRequest,

) -> Response[Accepted | Problem]:
    """ Report a review you can see to the marketplace's staff: `reason` at most 1,000
    characters. 202: the staff will look at it.

     A pending review (before both sides wrote, within the 14 days) is found by its author
    alone: 404 for everyone else.

    Args:
        review_id (str):
        body (ReportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Problem]
     """


    kwargs = _get_kwargs(
        review_id=review_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    review_id: str,
    *,
    client: AuthenticatedClient,
    body: ReportRequest,

) -> Accepted | Problem | None:
    """ Report a review you can see to the marketplace's staff: `reason` at most 1,000
    characters. 202: the staff will look at it.

     A pending review (before both sides wrote, within the 14 days) is found by its author
    alone: 404 for everyone else.

    Args:
        review_id (str):
        body (ReportRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Problem
     """


    return (await asyncio_detailed(
        review_id=review_id,
client=client,
body=body,

    )).parsed
