"""Reading the models' type annotations: for the data reference and for placing problems."""

from __future__ import annotations

import types
import typing
from typing import Any


def unwrap(annotation: Any) -> Any:
    """Strip ``Annotated`` and ``Optional`` to reach the underlying type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation
