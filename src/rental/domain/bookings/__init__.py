"""Bookings: a guest's hold on nights, its life cycle, its price and refunds."""
