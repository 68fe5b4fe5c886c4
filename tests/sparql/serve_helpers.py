"""A real `policygraph serve` process for the endpoint tests, and the legitimate query each
test asks after an attack."""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psutil

#: The national documents of the bundled example corpus, by number (independent of the server).
NATIONAL = ["中发〔2019〕7号", "国办发〔2021〕58号", "民政部令第66号"]
LEGIT = "SELECT ?n WHERE { ?d eli:id_local ?n ; pg:level pg:national } ORDER BY ?n"


def _end_with_parent() -> None:
    """In the server's process before it starts: SIGTERM when the test run ends, however it ends
    (Linux), so that no server outlives a failed or killed test; and Ctrl-C heard, as from a
    terminal, even when the test run was started in the background of a script (which ignores
    SIGINT, and a child would inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Served:
    """`policygraph serve` in its own process; its log in a file (a pipe could fill and block it)."""

    def __init__(self, folder: Path, *options: str) -> None:
        self.log = folder.parent / f"serve-{os.getpid()}-{time.monotonic_ns()}.log"
        with self.log.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "policygraph.cli", "serve", str(folder), "--port", "0", *options],
                stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL, preexec_fn=_end_with_parent)
        self.base = self._wait_url()
        self.host, port = urllib.parse.urlsplit(self.base).netloc.rsplit(":", 1)
        self.port = int(port)

    def _wait_url(self) -> str:
        t0 = time.monotonic()
        while time.monotonic() - t0 < 60:
            m = re.search(r"SPARQL endpoint (http://\S+)/sparql", self.text())
            if m:
                return m.group(1)
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve ended: {self.text()}")
            time.sleep(0.05)
        raise RuntimeError(f"serve did not start: {self.text()}")

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def workers(self) -> list[psutil.Process]:
        """The query workers: forked by the forkserver, the server's child."""
        servers = [p for p in psutil.Process(self.proc.pid).children()
                   if "forkserver" in " ".join(p.cmdline())]
        return [w for f in servers for w in f.children()]

    def stop(self, sig: int = signal.SIGINT) -> list[psutil.Process]:
        """Stop the server as Ctrl-C (or `kill`) does; the processes it had, to check none is left."""
        family = psutil.Process(self.proc.pid).children(recursive=True)
        self.proc.send_signal(sig)
        self.proc.wait(20)
        return family


def get(base: str, query: str, accept: str = "application/sparql-results+json", timeout: float = 30
        ) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of a GET /sparql (errors included)."""
    req = urllib.request.Request(base + "/sparql?query=" + urllib.parse.quote(query),
                                 headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        with e:
            return e.code, dict(e.headers), e.read()


def assert_alive(base: str) -> None:
    """The server answers a legitimate query, rightly."""
    status, _h, body = get(base, LEGIT)
    assert status == 200, body
    assert [b["n"]["value"] for b in json.loads(body)["results"]["bindings"]] == NATIONAL


def raw(host: str, port: int, data: bytes, timeout: float = 10) -> bytes:
    """Send bytes as they are on a new connection; everything the server sends back until it
    closes (or stays silent for `timeout`)."""
    with socket.create_connection((host, port), timeout=timeout) as s:
        with contextlib.suppress(ConnectionResetError, BrokenPipeError):  # answered before the end
            s.sendall(data)
        out = b""
        with contextlib.suppress(TimeoutError, ConnectionResetError):
            while not _whole_answer(out) and (chunk := s.recv(65536)):
                out += chunk
        return out


def _whole_answer(data: bytes) -> bool:
    """Whether `data` holds a whole answer with a Content-Length (a kept-alive connection stays open)."""
    head, sep, body = data.partition(b"\r\n\r\n")
    m = re.search(rb"\r\ncontent-length: *(\d+)", head, re.IGNORECASE)
    return bool(sep and m and len(body) >= int(m.group(1)))
