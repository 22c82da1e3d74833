"""Alembic environment: points autogenerate at the models and runs migrations online."""

from alembic import context
from sqlalchemy import create_engine, pool

from fastapi_app import models  # noqa: F401  (registers the tables on Base.metadata)
from fastapi_app.db import DATABASE_URL, Base

config = context.config
target_metadata = Base.metadata
url = config.get_main_option("sqlalchemy.url") or DATABASE_URL


def run_migrations_offline() -> None:
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
