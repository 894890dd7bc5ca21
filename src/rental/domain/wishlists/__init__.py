"""Wishlists: a guest's named shortlists of listings, private unless shared by a link."""
