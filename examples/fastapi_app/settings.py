"""Settings for every FastAPI example, read from the environment by pydantic-settings.

There is no default secret: without FASTAPI_EXAMPLES_SECRET_KEY the apps stop at import
with a validation error, instead of signing tokens with a value printed on this page.
"""

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FASTAPI_EXAMPLES_")

    secret_key: SecretStr = Field(min_length=32)  # e.g. `openssl rand -hex 32`
    database_url: str = "sqlite+aiosqlite:///fastapi_examples.sqlite3"
    rates_service_url: str = "http://rates.internal"
    token_lifetime_minutes: int = Field(default=30, ge=1)
    # Browser origins allowed to call the API (CORS) and to open the WebSocket, as JSON:
    # FASTAPI_EXAMPLES_ALLOWED_ORIGINS='["https://app.example.com"]'
    allowed_origins: list[str] = ["http://localhost:3000"]  # a front end in development


settings = Settings()
