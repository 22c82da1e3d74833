"""Task 3: authentication and protected routes (OAuth2 password flow, JWT)."""

import datetime as dt
import hashlib
import hmac
import os
from typing import Annotated

import jwt
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel

SECRET_KEY = os.environ.get(
    "FASTAPI_EXAMPLES_SECRET", "change-me-in-production-32-bytes!"
)
ALGORITHM = "HS256"
TOKEN_LIFETIME = dt.timedelta(minutes=30)

app = FastAPI(title="Auth")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


def hash_password(password: str, salt: bytes) -> bytes:
    # FastAPI ships no password hasher: pick one yourself (pwdlib, argon2-cffi, ...).
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


class User(BaseModel):
    username: str
    is_admin: bool = False


# Stand-in for a users table: username -> (user, salt, password hash).
_SALT = b"example-salt"
USERS = {
    "alice": (User(username="alice"), _SALT, hash_password("wonderland", _SALT)),
    "root": (
        User(username="root", is_admin=True),
        _SALT,
        hash_password("s3cret-root", _SALT),
    ),
}


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


@app.post("/token")
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    record = USERS.get(form.username)
    if record is None or not hmac.compare_digest(
        record[2], hash_password(form.password, record[1])
    ):
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, detail="Incorrect username or password"
        )
    expires = dt.datetime.now(dt.UTC) + TOKEN_LIFETIME
    token = jwt.encode(
        {"sub": form.username, "exp": expires}, SECRET_KEY, algorithm=ALGORITHM
    )
    return Token(access_token=token)


def current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> User:
    # OAuth2PasswordBearer has already answered 401 if the header is missing.
    try:
        username = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM])["sub"]
    except jwt.PyJWTError:
        username = None
    if username not in USERS:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="Could not validate credentials",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return USERS[username][0]


CurrentUser = Annotated[User, Depends(current_user)]


def admin_user(user: CurrentUser) -> User:
    if not user.is_admin:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Admins only")
    return user


@app.get("/me")
def read_me(user: CurrentUser) -> User:
    return user


@app.get("/reports", dependencies=[Depends(admin_user)])
def read_reports() -> dict[str, int]:
    return {"signups_today": 42}
