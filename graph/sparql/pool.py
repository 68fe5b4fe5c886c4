"""The server's side of the query workers (workers.py): a fixed number of them, each query
handed to an idle one, killed past the wall-time limit and replaced whenever one ends.

Whole answers are kept (an LRU cache of --cache MB) for the next request of the same text and
Accept header: the store is read-only, so they stay right until the store is replaced.

It also watches the build folder: a build deletes its completion record (.cache/up-to-date.json)
when it starts and writes it when it has finished. While the record is missing the store may be
changing under the workers, so queries are refused as stale (503); once a new record (or a new
store folder) appears, the workers are replaced by ones that open the new store. A query runs
in one worker from start to end, so no answer mixes the old store with the new.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from cachetools import LRUCache

from policygraph.export.terms import PREFIXES
from policygraph.sparql.protocol import TEXT, Refusal
from policygraph.sparql.workers import Job, worker_main

log = logging.getLogger("policygraph.sparql.serve")

RECORD = Path(".cache") / "up-to-date.json"  # build/uptodate.py: written when a build finished
START_TIMEOUT = 120.0  # seconds a new worker may take to open the store


@dataclass(frozen=True)
class Limits:
    """What one query may take."""

    timeout: float = 30.0  # wall seconds, from dispatch to the last byte
    max_bytes: int = 50 * 1024 * 1024  # the answer's size
    memory: int = 2 << 30  # bytes of address space a worker may add to what its open store takes
    whole: int = 1 << 20  # answers up to this size are sent with a status that can still be 413
    cache: int = 64 << 20  # bytes of whole answers kept, by query text and Accept (0: none)


@dataclass(frozen=True)
class Answer:
    """A status, a content type and the body: whole (with its length) or streamed."""

    status: int
    ctype: str
    body: Iterator[bytes]
    length: int | None


class Aborted(Exception):
    """A streamed answer that cannot be finished (too large, too slow, worker gone): the
    connection is closed without the closing chunk, so the client sees a truncated answer."""


class _Lost(Exception):
    """The worker ended or timed out; the message says why, for the client."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def refusal_answer(r: Refusal) -> Answer:
    body = r.body()
    return Answer(r.status, TEXT, iter((body,)), len(body))


_DEATHS = {
    -signal.SIGXCPU: (503, "the query used more CPU time than allowed"),
    -signal.SIGABRT: (503, "the query needed more memory than a worker may use"),
    -signal.SIGSEGV: (500, "the query crashed its worker process (a new one has taken its place)"),
}


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, ctx: multiprocessing.context.BaseContext, folder: Path, memory: int,
                 generation: int) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=worker_main,  # type: ignore[attr-defined]
                                args=(child, str(folder), memory, {k: str(v) for k, v in PREFIXES.items()}),
                                daemon=True, name="policygraph-query")
        self.proc.start()
        child.close()
        self.generation = generation
        self._ending = threading.Lock()  # kill() may come from the pool's closing and a starter at once

    def wait_ready(self) -> str | None:
        """None once the worker has opened the store, else why it could not."""
        frame = self.recv(time.monotonic() + START_TIMEOUT, START_TIMEOUT)
        return None if frame == b"R" else frame[1:].decode("utf-8", "replace")

    def recv(self, deadline: float, timeout: float) -> bytes:
        conn: Connection = self.conn
        try:
            if not conn.poll(max(0.0, deadline - time.monotonic())):
                raise _Lost(503, f"query exceeded the time limit of {timeout:g} s")
            return conn.recv_bytes()
        except (EOFError, OSError):
            self.proc.join(1.0)
            status, why = _DEATHS.get(self.proc.exitcode or 0, (500, "the query worker ended"))
            raise _Lost(status, why) from None

    def send(self, job: Job) -> None:
        try:
            self.conn.send(job)
        except OSError:  # it died since it was last seen
            raise _Lost(500, "the query worker had ended; try again") from None

    def kill(self) -> None:
        """End the process and close the pipe, once: the pool's close() and the thread that
        started the worker may both drop it (closing a pipe twice at once was EBADF at shutdown)."""
        with self._ending:
            if self.proc.is_alive():
                self.proc.kill()
            self.proc.join(2.0)
            if not self.conn.closed:
                self.conn.close()


def fingerprint(folder: Path) -> tuple[tuple[int, int, int] | None, int | None]:
    """(the completion record's inode, mtime and size, or None; the store folder's inode)."""
    try:
        st = os.stat(folder / RECORD)
        record: tuple[int, int, int] | None = (st.st_ino, st.st_mtime_ns, st.st_size)
    except OSError:
        record = None
    try:
        store: int | None = os.stat(folder / "store").st_ino
    except OSError:
        store = None
    return record, store


class Pool:
    """`size` worker processes over the build in `folder`."""

    def __init__(self, folder: Path, size: int, limits: Limits) -> None:
        self.folder, self.size, self.limits = folder, size, limits
        self.ctx = multiprocessing.get_context("forkserver")
        self.ctx.set_forkserver_preload(["policygraph.sparql.workers"])
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.lock = threading.RLock()
        self.generation = 0
        self.seen = fingerprint(folder)
        self.stale = False
        self.closed = False
        self.problem: str | None = None  # why the last worker could not open the store
        self.live: set[Worker] = set()
        # The store is read-only: an answer stays right until the store is replaced (generation).
        self.answers: LRUCache[tuple[int, str, str, bool], tuple[int, str, bytes]] = LRUCache(
            max(1, limits.cache), getsizeof=lambda v: len(v[2]) + 200)

    def start(self) -> None:
        """Start the workers (once the server is bound: a server that cannot bind starts none)."""
        for _ in range(self.size):
            self._spawn(self.generation)

    # workers coming and going

    def _spawn(self, generation: int) -> None:
        threading.Thread(target=self._bring_up, args=(generation,), daemon=True).start()

    def _bring_up(self, generation: int) -> None:
        while not self.closed and generation == self.generation:
            w = Worker(self.ctx, self.folder, self.limits.memory, generation)
            with self.lock:
                self.live.add(w)
            try:
                why = w.wait_ready()
            except _Lost as e:
                why = str(e)
            if why is None and generation == self.generation and not self.closed:
                self.problem = None
                self.idle.put(w)
                return
            self._drop(w)
            if why is not None:
                self.problem = why
                log.error("a query worker could not start: %s", why)
                time.sleep(1.0)

    def _drop(self, w: Worker) -> None:
        w.kill()
        with self.lock:
            self.live.discard(w)

    def _release(self, w: Worker) -> None:
        if w.generation == self.generation and not self.closed:
            self.idle.put(w)
        else:
            self._drop(w)

    def _lose(self, w: Worker) -> None:
        """A worker killed or dead: replaced, unless its store was already retired."""
        self._drop(w)
        if w.generation == self.generation and not self.closed:
            self._spawn(w.generation)

    def _retire_all(self, spawn: bool) -> None:
        self.generation += 1
        self.answers.clear()
        while True:
            try:
                self._drop(self.idle.get_nowait())
            except queue.Empty:
                break
        if spawn:
            for _ in range(self.size):
                self._spawn(self.generation)

    def _refresh(self) -> Refusal | None:
        """Follow the build folder: stale while a build runs, new workers once it finished."""
        now = fingerprint(self.folder)
        with self.lock:
            if now != self.seen:
                was, self.seen = self.seen, now
                if now[0] is None and (was[0] is not None or self.stale):
                    if not self.stale:
                        log.warning("%s is being rebuilt: queries are refused until it is finished",
                                    self.folder)
                    self.stale = True
                    self._retire_all(spawn=False)
                else:
                    log.warning("%s was rebuilt: reopening its store", self.folder)
                    self.stale = False
                    self._retire_all(spawn=True)
        if self.stale:
            return Refusal(503, f"the build in {self.folder.name} is being rebuilt (its completion record "
                                "is missing); try again when the build has finished")
        return None

    # answering

    def _take(self, deadline: float) -> Worker | Refusal:
        while True:
            try:
                w = self.idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                extra = f" (the last worker could not start: {self.problem})" if self.problem else ""
                return Refusal(503, f"all {self.size} query workers stayed busy for "
                                    f"{self.limits.timeout:g} s; try again{extra}")
            if w.generation == self.generation and w.proc.is_alive():
                return w
            self._lose(w)

    def run(self, query: str, accept: str, stream: bool = True) -> Answer:
        """The answer to one query; `stream` False holds the whole answer (HTTP/1.0 clients,
        which cannot tell a cut answer from a finished one)."""
        stale = self._refresh()
        if stale is not None:
            return refusal_answer(stale)
        key = (self.generation, query, accept, stream)
        lim = self.limits
        start = time.monotonic()
        deadline = start + lim.timeout
        w = self._take(deadline)
        if isinstance(w, Refusal):
            return refusal_answer(w)
        deadline = time.monotonic() + lim.timeout
        job = Job(query, accept, lim.max_bytes, lim.whole if stream else lim.max_bytes,
                  max(1, int(lim.timeout + 0.999)))
        try:
            w.send(job)
            frame = w.recv(deadline, lim.timeout)
            if frame[:1] != b"H":
                raise _Lost(503, frame[1:].decode("utf-8", "replace").strip() or "the query worker failed")
            head = json.loads(frame[1:])
            if head.get("length") is not None:
                body = self._whole(w, deadline)
                self._release(w)
                if head["status"] == 200 and len(body) <= lim.cache // 8:
                    with self.lock:
                        self.answers[key] = (200, head["type"], body)
                return Answer(head["status"], head["type"], iter((body,)), len(body))
        except _Lost as e:
            self._lose(w)
            return refusal_answer(Refusal(e.status, str(e)))
        return Answer(head["status"], head["type"], self._stream(w, deadline), None)

    def cached(self, query: str, accept: str, stream: bool = True) -> Answer | None:
        """The kept answer to this query, if the store has not changed since (checks included:
        only a query that passed them has an answer kept)."""
        if self._refresh() is not None:
            return None
        with self.lock:
            hit = self.answers.get((self.generation, query, accept, stream))
        return None if hit is None else Answer(hit[0], hit[1], iter((hit[2],)), len(hit[2]))

    def _whole(self, w: Worker, deadline: float) -> bytes:
        parts = []
        while (frame := w.recv(deadline, self.limits.timeout)) != b"E":
            if frame[:1] != b"D":
                raise _Lost(500, "the query worker sent an unexpected frame")
            parts.append(frame[1:])
        return b"".join(parts)

    def _stream(self, w: Worker, deadline: float) -> Iterator[bytes]:
        done = False
        try:
            while (frame := w.recv(deadline, self.limits.timeout)) != b"E":
                if frame[:1] != b"D":  # the worker stopped the answer itself, and is ready again
                    done = True
                    raise Aborted(frame[1:].decode("utf-8", "replace").strip())
                yield frame[1:]
            done = True
        except _Lost as e:
            raise Aborted(str(e)) from None
        finally:  # the client hung up, or the answer was cut: the worker may be mid-answer
            if done:
                self._release(w)
            else:
                self._lose(w)

    def close(self) -> None:
        self.closed = True
        with self.lock:
            workers = list(self.live)
        for w in workers:
            self._drop(w)
