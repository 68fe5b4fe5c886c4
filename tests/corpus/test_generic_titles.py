"""Generic titles never merge across issuers or dates: scoped by the issuer and date the
citation gives, or unresolved with a warning."""

from __future__ import annotations

from policygraph.corpus.link import link

from .records import cite, event, record

GENERIC = "关于修改本市部分地方性法规的决定"


def _header(date: str, body: str) -> str:
    y, m, d = date.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日{body}第二十一次会议《{GENERIC}》第一次修正"


def test_one_generic_title_of_two_legislatures_and_two_dates_is_three_nodes() -> None:
    sh1 = record("src:sh1", "上海市甲条例", (cite(GENERIC, _header("2010-09-17", "上海市第十三届人民代表大会常务委员会")),),
                 jurisdiction="上海市", level="provincial")
    sh2 = record("src:sh2", "上海市乙条例", (cite(GENERIC, _header("2010-09-17", "上海市第十三届人民代表大会常务委员会")),),
                 jurisdiction="上海市", level="provincial")
    sh3 = record("src:sh3", "上海市丙条例", (cite(GENERIC, _header("2015-06-18", "上海市第十四届人民代表大会常务委员会")),),
                 jurisdiction="上海市", level="provincial")
    # the sentence names no body: the citing legislature's own decision (本市)
    bj = record("src:bj", "北京市丁条例", (cite(GENERIC, "2010年9月17日《关于修改本市部分地方性法规的决定》修正"),),
                jurisdiction="北京市", level="provincial")
    linked = link([sh1, sh2, sh3, bj])
    targets = {e.source: e.target for e in linked.edges}
    assert targets["src:sh1"] == targets["src:sh2"] == f"title:{GENERIC}@上海市@2010-09-17"
    assert targets["src:sh3"] == f"title:{GENERIC}@上海市@2015-06-18"
    assert targets["src:bj"] == f"title:{GENERIC}@北京市@2010-09-17"
    node = linked.nodes[f"title:{GENERIC}@上海市@2015-06-18"]
    assert (node.jurisdiction, node.level, node.date) == ("上海市", "provincial", "2015-06-18")
    assert linked.warnings == ()


def test_one_citation_of_two_decisions_in_the_history_is_two_edges() -> None:
    """A header naming one generic decision twice (2016 and 2019) is one citation for the
    extractor; the history tells the two decisions apart."""
    t = "国务院关于修改部分行政法规的决定"
    doc = record("src:reg", "某某条例", (cite(t, f"2016年2月6日《{t}》第二次修订"),), date="2019-03-02",
                 jurisdiction="中华人民共和国", level="national",
                 history=(event("promulgated", "2004-04-30"), event("revised", "2016-02-06", t),
                          event("revised", "2019-03-02", t)))
    linked = link([doc])
    # each decision amends the document (the history's version chain); the header's citation
    # of them is that edge, not a second one the other way
    assert {(e.source, e.target, e.relation) for e in linked.edges} == {
        (f"title:{t}@2016-02-06", "src:reg", "amends"), (f"title:{t}@2019-03-02", "src:reg", "amends")}
    n = linked.nodes[f"title:{t}@2019-03-02"]
    assert (n.jurisdiction, n.level, n.rank, n.authority) == (
        "中华人民共和国", "national", "administrative_regulation", "国务院")


def test_a_generic_title_without_a_date_stays_unresolved_with_a_warning() -> None:
    doc = record("src:x", "某市某条例", (cite("实施办法", "按照《实施办法》执行"),), jurisdiction="某市")
    linked = link([doc])
    assert linked.edges == ()
    assert linked.warnings == ("generic title 《实施办法》 cited by src:x without an issuer and a date: unresolved",)


def test_a_scoped_generic_title_names_the_corpus_document_of_that_place_and_date() -> None:
    decision = record("src:dec", f"上海市人民代表大会常务委员会{GENERIC}", date="2010-09-17", jurisdiction="上海市",
                      level="provincial")
    other = record("src:dec2", f"上海市人民代表大会常务委员会{GENERIC}", date="2012-12-24", jurisdiction="上海市",
                   level="provincial")
    sh = record("src:sh", "上海市甲条例", (cite(GENERIC, _header("2010-09-17", "上海市第十三届人民代表大会常务委员会")),),
                jurisdiction="上海市", level="provincial")
    targets = {e.source: e.target for e in link([decision, other, sh]).edges}
    assert targets == {"src:sh": "src:dec"}


def test_a_title_shared_by_two_notices_of_one_issuer_is_told_apart_by_the_date_written() -> None:
    title = "国务院关于做好某项工作的通知"
    a = record("国发〔2019〕1号", title, number="国发〔2019〕1号", date="2019-03-01", jurisdiction="中华人民共和国")
    b = record("国发〔2020〕2号", title, number="国发〔2020〕2号", date="2020-04-01", jurisdiction="中华人民共和国")
    dated = record("src:c", "某省某意见", (cite(title, f"根据2019年3月1日《{title}》精神"),), jurisdiction="某省")
    undated = record("src:d", "某省另一意见", (cite(title, f"根据《{title}》精神"),), jurisdiction="某省")
    linked = link([a, b, dated, undated])
    assert {e.source: e.target for e in linked.edges} == {"src:c": "国发〔2019〕1号"}
    assert len(linked.warnings) == 1 and "cited by src:d names 2 documents" in linked.warnings[0]
