"""Task 1 with Django REST Framework: a Serializer validates, the view stays short."""

import datetime as dt
from itertools import count

from rest_framework import serializers, status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response


class ReservationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(max_length=100)
    email = serializers.EmailField()
    guests = serializers.IntegerField(min_value=1, max_value=10)
    date = serializers.DateField()

    def validate_date(self, value: dt.date) -> dt.date:
        if value < dt.date.today():
            raise serializers.ValidationError("Must not be in the past.")
        return value


_reservations: dict[int, dict] = {}
_ids = count(1)


@api_view(["POST"])
@permission_classes([AllowAny])  # public; the project default is signed-in
def create_reservation(request: Request) -> Response:
    serializer = ReservationSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)  # 400 with {"field": ["message"]}
    reservation = {"id": next(_ids), **serializer.validated_data}
    _reservations[reservation["id"]] = reservation
    return Response(
        ReservationSerializer(reservation).data, status=status.HTTP_201_CREATED
    )


@api_view(["GET"])
@permission_classes([AllowAny])
def read_reservation(request: Request, reservation_id: int) -> Response:
    if reservation_id not in _reservations:
        raise NotFound("Reservation not found")
    return Response(ReservationSerializer(_reservations[reservation_id]).data)
