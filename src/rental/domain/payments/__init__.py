"""Payments and payouts: money taken from guests, the books, and hosts paid."""
