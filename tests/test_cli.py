"""The build and the command line, end to end, on the bundled example corpus."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from policygraph.build import build
from policygraph.cli import main

from .conftest import ROOT, SHARED, needs_shared

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))


def _docs(out: Path) -> dict[str, dict]:
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return {d["source"]: d for d in map(json.loads, lines)}


def test_example_corpus_cascade(tmp_path: Path) -> None:
    build(EXAMPLES, tmp_path)
    docs = _docs(tmp_path)
    assert len(docs) == 7
    levels = {d["number"] or d["source"]: d["level"] for d in docs.values()}
    assert levels == {
        "国办发〔2021〕58号": "national",
        "浙政办发〔2021〕66号": "provincial",
        "苏政发〔2021〕102号": "provincial",
        "宁政发〔2022〕15号": "municipal",
        "杭政办函〔2022〕9号": "municipal",
        "桐政发〔2022〕3号": "county",
        "06_county_and_fragment.jsonl#L2": "municipal",
    }
    zj = docs["02_zhejiang_forward.html"]
    assert [(c["number"], c["relation"]) for c in zj["citations"] if "number" in c] == [
        ("国办发〔2021〕58号", "forwards")]
    assert zj["parts"][0]["number"] == "国办发〔2021〕58号"
    assert zj["web_date"] == "2021-10-12" and zj["date"] == "2021-10-09"
    nj = docs["04_nanjing_traditional.txt"]
    assert {(c.get("number") or c["title"], c["relation"]) for c in nj["citations"]} == {
        ("苏政发〔2021〕102号", "implements"),
        ("国办发〔2021〕58号", "implements"),
        ("南京市社区养老服务提升行动方案", "issues"),
        ("宁政办发〔2018〕41号", "amends"),
    }
    assert docs["05_hangzhou_gbk.txt"]["encoding"] == "gb18030"
    assert docs["06_county_and_fragment.jsonl#L1"]["jurisdiction"] == "浙江省杭州市桐庐县"
    assert docs["06_county_and_fragment.jsonl#L2"]["jurisdiction"] == "江苏省南京市"
    js = docs["03_jiangsu_supengfa_2021_102.txt"]
    assert ("苏政发〔2015〕33号", "repeals") in {(c.get("number"), c["relation"]) for c in js["citations"]}


def test_same_input_gives_byte_identical_output(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    build(EXAMPLES, a)
    build(EXAMPLES, b)
    for name in ("documents.jsonl", "report.md"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_cli_inspect_json_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(EXAMPLES / "01_national_guobanfa_2021_58.txt"), "--json"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["number"] == "国办发〔2021〕58号" and rec["level"] == "national"
    assert {"id", "source", "title", "issuers", "jurisdiction", "date", "citations", "parts",
            "warnings"} <= rec.keys()
    assert main(["inspect", str(EXAMPLES / "04_nanjing_traditional.txt")]) == 0
    out = capsys.readouterr().out
    assert "宁政发〔2022〕15号" in out and "amends" in out


def test_cli_build_and_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    from policygraph.build import stamps

    assert main(["build", str(EXAMPLES), "--out", str(tmp_path / "b"), "--quiet"]) == 0
    assert (tmp_path / "b" / "report.md").is_file()
    capsys.readouterr()
    assert main(["demo", "--out", str(tmp_path / "d")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Built: the bundled example corpus")
    assert str(tmp_path / "d" / "documents.jsonl") in out
    assert f"Next: open {(tmp_path / 'd' / 'graph.html').resolve()} in a browser" in out
    suggested = [line for line in out.split("Next:")[1].splitlines() if line.startswith("  ")]
    assert len(suggested) == 3
    for line in suggested:  # every command it suggests runs
        words = line.strip().split("  ")[0].split()
        if words[1] != "serve":  # serve would not return
            assert main(words[1:]) == 0, line
    capsys.readouterr()
    monkeypatch.setattr(stamps, "RACY_NS", 0)  # however recently the checkout was written
    assert main(["demo", "--out", str(tmp_path / "d")]) == 0
    again = capsys.readouterr().out
    assert again.startswith("Already built (nothing changed since)")
    assert again.splitlines()[1:] == out.splitlines()[1:]
    assert main(["build", str(tmp_path / "missing"), "--out", str(tmp_path / "x")]) == 2


@pytest.mark.parametrize("bad", ["http://ex ample.org/", "policy/", "http://a.org/<x>/"])
def test_an_invalid_base_iri_is_refused_before_anything_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str,
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["build", str(EXAMPLES), "--out", str(tmp_path / "cli"), "--base", bad])
    assert stop.value.code == 2
    assert f"argument --base: {bad!r} is not an absolute IRI" in capsys.readouterr().err
    with pytest.raises(ValueError, match="not an absolute IRI"):
        build(EXAMPLES, tmp_path / "api", base=bad)
    assert not (tmp_path / "cli").exists() and not (tmp_path / "api").exists()
    with pytest.raises(SystemExit):
        main(["push", str(tmp_path), "--endpoint", "http://127.0.0.1:9/store", "--graph", bad])
    assert "argument --graph" in capsys.readouterr().err


def test_a_base_iri_in_chinese_is_kept(tmp_path: Path) -> None:
    paths = build(EXAMPLES, tmp_path, base="https://例子.中国/政策/", jobs=1)
    assert "<https://例子.中国/政策/doc/" in paths["ntriples"].read_text(encoding="utf-8")


def test_timings_name_every_stage_and_the_bench_reads_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bench_builds import stages as read_timings  # scripts/, on the path through conftest

    assert main(["build", str(EXAMPLES), "--out", str(tmp_path), "--quiet", "--jobs", "1", "--timings"]) == 0
    err = capsys.readouterr().err
    stages = read_timings(err)
    # One job: the stages that run beside the others with more jobs run in turn, in this order.
    assert list(stages) == ["checking for changes", "extraction", "documents.jsonl", "link",
                            "CSV and GraphML", "comparisons", "HTML", "report tables", "RDF (Turtle, N-Triples)", "Oxigraph store",
                            "SHACL validation", "finishing (report)", "JSON-LD"]
    peaks = [mb for _s, mb in stages.values()]
    assert peaks == sorted(peaks) and peaks[0] > 20  # a peak never falls; Python alone is 20 MB
    assert all(s >= 0 for s, _mb in stages.values()) and sum(s for s, _mb in stages.values()) > 0


def test_the_peak_is_the_builds_own_not_its_parents(tmp_path: Path) -> None:
    # ru_maxrss survives exec: a build started by a large process must not report its size.
    script = (f"import subprocess, sys\n"
              f"ballast = bytearray(600 << 20)\n"
              f"for i in range(0, len(ballast), 4096): ballast[i] = 1\n"
              f"r = subprocess.run([sys.executable, '-m', 'policygraph.cli', 'build', {str(EXAMPLES)!r}, "
              f"'--out', {str(tmp_path)!r}, '--quiet', '--jobs', '2', '--timings'], "
              f"capture_output=True, text=True)\n"
              f"sys.stdout.write(r.stderr)\n")
    err = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    peaks = {line.split("peak")[0].strip(): float(line.split("peak")[1].split()[0].replace(",", ""))
             for line in err.splitlines() if "peak" in line}
    assert "(each extraction worker)" in peaks
    assert 20 < max(peaks.values()) < 500, peaks


def test_wheel_ships_the_data_files(tmp_path: Path) -> None:
    """`pip install .` must carry the tables and the example corpus, not read the checkout."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("policygraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("policygraph/ontology/authorities.tsv", "policygraph/ontology/regions.tsv",
                     "policygraph/examples/corpus/05_hangzhou_gbk.txt", "policygraph/cli.py"):
        assert required in names
    assert not any(n.startswith("graph/") for n in names)


@needs_shared
def test_govcn_own_numbers_titles_and_levels(tmp_path: Path) -> None:
    build(SHARED / "govcn", tmp_path)
    docs = _docs(tmp_path)
    manifest = [json.loads(line) for line in (SHARED / "govcn" / "manifest.jsonl").read_text(
        encoding="utf-8").splitlines()]
    right = 0
    for m in manifest:
        d = docs[m["id"] + ".txt"]
        expected = m["doc_number"].replace("国令", "国务院令")  # gov.cn's short form of 国务院令
        right += d["number"] == expected
        assert d["level"] == "national"
        assert d["date"] is not None
    assert right == len(manifest) == 60


def test_no_validate_is_said_in_the_report(tmp_path: Path) -> None:
    assert main(["build", str(EXAMPLES), "--out", str(tmp_path), "--quiet", "--no-validate", "--jobs", "1"]) == 0
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "graph.ttl was not validated (--no-validate)." in report


def test_report_tables_are_capped_and_say_how_many_more(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from policygraph.export import report_lists

    monkeypatch.setattr(report_lists, "MAX_ROWS", 1)
    build(EXAMPLES, tmp_path, jobs=1)
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    comparisons = [json.loads(line) for line in (tmp_path / "comparisons.jsonl").read_text(encoding="utf-8").splitlines()]
    changes = sum(ch.get("direction") in ("tightened", "loosened", "earlier", "later")
                  for c in comparisons for ch in c["changes"])
    assert len(comparisons) > 2 and changes > 2
    assert f"… and {len(comparisons) - 1:,} more comparisons: all are in report/reuse.csv." in report
    assert f"… and {changes - 1:,} more changes: all are in report/changes.csv." in report
    reuse = report.split("### Text reuse along edges")[1].split("###")[0]
    assert reuse.count("\n| ") == 2  # the header and one row


_NOTICE = ("某市人民政府关于做好防汛工作的通知\n某政发〔2020〕3号\n各区人民政府：\n　　现通知如下。\n"
           "某市人民政府\n2020年5月6日\n")


@pytest.fixture(scope="module")
def own_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of one notice of our own, built into `home/out` beside it (`home/corpus`)."""
    home = tmp_path_factory.mktemp("home")
    (home / "corpus").mkdir()
    (home / "corpus" / "a.txt").write_text(_NOTICE, encoding="utf-8")
    assert main(["build", str(home / "corpus"), "--out", str(home / "out"), "--quiet"]) == 0
    return home


@pytest.mark.parametrize("inside", ["", "graph.html", "report.md", "documents.jsonl"])
def test_inspect_of_a_build_folder_without_a_document_asks_for_one(
        own_build: Path, capsys: pytest.CaptureFixture[str], inside: str) -> None:
    capsys.readouterr()
    assert main(["inspect", str(own_build / "out" / inside)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.splitlines()) == 1
    if not inside:
        assert "give a DOCUMENT" in captured.err
    else:
        assert "lies in the policygraph build output" in captured.err


@pytest.mark.parametrize("corpus", ["out", "out/graph.html"])
def test_a_build_never_reads_a_build_output(own_build: Path, capsys: pytest.CaptureFixture[str],
                                            corpus: str) -> None:
    """The build folder itself, a file in it: refused in one line."""
    capsys.readouterr()
    x = own_build.parent / f"x-{corpus.replace('/', '-')}"
    assert main(["build", str(own_build / corpus), "--out", str(x), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "never reads its own outputs" in err
    assert not x.exists()


def test_a_build_output_inside_the_corpus_is_skipped(own_build: Path, tmp_path: Path) -> None:
    """A folder holding a build (the corpus's own --out too): the build's files are never read."""
    assert main(["build", str(own_build), "--out", str(tmp_path / "x"), "--quiet"]) == 0
    assert list(_docs(tmp_path / "x")) == ["corpus/a.txt"]
    corpus = own_build / "corpus"
    for _ in range(2):
        assert main(["build", str(corpus), "--out", str(corpus / "out"), "--quiet", "--no-cache"]) == 0
        assert list(_docs(corpus / "out")) == ["a.txt"]


def test_a_jsonl_corpus_named_documents_jsonl_is_still_a_corpus(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "documents.jsonl").write_text(json.dumps({"text": _NOTICE}, ensure_ascii=False) + "\n",
                                                    encoding="utf-8")
    assert main(["build", str(tmp_path / "c"), "--out", str(tmp_path / "o"), "--quiet"]) == 0
    assert _docs(tmp_path / "o")


def test_a_scheme_that_cannot_be_read_is_one_line_before_the_build(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.ttl").write_text("hello", encoding="utf-8")
    for scheme in (tmp_path / "missing.ttl", tmp_path / "bad.ttl"):
        with pytest.raises(SystemExit) as e:
            main(["build", str(EXAMPLES), "--out", str(tmp_path / "o"), "--measures", str(scheme)])
        assert e.value.code == 2
        err = capsys.readouterr().err
        assert f"argument --measures: {scheme}" in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_an_interrupted_build_says_so_with_status_130(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import policygraph.cli as cli

    def interrupted(*_args: object, **_kw: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build", interrupted)
    assert main(["build", str(EXAMPLES), "--out", str(tmp_path / "o"), "--quiet"]) == 130
    err = capsys.readouterr().err
    assert err.startswith("policygraph build: interrupted") and err.count("\n") == 1


@pytest.mark.parametrize(("option", "value"), [("--jobs", "0"), ("--jobs", "-3"), ("--budget", "0"),
                                               ("--budget", "-1")])
def test_counts_and_seconds_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             option: str, value: str) -> None:
    with pytest.raises(SystemExit) as e:
        main(["build", str(EXAMPLES), "--out", str(tmp_path / "o"), option, value])
    assert e.value.code == 2 and f"argument {option}" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_corpus_with_no_file_to_read_is_refused_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a careless user naming the wrong folder gets one line, not an empty graph and exit 0
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / ".hidden.txt").write_text("国务院关于做好就业工作的通知", encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "holds no file to read" in err
    assert not (tmp_path / "out").exists()
