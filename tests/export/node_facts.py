"""A small linked corpus, made by hand, with every node fact issue 18 added (rank, dates,
versions of a work, validity with evidence) and the answers worked out by hand for it.

江苏省道路运输条例 has three versions (2004 original, 2010 amended, 2016 revised); 苏政发〔2021〕102号
repeals 苏政发〔2015〕33号, which 宁政发〔2016〕5号 implements and a county notice implements in turn;
苏政办发〔2012〕9号 expired (有效期至2017年底) and 宁政办发〔2013〕1号 cites it; a district notice cites
the 2004 text; 苏政发〔2023〕1号 is not yet in force.
"""

from __future__ import annotations

from policygraph.corpus.link import Linked
from policygraph.models import Edge, Node

WORK = "江苏省道路运输条例"
NPC = ("江苏省人民代表大会常务委员会",)
AS_OF = "2021-10-11"  # the newest document date but the one not yet in force


def _version(name: str, day: str, kind: str, validity: str, previous: str | None = None,
             evidence: str = "") -> Node:
    return Node(id=f"src:{name}", kind="document", title=WORK, titles=(WORK,), issuers=NPC,
                level="provincial", jurisdiction="江苏省", date=day, year=int(day[:4]), sources=(name,),
                rank="local_regulation", work=WORK, version_date=day, version_kind=kind,
                previous_version=previous, validity=validity, validity_evidence=evidence)


def _notice(number: str, title: str, day: str, validity: str = "in_force", evidence: str = "",
            issuer: str = "江苏省人民政府") -> Node:
    return Node(id=number, kind="document", number=number, title=title, titles=(title,),
                issuers=(issuer,), level="provincial", jurisdiction="江苏省", date=day, year=int(day[:4]),
                rank="normative_document", validity=validity, validity_evidence=evidence)


def _edge(source: str, target: str, relation: str) -> Edge:
    return Edge(source, target, relation, "number", 1.0, evidence=f"{source} {relation} {target}")


def corpus() -> Linked:
    nodes = [
        _version("a.txt", "2004-06-01", "original", "amended", evidence="2010年7月1日修正"),
        _version("b.txt", "2010-07-01", "amended", "amended", "src:a.txt", evidence="2016年3月30日修订"),
        Node(**{**_version("c.txt", "2016-03-30", "revised", "in_force", "src:b.txt").__dict__,
                "date_publication": "2016-04-01", "date_in_force": "2016-05-01"}),
        _notice("苏政发〔2015〕33号", "江苏省人民政府关于加强道路运输管理的通知", "2015-03-02", "repealed",
                "苏政发〔2021〕102号：《江苏省人民政府关于加强道路运输管理的通知》同时废止"),
        _notice("苏政发〔2021〕102号", "江苏省人民政府关于印发道路运输新规的通知", "2021-10-11"),
        _notice("宁政发〔2016〕5号", "南京市人民政府关于贯彻落实省道路运输通知的意见", "2016-01-05",
                issuer="南京市人民政府"),
        Node(id="src:county.txt", kind="document", title="溧水区道路运输工作方案", titles=("溧水区道路运输工作方案",),
             level="county", sources=("county.txt",), validity="in_force"),
        _notice("苏政办发〔2012〕9号", "江苏省人民政府办公厅关于道路运输试点的通知", "2012-02-01", "expired",
                "有效期至2017年12月31日", issuer="江苏省人民政府办公厅"),
        _notice("宁政办发〔2013〕1号", "南京市人民政府办公厅关于道路运输试点的通知", "2013-03-01",
                issuer="南京市人民政府办公厅"),
        Node(id="src:district.txt", kind="document", title="鼓楼区道路运输管理办法", titles=("鼓楼区道路运输管理办法",),
             level="county", sources=("district.txt",)),
        _notice("苏政发〔2023〕1号", "江苏省人民政府关于道路运输的决定", "2023-01-01", "not_yet_in_force",
                "自2024年1月1日起施行"),
    ]
    edges = (
        _edge("苏政发〔2021〕102号", "苏政发〔2015〕33号", "repeals"),
        _edge("宁政发〔2016〕5号", "苏政发〔2015〕33号", "implements"),
        _edge("src:county.txt", "宁政发〔2016〕5号", "implements"),
        _edge("宁政办发〔2013〕1号", "苏政办发〔2012〕9号", "cites"),
        _edge("src:district.txt", "src:a.txt", "cites"),
    )
    return Linked({n.id: n for n in nodes}, edges, as_of=AS_OF)
