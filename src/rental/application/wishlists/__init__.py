"""Wishlists: a user's shortlists of listings (commands, handlers, ports, reads)."""
