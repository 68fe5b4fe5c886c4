"""The SPARQL endpoint as a user meets it: a real `policygraph serve` process, a real SPARQL
protocol client (SPARQLWrapper), the explorer's files, its options and its start-up errors."""

from __future__ import annotations

import http.client
import json
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import psutil
import pytest
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from policygraph.build import build
from policygraph.sparql.serve import exposure_warning

from .serve_helpers import LEGIT, NATIONAL, Served, assert_alive, get

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("served") / "out"
    build(EXAMPLES, out, jobs=1)
    (out / ".secret").write_text("never served", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def server(built: Path) -> Iterator[str]:
    srv = Served(built, "--timeout", "5", "--cors", "https://example.org",
                 "--allow-service", "http://127.0.0.1:9/sparql")
    yield srv.base
    srv.stop()


def refused(request: str | urllib.request.Request) -> tuple[int, bytes]:
    """The status and body of an answer that must be an HTTP error."""
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request)
    with err.value as e:
        return e.code, e.read()


def client(base: str, query: str) -> SPARQLWrapper:
    s = SPARQLWrapper(base + "/sparql")
    s.setQuery(query)
    return s


def test_select_in_every_results_format(server: str) -> None:
    s = client(server, LEGIT)
    s.setReturnFormat(JSON)
    assert [b["n"]["value"] for b in s.query().convert()["results"]["bindings"]] == NATIONAL
    s.setReturnFormat(XML)
    assert "国办发〔2021〕58号" in s.query().convert().toxml()
    s.setReturnFormat(CSV)
    assert s.query().convert().decode("utf-8").splitlines() == ["n", *NATIONAL]
    s.setMethod(POST)
    s.setReturnFormat(JSON)
    assert len(s.query().convert()["results"]["bindings"]) == 3


def test_tsv_ask_construct_and_negotiation(server: str) -> None:
    status, headers, body = get(server, "SELECT ?n WHERE { ?d eli:id_local ?n } LIMIT 1",
                                "text/tab-separated-values")
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    assert body.decode().startswith("?n")
    s = client(server, "ASK { ?d pg:forwards ?p }")
    s.setReturnFormat(JSON)
    assert s.query().convert()["boolean"] is True
    s = client(server, "CONSTRUCT { ?d pg:forwards ?p } WHERE { ?d pg:forwards ?p }")
    s.setReturnFormat(TURTLE)
    ttl = s.query().convert().decode("utf-8")
    assert "forwards" in ttl and "浙政办发" in ttl
    status, _h, body = get(server, LEGIT, "image/png")
    assert status == 406 and b"text/csv" in body
    status, headers, _b = get(server, LEGIT, "text/html;q=0.9, text/*;q=0.8")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")


def test_post_forms_and_chunked_bodies(server: str) -> None:
    host, port = urllib.parse.urlsplit(server).netloc.rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        form = urllib.parse.urlencode({"query": LEGIT}).encode()
        for body, ctype in ((LEGIT.encode(), "application/sparql-query"),
                            (form, "application/x-www-form-urlencoded")):
            # chunked (a generator has no length), on one kept-alive connection
            conn.request("POST", "/sparql", body=iter([body[:10], body[10:]]),
                         headers={"Content-Type": ctype, "Accept": "text/csv"}, encode_chunked=True)
            r = conn.getresponse()
            assert (r.status, r.version) == (200, 11)
            assert r.read().decode().splitlines() == ["n", *NATIONAL]
        conn.request("POST", "/sparql", body=b"x", headers={"Content-Type": "text/plain"})
        r = conn.getresponse()
        assert r.status == 415 and b"sparql-query" in r.read()
    finally:
        conn.close()


def test_updates_and_writes_are_refused(server: str) -> None:
    s = SPARQLWrapper(server + "/sparql")
    s.setMethod(POST)
    s.setQuery("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }")
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)):
        s.query()
    for method, data, ctype in (("POST", b"update=DROP+ALL", "application/x-www-form-urlencoded"),
                                ("POST", b"DROP ALL", "application/sparql-update"),
                                ("PUT", b"<a> <b> <c> .", "text/turtle"),
                                ("DELETE", b"", "text/plain")):
        req = urllib.request.Request(server + "/sparql", data=data, method=method,
                                     headers={"Content-Type": ctype})
        assert refused(req)[0] == 403
    assert json.loads(get(server, "ASK { <http://x/a> <http://x/b> <http://x/c> }")[2])["boolean"] is False


def test_errors_are_clear(server: str) -> None:
    code, body = refused(server + "/sparql?query=SELEKT")
    assert code == 400 and b"syntax" in body
    code, body = refused(server + "/sparql")
    assert code == 400 and b"query=" in body


def test_cors_only_for_the_origin_given(server: str) -> None:
    _s, headers, _b = get(server, LEGIT)
    assert headers["Access-Control-Allow-Origin"] == "https://example.org"
    req = urllib.request.Request(server + "/sparql", method="OPTIONS",
                                 headers={"Origin": "https://example.org"})
    with urllib.request.urlopen(req) as r:
        assert r.status == 204 and "POST" in r.headers["Access-Control-Allow-Methods"]


def test_a_listed_service_passes_the_check(server: str) -> None:
    # allowed, so Oxigraph tries it: nothing listens on port 9, and the failure is an answer
    status, _h, body = get(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status in (200, 400) and b"refused: this endpoint" not in body
    status, _h, body = get(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:8/sparql> { ?s ?p ?o } }")
    assert status == 400 and b"only these endpoints" in body
    assert_alive(server)


def test_explorer_pages_are_served_and_nothing_else(server: str) -> None:
    with urllib.request.urlopen(server + "/") as r:
        assert r.headers["Content-Type"].startswith("text/html") and b"pg-data" in r.read()
    for path in ("/.secret", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/.cache", "/%00",
                 "/graph.html%00.png", "/..%5c..%5cetc/passwd"):
        assert refused(server + path) == (404, b"not found\n")


def test_a_rebuilt_folder_is_picked_up_never_mixed(built: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    shutil.copytree(built, folder, ignore=shutil.ignore_patterns(".secret"))
    srv = Served(folder, "--timeout", "5")
    try:
        count = "SELECT (COUNT(?d) AS ?n) WHERE { ?d eli:id_local ?x }"
        before = json.loads(get(srv.base, count)[2])["results"]["bindings"][0]["n"]["value"]
        (folder / ".cache" / "up-to-date.json").rename(tmp_path / "record")  # a build has started
        status, _h, body = get(srv.base, count)
        assert status == 503 and b"being rebuilt" in body
        one = tmp_path / "one"
        one.mkdir()
        shutil.copy(EXAMPLES / "01_national_guobanfa_2021_58.txt", one)
        build(one, folder, jobs=1)  # a new store and a new record
        after = json.loads(get(srv.base, count)[2])["results"]["bindings"][0]["n"]["value"]
        assert int(after) < int(before)
    finally:
        family = srv.stop(signal.SIGTERM)
    assert srv.proc.returncode == 0  # closed as on Ctrl-C, its workers first
    assert not psutil.wait_procs(family, timeout=10)[1]


def test_startup_errors_are_one_line(server: str, built: Path) -> None:
    port = urllib.parse.urlsplit(server).port
    for args in (["--port", str(port)], ["--host", "no-such-host.invalid"], ["--port", "70000"],
                 ["--workers", "0"]):
        r = subprocess.run([sys.executable, "-m", "policygraph.cli", "serve", str(built), *args],
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 2, r.stderr
        assert r.stderr.startswith("policygraph: ") and "Traceback" not in r.stderr, r.stderr
    assert "in use" in subprocess.run(
        [sys.executable, "-m", "policygraph.cli", "serve", str(built), "--port", str(port)],
        capture_output=True, text=True, timeout=60).stderr


def test_ipv6_binds_or_says_why(built: Path) -> None:
    try:
        srv = Served(built, "--host", "::1")
    except RuntimeError as e:  # no IPv6 on this machine: one line, no traceback
        assert "policygraph: cannot bind ::1" in str(e) and "Traceback" not in str(e)
        return
    try:
        assert srv.base.startswith("http://[::1]:")
        assert_alive(srv.base)
    finally:
        srv.stop()


def test_binding_beyond_loopback_warns() -> None:
    assert exposure_warning("127.0.0.1") is None and exposure_warning("::1") is None
    warning = exposure_warning("0.0.0.0")
    assert warning is not None and "reverse proxy" in warning


def test_a_worker_dropped_by_two_threads_at_once_is_ended_once(tmp_path: Path) -> None:
    # At shutdown the pool's close() and the thread that started a worker may drop it together:
    # closing its pipe twice at once raised EBADF, a traceback from `serve` on Ctrl-C.
    import multiprocessing
    import threading

    from policygraph.sparql.pool import Worker

    ctx = multiprocessing.get_context("forkserver")
    errors: list[BaseException] = []
    for _ in range(8):
        w = Worker(ctx, tmp_path, 256 << 20, 0)
        both = threading.Barrier(2)

        def drop(w: Worker = w, both: threading.Barrier = both) -> None:
            both.wait()
            try:
                w.kill()
            except BaseException as e:  # handed to the test
                errors.append(e)

        threads = [threading.Thread(target=drop) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(10)
        assert w.conn.closed and not w.proc.is_alive()
    assert errors == []
