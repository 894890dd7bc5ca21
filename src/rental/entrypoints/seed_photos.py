"""Photos for the demo listings, drawn with Pillow on the spot (nothing is downloaded): a sky,
a sea or a lawn, a house with a roof and windows, in the listing's own colours."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

SKIES = ((135, 190, 235), (250, 190, 120), (180, 200, 230), (90, 120, 180))
GROUNDS = ((70, 140, 80), (40, 110, 170), (200, 180, 130), (120, 120, 110))
WALLS = ((240, 235, 220), (220, 120, 90), (250, 215, 140), (200, 210, 215), (170, 90, 80))
WIDTH, HEIGHT = 960, 640


def demo_photo(rng: random.Random) -> bytes:
    """One JPEG, 960 x 640: a house under a sky, different for every draw of ``rng``."""
    image = Image.new("RGB", (WIDTH, HEIGHT), rng.choice(SKIES))
    draw = ImageDraw.Draw(image)
    horizon = rng.randint(420, 540)
    draw.rectangle((0, horizon, WIDTH, HEIGHT), fill=rng.choice(GROUNDS))
    sun = rng.randint(80, WIDTH - 80)
    draw.ellipse((sun - 45, 60, sun + 45, 150), fill=(255, 230, 120))
    left = rng.randint(80, 420)
    width, height = rng.randint(280, 420), rng.randint(170, 240)
    top = horizon - height
    draw.rectangle((left, top, left + width, horizon), fill=rng.choice(WALLS))
    roof = (
        (left - 30, top),
        (left + width // 2, top - rng.randint(90, 150)),
        (left + width + 30, top),
    )
    draw.polygon(roof, fill=(150, 60, 50))
    for column in range(3):
        x = left + 30 + column * (width - 60) // 3
        draw.rectangle((x, top + 40, x + 50, top + 100), fill=(60, 90, 130))
    door = left + width // 2 - 25
    draw.rectangle((door, horizon - 110, door + 50, horizon), fill=(90, 60, 40))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()
