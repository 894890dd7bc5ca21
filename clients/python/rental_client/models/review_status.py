from typing import Literal

ReviewStatus = Literal['pending', 'published']

REVIEW_STATUS_VALUES: set[ReviewStatus] = { 'pending', 'published',  }

def check_review_status(value: str) -> ReviewStatus:
    if value in REVIEW_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REVIEW_STATUS_VALUES!r}")
