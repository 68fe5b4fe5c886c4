"""A read-only SPARQL 1.1 endpoint over a build, with the HTML explorer beside it.

`policygraph serve DIR` opens the build's Oxigraph store read-only (DIR/store) and answers the
SPARQL 1.1 Protocol at /sparql (GET ?query=…, POST form or application/sparql-query), with
content negotiation: SPARQL results as JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE graphs as
Turtle or N-Triples. Updates and any other write are refused (403). Each query has a time
limit and each answer a size limit, with clear errors (503, 413). Every other path serves the
build folder's files (graph.html, cascades/…) without ever leaving it. Requests are logged.
It binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import concurrent.futures
import logging
import mimetypes
import time
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pyoxigraph as ox

from policygraph.export.terms import PREFIXES
from policygraph.sparql.store import open_store

log = logging.getLogger("policygraph.sparql.serve")

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def load_store(folder: Path) -> ox.Store:
    """The build's on-disk store, read-only; a build without one has graph.ttl loaded in memory."""
    store = open_store(folder)
    if store is None:
        store = ox.Store()
        store.bulk_load(path=str(folder / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return store


def _negotiate(accept: str, offers: Mapping[str, object], default: str) -> str | None:
    """The offered media type the Accept header prefers (q-values honoured); None if none fits."""
    if not accept.strip():
        return default
    prefs = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        prefs.append((-q, i, mtype))
    for negq, _i, mtype in sorted(prefs):
        if negq == 0:
            continue
        if mtype in offers:
            return mtype
        if mtype in ("*/*", "application/*", "text/*"):
            return default if default.startswith(mtype[:-1]) or mtype == "*/*" else next(
                (o for o in offers if o.startswith(mtype[:-1])), None)
    return None


class Endpoint:
    """The query side of the server, independent of HTTP so it can be tested directly."""

    def __init__(self, store: ox.Store, timeout: float = 30.0, max_bytes: int = 50 * 1024 * 1024) -> None:
        self.store = store
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=4)
        self.prefixes = {k: str(v) for k, v in PREFIXES.items()}

    def answer(self, query: str, accept: str) -> tuple[int, str, bytes]:
        """(status, content type, body) for one query."""
        fut = self.pool.submit(self._run, query, accept)
        try:
            return fut.result(timeout=self.timeout)
        except concurrent.futures.TimeoutError:
            return 503, "text/plain; charset=utf-8", (
                f"query exceeded the time limit of {self.timeout:g} s\n").encode()

    def _run(self, query: str, accept: str) -> tuple[int, str, bytes]:
        try:
            result = self.store.query(query, prefixes=self.prefixes)
        except SyntaxError as e:
            return 400, "text/plain; charset=utf-8", f"SPARQL syntax error: {e}\n".encode()
        except (OSError, ValueError) as e:
            return 400, "text/plain; charset=utf-8", f"query failed: {e}\n".encode()
        if isinstance(result, ox.QueryTriples):
            mtype = _negotiate(accept, GRAPH_TYPES, "text/turtle")
            if mtype is None:
                return 406, "text/plain; charset=utf-8", b"offered: text/turtle, application/n-triples\n"
            body = result.serialize(format=GRAPH_TYPES[mtype])
        else:
            mtype = _negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
            if mtype is None:
                return 406, "text/plain; charset=utf-8", (
                    b"offered: application/sparql-results+json, application/sparql-results+xml, "
                    b"text/csv, text/tab-separated-values\n")
            body = result.serialize(format=RESULT_TYPES[mtype])
        if body is None:
            body = b""
        if len(body) > self.max_bytes:
            return 413, "text/plain; charset=utf-8", (
                f"the answer is {len(body):,} bytes, over the limit of {self.max_bytes:,}; "
                "add a LIMIT\n").encode()
        charset = "; charset=utf-8" if mtype.startswith("text/") or "json" in mtype else ""
        return 200, mtype + charset, body

    def close(self) -> None:
        """Stop the query threads; a query still running is not waited for."""
        self.pool.shutdown(wait=False, cancel_futures=True)


def make_handler(folder: Path, endpoint: Endpoint) -> type[BaseHTTPRequestHandler]:
    root = folder.resolve()

    class Handler(BaseHTTPRequestHandler):
        server_version = "policygraph"

        def log_message(self, fmt: str, *args: object) -> None:  # quiet default logging
            pass

        def _send(self, status: int, ctype: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            log.info("%s %s %s %d %dB %.0fms", self.client_address[0], self.command, self.path[:200],
                     status, len(body), (time.perf_counter() - self._t0) * 1000)

        def _refuse_write(self) -> None:
            self._send(403, "text/plain; charset=utf-8",
                       b"this endpoint is read-only: SPARQL Update and writes are refused\n")

        def do_GET(self) -> None:
            self._t0 = time.perf_counter()
            url = urlparse(self.path)
            if url.path == "/sparql":
                params = parse_qs(url.query)
                if "update" in params:
                    return self._refuse_write()
                if "query" not in params:
                    return self._send(400, "text/plain; charset=utf-8", b"missing ?query=\n")
                return self._send(*endpoint.answer(params["query"][0], self.headers.get("Accept", "")))
            self._static(url.path)

        do_HEAD = do_GET

        def do_POST(self) -> None:
            self._t0 = time.perf_counter()
            url = urlparse(self.path)
            if url.path != "/sparql":
                return self._refuse_write()
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(min(length, 10 * 1024 * 1024)).decode("utf-8", "replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                return self._refuse_write()
            if ctype == "application/sparql-query":
                query = body
            elif ctype == "application/x-www-form-urlencoded":
                form = parse_qs(body)
                if "update" in form:
                    return self._refuse_write()
                if "query" not in form:
                    return self._send(400, "text/plain; charset=utf-8", b"missing query=\n")
                query = form["query"][0]
            else:
                return self._send(415, "text/plain; charset=utf-8",
                                  b"use application/sparql-query or application/x-www-form-urlencoded\n")
            self._send(*endpoint.answer(query, self.headers.get("Accept", "")))

        def do_PUT(self) -> None:
            self._t0 = time.perf_counter()
            self._refuse_write()

        do_DELETE = do_PATCH = do_PUT

        def _static(self, path: str) -> None:
            rel = unquote(path).lstrip("/") or "graph.html"
            target = (root / rel).resolve()
            if (root not in target.parents and target != root) or not target.is_file() or \
                    any(p.startswith(".") for p in target.relative_to(root).parts):
                return self._send(404, "text/plain; charset=utf-8", b"not found\n")
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype.endswith(("json", "javascript")):
                ctype += "; charset=utf-8"
            self._send(200, ctype, target.read_bytes())

    return Handler


class Server(ThreadingHTTPServer):
    """The HTTP server and its endpoint: closing the server stops the endpoint's threads too."""

    def __init__(self, address: tuple[str, int], folder: Path, endpoint: Endpoint) -> None:
        super().__init__(address, make_handler(folder, endpoint))
        self.endpoint = endpoint

    def server_close(self) -> None:
        super().server_close()
        self.endpoint.close()


def make_server(folder: Path, host: str = "127.0.0.1", port: int = 8080, timeout: float = 30.0,
                max_bytes: int = 50 * 1024 * 1024) -> Server:
    return Server((host, port), folder, Endpoint(load_store(folder), timeout, max_bytes))
