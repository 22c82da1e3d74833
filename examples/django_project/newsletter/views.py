"""Task 5: the view only enqueues the job, once the transaction has committed."""

import json
from functools import partial

from django import forms
from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from newsletter.tasks import send_welcome_email


class SubscriptionForm(forms.Form):
    email = forms.EmailField()


@csrf_exempt
@require_POST
def subscribe(request: HttpRequest) -> JsonResponse:
    try:
        payload = json.loads(request.body)
    except json.JSONDecodeError:
        payload = None
    form = SubscriptionForm(payload if isinstance(payload, dict) else {})
    if not form.is_valid():
        errors = {
            field: [e["message"] for e in errs]
            for field, errs in form.errors.get_json_data().items()
        }
        return JsonResponse(errors, status=400)
    email = form.cleaned_data["email"]
    # ... save the subscriber here ...
    transaction.on_commit(
        partial(send_welcome_email.delay, email)
    )  # hand it to the broker
    return JsonResponse({"status": "subscribed", "email": email}, status=202)
