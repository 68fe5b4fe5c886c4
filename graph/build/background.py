"""Output stages that run in a forked process while the build goes on.

Most of a build's stages keep one core busy and leave the other idle (writing
documents.jsonl, the CSV and GraphML files, the HTML pages, the report's tables and key
terms), while the stages between them (comparisons, RDF and the store) keep both busy. Those
output stages depend only on data the build already holds when they start, so each runs in a
child process forked at that point: it sees the data without copying or pickling it and sends
back only its small result. The output files are the same bytes whichever process writes them.

A fork is only safe while this process has no other threads (a child gets a copy of every
lock, held or not, but only the forking thread), so a stage asked to start while threads run,
or where fork does not exist, runs at once in this process instead: same output, no overlap.
"""

from __future__ import annotations

import multiprocessing
import pickle
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any


class BackgroundError(RuntimeError):
    """A stage failed in its child process; the message carries the child's traceback."""


@dataclass(frozen=True)
class Ran:
    """How a background stage went: its seconds, and the memory it needed of its own (MB of
    pages it wrote to, beyond those it shares with the build process)."""

    seconds: float
    private_mb: float
    forked: bool


class Background:
    """Stages started by name, each in its own forked child; `result` waits for one. Used as a
    context manager: leaving it normally waits for every stage (raising the first failure);
    leaving it by an exception (Ctrl-C included) kills the children still running, so an
    interrupted build leaves no process behind (each stage writes its files under temporary
    names and renames them only when complete, so a killed stage leaves the old outputs)."""

    def __init__(self, fork: bool = True) -> None:
        self._fork = fork and "fork" in multiprocessing.get_all_start_methods()
        self._running: dict[str, tuple[multiprocessing.process.BaseProcess, Connection]] = {}
        self._done: dict[str, tuple[Any, Ran]] = {}

    def start(self, name: str, stage: Callable[[], Any]) -> Ran | None:
        """Run `stage()` beside the build; or at once, here, if a fork is not safe now: then
        how it ran (None when it was forked)."""
        if name in self._running or name in self._done:
            raise ValueError(f"background stage {name!r} started twice")
        if not self._fork or threading.active_count() > 1:
            t0 = time.perf_counter()
            value = stage()
            self._done[name] = (value, Ran(time.perf_counter() - t0, 0.0, False))
            return self._done[name][1]
        receive, send = multiprocessing.Pipe(duplex=False)
        child = multiprocessing.get_context("fork").Process(
            target=_child, args=(stage, send), name=f"policygraph: {name}", daemon=True)
        child.start()
        send.close()  # the child's end: EOF here once the child is gone
        self._running[name] = (child, receive)
        return None

    def result(self, name: str) -> Any:
        """The value `name`'s stage returned, once it has finished."""
        return self._finish(name)[0]

    def ran(self) -> dict[str, Ran]:
        """Wait for every stage; how each went, in the order they finished being waited for."""
        for name in list(self._running):
            self._finish(name)
        return {name: ran for name, (_value, ran) in self._done.items()}

    def _finish(self, name: str) -> tuple[Any, Ran]:
        if name in self._done:
            return self._done[name]
        child, receive = self._running.pop(name)
        try:
            payload = receive.recv_bytes()
        except EOFError:
            payload = None
        finally:
            receive.close()
            child.join()
        if payload is None:
            raise BackgroundError(f"{name}: its process ended without a result "
                                  f"(exit code {child.exitcode})")
        outcome = pickle.loads(payload)
        if outcome[0] == "error":
            raise BackgroundError(f"{name} failed: {outcome[1]}\n{outcome[2]}")
        _kind, value, seconds, private = outcome
        self._done[name] = (value, Ran(seconds, private, True))
        return self._done[name]

    def abort(self) -> None:
        """Kill every stage still running."""
        for child, receive in self._running.values():
            child.kill()
            child.join()
            receive.close()
        self._running.clear()

    def __enter__(self) -> Background:
        return self

    def __exit__(self, kind: object, *_rest: object) -> None:
        if kind is not None:
            self.abort()
        else:
            try:
                self.ran()
            except BaseException:
                self.abort()
                raise


def _child(stage: Callable[[], Any], send: Connection) -> None:
    t0 = time.perf_counter()
    try:
        value = stage()
        outcome: tuple[Any, ...] = ("ok", value, time.perf_counter() - t0, private_mb())
    except BaseException as e:  # reported by the build process, which decides what it means
        outcome = ("error", f"{type(e).__name__}: {e}", traceback.format_exc())
    try:
        send.send_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception as e:  # a result that does not pickle is a bug: say so, do not hang
        send.send_bytes(pickle.dumps(("error", f"result not sendable: {e!r}", "")))
    send.close()


def private_mb() -> float:
    """MB of this process's pages that are its own (written since the fork, or allocated):
    what a forked child costs beyond the memory it shares with its parent (Linux only; 0
    where /proc/self/smaps_rollup is missing)."""
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as f:
            kb = sum(int(line.split()[1]) for line in f
                     if line.startswith(("Private_Clean:", "Private_Dirty:")))
        return kb / 1024
    except (OSError, ValueError, IndexError):
        return 0.0
