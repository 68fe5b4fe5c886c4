"""The records of what a part sets (extract/measures/): its provisions, the scheme concepts they
mention, quantitative targets, deadlines and sums of money. Re-exported by models.py, where the
other records are; kept apart because they are many and mostly boilerplate (to_dict/from_dict
writing and reading the JSON of documents.jsonl).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar

_T = TypeVar("_T")


def _pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle a slotted frozen dataclass as its class and field values, rebuilt by its __init__.

    A build holds its records pickled and decodes each several times (build/packed.py), and
    these rows are most of a record's objects: the default for a slotted frozen dataclass (a
    state list set field by field in Python) decodes a record about a quarter more slowly."""
    values = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]  # cls is a dataclass

    def reduce(self: _T) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = reduce  # type: ignore[assignment,method-assign]  # what pickle calls, replaced on purpose
    return cls


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ProvisionText:
    """One provision of a part as the record keeps it: heading path (二、/（三）, "" before any
    heading), its heading, its span in the original text and its text without whitespace."""

    path: str
    heading: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "heading": self.heading, "start": self.start, "end": self.end,
                "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ProvisionText:
        return cls(d["path"], d["heading"], d["start"], d["end"], d["text"])


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Target:
    """A quantitative target (城镇登记失业率控制在4.5％左右): `value` has 万/亿 folded in and is an
    int when whole (JSON writes 4, not 4.0); `comparator` is about | at_most | at_least | equal.
    A range (3—5个) has its upper end in `value_high`; `year` is the year it is to be met by,
    `start_year` the first year of a multi-year target (2015年至2017年…), `base_year` the year
    a change is measured from (较2012年下降18%), never a target year. `change` says whether the
    value is a rise or a cut from the present (增长5%左右: increase; 能耗降低2.5%: decrease) rather
    than a level to reach (达到, 降至, 控制在); None for a level."""

    indicator: str | None
    value: float
    unit: str
    comparator: str
    year: int | None
    text: str
    start: int
    end: int
    provision: str = ""  # heading path of the provision setting it
    value_high: float | None = None
    start_year: int | None = None
    base_year: int | None = None
    change: str | None = None  # increase | decrease

    def to_dict(self) -> dict[str, Any]:
        return {"indicator": self.indicator, "value": self.value, "value_high": self.value_high,
                "unit": self.unit, "comparator": self.comparator, "change": self.change, "year": self.year,
                "start_year": self.start_year, "base_year": self.base_year, "text": self.text,
                "start": self.start, "end": self.end, "provision": self.provision}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Target:
        return cls(d["indicator"], d["value"], d["unit"], d["comparator"], d["year"], d["text"],
                   d["start"], d["end"], d["provision"], d.get("value_high"), d.get("start_year"),
                   d.get("base_year"), d.get("change"))


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline (6月底前, 春节前, 30日内), its date resolved with the document's year where it can
    be, and the action it governs (the words after it in its sentence). A `relative` one counts
    from an event (自受理之日起30日内) or recurs (每月10日前): it has no date of its own."""

    text: str
    date: str | None
    action: str | None
    start: int
    end: int
    provision: str = ""
    relative: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "date": self.date, "relative": self.relative, "action": self.action,
                "start": self.start, "end": self.end, "provision": self.provision}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Deadline:
        return cls(d["text"], d["date"], d["action"], d["start"], d["end"], d["provision"],
                   d.get("relative", False))


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Money:
    """A sum of money (专项资金1100万元), in 元 with 万/亿 folded in, and the words before it."""

    value: float
    unit: str
    text: str
    start: int
    end: int
    provision: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "text": self.text, "start": self.start,
                "end": self.end, "provision": self.provision}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Money:
        return cls(d["value"], d["unit"], d["text"], d["start"], d["end"], d["provision"])


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class MentionDeadline:
    """The deadline governing a measure mention: its words and resolved date (or None)."""

    text: str
    date: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "date": self.date}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> MentionDeadline:
        return cls(d["text"], d["date"])


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class MeasureMention:
    """A scheme concept (policy tool) a provision mentions, where first mentioned: the sentence
    quoting it, the texts of that sentence's targets, the deadlines governing its mentions and
    the agencies the provision makes responsible."""

    concept: str  # the concept's id in the scheme
    label: str
    group: str  # supply | demand | environment
    provision: str
    term: str  # the words naming it
    text: str
    start: int
    end: int
    targets: tuple[str, ...] = ()
    deadlines: tuple[MentionDeadline, ...] = ()
    agencies: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"concept": self.concept, "label": self.label, "group": self.group,
                "provision": self.provision, "term": self.term, "text": self.text,
                "start": self.start, "end": self.end, "targets": list(self.targets),
                "deadlines": [d.to_dict() for d in self.deadlines], "agencies": list(self.agencies)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> MeasureMention:
        return cls(d["concept"], d["label"], d["group"], d["provision"], d["term"], d["text"],
                   d["start"], d["end"], tuple(d["targets"]),
                   tuple(MentionDeadline.from_dict(x) for x in d["deadlines"]), tuple(d["agencies"]))


@dataclass(frozen=True)
class Measures:
    """What a part sets, provision by provision (see extract/measures/): the provisions
    themselves, the scheme concepts they mention with their deadlines and agencies,
    quantitative targets, deadlines and sums of money. Offsets are original."""

    provisions: tuple[ProvisionText, ...] = ()
    measures: tuple[MeasureMention, ...] = ()
    targets: tuple[Target, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    money: tuple[Money, ...] = ()
    #: Per provision, its word 3-gram shingles packed (see shingles.py); not part of the JSON.
    shingles: tuple[bytes, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"provisions": [p.to_dict() for p in self.provisions],
                "measures": [m.to_dict() for m in self.measures],
                "targets": [t.to_dict() for t in self.targets],
                "deadlines": [d.to_dict() for d in self.deadlines],
                "money": [m.to_dict() for m in self.money]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Measures:
        """The measures of a record or part as documents.jsonl holds it (without shingles)."""
        return cls(tuple(ProvisionText.from_dict(x) for x in d.get("provisions", ())),
                   tuple(MeasureMention.from_dict(x) for x in d.get("measures", ())),
                   tuple(Target.from_dict(x) for x in d.get("targets", ())),
                   tuple(Deadline.from_dict(x) for x in d.get("deadlines", ())),
                   tuple(Money.from_dict(x) for x in d.get("money", ())))
