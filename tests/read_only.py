"""A database that refuses every write, as during maintenance, on SQLite and on PostgreSQL."""

from contextlib import contextmanager

from django.db import connection


@contextmanager
def read_only_database():
    """Every write on this connection is refused until the block ends.

    SQLite: `PRAGMA query_only`, as on a read-only file. PostgreSQL: read-only transactions (SQLSTATE 25006,
    as on a standby): the test's own transaction when there is one (it ends with the test), otherwise every
    transaction begun inside the block. Both go to the driver's connection, which also works after a refused
    write has broken Django's transaction.
    """
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        connection.connection.execute("PRAGMA query_only = ON")
        try:
            yield
        finally:
            connection.connection.execute("PRAGMA query_only = OFF")
        return
    raw = connection.connection
    if connection.in_atomic_block:
        raw.execute("SET TRANSACTION READ ONLY")
        yield
        return
    raw.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    try:
        yield
    finally:
        raw.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE")
