"""Messages between guests and hosts: who may write and read, what is hidden, what is unread."""

from __future__ import annotations

import pytest

from rental.application import commands as c
from rental.application.messaging import commands as m
from rental.application.messaging.reads import MessagingReads, encode_cursor
from rental.domain.errors import (
    InquiryToOwnListing,
    InvalidInput,
    ListingNotFound,
    PermissionDenied,
    SenderBlocked,
    ThreadNotFound,
    TooManyMessages,
)
from rental.domain.messaging.thread import MessagePosted, Thread, UnreadMessagesToEmail
from tests.matchers import exact
from tests.unit.builders import World, confirmed_stay


@pytest.fixture
def world() -> World:
    """A ``rental`` in memory; the SQL suite runs these tests again on each database."""
    return World()


def reads(world: World) -> MessagingReads:
    assert world.app.messaging is not None
    return world.app.messaging


def inquire(world: World, guest: c.Actor, listing_id: str, body: str = "Hello!") -> Thread:
    thread: Thread = world.handle(m.SendInquiry(actor=guest, listing_id=listing_id, body=body))
    return thread


def send(world: World, actor: c.Actor, thread_id: str, body: str) -> str:
    return str(world.handle(m.SendMessage(actor=actor, thread_id=thread_id, body=body)).id)


def test_an_inquiry_opens_one_thread_per_guest_and_listing_and_counts_unread(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host)
    first = inquire(world, guest, listing.id, "Is it free at Christmas?")
    again = inquire(world, guest, listing.id, "And for New Year?")
    assert again.id == first.id
    view = reads(world).thread(host, first.id)
    assert (view.guest_id, view.host_id, view.listing_id) == (
        guest.user_id,
        host.user_id,
        listing.id,
    )
    assert view.unread_count == 2
    assert reads(world).thread(guest, first.id).unread_count == 0
    assert view.last_message is not None and view.last_message.body == "And for New Year?"
    reply = send(world, host, first.id, "Yes, both.")
    assert reads(world).thread(host, first.id).unread_count == 0  # writing reads what came before
    assert reads(world).thread(guest, first.id).unread_count == 1
    world.handle(m.MarkThreadRead(actor=guest, thread_id=first.id, up_to=reply))
    assert reads(world).thread(guest, first.id).unread_count == 0
    assert [e.sender_id for e in world.events_of(MessagePosted)] == [
        guest.user_id, guest.user_id, host.user_id,
    ]  # fmt: skip


def test_messages_are_newest_first_and_paged_by_a_cursor_of_their_own_thread(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    thread = inquire(world, guest, world.listing(host).id, "1")
    for n in range(2, 6):
        send(world, guest, thread.id, str(n))
    page = reads(world).messages(host, thread.id, None, limit=2)
    assert [v.body for v in page.items] == ["5", "4"]
    assert page.next_cursor is not None
    rest = reads(world).messages(host, thread.id, page.next_cursor, limit=10)
    assert ([v.body for v in rest.items], rest.next_cursor) == (["3", "2", "1"], None)
    other = inquire(world, world.user("guest"), world.listing(host).id)
    for forged in (page.next_cursor, "not-a-cursor", encode_cursor("thread:" + other.id, "x")):
        with pytest.raises(InvalidInput, match=exact("before: is not a cursor of this list.")):
            reads(world).messages(host, other.id, forged)


def test_the_inbox_is_most_recent_activity_first_and_paged(world: World) -> None:
    host = world.user("host")
    listing = world.listing(host)
    guests = [world.user("guest") for _ in range(3)]
    threads = []
    for guest in guests:
        threads.append(inquire(world, guest, listing.id))
        world.clock.advance(minutes=1)
    send(world, guests[0], threads[0].id, "still there?")
    page = reads(world).threads(host, None, limit=2)
    assert [v.id for v in page.items] == [threads[0].id, threads[2].id]
    assert page.next_cursor is not None
    rest = reads(world).threads(host, page.next_cursor, limit=2)
    assert ([v.id for v in rest.items], rest.next_cursor) == ([threads[1].id], None)
    with pytest.raises(InvalidInput, match=exact("before: is not a cursor of this list.")):
        reads(world).threads(guests[0], page.next_cursor)  # the host's cursor
    assert [v.id for v in reads(world).threads(guests[1], None).items] == [threads[1].id]


def test_strangers_do_not_see_a_thread_admins_read_it_but_do_not_write(world: World) -> None:
    host, guest, stranger, admin = (world.user(r) for r in ("host", "guest", "guest", "admin"))
    thread = inquire(world, guest, world.listing(host).id, "call me on +44 20 7946 0958")
    with pytest.raises(ThreadNotFound, match=exact(f"No thread {thread.id}.")):
        reads(world).thread(stranger, thread.id)
    with pytest.raises(ThreadNotFound):
        reads(world).messages(stranger, thread.id, None)
    with pytest.raises(ThreadNotFound):
        send(world, stranger, thread.id, "hi")
    with pytest.raises(ThreadNotFound):
        world.handle(m.MarkThreadRead(actor=stranger, thread_id=thread.id, up_to="x"))
    with pytest.raises(ThreadNotFound):  # an admin reads only for a dispute, audited
        reads(world).messages(admin, thread.id, None)
    seen = reads(world).messages(admin, thread.id, None, dispute=True).items[0]
    assert (seen.body, seen.redacted) == ("call me on +44 20 7946 0958", False)
    with pytest.raises(
        PermissionDenied, match=exact("Admins may read a thread but not write in it.")
    ):
        send(world, admin, thread.id, "hi")


def test_a_host_cannot_inquire_about_their_own_listing_nor_anyone_about_a_missing_one(
    world: World,
) -> None:
    host = world.user("host")
    listing = world.listing(host)
    with pytest.raises(InquiryToOwnListing) as raised:
        inquire(world, host, listing.id)
    assert raised.value.errors == {
        "listing_id": ["is your own listing; you cannot write an inquiry to it."]
    }
    with pytest.raises(ListingNotFound):
        inquire(world, world.user("guest"), "no-such-listing")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "body: must not be empty."),
        ("   \n\t ", "body: must not be empty."),
        ("x" * 5001, "body: must be at most 5000 characters."),
        ("bell\x07", "body: must not contain control characters."),
        ("nul\x00", "body: must not contain control characters."),
        ("abc\u202etxt.exe", "body: must not contain bidirectional override characters."),
        ("isolate \u2066x\u2069", "body: must not contain bidirectional override characters."),
    ],
)
def test_bodies_are_1_to_5000_characters_without_control_or_bidi_override(
    world: World, body: str, message: str
) -> None:
    host, guest = world.user("host"), world.user("guest")
    with pytest.raises(InvalidInput, match=exact(message)):
        inquire(world, guest, world.listing(host).id, body)


def test_a_body_is_trimmed_and_kept_as_text_lines_and_html_included(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    body = "  <b>Hi</b>\n<script>alert(1)</script>\t" + "x" * 4950 + "  "
    thread = inquire(world, guest, world.listing(host).id, body)
    assert reads(world).messages(host, thread.id, None).items[0].body == body.strip()


def test_contact_details_are_hidden_from_the_other_side_until_a_booking_is_confirmed(
    world: World,
) -> None:
    host, guest, booking = confirmed_stay(world)
    thread = inquire(world, guest, booking.listing_id, "mail me: ann@example.com")
    seen = reads(world).messages(host, thread.id, None).items[0]
    assert (seen.body, seen.redacted) == ("mail me: ann@example.com", False)  # booked already
    other_host = world.user("host")
    listing = world.listing(other_host, instant_book=False)
    fresh = inquire(world, guest, listing.id, "mail me: ann@example.com or +33 6 12 34 56 78")
    shown = reads(world).messages(other_host, fresh.id, None).items[0]
    assert (shown.body, shown.redacted) == ("mail me: [hidden] or [hidden]", True)
    assert reads(world).thread(other_host, fresh.id).last_message == shown
    mine = reads(world).messages(guest, fresh.id, None).items[0]
    assert (mine.body, mine.redacted) == ("mail me: ann@example.com or +33 6 12 34 56 78", False)
    request = world.book(guest, listing)
    assert reads(world).thread(other_host, fresh.id).booking_ids == (request.id,)
    world.pay(guest, request)  # a paid request, not confirmed yet: still hidden
    assert reads(world).messages(other_host, fresh.id, None).items[0].redacted
    world.handle(c.ConfirmBooking(actor=other_host, booking_id=request.id))
    shown = reads(world).messages(other_host, fresh.id, None).items[0]
    assert (shown.body, shown.redacted) == ("mail me: ann@example.com or +33 6 12 34 56 78", False)


def test_a_blocked_user_cannot_write_to_the_blocker_until_unblocked(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    thread = inquire(world, guest, world.listing(host).id)
    world.handle(m.BlockUser(actor=host, user_id=guest.user_id))
    world.handle(m.BlockUser(actor=host, user_id=guest.user_id))  # twice is once
    with pytest.raises(
        SenderBlocked, match=exact("This user has blocked you; you cannot write to them.")
    ):
        send(world, guest, thread.id, "hello?")
    with pytest.raises(SenderBlocked):
        inquire(world, guest, thread.listing_id)
    send(world, host, thread.id, "the blocker still may")
    world.handle(m.UnblockUser(actor=host, user_id=guest.user_id))
    send(world, guest, thread.id, "thanks")
    with pytest.raises(InvalidInput):
        world.handle(m.BlockUser(actor=host, user_id=host.user_id))


def test_up_to_must_name_a_message_of_the_same_thread(world: World) -> None:
    host = world.user("host")
    listing = world.listing(host)
    one = inquire(world, world.user("guest"), listing.id)
    two = inquire(world, world.user("guest"), listing.id)
    elsewhere = reads(world).messages(host, two.id, None).items[0].id
    for up_to in (elsewhere, "no-such-message"):
        with pytest.raises(InvalidInput, match=exact("up_to: names no message of this thread.")):
            world.handle(m.MarkThreadRead(actor=host, thread_id=one.id, up_to=up_to))


def test_the_31st_message_in_a_minute_is_refused_and_the_next_minute_is_open(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    world.clock.advance(seconds=60 - world.clock.now().second)  # the start of a minute
    thread = inquire(world, guest, world.listing(host).id)
    for n in range(29):
        send(world, guest, thread.id, f"message {n}")
    world.clock.advance(seconds=20)
    with pytest.raises(
        TooManyMessages, match=exact("At most 30 messages a minute; try again in 40 seconds.")
    ) as raised:
        send(world, guest, thread.id, "one too many")
    assert raised.value.retry_after == 40
    send(world, host, thread.id, "the host has a count of their own")
    world.clock.advance(seconds=40)
    send(world, guest, thread.id, "a new minute")


def test_one_email_per_thread_for_what_is_unread_at_its_due_time(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    thread = inquire(world, guest, world.listing(host).id, "1")
    for n in range(2, 21):
        world.clock.advance(seconds=3)
        send(world, guest, thread.id, str(n))
    assert not world.handle(m.NotifyOfMessages(thread_id=thread.id, recipient_id=host.user_id))
    world.clock.advance(minutes=1)
    assert world.handle(m.NotifyOfMessages(thread_id=thread.id, recipient_id=host.user_id))
    [email] = world.events_of(UnreadMessagesToEmail)
    assert (email.recipient_id, email.first_position, email.last_position) == (host.user_id, 1, 20)
    assert not world.handle(m.NotifyOfMessages(thread_id=thread.id, recipient_id=host.user_id))
    # the next message waits for the end of the 15 minutes
    send(world, guest, thread.id, "21")
    world.clock.advance(minutes=10)
    assert not world.handle(m.NotifyOfMessages(thread_id=thread.id, recipient_id=host.user_id))
    world.clock.advance(minutes=5)
    assert world.handle(m.NotifyOfMessages(thread_id=thread.id, recipient_id=host.user_id))
    latest = world.events_of(UnreadMessagesToEmail)[-1]  # still unread: all 21
    assert (latest.first_position, latest.last_position) == (1, 21)


def test_no_email_when_read_first_or_turned_off(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    thread = inquire(world, guest, world.listing(host).id)
    last = reads(world).messages(host, thread.id, None).items[0].id
    world.handle(m.MarkThreadRead(actor=host, thread_id=thread.id, up_to=last))
    world.clock.advance(minutes=2)
    assert not world.handle(m.NotifyOfMessages(thread_id=thread.id, recipient_id=host.user_id))
    world.handle(m.SetMessageEmails(actor=host, enabled=False))
    send(world, guest, thread.id, "again")
    world.clock.advance(minutes=20)
    assert not world.handle(m.NotifyOfMessages(thread_id=thread.id, recipient_id=host.user_id))
    assert world.events_of(UnreadMessagesToEmail) == []


def test_updates_bring_the_new_messages_of_the_callers_threads_only(world: World) -> None:
    host, guest, other = world.user("host"), world.user("guest"), world.user("guest")
    listing = world.listing(host)
    cursor = reads(world).updates_cursor()
    thread = inquire(world, guest, listing.id, "mine: +44 20 7946 0958")
    inquire(world, other, listing.id, "not for the guest")
    news = reads(world).updates(guest, cursor)
    assert [v.thread_id for v in news.messages] == [thread.id]
    host_news = reads(world).updates(host, cursor)
    assert [v.body for v in host_news.messages] == ["mine: [hidden]", "not for the guest"]
    assert reads(world).updates(guest, news.cursor).messages == []
    with pytest.raises(InvalidInput, match=exact("since: is not a cursor of this list.")):
        reads(world).updates(guest, "garbage")
