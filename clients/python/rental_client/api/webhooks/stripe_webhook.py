from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.stripe_webhook_body import StripeWebhookBody
from ...models.webhook_ack import WebhookAck
from typing import cast



def _get_kwargs(
    *,
    body: StripeWebhookBody,
    stripe_signature: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Stripe-Signature"] = stripe_signature



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/webhooks/stripe",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WebhookAck:
    if response.status_code == 200:
        response_200 = WebhookAck.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WebhookAck]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StripeWebhookBody,
    stripe_signature: str,

) -> Response[Problem | WebhookAck]:
    """ Receive a Stripe event (no bearer token: the signature authenticates it).

     400 for a missing, wrong or stale (over 5 minutes) signature, with nothing recorded; 404
    when Stripe is not the configured gateway. A replayed event answers 200 and acts once.
    A request without the header is malformed whatever the gateway, so it is a 400 first; any
    value of the header is checked only as a signature. The body's content is judged only
    after the signature.

    Args:
        stripe_signature (str):
        body (StripeWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookAck]
     """


    kwargs = _get_kwargs(
        body=body,
stripe_signature=stripe_signature,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: StripeWebhookBody,
    stripe_signature: str,

) -> Problem | WebhookAck | None:
    """ Receive a Stripe event (no bearer token: the signature authenticates it).

     400 for a missing, wrong or stale (over 5 minutes) signature, with nothing recorded; 404
    when Stripe is not the configured gateway. A replayed event answers 200 and acts once.
    A request without the header is malformed whatever the gateway, so it is a 400 first; any
    value of the header is checked only as a signature. The body's content is judged only
    after the signature.

    Args:
        stripe_signature (str):
        body (StripeWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookAck
     """


    return sync_detailed(
        client=client,
body=body,
stripe_signature=stripe_signature,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StripeWebhookBody,
    stripe_signature: str,

) -> Response[Problem | WebhookAck]:
    """ Receive a Stripe event (no bearer token: the signature authenticates it).

     400 for a missing, wrong or stale (over 5 minutes) signature, with nothing recorded; 404
    when Stripe is not the configured gateway. A replayed event answers 200 and acts once.
    A request without the header is malformed whatever the gateway, so it is a 400 first; any
    value of the header is checked only as a signature. The body's content is judged only
    after the signature.

    Args:
        stripe_signature (str):
        body (StripeWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookAck]
     """


    kwargs = _get_kwargs(
        body=body,
stripe_signature=stripe_signature,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: StripeWebhookBody,
    stripe_signature: str,

) -> Problem | WebhookAck | None:
    """ Receive a Stripe event (no bearer token: the signature authenticates it).

     400 for a missing, wrong or stale (over 5 minutes) signature, with nothing recorded; 404
    when Stripe is not the configured gateway. A replayed event answers 200 and acts once.
    A request without the header is malformed whatever the gateway, so it is a 400 first; any
    value of the header is checked only as a signature. The body's content is judged only
    after the signature.

    Args:
        stripe_signature (str):
        body (StripeWebhookBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookAck
     """


    return (await asyncio_detailed(
        client=client,
body=body,
stripe_signature=stripe_signature,

    )).parsed
