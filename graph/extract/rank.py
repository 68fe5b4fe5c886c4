"""A document's rank of legal force (效力级别) from who issued it and in what form.

The rules are a table, `ontology/ranks.tsv`: each row names a rank and the patterns the issuer,
the title and the header's facts (who adopted, approved or promulgated it, by which order) must
match; the first matching row decides, and its reason is the evidence. Unknown is None.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from policygraph.models import RANKS

#: An order named by its number in a history line: 卫生部令第17号.
_ORDER = re.compile(r"令\s*第?\s*[\d一二三四五六七八九十百零〇]+\s*号")
#: A title's bracketed qualifier, which does not change its form: （试行）, （2017年修订）.
_QUALIFIER = re.compile(r"[（(][^（()）]{1,12}[）)]$")


@dataclass(frozen=True)
class RankRule:
    """One row of the rank table."""

    rank: str
    issuer: re.Pattern[str] | None
    title: re.Pattern[str] | None
    facts: re.Pattern[str] | None
    why: str

    def matches(self, issuers: Sequence[str], title: str, facts: str) -> bool:
        if self.issuer is not None and not any(self.issuer.fullmatch(i) for i in issuers):
            return False
        if self.title is not None and not self.title.search(title):
            return False
        return self.facts is None or bool(self.facts.search(facts))


@functools.cache
def rules() -> tuple[RankRule, ...]:
    """The shipped rank table, in order."""
    text = resources.files("policygraph.ontology").joinpath("ranks.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t")
    out = []
    for row in rows:
        if row["rank"] not in RANKS:
            raise ValueError(f"ranks.tsv: unknown rank {row['rank']!r}")
        issuer, title, fact = (re.compile(row[k]) if row[k] else None for k in ("issuer", "title", "facts"))
        out.append(RankRule(row["rank"], issuer, title, fact, row["why"]))
    return tuple(out)


def facts(number_code: str | None, events: Iterable[tuple[str, Sequence[str], str]]) -> str:
    """The facts a rank rule reads: `number:<code>` and, per history event (kind, bodies, the line
    as written), `kind:body`, with `order:<organ>令` when the line names the order that issued or
    changed it."""
    out = [f"number:{number_code}"] if number_code else []
    for kind, bodies, written in events:
        out += [f"{kind}:{'、'.join(bodies)}"] if bodies else []
        if bodies and _ORDER.search(re.sub(r"《[^》]*》", "", written)):
            out += [f"order:{'、'.join(bodies)}令"]  # 公安部令第127号修订发布: a revision by order
    return ";".join(out)


def rank(issuers: Sequence[str], title: str | None, header_facts: str) -> tuple[str | None, str]:
    """The rank id of a document and why; (None, "") when no rule applies.

    >>> rank(["上海市人民代表大会常务委员会"], "上海市绿化条例", "adopted:上海市人民代表大会常务委员会")
    ('local_regulation', "enacted by a local people's congress or its standing committee")
    >>> rank(["国务院"], "国务院关于某事的通知", "")
    ('normative_document', 'a notice, opinion or plan of a government or Party organ or office (规范性文件)')
    """
    form = _QUALIFIER.sub("", title or "")
    for rule in rules():
        if rule.matches(issuers, form, header_facts):
            return rule.rank, rule.why
    return None, ""
