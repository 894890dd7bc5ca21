from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.photo_status import check_photo_status
from ..models.photo_status import PhotoStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.photo_urls import PhotoUrls
  from ..models.photo_urls_type_0_type_0 import PhotoUrlsType0Type0





T = TypeVar("T", bound="Photo")



@_attrs_define
class Photo:
    """ 
        Attributes:
            id (str):
            status (PhotoStatus):
            caption (str):
            position (int): 0 for the cover.
            width (int): Upright, in pixels.
            height (int): Upright, in pixels.
            urls (None | PhotoUrls | PhotoUrlsType0Type0):
            failure_reason (None | str):
     """

    id: str
    status: PhotoStatus
    caption: str
    position: int
    width: int
    height: int
    urls: None | PhotoUrls | PhotoUrlsType0Type0
    failure_reason: None | str





    def to_dict(self) -> dict[str, Any]:
        from ..models.photo_urls import PhotoUrls # noqa: PLC0415
        from ..models.photo_urls_type_0_type_0 import PhotoUrlsType0Type0 # noqa: PLC0415
        id = self.id

        status: str = self.status

        caption = self.caption

        position = self.position

        width = self.width

        height = self.height

        urls: dict[str, Any] | None
        if isinstance(self.urls, PhotoUrlsType0Type0):
            urls = self.urls.to_dict()
        elif isinstance(self.urls, PhotoUrls):
            urls = self.urls.to_dict()
        else:
            urls = self.urls

        failure_reason: None | str
        failure_reason = self.failure_reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "status": status,
            "caption": caption,
            "position": position,
            "width": width,
            "height": height,
            "urls": urls,
            "failure_reason": failure_reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.photo_urls import PhotoUrls # noqa: PLC0415
        from ..models.photo_urls_type_0_type_0 import PhotoUrlsType0Type0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        status = check_photo_status(d.pop("status"))




        caption = d.pop("caption")

        position = d.pop("position")

        width = d.pop("width")

        height = d.pop("height")

        def _parse_urls(data: object) -> None | PhotoUrls | PhotoUrlsType0Type0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                urls_type_0_type_0 = PhotoUrlsType0Type0.from_dict(data)



                return urls_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                urls_type_1 = PhotoUrls.from_dict(data)



                return urls_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PhotoUrls | PhotoUrlsType0Type0, data)

        urls = _parse_urls(d.pop("urls"))


        def _parse_failure_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason"))


        photo = cls(
            id=id,
            status=status,
            caption=caption,
            position=position,
            width=width,
            height=height,
            urls=urls,
            failure_reason=failure_reason,
        )

        return photo

