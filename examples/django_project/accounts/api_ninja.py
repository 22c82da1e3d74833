"""Task 3 with Django Ninja: bearer tokens signed by Django itself, async throughout."""

from django.contrib.auth import aauthenticate
from django.contrib.auth.models import User
from django.core import signing
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.throttling import AnonRateThrottle

TOKEN_SALT = "accounts.api-token"  # keeps these apart from other signed values
TOKEN_LIFETIME = 30 * 60  # seconds


class SignedToken(HttpBearer):
    """`Authorization: Bearer <token>`, where the token is a user id signed with
    SECRET_KEY and a timestamp (django.core.signing): no table, expires on its own."""

    async def authenticate(self, request: HttpRequest, token: str) -> User | None:
        try:
            user_id = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_LIFETIME)
        except signing.BadSignature:  # forged, altered or expired
            return None
        return await User.objects.filter(pk=user_id, is_active=True).afirst()


bearer = SignedToken()
router = Router(tags=["accounts"])


class Credentials(Schema):
    username: str
    password: str


class Token(Schema):
    access_token: str
    token_type: str = "bearer"


class UserOut(Schema):
    username: str
    is_staff: bool


@router.post("/auth/token", response=Token, throttle=[AnonRateThrottle("5/min")])
async def token(request: HttpRequest, credentials: Credentials) -> Token:
    # An unknown username costs one password hash too (ModelBackend sees to it).
    user = await aauthenticate(
        request, username=credentials.username, password=credentials.password
    )
    if user is None:
        raise HttpError(401, "Incorrect username or password")
    return Token(access_token=signing.dumps(user.pk, salt=TOKEN_SALT))


@router.get("/auth/me", response=UserOut, auth=bearer)
async def me(request: HttpRequest) -> User:
    return request.auth


@router.get("/auth/reports", auth=bearer)
async def reports(request: HttpRequest) -> dict[str, int]:
    if not request.auth.is_staff:
        raise HttpError(403, "Staff only")
    return {"signups_today": 42}
