from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.data_export_status import check_data_export_status
from ..models.data_export_status import DataExportStatus
from typing import cast
import datetime






T = TypeVar("T", bound="DataExport")



@_attrs_define
class DataExport:
    """ 
        Attributes:
            id (str):
            status (DataExportStatus):
            requested_at (datetime.datetime):
            download_url (None | str): An unguessable link to the JSON document, valid until `expires_at`; null unless
                `ready`.
            expires_at (datetime.datetime | None):
            failure_reason (None | str):
     """

    id: str
    status: DataExportStatus
    requested_at: datetime.datetime
    download_url: None | str
    expires_at: datetime.datetime | None
    failure_reason: None | str





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        requested_at = self.requested_at.isoformat()

        download_url: None | str
        download_url = self.download_url

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        failure_reason: None | str
        failure_reason = self.failure_reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "status": status,
            "requested_at": requested_at,
            "download_url": download_url,
            "expires_at": expires_at,
            "failure_reason": failure_reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_data_export_status(d.pop("status"))




        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))




        def _parse_download_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        download_url = _parse_download_url(d.pop("download_url"))


        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))


        def _parse_failure_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason"))


        data_export = cls(
            id=id,
            status=status,
            requested_at=requested_at,
            download_url=download_url,
            expires_at=expires_at,
            failure_reason=failure_reason,
        )

        return data_export

