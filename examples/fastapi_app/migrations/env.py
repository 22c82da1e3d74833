"""Alembic environment: autogenerate reads the models; migrations run on asyncio."""

import asyncio

from alembic import context
from sqlalchemy import Connection, pool
from sqlalchemy.ext.asyncio import create_async_engine

from fastapi_app.models import Base  # every model, registered on Base.metadata

config = context.config
target_metadata = Base.metadata


def database_url() -> str:
    """The URL set on the Config object (the tests set one), else the app's setting."""
    if url := config.get_main_option("sqlalchemy.url"):
        return url
    from fastapi_app.settings import settings

    return settings.database_url


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(), target_metadata=target_metadata, literal_binds=True
    )
    with context.begin_transaction():
        context.run_migrations()


def do_run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection, target_metadata=target_metadata, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_migrations_online() -> None:
    engine = create_async_engine(database_url(), poolclass=pool.NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(do_run_migrations)
    await engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    asyncio.run(run_migrations_online())
