"""The MkDocs glue: the macros module, the build hook and the site's URL helpers. The only modules
that import MkDocs."""
