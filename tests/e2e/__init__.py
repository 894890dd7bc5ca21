"""End-to-end tests: the real server, driven over HTTP."""
