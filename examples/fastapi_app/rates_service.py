"""The "other service" for task 4: a tiny exchange-rate API.

In the tests it runs in-process behind httpx.ASGITransport, so no socket is opened.
"""

from fastapi import FastAPI, HTTPException

app = FastAPI(title="Rates service")

RATES = {
    "EUR": {"USD": 1.25, "GBP": 0.85},
    "USD": {"EUR": 0.8, "GBP": 0.68},
}


@app.get("/rates/{base}")
async def rates(base: str) -> dict:
    if base not in RATES:
        raise HTTPException(404, detail=f"Unknown currency {base}")
    return {"base": base, "rates": RATES[base]}
