"""The SQLAlchemy adapter: repositories, unit of work and read side on a real database.

PostgreSQL (psycopg 3) in production, SQLite embedded, MariaDB/MySQL (PyMySQL) also supported::

    engine = make_engine(url)
    session_factory = make_session_factory(engine)
    uow_factory = lambda: SqlUnitOfWork(session_factory)
    read_model = SqlReadModel(engine)
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from rental.adapters.sqlalchemy.engine import make_engine
from rental.adapters.sqlalchemy.mapping import start_mappers
from rental.adapters.sqlalchemy.read_model import SqlReadModel
from rental.adapters.sqlalchemy.unit_of_work import SqlUnitOfWork

__all__ = [
    "SqlReadModel",
    "SqlUnitOfWork",
    "make_engine",
    "make_session_factory",
    "start_mappers",
]


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for units of work: nothing expires on commit (handlers return aggregates that
    are read after it). Maps the domain classes if that was not done yet."""
    start_mappers()
    return sessionmaker(bind=engine, expire_on_commit=False)
