"""The rendering layer: the loaded data as HTML (tables, flowchart, outline, walk, scorecard), through
the autoescaped templates in ``templates/``. Nothing here knows about MkDocs."""
