"""Task 5: the view saves the subscriber and enqueues the job once that is committed."""

from django import forms
from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from config.json_body import json_object
from newsletter.models import Subscriber
from newsletter.tasks import send_welcome_email


class SubscriptionForm(forms.Form):
    email = forms.EmailField()


@csrf_exempt  # a public, token-less JSON endpoint that reads no cookie
@require_POST
def subscribe(request: HttpRequest) -> JsonResponse:
    try:
        form = SubscriptionForm(json_object(request))
    except ValueError as error:
        return JsonResponse({"detail": str(error)}, status=400)
    if not form.is_valid():
        errors = {
            field: [e["message"] for e in errs]
            for field, errs in form.errors.get_json_data().items()
        }
        return JsonResponse(errors, status=400)
    email = form.cleaned_data["email"]
    with transaction.atomic():
        subscriber, created = Subscriber.objects.get_or_create(email=email)
        if created:
            # Sent to the broker only if and when this transaction commits.
            send_welcome_email.delay_on_commit(subscriber.pk)
    return JsonResponse({"status": "subscribed", "email": email}, status=202)
