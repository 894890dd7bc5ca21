"""Photos on a SQLAlchemy ``Session``."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.application.photo_repository import PhotoRepository
from rental.domain.listings.photos import Photo

P = t.photos.c


class SqlPhotoRepository(PhotoRepository):
    """Photos in ``photos``."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def _of_listing(self, listing_id: str) -> list[Photo]:
        query = select(Photo).where(P.listing_id == listing_id).order_by(P.position, P.id)
        with domain_errors():
            return list(self._session.scalars(query))

    def _add(self, photo: Photo) -> None:
        self._session.add(photo)

    def _get(self, photo_id: str) -> Photo | None:
        with domain_errors():
            return self._session.get(Photo, photo_id)

    def _remove(self, photo: Photo) -> None:
        self._session.delete(photo)
