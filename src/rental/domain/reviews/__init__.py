"""Reviews of completed stays."""
