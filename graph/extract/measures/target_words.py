"""Goals written in words, with no number to match: a goal of none (安全生产零事故), a
doubling (翻一番), a count of major things (打造5大产业链) and a quality class to reach (水质稳定达到Ⅲ类,
空气质量达到国家二级标准), read with the same checks and years as targets.py's numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from policygraph.extract.measures import target_rules as rules
from policygraph.extract.measures.scoring import scored
from policygraph.extract.measures.target_indicators import indicator_of
from policygraph.extract.measures.target_sentences import PERIOD_REPORT, Context, Sentence, years_of
from policygraph.extract.measures.target_years import Years
from policygraph.extract.numbers import chinese_to_int
from policygraph.models import Target

#: A goal of doubling (翻一番, 实现翻番) or quadrupling (翻两番): a target of 2 or 4 times; a number
#: of doublings written in digits (比2010年翻1.88番) is kept as written, unit 番.
_DOUBLING = re.compile(r"翻(?:(?P<n>一|两|二)|(?P<d>\d+(?:\.\d+)?))?番(?P<more>以上|多)?")
_TIMES = {None: 2, "一": 2, "两": 4, "二": 4}
#: A rise by once over written in words (较2023年增加约一倍, 增长一倍以上): a rise of 100 %, as the
#: gold writes it (in digits, 增长1倍, it is a number targets.py reads).
_ONCE_OVER = re.compile(r"(?:增加|增长|提高|提升)(?P<about>约|近)?一倍(?P<more>以上|多)?")
#: A goal of none (非法转移倾倒固体废物事件零发生, 安全生产零事故, 飞灰零填埋, 零就业家庭动态清零,
#: 烟花爆竹事故死亡人数实行零控制, 重大以上事故起数为零);
#: 趋零增长 (towards none) is no number.
_ZERO = re.compile(r"(?<![趋近])零(?:发生|事故|伤亡|死亡|排放|增长|填埋|控制|火点|火情|火灾|拖欠|欠薪)|"
                   r"(?:动态)?清零|(?<=[数态])为零")


def doublings(sent: Sentence, offset: int, ctx: Context, lead: Years) -> list[Target]:
    """The doublings a sentence sets (翻一番, 增加一倍), where it reports no past and no forecast,
    and not for a year already past."""
    out: list[Target] = []
    for pattern in (_DOUBLING, _ONCE_OVER):
        for m, clause, years in _goals(pattern, sent, ctx, lead):
            if rules.FORECAST.search(clause) or ctx.reports(years.year, sent.led_before(m.start())):
                continue
            if (rules.names_parameter(clause) or rules.PENALTY.search(clause)
                    or _ACHIEVED.match(sent.text, m.end()) or _ACHIEVED_BEFORE.search(clause)):
                continue  # 奖励标准提高一倍, 罚款数额增加一倍; …增长一倍，提前实现翻番目标: a result
            indicator = indicator_of(re.sub(r"(?:实现|力争|比\d{4}年|较\d{4}年)$", "", clause))
            if pattern is _ONCE_OVER:
                value, unit = 100.0, "%"
            else:
                value, unit = (float(m.group("d")), "番") if m.group("d") else (_TIMES[m.group("n")], "倍")
            comparator = "at_least" if m.group("more") else "about" if m.groupdict().get("about") else "equal"
            if pattern is _ONCE_OVER and indicator is None and out:
                continue  # …翻一番，较2020年增加一倍: the doubling said again
            out.append(_target(m, sent, offset, ctx, years, indicator, value, unit, comparator))
    return out


#: A doubling told as done (…增长一倍，提前实现翻番目标; 提前三年完成…目标).
_ACHIEVED = re.compile(r"[^。；;]{0,16}提前[^，,。；;]{0,4}(?:实现|完成)|[^。；;]{0,6}(?:实现|完成)了")
_ACHIEVED_BEFORE = re.compile(r"提前[^，,。；;]{0,4}(?:实现|完成)\s*$")  # 提前实现翻番目标


#: The noun a 零X names a kind of, within a few words (货运零排放区域, 零排放货运车队, 零事故企业): not a
#: conjunction or a verb after it (零事故和零伤亡, 零增长甚至负增长, 零排放或达标排放).
_ZERO_AS_NAME = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:区域|园区|社区|小区|片区|车队|车辆|汽车|货车|公交|船舶|"
                           r"港口|码头|机场|试点|示范|企业|工厂|单位|学校|医院|城市|乡村|村|建筑|通道|项目|技术|路线|模式|标准|认证|创建)")


#: A count of major things an action sets up (打造5大产业链, 构建…六大生态产业链, 打造十大群众赛事): N
#: before 大 and the noun it counts, after a verb of building within the clause.
_MAJOR = re.compile(r"(?P<verb>打造|建设|培育|构建|建成|形成|壮大|做强|做优|发展)[^，,。；;：:\d]{0,24}?"
                    r"(?<![第之前一二三四五六七八九十])(?<!党的)(?P<n>\d{1,2}|[一二三四五六七八九十]{1,2})大(?P<noun>[\u4e00-\u9fff]{2,8}?)"
                    r"(?=[，,。；;、）)]|$|和|及)")
#: What N大 counts that is the text's own structure or a strategy's focus, not things to set up
#: (五大任务, 十大行动, 三大先导产业).
_MAJOR_NOT = re.compile(r"任务|行动|工程|举措|措施|方面|领域|板块|战略|理念|格局|目标|体系|机制|"
                        r"原则|要求|专项|(?<!企)业|类")


def majors(sent: Sentence, offset: int, ctx: Context, lead: Years) -> list[Target]:
    """The counts of major things a sentence sets up under a plan's year (打造5大产业链 → 5 个)."""
    out = []
    for m, _clause, years in _goals(_MAJOR, sent, ctx, lead):
        n = _count(m.group("n"))
        if years.year is None or not n or n < 2 or _MAJOR_NOT.search(m.group("noun")):
            continue
        if ctx.reports(years.year, sent.led_before(m.start())):
            continue
        out.append(_target(m, sent, offset, ctx, years, m.group("noun"), n, "个", "equal"))
    return out


#: A quality class a water or the air is to reach or keep (巢湖水质稳定达到Ⅲ类, 断面水质保持国家Ⅱ类标准,
#: 空气质量达到国家二级标准): the class's number, unit 类 or 级; 优于 a class is at most its number (Ⅰ is
#: the best). Not a class naming what a share counts (达到或优于Ⅲ类水体比例).
_CLASS = re.compile(r"(?P<verb>稳定达到|达到|保持在?|提升到|提升至|提高到|提高至|改善到|改善至|恢复到|恢复至|"
                    r"优于|好于)(?P<std>[^，,。；;：:\d或]{0,16}?)"
                    r"(?P<n>[ⅠⅡⅢⅣⅤ]|IV|V|I{1,3}|[一二三四五])(?P<unit>类|级)(?![A-Za-z])"
                    r"(?![^，,。；;]{0,8}(?:比例|比重|占比|%|％|的))"
                    r"(?P<better>(?:水质|水体|标准)?及?以上)?")
_CLASS_N = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5,
            "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_OR_BETTER = re.compile(r"(?:达到)?或$")
#: What a quality class grades, named before the class: a water, a section or the air.
_GRADED = re.compile(r"(?:水质|水体|断面|地表水|水功能区|空气质量|环境空气|"
                     r"(?:河流|湖库|湖泊|水库|河道)(?![^，,。；;]{0,6}(?:防洪|标准|等级)))[^，,。；;]{0,6}$")
_DIGIT = re.compile(r"\d")


def quality_classes(sent: Sentence, offset: int, ctx: Context, lead: Years) -> list[Target]:
    """The quality classes a sentence sets a water or the air to reach, not for a year past."""
    out = []
    for m, clause, years in _goals(_CLASS, sent, ctx, lead):
        if not _GRADED.search(clause + m.group("verb") + m.group("std")) and not _GRADED.search(clause):
            continue
        reported = PERIOD_REPORT.search(sent.text, 0, m.start()) or _DIGIT.search(sent.text, 0, m.start())
        if reported and not years.year:
            continue  # 有3个断面水质达到Ⅱ类, 1-6月该断面水质达到Ⅳ类: counted or reported, no goal
        if ctx.reports(years.year, sent.led_before(m.start())):
            continue
        better = m.group("verb") in ("优于", "好于") or m.group("better")
        comparator = "at_most" if better else "equal"  # Ⅳ类以上: class Ⅳ or better
        indicator = indicator_of(_OR_BETTER.sub("", clause))
        out.append(_target(m, sent, offset, ctx, years, indicator, _CLASS_N[m.group("n")],
                           m.group("unit"), comparator))
    return out


#: A rank to reach (客货运输量进入全国前10位, 力争进入前五位, 跃居全省前40名): at most N, unit 位; a
#: place named next to it (、中部地区第1位) is that place. Not a past (这五年…进入全国前8位) nor a
#: share of those ranked (排名前10位的企业: the 的 names whom).
_PLACE = r"(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})(?:位|名)(?!的)"
_RANK = re.compile(r"(?:进入|跻身|位居|位列|位于|跃居|稳居|保持|迈入|挺进|跃升至?|居(?![民住家]))"
                   r"(?P<scope>[^，,。；;：:\d前第]{0,10}?)前" + _PLACE)
#: The next place in a list, not a second measure's with its own verb (、增速居全省前3位: RANK's own).
_NEXT_RANK = re.compile(r"、(?P<scope>(?:(?!进入|位居|居|保持|跻身|跃居)[^，,。；;：:\d前第、]){0,10}?)"
                        r"(?P<kind>前|第)" + _PLACE)
#: A count of things ranked before the rank (力争5家企业进入全国前100名): the goal is the count.
_COUNTED_RANKED = re.compile(r"\d+\s*(?:家|个|所|项|名)[\u4e00-\u9fff]{0,6}$")


def ranks(sent: Sentence, offset: int, ctx: Context, lead: Years) -> list[Target]:
    """The ranks a sentence sets a thing to reach under a goal's year (进入全国前10位 → 10 位 at most)."""
    out = []
    for m, clause, years in _goals(_RANK, sent, ctx, lead):
        if years.year is None or ctx.reports(years.year, sent.led_before(m.start())):
            continue
        if _COUNTED_RANKED.search(clause):
            continue
        indicator = indicator_of(re.sub(r"(?:力争|确保|努力|争取|实现)$", "", clause))
        out.append(_target(m, sent, offset, ctx, years, indicator, _count(m.group("n")), "位", "at_most"))
        nxt = _NEXT_RANK.match(sent.text, m.end())
        while nxt is not None:
            out.append(_target(nxt, sent, offset, ctx, years, indicator, _count(nxt.group("n")), "位",
                               "at_most" if nxt.group("kind") == "前" else "equal"))
            nxt = _NEXT_RANK.match(sent.text, nxt.end())
    return out


def _count(n: str) -> int:
    return int(n) if n.isdigit() else chinese_to_int(n) or 0


#: A time to reach a place or to serve within (南昌至全国主要城市3小时覆盖, 县城20分钟上高速公路, 国内1天送达,
#: “3分钟到场”): at most that time, in a goal's sentence; not a circle named by it (1小时通勤圈), a rate
#: or a share it qualifies (2天送达率, 10分钟到达的比例), nor a limit (2小时内到达, a deadline's).
_REACH = re.compile(r"(?P<n>\d+(?:\.\d+)?|[一二三四五六七八九十半]{1,2})(?P<unit>分钟|小时|天)"
                    r"(?:通达|通勤|覆盖|送达|到达|抵达|到场|换乘|上(?:高速|国道|省道|国省道)|"
                    r"到[\u4e00-\u9fff]{0,4}?(?:站点|车站|站))"
                    r"(?![\u4e00-\u9fff]{0,6}圈|率|比例|的)")  # not 2天送达率, 到达的网点, 都市经济圈


_REACH_OPENING = re.compile(r"^.*[(（“\"]|^\s*(?:基本|全面|力争|确保)?实现")


def reach_times(sent: Sentence, offset: int, ctx: Context, lead: Years) -> list[Target]:
    """The times a sentence sets to reach a place or to serve within, under a goal's year or word,
    and the counts of days it sets (优良天数达到315天)."""
    out = day_counts(sent, offset, ctx, lead) if "天数" in sent.text else []
    for m, clause, years in _goals(_REACH, sent, ctx, lead):
        if (years.year is None and not sent.goal) or ctx.reports(years.year, sent.led_before(m.start())):
            continue
        n = m.group("n")
        value = 0.5 if n == "半" else float(n) if n[0].isdigit() else _count(n)
        where = _REACH_OPENING.sub("", clause).rstrip("“\"、 ")  # 基本实现综合枢纽…: who or where
        verb = sent.text[m.end("unit"):m.end()]
        out.append(_target(m, sent, offset, ctx, years, f"{where}{verb}时间", value, m.group("unit"),
                           "at_most"))
    return out


#: A count of days as a goal (全市优良天数达到315天, 优良天数不低于190天, 重污染天数控制在5天以内): days
#: are otherwise a span (30天内), so only a count named 天数 is read; not a share of days (天数比例).
_DAY_COUNT = re.compile(r"天数(?P<verb>[^，,。；;\d比较率]{0,10}?)(?P<about>约|近)?(?P<n>\d+(?:\.\d+)?)天"
                        r"(?P<suffix>以上|以下|以内|左右)?(?![\u4e00-\u9fff]{0,2}(?:内|后|前))")
_AT_MOST = re.compile(r"不超过|不高于|不多于|控制在|(?<!不)低于|(?<!不)少于|减少到|减少至|降至|降到")
_AT_LEAST = re.compile(r"不低于|不少于|超过|高于|多于|达到|达|增加到|增加至|提高到|提高至")


def day_counts(sent: Sentence, offset: int, ctx: Context, lead: Years) -> list[Target]:
    """The counts of days a sentence sets as goals, under a goal's year or word."""
    out = []
    for m, clause, years in _goals(_DAY_COUNT, sent, ctx, lead):
        if (years.year is None and not sent.goal) or ctx.reports(years.year, sent.led_before(m.start())):
            continue
        verb, suffix = m.group("verb"), m.group("suffix") or ""
        comparator = ("at_most" if suffix in ("以下", "以内") or _AT_MOST.search(verb)
                      else "about" if suffix == "左右" or m.group("about")
                      else "at_least" if suffix == "以上" or _AT_LEAST.search(verb) else "equal")
        indicator = indicator_of(clause + "天数")
        out.append(_target(m, sent, offset, ctx, years, indicator, float(m.group("n")), "天", comparator))
    return out


#: 清零 naming a policy (坚持“动态清零”总方针): no goal of none.
_POLICY_NAME = re.compile(r"[”\"’]?\s*(?:总方针|方针|政策|策略)")


def zero_goals(sent: Sentence, offset: int, ctx: Context, lead: Years) -> list[Target]:
    """The goals of none a sentence sets: value 0, no unit; not a kind of thing named after one
    (建设货运零排放区域, 发展零排放货运车队)."""
    return [_target(m, sent, offset, ctx, years, indicator_of(clause), 0, "", "equal")
            for m, clause, years in _goals(_ZERO, sent, ctx, lead)
            if not ctx.reports(years.year, sent.led_before(m.start()))  # 2022年…起数为零: a result
            and (("清零" in m.group() and not _POLICY_NAME.match(sent.text, m.end()))
                 or ("清零" not in m.group() and not _ZERO_AS_NAME.match(sent.text, m.end())))
            and not _REWARDED.match(sent.text, m.end())]


#: What a reward is for (对实现零火点的乡镇，给予奖励): a condition, no goal.
_REWARDED = re.compile(r"[”\"]?[^，,。；;]{0,12}的(?:乡镇|县|区|村|单位|企业|个人|集体|地方)"
                       r"[^。；;]{0,20}?(?:给予|奖励|奖补|表彰)")


def _goals(pattern: re.Pattern[str], sent: Sentence, ctx: Context,
           lead: Years) -> Iterator[tuple[re.Match[str], str, Years]]:
    """Each match of `pattern` whose sentence reports no past before it and whose clause counts
    nothing existing, outside a document's title and a statute's article unless a goal word is
    there: the match, its clause's words before it and its years."""
    for m in pattern.finditer(sent.text):
        at = m.start()
        clause = sent.text[sent.clause_start(at):at]
        if sent.said_before(at) or rules.EXISTING.search(clause) or scored(sent.text, m.end()):
            continue  # (…未达到III类及以上水质扣5分: an assessment's rule)
        lo = max(0, at - 120)  # a title is short; a bounded look keeps a long sentence linear
        if sent.text.rfind("《", lo, at) > sent.text.rfind("》", lo, at):
            continue  # 《到2020年化肥使用量零增长行动方案》: a document's title
        if rules.ARTICLE.search(ctx.provision) and not sent.goal:
            continue
        yield m, clause, years_of(sent, at, ctx, lead)


def _target(m: re.Match[str], sent: Sentence, offset: int, ctx: Context, years: Years,
            indicator: str | None, value: float, unit: str, comparator: str) -> Target:
    start = sent.clause_start(m.start())
    return Target(indicator=indicator, value=value, unit=unit, comparator=comparator, year=years.year,
                  text=sent.text[start:m.end()], start=offset + start, end=offset + m.end(),
                  provision=ctx.provision, start_year=years.start_year, base_year=years.base_year)
