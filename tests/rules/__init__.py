"""One test module per data rule (guide/data/rules/ and guide/data/fieldrules.py)."""
