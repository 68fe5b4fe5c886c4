"""Load test of `policygraph serve` beside Oxigraph's own `oxigraph serve-read-only` over the
same store, in the same run: 16 and 64 concurrent clients, with and without keep-alive;
requests a second and p50/p99 latency of the named cascade query (`scripts/bench serve`).

Our endpoint keeps whole answers for repeated queries, so it is measured twice: the same query
text every time (answers from the cache after the first), and a different text each time (a
comment numbered per request: every request runs the query in a worker). Oxigraph caches
nothing, so one run stands for both. The clients run in two processes of their own, each with
half the threads, and only talk to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from bench_builds import REAL_DEFAULT, commit, machine

from policygraph.sparql.query import bind, named_queries, prepare

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PROCESSES = 2


@dataclass(frozen=True)
class Run:
    ok: int
    errors: int
    seconds: float
    latencies: list[float]

    def row(self, label: str) -> str:
        lat = sorted(self.latencies) or [float("nan")]
        p50 = statistics.median(lat) * 1000
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
        return (f"| {label} | {self.ok / self.seconds:,.0f} | {p50:.1f} | {p99:.1f} | "
                f"{self.errors} |")


def _client(port: int, query: str, unique: bool, keepalive: bool, until: float, tag: str,
            lat: list[float], errors: list[int]) -> None:
    """Ask, read the answer, ask again, until `until` (a wall-clock time, shared by processes)."""
    conn: http.client.HTTPConnection | None = None
    headers = {"Accept": "application/sparql-results+json"}
    if not keepalive:
        headers["Connection"] = "close"
    i = 0
    while time.time() < until:
        text = f"{query}\n# {tag}-{i}" if unique else query
        i += 1
        t0 = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", "/sparql?query=" + urllib.parse.quote(text), headers=headers)
            r = conn.getresponse()
            r.read()
            if not keepalive or r.will_close:
                conn.close()
                conn = None
            if r.status == 200:
                lat.append(time.perf_counter() - t0)
                continue
        except (OSError, http.client.HTTPException):
            if conn is not None:
                conn.close()
            conn = None
        errors[0] += 1
    if conn is not None:
        conn.close()


def _process(args: tuple[int, str, bool, bool, float, float, int, int]) -> tuple[list[float], int]:
    port, query, unique, keepalive, start, until, threads, index = args
    time.sleep(max(0.0, start - time.time()))  # every process starts together
    lat: list[float] = []
    errors = [0]
    workers = [threading.Thread(target=_client, args=(port, query, unique, keepalive, until,
                                                      f"{index}.{t}", lat, errors))
               for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return lat, errors[0]


def load(port: int, query: str, clients: int, keepalive: bool, unique: bool, seconds: float) -> Run:
    """`clients` clients asking as fast as they are answered for `seconds`."""
    start = time.time() + 3  # time for the client processes to start
    jobs = [(port, query, unique, keepalive, start, start + seconds, clients // PROCESSES, i)
            for i in range(PROCESSES)]
    with multiprocessing.get_context("spawn").Pool(PROCESSES) as pool:
        parts = pool.map(_process, jobs)
    lat = [x for part, _e in parts for x in part]
    return Run(len(lat), sum(e for _l, e in parts), seconds, lat)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(port: int, query: str, proc: subprocess.Popen[bytes], timeout: float = 120) -> int:
    """Once the server answers the query: the number of rows it gives."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if proc.poll() is not None:
            raise SystemExit(f"the server ended: {proc.args}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/sparql?query=" + urllib.parse.quote(query),
                         headers={"Accept": "application/sparql-results+json"})
            r = conn.getresponse()
            body = r.read()
            conn.close()
            if r.status == 200:
                return len(json.loads(body)["results"]["bindings"])
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server did not answer in {timeout:g} s: {proc.args}")


@contextmanager
def running(cmd: list[str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        yield proc
    finally:
        proc.terminate()
        proc.wait(30)


def cascade_query(store_dir: Path, doc: str | None) -> tuple[str, str, int]:
    """The named cascade query for `doc` (default: the root of the largest cascade), its root and
    the cascade's size."""
    store = ox.Store.read_only(str(store_dir))
    sizes = prepare("SELECT ?n (COUNT(DISTINCT ?d) AS ?k) WHERE { ?r eli:id_local ?n . "
                    "?d pg:inheritsFrom+ ?r } GROUP BY ?n ORDER BY DESC(?k) ?n")
    rows = [(r["n"].value, int(r["k"].value)) for r in store.query(sizes)]  # type: ignore[union-attr,index]
    del store
    if not rows:
        raise SystemExit(f"{store_dir}: no document has a cascade")
    root, size = next(((n, k) for n, k in rows if n == doc), rows[0]) if doc else rows[0]
    return bind(named_queries()["cascade"].text, {"doc": root}), root, size


def build_folder(args: argparse.Namespace, tmp: Path) -> Path:
    if args.build:
        return Path(args.build)
    corpus = Path(args.real) if args.real else REAL_DEFAULT
    if not corpus.is_dir():
        raise SystemExit(f"no build given (--build DIR) and no corpus at {corpus} (--real PATH)")
    out = tmp / "build"
    subprocess.run([str(BIN / "policygraph"), "build", str(corpus), "--out", str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    return out


def measure(folder: Path, args: argparse.Namespace, tmp: Path) -> list[str]:
    query, root, size = cascade_query(folder / "store", args.doc)
    ours_port, oxi_port = free_port(), free_port()
    ours = [str(BIN / "policygraph"), "serve", str(folder), "--port", str(ours_port)]
    oxi = [shutil.which("oxigraph", path=str(BIN)) or "oxigraph", "serve-read-only", "--location",
           str(folder / "store"), "--bind", f"127.0.0.1:{oxi_port}"]
    clients = [int(c) for c in args.clients.split(",")]
    lines = [f"Named cascade query of {root} ({size} documents in its cascade); {args.seconds:g} s a "
             f"run; {PROCESSES} client processes.", "",
             "| server, query, clients, connections | requests/s | p50 ms | p99 ms | errors |",
             "|---|---:|---:|---:|---:|"]
    with running(ours, tmp / "ours.log") as p1, running(oxi, tmp / "oxigraph.log") as p2:
        rows = (wait_up(ours_port, query, p1), wait_up(oxi_port, query, p2))
        if rows[0] != rows[1]:
            raise SystemExit(f"the servers disagree: {rows[0]} rows against {rows[1]}")
        plan = [("policygraph serve, same text", ours_port, False),
                ("policygraph serve, new text each time", ours_port, True),
                ("oxigraph serve-read-only", oxi_port, False)]
        for label, port, unique in plan:
            for n in clients:
                for keepalive in (True, False):
                    run = load(port, query, n, keepalive, unique, args.seconds)
                    line = run.row(f"{label}, {n}, {'keep-alive' if keepalive else 'one per request'}")
                    print(line, flush=True)
                    lines.append(line)
    return lines


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(prog="scripts/bench serve", description=__doc__)
    ap.add_argument("--build", metavar="DIR", help="a build folder (default: --real built in a temp folder)")
    ap.add_argument("--real", metavar="PATH", help=f"the corpus to build (default {REAL_DEFAULT})")
    ap.add_argument("--doc", help="the cascade's root (default: the root of the largest cascade)")
    ap.add_argument("--clients", default="16,64")
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--out", default="bench/SERVE.md")
    args = ap.parse_args(argv)
    if any(int(c) % PROCESSES for c in args.clients.split(",") if re.fullmatch(r"\d+", c)):
        ap.error(f"--clients: multiples of {PROCESSES}")
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        folder = build_folder(args, tmp)
        head = ["# policygraph serve under load", "",
                f"Machine: {machine()}. Commit {commit()}, {time.strftime('%Y-%m-%d')}.", ""]
        lines = head + measure(folder, args, tmp)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written to {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
