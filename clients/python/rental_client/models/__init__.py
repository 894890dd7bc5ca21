""" Contains all the data models used in inputs/outputs """

from .access_token import AccessToken
from .availability import Availability
from .block import Block
from .block_input import BlockInput
from .booking import Booking
from .booking_page import BookingPage
from .booking_request import BookingRequest
from .booking_status import BookingStatus
from .calendar_feed import CalendarFeed
from .calendar_import import CalendarImport
from .calendar_import_input import CalendarImportInput
from .calendar_import_page import CalendarImportPage
from .calendar_import_status import CalendarImportStatus
from .cancellation_policy import CancellationPolicy
from .cancelled_by import CancelledBy
from .country import Country
from .currency import Currency
from .health import Health
from .health_checks import HealthChecks
from .house_rules import HouseRules
from .house_rules_input import HouseRulesInput
from .import_conflict import ImportConflict
from .inquiry_request import InquiryRequest
from .list_bookings_role import ListBookingsRole
from .list_listings_sort import ListListingsSort
from .listing import Listing
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
from .pagination_metadata import PaginationMetadata
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
from .price import Price
from .problem import Problem
from .problem_checks import ProblemChecks
from .problem_errors import ProblemErrors
from .profile_update import ProfileUpdate
from .read_request import ReadRequest
from .register import Register
from .register_role import RegisterRole
from .review import Review
from .review_page import ReviewPage
from .review_request import ReviewRequest
from .stripe_webhook_body import StripeWebhookBody
from .thread import Thread
from .thread_last_message_type_0_type_0 import ThreadLastMessageType0Type0
from .thread_page import ThreadPage
from .tokens import Tokens
from .unavailable import Unavailable
from .unavailable_reason import UnavailableReason
from .updates import Updates
from .user import User
from .user_role import UserRole
from .webhook_ack import WebhookAck

__all__ = (
    "AccessToken",
    "Availability",
    "Block",
    "BlockInput",
    "Booking",
    "BookingPage",
    "BookingRequest",
    "BookingStatus",
    "CalendarFeed",
    "CalendarImport",
    "CalendarImportInput",
    "CalendarImportPage",
    "CalendarImportStatus",
    "CancellationPolicy",
    "CancelledBy",
    "Country",
    "Currency",
    "Health",
    "HealthChecks",
    "HouseRules",
    "HouseRulesInput",
    "ImportConflict",
    "InquiryRequest",
    "ListBookingsRole",
    "Listing",
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
    "PaginationMetadata",
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
    "Price",
    "Problem",
    "ProblemChecks",
    "ProblemErrors",
    "ProfileUpdate",
    "ReadRequest",
    "Register",
    "RegisterRole",
    "Review",
    "ReviewPage",
    "ReviewRequest",
    "StripeWebhookBody",
    "Thread",
    "ThreadLastMessageType0Type0",
    "ThreadPage",
    "Tokens",
    "Unavailable",
    "UnavailableReason",
    "Updates",
    "User",
    "UserRole",
    "WebhookAck",
)
