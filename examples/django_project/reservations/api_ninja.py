"""Task 1 with Django Ninja: Pydantic schemas and type hints, as in FastAPI."""

import datetime as dt
from itertools import count

from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import field_validator

router = Router(tags=["reservations"])


class ReservationIn(Schema):
    name: str = Field(min_length=1, max_length=100)
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    guests: int = Field(ge=1, le=10)
    date: dt.date

    @field_validator("date")
    @classmethod
    def not_in_the_past(cls, value: dt.date) -> dt.date:
        if value < dt.date.today():
            raise ValueError("must not be in the past")
        return value


class ReservationOut(ReservationIn):
    id: int


_reservations: dict[int, ReservationOut] = {}
_ids = count(1)


@router.post("/reservations", response={201: ReservationOut})
def create_reservation(request, data: ReservationIn):
    reservation = ReservationOut(id=next(_ids), **data.model_dump())
    _reservations[reservation.id] = reservation
    return Status(201, reservation)


@router.get("/reservations/{reservation_id}", response=ReservationOut)
def read_reservation(request, reservation_id: int):
    if reservation_id not in _reservations:
        raise HttpError(404, "Reservation not found")
    return _reservations[reservation_id]
