"""Settings for the test suite: the real settings, a throwaway secret, plain HTTP.

The real settings refuse to start without DJANGO_SECRET_KEY; only the tests make one up.
"""

import os
import secrets

os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))

from config.settings import *  # noqa: E402,F403

SECURE_SSL_REDIRECT = False  # the test client speaks plain HTTP

# Django's PBKDF2 costs a good part of a second per password by design; the tests log in often, so
# they hash with a fast hasher. The one test that counts a login's work (test_django_auth.py)
# switches the real hasher back on for itself.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
