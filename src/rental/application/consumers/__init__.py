"""Event consumers: what happens after a command has committed (emails, their texts)."""
