from typing import Literal

AdminListAuditAction = Literal['authorization', 'cancel_booking', 'capture', 'disable_user', 'enable_user', 'hide_review', 'hold_payout', 'payout', 'read_thread', 'recovery', 'refund', 'release_payout', 'relist_listing', 'unhide_review', 'unlist_listing', 'void']

ADMIN_LIST_AUDIT_ACTION_VALUES: set[AdminListAuditAction] = { 'authorization', 'cancel_booking', 'capture', 'disable_user', 'enable_user', 'hide_review', 'hold_payout', 'payout', 'read_thread', 'recovery', 'refund', 'release_payout', 'relist_listing', 'unhide_review', 'unlist_listing', 'void',  }

def check_admin_list_audit_action(value: str) -> AdminListAuditAction:
    if value in ADMIN_LIST_AUDIT_ACTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ADMIN_LIST_AUDIT_ACTION_VALUES!r}")
