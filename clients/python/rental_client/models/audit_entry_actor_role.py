from typing import Literal

AuditEntryActorRole = Literal['admin', 'guest', 'host', 'job', 'operator', 'system', 'webhook']

AUDIT_ENTRY_ACTOR_ROLE_VALUES: set[AuditEntryActorRole] = { 'admin', 'guest', 'host', 'job', 'operator', 'system', 'webhook',  }

def check_audit_entry_actor_role(value: str) -> AuditEntryActorRole:
    if value in AUDIT_ENTRY_ACTOR_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AUDIT_ENTRY_ACTOR_ROLE_VALUES!r}")
