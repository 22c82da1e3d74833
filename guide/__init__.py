"""The guide's data pipeline: load and validate ``data/*.yml``, render it, export it.

Nothing here depends on MkDocs except :mod:`guide.macros` and :mod:`guide.hooks`, so the
renderers can move to another site generator unchanged.
"""
