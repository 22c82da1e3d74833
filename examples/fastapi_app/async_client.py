"""Task 4: an async endpoint that calls another service with httpx."""

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from pydantic import BaseModel

RATES_URL = os.environ.get("RATES_SERVICE_URL", "http://rates.internal")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # One pooled client for the whole process, closed on shutdown.
    async with httpx.AsyncClient(base_url=RATES_URL, timeout=5.0) as client:
        app.state.rates_client = client
        yield


app = FastAPI(title="Converter", lifespan=lifespan)


def rates_client(request: Request) -> httpx.AsyncClient:
    return request.app.state.rates_client


RatesClient = Annotated[httpx.AsyncClient, Depends(rates_client)]


class Conversion(BaseModel):
    amount: float
    source: str
    target: str
    rate: float
    result: float


@app.get("/convert")
async def convert(
    client: RatesClient,
    amount: Annotated[float, Query(gt=0)],
    source: Annotated[str, Query(pattern="^[A-Z]{3}$")],
    target: Annotated[str, Query(pattern="^[A-Z]{3}$")],
) -> Conversion:
    # While this request waits on the network, the event loop serves other requests.
    try:
        response = await client.get(f"/rates/{source}")
    except httpx.TimeoutException:
        raise HTTPException(504, detail="Rates service timed out") from None
    if response.status_code == 404:
        raise HTTPException(404, detail=f"Unknown currency {source}")
    if response.is_error:
        raise HTTPException(502, detail="Rates service failed")
    rate = response.json()["rates"].get(target)
    if rate is None:
        raise HTTPException(404, detail=f"Unknown currency {target}")
    return Conversion(
        amount=amount,
        source=source,
        target=target,
        rate=rate,
        result=round(amount * rate, 2),
    )
