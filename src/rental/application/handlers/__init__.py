"""Command handlers, one module per aggregate: load, one domain call, commit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rental.application import commands as c
from rental.application.administration.handlers import HANDLERS as ADMIN_HANDLERS
from rental.application.dependencies import Dependencies
from rental.application.handlers import (
    accounts,
    bookings,
    channel_sync,
    deletion,
    disabling,
    exports,
    listings,
    payments,
    payouts,
    photos,
    provider_sync,
    rates,
    reviews,
    users,
)
from rental.application.messaging.handlers import HANDLERS as MESSAGING_HANDLERS
from rental.application.unit_of_work import UnitOfWork
from rental.application.wishlists.handlers import HANDLERS as WISHLIST_HANDLERS

Handler = Callable[[Any, UnitOfWork, Dependencies], Any]

COMMAND_HANDLERS: dict[type[c.Command], Handler] = {
    c.RegisterUser: users.register_user,
    c.CreateAdmin: users.create_admin,
    c.Authenticate: users.authenticate,
    c.UpdateProfile: users.update_profile,
    c.RevokeToken: users.revoke_token,
    c.DisableUser: disabling.disable_user,
    c.CancelStayOfDisabledHost: disabling.cancel_stay_of_disabled_host,
    c.ReleasePayouts: disabling.release_payouts,
    c.CreateListing: listings.create_listing,
    c.UpdateListing: listings.update_listing,
    c.DeleteListing: listings.delete_listing,
    c.BlockDates: listings.block_dates,
    c.UnblockDates: listings.unblock_dates,
    c.RequestBooking: bookings.request_booking,
    c.ConfirmBooking: bookings.confirm_booking,
    c.DeclineBooking: bookings.decline_booking,
    c.CancelBooking: bookings.cancel_booking,
    c.SettleBooking: bookings.settle_booking,
    c.PayForBooking: payments.pay_for_booking,
    c.SubmitReview: reviews.submit_review,
    c.SubmitGuestReview: reviews.submit_guest_review,
    c.RespondToReview: reviews.respond_to_review,
    c.ReportReview: reviews.report_review,
    c.PublishStayReviews: reviews.publish_stay_reviews,
    c.HandleProviderEvent: provider_sync.handle_provider_event,
    c.ReconcilePayment: provider_sync.reconcile_payment,
    c.PayHost: payouts.pay_host,
    # channel sync (iCal)
    c.OpenCalendarFeed: channel_sync.open_calendar_feed,
    c.RotateCalendarFeed: channel_sync.rotate_calendar_feed,
    c.ImportCalendar: channel_sync.import_calendar,
    c.DeleteCalendarImport: channel_sync.delete_calendar_import,
    c.ClaimCalendarSync: channel_sync.claim_calendar_sync,
    c.RequestCalendarSync: channel_sync.request_calendar_sync,
    c.ApplyCalendarFeed: channel_sync.apply_calendar_feed,
    c.RecordCalendarFeedUnchanged: channel_sync.record_calendar_feed_unchanged,
    c.RecordCalendarFeedFailure: channel_sync.record_calendar_feed_failure,
    # accounts: credentials, verification, sessions (issue 21)
    c.StartSession: accounts.start_session,
    c.RotateRefreshToken: accounts.rotate_refresh_token,
    c.EndSession: accounts.end_session,
    c.EndEverySession: accounts.end_every_session,
    c.ChangePassword: accounts.change_password,
    c.RequestPasswordReset: accounts.request_password_reset,
    c.IssuePasswordReset: accounts.issue_password_reset,
    c.ResetPassword: accounts.reset_password,
    c.IssueEmailToken: accounts.issue_email_token,
    c.VerifyEmail: accounts.verify_email,
    c.ResendVerification: accounts.resend_verification,
    c.RequestEmailChange: accounts.request_email_change,
    c.DeleteAccount: deletion.delete_account,
    c.ForgetDeletedAccount: deletion.forget_deleted_account,
    # prices and rules by date
    c.UpdateCalendar: rates.update_calendar,
    **photos.HANDLERS,
    **exports.HANDLERS,
}
COMMAND_HANDLERS.update(MESSAGING_HANDLERS)
COMMAND_HANDLERS.update(ADMIN_HANDLERS)
COMMAND_HANDLERS.update(WISHLIST_HANDLERS)
