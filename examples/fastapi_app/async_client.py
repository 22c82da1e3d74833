"""Task 4: an async endpoint that calls another service with httpx."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from pydantic import BaseModel, Field, ValidationError

from fastapi_app.settings import settings


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # One pooled client for the whole process, closed on shutdown.
    async with httpx.AsyncClient(
        base_url=settings.rates_service_url, timeout=5.0
    ) as client:
        app.state.rates_client = client
        yield


app = FastAPI(title="Converter", lifespan=lifespan)


def rates_client(request: Request) -> httpx.AsyncClient:
    return request.app.state.rates_client


RatesClient = Annotated[httpx.AsyncClient, Depends(rates_client)]
Currency = Annotated[str, Query(pattern="^[A-Z]{3}$")]
PositiveRate = Annotated[float, Field(gt=0, lt=1e9, allow_inf_nan=False)]


class RatesReply(BaseModel):
    """What the other service promises to send; anything else is its failure (502)."""

    rates: dict[str, PositiveRate]


class Conversion(BaseModel):
    amount: float
    source: str
    target: str
    rate: float
    result: float


@app.get("/convert")
async def convert(
    client: RatesClient,
    amount: Annotated[float, Query(gt=0, le=1e12, allow_inf_nan=False)],
    source: Currency,
    target: Currency,
) -> Conversion:
    # While this request waits on the network, the event loop serves other requests.
    try:
        response = await client.get(f"/rates/{source}")
    except httpx.TimeoutException:
        raise HTTPException(504, detail="Rates service timed out") from None
    except httpx.TransportError:  # refused, reset, DNS failure, ...
        raise HTTPException(502, detail="Rates service unreachable") from None
    if response.status_code == 404:
        raise HTTPException(404, detail=f"Unknown currency {source}")
    if response.is_error:
        raise HTTPException(502, detail="Rates service failed")
    try:
        rates = RatesReply.model_validate_json(response.content).rates
    except ValidationError:  # not JSON, or not the promised shape
        raise HTTPException(502, detail="Rates service sent a bad reply") from None
    if target not in rates:
        raise HTTPException(404, detail=f"Unknown currency {target}")
    rate = rates[target]
    return Conversion(
        amount=amount,
        source=source,
        target=target,
        rate=rate,
        result=round(amount * rate, 2),
    )
