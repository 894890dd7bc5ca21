"""Administration: what staff do to accounts, listings, reviews and bookings, and the audit
log that records it with every movement of money."""
