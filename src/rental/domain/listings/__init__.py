"""Listings and their media: a host's home, where it is, what it offers."""
