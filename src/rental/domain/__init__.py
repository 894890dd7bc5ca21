"""The rental domain: pure Python with attrs, no I/O."""
