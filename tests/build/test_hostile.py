"""Hostile input, parallel builds and the incremental cache.

The hostile corpus is generated here (nothing binary is committed): every file must end up in
documents.jsonl or in the report's failures, with a reason, and the build must finish.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.build import build
from policygraph.build.budget import safe_extract
from policygraph.build.cache import Cache
from policygraph.export.report import failure_rows
from policygraph.extract import read
from policygraph.extract.document import MEASURE_MAX_CHARS, extract
from policygraph.models import DocumentRecord, Failure, Source

NOTICE = (
    "某市人民政府关于做好就业工作的通知\n某政发〔2020〕{n}号\n\n各区人民政府，市各委办局：\n"
    "　　为贯彻落实《国务院关于做好就业工作的意见》（国发〔2019〕{n}号）精神，现就有关事项通知如下。\n"
    "　　一、城镇登记失业率控制在4%以内，6月底前出台实施办法。\n\n某市人民政府\n2020年3月1日\n"
)


def hostile_corpus(root: Path) -> set[str]:
    """Write the hostile corpus; return the names of the files in it."""
    root.mkdir(parents=True)
    files = {
        "gbk.txt": NOTICE.format(n=1).encode("gbk"),
        "big5.txt": opencc.OpenCC("s2tw").convert(NOTICE.format(n=2)).encode("big5"),
        "utf16.txt": NOTICE.format(n=3).encode("utf-16"),
        "utf16-nobom.txt": NOTICE.format(n=4).encode("utf-16-le"),
        "invalid-bytes.txt": NOTICE.format(n=5).encode("utf-8")[:60] + b"\xff\xfe\x80\x81\xc0" + b"\x00\x01" * 3,
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 200,
        "page.html": ("<html><head><style>body{}</style><script>var s='国发〔2099〕1号';</script></head><body>"
                      + "<script>document.write('x')</script>" * 50 + "<p>"
                      + NOTICE.format(n=6).replace("\n", "</p><p>") + "</p></body></html>").encode("utf-8"),
        "broken.jsonl": (json.dumps({"text": NOTICE.format(n=7)}, ensure_ascii=False) + "\n{not json\n"
                         + json.dumps({"no_text": 1}) + "\n").encode("utf-8"),
        "impossible.txt": ("某市人民政府关于某事的通知\n某政发〔2999〕1号\n各区人民政府：\n　　根据国发〔1850〕3号、"
                           "国发〔2019〕9999999号和国发〔2019〕0号精神执行。\n").encode(),
        "nested.txt": ("各区人民政府：\n　　根据" + "《" * 20000 + "某某通知" + "》" * 20000
                       + "（国发〔2019〕12号）精神。\n").encode("utf-8"),
        "brackets.txt": ("〔2003〕" * 50000 + "号第（" * 20000).encode("utf-8"),
        "deep.json": ("[" * 100_000 + "]" * 100_000).encode(),  # deeper than Python's stack allows
        "deep.jsonl": (json.dumps({"text": NOTICE.format(n=9)}, ensure_ascii=False) + "\n"
                       + '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n").encode("utf-8"),
        "half-surrogate.jsonl": ('{"text": "\\ud83d' + NOTICE.format(n=10).replace("\n", "\\n") + '"}\n').encode(),
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    # A notice with a body just past the length beyond which no measures are extracted.
    line = "各地要认真抓好落实，确保取得实效。\n"
    body = line * (MEASURE_MAX_CHARS // len(line) + 1)
    (root / "too-long.txt").write_text(NOTICE.format(n=8) + body, encoding="utf-8")
    return set(files) | {"too-long.txt"}


def test_hostile_corpus_loses_nothing(tmp_path: Path) -> None:
    names = hostile_corpus(tmp_path / "corpus")
    paths = build(tmp_path / "corpus", tmp_path / "out", jobs=2)
    docs = [json.loads(line) for line in paths["documents"].read_text(encoding="utf-8").splitlines()]
    report = paths["report"].read_text(encoding="utf-8")
    extracted = {d["source"].split("#")[0] for d in docs}
    failures = report.split("## Failed inputs")[1].split("\n## ")[0]
    failed = {name for name in names if f"| {name}" in failures}
    assert names <= extracted | failed, names - extracted - failed
    # Long, nested and bracket-soup text is extracted within the build's time budget, not given up.
    assert {"nested.txt", "brackets.txt", "too-long.txt"} <= extracted - failed
    numbers = {d["number"] for d in docs}
    assert {f"某政发〔2020〕{n}号" for n in (1, 2, 3, 4, 6, 7, 8, 9, 10)} <= numbers
    for name, reason in (("empty.txt", "empty file"), ("binary.txt", "binary"),
                         ("broken.jsonl#L2", "invalid JSON line"), ("broken.jsonl#L3", "no text field"),
                         ("deep.json", "nested too deeply"), ("deep.jsonl#L2", "nested too deeply")):
        assert f"| {name} | " in failures and reason in failures.split(f"| {name} | ")[1].split("\n")[0]
    impossible = next(d for d in docs if d["source"] == "impossible.txt")
    assert impossible["number"] is None and impossible["citations"] == []
    assert any("malformed document number" in w for w in impossible["warnings"])
    big = next(d for d in docs if d["source"] == "too-long.txt")
    assert any("measures were not extracted" in w for w in big["warnings"]) and big["measures"] == []
    assert not any("measures were not extracted" in w for d in docs if d is not big for w in d["warnings"])
    half = next(d for d in docs if d["source"] == "half-surrogate.jsonl#L1")
    assert half["title"] == "\ufffd某市人民政府关于做好就业工作的通知"  # the half pair replaced, as a decoder would
    page = next(d for d in docs if d["source"] == "page.html")
    assert "国发〔2099〕" not in json.dumps(page, ensure_ascii=False)


def test_a_readers_unexpected_error_costs_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in (1, 2, 3):
        (corpus / f"{n}.txt").write_text(NOTICE.format(n=n), encoding="utf-8")
    real = read.read_bytes

    def fragile(data: bytes, rel: str, kind: str = "txt") -> Iterator[Source | Failure]:
        if rel == "2.txt":
            raise MemoryError("a reader's bug")
        return real(data, rel, kind)

    monkeypatch.setattr(read, "read_bytes", fragile)
    items = list(read.iter_corpus(corpus))
    assert [type(i).__name__ for i in items] == ["Source", "Failure", "Source"]
    assert items[1] == Failure("2.txt", "cannot read: MemoryError: a reader's bug")


# An overrun may land in a finaliser the garbage collector runs, which Python only prints; the
# next one, ALARM_REPEAT later, stops the document (build/budget.py). Only that is let through.
@pytest.mark.filterwarnings(r"ignore:(?s).*policygraph\.build\.budget\.Overtime:pytest.PytestUnraisableExceptionWarning")
def test_a_document_over_its_time_budget_is_a_failure() -> None:
    src = Source("slow.txt", NOTICE.format(n=1) * 2000, "utf-8", "txt")
    t0 = time.perf_counter()
    result = safe_extract(src, None, budget=0.05)
    assert time.perf_counter() - t0 < 5
    assert isinstance(result, Failure) and "longer than 0.05 s" in result.reason
    assert isinstance(safe_extract(Source("ok.txt", NOTICE.format(n=1), "utf-8", "txt")), DocumentRecord)


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(1, 13):
        (corpus / f"{n:02d}.txt").write_text(NOTICE.format(n=n), encoding="utf-8")
    serial = build(corpus, tmp_path / "serial", jobs=1, use_cache=False)
    parallel = build(corpus, tmp_path / "parallel", jobs=2, use_cache=False)
    for name in ("documents", "turtle", "edges", "report"):
        assert serial[name].read_bytes() == parallel[name].read_bytes(), name


def test_rebuild_reuses_the_cache_and_sees_changes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(1, 6):
        (corpus / f"{n:02d}.txt").write_text(NOTICE.format(n=n), encoding="utf-8")
    out = tmp_path / "out"
    first = build(corpus, out, jobs=1)
    before = first["documents"].read_bytes()
    entries = sorted((out / ".cache").rglob("*.pgz"))
    assert len(entries) == 5
    stamps = {p: p.stat().st_mtime_ns for p in entries}
    time.sleep(0.01)
    (corpus / "03.txt").write_text(NOTICE.format(n=33), encoding="utf-8")
    second = build(corpus, out, jobs=1)
    after = second["documents"].read_bytes().decode("utf-8")
    assert "某政发〔2020〕33号" in after and before != second["documents"].read_bytes()
    assert all(p.stat().st_mtime_ns == stamps[p] for p in entries)  # old entries untouched
    assert len(sorted((out / ".cache").rglob("*.pgz"))) == 6
    # A corrupt entry is a miss, not a crash: the file is extracted again and its entry rewritten.
    entries = sorted((out / ".cache").rglob("*.pgz"))
    for entry in entries:  # the five in use and the one of 03.txt's first version
        entry.write_bytes(b"not a packed record")
    (corpus / "03.txt").write_text(NOTICE.format(n=34), encoding="utf-8")
    third = build(corpus, out, jobs=1)
    fresh = build(corpus, tmp_path / "fresh", jobs=1, use_cache=False)
    assert third["documents"].read_bytes() == fresh["documents"].read_bytes()
    cache = Cache(out / ".cache")  # an entry's name is its key
    assert sum(cache.get(e.stem) is not None for e in entries) == 4  # 01, 02, 04, 05: rewritten
    assert sum(cache.get(e.stem) is not None for e in (out / ".cache").rglob("*.pgz")) == 5  # and 03


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
@settings(max_examples=150, deadline=None)
def test_extraction_never_crashes_on_any_text(text: str) -> None:
    rec = extract(Source("fuzz.txt", text, "utf-8", "txt"))
    assert rec.id == (rec.number or "src:fuzz.txt") and rec.source == "fuzz.txt"
    assert [p.id for p in rec.parts] == [f"{rec.id}#{i}" for i in range(1, len(rec.parts) + 1)]


@given(st.text(alphabet="《》〈〉（）()〔〕[]、，。：各市政府关于印发通知国发办12号年月日以下简称根据按照转发", max_size=600))
@settings(max_examples=150, deadline=None)
def test_extraction_is_bounded_on_bracket_soup(text: str) -> None:
    # Within the per-document budget a build uses, never given up: no pattern backtracks
    # without limit on nested brackets and stray markers.
    assert isinstance(safe_extract(Source("soup.txt", text * 5, "utf-8", "txt"), None, budget=20),
                      DocumentRecord)


def test_the_cache_leaves_no_temporary_files(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(NOTICE.format(n=1), encoding="utf-8")
    build(corpus, tmp_path / "o", jobs=1)
    files = [p.relative_to(tmp_path / "o") for p in (tmp_path / "o").rglob("*") if p.is_file()]
    assert [p for p in files if p.suffix == ".pgz"] != []  # the record was stored
    assert not [p for p in files if ".tmp" in p.name]  # and nothing was left half-written


def test_a_file_past_the_size_limit_is_a_failure_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "MAX_BYTES", 1000)  # the branch is the same at 64 MB
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "at.txt").write_bytes(NOTICE.format(n=1).encode("utf-8").ljust(1000, b"\n"))
    (corpus / "past.txt").write_bytes(NOTICE.format(n=2).encode("utf-8").ljust(1001, b"\n"))
    [at, past] = read.iter_corpus(corpus)
    assert isinstance(at, Source) and at.path == "at.txt"
    assert past == Failure("past.txt", "file too large: 1001 bytes (limit 1000)")


def test_records_failing_alike_are_one_row_naming_each(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    meta = json.dumps({"title": "某市关于加强管理的通知", "url": "http://example.org/1"}, ensure_ascii=False)
    lines = [meta, meta, json.dumps({"text": NOTICE.format(n=3)}, ensure_ascii=False), meta, meta, meta, "{broken"]
    (corpus / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = build(corpus, tmp_path / "out", jobs=1)
    report = paths["report"].read_text(encoding="utf-8")
    failed = report.split("## Failed inputs")[1].split("## Warnings")[0]
    rows = [r for r in failed.splitlines() if r.startswith("| manifest")]
    assert rows[0].startswith("| manifest.jsonl#L1–L2, L4–L6 (5 records) | JSON record has no text field")
    assert rows[1].startswith("| manifest.jsonl#L7 | invalid JSON line")
    assert len(rows) == 2
    docs = [json.loads(line) for line in paths["documents"].read_text(encoding="utf-8").splitlines()]
    assert [d["source"] for d in docs] == ["manifest.jsonl#L3"]


@given(st.sets(st.integers(1, 400), min_size=1, max_size=60), st.sampled_from(["L", ""]))
def test_failure_rows_name_every_failed_record_once(lines: set[int], mark: str) -> None:
    failures = [Failure(f"m.jsonl#{mark}{n}", "no text") for n in sorted(lines, key=str)]
    [(where, reason)] = failure_rows(failures)
    assert reason == "no text"
    spans = where.removeprefix("m.jsonl#").split(" (")[0].split(", ")
    named: list[int] = []
    for span in spans:
        a, _, b = span.partition("–")
        lo, hi = int(a.removeprefix(mark)), int((b or a).removeprefix(mark))
        assert lo <= hi
        named += range(lo, hi + 1)
    assert sorted(named) == sorted(lines)  # every one, none twice, nothing invented
    assert len(spans) == 1 + sum(1 for n in lines if n > min(lines) and n - 1 not in lines)
