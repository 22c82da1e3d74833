"""Task 3 with Django REST Framework: token authentication and permission classes."""

from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
)
from rest_framework.permissions import IsAdminUser, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle


class TokenView(ObtainAuthToken):
    """POST username and password, get {"token": "..."}; the Token table comes from a
    migration shipped with rest_framework.authtoken."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "login"  # the rate is in settings: DEFAULT_THROTTLE_RATES
    parser_classes = api_settings.DEFAULT_PARSER_CLASSES  # the project's, as elsewhere


token_view = TokenView.as_view()


@api_view(["GET"])
@authentication_classes([TokenAuthentication])
@permission_classes([IsAuthenticated])
def me(request: Request) -> Response:
    return Response(
        {"username": request.user.username, "is_staff": request.user.is_staff}
    )


@api_view(["GET"])
@authentication_classes([TokenAuthentication])
@permission_classes([IsAdminUser])  # IsAdminUser checks is_staff
def reports(request: Request) -> Response:
    return Response({"signups_today": 42})
