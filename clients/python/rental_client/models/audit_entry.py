from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.audit_entry_action import AuditEntryAction
from ..models.audit_entry_action import check_audit_entry_action
from ..models.audit_entry_actor_role import AuditEntryActorRole
from ..models.audit_entry_actor_role import check_audit_entry_actor_role
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.audit_entry_after_type_0 import AuditEntryAfterType0
  from ..models.audit_entry_before_type_0 import AuditEntryBeforeType0





T = TypeVar("T", bound="AuditEntry")



@_attrs_define
class AuditEntry:
    """ 
        Attributes:
            id (int):
            at (datetime.datetime):
            actor_id (None | str): The user's id; `cli:<login>` for an operator; null for a webhook, a job or the system.
            actor_role (AuditEntryActorRole):
            action (AuditEntryAction):
            target_type (str): `user`, `listing`, `review`, `booking`, `payment`, `payout`, `recovery` or `thread`.
            target_id (str):
            reason (None | str):
            before (AuditEntryBeforeType0 | None):
            after (AuditEntryAfterType0 | None):
            request_id (None | str): The `X-Request-ID` of the HTTP request that caused it.
     """

    id: int
    at: datetime.datetime
    actor_id: None | str
    actor_role: AuditEntryActorRole
    action: AuditEntryAction
    target_type: str
    target_id: str
    reason: None | str
    before: AuditEntryBeforeType0 | None
    after: AuditEntryAfterType0 | None
    request_id: None | str





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_entry_after_type_0 import AuditEntryAfterType0 # noqa: PLC0415
        from ..models.audit_entry_before_type_0 import AuditEntryBeforeType0 # noqa: PLC0415
        id = self.id

        at = self.at.isoformat()

        actor_id: None | str
        actor_id = self.actor_id

        actor_role: str = self.actor_role

        action: str = self.action

        target_type = self.target_type

        target_id = self.target_id

        reason: None | str
        reason = self.reason

        before: dict[str, Any] | None
        if isinstance(self.before, AuditEntryBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, AuditEntryAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        request_id: None | str
        request_id = self.request_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "at": at,
            "actor_id": actor_id,
            "actor_role": actor_role,
            "action": action,
            "target_type": target_type,
            "target_id": target_id,
            "reason": reason,
            "before": before,
            "after": after,
            "request_id": request_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_after_type_0 import AuditEntryAfterType0 # noqa: PLC0415
        from ..models.audit_entry_before_type_0 import AuditEntryBeforeType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_actor_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))


        actor_role = check_audit_entry_actor_role(d.pop("actor_role"))




        action = check_audit_entry_action(d.pop("action"))




        target_type = d.pop("target_type")

        target_id = d.pop("target_id")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_before(data: object) -> AuditEntryBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEntryBeforeType0.from_dict(data)



                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))


        def _parse_after(data: object) -> AuditEntryAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEntryAfterType0.from_dict(data)



                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryAfterType0 | None, data)

        after = _parse_after(d.pop("after"))


        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))


        audit_entry = cls(
            id=id,
            at=at,
            actor_id=actor_id,
            actor_role=actor_role,
            action=action,
            target_type=target_type,
            target_id=target_id,
            reason=reason,
            before=before,
            after=after,
            request_id=request_id,
        )

        return audit_entry

