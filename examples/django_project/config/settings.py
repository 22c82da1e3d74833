"""Settings for the Django side-by-side examples (Django 5.2 LTS, SQLite).

Whatever differs between machines comes from the environment. There is no default secret
and DEBUG is off unless asked for: `manage.py check --deploy` passes as it stands.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str | None = None) -> str:
    """An environment variable; a missing one without a default stops the start-up."""
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_list(name: str, default: str) -> list[str]:
    """A comma-separated environment variable, as a list."""
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# Make one with: python -c "import secrets; print(secrets.token_urlsafe(50))"
SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")

# HTTPS only, as `check --deploy` asks; DJANGO_DEBUG=1 relaxes it for runserver.
SECURE_SSL_REDIRECT = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = 0 if DEBUG else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = (
    True  # consent only: a domain joins browsers' lists when submitted
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Third-party
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "corsheaders",
    "ninja",
    "channels",
    # One app per task (or group of tasks)
    "reservations",  # 1: JSON validation
    "catalog",  # 2, 7, 9: CRUD, pagination, admin
    "accounts",  # 3: authentication
    "rates",  # 4: async call to another service
    "newsletter",  # 5: background job
    "live",  # 6: WebSocket and SSE
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",  # first: it must see every response
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
    }
}

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Browser front ends on other origins (django-cors-headers). They sign in with the
# session cookie, so credentials are allowed, and the same origins pass the CSRF check.
CORS_ALLOWED_ORIGINS = env_list("DJANGO_CORS_ALLOWED_ORIGINS", "http://localhost:3000")
CORS_ALLOW_CREDENTIALS = True
CSRF_TRUSTED_ORIGINS = CORS_ALLOWED_ORIGINS

# DRF and Ninja throttles count in this cache. The local-memory cache counts per
# process: with several workers, point it at Redis or Memcached.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Django REST Framework: token and session authentication, authenticated by default
# (public views say AllowAny); five login attempts a minute per client address.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "config.json_body.DRFJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_RATES": {"login": "5/minute"},
}

# Task 4: where the exchange-rate service lives.
RATES_SERVICE_URL = env("RATES_SERVICE_URL", "http://rates.internal")

# Task 5: Celery reads every CELERY_* setting. The tests switch on eager mode instead.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "redis://localhost:6379/0")
CELERY_TASK_ALWAYS_EAGER = env("CELERY_TASK_ALWAYS_EAGER", "0") == "1"
# A job survives a worker crash or restart only if the broker keeps it until done:
CELERY_TASK_ACKS_LATE = True  # acknowledge after the task has run, not before
CELERY_TASK_REJECT_ON_WORKER_LOST = True  # re-queue it if the worker process is killed
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # hold no more unacknowledged jobs than needed
# ... so a job may run twice: tasks must be idempotent (see newsletter/tasks.py).
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "newsletter@example.com"

# Task 6: Channels. The in-memory layer works within one process only;
# production uses channels-redis.
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
