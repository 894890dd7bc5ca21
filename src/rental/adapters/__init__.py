"""Adapters: the ports of the application served by real (and in-memory) technology."""
