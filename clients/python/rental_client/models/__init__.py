""" Contains all the data models used in inputs/outputs """

from .accepted import Accepted
from .account import Account
from .account_deletion import AccountDeletion
from .account_page import AccountPage
from .admin_list_audit_action import AdminListAuditAction
from .audit_entry import AuditEntry
from .audit_entry_action import AuditEntryAction
from .audit_entry_actor_role import AuditEntryActorRole
from .audit_entry_after_type_0 import AuditEntryAfterType0
from .audit_entry_before_type_0 import AuditEntryBeforeType0
from .audit_page import AuditPage
from .availability import Availability
from .block import Block
from .block_input import BlockInput
from .booking import Booking
from .booking_page import BookingPage
from .booking_request import BookingRequest
from .booking_status import BookingStatus
from .calendar import Calendar
from .calendar_change import CalendarChange
from .calendar_day import CalendarDay
from .calendar_feed import CalendarFeed
from .calendar_import import CalendarImport
from .calendar_import_input import CalendarImportInput
from .calendar_import_page import CalendarImportPage
from .calendar_import_status import CalendarImportStatus
from .cancel_request import CancelRequest
from .cancellation_policy import CancellationPolicy
from .cancelled_by import CancelledBy
from .caption import Caption
from .country import Country
from .currency import Currency
from .data_export import DataExport
from .data_export_status import DataExportStatus
from .email_change import EmailChange
from .guest_review_request import GuestReviewRequest
from .health import Health
from .health_checks import HealthChecks
from .house_rules import HouseRules
from .house_rules_input import HouseRulesInput
from .import_conflict import ImportConflict
from .inquiry_request import InquiryRequest
from .list_bookings_role import ListBookingsRole
from .list_listings_sort import ListListingsSort
from .listing import Listing
from .listing_cover_photo_type_1_type_0 import ListingCoverPhotoType1Type0
from .listing_create import ListingCreate
from .listing_create_property_type import ListingCreatePropertyType
from .listing_page import ListingPage
from .listing_property_type import ListingPropertyType
from .listing_update import ListingUpdate
from .listing_update_property_type import ListingUpdatePropertyType
from .login import Login
from .message import Message
from .message_page import MessagePage
from .message_request import MessageRequest
from .nightly_price import NightlyPrice
from .pagination_metadata import PaginationMetadata
from .password_change import PasswordChange
from .password_reset import PasswordReset
from .password_reset_confirm import PasswordResetConfirm
from .payment import Payment
from .payment_page import PaymentPage
from .payment_payment_method import PaymentPaymentMethod
from .payment_request import PaymentRequest
from .payment_request_payment_method import PaymentRequestPaymentMethod
from .payment_status import PaymentStatus
from .payout import Payout
from .payout_page import PayoutPage
from .payout_status import PayoutStatus
from .payout_summary import PayoutSummary
from .payout_totals import PayoutTotals
from .photo import Photo
from .photo_list import PhotoList
from .photo_order import PhotoOrder
from .photo_status import PhotoStatus
from .photo_urls import PhotoUrls
from .photo_urls_type_0_type_0 import PhotoUrlsType0Type0
from .price import Price
from .problem import Problem
from .problem_checks import ProblemChecks
from .problem_errors import ProblemErrors
from .profile_update import ProfileUpdate
from .quote import Quote
from .quote_reason import QuoteReason
from .rate_range import RateRange
from .read_request import ReadRequest
from .reason import Reason
from .register import Register
from .register_role import RegisterRole
from .released import Released
from .report_request import ReportRequest
from .response_request import ResponseRequest
from .review import Review
from .review_page import ReviewPage
from .review_request import ReviewRequest
from .review_response import ReviewResponse
from .review_response_type_0_type_0 import ReviewResponseType0Type0
from .review_status import ReviewStatus
from .saved_listing import SavedListing
from .session import Session
from .share import Share
from .stripe_webhook_body import StripeWebhookBody
from .sub_rating_averages import SubRatingAverages
from .tax import Tax
from .tax_applies_to_type_1 import TaxAppliesToType1
from .tax_applies_to_type_2_type_1 import TaxAppliesToType2Type1
from .tax_applies_to_type_3_type_1 import TaxAppliesToType3Type1
from .tax_kind import TaxKind
from .tax_line import TaxLine
from .thread import Thread
from .thread_last_message_type_0_type_0 import ThreadLastMessageType0Type0
from .thread_page import ThreadPage
from .timeline import Timeline
from .timeline_item import TimelineItem
from .timeline_item_data import TimelineItemData
from .timeline_item_source import TimelineItemSource
from .tokens import Tokens
from .unavailable import Unavailable
from .unavailable_reason import UnavailableReason
from .updates import Updates
from .upload_photo_files_body import UploadPhotoFilesBody
from .user import User
from .user_role import UserRole
from .verify_email import VerifyEmail
from .webhook_ack import WebhookAck
from .wishlist import Wishlist
from .wishlist_input import WishlistInput
from .wishlist_page import WishlistPage
from .wishlist_with_listings import WishlistWithListings

__all__ = (
    "Accepted",
    "Account",
    "AccountDeletion",
    "AccountPage",
    "AdminListAuditAction",
    "AuditEntry",
    "AuditEntryAction",
    "AuditEntryActorRole",
    "AuditEntryAfterType0",
    "AuditEntryBeforeType0",
    "AuditPage",
    "Availability",
    "Block",
    "BlockInput",
    "Booking",
    "BookingPage",
    "BookingRequest",
    "BookingStatus",
    "Calendar",
    "CalendarChange",
    "CalendarDay",
    "CalendarFeed",
    "CalendarImport",
    "CalendarImportInput",
    "CalendarImportPage",
    "CalendarImportStatus",
    "CancellationPolicy",
    "CancelledBy",
    "CancelRequest",
    "Caption",
    "Country",
    "Currency",
    "DataExport",
    "DataExportStatus",
    "EmailChange",
    "GuestReviewRequest",
    "Health",
    "HealthChecks",
    "HouseRules",
    "HouseRulesInput",
    "ImportConflict",
    "InquiryRequest",
    "ListBookingsRole",
    "Listing",
    "ListingCoverPhotoType1Type0",
    "ListingCreate",
    "ListingCreatePropertyType",
    "ListingPage",
    "ListingPropertyType",
    "ListingUpdate",
    "ListingUpdatePropertyType",
    "ListListingsSort",
    "Login",
    "Message",
    "MessagePage",
    "MessageRequest",
    "NightlyPrice",
    "PaginationMetadata",
    "PasswordChange",
    "PasswordReset",
    "PasswordResetConfirm",
    "Payment",
    "PaymentPage",
    "PaymentPaymentMethod",
    "PaymentRequest",
    "PaymentRequestPaymentMethod",
    "PaymentStatus",
    "Payout",
    "PayoutPage",
    "PayoutStatus",
    "PayoutSummary",
    "PayoutTotals",
    "Photo",
    "PhotoList",
    "PhotoOrder",
    "PhotoStatus",
    "PhotoUrls",
    "PhotoUrlsType0Type0",
    "Price",
    "Problem",
    "ProblemChecks",
    "ProblemErrors",
    "ProfileUpdate",
    "Quote",
    "QuoteReason",
    "RateRange",
    "ReadRequest",
    "Reason",
    "Register",
    "RegisterRole",
    "Released",
    "ReportRequest",
    "ResponseRequest",
    "Review",
    "ReviewPage",
    "ReviewRequest",
    "ReviewResponse",
    "ReviewResponseType0Type0",
    "ReviewStatus",
    "SavedListing",
    "Session",
    "Share",
    "StripeWebhookBody",
    "SubRatingAverages",
    "Tax",
    "TaxAppliesToType1",
    "TaxAppliesToType2Type1",
    "TaxAppliesToType3Type1",
    "TaxKind",
    "TaxLine",
    "Thread",
    "ThreadLastMessageType0Type0",
    "ThreadPage",
    "Timeline",
    "TimelineItem",
    "TimelineItemData",
    "TimelineItemSource",
    "Tokens",
    "Unavailable",
    "UnavailableReason",
    "Updates",
    "UploadPhotoFilesBody",
    "User",
    "UserRole",
    "VerifyEmail",
    "WebhookAck",
    "Wishlist",
    "WishlistInput",
    "WishlistPage",
    "WishlistWithListings",
)
