"""Cold start of a minimal FastAPI app and a minimal Django project, as a function platform sees it.

    .venv/bin/python benchmarks/cold_start.py [--runs 7]

Each run starts a fresh interpreter, imports the framework, builds a one-endpoint app (FastAPI:
one POST route with a Pydantic model; Django: one JSON view with the apps and middleware that
`startproject` enables, admin included) and serves one request to it through ASGI, without a
server or a database. It prints the time to the app being ready, the time to the first response,
the process CPU time and the number of modules loaded, per framework, as medians of the runs.
Backs the guide's judgement on the "Serverless functions and cold starts" criterion; it asserts
nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess

from _common import PYTHON, median, print_machine

# The first request goes through the app's ASGI callable directly, so no server or HTTP client
# library is imported and only the framework's own start-up is measured.
_DRIVE = r"""
import asyncio, json, sys, time

async def first_response(app, method, path, body):
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    sent = []
    async def receive():
        if messages:
            return messages.pop(0)
        await asyncio.Event().wait()  # the client stays connected; Django listens for a disconnect
    async def send(message):
        sent.append(message)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
             "root_path": "", "headers": [(b"host", b"localhost"), (b"content-type", b"application/json")],
             "client": ("127.0.0.1", 1), "server": ("localhost", 80)}
    await app(scope, receive, send)
    return next(m["status"] for m in sent if m["type"] == "http.response.start")

def report(started, ready, status):
    done = time.perf_counter()
    print(json.dumps({"ready_ms": (ready - started) * 1000, "first_response_ms": (done - started) * 1000,
                      "cpu_ms": time.process_time() * 1000, "status": status, "modules": len(sys.modules)}))
"""

FASTAPI_APP = _DRIVE + r"""
started = time.perf_counter()
from fastapi import FastAPI
from pydantic import BaseModel

class Item(BaseModel):
    name: str
    price: float

app = FastAPI()

@app.post("/items")
def create_item(item: Item) -> Item:
    return item

ready = time.perf_counter()
status = asyncio.run(first_response(app, "POST", "/items", b'{"name": "tea", "price": 2.5}'))
report(started, ready, status)
"""

DJANGO_APP = _DRIVE + r"""
started = time.perf_counter()
import django
from django.conf import settings

settings.configure(
    DEBUG=False, SECRET_KEY="cold-start-benchmark", ROOT_URLCONF="__main__", ALLOWED_HOSTS=["localhost"],
    INSTALLED_APPS=["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
                    "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles"],
    MIDDLEWARE=["django.middleware.security.SecurityMiddleware",
                "django.contrib.sessions.middleware.SessionMiddleware",
                "django.middleware.common.CommonMiddleware", "django.middleware.csrf.CsrfViewMiddleware",
                "django.contrib.auth.middleware.AuthenticationMiddleware",
                "django.contrib.messages.middleware.MessageMiddleware",
                "django.middleware.clickjacking.XFrameOptionsMiddleware"],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True,
                "OPTIONS": {"context_processors": ["django.template.context_processors.request",
                                                   "django.contrib.auth.context_processors.auth",
                                                   "django.contrib.messages.context_processors.messages"]}}],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
)
django.setup()
from django.contrib import admin
from django.core.asgi import get_asgi_application
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

@csrf_exempt
def create_item(request):
    item = json.loads(request.body)
    return JsonResponse({"name": str(item["name"]), "price": float(item["price"])})

urlpatterns = [path("items", create_item), path("admin/", admin.site.urls)]
app = get_asgi_application()
ready = time.perf_counter()
status = asyncio.run(first_response(app, "POST", "/items", b'{"name": "tea", "price": 2.5}'))
report(started, ready, status)
"""

APPS = {"FastAPI": ("fastapi", FASTAPI_APP), "Django": ("django", DJANGO_APP)}


def one_run(code: str) -> dict:
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if figures["status"] != 200:
        raise RuntimeError(f"the first request answered {figures['status']}, not 200")
    return figures


def version(package: str) -> str:
    from importlib.metadata import version as installed

    return installed(package)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh interpreters per framework (default 7)")
    args = parser.parse_args()

    print("Machine:")
    print_machine()
    print(f"\nCold start, {args.runs} fresh interpreters per framework (times in ms)")
    print("Wall times wander with other load on the machine; the process CPU time (interpreter start-up")
    print("included) is the steadier figure.")
    header = ("", "version", "ready", "first response", "range", "CPU", "modules")
    print(f"{header[0]:8} {header[1]:>8} {header[2]:>7} {header[3]:>15} {header[4]:>10} {header[5]:>6} {header[6]:>8}")
    for name, (package, code) in APPS.items():
        runs = [one_run(code) for _ in range(args.runs)]
        ready = median([r["ready_ms"] for r in runs])
        first = [r["first_response_ms"] for r in runs]
        cpu = median([r["cpu_ms"] for r in runs])
        spread = f"{min(first):.0f}-{max(first):.0f}"
        print(f"{name:8} {version(package):>8} {ready:7.0f} {median(first):15.0f} {spread:>10} {cpu:6.0f} {runs[-1]['modules']:8d}")
    print("ready, first response and CPU are medians in ms; range is the fastest and slowest first response.")


if __name__ == "__main__":
    main()
