"""The SQLAlchemy adapter: repositories, unit of work and read side on a real database.

PostgreSQL (psycopg 3) in production, SQLite embedded, MariaDB/MySQL (PyMySQL) also supported.
"""

from rental.adapters.sqlalchemy.engine import make_engine

__all__ = ["make_engine"]
