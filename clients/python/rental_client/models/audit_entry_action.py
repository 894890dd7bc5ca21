from typing import Literal

AuditEntryAction = Literal['authorization', 'cancel_booking', 'capture', 'disable_user', 'enable_user', 'hide_review', 'hold_payout', 'payout', 'read_thread', 'recovery', 'refund', 'release_payout', 'relist_listing', 'unhide_review', 'unlist_listing', 'void']

AUDIT_ENTRY_ACTION_VALUES: set[AuditEntryAction] = { 'authorization', 'cancel_booking', 'capture', 'disable_user', 'enable_user', 'hide_review', 'hold_payout', 'payout', 'read_thread', 'recovery', 'refund', 'release_payout', 'relist_listing', 'unhide_review', 'unlist_listing', 'void',  }

def check_audit_entry_action(value: str) -> AuditEntryAction:
    if value in AUDIT_ENTRY_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AUDIT_ENTRY_ACTION_VALUES!r}")
