from typing import Literal

CalendarImportStatus = Literal['conflict', 'failed', 'ok', 'pending']

CALENDAR_IMPORT_STATUS_VALUES: set[CalendarImportStatus] = { 'conflict', 'failed', 'ok', 'pending',  }

def check_calendar_import_status(value: str) -> CalendarImportStatus:
    if value in CALENDAR_IMPORT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALENDAR_IMPORT_STATUS_VALUES!r}")
