"""Measures: provisions, concepts, targets, deadlines, agencies, money; comparisons on the seeds."""

from __future__ import annotations

import json
import warnings
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.build.comparisons import IndexCache
from policygraph.cli import main
from policygraph.corpus.compare import ShingleIndex, reuse, target_change
from policygraph.extract.measures import load_scheme
from policygraph.extract.measures.agencies import agencies_in
from policygraph.extract.measures.concepts import concepts_in
from policygraph.extract.measures.deadlines import deadlines_in
from policygraph.extract.measures.money import money_in
from policygraph.extract.measures.targets import targets_in
from policygraph.extract.measures.words import SCHEME_WORD_FREQ, Segmenter, segmenter, tokenizer, words_in
from policygraph.extract.provisions import split_provisions
from policygraph.extract.shingles import from_words, pack
from policygraph.models import Measures, ProvisionText, Target

from ..conftest import SHARED, needs_shared, record_of


def one_target(text: str, year: int | None = 2003) -> Target:
    (t,) = targets_in(text, 0, len(text), year)
    return t


@pytest.mark.parametrize(
    ("text", "indicator", "value", "unit", "comparator"),
    [
        ("城镇登记失业率控制在4.5%左右。", "城镇登记失业率", 4.5, "%", "about"),
        ("城镇登记失业率控制在4.5%以内。", "城镇登记失业率", 4.5, "%", "at_most"),
        ("城镇登记失业率控制在5%以下。", "城镇登记失业率", 5, "%", "at_most"),
        ("全年净增就业800万人以上。", "净增就业", 8_000_000, "人", "at_least"),
        ("护理型床位占比不低于55%。", "护理型床位占比", 55, "%", "at_least"),
        ("每年新增就业不少于3.5万人。", "新增就业", 35_000, "人", "at_least"),
        ("社区养老服务设施覆盖率达到90%。", "社区养老服务设施覆盖率", 90, "%", "at_least"),
        ("调查失业率不超过5.5%。", "调查失业率", 5.5, "%", "at_most"),
        ("全年实现开发就业岗位3.5万个。", "开发就业岗位", 35_000, "个", "equal"),
        ("力争培训农民工1.2亿人次。", "培训农民工", 120_000_000, "人次", "equal"),
    ],
)
def test_targets_and_comparators(text: str, indicator: str, value: float, unit: str, comparator: str) -> None:
    t = one_target(text)
    assert (t.indicator, t.value, t.unit, t.comparator) == (indicator, value, unit, comparator)


def test_numbers_that_are_not_targets() -> None:
    # a staffing norm (配备2—3名专职工作人员) is a target the document sets: tests/gold/measures.md
    text = "2003年以来，“4050”人员得到帮助。第3条规定如下。每安置一人补贴500元。"
    assert targets_in(text, 0, len(text), 2003) == []


def test_target_year() -> None:
    assert one_target("到2025年底前，覆盖率达到90%以上。").year == 2025
    assert one_target("今年城镇登记失业率控制在4.5%左右。", 2003).year == 2003


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("6月底前出台配套政策。", "2003-06-30"),
        ("2004年6月底前完成。", "2004-06-30"),
        ("今年8月底前完成四项任务。", "2003-08-31"),
        ("明年3月底前完成。", "2004-03-31"),
        ("年底前全部到位。", "2003-12-31"),
        ("2005年底前基本建成。", "2005-12-31"),
        ("6月15日前报送。", "2003-06-15"),
        ("6月中旬前报送。", "2003-06-20"),
        ("6月前报送。", "2003-06-30"),
        ("二月底前报送。", "2003-02-28"),
    ],
)
def test_deadline_forms(text: str, date: str) -> None:
    (d,) = deadlines_in(text, 0, len(text), 2003)
    assert d.date == date
    assert d.action


def test_deadline_without_a_year_is_kept_unresolved() -> None:
    (d,) = deadlines_in("7月底前全面进入实施阶段。", 0, 13, None)
    assert (d.text, d.date) == ("7月底前", None)


@pytest.mark.parametrize(
    ("text", "agencies"),
    [
        ("这项工作由市劳动保障局、市财政局、市民政局负责督办落实。", ["市劳动保障局", "市财政局", "市民政局"]),
        ("省劳动保障厅负责按月通报各地情况。", ["省劳动保障厅"]),
        ("财政部、人民银行负责组织各商业银行制定细则。", ["财政部", "人民银行"]),
        ("完善失业监测制度。(省人力资源社会保障厅,各市人民政府)", ["省人力资源社会保障厅", "各市人民政府"]),
        ("各地要加强领导，抓好落实。", []),
        ("由市财政局会同市发展改革委制定办法。", ["市财政局"]),  # 由…会同, no 负责
        ("由市商务局组织实施。", ["市商务局"]),
        ("由市住房城乡建设局承担日常工作。", ["市住房城乡建设局"]),
        ("市公安局牵头，市交通运输局配合。", ["市公安局"]),
        ("加强执法检查（市市场监管局）  \n", ["市市场监管局"]),  # a trailer before closing spaces
        ("加强执法检查（市市场监管局）。", []),  # not closing the provision
    ],
)
def test_agency_forms(text: str, agencies: list[str]) -> None:
    assert agencies_in(text, 0, len(text)) == agencies


def test_money_is_folded() -> None:
    text = "市政府每年安排专项资金1100万元，另安排贴息资金0.5亿元。"
    assert [m.value for m in money_in(text, 0, len(text))] == [11_000_000, 50_000_000]


def test_scheme_terms_are_whole_tokens() -> None:
    text = "落实岗位补贴和社保补贴，补贴标准另行制定。"
    got = [(m.concept, text[m.start:m.end]) for m in concepts_in(text, 0, len(text))]
    assert got == [("position-subsidy", "岗位补贴"), ("social-insurance-subsidy", "社保补贴"), ("subsidy", "补贴")]


def test_provisions_inline_and_articles() -> None:
    text = "为做好工作，通知如下。一、加强领导（一）建立制度。（二）落实责任。二、强化保障。1.资金。2.场地。第三条 附则。"
    paths = [p.path for p in split_provisions(text, 0, len(text))]
    assert paths == ["", "一、", "一、/（一）", "一、/（二）", "二、", "二、/1.", "二、/2.", "第三条"]


@pytest.mark.parametrize(
    ("parent", "child", "direction"),
    [
        (("城镇登记失业率", 4.5, "about"), ("城镇登记失业率", 4.5, "at_most"), "tightened"),
        (("城镇登记失业率", 4.5, "about"), ("城镇登记失业率", 3.5, "about"), "tightened"),
        (("城镇登记失业率", 4.5, "at_most"), ("城镇登记失业率", 5.0, "at_most"), "loosened"),
        (("覆盖率", 90, "at_least"), ("覆盖率", 95, "at_least"), "tightened"),
        (("覆盖率", 90, "at_least"), ("覆盖率", 90, "about"), "loosened"),
        (("覆盖率", 90, "at_least"), ("覆盖率", 90, "at_least"), "same"),
    ],
)
def test_target_direction(parent: tuple, child: tuple, direction: str) -> None:
    def t(x: tuple) -> Target:
        return Target(x[0], x[1], "%", x[2], None, "", 0, 0)

    assert target_change(t(parent), t(child)) == direction


def test_counts_for_another_territory_are_rescaled_not_loosened() -> None:
    p = Target("净增就业", 8_000_000, "人", "at_least", None, "", 0, 0)
    c = Target("净增就业", 24_000, "人", "equal", None, "", 0, 0)
    assert target_change(p, c, same_scale=False) == "rescaled"


def test_measures_in_the_record() -> None:
    rec = record_of(
        "某市人民政府关于做好就业工作的通知\n某政发〔2020〕1号\n各区人民政府：\n"
        "　　一、目标任务。全年城镇登记失业率控制在4%以内。\n"
        "　　二、主要措施。6月底前落实税费减免政策，由市财政局、市税务局负责。\n"
        "某市人民政府\n2020年3月1日\n"
    ).to_dict()
    assert [t["indicator"] for t in rec["targets"]] == ["城镇登记失业率"]
    (m,) = [m for m in rec["measures"] if m["concept"] == "tax-relief"]
    assert m["provision"] == "二、"
    assert m["deadlines"] == [{"text": "6月底前", "date": "2020-06-30"}]
    assert m["agencies"] == ["市财政局", "市税务局"]


def test_measures_read_back_and_unpickle_as_written() -> None:
    """from_dict reads what to_dict wrote (the CLI's compare and measures read documents.jsonl so),
    and a pickled record (how a build holds it) is the same record."""
    import pickle
    from dataclasses import replace

    rec = record_of(
        "某市人民政府关于做好就业工作的通知\n某政发〔2020〕1号\n各区人民政府：\n"
        "　　一、目标任务。全年城镇登记失业率控制在4%以内，新增就业2.5万人以上。\n"
        "　　二、主要措施。6月底前落实税费减免政策，由市财政局、市税务局负责。安排专项资金500万元。\n"
        "某市人民政府\n2020年3月1日\n"
    )
    m = rec.measures
    assert m is not None and m.provisions and m.measures and m.targets and m.deadlines and m.money
    assert Measures.from_dict(m.to_dict()) == replace(m, shingles=())
    assert json.dumps(Measures.from_dict(json.loads(json.dumps(m.to_dict()))).to_dict()) == json.dumps(m.to_dict())
    assert pickle.loads(pickle.dumps(rec, protocol=pickle.HIGHEST_PROTOCOL)) == rec


# --- the seeds, against gold.json's measures_passed_down -------------------------------------

def _compare(out: Path, child: str, parent: str, capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["compare", str(out), child, parent, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _target(c: dict, indicator: str) -> dict:
    (t,) = [x for x in c["changes"] if x["kind"] == "target" and x["indicator"] == indicator]
    return t


def _deadline(c: dict, concept: str) -> dict:
    (d,) = [x for x in c["changes"] if x["kind"] == "deadline" and x["concept"] == concept]
    return d


@needs_shared
def test_unemployment_target_tightened(seeds_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    national = _compare(seeds_out, "粤府办〔2003〕60号", "国办发〔2003〕40号", capsys)
    assert _target(national, "城镇登记失业率")["parent"]["text"] == "城镇登记失业率控制在4.5%左右"
    huaian = _target(_compare(seeds_out, "001_e7125c7c6b1146b2.txt", "国办发〔2003〕40号", capsys), "城镇登记失业率")
    assert (huaian["child"]["value"], huaian["child"]["comparator"], huaian["direction"]) == (4.5, "at_most", "tightened")
    jiangmen = _target(_compare(seeds_out, "江办发〔2004〕11号", "国办发〔2003〕40号", capsys), "城镇登记失业率")
    assert (jiangmen["child"]["value"], jiangmen["child"]["comparator"], jiangmen["direction"]) == (3.5, "about", "tightened")


@needs_shared
def test_deadlines_moved(seeds_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gd = _compare(seeds_out, "粤府办〔2003〕60号", "国办发〔2003〕40号", capsys)
    platform = _deadline(gd, "service-platform")
    assert (platform["parent"]["text"], platform["child"]["text"], platform["direction"]) == ("7月底前", "今年8月底前", "later")
    report = _deadline(gd, "supervision-reporting")
    assert (report["parent"]["text"], report["child"]["text"], report["direction"]) == ("5月底前", "8月底前", "later")
    ha = _deadline(_compare(seeds_out, "001_e7125c7c6b1146b2.txt", "国办发〔2003〕40号", capsys), "service-platform")
    assert (ha["child"]["text"], ha["direction"]) == ("7月底前", "same")


@needs_shared
def test_seven_support_policies_inherited(seeds_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    c = _compare(seeds_out, "001_e7125c7c6b1146b2.txt", "国办发〔2003〕40号", capsys)
    seven = {"tax-relief", "social-insurance-subsidy", "position-subsidy", "small-guaranteed-loans",
             "employment-service", "business-registration", "site-arrangement"}
    assert seven <= set(c["inherited"])
    # The same comparison is made by the build, along the probable link through 苏政发〔2003〕64号.
    rows = [json.loads(line) for line in (seeds_out / "comparisons.jsonl").read_text(encoding="utf-8").splitlines()]
    (auto,) = [r for r in rows if r["child"] == "src:001_e7125c7c6b1146b2.txt" and r["parent"] == "国办发〔2003〕40号"]
    assert auto["via"] == "probable" and auto["path"][1] == "苏政发〔2003〕64号"
    assert seven <= set(auto["inherited"])


@needs_shared
def test_reuse_of_the_cover_text_only(seeds_out: Path) -> None:
    rows = [json.loads(line) for line in (seeds_out / "comparisons.jsonl").read_text(encoding="utf-8").splitlines()]
    (c,) = [r for r in rows if r["child"] == "粤府办〔2003〕60号" and r["parent"] == "国办发〔2003〕40号"]
    docs = {json.loads(line)["source"]: json.loads(line) for line in
            (seeds_out / "documents.jsonl").read_text(encoding="utf-8").splitlines()}
    cover = docs["000_4d62dd022c7d2ed1.txt"]
    # Only the cover's own provisions are compared: the embedded national text is not reuse.
    assert [r["child"] for r in c["reuse"]["provisions"]] == [p["path"] for p in cover["provisions"]]
    assert 0.2 < c["reuse"]["share"] < 0.6
    report = (seeds_out / "report.md").read_text(encoding="utf-8")
    assert (f"| 《转发国务院办公厅关于加快推进再就业工作的通知》（粤府办〔2003〕60号） | "
            f"《国务院办公厅关于加快推进再就业工作的通知》（国办发〔2003〕40号） | stated | {c['reuse']['share']:.1%} |"
            in report)  # documents by name (corpus/names.py)


@needs_shared
def test_scheme_coverage_is_reported(seeds_out: Path) -> None:
    report = (seeds_out / "report.md").read_text(encoding="utf-8")
    assert "Provisions with at least one measure: " in report


@needs_shared
def test_escalations_query(seeds_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(seeds_out), "--name", "escalations", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"child": "001_e7125c7c6b1146b2.txt", "parent": "国办发〔2003〕40号", "via": "probable",
            "what": "城镇登记失业率", "parent_value": "4.5", "child_value": "4.5", "unit": "%",
            "parent_cmp": "about", "child_cmp": "at_most", "change": "tightened"} in rows
    assert main(["query", str(seeds_out), "--name", "relaxations", "--format", "json"]) == 0
    later = {(r["child"], r["what"]) for r in json.loads(capsys.readouterr().out)}
    assert {("粤府办〔2003〕60号", "劳动保障工作平台"), ("粤府办〔2003〕60号", "监督举报制度")} <= later


@needs_shared
def test_measures_command(seeds_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["measures", str(seeds_out), "辽政办发〔2016〕75号"]) == 0
    out = capsys.readouterr().out
    assert "失业监测" in out and "省人力资源社会保障厅" in out


def test_a_users_own_scheme(tmp_path: Path) -> None:
    scheme = tmp_path / "care.ttl"
    scheme.write_text("""@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix my: <https://example.org/care#> .
my:scheme a skos:ConceptScheme ; skos:hasTopConcept my:supply .
my:supply a skos:Concept ; skos:topConceptOf my:scheme ; skos:prefLabel "供给型"@zh .
my:beds a skos:Concept ; skos:inScheme my:scheme ; skos:broader my:supply ;
    skos:prefLabel "护理型床位"@zh , "nursing beds"@en ; skos:altLabel "护理床位"@zh .
""", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "某市人民政府关于养老服务的通知\n某政发〔2022〕1号\n各区人民政府：\n　　一、增加护理型床位，2022年6月底前完成。\n",
        encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--measures", str(scheme)]) == 0
    (rec,) = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(m["concept"], m["group"], m["deadlines"][0]["date"]) for m in rec["measures"]] == [
        ("beds", "supply", "2022-06-30")]
    from rdflib import Graph, URIRef

    g = Graph().parse(out / "graph.ttl")
    assert (None, URIRef("https://w3id.org/policygraph/ns#concept"), URIRef("https://example.org/care#beds")) in g


def test_comparisons_in_worker_processes_equal_the_serial_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parallel path (forked workers, tasks of children) gives the same comparisons, in the
    same order, as comparing in one process."""
    from importlib import resources as res

    from policygraph.build import comparisons as comparisons_module
    from policygraph.build import extract_all
    from policygraph.build.comparisons import line_of, make_all
    from policygraph.build.packed import MeasureIndex
    from policygraph.corpus.compare import compare_along, plan
    from policygraph.corpus.link import link
    from policygraph.extract.read import iter_corpus

    corpus = Path(str(res.files("policygraph.examples").joinpath("corpus")))
    result = extract_all(iter_corpus(corpus))
    linked = link(result.records)
    measures = MeasureIndex(result.records)
    places = {n.id: n.jurisdiction for n in linked.nodes.values()}
    serial = [line_of(c) for c in compare_along(linked.edges, measures, places=places)]
    monkeypatch.setattr(comparisons_module, "PAIRS_PER_TASK", 1)
    parallel = [m.line for m in make_all(plan(linked.edges, measures, places=places), measures, jobs=2)]
    assert len(serial) >= 10
    assert parallel == serial


# --- segmentation ----------------------------------------------------------------------------

_TEXT_PIECES = [
    *sorted(load_scheme().terms)[:40],
    "各地区", "各部门", "要结合本地实际", "认真贯彻落实", "就业再就业", "工作", "的", "和", "进一步",
    "做好", "中华人民共和国", "国务院办公厅", "2003", "年", "GDP", "a", "B", "7", "Ｏ", "。", "，",
    "、", "《", "》", "\n", " ", "\u3000", "(", "%", "-", "_", "…", "〔", "〕", "号", "𠀀", "〇",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TEXT_PIECES) | st.text(max_size=3), max_size=40).map("".join))
def test_segmenter_cuts_as_jieba_does(text: str) -> None:
    tk = tokenizer()  # jieba itself, with the scheme's terms added
    seg = segmenter()
    assert seg.cut(text) == tk.lcut(text, HMM=False)
    assert seg.tokenize(text) == list(tk.tokenize(text, HMM=False))


def test_segmenter_adds_words_as_jieba_does() -> None:
    import jieba

    tk = jieba.Tokenizer()
    text = "落实稳岗返还资金和技能提升补贴"
    words = ("稳岗返还资金", "技能提升补贴")
    assert Segmenter().cut(text) == tk.lcut(text, HMM=False)  # neither is a jieba word
    for w in words:
        tk.add_word(w, freq=SCHEME_WORD_FREQ)
    assert Segmenter(words).cut(text) == tk.lcut(text, HMM=False) == ["落实", *words[:1], "和", *words[1:]]


@needs_shared
def test_segmenter_on_real_laws() -> None:
    tk = tokenizer()
    seg = segmenter()
    files = sorted((SHARED / "laws").glob("*.txt"))[:60]
    assert len(files) == 60
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        assert seg.cut(text) == tk.lcut(text, HMM=False), f.name


_SETS = st.lists(st.frozensets(st.integers(0, 40), max_size=15), max_size=6)


@given(_SETS, _SETS)
@settings(max_examples=300, deadline=None)
def test_reuse_is_what_it_is_defined_to_be(child_sets: list, parent_sets: list) -> None:
    # Share: each child provision's 3-grams found anywhere in the parent, over all of the
    # child's; per provision, the parent provision of highest Jaccard similarity (the first
    # of equals; none when nothing is shared).
    def index(sets: list, name: str) -> ShingleIndex:
        return ShingleIndex(tuple(f"{name}{i}" for i in range(len(sets))), tuple(sets),
                            frozenset().union(*sets))

    got = reuse(index(child_sets, "c"), index(parent_sets, "p"))
    every = frozenset().union(*parent_sets)
    total = sum(len(c) for c in child_sets)
    copied = sum(len(c & every) for c in child_sets)
    assert (got["shingles"], got["copied"]) == (total, copied)
    assert got["share"] == (round(copied / total, 3) if total else 0.0)
    for i, (row, c) in enumerate(zip(got["provisions"], child_sets, strict=True)):
        sims = [len(c & p) / len(c | p) if c & p else 0.0 for p in parent_sets]
        best = max(sims, default=0.0)
        assert row["child"] == f"c{i}"
        assert row["similarity"] == round(best, 3)
        assert row["parent"] == (f"p{sims.index(best)}" if best > 0 else None)


def test_measures_are_indexed_the_same_from_heads_as_from_the_records(tmp_path: Path) -> None:
    # The build indexes measures from heads it took while decoding anyway; a copy of a file
    # (a duplicate number, whose id the build suffixes) must be indexed under its new id.
    import shutil
    from importlib import resources

    from policygraph.build import extract_all
    from policygraph.build.packed import MeasureIndex, PackedRecords
    from policygraph.extract.read import iter_corpus

    corpus = tmp_path / "corpus"
    shutil.copytree(Path(str(resources.files("policygraph.examples").joinpath("corpus"))), corpus)
    shutil.copy(corpus / "03_jiangsu_supengfa_2021_102.txt", corpus / "03b_copy.txt")
    records = extract_all(iter_corpus(corpus)).records
    plain = PackedRecords(records.blob(i) for i in range(len(records)))  # no heads: decoded
    from_heads, decoded = MeasureIndex(records), MeasureIndex(plain)
    assert list(from_heads) == list(decoded) and len(from_heads) >= 6
    assert any("@03b_copy.txt" in node for node in from_heads)
    assert all(from_heads[n] == decoded[n] for n in decoded)
    assert list(records.heads()) == list(plain.heads())


def test_key_term_tagger_shares_jieba_tables_without_changing_tags() -> None:
    """The tagger borrows jieba's loaded IDF and part-of-speech tables: its tags must be those
    of a tagger built from scratch with the same tokenizer, and the part-of-speech table, to
    which jieba adds user words' tags, must be its own."""
    from policygraph.extract.measures.terms import _key_term_tagger

    shared = _key_term_tagger(None)  # first: it imports jieba.analyse, which leaves a file open

    import jieba.analyse
    import jieba.posseg

    with warnings.catch_warnings():  # a new TFIDF reads jieba's IDF table and leaves the file open
        warnings.simplefilter("ignore", ResourceWarning)
        fresh = jieba.analyse.TFIDF()
    fresh.tokenizer = tokenizer(None)
    fresh.postokenizer = jieba.posseg.POSTokenizer(tokenizer(None))
    texts = ["加快推进产业链供应链建设，完善创业担保贷款贴息政策，落实稳岗返还和职业技能培训补贴。",
             "各地区要加强农村饮水安全工程建设管理，健全水质检测监测体系，提高供水保障水平。"]
    for text in texts:
        got = shared.extract_tags(text, topK=8, allowPOS=("n", "nz", "vn", "nl"))
        assert got == fresh.extract_tags(text, topK=8, allowPOS=("n", "nz", "vn", "nl"))
        assert len(got) >= 3
    assert shared.postokenizer.word_tag_tab == jieba.posseg.dt.word_tag_tab
    assert shared.postokenizer.word_tag_tab is not jieba.posseg.dt.word_tag_tab
    assert shared.idf_freq is jieba.analyse.default_tfidf.idf_freq  # shared, not loaded again


def test_shingle_index_cache_is_bounded_by_3grams_and_keeps_the_recent() -> None:
    def doc(n: int) -> Measures:  # one provision of n 3-grams
        return Measures(provisions=(ProvisionText("一", "一", 0, 1, "x"),), shingles=(pack(frozenset(range(n))),))

    cache = IndexCache(limit=250)
    small, big, other = doc(100), doc(120), doc(40)
    first = cache.of("small", small)
    cache.of("big", big)
    assert cache.of("small", small) is first  # kept: the same index, not rebuilt
    cache.of("other", other)  # 101 + 121 + 41 > 250: the least recently used (big) goes
    assert sorted(cache) == ["other", "small"] and cache.of("small", small) is first
    huge = cache.of("huge", doc(1000))  # over the bound alone: made, not kept
    assert len(huge.every) == 1000 and sorted(cache) == ["other", "small"]
    assert cache.of("huge", doc(1000)) is not huge


def _words_reference(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """words_in by its definition: segment the non-space characters, map each word back."""
    keep = [i for i in range(start, end) if not text[i].isspace()]
    joined = "".join(text[i] for i in keep)
    return [(w, keep[s], keep[e - 1] + 1) for w, s, e in segmenter().tokenize(joined)] if keep else []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["各地区", "要", "加强", "组织", "领导", "，", "落实", "工作", "责任", "。", "2020年",
                                 "6月底前", "ab", "组", "织", " ", "\n", "\u3000", "\t", "\r\n", "  "]), max_size=30),
       st.data())
def test_words_in_skips_whitespace_and_maps_spans_back(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    words = words_in(text, start, end)
    assert words == _words_reference(text, start, end)
    for w, s, e in words:  # each word's span holds the word, give or take whitespace inside it
        assert "".join(text[s:e].split()) == w


def test_a_word_broken_by_whitespace_spans_it() -> None:
    assert words_in("加强组\n织领导，落\u3000实 工作责任", 0, 19) == [
        ("加强", 0, 2), ("组织", 2, 5), ("领导", 5, 7), ("，", 7, 8), ("落实工作", 8, 14), ("责任", 14, 16)]


@given(st.lists(st.sampled_from(["各地区", "要", "加强", "，", "。", " ", "\n", "_", "__", "a_b", "2020年", "", "——",
                                 "《", "工作"]), max_size=20))
def test_shingles_are_crcs_of_three_word_runs(words: list[str]) -> None:
    kept = [w for w in words if w.strip() and not all(not c.isalnum() for c in w)]
    expected = {zlib.crc32("\x1f".join(kept[i:i + 3]).encode("utf-8")) for i in range(len(kept) - 2)}
    assert from_words(words) == expected


def test_numbers_under_a_heading_naming_who_qualifies_are_criteria() -> None:
    # 1.申请对象 / 二、申报条件: the bars an applicant meets, not goals the document sets; the
    # plan's own goals elsewhere are read as ever
    text = ("某某市就业见习基地申请程序\n一、工作目标\n全年新增见习岗位1000个。\n二、申请程序\n（一）就业见习基地。\n"
            "1.申请对象。\n每年接收见习人员20人以上，能按不低于20%的比例录用见习人员的单位。\n2.申请流程。\n向市人社局提交申请。\n")
    rec = record_of(text)
    assert [(t.value, t.unit) for t in rec.measures.targets] == [(1000, "个")]


def test_a_page_reprinting_its_text_sets_each_measure_once() -> None:
    # a saved page printing the whole text in three templates: what it sets is read once
    body = "".join(f"{n}.第{n}项工作的具体要求和有关事项，由各区人力资源社会保障部门会同有关部门按规定认真组织落实到位，"
                   f"并将第{n}项工作的进展情况、存在问题和下一步打算以书面形式及时报送市人力资源社会保障局备案。\n"
                   for n in range(1, 18))
    body += "18.到2025年，全市新增就业10万人以上。各区于6月底前报送工作方案。\n"
    head = "某某市人力资源和社会保障局关于做好就业工作的通知\n各区人力资源社会保障局：\n"
    once = record_of(head + body + "某某市人力资源和社会保障局\n2024年3月1日\n")
    thrice = record_of(head + body + body + body + "某某市人力资源和社会保障局\n2024年3月1日\n")
    assert len(body) > 1500
    assert [(t.value, t.year) for t in once.measures.targets] == [(100_000, 2025)]
    assert [(t.value, t.year) for t in thrice.measures.targets] == [(100_000, 2025)]
    assert [d.date for d in thrice.measures.deadlines] == [d.date for d in once.measures.deadlines] == ["2024-06-30"]
    # a statute repeating one sentence in two articles means it twice
    law = record_of("某某省某某条例\n第一条　申请人应当自受理之日起三十日内提出书面意见，报省人民政府审批。\n"
                    "第二条　变更登记的，申请人应当自受理之日起三十日内提出书面意见，报省人民政府审批。\n"
                    "第三条　申请人应当自受理之日起三十日内提出书面意见，报省人民政府审批。\n")
    assert len(law.measures.deadlines) == 3


def test_a_second_copy_that_differs_keeps_what_it_adds() -> None:
    # a passage printed again with a new goal and a new limit in it: those are read
    body = "".join(f"{n}.第{n}项工作的具体要求和有关事项，由各区人力资源社会保障部门会同有关部门按规定认真组织落实到位，"
                   f"并将第{n}项工作的进展情况、存在问题和下一步打算以书面形式及时报送市人力资源社会保障局备案。\n"
                   for n in range(1, 18))
    head = "某某市人力资源和社会保障局关于做好就业工作的通知\n各区人力资源社会保障局：\n"
    rec = record_of(head + body + "力争全年新增就业5万人。各区6月底前报送。\n" + body
                    + "力争全年新增就业8万人。各区9月底前报送。\n" + "某某市人力资源和社会保障局\n2024年3月1日\n")
    assert [t.value for t in rec.measures.targets] == [50_000, 80_000]
    assert [d.date for d in rec.measures.deadlines] == ["2024-06-30", "2024-09-30"]
