"""Task 5: who subscribed, and whether the welcome email has gone out."""

from django.db import models


class Subscriber(models.Model):
    email = models.EmailField(unique=True)
    welcomed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.email
