from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.response_request import ResponseRequest
from ...models.review import Review
from typing import cast



def _get_kwargs(
    review_id: str,
    *,
    body: ResponseRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/reviews/{review_id}/response".format(review_id=quote(str(review_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Review:
    if response.status_code == 201:
        response_201 = Review.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Review]:
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
    body: ResponseRequest,

) -> Response[Problem | Review]:
    """ Answer a published review about you, once and publicly (the host for the guest's
    review, the guest for the host's): `body` at most 1,000 characters.

     Answers the review with its `response`. 403 for anyone but the reviewed side; 409 for a
    second response; 404 for a review you cannot see.

    Args:
        review_id (str):
        body (ResponseRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Review]
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
    body: ResponseRequest,

) -> Problem | Review | None:
    """ Answer a published review about you, once and publicly (the host for the guest's
    review, the guest for the host's): `body` at most 1,000 characters.

     Answers the review with its `response`. 403 for anyone but the reviewed side; 409 for a
    second response; 404 for a review you cannot see.

    Args:
        review_id (str):
        body (ResponseRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Review
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
    body: ResponseRequest,

) -> Response[Problem | Review]:
    """ Answer a published review about you, once and publicly (the host for the guest's
    review, the guest for the host's): `body` at most 1,000 characters.

     Answers the review with its `response`. 403 for anyone but the reviewed side; 409 for a
    second response; 404 for a review you cannot see.

    Args:
        review_id (str):
        body (ResponseRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Review]
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
    body: ResponseRequest,

) -> Problem | Review | None:
    """ Answer a published review about you, once and publicly (the host for the guest's
    review, the guest for the host's): `body` at most 1,000 characters.

     Answers the review with its `response`. 403 for anyone but the reviewed side; 409 for a
    second response; 404 for a review you cannot see.

    Args:
        review_id (str):
        body (ResponseRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Review
     """


    return (await asyncio_detailed(
        review_id=review_id,
client=client,
body=body,

    )).parsed
