"""The messaging rules of ``tests/unit/test_messaging.py`` that storage decides, on SQLite,
PostgreSQL and MariaDB: threads found again, paging and cursors, the inbox's order, bookings
that reveal contact details, blocks, read positions, email due times, long-poll sequences.
(Body checks and the rate are the domain's and the counter's; memory covers them.)"""

from __future__ import annotations

import pytest

from tests.unit.builders import World
from tests.unit.test_messaging import (  # noqa: F401 - the same tests, collected here again
    test_a_blocked_user_cannot_write_to_the_blocker_until_unblocked,
    test_a_body_is_trimmed_and_kept_as_text_lines_and_html_included,
    test_an_inquiry_opens_one_thread_per_guest_and_listing_and_counts_unread,
    test_contact_details_are_hidden_from_the_other_side_until_a_booking_is_confirmed,
    test_messages_are_newest_first_and_paged_by_a_cursor_of_their_own_thread,
    test_no_email_when_read_first_or_turned_off,
    test_one_email_per_thread_for_what_is_unread_at_its_due_time,
    test_strangers_do_not_see_a_thread_admins_read_it_but_do_not_write,
    test_the_inbox_is_most_recent_activity_first_and_paged,
    test_up_to_must_name_a_message_of_the_same_thread,
    test_updates_bring_the_new_messages_of_the_callers_threads_only,
)


@pytest.fixture
def world(database_url: str) -> World:
    return World(database_url=database_url)
