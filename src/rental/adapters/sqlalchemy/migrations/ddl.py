"""The DDL the migrations share, frozen: each name here means the same columns and table
options forever, whatever ``tables.py`` and ``types.py`` become, so that an old migration
builds today what it built when it was written. A migration that needs another type writes
its own, or a new name here; none of these changes."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import mysql, postgresql

# InnoDB tables in full Unicode, compared case-insensitively (as usernames and emails need).
MYSQL: dict[str, Any] = {
    "mysql_engine": "InnoDB",
    "mysql_charset": "utf8mb4",
    "mysql_collate": "utf8mb4_unicode_ci",
}
TABLE_OPTIONS = MYSQL  # the first migrations' name for them
ID = 36  # a UUID in text
MONEY = sa.BigInteger()  # minor units
# rental.adapters.sqlalchemy.types.UtcDateTime: microseconds on MariaDB, a zone on PostgreSQL.
UTC_DATETIME = sa.DateTime(timezone=True).with_variant(mysql.DATETIME(fsp=6), "mysql")
# rental.adapters.sqlalchemy.types.json_type.
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
