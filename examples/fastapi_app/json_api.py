"""Task 1: a JSON endpoint with input validation and error responses."""

import datetime as dt
from itertools import count
from typing import Annotated

from fastapi import FastAPI, HTTPException, Path, status
from pydantic import BaseModel, Field, field_validator

from fastapi_app.errors import HANDLERS

app = FastAPI(title="Reservations", exception_handlers=HANDLERS)


class ReservationIn(BaseModel):
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


class Reservation(ReservationIn):
    id: int


_reservations: dict[int, Reservation] = {}
_ids = count(1)


@app.post("/reservations", status_code=status.HTTP_201_CREATED)
def create_reservation(data: ReservationIn) -> Reservation:
    # FastAPI has already parsed and validated the body; a bad body never gets here.
    reservation = Reservation(id=next(_ids), **data.model_dump())
    _reservations[reservation.id] = reservation
    return reservation


@app.get("/reservations/{reservation_id}")
def read_reservation(reservation_id: Annotated[int, Path(ge=1)]) -> Reservation:
    if reservation_id not in _reservations:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Reservation not found")
    return _reservations[reservation_id]
