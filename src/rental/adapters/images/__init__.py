"""Image decoding and encoding (Pillow)."""
