"""push tells the truth: against the real Oxigraph server, killed and reset under it, and
against servers that redirect, trickle, hang or lie (each on a loopback port of its own)."""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

import pytest

from policygraph.build import build
from policygraph.cli import main
from policygraph.sparql.push import STATE, Limits, PushError, _send, push

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
GRAPH = "https://example.org/policygraph/truth"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Oxigraph:
    """`oxigraph serve` in memory on a fixed loopback port: killed (kill -9) and started again
    empty, as a store that was reset."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen([OXIGRAPH, "serve", "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                urllib.request.urlopen(self.base + "/query?query=ASK%7B%7D", timeout=1).read()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError(f"the oxigraph server did not answer at {self.base}")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def count(self) -> int:
        q = urllib.parse.quote(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}")
        req = urllib.request.Request(f"{self.base}/query?query={q}",
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            return int(json.load(r)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture
def oxigraph() -> Iterator[Oxigraph]:
    server = Oxigraph()
    server.start()
    yield server
    server.kill()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("truth")
    build(EXAMPLES, out, jobs=1)
    return out


@pytest.fixture
def fresh(built: Path) -> Path:
    (built / STATE).unlink(missing_ok=True)
    return built


def _triples(built: Path) -> int:
    return len((built / "graph.nt").read_bytes().splitlines())


def test_a_deleted_graph_is_pushed_again_not_reported_as_there(oxigraph: Oxigraph, fresh: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    endpoint = oxigraph.base + "/store"
    assert main(["push", str(fresh), "--endpoint", endpoint, "--graph", GRAPH, "--chunk", "500"]) == 0
    assert oxigraph.count() == _triples(fresh)
    assert main(["push", str(fresh), "--endpoint", endpoint, "--graph", GRAPH, "--chunk", "500"]) == 0
    assert "already pushed" in capsys.readouterr().out  # the store holds it all: nothing sent
    req = urllib.request.Request(f"{endpoint}?graph={urllib.parse.quote(GRAPH, safe='')}", method="DELETE")
    urllib.request.urlopen(req, timeout=10).read()
    assert oxigraph.count() == 0
    assert main(["push", str(fresh), "--endpoint", endpoint, "--graph", GRAPH, "--chunk", "500"]) == 0
    got = capsys.readouterr()
    assert "holds 0 triples" in got.err and "pushing from the start" in got.err
    assert oxigraph.count() == _triples(fresh)


def test_force_sends_everything_again(oxigraph: Oxigraph, fresh: Path) -> None:
    endpoint = oxigraph.base + "/store"
    push(fresh, endpoint, GRAPH, chunk=500)
    sent: list[str] = []

    def record(url: str, method: str, body: bytes, timeout: float) -> None:
        sent.append(method)
        _send(url, method, body, timeout)

    assert push(fresh, endpoint, GRAPH, chunk=500, send=record).get("already") and not sent
    state = push(fresh, endpoint, GRAPH, chunk=500, send=record, force=True)
    assert sent == ["PUT"] + ["POST"] * (state["chunks"] - 1) and state["remote"] == _triples(fresh)
    assert oxigraph.count() == _triples(fresh)


@pytest.mark.parametrize("kill_after", [1, 2, 3])
def test_a_store_killed_and_reset_mid_push_ends_with_the_right_count(
        oxigraph: Oxigraph, fresh: Path, kill_after: int, capsys: pytest.CaptureFixture[str]) -> None:
    endpoint = oxigraph.base + "/store"
    sent: list[str] = []

    def dying(url: str, method: str, body: bytes, timeout: float) -> None:
        if len(sent) == kill_after:
            oxigraph.kill()
        sent.append(method)
        _send(url, method, body, timeout)

    with pytest.raises(PushError) as e:
        push(fresh, endpoint, GRAPH, chunk=300, send=dying)
    assert "\n" not in str(e.value)
    assert json.loads((fresh / STATE).read_text(encoding="utf-8"))["done"] == kill_after
    # The command says how to resume, in one line.
    assert main(["push", str(fresh), "--endpoint", endpoint, "--graph", GRAPH, "--chunk", "300",
                 "--connect-timeout", "2"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "resume with: policygraph push" in err and "--chunk 300" in err
    oxigraph.start()  # empty: the chunks sent before are gone
    assert main(["push", str(fresh), "--endpoint", endpoint, "--graph", GRAPH, "--chunk", "300"]) == 0
    assert "pushing from the start" in capsys.readouterr().err
    assert oxigraph.count() == _triples(fresh)


class _Redirect(BaseHTTPRequestHandler):
    target = ""

    def _go(self) -> None:
        self.send_response(302)
        self.send_header("Location", self.target + self.path)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = _go

    def log_message(self, *args: object) -> None:
        pass


class _Liar(BaseHTTPRequestHandler):
    """A Graph Store that answers 204 to every upload and keeps nothing."""

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PUT

    def do_GET(self) -> None:  # the graph, fetched to be counted: one triple
        body = b'<http://a> <http://b> "c" .\n'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_redirect_is_refused_and_nothing_is_claimed(oxigraph: Oxigraph, fresh: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    _Redirect.target = oxigraph.base
    for base in _serve(_Redirect):
        assert main(["push", str(fresh), "--endpoint", base + "/store", "--graph", GRAPH]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "302" in err and "redirect" in err and oxigraph.base in err
    assert oxigraph.count() == 0
    assert not (fresh / STATE).exists() or json.loads((fresh / STATE).read_text())["done"] == 0


def test_a_store_that_keeps_nothing_fails_the_push(fresh: Path) -> None:
    for base in _serve(_Liar):
        with pytest.raises(PushError) as e:
            push(fresh, base + "/graphs", GRAPH, chunk=500)  # no query endpoint: the graph is fetched
        assert f"holds 1 triples, not the {_triples(fresh):,} sent" in str(e.value)
    assert json.loads((fresh / STATE).read_text(encoding="utf-8"))["done"] == 0  # the next one starts over


def _raw_server(answer: bytes | None) -> tuple[str, threading.Event]:
    """A loopback server that reads a request and then trickles `answer` a byte every 0.2 s
    (None: says nothing) until told to stop."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def run() -> None:
        listener.settimeout(0.2)
        conns = []
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
                conn.recv(1 << 20)
                conns.append(conn)
            except OSError:
                pass
            for c in conns if answer else ():
                with contextlib.suppress(OSError):
                    c.send(answer[:1])
        for c in conns:
            c.close()
        listener.close()

    threading.Thread(target=run, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}", stop


@pytest.mark.parametrize(("answer", "says"), [(None, "no answer for 1 s"), (b"H" * 10_000, "deadline of 3 s")])
def test_a_hanging_or_trickling_server_cannot_hold_the_push(fresh: Path, answer: bytes | None, says: str) -> None:
    base, stop = _raw_server(answer)
    try:
        start = time.monotonic()
        with pytest.raises(PushError) as e:
            push(fresh, base + "/store", GRAPH, limits=Limits(connect=1, read=1, deadline=3))
        assert time.monotonic() - start < 6
        assert says in str(e.value) and "\n" not in str(e.value)
    finally:
        stop.set()


def test_bad_input_is_one_line_with_status_2(fresh: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    for endpoint in ("not a url", "ftp://example.org/store", "http:///store", "http://h:port/store"):
        assert main(["push", str(fresh), "--endpoint", endpoint]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "--endpoint" in err and "Traceback" not in err
    assert main(["push", str(tmp_path), "--endpoint", "http://127.0.0.1:9/store"]) == 2
    assert "graph.nt not found" in capsys.readouterr().err


def _flood_server() -> tuple[str, threading.Event]:
    """A loopback server that answers every request 200 and then sends without end."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with contextlib.suppress(OSError), conn:
            conn.recv(1 << 20)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/n-triples\r\n\r\n")
            while not stop.is_set():
                conn.sendall(b"<a:s> <a:p> <a:o> .\n" * 4096)

    def run() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                conn, _ = listener.accept()
                threading.Thread(target=serve, args=(conn,), daemon=True).start()
        listener.close()

    threading.Thread(target=run, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}", stop


def test_an_answer_without_end_neither_holds_the_push_nor_fills_memory(fresh: Path) -> None:
    import resource

    base, stop = _flood_server()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        start = time.monotonic()
        with pytest.raises(PushError) as e:
            push(fresh, base + "/store", GRAPH, limits=Limits(connect=1, read=1, deadline=3))
        assert time.monotonic() - start < 6
        assert "\n" not in str(e.value)
    finally:
        stop.set()
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KB: not GBs read in
