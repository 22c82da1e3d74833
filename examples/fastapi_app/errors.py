"""FastAPI's 422 answer, without echoing the client's input back.

FastAPI's own handler puts each offending input in the answer. A body such as
`{"year": 1e400}` parses to infinity, which cannot be written as JSON, so the 422
became a 500. Leaving the input out also keeps what the client sent out of the reply.
"""

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


async def validation_error(
    request: Request, exc: RequestValidationError
) -> JSONResponse:
    errors = [
        {key: value for key, value in error.items() if key != "input"}
        for error in exc.errors()
    ]
    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(errors)})


HANDLERS = {RequestValidationError: validation_error}
