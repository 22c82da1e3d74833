"""Debian's nginx over a built site on a loopback port, with the site's own ``deploy/nginx.conf``:
the published behaviour (headers, precompressed files, 404s) on one machine, for
``make serve-prod`` and the real-server tests.

Nothing system-wide is touched: nginx runs in the foreground (``daemon off;``) from a prefix
folder that holds its configuration, pid file, logs and temporary files, and goes away with it.

    python -m guide.publish.localnginx site/ --port 8001
"""

from __future__ import annotations

import argparse
import ctypes
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from guide.publish.headers import NGINX_FILE

NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
# Debian's libnginx-mod-http-brotli-static; used when installed, the site's .br files otherwise sit unused.
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def server_config(site_dir: Path, prefix: Path, port: int, brotli: bool) -> str:
    """A whole nginx.conf: the site's include inside one server block on 127.0.0.1:``port``,
    with every path nginx writes under ``prefix``."""
    temp = prefix / "temp"
    # As root, nginx's workers would run as "nobody", who may not read a private folder.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    load = f"load_module {BROTLI_MODULE};" if brotli else ""
    return f"""\
{load}
{user}
daemon off;
master_process on;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        root {site_dir};
        include {site_dir / NGINX_FILE};
        {"brotli_static on;" if brotli else ""}
    }}
}}
"""


def _stop_with_parent() -> None:
    """In the child before nginx starts: ask Linux to stop it if this process dies without
    closing it (a killed test run), so no nginx outlives its caller."""
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class LocalNginx:
    """nginx serving ``site_dir`` at ``self.url`` until :meth:`close` (or the ``with`` block ends)."""

    def __init__(self, site_dir: Path, port: int = 0, brotli: bool | None = None):
        if not Path(NGINX).exists():
            raise FileNotFoundError(f"{NGINX} is missing: `make system-tools` installs Debian's nginx")
        self.brotli = BROTLI_MODULE.exists() if brotli is None else brotli
        self.prefix = Path(tempfile.mkdtemp(prefix="guide-nginx-"))
        (self.prefix / "temp").mkdir()
        self.process: subprocess.Popen[bytes] | None = None
        try:
            self._start(Path(site_dir).resolve(), port)
        except BaseException:
            self.close()
            raise

    def _start(self, site_dir: Path, port: int) -> None:
        for _ in range(5):  # a free port may be taken between the probe and nginx's bind
            self.port = port or free_port()
            config = self.prefix / "nginx.conf"
            config.write_text(server_config(site_dir, self.prefix, self.port, self.brotli))
            process = self.process = subprocess.Popen(
                [NGINX, "-p", str(self.prefix), "-c", str(config), "-e", str(self.prefix / "error.log")],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                preexec_fn=_stop_with_parent,
            )
            if self._ready(process):
                self.url = f"http://127.0.0.1:{self.port}/"
                return
            error = (process.stderr.read() if process.stderr else b"").decode(errors="replace") + self.log()
            self.process = None
            if port or "Address already in use" not in error:
                raise RuntimeError(f"nginx did not start:\n{error}")
        raise RuntimeError("nginx found no free port")

    def _ready(self, process: subprocess.Popen[bytes], timeout: float = 15) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return True
            except OSError:
                time.sleep(0.05)
        process.kill()
        process.wait()
        return False

    def log(self) -> str:
        path = self.prefix / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def close(self) -> None:
        """Stop nginx (its master stops its worker) and delete the prefix folder."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: finish open requests
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process and self.process.stderr:
            self.process.stderr.close()
        self.process = None
        shutil.rmtree(self.prefix, ignore_errors=True)

    def __enter__(self) -> LocalNginx:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide.publish.localnginx", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site (make build writes site/)")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args(argv)
    if not (args.site / NGINX_FILE).is_file():
        print(f"{args.site / NGINX_FILE} is missing: build the site first (make build)", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # leave through close() as Ctrl+C does
    with LocalNginx(args.site, args.port) as server:
        print(f"Serving {args.site} with nginx at {server.url} (Brotli {'on' if server.brotli else 'off'}); Ctrl+C stops it.")
        try:
            if server.process:
                server.process.wait()
        except KeyboardInterrupt:
            return 0
        print(f"nginx stopped:\n{server.log()}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
