"""Push a build's graph to any SPARQL 1.1 Graph Store (Oxigraph, Fuseki, GraphDB …), and say
only what is true about it.

The build's graph.nt (its triples in a fixed order, each once) is sent in chunks into one named
graph: the first chunk with PUT (replacing whatever the graph held), the rest with POST. Progress
is saved after every chunk in DIR/.push-state.json, keyed by endpoint, graph and the content's
hash, so a push that was interrupted resumes where it stopped instead of starting again.

Local progress is a claim about someone else's store, so it is checked: before resuming, the
remote graph must hold as many triples as the chunks sent so far (else the push starts over: the
store was reset or the graph deleted meanwhile), and after the last chunk exactly as many as the
build has (else the push fails, and the next one starts over). A redirect is refused (a POST
redirected and replayed as GET loses its body while the server answers 200). No request waits
longer than the connect and read timeouts for a sign of life, and none outlives the deadline of
the whole push: a server that trickles a byte a second is cut off too.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from policygraph.files import write_atomic

STATE = ".push-state.json"
_DETAIL = 300  # characters of an error answer quoted


class PushError(RuntimeError):
    """A push that did not happen as asked: one line for the user, and the exit status (2: the
    command itself is wrong, 1: the push failed and the same command resumes it)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Limits:
    """How long a push waits: to connect, for each sign of life, and for everything (seconds)."""

    connect: float = 10.0
    read: float = 120.0
    deadline: float = 3600.0


class _Clock:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()


def check_endpoint(url: str) -> str:
    """`url` if it is an http(s) URL with a host; else PushError (status 2)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"--endpoint {url!r} is not an http:// or https:// URL with a host", 2)
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as e:
        raise PushError(f"--endpoint {url!r}: {e}", 2) from None
    return url


def _abort(conn: http.client.HTTPConnection) -> None:
    """Cut a request off at the deadline, wherever it is blocked (connect, send, receive)."""
    if conn.sock is not None:
        with contextlib.suppress(OSError):
            conn.sock.shutdown(socket.SHUT_RDWR)


def request(url: str, method: str, body: bytes | None, headers: dict[str, str], limits: Limits,
            clock: _Clock, sink: Callable[[bytes], None] | None = None) -> bytes:
    """One HTTP request within the limits; the answer's body (or, with `sink`, each piece of it
    given to `sink` as it comes). Raises PushError on anything but a 2xx answer."""
    parts = urllib.parse.urlsplit(url)
    left = clock.left()
    if left <= 0:
        raise PushError(f"the push's deadline of {clock.seconds:g} s passed")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = kind(parts.hostname or "", parts.port, timeout=min(limits.connect, left))
    timer = threading.Timer(left, _abort, (conn,))
    timer.daemon = True
    timer.start()
    resp: http.client.HTTPResponse | None = None
    try:
        conn.connect()
        if conn.sock is not None:
            conn.sock.settimeout(min(limits.read, max(clock.left(), 0.001)))
        path = parts.path or "/"
        conn.request(method, path + (f"?{parts.query}" if parts.query else ""), body=body, headers=headers)
        resp = conn.getresponse()
        data = _receive(resp, sink if 200 <= resp.status < 300 else None, clock)
    except (OSError, http.client.HTTPException) as e:
        raise _failure(method, url, e, limits, clock) from None
    finally:
        timer.cancel()
        if resp is not None:
            resp.close()  # an answer cut short holds the socket until closed itself
        conn.close()
    _check_status(method, url, resp, data)
    return data


#: The most of an answer kept (a count, an error page): an endless body is not read to the end.
MAX_ANSWER = 1 << 20


def _receive(resp: http.client.HTTPResponse, sink: Callable[[bytes], None] | None, clock: _Clock) -> bytes:
    """The answer's body, at most MAX_ANSWER bytes of it, or each piece given to `sink` (a graph
    read back to count it) until the push's deadline: a server that never stops sending cannot
    hold the push or fill its memory."""
    if sink is None:
        data = resp.read(MAX_ANSWER + 1)
        if len(data) > MAX_ANSWER:
            raise http.client.HTTPException(f"an answer longer than {MAX_ANSWER:,} bytes")
        return data
    while piece := resp.read(1 << 16):
        if clock.left() <= 0:
            raise TimeoutError("deadline")
        sink(piece)
    return b""


def _failure(method: str, url: str, e: BaseException, limits: Limits, clock: _Clock) -> PushError:
    if clock.left() <= 0:
        return PushError(f"{method} {url} cut off: the push's deadline of {clock.seconds:g} s passed")
    if isinstance(e, TimeoutError):
        return PushError(f"{method} {url}: no answer for {limits.read:g} s (connect: {limits.connect:g} s)")
    reason = getattr(e, "strerror", None) or str(e) or type(e).__name__
    return PushError(f"{method} {url} failed: {reason}")


def _check_status(method: str, url: str, resp: http.client.HTTPResponse, data: bytes) -> None:
    if 200 <= resp.status < 300:
        return
    if 300 <= resp.status < 400:
        to = resp.getheader("Location") or "?"
        raise PushError(f"{method} {url} answered {resp.status} {resp.reason}, a redirect to {to}: refused "
                        "(a redirected upload may arrive without its body); give the final URL as --endpoint")
    detail = " ".join(data[:_DETAIL * 4].decode("utf-8", "replace").split())[:_DETAIL]
    raise PushError(f"{method} {url} answered {resp.status} {resp.reason}: {detail}")


def _send(url: str, method: str, body: bytes, timeout: float) -> None:
    """Send one chunk with default limits but the read `timeout` (the signature tests inject)."""
    limits = Limits(read=timeout)
    request(url, method, body, {"Content-Type": "application/n-triples"}, limits, _Clock(limits.deadline))


def _save(path: Path, state: dict) -> None:
    write_atomic(path, json.dumps(state, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def query_endpoint_of(endpoint: str) -> str | None:
    """The SPARQL query endpoint beside a Graph Store one, where the layout is known: Oxigraph's
    /store → /query, Fuseki's /DATASET/data → /DATASET/query; None elsewhere."""
    parts = urllib.parse.urlsplit(endpoint)
    for store, query in (("/store", "/query"), ("/data", "/query")):
        if parts.path.endswith(store):
            return urllib.parse.urlunsplit(parts._replace(path=parts.path[:-len(store)] + query, query=""))
    return None


def remote_count(endpoint: str, graph: str, limits: Limits, clock: _Clock, query: str | None = None) -> int:
    """How many triples the remote `graph` holds: a COUNT at the query endpoint if there is one,
    else the graph fetched from the Graph Store and its lines counted as they come."""
    query = query or query_endpoint_of(endpoint)
    if query is not None:
        text = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        data = request(query, "POST", urllib.parse.urlencode({"query": text}).encode(),
                       {"Content-Type": "application/x-www-form-urlencoded",
                        "Accept": "application/sparql-results+json"}, limits, clock)
        try:
            return int(json.loads(data)["results"]["bindings"][0]["n"]["value"])
        except (ValueError, KeyError, IndexError, TypeError):
            raise PushError(f"{query} gave no count of the graph's triples: "
                            f"{' '.join(data[:_DETAIL].decode('utf-8', 'replace').split())}") from None
    lines = [0]

    def count(piece: bytes) -> None:
        lines[0] += piece.count(b"\n")

    try:
        request(_graph_url(endpoint, graph), "GET", None, {"Accept": "application/n-triples"}, limits, clock,
                sink=count)
    except PushError as e:
        if " answered 404 " in str(e):
            return 0  # no such graph (yet)
        raise
    return lines[0]


def _graph_url(endpoint: str, graph: str) -> str:
    return f"{endpoint}{'&' if '?' in endpoint else '?'}graph={urllib.parse.quote(graph, safe='')}"


def push(
    folder: Path,
    endpoint: str,
    graph: str,
    chunk: int = 50_000,
    timeout: float = 120.0,
    send: Callable[[str, str, bytes, float], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    force: bool = False,
    limits: Limits | None = None,
    query: str | None = None,
    note: Callable[[str], None] | None = None,
) -> dict:
    """Upload DIR/graph.nt into `graph` at the Graph Store `endpoint`; return the final state
    (`remote`: the count found there; `already`: nothing was sent, the store held it all).

    `force`: send everything again whatever the saved progress says. `query`: the SPARQL query
    endpoint to count with (default: beside `endpoint`, see query_endpoint_of)."""
    check_endpoint(endpoint)
    limits = limits or Limits(read=timeout)
    clock = _Clock(limits.deadline)
    nt = folder / "graph.nt"
    if not nt.is_file():
        raise PushError(f"{nt} not found; run `policygraph build` first", 2)
    data = nt.read_bytes()
    lines = data.splitlines(keepends=True)
    chunks = [b"".join(lines[i:i + chunk]) for i in range(0, len(lines), chunk)] or [b""]
    state_path = folder / STATE
    state = {"endpoint": endpoint, "graph": graph, "digest": hashlib.sha256(data).hexdigest(),
             "chunks": len(chunks), "triples": len(lines), "done": 0}
    done = 0 if force else _saved_done(state_path, state)

    def counted() -> int:
        return remote_count(endpoint, graph, limits, clock, query)

    if done:
        have, want = counted(), min(done * chunk, len(lines))
        if have != want:
            if note:
                note(f"the remote graph holds {have:,} triples, not the {want:,} the {done} chunk(s) pushed "
                     "before put there (the store was reset or changed): pushing from the start")
            done = 0
        elif done == len(chunks):
            return {**state, "done": done, "remote": have, "already": True}
    url = _graph_url(endpoint, graph)
    def within_limits(u: str, m: str, b: bytes, _t: float) -> None:
        request(u, m, b, {"Content-Type": "application/n-triples"}, limits, clock)

    sender = send or within_limits
    for i in range(done, len(chunks)):
        state["done"] = i  # not past this chunk until it is sent
        sender(url, "PUT" if i == 0 else "POST", chunks[i], limits.read)
        state["done"] = i + 1
        _save(state_path, state)
        if progress:
            progress(i + 1, len(chunks))
    have = counted()
    if have != len(lines):
        state["done"] = 0  # the next push starts over
        _save(state_path, state)
        raise PushError(f"after the push the remote graph holds {have:,} triples, not the {len(lines):,} "
                        "sent: something lost or added some (a proxy, another client)")
    return {**state, "remote": have}


def resume_command(args: dict[str, object]) -> str:
    """The command line that resumes a push given these `policygraph push` arguments (by their
    argparse names): the same one, defaults left out."""
    import shlex

    words = ["policygraph", "push", str(args["dir"]), "--endpoint", str(args["endpoint"])]
    for name, default in (("graph", None), ("chunk", 50_000), ("query_endpoint", None),
                          ("connect_timeout", Limits.connect), ("timeout", Limits.read),
                          ("deadline", Limits.deadline)):
        value = args.get(name)
        if value is not None and value != default:
            words += ["--" + name.replace("_", "-"), f"{value:g}" if isinstance(value, float) else str(value)]
    return shlex.join(words)


def _saved_done(path: Path, state: dict) -> int:
    """Chunks a previous push of the same content to the same place saved as sent."""
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
        if all(old.get(k) == state[k] for k in ("endpoint", "graph", "digest", "chunks")):
            return max(0, min(int(old.get("done", 0)), state["chunks"]))
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    return 0
