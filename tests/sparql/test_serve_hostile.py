"""A hostile client against a real `policygraph serve` process: every attack of issue 22 and a
few more. After each, the server still answers a legitimate query, rightly, and its query
workers stay within their memory limit."""

from __future__ import annotations

import contextlib
import csv
import http.client
import io
import signal
import socket
import struct
import threading
import time
import urllib.parse
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import psutil
import pytest

from policygraph.build import build

from .serve_helpers import LEGIT, Served, assert_alive, get, raw

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))
MAX_BYTES = 2_000_000
MEMORY_MB = 150
#: Runs for ever on any store (a three-way cross join), in constant memory.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
#: Grows by hundreds of megabytes a second (a cross join sorted whole).
MEMORY_BOMB = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
#: An answer of gigabytes, produced quickly.
HUGE = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "out"
    build(EXAMPLES, out, jobs=1)
    return out


@pytest.fixture(scope="module")
def srv(built: Path) -> Iterator[Served]:
    s = Served(built, "--timeout", "3", "--max-bytes", str(MAX_BYTES), "--whole-bytes", "100000",
               "--max-memory", str(MEMORY_MB), "--workers", "2")
    yield s
    s.stop()


@pytest.fixture(autouse=True)
def still_serving(srv: Served) -> Iterator[None]:
    """After every attack: the process lives and answers rightly."""
    yield
    assert srv.proc.poll() is None, srv.text()[-2000:]
    assert_alive(srv.base)


def _request(srv: Served, query: str, version: int = 11) -> tuple[int, bytes, bool]:
    """Status, body and whether the body arrived whole, read by http.client."""
    conn = http.client.HTTPConnection(srv.host, srv.port, timeout=30)
    conn._http_vsn, conn._http_vsn_str = version, f"HTTP/{version // 10}.{version % 10}"  # type: ignore[attr-defined]
    try:
        conn.request("GET", "/sparql?query=" + urllib.parse.quote(query), headers={"Accept": "text/csv"})
        r = conn.getresponse()
        try:
            return r.status, r.read(), True
        except http.client.IncompleteRead as e:
            return r.status, e.partial, False
    finally:
        conn.close()


def test_a_client_hanging_up_mid_answer(srv: Served) -> None:
    for _ in range(3):
        with socket.create_connection((srv.host, srv.port), timeout=10) as s:
            s.sendall(f"GET /sparql?query={urllib.parse.quote(HUGE)} HTTP/1.1\r\nHost: x\r\n"
                      "Accept: text/csv\r\n\r\n".encode())
            assert s.recv(1000).startswith(b"HTTP/1.1 200")
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, not FIN


def test_deep_nesting_is_refused_before_parsing(srv: Served) -> None:
    for query in ("SELECT * WHERE { " + "(" * 5000 + " }",  # segfaulted the old server
                  "SELECT * WHERE { FILTER(" + "(" * 10000 + "1" + ")" * 10000 + ") }",
                  "SELECT * WHERE { " + "\\u0028" * 5000 + " }"):  # the parser unescapes first
        status, _h, body = get(srv.base, query) if len(query) < 20_000 else _post(srv, query)
        assert status == 400 and b"levels deep" in body


def _post(srv: Served, query: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(srv.host, srv.port, timeout=30)
    try:
        conn.request("POST", "/sparql", body=query.encode(), headers={"Content-Type": "application/sparql-query"})
        r = conn.getresponse()
        return r.status, dict(r.headers), r.read()
    finally:
        conn.close()


def test_service_is_refused_in_every_spelling(srv: Served) -> None:
    for query in ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                  "select * where { service silent <http://127.0.0.1:9/x> { ?s ?p ?o } }",
                  "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
                  "SELECT * WHERE { BIND(<http://127.0.0.1:9/x> AS ?u) SERVICE ?u { ?s ?p ?o } }",
                  "SELECT * WHERE { SERVICE#c\n<http://127.0.0.1:9/x> { ?s ?p ?o } }",
                  # a variable or a language tag glued to the keyword by the triple's full stop
                  "SELECT ?x WHERE { ?s ?p ?o.SERVICE <http://127.0.0.1:9/x> { ?x ?y ?z } }",
                  "SELECT ?x WHERE { ?s ?p $o.SERVICE <http://127.0.0.1:9/x> { ?x ?y ?z } }",
                  'SELECT ?x WHERE { ?s ?p "x"@en.SERVICE <http://127.0.0.1:9/x> { ?x ?y ?z } }'):
        status, headers, body = get(srv.base, query)
        assert status == 400 and b"refused" in body, query
        assert "Access-Control-Allow-Origin" not in headers
    # the word where it is no keyword: a string, a comment, a name
    status, _h, _b = get(srv.base, 'SELECT ?x WHERE { BIND("SERVICE <http://a/>" AS ?x) } # SERVICE\n')
    assert status == 200
    status, _h, _b = get(srv.base, "SELECT ?service WHERE { ?service pg:service ?x }")
    assert status == 200
    status, _h, _b = get(srv.base, "SELECT ?o WHERE { ?s pg:a.service ?o }")  # a name with a dot inside
    assert status == 200


def test_runaway_queries_are_stopped_and_free_their_workers(srv: Served) -> None:
    results: list[tuple[int, float]] = []

    def one() -> None:
        t0 = time.monotonic()
        status, _h, _b = get(srv.base, RUNAWAY)
        results.append((status, time.monotonic() - t0))

    threads = [threading.Thread(target=one) for _ in range(4)]  # twice as many as workers
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert [s for s, _t in results] == [503] * 4
    assert max(t for _s, t in results) < 3 + 3 + 5  # waited for a worker, then stopped at 3 s
    t0 = time.monotonic()
    assert_alive(srv.base)
    assert time.monotonic() - t0 < 3


def test_memory_is_bounded(srv: Served) -> None:
    peak = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not done.is_set():
            for w in srv.workers():
                with contextlib.suppress(psutil.Error):
                    peak = max(peak, w.memory_info().rss)
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        status, _h, body = get(srv.base, MEMORY_BOMB)
    finally:
        done.set()
        watcher.join()
    assert status == 503 and b"memory" in body
    assert 0 < peak < (MEMORY_MB + 300) << 20  # the limit, plus what the open store took before


def test_large_answers_are_cut_while_streaming(srv: Served) -> None:
    status, body, whole = _request(srv, HUGE)
    assert status == 200 and not whole and len(body) <= MAX_BYTES
    status, body, whole = _request(srv, "SELECT * WHERE { ?s ?p ?o }")  # 250 kB: streamed, whole
    assert status == 200 and whole and len(body) > 100_000
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    status, _h, count = get(srv.base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv")
    assert len(rows) == 1 + int(count.split()[1])
    # HTTP/1.0 cannot tell a cut answer from a finished one: held whole, refused whole
    status, body, whole = _request(srv, HUGE, version=10)
    assert status == 413 and b"LIMIT" in body


def test_bodies_and_headers_are_bounded(srv: Served) -> None:
    comment = b"# " + b"x" * (11 << 20) + b"\n"
    out = raw(srv.host, srv.port, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
              b"Content-Length: %d\r\n\r\n" % (len(comment) + 40) + comment + b"SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert out.startswith(b"HTTP/1.1 413")
    out = raw(srv.host, srv.port, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n" + b"x" * 100_000)
    assert out.startswith(b"HTTP/1.1 400")
    out = raw(srv.host, srv.port, b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 400_000 + b"\r\n\r\n")
    assert out.split(b"\r\n")[0].endswith(b" 431 Request Header Fields Too Large")
    for garbage in (b"\x00\x01\x02\r\n\r\n", b"GET\r\n\r\n", b"GET /sparql?query=%ZZ HTTP/1.1\r\n\r\n"):
        assert raw(srv.host, srv.port, garbage).startswith(b"HTTP/1.")
    out = raw(srv.host, srv.port, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query"
              b"\r\nContent-Length: 3\r\nConnection: close\r\n\r\n\xff\xfe\xfd")
    assert out.startswith(b"HTTP/1.1 400") and b"not UTF-8" in out
    fields = "&".join(f"f{i}=1" for i in range(1000))
    out = raw(srv.host, srv.port, f"GET /sparql?{fields}&query=x HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert out.startswith(b"HTTP/1.1 400") and b"form fields" in out


def test_slow_and_idle_clients_hold_nothing(srv: Served) -> None:
    socks = []
    try:
        for i in range(300):
            s = socket.create_connection((srv.host, srv.port), timeout=10)
            if i % 2:
                s.sendall(b"GET /sparql?query=SELECT")  # and never the rest
            socks.append(s)
        t0 = time.monotonic()
        assert_alive(srv.base)
        assert time.monotonic() - t0 < 2
    finally:
        for s in socks:
            s.close()


def test_keep_alive(srv: Served) -> None:
    conn = http.client.HTTPConnection(srv.host, srv.port, timeout=10)
    try:
        conn.connect()
        first = conn.sock
        for _ in range(5):
            conn.request("GET", "/sparql?query=" + urllib.parse.quote(LEGIT), headers={"Accept": "text/csv"})
            r = conn.getresponse()
            assert r.status == 200 and r.version == 11 and r.read()
        assert conn.sock is first
    finally:
        conn.close()


def test_a_crashed_worker_is_replaced(srv: Served) -> None:
    workers = srv.workers()
    assert len(workers) == 2
    workers[0].send_signal(signal.SIGSEGV)
    workers[0].wait(5)
    for i in range(4):  # new texts, not answers kept: the dead worker is found on its next turn
        assert get(srv.base, f"{LEGIT} # {i}")[0] in (200, 500)
    deadline = time.monotonic() + 10
    while len(srv.workers()) != 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(srv.workers()) == 2, srv.text()[-3000:]


def test_workers_end_with_a_killed_server(built: Path) -> None:
    other = Served(built, "--workers", "1")
    try:
        assert_alive(other.base)  # its worker is up
        family = psutil.Process(other.proc.pid).children(recursive=True)
        assert other.workers() and all(w in family for w in other.workers())
    finally:
        other.proc.kill()
        other.proc.wait(5)
    _gone, alive = psutil.wait_procs(family, timeout=10)
    assert not alive
