from typing import Literal

CancellationPolicy = Literal['flexible', 'moderate', 'strict']

CANCELLATION_POLICY_VALUES: set[CancellationPolicy] = { 'flexible', 'moderate', 'strict',  }

def check_cancellation_policy(value: str) -> CancellationPolicy:
    if value in CANCELLATION_POLICY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CANCELLATION_POLICY_VALUES!r}")
