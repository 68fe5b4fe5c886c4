"""Rebuilds after a change: extraction, comparisons, the store and validation are reused where
nothing they depend on changed, and the output is exactly what a fresh build would write."""

from __future__ import annotations

import importlib
import json
import os
import shutil
from importlib import resources
from pathlib import Path

import pyoxigraph
import pytest

from policygraph.build import build
from policygraph.build import comparisons as compare_module  # where the build calls compare()
from policygraph.build import rdf as rdf_writer
from policygraph.build import store as store_module
from policygraph.export import rdf as rdf_module
from policygraph.export import turtle as turtle_module

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))
OUTPUTS = ("documents.jsonl", "graph.nt", "graph.ttl", "comparisons.jsonl", "report.md", "nodes.csv",
           "edges.csv", "graph.graphml")
SUZHOU = """苏州市人民政府关于加快发展社区养老服务的实施方案
苏府〔2022〕12号

各市、区人民政府，市各委办局：
　　为贯彻落实《江苏省人民政府关于加快发展社区养老服务的实施意见》（苏政发〔2021〕102号）精神，结合我市实际，制定本方案。
　　一、工作目标
　　到2023年底前，全市每个街道至少建成1个综合性社区养老服务中心，社区养老服务设施覆盖率达到98%以上。
　　二、主要措施
　　（一）加大财政支持。市财政对社区养老服务中心建设给予每个60万元的补助，由市财政局会同市民政局统筹安排。
　　（二）各区要在2022年6月底前出台具体实施办法。

苏州市人民政府
二〇二二年三月一日
"""


def _quads(folder: Path) -> set[str]:
    store = pyoxigraph.Store.read_only(str(folder))
    return {str(q) for q in store}


def _built(tmp_path: Path, name: str = "") -> tuple[Path, Path]:
    """(corpus, out): a copy of the example corpus, built into out."""
    corpus, out = tmp_path / f"corpus{name}", tmp_path / f"out{name}"
    shutil.copytree(EXAMPLES, corpus)
    build(corpus, out, jobs=1)
    return corpus, out


def _change(corpus: Path) -> None:
    (corpus / "07_suzhou.txt").write_text(SUZHOU, encoding="utf-8")
    jiangsu = corpus / "03_jiangsu_supengfa_2021_102.txt"
    text = jiangsu.read_text(encoding="utf-8")
    assert "95%以上" in text
    jiangsu.write_text(text.replace("95%以上", "97%以上"), encoding="utf-8")
    (corpus / "04_nanjing_traditional.txt").unlink()


def test_a_rebuild_updates_what_changed_and_equals_a_fresh_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, out = _built(tmp_path)
    _change(corpus)

    def no_reload(*_a: object) -> None:
        raise AssertionError("the store was loaded afresh instead of updated")

    compared: list[str] = []
    made: list[str] = []
    real_compare = compare_module.compare
    real_node = rdf_module._node
    monkeypatch.setattr(rdf_module, "_node", lambda n, base: made.append(n.id) or real_node(n, base))
    monkeypatch.setattr(store_module, "load_store", no_reload)
    monkeypatch.setattr(store_module, "MAX_CHANGED", 1.0)  # a third of this tiny corpus changed
    monkeypatch.setattr(compare_module, "compare",
                        lambda child, *a, **k: compared.append(child) or real_compare(child, *a, **k))
    build(corpus, out, jobs=1)
    monkeypatch.undo()

    fresh = tmp_path / "fresh"
    build(corpus, fresh, jobs=1, use_cache=False)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert _quads(out / "store") == _quads(fresh / "store")
    lines = (out / "comparisons.jsonl").read_text(encoding="utf-8").splitlines()
    assert any('"child": "苏府〔2022〕12号"' in line for line in lines)
    assert 0 < len(compared) < len(lines)  # the untouched pairs were copied, not compared
    assert "苏府〔2022〕12号" in compared
    documents = (out / "nodes.csv").read_text(encoding="utf-8").count("\n") - 1
    assert "苏府〔2022〕12号" in made and len(made) < documents / 2  # unchanged blocks copied


def test_a_rebuild_without_its_records_of_the_last_build_starts_afresh(tmp_path: Path) -> None:
    # An interrupted build leaves no manifest (store) or a comparisons.jsonl its index does not
    # describe: the next build must notice and redo that step, not trust it.
    corpus, out = _built(tmp_path)
    _change(corpus)
    (out / ".cache" / "store-blocks").unlink()
    with (out / "comparisons.jsonl").open("ab") as f:
        f.write(b'{"half a line')
    (out / "graph.nt").write_bytes(b"")
    build(corpus, out, jobs=1)
    fresh = tmp_path / "fresh"
    build(corpus, fresh, jobs=1, use_cache=False)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert _quads(out / "store") == _quads(fresh / "store")


def test_a_store_changed_behind_the_builds_back_is_loaded_afresh(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The update carries the store's triple count forward instead of counting every quad; a
    # store someone else changed (a triple removed) must still be noticed and loaded afresh.
    corpus, out = _built(tmp_path)
    store = pyoxigraph.Store(str(out / "store"))
    victim = next(q for q in store if "17.4" not in str(q))
    store.remove(victim)
    store.flush()
    del store
    _change(corpus)
    loads: list[Path] = []
    real_finish = store_module.Loader.finish
    monkeypatch.setattr(store_module.Loader, "finish", lambda self: loads.append(self.folder) or real_finish(self))
    monkeypatch.setattr(store_module, "MAX_CHANGED", 1.0)
    build(corpus, out, jobs=1)
    monkeypatch.undo()
    assert loads == [out / "store"]  # loaded afresh
    fresh = tmp_path / "fresh"
    build(corpus, fresh, jobs=1, use_cache=False)
    assert _quads(out / "store") == _quads(fresh / "store")


def test_unchanged_rdf_blocks_are_copied_in_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policygraph.build.memo import PreviousRdf

    reads: dict[int, int] = {}
    real_read = PreviousRdf.read
    for run in (rdf_writer.COPY_RUN, 1):  # 1: every block is read on its own
        corpus, out = _built(tmp_path, str(run))
        _change(corpus)
        monkeypatch.setattr(rdf_writer, "COPY_RUN", run)
        monkeypatch.setattr(PreviousRdf, "read", lambda self, *a, run=run: reads.update(
            {run: reads.get(run, 0) + 1}) or real_read(self, *a))
        build(corpus, out, jobs=1)
        monkeypatch.undo()
    fresh = tmp_path / "fresh"
    build(corpus, fresh, jobs=1, use_cache=False)
    for run in reads:
        for name in ("graph.nt", "graph.ttl"):
            assert (tmp_path / f"out{run}" / name).read_bytes() == (fresh / name).read_bytes(), (run, name)
    assert 0 < reads[rdf_writer.COPY_RUN] * 2 < reads[1]  # runs break only where a block was made


def test_a_reused_comparison_line_gives_the_same_summary() -> None:
    import json

    from policygraph.build.comparisons import Made, Summaries
    from policygraph.corpus.compare import Comparison, DeadlineChange, TargetChange, TargetSide, summary
    from policygraph.models import MentionDeadline

    tricky = 'x", "provisions": ["y'  # the words the line is cut at, inside a string
    c = Comparison(tricky, "国发〔2020〕1号", "stated", (tricky, "国发〔2020〕1号"), ("a",), (), ("b",),
                   (TargetChange(tricky, TargetSide(1, "%", "about", tricky), TargetSide(1, "%", "about", ""), "same"),
                    DeadlineChange("a", 'x"direction": "tightened"', MentionDeadline("", "2020-01-01"),
                                   MentionDeadline("", "2020-02-01"), 31, "later")),
                   {"share": 0.5, "shingles": 4, "copied": 2,
                    "provisions": [{"child": tricky, "parent": None, "similarity": 0.0}]})
    line = (json.dumps(c.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
    held = Summaries()
    held.append_made(Made.of(Comparison.from_dict(json.loads(line))), (c.child, c.parent, c.via))
    held.append(c)
    assert held[0] == held[1] == summary(c) and len(held) == 2
    assert held.heads == [(tricky, "国发〔2020〕1号", "stated")] * 2
    assert list(held.moves) == [1, 1]  # "later" moves a deadline; the words inside a string do not
    assert "provisions" not in held[0].reuse


def test_spilled_summaries_read_back_as_held_ones_also_in_a_forked_child(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Summaries kept in a spill file (a few written out, the rest still buffered) read back as
    the ones held in memory, in this process and in a forked one, and leave no file behind."""
    from policygraph.build import comparisons as cmp
    from policygraph.corpus.compare import Comparison

    monkeypatch.setattr(cmp, "SPILL_BUFFER", 300)  # a write every other summary or so
    made = [Comparison(f"子{i}号", "国发〔2020〕1号", "stated", (f"子{i}号", "国发〔2020〕1号"), ("a",) * (i % 3), (),
                       ("b",), (), {"share": i / 10, "shingles": i, "copied": 0, "provisions": []})
            for i in range(23)]
    held, spilled = cmp.Summaries(), cmp.Summaries(tmp_path)
    for c in made:
        held.append(c)
        spilled.append(c)
    assert 0 < spilled._written < sum(len(cmp.Made.of(c).summary) for c in made)  # both places in use
    assert list(spilled) == list(held) and spilled[-1] == held[22] and spilled.heads == held.heads
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the forked stages (HTML, report) read the same summaries
        os.write(write, b"1" if list(spilled) == list(held) else b"0")
        os._exit(0)
    os.waitpid(child, 0)
    assert os.read(read, 1) == b"1"
    os.close(read)
    os.close(write)
    with spilled:
        assert list(tmp_path.iterdir()) == []  # an anonymous file: nothing to clean up, ever
    assert spilled._file is not None and spilled._file.closed


def test_rdf_blocks_are_not_reused_under_other_turtle_prefixes(tmp_path: Path) -> None:
    from policygraph.build.memo import PreviousRdf
    from policygraph.build.rdf import block_digest
    from policygraph.export.turtle import Serializer
    from policygraph.extract.measures import load_scheme

    out = tmp_path / "out"
    build(EXAMPLES, out, jobs=1)
    salt = block_digest(Serializer({"pgm": load_scheme(None).namespace}).header)
    record = out / ".cache" / "rdf-blocks"
    same = PreviousRdf(out / "graph.nt", out / "graph.ttl", record, salt)
    other = PreviousRdf(out / "graph.nt", out / "graph.ttl", record, salt + 1)
    assert len(same) > 20 and len(other) == 0
    same.close()
    other.close()


def test_a_store_loaded_while_the_rdf_is_written_holds_graph_nt(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The first build feeds the store as it writes graph.nt, in chunks far smaller than the file.
    monkeypatch.setattr(store_module, "CHUNK_BYTES", 2000)
    _corpus, out = _built(tmp_path)
    expected = pyoxigraph.Store()
    expected.load(path=str(out / "graph.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert _quads(out / "store") == {str(q) for q in expected} and len(expected) > 1000
    assert not (tmp_path / "out" / "store.new").exists()


def test_a_build_stopped_while_loading_leaves_the_previous_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, out = _built(tmp_path)
    before = _quads(out / "store")
    (out / ".cache" / "store-blocks").unlink()  # so the next build loads afresh, while writing
    (out / "graph.nt").write_bytes(b"")  # and makes every block again
    _change(corpus)

    def interrupted(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    real_turtle = turtle_module._turtle
    fed: list[int] = []
    real_call = store_module.Loader.__call__
    monkeypatch.setattr(store_module.Loader, "__call__",
                        lambda self, data: fed.append(len(data)) or real_call(self, data))
    monkeypatch.setattr(store_module, "CHUNK_BYTES", 2000)
    monkeypatch.setattr(turtle_module, "_turtle",
                        lambda triples, term: interrupted() if len(fed) > 20 else real_turtle(triples, term))
    with pytest.raises(KeyboardInterrupt):
        build(corpus, out, jobs=1)
    monkeypatch.undo()
    assert len(fed) > 20  # the new store had been fed when the build stopped
    assert _quads(out / "store") == before
    assert not (out / "store.new").exists()
    build(corpus, out, jobs=1)  # and the next build is whole again
    fresh = tmp_path / "fresh"
    build(corpus, fresh, jobs=1, use_cache=False)
    assert _quads(out / "store") == _quads(fresh / "store")


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the builds after this call read (relative paths)."""
    pipeline = importlib.import_module("policygraph.build.pipeline")  # where the build reads files

    read: list[str] = []
    real = pipeline.read_file
    monkeypatch.setattr(pipeline, "read_file", lambda path, rel: read.append(rel) or real(path, rel))
    return read


def _age(corpus: Path) -> None:
    """Files as if written long ago: only their modification time can be set back."""
    for f in corpus.iterdir():
        os.utime(f, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))


def test_a_rebuild_reads_only_new_and_changed_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policygraph.build import stamps as stamps_module

    monkeypatch.setattr(stamps_module, "RACY_NS", 0)  # the files were written a moment ago
    corpus, out = _built(tmp_path)
    read = _reads(monkeypatch)
    build_module = importlib.import_module("policygraph.build.extraction")
    decoded: list[str] = []
    real_of = build_module.Facts.of
    monkeypatch.setattr(build_module.Facts, "of", lambda rec: decoded.append(rec.source) or real_of(rec))
    build(corpus, out, jobs=1)
    assert read == []  # nothing changed: every record came from the cache
    assert decoded == []  # and what the build reads of each, from the manifest
    _change(corpus)
    build(corpus, out, jobs=1)
    assert sorted(read) == ["03_jiangsu_supengfa_2021_102.txt", "07_suzhou.txt"]
    fresh = tmp_path / "fresh"
    build(corpus, fresh, jobs=1, use_cache=False)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


def test_a_file_changed_without_changing_its_size_or_mtime_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policygraph.build import stamps as stamps_module

    monkeypatch.setattr(stamps_module, "RACY_NS", 0)
    corpus, out = _built(tmp_path)
    jiangsu = corpus / "03_jiangsu_supengfa_2021_102.txt"
    before = jiangsu.stat()
    jiangsu.write_text(jiangsu.read_text(encoding="utf-8").replace("95%以上", "97%以上"), encoding="utf-8")
    os.utime(jiangsu, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` or a careless copy
    assert jiangsu.stat().st_size == before.st_size
    read = _reads(monkeypatch)
    build(corpus, out, jobs=1)
    assert read == ["03_jiangsu_supengfa_2021_102.txt"]  # its change time gave it away
    assert "97%" in (out / "documents.jsonl").read_text(encoding="utf-8")


def test_files_written_just_before_a_build_are_read_again_by_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A file changed twice within one tick of a coarse clock keeps its size and times; the
    # manifest trusts no file changed shortly before it was written (git's racy entries).
    corpus, out = _built(tmp_path)
    read = _reads(monkeypatch)
    build(corpus, out, jobs=1)
    assert set(read) == {f.name for f in corpus.iterdir()}
    _age(corpus)
    build(corpus, out, jobs=1)  # the change times are still recent: read, but trusted next time
    read.clear()
    from policygraph.build import stamps as stamps_module

    monkeypatch.setattr(stamps_module, "RACY_NS", 0)
    build(corpus, out, jobs=1)
    assert read == []


def test_a_rebuild_with_a_cache_entry_gone_reads_that_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policygraph.build import stamps as stamps_module
    from policygraph.build import uptodate

    monkeypatch.setattr(stamps_module, "RACY_NS", 0)
    corpus, out = _built(tmp_path)
    build(corpus, out, jobs=1)
    manifest = json.loads((out / ".cache" / "files.json").read_text(encoding="utf-8"))
    key = manifest["files"]["05_hangzhou_gbk.txt"][4][0][1]
    (out / ".cache" / key[:2] / f"{key}.pgz").unlink()
    uptodate.forget(out)  # the outputs are intact, so the folder would be up to date: build anyway
    read = _reads(monkeypatch)
    build(corpus, out, jobs=1)
    assert read == ["05_hangzhou_gbk.txt"]


@pytest.mark.parametrize("ahead", [1, 50, 1 << 20])
def test_previous_lines_are_read_right_in_any_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ahead: int) -> None:
    import random

    from policygraph.build import memo

    monkeypatch.setattr(memo, "READ_AHEAD", ahead)
    lines = {k: f'{{"n": {k}, "pad": "{"x" * (k % 37)}"}}\n'.encode() for k in range(1, 400)}
    jsonl, index = tmp_path / "c.jsonl", tmp_path / "c.idx"
    with memo.Rewrite(jsonl, index) as w:
        for k, line in lines.items():
            w.write(k, line)
    order = [*lines, 10_000]
    random.Random(7).shuffle(order)
    previous = memo.PreviousLines(jsonl, index)
    try:
        got = {k: previous.get(k) for k in sorted(order[:200])} | {k: previous.get(k) for k in order}
    finally:
        previous.close()
    assert got == {**lines, 10_000: None}


def test_facts_survive_the_manifest_and_damage_means_decoding(tmp_path: Path) -> None:
    from policygraph.build.extraction import Facts, extract_all
    from policygraph.build.packed import unpack
    from policygraph.extract.read import iter_corpus

    records = extract_all(iter_corpus(EXAMPLES)).records
    for i in range(len(records)):
        facts = Facts.of(unpack(records.blob(i)))
        assert Facts.from_json(json.loads(json.dumps(facts.to_json()))) == facts
    assert any(f.stated for f in (Facts.of(r) for r in records))
    for damaged in (None, [], [["a", "b", True], [], []], "x", [[1, 2, 3, [[1]]], [], []]):
        assert Facts.from_json(damaged) is None


def test_re_extraction_with_learned_codes_takes_over_measures_unchanged() -> None:
    """Documents using a code the corpus teaches are extracted again; their measures are taken
    from the first extraction. That must give, byte for byte, what measuring again gives."""
    from synth import generate

    from policygraph.build.budget import safe_extract
    from policygraph.build.extraction import Facts
    from policygraph.build.packed import pack
    from policygraph.corpus.codes import learn_from_statements
    from policygraph.extract.authorities import load_table
    from policygraph.extract.document import extract
    from policygraph.models import Source

    table = load_table()
    sources = [Source(d.path, d.text, "utf-8", "txt") for d in generate(400, seed=3)]
    first = [extract(s, table) for s in sources]
    facts = [Facts.of(r) for r in first]
    learned = learn_from_statements((x for f in facts for x in f.stated), table)
    taught = [(s, r) for s, r, f in zip(sources, first, facts, strict=True) if learned.keys() & f.codes]
    assert learned and len(taught) >= 10
    changed = 0
    for src, before in taught:
        again = safe_extract(src, None, 0, learned, before)
        assert pack(again) == pack(extract(src, table, learned))
        assert again.measures == before.measures
        changed += (again.jurisdiction, again.citations) != (before.jurisdiction, before.citations)
    assert changed  # the lesson did change records: the test compares real re-extractions
    other = taught[1][0]  # another source's record is not taken over
    assert pack(safe_extract(other, None, 0, learned, taught[0][1])) == pack(extract(other, table, learned))


def test_a_build_stopped_while_stages_run_beside_leaves_no_process_and_old_outputs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    import threading

    build_module = importlib.import_module("policygraph.build.outputs")  # the module, not its function
    if threading.active_count() > 1:
        pytest.skip("another test left a thread running: the build would not fork")
    corpus, out = _built(tmp_path)
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    _change(corpus)
    running: dict[str, int] = {}

    def stopped(*_a: object, **_k: object) -> None:  # Ctrl-C while the stages beside still run
        running.update((p.name, p.pid) for p in multiprocessing.active_children())
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "_rdf", stopped)
    with pytest.raises(KeyboardInterrupt):
        build(corpus, out, jobs=2)
    monkeypatch.undo()
    # The report's key terms alone take longer than starting the RDF stage (jieba loads its tables).
    assert "policygraph: report tables" in running
    assert not [p for p in multiprocessing.active_children() if p.pid in running.values()]
    for pid in running.values():
        with pytest.raises(ProcessLookupError):  # killed and reaped
            os.kill(pid, 0)
    for name in ("graph.nt", "graph.ttl", "report.md"):  # not reached: the previous build's
        assert (out / name).read_bytes() == before[name], name
    build(corpus, out, jobs=2)  # and the next build is whole
    fresh = tmp_path / "fresh"
    build(corpus, fresh, jobs=1, use_cache=False)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


NANJING = """南京市人民政府关于推进养老服务发展的意见
宁政发〔2013〕1号

各区人民政府，市府各委办局：
　　为贯彻落实《国务院关于加快发展养老服务业的若干意见》（国发〔2013〕35号）精神，提出如下意见。
　　一、到2015年底前，全市养老床位达到每千名老人40张。

南京市人民政府
2013年1月5日
"""
XUANWU = """玄武区人民政府关于贯彻落实养老服务发展意见的实施方案
玄政发〔2013〕8号

各街道办事处，区各部门：
　　根据《南京市人民政府关于推进养老服务发展的意见》（宁政发〔2013〕1号）精神，制定本方案。
　　一、到2015年底前，全区养老床位达到每千名老人42张。

玄武区人民政府
2013年3月1日
"""
SHIZHONG = """市中区人民政府关于贯彻落实全民健身实施计划的通知

各乡镇人民政府，区级各部门：
　　为贯彻落实《乐山市人民政府关于印发全民健身实施计划的通知》（乐府〔2018〕11号）精神，现通知如下。
　　一、到2020年底前，全区经常参加体育锻炼人数比例达到38%。

市中区人民政府
2018年6月1日
"""
LESHAN = """乐山市人民政府关于印发全民健身实施计划的通知
乐府〔2018〕11号

各区、县（市）人民政府，市级各部门：
　　现将《乐山市全民健身实施计划》印发给你们，请认真贯彻执行。
　　一、到2020年底前，全市经常参加体育锻炼人数比例达到36%。

乐山市人民政府
2018年3月2日
"""


def test_a_code_learned_from_a_new_document_re_extracts_only_the_documents_using_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_module = importlib.import_module("policygraph.build.extraction")
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    for name, text in (("nanjing.txt", NANJING), ("xuanwu.txt", XUANWU), ("shizhong.txt", SHIZHONG)):
        (corpus / name).write_text(text, encoding="utf-8")
    build(corpus, out, jobs=1)
    assert "| 宁政发 | 江苏省南京市 |" in (out / "report.md").read_text(encoding="utf-8")
    extracted: list[tuple[str, bool]] = []
    real = build_module._packed_extract

    def counted(src, scheme, budget, learned=None, before=None):  # type: ignore[no-untyped-def]
        extracted.append((src.path, bool(learned)))
        return real(src, scheme, budget, learned, before)

    monkeypatch.setattr(build_module, "_packed_extract", counted)
    (corpus / "leshan.txt").write_text(LESHAN, encoding="utf-8")  # teaches 乐府 as well
    build(corpus, out, jobs=1)
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| 乐府 | 四川省乐山市 |" in report and "| 宁政发 | 江苏省南京市 |" in report
    # The new file, then it and the document citing 乐府 with what was learned of 乐府; the two
    # using only 宁政发 were taught the same about it before, so their records are reused.
    assert sorted(extracted) == [("leshan.txt", False), ("leshan.txt", True), ("shizhong.txt", True)]
    monkeypatch.undo()
    fresh = tmp_path / "fresh"
    build(corpus, fresh, jobs=1, use_cache=False)
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
