"""Accounts: guests, hosts and admins."""
