from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.problem_checks import ProblemChecks
  from ..models.problem_errors import ProblemErrors





T = TypeVar("T", bound="Problem")



@_attrs_define
class Problem:
    """ 
        Attributes:
            type_ (str):  Example: about:blank.
            title (str):
            status (int):
            detail (str):
            errors (ProblemErrors | Unset): On 422: the messages of each field that failed.
            payment_id (None | str | Unset): On 402: the failed payment recorded.
            failure_reason (str | Unset): On 402: why it was declined.
            checks (ProblemChecks | Unset): On 503 from /readyz: each dependency and its state.
     """

    type_: str
    title: str
    status: int
    detail: str
    errors: ProblemErrors | Unset = UNSET
    payment_id: None | str | Unset = UNSET
    failure_reason: str | Unset = UNSET
    checks: ProblemChecks | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.problem_checks import ProblemChecks # noqa: PLC0415
        from ..models.problem_errors import ProblemErrors # noqa: PLC0415
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        payment_id: None | str | Unset
        if isinstance(self.payment_id, Unset):
            payment_id = UNSET
        else:
            payment_id = self.payment_id

        failure_reason = self.failure_reason

        checks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checks, Unset):
            checks = self.checks.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "type": type_,
            "title": title,
            "status": status,
            "detail": detail,
        })
        if errors is not UNSET:
            field_dict["errors"] = errors
        if payment_id is not UNSET:
            field_dict["payment_id"] = payment_id
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason
        if checks is not UNSET:
            field_dict["checks"] = checks

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_checks import ProblemChecks # noqa: PLC0415
        from ..models.problem_errors import ProblemErrors # noqa: PLC0415
        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        _errors = d.pop("errors", UNSET)
        errors: ProblemErrors | Unset
        if isinstance(_errors,  Unset):
            errors = UNSET
        else:
            errors = ProblemErrors.from_dict(_errors)




        def _parse_payment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_id = _parse_payment_id(d.pop("payment_id", UNSET))


        failure_reason = d.pop("failure_reason", UNSET)

        _checks = d.pop("checks", UNSET)
        checks: ProblemChecks | Unset
        if isinstance(_checks,  Unset):
            checks = UNSET
        else:
            checks = ProblemChecks.from_dict(_checks)




        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            errors=errors,
            payment_id=payment_id,
            failure_reason=failure_reason,
            checks=checks,
        )

        return problem

