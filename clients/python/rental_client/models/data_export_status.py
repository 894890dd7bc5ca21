from typing import Literal

DataExportStatus = Literal['expired', 'failed', 'pending', 'ready']

DATA_EXPORT_STATUS_VALUES: set[DataExportStatus] = { 'expired', 'failed', 'pending', 'ready',  }

def check_data_export_status(value: str) -> DataExportStatus:
    if value in DATA_EXPORT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DATA_EXPORT_STATUS_VALUES!r}")
