"""A read-only SPARQL 1.1 endpoint over a build, with the HTML explorer beside it.

`policygraph serve DIR` answers the SPARQL 1.1 Protocol at /sparql (GET ?query=, POST form or
application/sparql-query) with content negotiation: results as JSON, XML, CSV or TSV;
CONSTRUCT/DESCRIBE graphs as Turtle, N-Triples or RDF/XML. Updates and writes get 403. Every
other path serves the build folder's files (graph.html, cascades/…), never leaving it.

The HTTP side is waitress, a maintained pure-Python WSGI server: HTTP/1.1 with keep-alive and
chunked bodies, a real listen backlog, idle connections closed, request headers and bodies
bounded, and a request handed to the application only once it has arrived whole, so a slow or
hostile client holds no thread. Queries run in worker processes (pool.py) that can be killed;
texts that could crash the parser or reach other servers are refused first (protocol.py).
"""

from __future__ import annotations

import logging
import mimetypes
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policygraph.sparql.pool import Aborted, Answer, Limits, Pool, refusal_answer
from policygraph.sparql.protocol import READ_ONLY, TEXT, Refusal, check_query, parse_request

log = logging.getLogger("policygraph.sparql.serve")

StartResponse = Callable[..., Any]
MAX_BODY = 10 * 1024 * 1024  # bytes of request body (413 beyond); a query is at most 1 M characters
MAX_HEADERS = 256 * 1024  # bytes of request line and headers (431 beyond): longer queries go by POST
REASONS = {200: "OK", 204: "No Content", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
           405: "Method Not Allowed", 406: "Not Acceptable", 413: "Content Too Large",
           415: "Unsupported Media Type", 500: "Internal Server Error", 503: "Service Unavailable"}
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclass(frozen=True)
class Settings:
    """How the endpoint behaves beyond the query limits."""

    cors: str | None = None  # the one origin whose pages may read answers (Access-Control-Allow-Origin)
    services: frozenset[str] = frozenset()  # SERVICE endpoints a query may call
    workers: int = 2


class _QuietAborts(logging.Filter):
    """An answer cut on purpose (pool.Aborted) is logged by us in one line, not by waitress
    with a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], Aborted))


class App:
    """The WSGI application: /sparql, and the build folder's files everywhere else."""

    def __init__(self, folder: Path, pool: Pool, settings: Settings) -> None:
        self.root = folder.resolve()
        self.pool = pool
        self.settings = settings

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        t0 = time.perf_counter()
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")
        if path == "/sparql":
            answer = self._sparql(environ, method)
        elif method == "OPTIONS":
            answer = Answer(204, TEXT, iter(()), 0)
        elif method in ("GET", "HEAD"):
            answer = self._static(path)
        else:
            answer = refusal_answer(READ_ONLY if method in ("POST", "PUT", "DELETE", "PATCH")
                                    else Refusal(405, f"{method} is not allowed"))
        headers = [("Content-Type", answer.ctype)]
        if answer.length is not None:
            headers.append(("Content-Length", str(answer.length)))
        if method == "OPTIONS" or answer.status == 405:
            headers.append(("Allow", "GET, HEAD, POST, OPTIONS"))
        if self.settings.cors:
            headers += [("Access-Control-Allow-Origin", self.settings.cors), ("Vary", "Origin")]
            if method == "OPTIONS":
                headers += [("Access-Control-Allow-Methods", "GET, POST"),
                            ("Access-Control-Allow-Headers", "Accept, Content-Type"),
                            ("Access-Control-Max-Age", "600")]
        start_response(f"{answer.status} {REASONS.get(answer.status, '')}".rstrip(), headers)
        body = iter(()) if method == "HEAD" else answer.body
        return _logged(body, environ, method, answer.status, t0)

    def _sparql(self, environ: dict[str, Any], method: str) -> Answer:
        if method == "OPTIONS":
            return Answer(204, TEXT, iter(()), 0)
        body = environ["wsgi.input"].read() if method == "POST" else b""
        req = parse_request(method, environ.get("QUERY_STRING", ""), environ.get("CONTENT_TYPE", ""),
                            body, environ.get("HTTP_ACCEPT", ""))
        if isinstance(req, Refusal):
            return refusal_answer(req)
        stream = environ.get("SERVER_PROTOCOL") != "HTTP/1.0"
        kept = self.pool.cached(req.text, req.accept, stream)
        if kept is not None:
            return kept
        refused = check_query(req.text, self.settings.services)
        if refused is not None:
            return refusal_answer(refused)
        return self.pool.run(req.text, req.accept, stream)

    def _static(self, path: str) -> Answer:
        rel = path.lstrip("/") or "graph.html"
        not_found = refusal_answer(Refusal(404, "not found"))
        if any(ord(c) < 32 for c in rel) or "\\" in rel:
            return not_found
        try:
            target = (self.root / rel).resolve()
            inside = target == self.root or self.root in target.parents
            if not inside or not target.is_file() or \
                    any(p.startswith(".") for p in target.relative_to(self.root).parts):
                return not_found
            data = target.read_bytes()
        except (OSError, ValueError):
            return not_found
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype.endswith(("json", "javascript")):
            ctype += "; charset=utf-8"
        return Answer(200, ctype, iter((data,)), len(data))


def _logged(body: Iterator[bytes], environ: dict[str, Any], method: str, status: int,
            t0: float) -> Iterator[bytes]:
    """The body, with one log line once it was sent (or cut)."""
    sent = 0
    note = ""
    try:
        for chunk in body:
            sent += len(chunk)
            yield chunk
    except Aborted as e:
        note = f" cut: {e}"
        raise
    except GeneratorExit:
        note = " client hung up"
        raise
    finally:
        path = environ.get("PATH_INFO", "")[:200].encode("unicode_escape").decode("ascii")
        log.info("%s %s %s %d %dB %.0fms%s", environ.get("REMOTE_ADDR", "-"), method, path, status,
                 sent, (time.perf_counter() - t0) * 1000, note)


class Server:
    """The waitress server, the application and its query workers: `run` until closed."""

    def __init__(self, folder: Path, host: str, port: int, limits: Limits, settings: Settings) -> None:
        from waitress.server import create_server

        self.pool = Pool(folder, settings.workers, limits)
        self.http = create_server(
            App(folder, self.pool, settings), host=host.strip("[]"), port=port,
            threads=max(16, 4 * settings.workers), backlog=1024, connection_limit=512,
            channel_timeout=max(30, int(limits.timeout) + 10), cleanup_interval=10,
            max_request_body_size=MAX_BODY, max_request_header_size=MAX_HEADERS,
            expose_tracebacks=False, ident="policygraph", asyncore_use_poll=True,
            clear_untrusted_proxy_headers=True)
        self.pool.start()
        logging.getLogger("waitress").addFilter(_QuietAborts())

    @property
    def url(self) -> str:
        host, port = self.http.effective_host, self.http.effective_port  # type: ignore[union-attr]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}"

    def run(self) -> None:
        self.http.run()

    def close(self) -> None:
        self.http.close()
        self.pool.close()


def exposure_warning(host: str) -> str | None:
    """What to say when the endpoint is reachable from other machines."""
    if host in LOOPBACK or host.startswith("127."):
        return None
    return (f"warning: --host {host} makes the endpoint reachable from other machines, with no "
            "TLS and no authentication; keep it on 127.0.0.1 and put a reverse proxy (nginx, "
            "Caddy) in front of it to publish it")


def make_server(folder: Path, host: str = "127.0.0.1", port: int = 8080, limits: Limits | None = None,
                settings: Settings | None = None) -> Server:
    """A server over the build in `folder`, bound but not yet running."""
    return Server(folder, host, port, limits or Limits(), settings or Settings())
