"""The one display name of a document: title with number, number alone, file last."""

from __future__ import annotations

from policygraph.corpus.names import attrs_name, document_name, file_name, node_name, short_label
from policygraph.models import Node


def test_title_with_number_number_alone_file_last() -> None:
    law = Node("src:laws/lrb_00aa.txt", "document", title="山东省农业机械管理条例",
               sources=("laws/lrb_00aa.txt",))
    order = Node("国务院令第406号", "cited", number="国务院令第406号")
    both = Node("国办发〔2003〕40号", "document", number="国办发〔2003〕40号",
                title="国务院办公厅关于印发《X》的通知", sources=("a.txt",))
    bare = Node("src:b/lrb_99.txt", "document", sources=("b/lrb_99.txt",))
    assert node_name(law) == "《山东省农业机械管理条例》"
    assert node_name(order) == "国务院令第406号"
    assert node_name(both) == "《国务院办公厅关于印发《X》的通知》（国办发〔2003〕40号）"
    assert node_name(bare) == "lrb_99.txt"
    assert node_name(Node("title:中华人民共和国专利法", "title", title="中华人民共和国专利法")) == \
        "《中华人民共和国专利法》"


def test_versions_of_one_work_get_apart() -> None:
    a = Node("v1", "document", number="国务院令第406号", title="道路运输条例",
             version_date="2004-04-30", version_kind="original")
    b = Node("v2", "document", number="国务院令第406号", title="道路运输条例",
             version_date="2019-03-02", version_kind="amended")
    assert node_name(a) == "《道路运输条例》（国务院令第406号，2004-04-30原文）"
    assert node_name(b) == "《道路运输条例》（国务院令第406号，2019-03-02修正）"


def test_attributes_as_graphml_and_records_give_them() -> None:
    # GraphML gives '' for absent values; a record has `source`, a node `sources`
    assert attrs_name("src:x/lrb_1.txt", {"title": "", "number": "", "sources": "x/lrb_1.txt;y.txt"}) == "lrb_1.txt"
    assert attrs_name("src:x/lrb_1.txt", {"title": "", "number": "", "source": "x/lrb_1.txt"}) == "lrb_1.txt"
    assert attrs_name("n", {"title": "T", "number": "国发〔2001〕1号", "version_date": ""}) == \
        "《T》（国发〔2001〕1号）"
    assert file_name("title:关于X的通知") == "关于X的通知"
    assert document_name("", "") == ""


def test_short_label_keeps_the_title() -> None:
    assert short_label("《山东省农业机械管理条例》") == "山东省农业机械管理条例"
    assert short_label("《关于印发《X》的通知》（国办发〔2003〕40号）") == "关于印发《X》的通知"
    assert short_label("《" + "长" * 20 + "》", width=5) == "长长长长…"


def test_generic_titles_known_only_by_title_are_named_with_their_scope() -> None:
    # linking scopes a generic title by place and date; the name says the scope, a unique title none
    sh = Node("title:关于修改本市部分地方性法规的决定@上海市@2010-09-17", "title",
              title="关于修改本市部分地方性法规的决定", jurisdiction="上海市", date="2010-09-17")
    hn = Node("title:河南省人民代表大会常务委员会关于修改部分地方性法规的决定@2018-09-29", "title",
              title="河南省人民代表大会常务委员会关于修改部分地方性法规的决定", jurisdiction="河南省", date="2018-09-29")
    assert node_name(sh) == "《关于修改本市部分地方性法规的决定》（上海市，2010-09-17）"
    assert node_name(hn) == "《河南省人民代表大会常务委员会关于修改部分地方性法规的决定》（2018-09-29）"
    assert node_name(Node("title:上海市绿化条例", "title", title="上海市绿化条例", jurisdiction="上海市")) == \
        "《上海市绿化条例》"
    assert attrs_name(sh.id, {"kind": "title", "title": sh.title, "number": "", "jurisdiction": "上海市",
                              "date": "2010-09-17"}) == node_name(sh)


def test_a_document_with_no_title_and_no_number_is_named_by_who_issued_it_and_when() -> None:
    """Not by its file: by its first issuer (等 when joint), else its place, with its date."""
    signed = Node("src:s/001.txt", "document", issuers=("淮安市人民政府",), jurisdiction="江苏省淮安市",
                  date="2003-07-15", sources=("s/001.txt",))
    joint = Node("src:s/002.txt", "document", issuers=("宜良县财政局", "宜良县农业农村局"), date="2018-08-02",
                 sources=("s/002.txt",))
    placed = Node("src:s/003.txt", "document", jurisdiction="江苏省淮安市", date="2003-07-15",
                  sources=("s/003.txt",))
    undated = Node("src:s/004.txt", "document", jurisdiction="四川省", sources=("s/004.txt",))
    dated_only = Node("src:s/005.txt", "document", date="2003-07-15", sources=("s/005.txt",))
    assert node_name(signed) == "淮安市人民政府文件（2003-07-15）"
    assert node_name(joint) == "宜良县财政局等文件（2018-08-02）"
    assert node_name(placed) == "江苏省淮安市文件（2003-07-15）"
    assert node_name(undated) == "四川省文件"
    assert node_name(dated_only) == "005.txt"  # nothing says who: the file is all there is
    # the same from a record (issuers a list) and a GraphML node (issuers joined by 、)
    assert attrs_name("src:s/002.txt", {"title": None, "number": None, "issuers": ["宜良县财政局", "宜良县农业农村局"],
                                        "date": "2018-08-02", "source": "s/002.txt"}) == node_name(joint)
    assert attrs_name("src:s/002.txt", {"title": "", "number": "", "issuers": "宜良县财政局、宜良县农业农村局",
                                        "date": "2018-08-02", "sources": "s/002.txt"}) == node_name(joint)
