"""The guide's data pipeline: load and validate ``data/*.yml``, render it, export it.

Four layers, one folder each: ``guide.data`` (reading, models, checks), ``guide.views`` (rendering
through templates), ``guide.publish`` (exports, embeds, schemas, serving rules) and
``guide.mkdocs_glue`` (the macros module and the build hook). Only the glue depends on MkDocs, so
the rest can move to another site generator unchanged.
"""
