"""Messaging: guests and hosts writing to each other, by thread (commands, handlers, reads)."""
