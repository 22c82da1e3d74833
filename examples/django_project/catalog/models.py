"""Task 2: the model.

`python manage.py makemigrations` wrote migrations/0001_initial.py from it.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=100, db_index=True)
    year = models.IntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(2100)]
    )

    class Meta:
        ordering = ["year", "id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.author}, {self.year})"
