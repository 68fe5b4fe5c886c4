"""TODO."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import islice, repeat
from typing import NamedTuple

from policygraph.build.budget import DEFAULT_BUDGET, safe_extract
from policygraph.build.cache import Cache, scheme_digest, source_key
from policygraph.build.packed import Head, PackedRecords, head_of, pack, unpack
from policygraph.build.stamps import Known, SourceKeys
from policygraph.extract.authorities import AuthorityTable, load_table
from policygraph.extract.document import learn_from_statements, statements
from policygraph.extract.numbers import parse_canonical
from policygraph.models import Authority, DocumentRecord, Failure, Source


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
    reread: Callable[[set[str]], Iterable[Source | Failure]] | None = None,
    batch: int = 512,
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
    records the cache holds (stamps.py): it is neither read nor extracted again.
    """
    table = table or load_table()
    failures: list[Failure] = []
    blobs: list[bytes] = []
    paths: list[str] = []
    base_keys: list[str] = []
    prior: dict[int, tuple[str, str]] = {}  # blob index: how a Known source was taught before
    given: dict[int, object] = {}  # blob index: a Known source's facts (as JSON), so not decoded
    digest = scheme_digest(scheme)
    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    try:
        for sources, keys, slots, pending, results in _submitted(
                items, batch, digest, cache, scheme, budget, pool, failures, progress):
            for i, result in zip(pending, results, strict=True):
                slots[i] = result
                if cache and isinstance(result, bytes):
                    cache.put(keys[i], result)
                if progress:
                    progress(sources[i].path)
            for src, key, slot in zip(sources, keys, slots, strict=True):
                if isinstance(slot, bytes):
                    if isinstance(src, Known):
                        if src.taught:
                            prior[len(blobs)] = src.taught
                        if src.facts is not None:
                            given[len(blobs)] = src.facts
                    blobs.append(slot)
                    paths.append(src.path)
                    base_keys.append(key)
                elif isinstance(slot, Failure):
                    failures.append(slot)
        facts = [(Facts.from_json(given[i]) if i in given else None) or Facts.of(unpack(blob))
                 for i, blob in enumerate(blobs)]
        heads = [f.head for f in facts]
        learned = learn_from_statements((s for f in facts for s in f.stated), table)
        lessons: dict[int, str] = {}
        taught_keys: dict[int, str] = {}
        if learned:
            lessons, taught_keys, retaught = _reteach(
                learned, digest, facts, paths, blobs, prior, cache, reread or (lambda _paths: items),
                scheme, budget, pool)
            for i in retaught:
                heads[i] = head_of(unpack(blobs[i]))
    except BaseException:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown()
    keys = {} if cache is None else {
        path: (key, lessons[i], taught_keys[i], facts[i].to_json()) if i in taught_keys
        else (key, "", "", facts[i].to_json())
        for i, (path, key) in enumerate(zip(paths, base_keys, strict=True))}
    return BuildResult(_unique_ids(blobs, heads), tuple(failures), learned, keys)



_Batch = tuple[list["Source | Known"], list[str], list["bytes | Failure | None"], list[int],
               Iterator["bytes | Failure"]]



def _submitted(items: Iterable[Source | Failure | Known], batch: int, digest: str, cache: Cache | None,
               scheme: str | None, budget: float, pool: ProcessPoolExecutor | None,
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
            key = item.key if isinstance(item, Known) else source_key(item, digest)
            hit = item.blob if isinstance(item, Known) else cache.get(key) if cache else None
            sources.append(item)
            keys.append(key)
            slots.append(hit)
            if hit is not None and progress:
                progress(item.path)
        pending = [i for i, slot in enumerate(slots) if slot is None]
        submitted = (sources, keys, slots, pending,
                     _run([sources[i] for i in pending], scheme, budget, pool))  # type: ignore[misc]
        if ahead is not None:
            yield ahead
        ahead = submitted
    if ahead is not None:
        yield ahead



def _reteach(learned: dict[str, Authority], digest: str, facts: list[Facts], paths: list[str],
             blobs: list[bytes], prior: dict[int, tuple[str, str]], cache: Cache | None,
             reread: Callable[[set[str]], Iterable[Source | Failure]], scheme: str | None,
             budget: float, pool: ProcessPoolExecutor | None
             ) -> tuple[dict[int, str], dict[int, str], list[int]]:
    """Re-extract the records using a code the corpus taught (`learned`), with it; their blobs
    are replaced in place. A record's lesson is what was learned of the codes it uses (its
    extraction reads no other): a code learned from a new document re-extracts only the
    records using that code. A record taught the same lesson by the last build (`prior`, from
    the manifest) is taken from the cache unread; the others are read again with `reread`.
    Returns each record's lesson digest and the cache key of each record now taught, and which
    records were to be taught (all by index)."""
    again = {paths[i]: i for i, f in enumerate(facts) if learned.keys() & f.codes}
    retaught = list(again.values())
    taught = {i: digest + repr(sorted((k, repr(learned[k])) for k in learned.keys() & facts[i].codes))
              for i in retaught}
    lessons = {i: hashlib.sha256(t.encode("utf-8")).hexdigest()[:32] for i, t in taught.items()}
    taught_keys: dict[int, str] = {}
    for path, i in list(again.items()):
        hit = cache.get(prior[i][1]) if cache and i in prior and prior[i][0] == lessons[i] else None
        if hit is not None:
            blobs[i], taught_keys[i] = hit, prior[i][1]
            del again[path]
    redo = []
    wanted = set(again) | {p.rsplit("#", 1)[0] for p in again}
    for item in reread(wanted) if again else ():
        if isinstance(item, Source) and item.path in again:
            key = source_key(item, taught[again[item.path]])
            hit = cache.get(key) if cache else None
            if hit is not None:
                blobs[again[item.path]], taught_keys[again[item.path]] = hit, key
            else:
                redo.append((key, item))
    results = _run([src for _k, src in redo], scheme, budget, pool, learned,
                   [blobs[again[src.path]] for _k, src in redo])
    for (key, src), result in zip(redo, results, strict=True):
        if isinstance(result, bytes):
            blobs[again[src.path]] = result
            if cache:
                cache.put(key, result)
                taught_keys[again[src.path]] = key
    return lessons, taught_keys, retaught



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
            (source, id_, measured, parts), codes, stated = v  # type: ignore[misc]
            return cls(Head(str(source), str(id_), bool(measured), tuple((int(k), str(n)) for k, n in parts)),
                       frozenset(map(str, codes)), tuple((str(a), str(b), str(c)) for a, b, c in stated))
        except (TypeError, ValueError):
            return None



def batched(items: Iterable[Source | Failure], n: int) -> Iterator[list[Source | Failure]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk



def _run(sources: list[Source], scheme: str | None, budget: float, pool: ProcessPoolExecutor | None,
         learned: dict[str, Authority] | None = None,
         before: list[bytes] | None = None) -> Iterator[bytes | Failure]:
    """Results in input order. With a pool, every source is submitted before this returns.
    `before`: each source's packed record as extracted without `learned` (see safe_extract)."""
    befores = before if before is not None else [None] * len(sources)
    if pool is None or len(sources) < 2:
        return (_packed_extract(src, scheme, budget, learned, b)
                for src, b in zip(sources, befores, strict=True))
    workers = pool._max_workers  # type: ignore[attr-defined]
    return pool.map(_packed_extract, sources, repeat(scheme), repeat(budget), repeat(learned), befores,
                    chunksize=max(1, min(64, len(sources) // (workers * 8) or 1)))



def _packed_extract(src: Source, scheme: str | None, budget: float,
                    learned: dict[str, Authority] | None = None,
                    before: bytes | None = None) -> bytes | Failure:
    """Extract in a worker and send the record back packed: less to copy between processes."""
    result = safe_extract(src, scheme, budget, learned, None if before is None else unpack(before))
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



def _unique_ids(blobs: list[bytes], heads: list[Head]) -> PackedRecords:
    """Sorted by source; ids are numbers where known, and a second file with the same number
    gets a suffixed id. `heads` holds each blob's Head, so only duplicates are decoded."""
    order = sorted(range(len(blobs)), key=lambda i: heads[i].source)
    seen: dict[str, str] = {}
    out, out_heads = [], []
    for i in order:
        head = heads[i]
        if head.id in seen:
            r = unpack(blobs[i])
            r = replace(r, id=f"{r.id}@{r.source}",
                        warnings=(*r.warnings, f"same number as {seen[r.id]}: a duplicate copy?"))
            out.append(pack(r))
            out_heads.append(head._replace(id=r.id))
        else:
            seen[head.id] = head.source
            out.append(blobs[i])
            out_heads.append(head)
    return PackedRecords(out, out_heads)
