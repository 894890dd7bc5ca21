from typing import Literal

PhotoStatus = Literal['failed', 'processing', 'ready']

PHOTO_STATUS_VALUES: set[PhotoStatus] = { 'failed', 'processing', 'ready',  }

def check_photo_status(value: str) -> PhotoStatus:
    if value in PHOTO_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PHOTO_STATUS_VALUES!r}")
