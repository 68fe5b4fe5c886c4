"""Numbers and quantities as policy text writes them: 4.5%, 10万人, 1,200个, 百分之十, 一百二十万人,
至少有一名, and ranges (3—5个, 10%—15%, 3万至5万人), with 万/亿/千 folded in.

Text reaches here normalised (extract/normalize.py): traditional characters simplified (萬 → 万),
full-width digits and ％ folded to ASCII.
"""

from __future__ import annotations

import re
from decimal import Decimal

CN_DIGITS = "零〇一二两三四五六七八九"
CN_NUMERAL = f"[{CN_DIGITS}十百千]"
_DIGIT = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_MULT = {"": 1, "千": 1e3, "万": 1e4, "十万": 1e5, "百万": 1e6, "千万": 1e7, "亿": 1e8, "百亿": 1e10,
         "千亿": 1e11, "万亿": 1e12}

#: Units a target counts in. 个百分点 before 个, 万人 read as 万 + 人; 元 units are money.
UNITS = ("个百分点|百分点|%|‰|/10万|/万|人次|人年|人|个月|个工作日|个班|个|户|家次|家|所|名|位|项|床|张|"
         "套|剂次|剂(?![量型])|次|"
         "公里|千米|平方公里|"
         "平方米|平米|公顷|亩|吨标准煤|吨标煤|吨|级|微克/立方米|"
         "(?<!千)米(?!面|粮|饭|粉|油|酒|醋|价|业|字|兰)|"  # 维修渠道415米; 千米 is a unit of its own
         "立方米|千瓦时|千瓦|兆瓦|吉瓦|MWh|GWh|kWh|MW|GW|kW|(?i:EFLOPS|PFLOPS|TFLOPS)|毫秒|分钟|小时|P(?![A-Za-z0-9])|年一遇|辆|台|座|条|处|间|倍|件|岁|颗|种|株|棵|"
         "根(?!据|本|源|治|除|系)|Mbps|Gbps|Mb/s|Gb/s|"
         "周(?!岁|年|边|期|转)|公斤|千克|克(?=/)|斤|头|类|批次|场次|场|期(?!间|限|末|满|内)|款(?!项)|"
         "部(?!门|分|署|长)|门(?!类|户|诊|槛|口|店|面|票|路|禁|卫|市|前|牌|窗|急)|篇|例|栋|幢|"
         "兆(?!瓦|赫|帕|欧|焦|字节)|度|方(?!面|案|式|法|向|针|便|位|正|言|可|能|舱|阵|块|圆|格|略|志)|"
         r"只|工作日|美元|元|担|羽(?![毛绒])|棒(?![球])|"  # 烟叶50900担, 家禽2.1亿羽, 食用菌30亿棒
         r"标准箱|标箱|箱(?![包子体])|"  # 集装箱吞吐量100万标箱, 蜂群2.5万箱
         r"起(?![草步来点重诉码始见止算跑飞航源因居床身立用])|"  # 较大事故起数控制在10起以内
         r"口(?!岸|径|号|袋|罩|腔|碑|头|子|味|粮|令|吻|价|清|受|办|气)|"  # 沼气池2.2万口
         r"[∶:：]1(?![\d.])")  # 1.5∶1, a ratio
#: What a unit is per, written after it: 万元/人, 人/百亿元, 克/千克.
PER_UNIT = (r"/(?:10万|百万|十万|万|千|百亿|亿|百)?"
            r"(?:人次|人|户|年|千克|公斤|吨|平方米|平米|平方公里|亩|元|千瓦时|立方米|张|床|公里)")
#: One number: Arabic (1,200 and 4.5 too) or Chinese (一百二十, 三点五), with its multiplier.
NUMBER = (r"(?:(?P<{p}arabic>\d+(?:,\d{{3}})*(?:\.\d+)?)|"
          rf"(?P<{{p}}cn>{CN_NUMERAL}+(?:点[{CN_DIGITS}]+)?))"
          r"\s{{0,2}}(?P<{p}mult>万亿|千亿|百亿|千万|百万|十万|万|亿|千(?![米瓦克]))?")  # 5千米 is 5 km
RANGE_DASH = r"(?:—{1,2}|–|―|-|－|~|～|〜|至|到)"


def number_pattern(prefix: str) -> str:
    """NUMBER with its groups named `prefix`arabic, `prefix`cn and `prefix`mult."""
    return NUMBER.format(p=prefix)


def cn_to_float(s: str) -> float | None:
    """A Chinese numeral's value: 十二 → 12, 一百零五 → 105, 两千 → 2000, 三点五 → 3.5, 二〇 → 20
    (digit by digit when it has no 十/百/千); None if it is not one.

    >>> [cn_to_float(s) for s in ("十二", "一百零五", "两千", "三点五", "二〇", "百")]
    [12.0, 105.0, 2000.0, 3.5, 20.0, None]
    """
    whole, _, frac = s.partition("点")
    if not whole or any(ch not in _DIGIT and ch not in _SMALL_UNIT for ch in whole):
        return None
    if any(ch not in _DIGIT for ch in frac):
        return None
    if any(ch in _SMALL_UNIT for ch in whole):
        value = _with_units(whole)
        if value is None:
            return None
    else:
        value = int("".join(str(_DIGIT[ch]) for ch in whole))
    if frac:
        return float(f"{value}.{''.join(str(_DIGIT[ch]) for ch in frac)}")
    return float(value)


def _with_units(s: str) -> int | None:
    """十二, 一百零五, 三千二百: digits each times the unit after it; a unit needs a digit before
    it except a leading 十 (十二 is 12), and units fall (百 after 十 is no number)."""
    total, current, last_unit = 0, None, 10**9
    for i, ch in enumerate(s):
        if ch in _DIGIT:
            current = _DIGIT[ch]
            continue
        unit = _SMALL_UNIT[ch]
        if unit >= last_unit or (current is None and not (ch == "十" and i == 0)):
            return None
        total += (1 if current is None else current) * unit
        current, last_unit = None, unit
    return total + (current or 0)


def value_of(arabic: str | None, cn: str | None, mult: str | None) -> float | None:
    """The value of a NUMBER match's groups, 万/亿 folded in, rounded to 6 places; None if the
    Chinese numeral is malformed. The multiplier is applied in decimal: 4.06万亿 is 4.06e12, not
    the float product 4059999999999.9995.

    >>> value_of("1,200", None, None), value_of("4.5", None, "万"), value_of(None, "一百二十", "万")
    (1200.0, 45000.0, 1200000.0)
    >>> value_of("4.06", None, "万亿"), value_of("2.3", None, "万"), value_of("4", None, "千亿")
    (4060000000000.0, 23000.0, 400000000000.0)
    """
    if arabic:
        base: float | None = float(arabic.replace(",", ""))
        digits = arabic.replace(",", "")
    else:
        base = cn_to_float(cn or "")
        digits = repr(base)
    if base is None:
        return None
    return round(float(Decimal(digits) * Decimal(int(_MULT[mult or ""]))), 6)


def whole(v: float) -> float | int:
    """An int when whole, so JSON writes 4, not 4.0."""
    return int(v) if float(v).is_integer() else v


_ONE = re.compile(number_pattern(""))


def parse_number(text: str) -> float | None:
    """The value of `text` if it is exactly one number (Arabic or Chinese, with 万/亿).

    >>> parse_number("10万"), parse_number("一百二十万"), parse_number("4.5"), parse_number("万")
    (100000.0, 1200000.0, 4.5, None)
    """
    m = _ONE.fullmatch(text.strip())
    return value_of(m.group("arabic"), m.group("cn"), m.group("mult")) if m else None
