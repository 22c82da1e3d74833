"""The publishing layer: exports, embed pages, JSON Schemas and the data reference, and the serving
rules (headers, a local nginx). Nothing here knows about MkDocs."""
