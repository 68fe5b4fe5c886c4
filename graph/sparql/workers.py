"""Query worker processes: where a query runs so that it can be stopped, whatever it does.

A query cannot be interrupted inside Oxigraph: a thread that timed out keeps running and keeps
its memory, and a parser crash takes its process down. So each query runs in one of a few
worker processes, each holding the store open read-only. A worker's CPU time and address space
are bounded with setrlimit (the kernel ends it past either), the server bounds the wall time
and kills it past that, and any worker that died or was killed is replaced. The worker
serialises the answer itself and sends it in frames, counting bytes as it goes: a small answer
arrives whole (with its status and length), a large one is streamed and cut at the size cap.

Frames (the first byte says which): R ready · H header (JSON: status, type, length when the
whole body follows) · D data · E end · X abort (an error after the header was sent).
"""

from __future__ import annotations

import contextlib
import json
import resource
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO, Any, cast

import pyoxigraph as ox

from policygraph.sparql.protocol import GRAPH_TYPES, RESULT_TYPES, TEXT, negotiate

FRAME = 64 * 1024  # bytes of answer per data frame while streaming


@dataclass(frozen=True)
class Job:
    """One query for a worker, with the limits it runs under."""

    query: str
    accept: str
    max_bytes: int  # the answer's size cap
    whole: int  # answers up to this size are sent whole, with a status that can still be 413
    cpu_seconds: int


class _TooBig(Exception):
    pass


class _Out:
    """A file-like object Oxigraph serialises into: holds the answer until it is larger than
    `whole`, then streams it in frames; raises _TooBig past the size cap."""

    def __init__(self, conn: Connection, job: Job, mtype: str) -> None:
        self.conn, self.job, self.mtype = conn, job, mtype
        self.buf: list[bytes] = []
        self.held = 0
        self.size = 0
        self.streaming = False

    def write(self, data: bytes) -> int:
        n = len(data)
        self.size += n
        if self.size > self.job.max_bytes:
            raise _TooBig
        self.buf.append(bytes(data))
        self.held += n
        if not self.streaming and self.size > self.job.whole:
            self.conn.send_bytes(b"H" + json.dumps({"status": 200, "type": self.mtype}).encode())
            self.streaming = True
        if self.streaming and self.held >= FRAME:
            self._flush()
        return n

    def flush(self) -> None:
        pass

    def _flush(self) -> None:
        if self.buf:
            self.conn.send_bytes(b"D" + b"".join(self.buf))
        self.buf, self.held = [], 0

    def finish(self) -> None:
        if not self.streaming:
            head = {"status": 200, "type": self.mtype, "length": self.size}
            self.conn.send_bytes(b"H" + json.dumps(head).encode())
        self._flush()
        self.conn.send_bytes(b"E")


def send_whole(conn: Connection, status: int, ctype: str, body: bytes) -> None:
    conn.send_bytes(b"H" + json.dumps({"status": status, "type": ctype, "length": len(body)}).encode())
    conn.send_bytes(b"D" + body)
    conn.send_bytes(b"E")


def _media(result: Any, accept: str) -> tuple[str, Any] | None:
    """The negotiated media type and Oxigraph format for this kind of result."""
    offers: dict[str, Any] = GRAPH_TYPES if isinstance(result, ox.QueryTriples) else RESULT_TYPES
    default = "text/turtle" if offers is GRAPH_TYPES else "application/sparql-results+json"
    mtype = negotiate(accept, offers, default)
    return None if mtype is None else (mtype, offers[mtype])


def answer(store: ox.Store, prefixes: dict[str, str], conn: Connection, job: Job) -> None:
    """Run one query and send its answer in frames."""
    try:
        result = store.query(job.query, prefixes=prefixes)
    except SyntaxError as e:
        return send_whole(conn, 400, TEXT, f"SPARQL syntax error: {e}\n".encode())
    except (OSError, ValueError, RuntimeError) as e:
        return send_whole(conn, 400, TEXT, f"query failed: {e}\n".encode())
    media = _media(result, job.accept)
    if media is None:
        offered = GRAPH_TYPES if isinstance(result, ox.QueryTriples) else RESULT_TYPES
        return send_whole(conn, 406, TEXT, f"offered: {', '.join(offered)}\n".encode())
    mtype, fmt = media
    charset = "; charset=utf-8" if mtype.startswith("text/") or "json" in mtype else ""
    out = _Out(conn, job, mtype + charset)
    try:
        result.serialize(cast("IO[bytes]", out), fmt)  # only write() is called
    except _TooBig:
        return _fail(conn, out, 413, f"the answer is over the limit of {job.max_bytes:,} bytes; add a LIMIT")
    except (OSError, ValueError, RuntimeError) as e:
        return _fail(conn, out, 400, f"query failed: {e}")
    out.finish()


def _fail(conn: Connection, out: _Out, status: int, message: str) -> None:
    """An error answer if nothing was sent yet, else the stream's abort frame."""
    if out.streaming:
        conn.send_bytes(b"X" + message.encode())
    else:
        send_whole(conn, status, TEXT, (message + "\n").encode())


def _cpu_used() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _limit_cpu(seconds: int) -> None:
    """The kernel sends SIGXCPU (which ends this process) after `seconds` more of CPU time."""
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = int(_cpu_used()) + 1 + seconds
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _limit_memory(extra: int) -> None:
    """Allow `extra` bytes of address space beyond what the open store takes now."""
    if extra <= 0:
        return
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[0])
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = pages * resource.getpagesize() + extra
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def open_for_queries(folder: Path) -> ox.Store:
    """The build's on-disk store, read-only; an older build without one has graph.ttl loaded."""
    if (folder / "store").is_dir():
        return ox.Store.read_only(str(folder / "store"))
    store = ox.Store()
    store.bulk_load(path=str(folder / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return store


def worker_main(conn: Connection, folder: str, memory: int, prefixes: dict[str, str]) -> None:
    """A worker's life: open the store, say ready, answer jobs until the server hangs up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server, which ends us
    with contextlib.suppress(BrokenPipeError, EOFError, ConnectionResetError):  # the server has gone
        _serve(conn, Path(folder), memory, prefixes)


def _serve(conn: Connection, folder: Path, memory: int, prefixes: dict[str, str]) -> None:
    try:
        store = open_for_queries(folder)
    except (OSError, ValueError, SyntaxError) as e:
        conn.send_bytes(b"X" + f"cannot open the store: {e}".encode())
        return
    _limit_memory(memory)
    conn.send_bytes(b"R")
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        _limit_cpu(job.cpu_seconds)
        try:
            answer(store, prefixes, conn, job)
        except MemoryError:
            conn.send_bytes(b"X" + b"the query needed more memory than a worker may use\n")
            return
