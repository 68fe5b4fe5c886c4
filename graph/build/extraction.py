"""Every document of a corpus extracted: in worker processes, from the cache where nothing
changed, then again with the codes the corpus taught.

Two passes: the first extracts each document on its own; codes the corpus itself explains
(a document stating both 江办发〔2004〕11号 and its issuer 中共江门市委办公室) are then learned
(corpus/codes), and the documents using such a code are extracted again with that knowledge.
A file that fails at any stage becomes a failure in the report; the build always finishes.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, MutableSequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from itertools import islice, repeat
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from policygraph.build.budget import DEFAULT_BUDGET, safe_extract
from policygraph.build.cache import Cache, scheme_digest, source_key
from policygraph.build.cluster import SchemeFile
from policygraph.build.packed import Head, PackedRecords, Partition, head_of, pack, unpack
from policygraph.build.stamps import Known, SourceKeys
from policygraph.children import die_with_parent
from policygraph.corpus.codes import learn_from_statements, statements
from policygraph.extract.authorities import AuthorityTable, load_table
from policygraph.extract.numbers import parse_canonical
from policygraph.models import Authority, DocumentRecord, Failure, Source

T = TypeVar("T")


@dataclass(frozen=True)
class BuildResult:
    records: PackedRecords  # sorted by source file, ids unique
    failures: tuple[Failure, ...]
    learned: dict[str, Authority]
    #: Each extracted source's cache keys (see stamps.SourceKeys), when extracted with a cache.
    keys: dict[str, SourceKeys] = field(default_factory=dict)


def extract_all(
    items: Iterable[Source | Failure | Known],
    table: AuthorityTable | None = None,
    progress: Callable[[str], None] | None = None,
    scheme: str | None = None,
    jobs: int = 1,
    cache: Cache | None = None,
    budget: float = DEFAULT_BUDGET,
    reread: Callable[[set[str]], Iterable[Source | Failure | Known]] | None = None,
    batch: int = 512,
    pool: Executor | None = None,
    spill: Path | None = None,
) -> BuildResult:
    """Extract every source; learn the corpus's codes; re-extract where they help.

    Sources stream through in batches, so only a batch of texts is in memory at a time. With
    `jobs` > 1 documents are extracted in worker processes (results come back in input
    order, so the output does not depend on scheduling); with a `cache`, unchanged documents
    are not extracted again. A document taking longer than `budget` seconds is given up and
    reported as a failure. Records are held packed (see packed.py), so memory stays small.
    The few documents worth re-extracting with learned codes are read again with `reread`,
    given their paths (and those paths up to a '#', the file of a JSON record); by default
    `items` is read again, which must then be re-iterable. A `Known` item is a source whose
    records the cache holds (stamps.py): it is neither read nor extracted again. With a `pool`
    (cluster.connect: one that may run elsewhere), documents are extracted there instead of
    in `jobs` local processes, the scheme going as its text; the caller shuts the pool down.
    With `spill` (a folder), the packed records are kept in a Partition file there, not in
    memory (the result's records then hold it open: close them when done).
    """
    table = table or load_table()
    got = _Collected(Partition(spill) if spill is not None else [])
    try:
        return _extract_all(got, items, table, progress, scheme, jobs, cache, budget, reread, batch, pool)
    except BaseException:
        if isinstance(got.blobs, Partition):
            got.blobs.close()  # not left open (and its disk space held) in a process that goes on
        raise


def _extract_all(got: _Collected, items: Iterable[Source | Failure | Known], table: AuthorityTable,
                 progress: Callable[[str], None] | None, scheme: str | None, jobs: int, cache: Cache | None,
                 budget: float, reread: Callable[[set[str]], Iterable[Source | Failure | Known]] | None,
                 batch: int, pool: Executor | None) -> BuildResult:
    """extract_all, collecting into `got`."""
    with _workers(jobs) if pool is None else nullcontext(pool) as pool:
        remote = not isinstance(pool, ProcessPoolExecutor | None)
        shipped = SchemeFile.of(scheme) if scheme and remote else scheme
        run = _Settings(shipped, budget, pool, cache, scheme_digest(scheme), max(batch, 64 * _threads(pool)))
        for chunk in _submitted(items, run.batch, run, got.failures, progress):
            got.add(chunk, cache, progress)
        facts = got.facts()
        heads = [f.head for f in facts]
        learned = learn_from_statements((s for f in facts for s in f.stated), table)
        lessons: dict[int, str] = {}
        taught_keys: dict[int, str] = {}
        if learned:
            lessons, taught_keys, retaught = _reteach(learned, facts, got, run,
                                                      reread or (lambda _paths: items))
            for i in retaught:
                heads[i] = head_of(unpack(got.blobs[i]))
    keys = {} if cache is None else got.source_keys(facts, lessons, taught_keys)
    return BuildResult(_unique_ids(got.blobs, heads), tuple(got.failures), learned, keys)


@dataclass(frozen=True)
class _Settings:
    """How documents are extracted in this build."""

    scheme: str | SchemeFile | None  # a path, or the text sent to a cluster
    budget: float
    pool: Executor | None
    cache: Cache | None
    digest: str  # of the scheme: part of every cache key
    batch: int  # documents submitted at a time


@contextmanager
def _workers(jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of `jobs` worker processes (None for one job); on an interruption the work
    not yet started is cancelled rather than waited for."""
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=die_with_parent,
                               initargs=(os.getpid(),)) if jobs > 1 else None
    try:
        yield pool
    except BaseException:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown()


@dataclass
class _Collected:
    """The records extracted so far (packed), with the source and cache key of each, and what
    the last build said of the Known ones; and the failures."""

    blobs: MutableSequence[bytes] = field(default_factory=list)  # a list, or a Partition file
    paths: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    prior: dict[int, tuple[str, str]] = field(default_factory=dict)  # how a Known one was taught
    given: dict[int, object] = field(default_factory=dict)  # a Known one's facts, not decoded
    failures: list[Failure] = field(default_factory=list)

    def add(self, chunk: _Batch, cache: Cache | None, progress: Callable[[str], None] | None) -> None:
        sources, keys, slots, pending, results = chunk
        for i, result in zip(pending, results, strict=True):
            slots[i] = result
            if cache and isinstance(result, bytes):
                cache.put(keys[i], result)
            if progress:
                progress(sources[i].path)
        for src, key, slot in zip(sources, keys, slots, strict=True):
            if isinstance(slot, Failure):
                self.failures.append(slot)
            elif isinstance(slot, bytes):
                if isinstance(src, Known):
                    if src.taught:
                        self.prior[len(self.blobs)] = src.taught
                    if src.facts is not None:
                        self.given[len(self.blobs)] = src.facts
                self.blobs.append(slot)
                self.paths.append(src.path)
                self.keys.append(key)

    def facts(self) -> list[Facts]:
        return [(Facts.from_json(self.given[i]) if i in self.given else None) or Facts.of(unpack(blob))
                for i, blob in enumerate(self.blobs)]

    def source_keys(self, facts: list[Facts], lessons: dict[int, str],
                    taught_keys: dict[int, str]) -> dict[str, SourceKeys]:
        return {path: (key, lessons[i], taught_keys[i], facts[i].to_json()) if i in taught_keys
                else (key, "", "", facts[i].to_json())
                for i, (path, key) in enumerate(zip(self.paths, self.keys, strict=True))}


_Batch = tuple[list["Source | Known"], list[str], list["bytes | Failure | None"], list[int],
               Iterator["bytes | Failure"]]


def _submitted(items: Iterable[Source | Failure | Known], batch: int, run: _Settings,
               failures: list[Failure], progress: Callable[[str], None] | None) -> Iterator[_Batch]:
    """Each batch of `items`: its sources, cache keys, cached results (None where to extract),
    which are to extract, and their results to come. The next batch is read and handed to the
    workers before a batch is yielded, so they are not idle while this process reads files,
    hashes them and stores results."""
    ahead: _Batch | None = None
    for chunk in batched(items, batch):
        sources: list[Source | Known] = []
        keys: list[str] = []
        slots: list[bytes | Failure | None] = []
        for item in chunk:
            if isinstance(item, Failure):
                failures.append(item)
                if progress:
                    progress(item.path)
                continue
            key = item.key if isinstance(item, Known) else source_key(item, run.digest)
            hit = item.blob if isinstance(item, Known) else run.cache.get(key) if run.cache else None
            sources.append(item)
            keys.append(key)
            slots.append(hit)
            if hit is not None and progress:
                progress(item.path)
        pending = [i for i, slot in enumerate(slots) if slot is None]
        submitted = (sources, keys, slots, pending,
                     _run([sources[i] for i in pending], run))  # type: ignore[misc]
        if ahead is not None:
            yield ahead
        ahead = submitted
    if ahead is not None:
        yield ahead


def _reteach(learned: dict[str, Authority], facts: list[Facts], got: _Collected, run: _Settings,
             reread: Callable[[set[str]], Iterable[Source | Failure | Known]],
             ) -> tuple[dict[int, str], dict[int, str], list[int]]:
    """Re-extract the records using a code the corpus taught (`learned`), with it; their blobs
    are replaced in place. A record's lesson is what was learned of the codes it uses (its
    extraction reads no other): a code learned from a new document re-extracts only the
    records using that code. A record taught the same lesson by the last build (`got.prior`,
    from the manifest) is taken from the cache unread; the others are read again with `reread`.
    Returns each record's lesson digest and the cache key of each record now taught, and which
    records were to be taught (all by index)."""
    again = {got.paths[i]: i for i, f in enumerate(facts) if learned.keys() & f.codes}
    retaught = list(again.values())
    taught = {i: run.digest + repr(sorted((k, repr(learned[k])) for k in learned.keys() & facts[i].codes))
              for i in retaught}
    lessons = {i: hashlib.sha256(t.encode("utf-8")).hexdigest()[:32] for i, t in taught.items()}
    taught_keys = _taught_before(again, lessons, got, run.cache)
    redo = _taught_in_cache(again, taught, reread, got, run.cache, taught_keys)
    for (key, src), result in _retaught(redo, run, learned, got, again):
        if isinstance(result, bytes):
            got.blobs[again[src.path]] = result
            if run.cache:
                run.cache.put(key, result)
                taught_keys[again[src.path]] = key
    return lessons, taught_keys, retaught


def _retaught(redo: Iterable[tuple[str, Source]], run: _Settings, learned: dict[str, Authority],
              got: _Collected, again: dict[str, int]) -> Iterator[tuple[tuple[str, Source], bytes | Failure]]:
    """Each (key, source) of `redo` with its record taught `learned`: a batch at a time (a
    corpus of a million documents is never all in flight, nor all read), the next submitted
    before the last is taken, as in _submitted."""
    ahead: tuple[list[tuple[str, Source]], Iterator[bytes | Failure]] | None = None
    for chunk in batched(redo, run.batch):
        submitted = (chunk, _run([src for _k, src in chunk], run, learned,
                                 [got.blobs[again[src.path]] for _k, src in chunk]))
        if ahead is not None:
            yield from zip(*ahead, strict=True)
        ahead = submitted
    if ahead is not None:
        yield from zip(*ahead, strict=True)


def _taught_before(again: dict[str, int], lessons: dict[int, str], got: _Collected,
                   cache: Cache | None) -> dict[int, str]:
    """Take from the cache the records the last build taught the same lesson; they are no
    longer `again`. Their cache keys, by index."""
    taught_keys: dict[int, str] = {}
    for path, i in list(again.items()):
        lesson, key = got.prior.get(i, ("", ""))
        hit = _cached(cache, key) if lesson == lessons[i] else None
        if hit is not None:
            got.blobs[i], taught_keys[i] = hit, key
            del again[path]
    return taught_keys


def _taught_in_cache(again: dict[str, int], taught: dict[int, str],
                     reread: Callable[[set[str]], Iterable[Source | Failure | Known]], got: _Collected,
                     cache: Cache | None, taught_keys: dict[int, str]) -> Iterator[tuple[str, Source]]:
    """Read the sources to teach again; take from the cache those it holds taught (their keys
    go into `taught_keys`), and yield the others with the key to store them under."""
    wanted = set(again) | {p.rsplit("#", 1)[0] for p in again}
    for item in reread(wanted) if again else ():
        if isinstance(item, Source) and item.path in again:
            i, key = again[item.path], source_key(item, taught[again[item.path]])
            hit = _cached(cache, key)
            if hit is not None:
                got.blobs[i], taught_keys[i] = hit, key
            else:
                yield key, item


def _cached(cache: Cache | None, key: str) -> bytes | None:
    return cache.get(key) if cache is not None else None


class Facts(NamedTuple):
    """What extract_all reads of every record to learn codes and index measures. A rebuild
    gets an unchanged file's facts from the manifest (stamps.py), so that a record is not
    decoded (~0.2 ms each) only to learn what the last build learned from it."""

    head: Head
    codes: frozenset[str]  # the issuer codes of every number it states or cites
    stated: tuple[tuple[str, str, str], ...]  # extract.statements

    @classmethod
    def of(cls, rec: DocumentRecord) -> Facts:
        return cls(head_of(rec), frozenset(_codes_of(rec)), tuple(statements(rec)))

    def to_json(self) -> list:
        h = self.head
        return [[h.source, h.id, h.measured, [list(p) for p in h.parts]], sorted(self.codes),
                [list(s) for s in self.stated]]

    @classmethod
    def from_json(cls, v: object) -> Facts | None:
        """None for anything but what to_json writes (a damaged manifest: decode instead)."""
        try:
            whole: Any = v  # what to_json wrote, or a TypeError or ValueError below
            (source, id_, measured, parts), codes, stated = whole
            return cls(Head(str(source), str(id_), bool(measured), tuple((int(k), str(n)) for k, n in parts)),
                       frozenset(map(str, codes)), tuple((str(a), str(b), str(c)) for a, b, c in stated))
        except (TypeError, ValueError):
            return None


def batched(items: Iterable[T], n: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def _run(sources: list[Source], run: _Settings, learned: dict[str, Authority] | None = None,
         before: list[bytes] | None = None) -> Iterator[bytes | Failure]:
    """Results in input order. With a pool, every source is submitted before this returns.
    `before`: each source's packed record as extracted without `learned` (see safe_extract)."""
    befores = before if before is not None else [None] * len(sources)
    scheme, budget, pool = run.scheme, run.budget, run.pool
    if pool is None or (len(sources) < 2 and isinstance(pool, ProcessPoolExecutor)):  # a cluster gets all
        return (_packed_extract(src, scheme, budget, learned, b)
                for src, b in zip(sources, befores, strict=True))
    return pool.map(_packed_extract, sources, repeat(scheme), repeat(budget), repeat(learned), befores,
                    chunksize=max(1, min(64, len(sources) // (_threads(pool) * 8) or 1)))


def _threads(pool: Executor | None) -> int:
    """How many documents `pool` extracts at once."""
    if pool is None:
        return 1
    threads = getattr(pool, "threads", None)
    return int(threads if threads is not None else getattr(pool, "_max_workers", 1))


def _packed_extract(src: Source, scheme: str | SchemeFile | None, budget: float,
                    learned: dict[str, Authority] | None = None,
                    before: bytes | None = None) -> bytes | Failure:
    """Extract in a worker and send the record back packed: less to copy between processes.
    On a cluster's worker (a thread), the scheme comes as its text (SchemeFile)."""
    path = scheme.path() if isinstance(scheme, SchemeFile) else scheme
    earlier = None if before is None else unpack(before)
    result = safe_extract(src, path, budget, learned, earlier)
    return pack(result) if isinstance(result, DocumentRecord) else result


def _codes_of(rec: DocumentRecord) -> set[str]:
    numbers = [rec.number] + [c.number for c in rec.citations]
    for p in rec.parts:
        numbers += [p.number] + [c.number for c in p.citations]
    codes = set()
    for n in numbers:
        dn = parse_canonical(n) if n else None
        if dn:
            codes.add(dn.code)
    return codes


def _unique_ids(blobs: MutableSequence[bytes], heads: list[Head]) -> PackedRecords:
    """Sorted by source; ids are numbers where known. Files stating one number (the versions of
    one 令, or copies) are told apart by their date, `number@date` (国务院令第406号@2019-03-02),
    or where dates do not tell them apart (none, or the same), by their file, `number@file`; a
    number of one file stays bare. `heads` holds each blob's Head, so only these files are decoded
    (corpus/works.py chains the versions; corpus/resolve.py resolves the bare number)."""
    order = sorted(range(len(blobs)), key=lambda i: heads[i].source)
    shared: dict[str, list[int]] = {}
    for i in order:
        shared.setdefault(heads[i].id, []).append(i)
    renamed: dict[int, bytes] = {}
    for group in shared.values():
        if len(group) > 1:
            renamed.update(_told_apart([unpack(blobs[i]) for i in group], group))
    out_heads = [heads[i] if i not in renamed else heads[i]._replace(id=unpack(renamed[i]).id)
                 for i in order]
    if isinstance(blobs, Partition):
        for i, blob in sorted(renamed.items()):
            blobs[i] = blob
        return PackedRecords(blobs.view(order), out_heads)
    return PackedRecords([renamed.get(i, blobs[i]) for i in order], out_heads)


def _told_apart(records: list[DocumentRecord], indexes: list[int]) -> dict[int, bytes]:
    """The records sharing one id, each with an id of its own and a warning naming the others."""
    dates = Counter(r.date for r in records)
    out = {}
    for i, r in zip(indexes, records, strict=True):
        suffix = r.date if r.date and dates[r.date] == 1 else r.source
        others = ", ".join(o.source for o in records if o is not r)
        out[i] = pack(replace(r, id=f"{r.id}@{suffix}",
                              warnings=(*r.warnings, f"same number as {others}: another version or a copy")))
    return out
