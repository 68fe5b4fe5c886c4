"""Naming a document on the command line, end to end: every command taking a document
(cascade, measures, compare, inspect) resolves it the same way, and names documents by title
and number in what it prints. On a small corpus written here: a national notice, a province
forwarding it, a city implementing the province, and two versions of one regulation with no
number (as the laws corpus files them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from policygraph.build import build
from policygraph.cli import main
from policygraph.models import DocumentRecord

NOTICE = "国务院办公厅关于推进社区食堂建设的通知"
FORWARD = "浙江省人民政府办公厅转发国务院办公厅关于推进社区食堂建设的通知"
CITY = "杭州市人民政府关于贯彻落实社区食堂建设工作的实施意见"
LAW = "浙江省社区食堂管理条例"
NOTICE_NAME = f"《{NOTICE}》（国办发〔2020〕31号）"
FORWARD_NAME = f"《{FORWARD}》（浙政办发〔2020〕45号）"
CITY_NAME = f"《{CITY}》（杭政〔2020〕12号）"

FILES = {
    "01_notice.txt": f"""{NOTICE}
国办发〔2020〕31号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　为方便老年人就餐，经国务院同意，现就推进社区食堂建设通知如下：
　　一、到2022年底前，每个街道建成1个以上社区食堂。
　　二、各地要安排专项资金支持社区食堂建设。
国务院办公厅
2020年6月1日
""",
    "02_forward.txt": f"""{FORWARD}
浙政办发〔2020〕45号
各市、县（市、区）人民政府，省政府直属各单位：
　　现将《{NOTICE}》（国办发〔2020〕31号）转发给你们，请认真贯彻执行。
　　一、到2021年底前，每个街道建成2个以上社区食堂。
浙江省人民政府办公厅
2020年7月10日
""",
    "03_city.txt": f"""{CITY}
杭政〔2020〕12号
各区、县（市）人民政府，市政府各部门：
　　为贯彻落实《{FORWARD}》（浙政办发〔2020〕45号）精神，依照《中华人民共和国老年人权益保障法》，提出如下实施意见：
　　一、到2021年6月底前，每个街道建成3个以上社区食堂。
杭州市人民政府
2020年8月20日
""",
    "laws/lrb_5f3a.txt": f"""{LAW}
（2019年3月28日浙江省第十三届人民代表大会常务委员会第十次会议通过）
第一条　为了规范社区食堂管理，保障老年人就餐，根据有关法律、行政法规，结合本省实际，制定本条例。
第二条　本条例自2019年7月1日起施行。
""",
    "laws/lrb_9c1d.txt": f"""{LAW}
（2019年3月28日浙江省第十三届人民代表大会常务委员会第十次会议通过　根据2022年5月27日浙江省第十三届人民代表大会常务委员会第三十六次会议《关于修改〈{LAW}〉的决定》修正）
第一条　为了规范社区食堂管理，保障老年人就餐，根据有关法律、行政法规，结合本省实际，制定本条例。
第二条　本条例自2019年7月1日起施行。
""",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("names") / "corpus"
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def out(corpus: Path) -> Path:
    folder = corpus.parent / "out"
    build(corpus, folder, jobs=1)
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    got = capsys.readouterr()
    return code, got.out, got.err


def cascade_root(capsys: pytest.CaptureFixture[str], out: Path, query: str) -> str:
    code, stdout, err = run(capsys, "cascade", str(out), query)
    assert code == 0 and err == "", (query, err)
    return stdout.splitlines()[0]


def test_cascade_takes_a_number_in_any_variant_a_title_a_file_or_an_id(
        out: Path, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for query in ("国办发〔2020〕31号", "国办发[2020]31号", "國辦發（2020）第31號", " 国办发 〔2020〕 31 号",
                  NOTICE, f"《{NOTICE}》", "国务院办公厅 关于推进社区食堂建设的通知", NOTICE_NAME,
                  "01_notice.txt", str(corpus / "01_notice.txt"), "国务院办公厅关于推进"):
        assert cascade_root(capsys, out, query) == f"cascade of {NOTICE_NAME}", query


def test_the_cascade_table_names_every_document(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _err = run(capsys, "cascade", str(out), "国办发〔2020〕31号")
    assert code == 0
    lines = stdout.splitlines()
    assert lines[0] == f"cascade of {NOTICE_NAME}"
    assert lines[1] == ("  national, 中华人民共和国, 2020-06-01; stated links only; follows forwards, issues, "
                        "based_on, implements")
    provincial = next(line for line in lines if line.startswith("《浙江省"))
    assert provincial.split()[:2] == [FORWARD_NAME, "浙江省"] and provincial.split()[-5:] == [
        "39", "forwards", NOTICE_NAME, "39", "1"]
    municipal = next(line for line in lines if line.startswith("《杭州市"))
    assert municipal.split()[0] == CITY_NAME and FORWARD_NAME in municipal.split()
    assert "src:" not in stdout and "title:" not in stdout


def test_machine_formats_keep_ids_beside_names(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _err = run(capsys, "cascade", str(out), NOTICE, "--format", "json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(stdout)}
    assert rows["浙政办发〔2020〕45号"]["name"] == FORWARD_NAME
    assert rows["杭政〔2020〕12号"]["parent"] == "浙政办发〔2020〕45号"
    assert rows["杭政〔2020〕12号"]["parent_name"] == FORWARD_NAME


def test_measures_compare_and_inspect_resolve_the_same_way(
        out: Path, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for query in ("浙政办发[2020]45号", FORWARD, "02_forward.txt", "浙江省人民政府办公厅转发"):
        code, stdout, err = run(capsys, "measures", str(out), query)
        assert (code, err) == (0, ""), query
        assert stdout.splitlines()[0] == f"measures of {FORWARD_NAME}", query
    code, stdout, _err = run(capsys, "compare", str(out), "杭州市人民政府关于贯彻", "浙政办发（2020）45号")
    assert code == 0 and stdout.splitlines()[0] == f"{CITY_NAME}  compared with  {FORWARD_NAME}"
    code, stdout, _err = run(capsys, "inspect", str(out), "lrb_5f3a.txt")
    assert code == 0
    assert stdout.splitlines()[:2] == [f"《{LAW}》", "source       laws/lrb_5f3a.txt"]
    code, stdout, _err = run(capsys, "inspect", str(out), "杭政〔2020〕12号", "--json")
    assert code == 0 and json.loads(stdout)["source"] == "03_city.txt"
    code, stdout, _err = run(capsys, "inspect", str(corpus / "03_city.txt"))  # a file, read now
    assert code == 0 and stdout.splitlines()[0] == CITY_NAME


def test_several_matches_are_listed_to_choose_from(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run(capsys, "measures", str(out), LAW)
    assert code == 2 and stdout == ""
    head, *choices = err.splitlines()
    assert head == f'policygraph: "{LAW}" matches 2 documents in {out} (by exact title); choose one and give its id:'
    assert len(choices) == 2 and all(c.startswith(f"  《{LAW}》") for c in choices)
    assert {c.rsplit("id: ", 1)[1].rsplit("/", 1)[-1] for c in choices} == {"lrb_5f3a.txt", "lrb_9c1d.txt"}
    chosen = choices[1].rsplit("id: ", 1)[1]
    code, stdout, err = run(capsys, "measures", str(out), chosen)
    assert (code, err) == (0, "") and stdout.startswith(f"measures of 《{LAW}》")
    code, _stdout, err = run(capsys, "cascade", str(out), "社区食堂")  # part of every title here
    head, *choices = err.splitlines()
    assert code == 2 and head.endswith("(by part of the title); choose one and give its id:")
    assert all(c.startswith("  《") and "社区食堂" in c.split("]")[0] for c in choices)
    names = [c.split("  ")[1] for c in choices]
    assert {NOTICE_NAME, FORWARD_NAME, CITY_NAME} <= set(names)
    assert sum(n.startswith(f"《{LAW}》") for n in names) == 2
    assert f"matches {len(choices)} documents" in head


def test_a_miss_says_so_in_one_line_and_suggests_near_matches(
        out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, err = run(capsys, "cascade", str(out), "浙江省社区食堂条例")
    assert code == 2 and stdout == ""
    head, *near = err.splitlines()
    assert head == f'policygraph: no document in {out} matches "浙江省社区食堂条例"; near matches:'
    assert near and all(line.startswith(f"  《{LAW}》") for line in near[:2])
    code, _stdout, err = run(capsys, "compare", str(out), "国办发〔2020〕31号", "国办发〔2020〕13号")
    assert code == 2 and err.splitlines()[1].startswith(f"  {NOTICE_NAME}  [national")
    code, _stdout, err = run(capsys, "cascade", str(out), "完全无关的东西")
    assert code == 2 and err == (f'policygraph: no document in {out} matches "完全无关的东西" (a number in any '
                                 "variant, a title or a part of one, a file name or a node id)\n")


def test_a_document_only_cited_has_no_measures_and_says_so(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _stdout, err = run(capsys, "measures", str(out), "老年人权益保障法")
    assert code == 2
    assert err == ("policygraph: 《中华人民共和国老年人权益保障法》 is only cited in this build: it has no text "
                   "in the corpus, so no record or measures\n")
    assert cascade_root(capsys, out, "老年人权益保障法") == "cascade of 《中华人民共和国老年人权益保障法》"


def test_no_traceback_in_a_real_process(out: Path, tmp_path: Path) -> None:
    for args in (["cascade", str(out), "无此文件"], ["measures", str(tmp_path), "x"],
                 ["inspect", str(tmp_path / "missing.txt")], ["cascade", str(out), ""]):
        r = subprocess.run([sys.executable, "-m", "policygraph.cli", *args], capture_output=True, text=True)
        assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr, args
        assert r.stderr.startswith("policygraph: "), r.stderr


def test_the_report_names_documents_and_keeps_their_files_apart(out: Path) -> None:
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "src:" not in report and "title:" not in report
    documents = report.split("\n## Documents\n", 1)[1].strip().splitlines()
    assert documents[0] == "| document | file | level | rank | jurisdiction | date | in force from | citations |"
    rows = {line.split(" | ")[1]: line.split(" | ") for line in documents[2:]}
    assert rows["01_notice.txt"][0] == f"| {NOTICE_NAME}"
    assert rows["03_city.txt"][0] == f"| {CITY_NAME}"
    laws = [rows[f"laws/lrb_{k}.txt"][0] for k in ("5f3a", "9c1d")]
    assert all(n.startswith(f"| 《{LAW}》") for n in laws) and laws[0] != laws[1]  # versions apart
    reuse = report.split("### Text reuse along edges", 1)[1].split("###", 1)[0]
    assert f"| {CITY_NAME} | {FORWARD_NAME} | stated | " in reuse
    assert f"| {FORWARD_NAME} | {NOTICE_NAME} | stated | " in reuse


def test_a_named_querys_doc_parameter_takes_the_same_forms(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = set()
    for doc in ("国办发〔2020〕31号", "國辦發[2020]31號", NOTICE, "01_notice.txt", "国务院办公厅关于推进"):
        code, stdout, err = run(capsys, "query", str(out), "--name", "descendants", "--param", f"doc={doc}",
                                "--format", "csv")
        assert (code, err) == (0, ""), doc
        answers.add(stdout)
    (answer,) = answers
    assert [line.split(",")[1] for line in answer.splitlines()[1:]] == ["浙政办发〔2020〕45号", "杭政〔2020〕12号"]


def test_measures_says_which_matches_of_a_cascade_it_cannot_list(
        out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """人民 is in two titles of the corpus and in one document only cited: cascade lists three,
    measures two, and says the third is only cited."""
    code, _stdout, err = run(capsys, "cascade", str(out), "人民")
    assert code == 2 and "matches 3 documents" in err.splitlines()[0]
    code, _stdout, err = run(capsys, "measures", str(out), "人民")
    lines = err.splitlines()
    assert code == 2 and "matches 2 documents" in lines[0]
    assert lines[-1] == ('policygraph: 1 more document of the build matches "人民" but is only cited in this build: '
                         "it has no text in the corpus, so no record or measures: 《中华人民共和国老年人权益保障法》")
    code, _stdout, err = run(capsys, "measures", str(out), FORWARD)  # one match either way: nothing more to say
    assert (code, err) == (0, "")


def test_records_read_back_as_written(out: Path) -> None:
    """documents.jsonl → DocumentRecord.from_dict → to_dict gives each line back, parts,
    citations, history and measures included: the commands read typed records."""
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(FILES)
    for line in lines:
        stored = json.loads(line)
        rec = DocumentRecord.from_dict(stored)
        assert rec.to_dict() == stored
        assert DocumentRecord.from_dict(rec.to_dict()) == rec
    recs = [DocumentRecord.from_dict(json.loads(line)) for line in lines]
    assert any(r.history for r in recs) and any(r.citations for r in recs)
    assert any(r.measures and r.measures.provisions for r in recs)
