from typing import Literal

TimelineItemSource = Literal['audit', 'event', 'ledger']

TIMELINE_ITEM_SOURCE_VALUES: set[TimelineItemSource] = { 'audit', 'event', 'ledger',  }

def check_timeline_item_source(value: str) -> TimelineItemSource:
    if value in TIMELINE_ITEM_SOURCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TIMELINE_ITEM_SOURCE_VALUES!r}")
