"""FastAPI halves of the side-by-side examples: one small app per task."""
