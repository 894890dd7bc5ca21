"""Messaging: a guest and a host writing to each other about a listing (threads, redaction)."""
