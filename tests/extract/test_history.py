"""A header's history lines: generated headers in every layout and numeral script read back to
the events they were written from, and the real layouts' quirks by hand."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.extract.history import header_zone, in_force_sentence, read_header
from policygraph.extract.issuers import organ
from policygraph.extract.normalize import normalize

from ..conftest import record_of

_DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals as dates and meeting ordinals write them (十一, 二十, 三十一)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _DIGITS[tens]) + "十" if tens else "") + (_DIGITS[ones] if ones else "")


def written_date(d: dt.date, script: str) -> str:
    if script == "cn":
        return "".join(_DIGITS[int(c)] for c in str(d.year)) + f"年{cn_number(d.month)}月{cn_number(d.day)}日"
    s = f"{d.year}年{d.month}月{d.day}日"
    return s.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"}) if script == "fullwidth" else s


PLACES = ("上海市", "山东省", "宁波市", "重庆市", "河南省")
SCRIPTS = st.sampled_from(("arabic", "cn", "fullwidth"))


@st.composite
def event(draw: st.DrawFn) -> tuple[str, str, str | None, str]:
    """(kind, what is written after the date, the decision's title as read back, the issuing organ)."""
    place = draw(st.sampled_from(PLACES))
    session = f"第{cn_number(draw(st.integers(1, 16)))}届"
    meeting = f"第{cn_number(draw(st.integers(1, 60)))}次会议"
    congress = f"{place}{session}人民代表大会常务委员会{meeting}"
    organ = f"{place}人民代表大会常务委员会"
    kind = draw(st.sampled_from(("adopted", "approved", "promulgated", "amended", "revised", "state_council")))
    if kind == "adopted":
        return kind, congress + draw(st.sampled_from(("通过", "审议通过", "制定"))), None, organ
    if kind == "approved":
        return kind, congress + "批准", None, organ
    if kind == "promulgated":
        serial = draw(st.integers(1, 99))
        return kind, f"{place}人民代表大会常务委员会公告第{serial}号" + draw(st.sampled_from(("公布", "发布"))), None, organ
    if kind == "state_council":
        return "adopted", f"国务院第{draw(st.integers(1, 300))}次常务会议通过", None, "国务院"
    nth = draw(st.sampled_from(("", "第一次", "第二次", "第三次")))
    verb = "修正" if kind == "amended" else "修订"
    if draw(st.booleans()):
        target = f"{place}某某管理条例"
        decision = draw(st.sampled_from((
            "关于修改本市部分地方性法规的决定", f"关于修改《{target}》的决定", f"关于修改《{target}》等十件地方性法规的决定")))
        return kind, f"{congress}《{decision}》{nth}{verb}", decision.replace("《", "〈").replace("》", "〉"), organ
    return kind, f"{congress}{nth}{verb}", None, organ


@st.composite
def header(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, str | None, str]], dt.date | None]:
    """A title, then history lines in one of the layouts seen (one a line; run together in
    brackets with 根据; each line led by 根据), perhaps a 施行 line; and what it says."""
    n = draw(st.integers(1, 6))
    days = sorted(draw(st.sets(st.integers(0, 15000), min_size=n + 1, max_size=n + 1)))
    dates = [dt.date(1980, 1, 1) + dt.timedelta(days=d) for d in days]
    events = [draw(event()) for _ in range(n)]
    script = draw(SCRIPTS)
    lines = [f"{written_date(d, script)} {text}" for d, (_k, text, _b, _o) in zip(dates, events, strict=False)]
    layout = draw(st.sampled_from(("lines", "bracket", "according")))
    if layout == "lines":
        body = "\n\n".join(lines)
    elif layout == "bracket":
        body = "（" + "　根据".join(lines) + "）"
    else:
        body = "\n\n".join(("根据" if i else "") + ln for i, ln in enumerate(lines))
    in_force = dates[-1] if draw(st.booleans()) else None
    if in_force:
        body += f"\n\n{written_date(in_force, script)} 施行"
    text = f"# 某某管理条例\n\n{body}\n\n## 第一章 总则\n\n第一条 为了加强管理，制定本条例。\n"
    return text, [(k, str(d), b, o) for d, (k, _t, b, o) in zip(dates, events, strict=False)], in_force


@settings(max_examples=300, deadline=None)
@given(header())
def test_generated_history_reads_back(case: tuple[str, list[tuple[str, str, str | None, str]], dt.date | None]) -> None:
    written, expected, in_force = case
    text = normalize(written).text
    head = read_header(text, 0, header_zone(text, 0, len(text)))
    assert [(e.kind, e.date, e.by) for e in head.history] == [(k, d, b) for k, d, b, _o in expected]
    assert [ln.bodies for ln in head.lines] == [(o,) for _k, _d, _b, o in expected]
    assert head.in_force == (str(in_force) if in_force else None)


def _history(written: str) -> list[tuple[str, str | None, str | None]]:
    text = normalize(written).text
    return [(e.kind, e.date, e.by) for e in read_header(text, 0, header_zone(text, 0, len(text))).history]


def test_city_amendment_is_passed_by_the_city_then_approved_by_the_province() -> None:
    # The city's 通过 of an amending decision, run together with the province's earlier approval.
    decision = "某某市人民代表大会常务委员会关于修改部分地方性法规的决定"
    assert _history(
        "# 某某市市容管理条例\n\n2011年8月25日 某某市第十三届人民代表大会常务委员会第二十二次会议通过\n\n"
        "2011年11月25日 河南省第十一届人民代表大会常务委员会第二十四次会议批准根据2014年4月25日某某市第十四届"
        "人民代表大会常务委员会第二次会议审议通过\n\n"
        f"2014年5月29日 河南省第十二届人民代表大会常务委员会第八次会议批准的《{decision}》第一次修正\n\n第一条 为了管理，制定本条例。"
    ) == [("adopted", "2011-08-25", None), ("approved", "2011-11-25", None),
          ("amended", "2014-04-25", decision), ("approved", "2014-05-29", decision)]


def test_one_event_over_two_lines_and_a_preamble_after_the_in_force_line() -> None:
    text = normalize("# 某某暂行规则\n\n1958年3月17日 国务院批准\n\n1958年4月19日 交通部\n\n水产部发布\n\n"
                     "1958年7月1日 施行\n\n为了安全，现就有关问题规定如下：\n\n第一条 凡使用船舶的，应当遵守本规则。").text
    head = read_header(text, 0, header_zone(text, 0, len(text)))
    assert [(ln.event.kind, ln.bodies) for ln in head.lines] == [
        ("approved", ("国务院",)), ("promulgated", ("交通部", "水产部"))]
    assert (head.in_force, head.in_force_text) == ("1958-07-01", "1958年7月1日 施行")


def test_joint_interpretation_has_two_adoptions_in_date_order() -> None:
    assert _history(
        "# 最高人民法院、最高人民检察院关于某类案件的解释\n\n2024年3月20日最高人民法院审判委员会第1900次会议、"
        "2023年12月29日最高人民检察院第十四届检察委员会第二十次会议通过\n\n为依法办案，制定本解释。"
    ) == [("adopted", "2023-12-29", None), ("adopted", "2024-03-20", None)]


def test_unbracketed_decision_title_and_revision_by_order() -> None:
    assert _history(
        "# 某某条例\n\n2003年9月26日 山东省第十届人民代表大会常务委员会第四次会议通过\n\n"
        "2015年7月24日 山东省第十二届人民代表大会常务委员会第十五次会议关于修改《山东省某某条例》等十二件地方性法规的决定第一次修正\n\n"
        "2024年1月22日 中华人民共和国国务院令第773号第二次修订）\n\n第一条 为了管理，制定本条例。"
    ) == [("adopted", "2003-09-26", None),
          ("amended", "2015-07-24", "关于修改〈山东省某某条例〉等十二件地方性法规的决定"),
          ("revised", "2024-01-22", None)]


def test_page_fields_and_a_date_under_the_title_are_not_history() -> None:
    assert _history("国务院关于某项工作的意见\n成文日期：2018年12月18日\n（2018年12月18日）\n\n为做好某项工作，提出如下意见。") == []


def test_an_order_sentence_is_body_not_header() -> None:
    text = normalize("中华人民共和国国务院令\n第706号\n\n《某某条例》已经2018年9月6日国务院第23次常务会议修订通过，"
                     "现将修订后的《某某条例》公布，自2019年3月1日起施行。\n总理　某某\n2018年11月6日\n").text
    zone = header_zone(text, 0, len(text))
    assert read_header(text, 0, zone).history == ()
    m, how = in_force_sentence(text, zone, len(text), "条例")
    assert m is not None and m.group("date") == "2019年3月1日" and "entry into force" in how


def test_the_final_article_of_its_own_form_is_preferred() -> None:
    text = normalize("第三十条 本决定自公布之日起施行。\n第三十一条 本条例自2004年1月1日起施行。"
                     "1988年6月7日国务院批准的《某某规定》同时废止。").text
    m, how = in_force_sentence(text, 0, len(text), "条例")
    assert m is not None and m.group("date") == "2004年1月1日" and "本条例" in how


def test_a_full_stop_inside_a_history_line_and_an_order_named_alone() -> None:
    assert _history(
        "# 某某程序规定\n\n2012年12月13日 某某部令第127号修订发布。根据\n\n"
        "2020年07月20日 某某部令第159号《某某部关于修改〈某某程序规定〉的决定》修正）\n\n## 第一章 总则\n\n第一条 为了规范，制定本规定。"
    ) == [("revised", "2012-12-13", None), ("amended", "2020-07-20", "某某部关于修改〈某某程序规定〉的决定")]
    assert _history("# 某某法实施细则\n\n2017年11月22日 中华人民共和国国务院令第692号　\n\n第一条 根据某法，制定本细则。") == [
        ("promulgated", "2017-11-22", None)]


def test_a_date_alone_under_the_title_is_the_texts_date_not_an_event() -> None:
    text = normalize("# 国务院关于某事的暂行规定\n\n1955年12月29日 \n\n一、工作人员的工作时间，一律计算为工作年限。").text
    head = read_header(text, 0, header_zone(text, 0, len(text)))
    assert (head.history, head.bare_date) == ((), "1955-12-29")


FORMS = st.sampled_from(("条例", "规定", "办法", "决定", "解释", "细则"))


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2030, 12, 31)), SCRIPTS, FORMS, st.booleans())
def test_generated_final_article_reads_its_date(day: dt.date, script: str, form: str, repeal: bool) -> None:
    tail = f"{written_date(day - dt.timedelta(days=400), script)}发布的《某某旧{form}》同时废止。" if repeal else ""
    text = normalize(f"第三十条 违反本{form}的，依法处理。\n第三十一条 本{form}自{written_date(day, script)}起施行。{tail}\n").text
    m, how = in_force_sentence(text, 0, len(text), form)
    assert m is not None and f"本{form}" in how
    assert m.group("date") == normalize(written_date(day, script)).text


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(("上海市", "某某省", "景宁畲族自治县", "")), st.integers(1, 20), st.integers(1, 99),
       st.sampled_from(("人民代表大会常务委员会", "人民代表大会")), st.booleans())
def test_generated_body_names_lose_session_and_meeting(place: str, session: int, meeting: int, organ_name: str,
                                                       arabic: bool) -> None:
    nth = str(meeting) if arabic else cn_number(meeting)
    assert organ(f"{place or '全国'}第{cn_number(session)}届{organ_name}第{nth}次会议") == [f"{place or '全国'}{organ_name}"]


def test_a_date_in_a_preamble_sentence_of_the_header_is_not_history() -> None:
    assert _history("# 最高人民法院关于某类案件的解释\n\n为正确审理案件，根据2019年4月23日修订通过的《中华人民共和国某某法》，"
                    "结合审判实践，制定本解释：\n\n第一条 人民法院审理案件，适用本解释。") == []
    assert _history("# 某某条例\n\n2018年8月29日 某某市第十四届人民代表大会常务委员会第四十次会议通过的"
                    "《关于修改部分地方性法规的决定》修正\n\n第一条 为了管理，制定本条例。") == [
        ("amended", "2018-08-29", "关于修改部分地方性法规的决定")]


def test_an_approval_written_before_the_city_decision_it_approves() -> None:
    assert _history(
        "# 某某市节能条例\n\n2009年8月29日 某某市第十四届人民代表大会常务委员会第十二次会议通过\n\n"
        "2022年1月21日 某某省第十三届人民代表大会常务委员会第三十三次会议批准的2021年12月29日某某市第十六届人民代表大会"
        "常务委员会第三十七次会议关于修改《某某市节能条例》等四件地方性法规的决定修正\n\n第一条 为了节能，制定本条例。"
    ) == [("adopted", "2009-08-29", None),
          ("amended", "2021-12-29", "关于修改〈某某市节能条例〉等四件地方性法规的决定"), ("approved", "2022-01-21", None)]


def test_a_city_regulation_made_制定_then_approved_keeps_its_adoption() -> None:
    """Some cities write 制定 for the adoption of their regulation; the province only approves it."""
    for city, province, layout in (("某某市", "江苏省", "（{a}　{b}）"), ("某甲市", "广东省", "{a}\n\n{b}"),
                                   ("某某自治县", "贵州省", "（{a}　{b}）")):
        congress = "人民代表大会常务委员会" if city.endswith("市") else "人民代表大会"
        adopted = f"2006年4月28日{city}第十三届{congress}第二十三次会议制定"
        approved = f"2006年6月2日{province}第十届人民代表大会常务委员会第二十三次会议批准"
        text = normalize(f"# {city}绿化条例\n\n" + layout.format(a=adopted, b=approved)
                         + "\n\n第一条 为了促进绿化，制定本条例。").text
        head = read_header(text, 0, header_zone(text, 0, len(text)))
        assert [(ln.event.kind, ln.event.date, ln.bodies) for ln in head.lines] == [
            ("adopted", "2006-04-28", (city + congress,)),
            ("approved", "2006-06-02", (province + "人民代表大会常务委员会",))]


def test_制定_in_a_preamble_sentence_is_still_no_event() -> None:
    assert _history("# 某某市条例\n\n根据2019年4月23日修订的《某某法》，结合本市实际，制定本条例。\n\n第一条 适用本条例。") == []


def test_an_order_that_publishes_and_puts_in_force_the_same_day_is_a_promulgation() -> None:
    """…令第300号公布，自公布之日起施行: published that day, and in force that day."""
    for line, verb in (("某甲市人民政府令第300号公布　自公布之日起施行", "公布"),
                       ("某乙省人民政府令第12号发布，自发布之日起施行", "发布"),
                       ("某某部令第30号发布  自发布之日施行", "发布")):
        text = normalize(f"# 某某规定\n\n（2021年12月30日某某常务会议通过　2022年1月5日{line}）\n\n"
                         "第一条 为了规范，制定本规定。").text
        head = read_header(text, 0, header_zone(text, 0, len(text)))
        assert [(e.kind, e.date) for e in head.history][-1] == ("promulgated", "2022-01-05"), verb
        assert head.in_force == "2022-01-05" and verb in head.in_force_text


def test_adopted_and_in_force_on_publication_leaves_the_day_unknown() -> None:
    text = normalize("# 某某规定\n\n（2021年12月30日某某市人民政府第150次常务会议通过，自公布之日起施行）\n\n"
                     "第一条 为了规范，制定本规定。").text
    head = read_header(text, 0, header_zone(text, 0, len(text)))
    assert ([(e.kind, e.date) for e in head.history], head.in_force) == ([("adopted", "2021-12-30")], None)


def test_a_decision_published_by_order_after_its_adoption_is_dated_by_its_publication() -> None:
    rec = record_of("某某市人民政府关于修改《某某市某某规定》的决定\n（2021年12月30日某某市人民政府第150次常务会议通过"
                    "　2022年1月5日某某市人民政府令第300号公布　自公布之日起施行）\n"
                    "某某市人民政府决定对《某某市某某规定》作如下修改：\n一、将第三条修改为……\n")
    assert (rec.date, rec.date_publication, rec.date_in_force) == ("2022-01-05", "2022-01-05", "2022-01-05")


ORDER_PAGE = """
中华人民共和国国务院令
 第901号

 现公布修订后的《某某资源管理条例》，自2031年1月1日起施行。
 总理　　某某某
 2030年12月18日

 某某资源管理条例
 （2001年3月4日中华人民共和国国务院令第301号发布　根据2011年5月19日《国务院关于修改〈某某资源管理条例〉的决定》第一次修订　2030年12月18日中华人民共和国国务院令第901号第二次修订）

 第一条　为了规范某某资源管理，根据《中华人民共和国某某法》，制定本条例。
"""


def test_the_history_under_an_orders_title_is_the_orders_and_its_earlier_order_no_citation() -> None:
    rec = record_of(ORDER_PAGE)
    assert rec.number == "国务院令第901号"
    assert rec.date == "2030-12-18"  # the order's signing date, not a line of the history
    assert [(h.kind, h.date, h.by) for h in rec.history] == [
        ("promulgated", "2001-03-04", None),
        ("revised", "2011-05-19", "国务院关于修改〈某某资源管理条例〉的决定"),
        ("revised", "2030-12-18", None)]
    cited = {c.number or c.title for c in rec.citations}
    assert "国务院令第301号" not in cited  # the order that promulgated this work's first version
    assert "中华人民共和国某某法" in cited


def test_an_earlier_order_in_a_header_is_history_but_an_amending_order_with_its_title_is_cited() -> None:
    rec = record_of("某某机关办理某某案件程序规定\n\n2012年12月13日 某某部令第127号修订发布。根据\n\n"
                    "2020年07月20日 某某部令第159号《某某部关于修改〈某某机关办理某某案件程序规定〉的决定》修正）\n\n"
                    "第一条 为了规范办案程序，制定本规定。\n")
    cited = {c.number: c for c in rec.citations}
    assert "某某部令第127号" not in cited
    assert cited["某某部令第159号"].title == "某某部关于修改〈某某机关办理某某案件程序规定〉的决定"
