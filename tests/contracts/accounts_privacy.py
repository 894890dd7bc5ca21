"""The contract of the ports behind data exports and account deletion, for every adapter:
``DataExports`` (one pending per user, expired ones found), ``StoredEvents.forget_person``
(the person's fields blanked in the stored events, nobody else's), ``live_of_user``.

Subclass ``AccountsPrivacyContract`` and override ``uow_factory`` (as ``UnitOfWorkContract``).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from rental.domain.accounts.exports import DataExport, ExportStatus
from rental.domain.accounts.users import Role
from rental.domain.events import PasswordResetRequested
from tests.contracts.builders import (
    NOW,
    TODAY,
    UowFactory,
    a_booking,
    a_listing,
    a_user,
    new_id,
    save,
)


class AccountsPrivacyContract:
    @pytest.fixture
    def uow_factory(self) -> UowFactory:
        raise NotImplementedError("override with the adapter's unit-of-work factory")

    def test_a_users_pending_export_is_found_and_expired_ones_listed(
        self, uow_factory: UowFactory
    ) -> None:
        user, other = a_user(), a_user()
        save(uow_factory, user, other)
        export = DataExport.request(export_id=new_id(), user_id=user.id, now=NOW)
        with uow_factory() as uow:
            uow.data_exports.add(export)
            uow.commit()
        with uow_factory() as uow:
            found = uow.data_exports.pending_of(user.id)
            assert found is not None and found.id == export.id
            assert uow.data_exports.pending_of(other.id) is None
            assert found.made("exports/a/b/c.json", NOW)
            uow.commit()
        with uow_factory() as uow:
            assert uow.data_exports.pending_of(user.id) is None
            assert [x.id for x in uow.data_exports.of_user(user.id)] == [export.id]
            assert uow.data_exports.expired(NOW + timedelta(hours=23), 10) == []
            assert uow.data_exports.expired(NOW + timedelta(hours=24), 10) == [export.id]
            loaded = uow.data_exports.get(export.id)
            assert loaded.status_at(NOW + timedelta(hours=24)) == ExportStatus.EXPIRED

    def test_forgetting_a_person_blanks_their_events_and_no_one_elses(
        self, uow_factory: UowFactory
    ) -> None:
        user, other = a_user(), a_user()
        save(uow_factory, user, other)  # each records UserRegistered
        with uow_factory() as uow:
            uow.record(PasswordResetRequested(occurred_at=NOW, email=user.email))
            uow.record(PasswordResetRequested(occurred_at=NOW, email=other.email))
            uow.commit()
        with uow_factory() as uow:
            assert uow.stored_events.forget_person(user.id, user.email) == 2
            uow.commit()
        with uow_factory() as uow:
            assert uow.stored_events.forget_person(user.id, user.email) == 0  # done already
            assert uow.stored_events.forget_person(other.id, None) == 1  # its registration

    def test_live_bookings_of_a_user_as_guest_or_host(self, uow_factory: UowFactory) -> None:
        host, guest, stranger = a_user(Role.HOST), a_user(), a_user()
        listing = a_listing(host)
        booking = a_booking(listing, guest, TODAY + timedelta(days=3), nights=2)
        save(uow_factory, host, guest, stranger, listing, booking)
        with uow_factory() as uow:
            assert [b.id for b in uow.bookings.live_of_user(guest.id, TODAY)] == [booking.id]
            assert [b.id for b in uow.bookings.live_of_user(host.id, TODAY)] == [booking.id]
            assert uow.bookings.live_of_user(stranger.id, TODAY) == []
            assert uow.bookings.live_of_user(guest.id, TODAY + timedelta(days=5)) == []
