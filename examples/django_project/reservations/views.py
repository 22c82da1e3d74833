"""Task 1 in plain Django: parse JSON, validate with a Form, shape the errors."""

import datetime as dt
from itertools import count

from django import forms
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from config.json_body import json_object


class ReservationForm(forms.Form):
    name = forms.CharField(max_length=100)
    email = forms.EmailField()
    guests = forms.IntegerField(min_value=1, max_value=10)
    date = forms.DateField()

    def clean_date(self) -> dt.date:
        value = self.cleaned_data["date"]
        if value < dt.date.today():
            raise forms.ValidationError("Must not be in the past.")
        return value


_reservations: dict[int, dict] = {}
_ids = count(1)


@csrf_exempt  # a token-less JSON API; see the CSRF note on the page
@require_POST
def create_reservation(request: HttpRequest) -> JsonResponse:
    try:
        payload = json_object(request)
    except ValueError as error:
        return JsonResponse({"errors": {"__all__": [str(error)]}}, status=400)

    form = ReservationForm(payload)
    if not form.is_valid():
        errors = {
            field: [e["message"] for e in errs]
            for field, errs in form.errors.get_json_data().items()
        }
        return JsonResponse({"errors": errors}, status=400)

    reservation = {
        "id": next(_ids),
        **form.cleaned_data,
        "date": form.cleaned_data["date"].isoformat(),
    }
    _reservations[reservation["id"]] = reservation
    return JsonResponse(reservation, status=201)


@require_GET
def read_reservation(request: HttpRequest, reservation_id: int) -> JsonResponse:
    if reservation_id not in _reservations:
        return JsonResponse({"detail": "Reservation not found"}, status=404)
    return JsonResponse(_reservations[reservation_id])
