from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.photo import Photo
from ...models.problem import Problem
from ...models.upload_photo_files_body import UploadPhotoFilesBody
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast



def _get_kwargs(
    listing_id: str,
    *,
    body:    File  |     File  |     File  |     File  |     UploadPhotoFilesBody  | Unset = UNSET,
    caption: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["caption"] = caption


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/listings/{listing_id}/photos".format(listing_id=quote(str(listing_id), safe=""),),
        "params": params,
    }

    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "image/jpeg"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "image/png"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "image/webp"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "image/heic"
    if isinstance(body, UploadPhotoFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Photo | Problem:
    if response.status_code == 202:
        response_202 = Photo.from_dict(response.json())



        return response_202

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Photo | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    listing_id: str,
    *,
    client: AuthenticatedClient,
    body:    File  |     File  |     File  |     File  |     UploadPhotoFilesBody  | Unset = UNSET,
    caption: str | Unset = UNSET,

) -> Response[Photo | Problem]:
    """ Add a photo (its host or an admin): answered 202 `processing` at once; the worker makes
    its variants (then `ready` with `urls`, or `failed` with `failure_reason`). 415 for anything
    but a JPEG, PNG, WebP or HEIC image (by its content); 413 over 20 MiB, said without reading
    the rest of the body; 422 over 50 megapixels or under 400 x 300; 409 past 50 photos.

    Args:
        listing_id (str):
        caption (str | Unset):
        body (File):
        body (File):
        body (File):
        body (File):
        body (UploadPhotoFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Photo | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
body=body,
caption=caption,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    listing_id: str,
    *,
    client: AuthenticatedClient,
    body:    File  |     File  |     File  |     File  |     UploadPhotoFilesBody  | Unset = UNSET,
    caption: str | Unset = UNSET,

) -> Photo | Problem | None:
    """ Add a photo (its host or an admin): answered 202 `processing` at once; the worker makes
    its variants (then `ready` with `urls`, or `failed` with `failure_reason`). 415 for anything
    but a JPEG, PNG, WebP or HEIC image (by its content); 413 over 20 MiB, said without reading
    the rest of the body; 422 over 50 megapixels or under 400 x 300; 409 past 50 photos.

    Args:
        listing_id (str):
        caption (str | Unset):
        body (File):
        body (File):
        body (File):
        body (File):
        body (UploadPhotoFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Photo | Problem
     """


    return sync_detailed(
        listing_id=listing_id,
client=client,
body=body,
caption=caption,

    ).parsed

async def asyncio_detailed(
    listing_id: str,
    *,
    client: AuthenticatedClient,
    body:    File  |     File  |     File  |     File  |     UploadPhotoFilesBody  | Unset = UNSET,
    caption: str | Unset = UNSET,

) -> Response[Photo | Problem]:
    """ Add a photo (its host or an admin): answered 202 `processing` at once; the worker makes
    its variants (then `ready` with `urls`, or `failed` with `failure_reason`). 415 for anything
    but a JPEG, PNG, WebP or HEIC image (by its content); 413 over 20 MiB, said without reading
    the rest of the body; 422 over 50 megapixels or under 400 x 300; 409 past 50 photos.

    Args:
        listing_id (str):
        caption (str | Unset):
        body (File):
        body (File):
        body (File):
        body (File):
        body (UploadPhotoFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Photo | Problem]
     """


    kwargs = _get_kwargs(
        listing_id=listing_id,
body=body,
caption=caption,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    listing_id: str,
    *,
    client: AuthenticatedClient,
    body:    File  |     File  |     File  |     File  |     UploadPhotoFilesBody  | Unset = UNSET,
    caption: str | Unset = UNSET,

) -> Photo | Problem | None:
    """ Add a photo (its host or an admin): answered 202 `processing` at once; the worker makes
    its variants (then `ready` with `urls`, or `failed` with `failure_reason`). 415 for anything
    but a JPEG, PNG, WebP or HEIC image (by its content); 413 over 20 MiB, said without reading
    the rest of the body; 422 over 50 megapixels or under 400 x 300; 409 past 50 photos.

    Args:
        listing_id (str):
        caption (str | Unset):
        body (File):
        body (File):
        body (File):
        body (File):
        body (UploadPhotoFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Photo | Problem
     """


    return (await asyncio_detailed(
        listing_id=listing_id,
client=client,
body=body,
caption=caption,

    )).parsed
