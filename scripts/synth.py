"""Generate realistic synthetic corpora with known answers, for benchmarks and scale tests.

Documents cascade down the levels (a national notice, provincial documents implementing or
forwarding it, municipal and county ones below them) and carry the noise real pages have:
repeated header blocks, full-width digits, traditional characters with injected pinyin, [] and
（） brackets, Chinese-numeral dates. Every document's own number and citations are returned
beside its text, so a benchmark can check what it measures. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from policygraph.models import LEVELS, NATION

TOPICS = ("就业创业", "社区养老服务", "农村饮水安全", "中小企业融资", "职业技能培训", "城市燃气安全",
          "义务教育均衡发展", "基层医疗卫生服务", "农民工工资支付", "生活垃圾分类", "消防安全责任",
          "高校毕业生就业", "住房公积金管理", "政务服务便民", "食品安全监管", "困难群众救助")
PROVINCES = (("江苏省", "苏", "政"), ("广东省", "粤", "府"), ("浙江省", "浙", "政"),
             ("辽宁省", "辽", "政"), ("四川省", "川", "府"), ("河南省", "豫", "政"))
CITIES = {"江苏省": (("南京市", "宁"), ("无锡市", "锡"), ("连云港市", "连"), ("淮安市", "淮")),
          "广东省": (("广州市", "穗"), ("江门市", "江"), ("深圳市", "深"), ("佛山市", "佛")),
          "浙江省": (("杭州市", "杭"), ("宁波市", "甬"), ("温州市", "温"), ("湖州市", "湖")),
          "辽宁省": (("沈阳市", "沈"), ("大连市", "大"), ("鞍山市", "鞍"), ("锦州市", "锦")),
          "四川省": (("成都市", "成"), ("绵阳市", "绵"), ("德阳市", "德"), ("乐山市", "乐")),
          "河南省": (("郑州市", "郑"), ("洛阳市", "洛"), ("开封市", "汴"), ("新乡市", "新"))}
VERBS = (("implements", "为认真贯彻落实{cite}精神，结合{self}实际，现提出如下意见。"),
         ("implements", "根据{cite}要求，经研究，现就有关事项通知如下："),
         ("implements", "各地要严格按照{cite}规定，抓好各项政策落实。"),
         ("cites", "{cite}印发以来，各地积极推进，取得明显成效。"),
         ("repeals", "本通知自印发之日起施行，{cite}同时废止。"))
FILLER = ("各地区、各部门要进一步提高认识，加强组织领导，落实工作责任，确保各项任务落到实处。",
          "要加大资金投入，完善配套政策，建立健全工作机制，形成工作合力。",
          "到2025年底前，全面完成各项目标任务，群众满意度达到90%以上。",
          "有关部门要加强督促检查，定期通报工作进展情况，对工作不力的依法依规严肃问责。",
          "要加强宣传引导，及时总结推广典型经验，营造良好社会氛围。",
          "所需经费列入同级财政预算，由财政部门会同有关部门统筹安排。")
CN = "〇一二三四五六七八九"


@dataclass(frozen=True)
class SynthDoc:
    path: str
    text: str
    number: str | None
    level: str
    jurisdiction: str
    citations: tuple[tuple[str, str], ...]  # (number, relation)


def _cn_year(y: int) -> str:
    return "".join(CN[int(d)] for d in str(y))


def _cn_small(n: int) -> str:
    if n <= 10:
        return "十" if n == 10 else CN[n]
    if n < 20:
        return "十" + CN[n - 10]
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


def _write_number(rng: random.Random, canonical: str) -> str:
    """A canonical number written the way a scraped page might write it."""
    code, rest = canonical.split("〔")
    year, serial = rest.split("〕")
    style = rng.random()
    if style < 0.5:
        return canonical
    if style < 0.75:
        return f"{code}[{year}]{serial}"
    if style < 0.9:
        return f"{code}（{year}）{serial}"
    full = str.maketrans("0123456789", "０１２３４５６７８９")
    return f"{code}〔{year.translate(full)}〕{serial.translate(full)}"


#: A made document as later ones cite it: (number, title, level, province or "").
Made = tuple[str, str, str, str]
#: The levels each level's documents cite, nearest first.
UPPERS = {"national": (), "provincial": ("national",), "municipal": ("provincial", "national"),
          "county": ("municipal", "provincial")}


@dataclass(frozen=True)
class _Issuer:
    code: str  # the number's 机关代字
    name: str
    jurisdiction: str
    self_word: str  # how the text names its own area: 全国, 我省, 我市, 我县
    province: str | None


def _level(rng: random.Random, i: int, made: dict[str, list[Made]]) -> str:
    r = rng.random()
    level = ("national" if i < 3 or r < 0.04 else "provincial" if r < 0.25
             else "municipal" if r < 0.8 else "county")
    return level if level == "national" or made["national"] else "national"


def _issuer(rng: random.Random, level: str) -> _Issuer:
    """Who issues a document of this level, and its code, chosen at random."""
    if level == "national":
        code, name = rng.choice((("国发", "国务院"), ("国办发", "国务院办公厅")))
        return _Issuer(code, name, NATION, "全国", None)
    province, abbr, fam = rng.choice(PROVINCES)
    suffix = "政发" if fam == "政" else "府"
    if level == "provincial":
        return _Issuer(abbr + suffix, province + "人民政府", province, "我省", province)
    city, cabbr = rng.choice(CITIES[province])
    if level == "municipal":
        return _Issuer(cabbr + suffix, city + "人民政府", province + city, "我市", province)
    county = rng.choice(("东阳", "平安", "清河", "长宁", "青山", "永和")) + "县"
    return _Issuer(county[0] + "政发", county + "人民政府", province + city + county, "我县", province)


def _citing(rng: random.Random, level: str, province: str | None, self_word: str,
            made: dict[str, list[Made]]) -> tuple[list[str], list[tuple[str, str]]]:
    """Sentences citing parents at higher levels (preferring the same province) and, now and
    then, an older document of the same level; with the (number, relation) each states."""
    parents: list[Made] = []
    for up in UPPERS[level]:
        pool = [d for d in made[up] if up == "national" or d[3] == province] or made[up]
        if pool and rng.random() < 0.9:
            parents.append(rng.choice(pool[-50:]))
    cites: list[tuple[str, str]] = []
    body: list[str] = []
    for pnum, ptitle, _pl, _pr in parents:
        rel, tmpl = rng.choice(VERBS[:3])
        cite = f"《{ptitle}》（{_write_number(rng, pnum)}）"
        body.append(tmpl.format(cite=cite, self=self_word.removeprefix("我")))
        cites.append((pnum, rel))
    if made[level] and rng.random() < 0.2:
        old = rng.choice(made[level][-20:])
        if old[0] not in {c[0] for c in cites}:
            rel, tmpl = VERBS[rng.choice((3, 4))]
            body.append(tmpl.format(cite=f"《{old[1]}》（{_write_number(rng, old[0])}）", self=""))
            cites.append((old[0], rel))
    return body, cites


def _signed(rng: random.Random, year: int) -> str:
    """A signing date, in Chinese numerals two times in five."""
    y, m, d = year, rng.randint(1, 12), rng.randint(1, 28)
    return (f"{_cn_year(y)}年{_cn_small(m)}月{_cn_small(d)}日" if rng.random() < 0.4
            else f"{y}年{m}月{d}日")


def generate(n: int, seed: int = 7) -> list[SynthDoc]:
    """`n` documents: a few national roots, then provincial, municipal, county children."""
    rng = random.Random(seed)
    docs: list[SynthDoc] = []
    made: dict[str, list[Made]] = {lv: [] for lv in LEVELS}
    serials: dict[str, int] = {}
    for i in range(n):
        level = _level(rng, i, made)
        year = rng.randint(2003, 2022)
        topic = rng.choice(TOPICS)
        who = _issuer(rng, level)
        key = f"{who.code}{year}"
        serials[key] = serials.get(key, 0) + 1
        number = f"{who.code}〔{year}〕{serials[key] + rng.randint(0, 3) * 10}号"
        title = f"{who.name}关于进一步做好{topic}工作的{'通知' if rng.random() < 0.6 else '实施意见'}"
        body, cites = _citing(rng, level, who.province, who.self_word, made)
        paras = [f"{'一二三四五六七八'[k]}、{rng.choice(FILLER)}{rng.choice(FILLER)}"
                 for k in range(rng.randint(3, 8))]
        rng.shuffle(body)
        date = _signed(rng, year)
        header = f"{title}\n{_write_number(rng, number)}\n\n"
        text = (header + "各有关单位：\n" + "\n".join("　　" + p for p in body + paras)
                + f"\n\n{who.name}\n{date}\n")
        if rng.random() < 0.15:  # scraped pages repeat their header block
            text = header + text
        docs.append(SynthDoc(f"synth/{level}/{i:06d}.txt", text, number, level, who.jurisdiction,
                             tuple(cites)))
        made[level].append((number, title, level, who.province or ""))
    return docs
