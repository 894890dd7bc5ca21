from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_listings_sort import check_list_listings_sort
from ...models.list_listings_sort import ListListingsSort
from ...models.listing_page import ListingPage
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    city: str | Unset = UNSET,
    country: str | Unset = UNSET,
    guests: int | Unset = UNSET,
    min_price: int | Unset = UNSET,
    max_price: int | Unset = UNSET,
    amenities: str | Unset = UNSET,
    check_in: datetime.date | Unset = UNSET,
    check_out: datetime.date | Unset = UNSET,
    bbox: str | Unset = UNSET,
    near: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    property_type: str | Unset = UNSET,
    min_bedrooms: int | Unset = UNSET,
    min_beds: int | Unset = UNSET,
    min_bathrooms: float | Unset = UNSET,
    instant_book: bool | Unset = UNSET,
    pets_allowed: bool | Unset = UNSET,
    sort: ListListingsSort | Unset = 'newest',

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["per_page"] = per_page

    params["city"] = city

    params["country"] = country

    params["guests"] = guests

    params["min_price"] = min_price

    params["max_price"] = max_price

    params["amenities"] = amenities

    json_check_in: str | Unset = UNSET
    if not isinstance(check_in, Unset):
        json_check_in = check_in.isoformat()
    params["check_in"] = json_check_in

    json_check_out: str | Unset = UNSET
    if not isinstance(check_out, Unset):
        json_check_out = check_out.isoformat()
    params["check_out"] = json_check_out

    params["bbox"] = bbox

    params["near"] = near

    params["radius_km"] = radius_km

    params["property_type"] = property_type

    params["min_bedrooms"] = min_bedrooms

    params["min_beds"] = min_beds

    params["min_bathrooms"] = min_bathrooms

    params["instant_book"] = instant_book

    params["pets_allowed"] = pets_allowed

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/listings",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ListingPage | Problem:
    if response.status_code == 200:
        response_200 = ListingPage.from_dict(response.json())



        return response_200

    if response.status_code == 414:
        response_414 = Problem.from_dict(response.json())



        return response_414

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    response_default = Problem.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ListingPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    city: str | Unset = UNSET,
    country: str | Unset = UNSET,
    guests: int | Unset = UNSET,
    min_price: int | Unset = UNSET,
    max_price: int | Unset = UNSET,
    amenities: str | Unset = UNSET,
    check_in: datetime.date | Unset = UNSET,
    check_out: datetime.date | Unset = UNSET,
    bbox: str | Unset = UNSET,
    near: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    property_type: str | Unset = UNSET,
    min_bedrooms: int | Unset = UNSET,
    min_beds: int | Unset = UNSET,
    min_bathrooms: float | Unset = UNSET,
    instant_book: bool | Unset = UNSET,
    pets_allowed: bool | Unset = UNSET,
    sort: ListListingsSort | Unset = 'newest',

) -> Response[ListingPage | Problem]:
    """ Active listings, newest first unless ``sort`` says otherwise.

     ``check_in`` and ``check_out`` go together (one alone is a 422); they keep only the
    listings free for the whole stay whose minimum and maximum nights allow it. Sorting by
    rating puts unrated listings last; ties are broken by id so that pages are stable.

    A map search keeps the listings with coordinates inside ``bbox`` and within ``radius_km``
    of ``near`` (both may be given); with ``near``, each item carries ``distance_km`` and
    ``sort=distance`` orders them nearest first.

    Args:
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        city (str | Unset):
        country (str | Unset):
        guests (int | Unset):
        min_price (int | Unset):
        max_price (int | Unset):
        amenities (str | Unset):
        check_in (datetime.date | Unset):
        check_out (datetime.date | Unset):
        bbox (str | Unset):  Example: -9.23,38.69,-9.09,38.80.
        near (str | Unset):  Example: 38.7101,-9.1366.
        radius_km (float | Unset):  Example: 5.
        property_type (str | Unset):  Example: entire_home,private_room.
        min_bedrooms (int | Unset):
        min_beds (int | Unset):
        min_bathrooms (float | Unset):
        instant_book (bool | Unset):
        pets_allowed (bool | Unset):
        sort (ListListingsSort | Unset):  Default: 'newest'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListingPage | Problem]
     """


    kwargs = _get_kwargs(
        page=page,
per_page=per_page,
city=city,
country=country,
guests=guests,
min_price=min_price,
max_price=max_price,
amenities=amenities,
check_in=check_in,
check_out=check_out,
bbox=bbox,
near=near,
radius_km=radius_km,
property_type=property_type,
min_bedrooms=min_bedrooms,
min_beds=min_beds,
min_bathrooms=min_bathrooms,
instant_book=instant_book,
pets_allowed=pets_allowed,
sort=sort,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    city: str | Unset = UNSET,
    country: str | Unset = UNSET,
    guests: int | Unset = UNSET,
    min_price: int | Unset = UNSET,
    max_price: int | Unset = UNSET,
    amenities: str | Unset = UNSET,
    check_in: datetime.date | Unset = UNSET,
    check_out: datetime.date | Unset = UNSET,
    bbox: str | Unset = UNSET,
    near: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    property_type: str | Unset = UNSET,
    min_bedrooms: int | Unset = UNSET,
    min_beds: int | Unset = UNSET,
    min_bathrooms: float | Unset = UNSET,
    instant_book: bool | Unset = UNSET,
    pets_allowed: bool | Unset = UNSET,
    sort: ListListingsSort | Unset = 'newest',

) -> ListingPage | Problem | None:
    """ Active listings, newest first unless ``sort`` says otherwise.

     ``check_in`` and ``check_out`` go together (one alone is a 422); they keep only the
    listings free for the whole stay whose minimum and maximum nights allow it. Sorting by
    rating puts unrated listings last; ties are broken by id so that pages are stable.

    A map search keeps the listings with coordinates inside ``bbox`` and within ``radius_km``
    of ``near`` (both may be given); with ``near``, each item carries ``distance_km`` and
    ``sort=distance`` orders them nearest first.

    Args:
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        city (str | Unset):
        country (str | Unset):
        guests (int | Unset):
        min_price (int | Unset):
        max_price (int | Unset):
        amenities (str | Unset):
        check_in (datetime.date | Unset):
        check_out (datetime.date | Unset):
        bbox (str | Unset):  Example: -9.23,38.69,-9.09,38.80.
        near (str | Unset):  Example: 38.7101,-9.1366.
        radius_km (float | Unset):  Example: 5.
        property_type (str | Unset):  Example: entire_home,private_room.
        min_bedrooms (int | Unset):
        min_beds (int | Unset):
        min_bathrooms (float | Unset):
        instant_book (bool | Unset):
        pets_allowed (bool | Unset):
        sort (ListListingsSort | Unset):  Default: 'newest'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListingPage | Problem
     """


    return sync_detailed(
        client=client,
page=page,
per_page=per_page,
city=city,
country=country,
guests=guests,
min_price=min_price,
max_price=max_price,
amenities=amenities,
check_in=check_in,
check_out=check_out,
bbox=bbox,
near=near,
radius_km=radius_km,
property_type=property_type,
min_bedrooms=min_bedrooms,
min_beds=min_beds,
min_bathrooms=min_bathrooms,
instant_book=instant_book,
pets_allowed=pets_allowed,
sort=sort,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    city: str | Unset = UNSET,
    country: str | Unset = UNSET,
    guests: int | Unset = UNSET,
    min_price: int | Unset = UNSET,
    max_price: int | Unset = UNSET,
    amenities: str | Unset = UNSET,
    check_in: datetime.date | Unset = UNSET,
    check_out: datetime.date | Unset = UNSET,
    bbox: str | Unset = UNSET,
    near: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    property_type: str | Unset = UNSET,
    min_bedrooms: int | Unset = UNSET,
    min_beds: int | Unset = UNSET,
    min_bathrooms: float | Unset = UNSET,
    instant_book: bool | Unset = UNSET,
    pets_allowed: bool | Unset = UNSET,
    sort: ListListingsSort | Unset = 'newest',

) -> Response[ListingPage | Problem]:
    """ Active listings, newest first unless ``sort`` says otherwise.

     ``check_in`` and ``check_out`` go together (one alone is a 422); they keep only the
    listings free for the whole stay whose minimum and maximum nights allow it. Sorting by
    rating puts unrated listings last; ties are broken by id so that pages are stable.

    A map search keeps the listings with coordinates inside ``bbox`` and within ``radius_km``
    of ``near`` (both may be given); with ``near``, each item carries ``distance_km`` and
    ``sort=distance`` orders them nearest first.

    Args:
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        city (str | Unset):
        country (str | Unset):
        guests (int | Unset):
        min_price (int | Unset):
        max_price (int | Unset):
        amenities (str | Unset):
        check_in (datetime.date | Unset):
        check_out (datetime.date | Unset):
        bbox (str | Unset):  Example: -9.23,38.69,-9.09,38.80.
        near (str | Unset):  Example: 38.7101,-9.1366.
        radius_km (float | Unset):  Example: 5.
        property_type (str | Unset):  Example: entire_home,private_room.
        min_bedrooms (int | Unset):
        min_beds (int | Unset):
        min_bathrooms (float | Unset):
        instant_book (bool | Unset):
        pets_allowed (bool | Unset):
        sort (ListListingsSort | Unset):  Default: 'newest'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ListingPage | Problem]
     """


    kwargs = _get_kwargs(
        page=page,
per_page=per_page,
city=city,
country=country,
guests=guests,
min_price=min_price,
max_price=max_price,
amenities=amenities,
check_in=check_in,
check_out=check_out,
bbox=bbox,
near=near,
radius_km=radius_km,
property_type=property_type,
min_bedrooms=min_bedrooms,
min_beds=min_beds,
min_bathrooms=min_bathrooms,
instant_book=instant_book,
pets_allowed=pets_allowed,
sort=sort,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = 1,
    per_page: int | Unset = 20,
    city: str | Unset = UNSET,
    country: str | Unset = UNSET,
    guests: int | Unset = UNSET,
    min_price: int | Unset = UNSET,
    max_price: int | Unset = UNSET,
    amenities: str | Unset = UNSET,
    check_in: datetime.date | Unset = UNSET,
    check_out: datetime.date | Unset = UNSET,
    bbox: str | Unset = UNSET,
    near: str | Unset = UNSET,
    radius_km: float | Unset = UNSET,
    property_type: str | Unset = UNSET,
    min_bedrooms: int | Unset = UNSET,
    min_beds: int | Unset = UNSET,
    min_bathrooms: float | Unset = UNSET,
    instant_book: bool | Unset = UNSET,
    pets_allowed: bool | Unset = UNSET,
    sort: ListListingsSort | Unset = 'newest',

) -> ListingPage | Problem | None:
    """ Active listings, newest first unless ``sort`` says otherwise.

     ``check_in`` and ``check_out`` go together (one alone is a 422); they keep only the
    listings free for the whole stay whose minimum and maximum nights allow it. Sorting by
    rating puts unrated listings last; ties are broken by id so that pages are stable.

    A map search keeps the listings with coordinates inside ``bbox`` and within ``radius_km``
    of ``near`` (both may be given); with ``near``, each item carries ``distance_km`` and
    ``sort=distance`` orders them nearest first.

    Args:
        page (int | Unset):  Default: 1.
        per_page (int | Unset):  Default: 20.
        city (str | Unset):
        country (str | Unset):
        guests (int | Unset):
        min_price (int | Unset):
        max_price (int | Unset):
        amenities (str | Unset):
        check_in (datetime.date | Unset):
        check_out (datetime.date | Unset):
        bbox (str | Unset):  Example: -9.23,38.69,-9.09,38.80.
        near (str | Unset):  Example: 38.7101,-9.1366.
        radius_km (float | Unset):  Example: 5.
        property_type (str | Unset):  Example: entire_home,private_room.
        min_bedrooms (int | Unset):
        min_beds (int | Unset):
        min_bathrooms (float | Unset):
        instant_book (bool | Unset):
        pets_allowed (bool | Unset):
        sort (ListListingsSort | Unset):  Default: 'newest'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ListingPage | Problem
     """


    return (await asyncio_detailed(
        client=client,
page=page,
per_page=per_page,
city=city,
country=country,
guests=guests,
min_price=min_price,
max_price=max_price,
amenities=amenities,
check_in=check_in,
check_out=check_out,
bbox=bbox,
near=near,
radius_km=radius_km,
property_type=property_type,
min_bedrooms=min_bedrooms,
min_beds=min_beds,
min_bathrooms=min_bathrooms,
instant_book=instant_book,
pets_allowed=pets_allowed,
sort=sort,

    )).parsed
