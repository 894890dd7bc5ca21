from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.register_role import check_register_role
from ..models.register_role import RegisterRole
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Register")



@_attrs_define
class Register:
    """ 
        Attributes:
            username (str): Unique without regard to case. Example: hana.
            email (str): Unique, case-insensitive. Example: hana@example.com.
            password (str):  Example: correct horse battery.
            role (RegisterRole | Unset):  Default: 'guest'.
     """

    username: str
    email: str
    password: str
    role: RegisterRole | Unset = 'guest'





    def to_dict(self) -> dict[str, Any]:
        username = self.username

        email = self.email

        password = self.password

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "username": username,
            "email": email,
            "password": password,
        })
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        email = d.pop("email")

        password = d.pop("password")

        _role = d.pop("role", UNSET)
        role: RegisterRole | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = check_register_role(_role)




        register = cls(
            username=username,
            email=email,
            password=password,
            role=role,
        )

        return register

