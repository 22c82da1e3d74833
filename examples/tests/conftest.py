"""Shared fixtures for the example tests."""

import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

# The FastAPI apps refuse to start without a secret; the tests make up a throwaway one
# before any app is imported. (The Django tests get theirs from config/test_settings.)
os.environ.setdefault("FASTAPI_EXAMPLES_SECRET_KEY", secrets.token_hex(32))

import pytest  # noqa: E402
from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from sqlalchemy import Engine, create_engine, pool  # noqa: E402
from sqlalchemy.ext.asyncio import (  # noqa: E402
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

EXAMPLES = Path(__file__).resolve().parent.parent


@pytest.fixture
def anyio_backend() -> str:
    """Run `@pytest.mark.anyio` tests on asyncio only."""
    return "asyncio"


# --8<-- [start:fastapi-db]
@pytest.fixture
def database_file(tmp_path: Path) -> Path:
    """A fresh SQLite file per test, built by the real Alembic migrations."""
    path = tmp_path / "books.sqlite3"
    config = Config(str(EXAMPLES / "fastapi_app" / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", f"sqlite+aiosqlite:///{path}")
    command.upgrade(config, "head")
    return path


@pytest.fixture
def migrated_engine(database_file: Path) -> Iterator[Engine]:
    """A plain (sync) engine on that file, for the tests' own set-up and checks."""
    engine = create_engine(f"sqlite:///{database_file}")
    yield engine
    engine.dispose()


@pytest.fixture
def test_session(database_file: Path) -> Callable[[], AsyncIterator[AsyncSession]]:
    """A replacement for fastapi_app.db.get_session, bound to the test database."""
    # NullPool: no connection outlives the request, so none is left for another loop.
    engine = create_async_engine(
        f"sqlite+aiosqlite:///{database_file}", poolclass=pool.NullPool
    )
    factory = async_sessionmaker(engine, expire_on_commit=False)

    async def get_test_session() -> AsyncIterator[AsyncSession]:
        async with factory() as session:
            yield session

    return get_test_session


# --8<-- [end:fastapi-db]
