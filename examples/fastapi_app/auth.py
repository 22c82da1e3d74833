"""Task 3: authentication and protected routes (OAuth2 password flow, JWT, Argon2)."""

import datetime as dt
from typing import Annotated

import jwt
from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.middleware.cors import CORSMiddleware
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pwdlib import PasswordHash
from pydantic import BaseModel

from fastapi_app.settings import settings

ALGORITHM = "HS256"

app = FastAPI(title="Auth")
app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.allowed_origins,
    allow_methods=["GET", "POST"],
    allow_headers=["Authorization", "Content-Type"],
)  # bearer tokens travel in a header, so no allow_credentials (cookies) is needed
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")

password_hash = PasswordHash.recommended()  # Argon2, as in FastAPI's tutorial
# Checked against when the username is unknown, so that every login costs one hash.
DUMMY_HASH = password_hash.hash("no such user")


class User(BaseModel):
    username: str
    is_admin: bool = False


class UserInDB(User):
    password_hash: str


# Stand-in for a users table.
USERS = {
    user.username: user
    for user in [
        UserInDB(username="alice", password_hash=password_hash.hash("wonderland")),
        UserInDB(
            username="root",
            is_admin=True,
            password_hash=password_hash.hash("s3cret-root"),
        ),
    ]
}


def authenticate(username: str, password: str) -> UserInDB | None:
    user = USERS.get(username)
    if user is None:
        password_hash.verify(password, DUMMY_HASH)  # same work as for a real user
        return None
    return user if password_hash.verify(password, user.password_hash) else None


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


@app.post("/token")
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    # A plain def: hashing is CPU work, so FastAPI runs it in its thread pool.
    user = authenticate(form.username, form.password)
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(
        minutes=settings.token_lifetime_minutes
    )
    token = jwt.encode(
        {"sub": user.username, "exp": expires},
        settings.secret_key.get_secret_value(),
        algorithm=ALGORITHM,
    )
    return Token(access_token=token)


def current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> User:
    # OAuth2PasswordBearer has already answered 401 if the header is missing.
    try:
        claims = jwt.decode(
            token,
            settings.secret_key.get_secret_value(),
            algorithms=[ALGORITHM],
            options={"require": ["exp", "sub"]},  # no token lives forever
        )
    except jwt.InvalidTokenError:
        claims = {}
    user = USERS.get(claims.get("sub"))  # PyJWT has checked that sub is a string
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="Could not validate credentials",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def admin_user(user: CurrentUser) -> User:
    if not user.is_admin:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Admins only")
    return user


@app.get("/me")
def read_me(user: CurrentUser) -> User:
    return user  # the return type filters the answer: the hash is not sent


@app.get("/reports", dependencies=[Depends(admin_user)])
def read_reports() -> dict[str, int]:
    return {"signups_today": 42}
