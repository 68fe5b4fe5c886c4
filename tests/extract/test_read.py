"""Reading: every supported encoding and file type; bad input becomes a failure, never a crash."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policygraph.build import build
from policygraph.extract.read import corpus_entries, html_to_text, iter_corpus, read_bytes
from policygraph.models import Failure, Source

NOTICE = (
    "江苏省人民政府办公厅关于进一步做好就业工作的通知\n苏政办发〔2019〕18号\n\n"
    "各市、县（市、区）人民政府，省各委办厅局，省各直属单位：\n"
    "　　为贯彻落实《国务院关于做好当前和今后一个时期促进就业工作的若干意见》（国发〔2018〕39号）精神，"
    "经省人民政府同意，现就有关事项通知如下。\n"
    "　　一、全年城镇新增就业120万人以上，城镇登记失业率控制在3%以内。\n\n"
    "江苏省人民政府办公厅\n2019年3月5日\n"
)
# The same notice in traditional characters (Taiwan standard, so that Big5 can encode it).
TRADITIONAL = opencc.OpenCC("s2tw").convert(NOTICE)


def one(data: bytes, kind: str = "txt") -> Source:
    items = list(read_bytes(data, "x." + kind, kind))
    assert len(items) == 1 and isinstance(items[0], Source), items
    return items[0]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (NOTICE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + NOTICE.encode("utf-8"), "utf-8-sig"),
        (NOTICE.encode("gb18030"), "gb18030"),
        (NOTICE.encode("gbk"), "gb18030"),
        (NOTICE.encode("utf-16"), "utf-16"),
        (NOTICE.encode("utf-16-le"), "utf-16-le"),
        (NOTICE.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    src = one(data)
    assert src.text.replace("\ufeff", "") == NOTICE
    assert src.encoding == encoding


def test_big5_is_detected_and_extracted_as_simplified() -> None:
    src = one(TRADITIONAL.encode("big5"))
    assert src.text == TRADITIONAL
    assert src.encoding in ("big5", "cp950", "big5hkscs")
    from policygraph.extract.document import extract

    rec = extract(src)
    assert rec.number == "苏政办发〔2019〕18号"
    assert [c.number for c in rec.citations] == ["国发〔2018〕39号"]


def test_html_gives_visible_text_only() -> None:
    html = (
        "<html><head><title>页面标题</title><style>p{color:red}</style>"
        "<script>var x='国发〔2099〕1号';</script></head><body>"
        "<div>首页 &gt; 文件</div><p>苏政办发〔2019〕18号</p><p>正文&nbsp;内容</p>"
        "<script>alert('国办发〔2003〕40号')</script></body></html>"
    )
    src = one(html.encode("utf-8"), "html")
    assert "国发〔2099〕" not in src.text and "alert" not in src.text and "color" not in src.text
    assert "苏政办发〔2019〕18号" in src.text and "首页 > 文件" in src.text
    assert src.meta["title"] == "页面标题"


def test_json_and_jsonl_records_carry_metadata() -> None:
    rec = {"title": "标题", "文号": "苏政办发〔2019〕18号", "content": NOTICE, "date": "2019-03-05"}
    src = one(json.dumps(rec, ensure_ascii=False).encode("utf-8"), "json")
    assert src.meta == {"title": "标题", "number": "苏政办发〔2019〕18号", "date": "2019-03-05"}
    lines = [json.dumps({"text": NOTICE}), "{broken", "", json.dumps({"no_text": 1}), json.dumps([1])]
    items = list(read_bytes("\n".join(lines).encode("utf-8"), "r.jsonl", "jsonl"))
    assert isinstance(items[0], Source) and items[0].path == "r.jsonl#L1"
    assert [type(i) for i in items[1:]] == [Failure, Failure, Failure]
    assert "invalid JSON line" in items[1].reason and items[1].path == "r.jsonl#L2"


def test_a_txt_file_holding_one_json_record_is_read_as_the_record() -> None:
    # collectors save a page's fields as JSON under .txt, in camelCase: its text is fullText,
    # not the JSON around it (whose summary fields would give false deadlines)
    rec = {"id": "7", "title": "标题", "documentNo": "苏政办发〔2019〕18号", "publishedAt": "2019-03-06",
           "scope": "2020年前重点", "excerpt": NOTICE[:40], "fullText": NOTICE}
    src = one(json.dumps(rec, ensure_ascii=False, indent=1).encode("utf-8"), "txt")
    assert src.text == NOTICE and src.kind == "json"
    assert src.meta == {"title": "标题", "number": "苏政办发〔2019〕18号", "web_date": "2019-03-06"}
    # text that only starts like JSON, or JSON with no field of text, stays text
    for data in ("{这不是JSON}\n" + NOTICE, json.dumps({"id": 7, "note": "短"}, ensure_ascii=False)):
        assert one(data.encode("utf-8"), "txt").text.startswith("{")


def test_a_record_of_a_search_service_gives_its_text_field_of_prose_and_its_paragraphs() -> None:
    # fields named by number (f_2021…): the longest field of Chinese prose is the text, plain
    # before HTML (the same page's markup is a second field, which would state it twice)
    body = "\n".join(NOTICE.splitlines()) + "\n二、加强职业技能培训，全年培训100万人次。" * 3
    rec = {"f_1": "重庆市人民政府网", "f_2": body, "f_3": "<div><p>" + body.replace("\n", "</p><p>") + "</p></div>",
           "f_4": "2021-09-30 15:27:59"}
    src = one(json.dumps(rec, ensure_ascii=False).encode("utf-8"), "txt")
    assert src.kind == "json" and src.text == body
    # a TRS site's fields (DOCCONTENT, DOCTITLE, fileNum), its paragraphs run together but each
    # still opening with its indent of two ideographic spaces
    run = "".join("\u3000\u3000" + line for line in NOTICE.splitlines() if line)
    trs = {"DOCTITLE": "标题", "fileNum": "苏政办发〔2019〕18号", "DOCCONTENT": run}
    src = one(json.dumps(trs, ensure_ascii=False).encode("utf-8"), "txt")
    assert src.meta == {"title": "标题", "number": "苏政办发〔2019〕18号"}
    assert src.text.splitlines() == [line.lstrip("\u3000") for line in NOTICE.splitlines() if line]
    # a record with no field of prose stays text
    assert one(json.dumps({"f_1": "短"}, ensure_ascii=False).encode("utf-8"), "txt").kind == "txt"


def test_json_with_an_integer_too_long_to_read_is_a_failure_or_text_never_a_crash() -> None:
    big = "[" + "1" * 5000 + "]"
    assert one(big.encode(), "txt").text == big  # not a record: read as text
    (item,) = read_bytes(big.encode(), "x.json", "json")
    assert isinstance(item, Failure) and "invalid JSON" in item.reason
    # of two spellings of a key, the one holding a value
    src = one(json.dumps({"Title": "", "title": "真标题", "text": NOTICE}, ensure_ascii=False).encode(), "json")
    assert src.meta["title"] == "真标题"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t ", "empty file"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\x03" * 500, "binary"),
    ],
)
def test_bad_input_is_a_failure_with_a_reason(data: bytes, reason: str) -> None:
    items = list(read_bytes(data, "bad.txt"))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert reason in items[0].reason


def test_undecodable_bytes_do_not_crash() -> None:
    data = NOTICE.encode("utf-8")[:50] + b"\xff\xfe\xfa\x80\x81" + NOTICE.encode("utf-8")[50:]
    items = list(read_bytes(data, "mixed.txt"))  # a failure with a reason, not an exception
    assert items == [Failure("mixed.txt", "undecodable: no Chinese or Unicode encoding fits these bytes")]


def test_a_folder_build_loses_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a_utf8.txt").write_text(NOTICE, encoding="utf-8")
    (corpus / "sub" / "b_gbk.txt").write_bytes(NOTICE.replace("18号", "19号").encode("gbk"))
    (corpus / "c_utf16.txt").write_bytes(NOTICE.replace("18号", "20号").encode("utf-16"))
    (corpus / "d_empty.txt").write_bytes(b"")
    (corpus / "e_binary.txt").write_bytes(bytes(range(256)) * 10)
    (corpus / "f.pdf").write_bytes(b"%PDF-1.4")
    (corpus / "g.jsonl").write_text(json.dumps({"text": NOTICE.replace("18号", "21号")}) + "\n{oops\n")
    (corpus / "h.html").write_text("<html><body><script>x</script></body></html>")
    out = tmp_path / "out"
    paths = build(corpus, out)
    docs = [json.loads(line) for line in paths["documents"].read_text(encoding="utf-8").splitlines()]
    report = paths["report"].read_text(encoding="utf-8")
    got = sorted(d["source"] for d in docs)
    assert got == ["a_utf8.txt", "c_utf16.txt", "g.jsonl#L1", "sub/b_gbk.txt"]
    assert sorted(d["number"] for d in docs) == [f"苏政办发〔2019〕{n}号" for n in (18, 19, 20, 21)]
    for failed in ("d_empty.txt", "e_binary.txt", "f.pdf", "g.jsonl#L2", "h.html"):
        assert f"| {failed} |" in report
    assert "| inputs | 9 |" in report


def test_iter_corpus_of_missing_path() -> None:
    items = list(iter_corpus("/no/such/folder"))
    assert len(items) == 1 and isinstance(items[0], Failure)


def test_a_file_name_that_is_not_utf8_is_named_with_escapes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    odd = corpus / os.fsdecode("政策-".encode() + b"\xb9\xfa.txt")  # 国 in GBK: not UTF-8
    try:
        odd.write_text(NOTICE, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    (corpus / "ok.txt").write_text(NOTICE.replace("18号", "19号"), encoding="utf-8")
    name = "政策-\\xb9\\xfa.txt"
    assert [s.path for s in iter_corpus(corpus)] == ["ok.txt", name]
    assert [e[1] for e in corpus_entries(corpus, {name})] == [name]  # found again by that name
    first = build(corpus, tmp_path / "out", jobs=1)["documents"].read_bytes()
    assert name.encode("utf-8").replace(b"\\", b"\\\\") in first
    assert build(corpus, tmp_path / "out", jobs=1)["documents"].read_bytes() == first  # cached


def test_a_jsonl_record_holding_line_separators_is_one_record() -> None:
    # U+2028 and U+2029 may stand in a JSON string; a line of JSONL ends at \n only
    lines = [json.dumps({"title": "关于\u2028做好\u2029某某工作的通知", "text": "第一条 某某。"}, ensure_ascii=False),
             json.dumps({"title": "第二份", "text": "第一条 某某。"}, ensure_ascii=False)]
    items = list(read_bytes("\r\n".join(lines).encode("utf-8"), "r.jsonl", "jsonl"))
    assert [type(x).__name__ for x in items] == ["Source", "Source"]
    assert [x.path for x in items] == ["r.jsonl#L1", "r.jsonl#L2"]


def test_what_a_browser_does_not_draw_is_not_read() -> None:
    # Some government pages keep a second copy of the text in a display:none block; a body
    # hidden with visibility until a script runs is still the page's text.
    page = ("<html><body style='visibility: hidden'><div class='content'><p>新增就业10万人。</p></div>"
            "<div class='bbnr' style=\"display:none;\"><div><p>新增就业10万人。</p></div><br>"
            "<div>内层</div></div><p hidden>隐藏段落</p><input type='hidden' value='x'>"
            "<span style='DISPLAY : NONE'>隐藏</span><p>完。</p></body></html>")
    _title, text = html_to_text(page)
    assert text == "新增就业10万人。\n完。"


def test_a_hidden_element_never_closed_or_without_an_end_tag_hides_no_text() -> None:
    # Malformed pages: an unclosed display:none block must not swallow the document, and a <p>
    # whose end tag is left out ends where the next paragraph starts.
    _t, text = html_to_text("<body><div style='display:none'>副本<p>正文第一段。</p><p>正文第二段。</p></body>")
    assert "正文第一段。" in text and "正文第二段。" in text
    _t, text = html_to_text("<body><p hidden>提示<p>正文。<div hidden>副本</div></body>")
    assert text == "正文。"


def _trees(depth: int, phrasing: bool = False) -> st.SearchStrategy[tuple]:
    """Well-formed element trees: blocks hold anything, a <p> or <span> only text and spans
    (a block inside a <p> would end it, as in every browser)."""
    text = st.tuples(st.just("text"), st.text(alphabet="就业目标一二三", min_size=1, max_size=4))
    if depth == 0:
        return text
    spans = st.tuples(st.just("span"), st.booleans(), st.lists(st.deferred(lambda: _trees(depth - 1, True)),
                                                                  max_size=3))
    if phrasing:
        return st.one_of(text, spans)
    paragraphs = st.tuples(st.just("p"), st.booleans(), st.lists(st.deferred(lambda: _trees(depth - 1, True)),
                                                                    max_size=3))
    blocks = st.tuples(st.sampled_from(("div", "section")), st.booleans(),
                       st.lists(st.deferred(lambda: _trees(depth - 1)), max_size=3))
    return st.one_of(text, spans, paragraphs, blocks)


def _html(tree: tuple) -> str:
    if tree[0] == "text":
        return str(tree[1])
    tag, hidden, children = tree
    attr = " style='display: none'" if hidden else ""
    return f"<{tag}{attr}>" + "".join(map(_html, children)) + f"</{tag}>"


def _shown(tree: tuple) -> str:
    """What a browser draws of a well-formed tree: every text not under a hidden element."""
    if tree[0] == "text":
        return str(tree[1])
    _tag, hidden, children = tree
    return "" if hidden else "".join(map(_shown, children))


@given(st.lists(_trees(3), min_size=1, max_size=4))
def test_the_text_read_of_a_well_formed_page_is_what_a_browser_draws(trees: list[tuple]) -> None:
    # A reference: the tree itself. Line breaks between blocks aside, the text read is the
    # text of every element no hidden element contains, in order.
    _title, text = html_to_text("<html><body>" + "".join(map(_html, trees)) + "</body></html>")
    assert text.replace("\n", "") == "".join(map(_shown, trees))


_CELL_TEXT = st.text(alphabet="就业目标一二三0123456789.%", min_size=0, max_size=6)


@given(st.lists(st.lists(st.tuples(_CELL_TEXT, st.booleans()), min_size=2, max_size=5), min_size=1, max_size=6))
def test_a_table_row_of_short_cells_is_one_line_its_cells_separated_by_tabs(rows: list[list[tuple[str, bool]]]) -> None:
    # The reference is the table itself: each row, its cells in order (some wrapped in <p>, as
    # pages exported from a word processor wrap them), whitespace inside a cell a space.
    html = "<table>" + "".join(
        "<tr>" + "".join(f"<td><p>{c}</p></td>" if wrapped else f"<td>{c}</td>" for c, wrapped in row) + "</tr>\n"
        for row in rows) + "</table>"
    _title, text = html_to_text(f"<html><body><p>前言</p>{html}<p>结语</p></body></html>")
    expected = ["前言"] + ["\t".join(c for c, _w in row) for row in rows if any(c for c, _w in row)] + ["结语"]
    assert text.split("\n") == expected


def test_a_laid_out_page_in_a_table_keeps_its_paragraphs_as_lines() -> None:
    # A page whose body sits in one long cell beside its menu is not a table of data.
    body = "".join(f"<p>第{i}条 本办法自发布之日起施行，有效期五年，由市人力资源和社会保障局负责解释。</p>" for i in range(1, 12))
    _t, text = html_to_text(f"<body><table><tr><td>首页</td><td>{body}</td></tr></table></body>")
    assert "\t" not in text
    assert text.split("\n")[:2] == ["首页", "第1条 本办法自发布之日起施行，有效期五年，由市人力资源和社会保障局负责解释。"]


def test_a_tab_in_a_page_is_a_space_and_a_row_without_closing_tags_is_still_a_row() -> None:
    _t, text = html_to_text("<body><p>城镇新增\t就业</p><table><tr><td>指标<td>2025年<tr><td>失业率<td>5.5%</table></body>")
    assert text.split("\n") == ["城镇新增 就业", "指标\t2025年", "失业率\t5.5%"]


def test_a_short_page_laid_out_in_a_cell_keeps_its_paragraphs_apart() -> None:
    # under 400 characters, but two paragraphs in one cell: laid-out text, not a table's cell
    _t, text = html_to_text("<body><table><tr><td>正文</td><td><p>一年来，新增就业10万人。</p>"
                            "<p>2022年，新增就业12万人以上。</p></td></tr></table></body>")
    assert text.split("\n") == ["正文", "一年来，新增就业10万人。", "2022年，新增就业12万人以上。"]


def test_a_column_label_wrapped_in_its_cell_is_one_label_and_its_row_one_line() -> None:
    # 安置<br>任务: a narrow header cell; the row below it is a table's row, so must the header be
    _t, text = html_to_text("<body><table><tr><td>序号</td><td>安置单位名称</td><td>安置<br>任务</td>"
                            "<td>达标区域面积<br>（平方公里）</td></tr>"
                            "<tr><td>1</td><td>丽水学院</td><td>1</td><td>4.73</td></tr></table></body>")
    assert text.split("\n") == ["序号\t安置单位名称\t安置任务\t达标区域面积（平方公里）", "1\t丽水学院\t1\t4.73"]
    # two short sentences or fields in a cell stay lines
    _t, text = html_to_text("<body><table><tr><td>联系</td><td>联系人：张三<br>电话：123</td></tr></table></body>")
    assert text.split("\n") == ["联系", "联系人：张三", "电话：123"]


def test_a_text_file_of_html_fragments_is_read_as_html() -> None:
    # a Markdown file copied from a site: <p>, <br> and &emsp; without <html> or <body>
    para = "".join(f"<p>&emsp;&emsp;<b>第{n}条</b>&emsp;本办法第{n}款。<br>\n&emsp;&emsp;（一）有关规定。</p>\n" for n in "一二三四五")
    (source,) = read_bytes(("# 某某管理办法\n\n" + para).encode(), "p.md", "txt")
    assert isinstance(source, Source) and source.kind == "html"
    assert "第三条 本办法第三款。" in source.text.replace("\u2003", " ")
    assert "<p>" not in source.text and "&emsp;" not in source.text
    # a few tags in prose are no page
    (plain,) = read_bytes("一、总则<br>\n二、目标\n正文。".encode(), "q.md", "txt")
    assert isinstance(plain, Source) and plain.kind == "txt"
