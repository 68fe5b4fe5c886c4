"""The per-document stage on a Dask distributed cluster (`build --scheduler tcp://host:8786`).

Only extraction leaves this machine: the coordinator (the process running `build`) still lists
and reads the files, looks up the cache, learns the corpus's codes and writes every output.
Reading stays here because a document's cache key hashes its text (cache.source_key): to know
whether a document needs extracting at all, the coordinator needs the text, and it cannot ask a
worker to read a file the worker may not see (workers need share no file system with it);
reading is a few per cent of extraction's cost. A worker gets a chunk of sources (texts) and
gives back their packed records (or failures), which the coordinator takes in input order, so
the output does not depend on which worker ran what, nor when.

Every worker must run the same policygraph as the coordinator (install the same version, with
`pip install policygraph[cluster]`, on every worker): each chunk carries the coordinator's
fingerprint of policygraph's files and of the libraries its output depends on, and a worker
with another refuses it, so a mixed cluster stops the build with one line, never writes
different records. The connection is checked with a short timeout before anything is built.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import logging
import os
import platform
import socket
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from policygraph import __version__
from policygraph.build.cache import CACHE_FORMAT
from policygraph.build.code import code_files, library_versions

#: Seconds to reach the scheduler, and then to wait for its first worker.
CONNECT_TIMEOUT = 10.0
WORKERS_TIMEOUT = 30.0
INSTALL = "pip install 'policygraph[cluster]'"


class ClusterError(Exception):
    """The cluster cannot run this build (one line for the user)."""


class OtherVersion(Exception):
    """Raised on a worker whose policygraph is not the coordinator's."""


def connect(address: str, timeout: float = CONNECT_TIMEOUT) -> ClusterExecutor:
    """An executor running tasks on the Dask cluster whose scheduler is at `address`, once it
    has a worker and every worker runs this policygraph; else ClusterError."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(f"--scheduler needs Dask distributed: {INSTALL}") from None
    host, port = host_port(address)
    _probe(address, host, port, timeout)
    quiet = _Quiet()
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, ValueError) as e:
        quiet.end()
        raise ClusterError(f"cannot connect to the Dask scheduler at {address}: {e}") from None
    pool = ClusterExecutor(client, quiet)
    try:
        pool.check(WORKERS_TIMEOUT)
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise
    return pool


@contextmanager
def connected(address: str | None) -> Iterator[ClusterExecutor | None]:
    """connect(address), None without one; shut down at the end, and on an interruption or
    error with its unfinished tasks cancelled, so none is left running on the cluster."""
    pool = connect(address) if address else None
    try:
        yield pool
    except BaseException:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        raise
    if pool is not None:
        pool.shutdown()


def host_port(address: str) -> tuple[str, int]:
    """The host and port of a scheduler address (tcp://host:8786, tls://host:8786, host:8786);
    ValueError saying what is wrong with any other."""
    rest = address.split("://", 1)[1] if "://" in address else address
    scheme = address.split("://", 1)[0] if "://" in address else "tcp"
    host, _, port = rest.rpartition(":")
    host = host[1:-1] if host.startswith("[") and host.endswith("]") else host  # [::1]:8786
    if scheme not in ("tcp", "tls") or not host or not port.isdigit() or not 0 < int(port) < 65536 \
            or "/" in host:
        raise ValueError(f"{address!r} is not a Dask scheduler address (tcp://host:8786)")
    return host, int(port)


def _probe(address: str, host: str, port: int, timeout: float) -> None:
    """Fail fast, with a plain reason, when no Dask scheduler answers at the address: nothing
    listening, or something else (the dashboard's HTTP port, 8787). Distributed's own client
    would wait out its timeout, or for ever on a server that never answers, then print a
    traceback as it is collected. A scheduler speaks first (its half of the handshake), so over
    plain TCP the first byte tells; over TLS the connection alone does."""
    try:
        conn = socket.create_connection((host, port), timeout=timeout)
    except socket.gaierror:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: unknown host {host}") from None
    except OSError as e:
        why = "no answer" if isinstance(e, TimeoutError) else e.strerror or str(e)
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {why} "
                           "(start one with `dask scheduler`)") from None
    with conn:
        try:
            spoke = address.startswith("tls://") or conn.recv(1) != b""
        except OSError:  # no byte within the timeout, or reset
            spoke = False
    if not spoke:
        raise ClusterError(f"no Dask scheduler answers at {address} within {timeout:g} s (a scheduler "
                           "listens on port 8786 by default; 8787 is its dashboard)")


class ClusterExecutor(cf.Executor):
    """A concurrent.futures executor over a distributed Client that runs `map` in chunks (one
    task per chunk, not per document: a task costs the scheduler about a millisecond) and
    yields the results in input order. Distributed's own Client.get_executor() submits one
    task per call (it ignores `chunksize`) and needs sized iterables (not itertools.repeat):
    extracting a generated 2,000-document corpus on 2 local workers took it 22 s, this 12-14 s."""

    def __init__(self, client: Any, quiet: _Quiet | None = None) -> None:
        self._client = client
        self._futures: set[Any] = set()
        self._print = fingerprint()
        self._closed = False
        self._quiet = quiet
        self.address = str(client.scheduler.address)
        #: Seconds the cluster may have no worker while a task waits, before the build stops:
        #: distributed itself would wait for one for ever.
        self.alone = WORKERS_TIMEOUT

    @property
    def threads(self) -> int:
        """How many tasks the cluster runs at once."""
        with self._talking():
            return max(1, sum(self._client.nthreads().values()))

    @contextmanager
    def _talking(self) -> Iterator[None]:
        """Any error of the client or of a task (not of extraction: safe_extract returns those)
        as a ClusterError, in one line."""
        try:
            yield
        except ClusterError:
            raise
        except Exception as e:
            lost = type(e).__name__ in ("CommClosedError", "FutureCancelledError")
            if lost or self._client.status != "running":
                raise ClusterError(f"lost the connection to the Dask scheduler at {self.address} "
                                   f"({type(e).__name__}): is it still running?") from None
            raise _plain(e) from None

    def check(self, timeout: float) -> None:
        """Wait for a worker; ClusterError unless every worker runs this policygraph."""
        try:
            self._client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise ClusterError(f"the Dask scheduler at {self._client.scheduler.address} has no worker "
                               f"(none joined within {timeout:g} s: start one with `dask worker ADDRESS`)"
                               ) from None
        try:
            prints = self._client.run(fingerprint)
        except Exception as e:
            raise _plain(e) from None
        for worker, other in sorted(prints.items()):
            if other != self._print:
                raise _plain(OtherVersion(_other(worker, other, self._print)))

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        with self._talking():
            return self._client.get_executor(pure=False).submit(_checked, self._print, fn, *args, **kwargs)

    def map(self, fn: Callable[..., Any], *iterables: Iterable[Any], timeout: float | None = None,
            chunksize: int = 1) -> Iterator[Any]:
        """fn over the iterables, in chunks of `chunksize` calls, every chunk submitted before
        this returns; results in input order."""
        calls = list(zip(*iterables, strict=False))
        chunks = [calls[i:i + chunksize] for i in range(0, len(calls), max(1, chunksize))]
        # A task each, not one client.map: a graph carries its arguments (the texts), and one of
        # a whole batch is megabytes through the scheduler at once (distributed warns of it).
        with self._talking():
            futures = [self._client.submit(_chunk, self._print, fn, chunk, pure=False) for chunk in chunks]
        self._futures.update(futures)
        return self._results(futures, timeout)

    def _results(self, futures: list[Any], timeout: float | None) -> Iterator[Any]:
        """The results of one map, in order; the futures of other maps (the next batch, already
        submitted) are left running. Those of this map not taken are cancelled (an error)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            for f in futures:
                with self._talking():
                    results = self._wait(f, deadline)
                self._futures.discard(f)
                f.release()
                yield from results
        finally:
            self._cancel(futures)

    def _wait(self, f: Any, deadline: float | None) -> Any:
        """f's result; ClusterError once the cluster has had no worker for `alone` seconds (the
        last one killed or gone), TimeoutError past the `deadline` (time.monotonic)."""
        alone_since = None
        poll = min(1.0, self.alone / 2)
        while True:
            try:
                return f.result(poll)
            except TimeoutError:
                pass
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                raise TimeoutError
            if self._client.nthreads():
                alone_since = None
            elif alone_since is None:
                alone_since = now
            elif now - alone_since >= self.alone:
                raise ClusterError(f"the Dask scheduler at {self.address} has no worker left (none for "
                                   f"{self.alone:g} s): start one with `dask worker ADDRESS`")

    def _cancel(self, futures: Iterable[Any]) -> None:
        """Cancel those of `futures` not yet taken. Without a connection there is nothing to
        cancel: a scheduler forgets the tasks of a client it lost."""
        left = [f for f in futures if f in self._futures]
        self._futures.difference_update(left)
        if left and self._client.status == "running":
            with suppress(Exception):  # lost just now: as above
                self._client.cancel(left, force=True)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Close the connection; with `cancel_futures` (an interruption), the tasks not yet
        finished are cancelled first, so none is left running on the cluster."""
        if self._closed:
            return
        self._closed = True
        try:
            if cancel_futures:
                self._cancel(list(self._futures))
            self._client.close()
        finally:
            # A client whose scheduler died closed itself from inside its event loop, which
            # cannot stop the loop's thread, and close() then returns at once: stop it here
            # (distributed has no public call for it), so no thread outlives the build.
            loop_runner = getattr(self._client, "_loop_runner", None)
            if loop_runner is not None:
                loop_runner.stop()
            if self._quiet is not None:
                self._quiet.end()


class _Quiet:
    """Distributed's own log silenced while a build uses the cluster: a lost scheduler or worker
    is logged there with tracebacks, on the user's terminal, beside the one line this module
    says of it. Put back as it was by end()."""

    NAMES = ("distributed", "distributed.client", "tornado", "asyncio")

    def __init__(self) -> None:
        self._levels = [(log, log.level) for log in map(logging.getLogger, self.NAMES)]
        for log, _level in self._levels:
            log.setLevel(logging.CRITICAL + 1)

    def end(self) -> None:
        for log, level in self._levels:
            log.setLevel(level)


def _plain(e: BaseException) -> ClusterError:
    """What went wrong on the cluster, in one line."""
    if isinstance(e, OtherVersion):
        return ClusterError(str(e))
    if isinstance(e, ImportError) and "policygraph" in str(e):
        return ClusterError(f"a Dask worker cannot import policygraph: {INSTALL} (version {__version__}) "
                            "on every worker")
    name = type(e).__name__
    return ClusterError(f"the Dask cluster failed: {name}: {' '.join(str(e).split())[:300]}")


def _other(worker: str, theirs: str, ours: str) -> str:
    return (f"the Dask worker {worker} runs another policygraph (or other libraries: fingerprint "
            f"{theirs[:12]}, here {ours[:12]}): install policygraph {__version__} the same way on every "
            "worker")


def _chunk(expected: str, fn: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
    """On a worker: fn over a chunk of calls, refused by a worker whose policygraph differs."""
    here = fingerprint()
    if here != expected:
        from distributed import get_worker

        raise OtherVersion(_other(get_worker().address, here, expected))
    return [fn(*args) for args in calls]


def _checked(expected: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    (result,) = _chunk(expected, partial(fn, **kwargs), [args])
    return result


#: The libraries an extracted record depends on besides policygraph itself.
LIBRARIES = ("charset-normalizer", "opencc", "jieba", "rjieba", "rdflib")


@cache
def fingerprint() -> str:
    """policygraph's version, code and data files, and the versions of Python and of the libraries
    extraction uses: what must be the same on every worker (computed once per process)."""
    h = hashlib.sha256(f"{__version__}/{CACHE_FORMAT}/{platform.python_version()}\0".encode())
    for name, p in code_files((".py", ".ttl", ".tsv")):
        h.update(name.encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    h.update(library_versions(LIBRARIES))
    return h.hexdigest()


@dataclass(frozen=True)
class SchemeFile:
    """A measure scheme sent to the workers as its text (the coordinator's path may not exist
    there); `path()` is a file of that text on the machine it is called on."""

    text: str
    digest: str

    @classmethod
    def of(cls, path: str) -> SchemeFile:
        data = Path(path).read_bytes()
        return cls(data.decode("utf-8"), hashlib.sha256(data).hexdigest())

    def path(self) -> str:
        """A file of the text in the temporary folder, named by its digest: written once per
        machine, found once per process (load_scheme caches a scheme by its path, and this is
        asked for each document). A file of that name is used only if this user owns it (not
        through a link) and it holds the text: in a temporary folder others write to, another
        user could have put a scheme of their own there, or a link to one."""
        known = _SCHEMES.get(self.digest)
        if known is None:
            known = _SCHEMES[self.digest] = self._written()
        return known

    def _written(self) -> str:
        where = Path(tempfile.gettempdir()) / f"policygraph-scheme-{self.digest[:32]}.ttl"
        if self._holds(where):
            return str(where)
        fd, fresh = tempfile.mkstemp(prefix=f"{where.name}.", dir=where.parent)  # a name no one made first
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(self.text)
        try:
            os.replace(fresh, where)  # for the next process
        except OSError:  # another user's file of that name (in a sticky folder): keep ours
            return fresh
        return str(where)

    def _holds(self, where: Path) -> bool:
        try:
            st = os.lstat(where)
            if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid():
                return False
            return hashlib.sha256(where.read_bytes()).hexdigest() == self.digest
        except OSError:
            return False


#: Each scheme's file in this process, by the digest of its text.
_SCHEMES: dict[str, str] = {}
