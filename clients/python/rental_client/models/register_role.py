from typing import Literal

RegisterRole = Literal['guest', 'host']

REGISTER_ROLE_VALUES: set[RegisterRole] = { 'guest', 'host',  }

def check_register_role(value: str) -> RegisterRole:
    if value in REGISTER_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REGISTER_ROLE_VALUES!r}")
