"""Task 3 in plain Django: session login with django.contrib.auth, JSON 401/403."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_POST

from config.json_body import json_object


def login_required_json(view: Callable) -> Callable:
    """Like @login_required, but answers 401 JSON instead of redirecting."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return JsonResponse({"detail": "Authentication required"}, status=401)
        return view(request, *args, **kwargs)

    return wrapper


@require_GET
@ensure_csrf_cookie
def csrf(request: HttpRequest) -> JsonResponse:
    """Where a JSON client gets the token to send back in the X-CSRFToken header."""
    return JsonResponse({"csrfToken": get_token(request)})


@require_POST  # CSRF-protected: the X-CSRFToken header must match the csrftoken cookie
def login_view(request: HttpRequest) -> JsonResponse:
    try:
        data = json_object(request)
    except ValueError as error:
        return JsonResponse({"detail": str(error)}, status=400)
    username, password = data.get("username"), data.get("password")
    if not isinstance(username, str) or not isinstance(password, str):
        return JsonResponse({"detail": "Send a username and a password."}, status=400)
    # An unknown username costs one password hash too (ModelBackend sees to it).
    user = authenticate(request, username=username, password=password)
    if user is None:
        return JsonResponse({"detail": "Incorrect username or password"}, status=401)
    login(request, user)  # rotates the session key and sets the session cookie
    return JsonResponse({"username": user.username})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return HttpResponse(status=204)


@require_GET
@login_required_json
def me(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        {"username": request.user.username, "is_staff": request.user.is_staff}
    )


@require_GET
@login_required_json
def reports(request: HttpRequest) -> JsonResponse:
    if not request.user.is_staff:
        return JsonResponse({"detail": "Staff only"}, status=403)
    return JsonResponse({"signups_today": 42})
