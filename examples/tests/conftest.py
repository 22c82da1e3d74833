"""Shared fixtures for the example tests."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

EXAMPLES = Path(__file__).resolve().parent.parent


@pytest.fixture
def anyio_backend() -> str:
    """Run `@pytest.mark.anyio` tests on asyncio only."""
    return "asyncio"


# --8<-- [start:fastapi-db]
@pytest.fixture
def migrated_engine(tmp_path: Path) -> Iterator[Engine]:
    """A fresh SQLite file per test, built by the real Alembic migrations."""
    url = f"sqlite:///{tmp_path / 'books.sqlite3'}"
    config = Config(str(EXAMPLES / "fastapi_app" / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "head")
    engine = create_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def test_session(migrated_engine: Engine) -> Callable[[], Iterator[Session]]:
    """A replacement for fastapi_app.db.get_session, bound to the test database."""
    factory = sessionmaker(bind=migrated_engine, expire_on_commit=False)

    def get_test_session() -> Iterator[Session]:
        with factory() as session:
            yield session

    return get_test_session


# --8<-- [end:fastapi-db]
