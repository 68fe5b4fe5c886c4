"""The records that flow between pipeline stages, all in one place.

Every stage takes and returns these plain, frozen values, so a stage can run in another
process, be cached by content hash, or be called by hand from a notebook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar

#: Administrative levels, highest first: the layers of a drawing, the ranks of a cascade.
LEVELS: tuple[str, ...] = ("national", "provincial", "municipal", "county")
LEVEL_RANK: dict[str, int] = {lv: i for i, lv in enumerate(LEVELS)}
#: The jurisdiction (and "province") of national documents.
NATION = "中华人民共和国"

#: 效力级别, the rank of legal force a catalogue gives a document (pkulaw, 国家法律法规数据库), by
#: the id the record uses; highest first. Unknown rank is None.
RANKS: dict[str, str] = {
    "law": "法律",
    "administrative_regulation": "行政法规",
    "judicial_interpretation": "司法解释",
    "departmental_rule": "部门规章",
    "local_regulation": "地方性法规",
    "autonomous_regulation": "自治条例和单行条例",
    "local_government_rule": "地方政府规章",
    "party_regulation": "党内法规",
    "normative_document": "规范性文件",
}

#: 时效性, a document's validity on a given date, by the id the record uses.
VALIDITY: dict[str, str] = {
    "in_force": "现行有效",
    "amended": "已被修改",  # a later version of the same work replaced this one
    "repealed": "已废止",
    "expired": "已失效",  # its own term (有效期…) ran out
    "not_yet_in_force": "尚未生效",
}

#: When one part cites the same document several times with different verbs, the strongest
#: relation is kept: an explicit act on the document beats a passing mention.
RELATION_PRIORITY: dict[str, int] = {
    "forwards": 7,
    "issues": 6,
    "repeals": 5,
    "amends": 4,
    "based_on": 3,
    "implements": 2,
    "cites": 1,
}
#: The relations a cascade follows by default: a child puts its parent into effect
#: (forwards, issues, implements) or rests on it as its legal basis (based_on).
IMPLEMENTATION_RELATIONS: tuple[str, ...] = ("forwards", "issues", "implements", "based_on")


@dataclass(frozen=True)
class Source:
    """Decoded text of one input document, before any normalisation.

    `path` is relative to the corpus root; JSONL records get `file.jsonl#L<n>`.
    `meta` carries fields a JSON record or an HTML page supplied (title, number, date ...).
    """

    path: str
    text: str
    encoding: str
    kind: str  # txt | html | json | jsonl
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Failure:
    """An input that could not become a document, and why (shown in the build report)."""

    path: str
    reason: str


@dataclass(frozen=True)
class DocNumber:
    """A parsed document number (文号) such as 国办发〔2003〕40号 or 国务院令第588号."""

    code: str  # issuer code, e.g. 国办发; for orders the organ plus 令, e.g. 国务院令
    year: int | None  # None for 令 numbers, which carry no year
    serial: int

    @property
    def canonical(self) -> str:
        if self.year is None:
            return f"{self.code}第{self.serial}号"
        return f"{self.code}〔{self.year}〕{self.serial}号"


@dataclass(frozen=True)
class NumberMatch:
    """A document number found in normalised text, with its span there."""

    number: DocNumber
    start: int
    end: int
    raw: str
    confidence: float = 1.0


@dataclass(frozen=True)
class Authority:
    """What an issuer code or an organ name tells about who issued a document.

    Any field may be None: unknown is a valid answer. `evidence` says what decided it.
    """

    code: str | None = None
    name: str | None = None
    jurisdiction: str | None = None
    level: str | None = None
    province: str | None = None
    confidence: float = 0.0
    evidence: str = ""


@dataclass(frozen=True)
class Citation:
    """One document cited by a part: by number, by title, or by a defined alias."""

    relation: str
    evidence: str
    start: int  # offsets into the original (decoded) text
    end: int
    confidence: float
    number: str | None = None
    title: str | None = None
    alias: str | None = None
    found_by: str = "number"  # number | title | alias
    issuer_code: str | None = None
    authority: str | None = None
    jurisdiction: str | None = None
    level: str | None = None
    year: int | None = None
    mentions: int = 1
    part: str | None = None  # the cited fragment when stated: 第十二条, 第二款, 附件
    reason: str = ""  # why this relation: the words of the sentence that decided it

    def key(self) -> str:
        """Identity of the cited document inside one part: its number, else its title."""
        return self.number or f"title:{self.title}"

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None and v != ""}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Citation:
        """A citation as to_dict writes it (which leaves out None and '')."""
        return cls(**{"evidence": "", **d})


@dataclass(frozen=True)
class HistoryEvent:
    """One line of a header's history (2010年9月17日…《关于修改本市部分地方性法规的决定》第一次修正):
    what happened to the work on that date, and the decision that did it when the line names one."""

    kind: str  # adopted | approved | promulgated | amended | revised
    date: str | None
    by: str | None = None  # the amending decision's title, 〈〉 for nested brackets
    text: str = ""  # the line as written

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "date": self.date, "by": self.by, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> HistoryEvent:
        return cls(d["kind"], d["date"], d.get("by"), d.get("text", ""))


@dataclass(frozen=True)
class Part:
    """A document embedded in a file (a forwarded notice carried in full), or the file's own."""

    id: str
    start: int  # span in the normalised text
    end: int
    number: str | None
    title: str | None
    issuers: tuple[str, ...]
    jurisdiction: str | None
    level: str | None
    date: str | None
    citations: tuple[Citation, ...]
    evidence: dict[str, str] = field(default_factory=dict)
    measures: Measures | None = None
    header_end: int = 0  # where the header ends in the normalised text (the body follows)
    rank: str | None = None  # a RANKS id
    date_publication: str | None = None
    date_in_force: str | None = None
    history: tuple[HistoryEvent, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "issuers": list(self.issuers),
            "jurisdiction": self.jurisdiction,
            "level": self.level,
            "date": self.date,
            "date_publication": self.date_publication,
            "date_in_force": self.date_in_force,
            "rank": self.rank,
            "history": [h.to_dict() for h in self.history],
            "citations": [c.to_dict() for c in self.citations],
            **(self.measures.to_dict() if self.measures else {}),
            "evidence": dict(sorted(self.evidence.items())),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Part:
        """A part as documents.jsonl holds it; its spans (not written there) are 0."""
        return cls(d["id"], 0, 0, d.get("number"), d.get("title"), tuple(d.get("issuers", ())),
                   d.get("jurisdiction"), d.get("level"), d.get("date"),
                   tuple(Citation.from_dict(c) for c in d.get("citations", ())), dict(d.get("evidence", {})),
                   Measures.from_dict(d) if "provisions" in d else None, rank=d.get("rank"),
                   date_publication=d.get("date_publication"), date_in_force=d.get("date_in_force"),
                   history=tuple(HistoryEvent.from_dict(h) for h in d.get("history", ())))


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
    int when whole (JSON writes 4, not 4.0); `comparator` is about | at_most | at_least | equal."""

    indicator: str | None
    value: float
    unit: str
    comparator: str
    year: int | None
    text: str
    start: int
    end: int
    provision: str = ""  # heading path of the provision setting it

    def to_dict(self) -> dict[str, Any]:
        return {"indicator": self.indicator, "value": self.value, "unit": self.unit,
                "comparator": self.comparator, "year": self.year, "text": self.text,
                "start": self.start, "end": self.end, "provision": self.provision}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Target:
        return cls(d["indicator"], d["value"], d["unit"], d["comparator"], d["year"], d["text"],
                   d["start"], d["end"], d["provision"])


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline (6月底前), its date resolved with the document's year where it can be, and the
    action it governs (the words after it in its sentence)."""

    text: str
    date: str | None
    action: str | None
    start: int
    end: int
    provision: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "date": self.date, "action": self.action, "start": self.start,
                "end": self.end, "provision": self.provision}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Deadline:
        return cls(d["text"], d["date"], d["action"], d["start"], d["end"], d["provision"])


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


@dataclass(frozen=True)
class DocumentRecord:
    """The extraction result for one input document: the data contract of documents.jsonl."""

    id: str
    source: str
    number: str | None
    title: str | None
    issuers: tuple[str, ...]
    jurisdiction: str | None
    level: str | None
    date: str | None
    web_date: str | None
    citations: tuple[Citation, ...]
    parts: tuple[Part, ...]
    warnings: tuple[str, ...]
    evidence: dict[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    kind: str = "txt"
    chars: int = 0
    measures: Measures | None = None
    #: The dates of this text: `date` is its own (adoption or signing of this version,
    #: eli:date_document); publication (公布) and entry into force (自…起施行) apart.
    date_publication: str | None = None
    date_in_force: str | None = None
    rank: str | None = None  # a RANKS id
    #: The header's history, oldest first; `date` is its last event's when it has one.
    history: tuple[HistoryEvent, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "number": self.number,
            "title": self.title,
            "issuers": list(self.issuers),
            "jurisdiction": self.jurisdiction,
            "level": self.level,
            "date": self.date,
            "date_publication": self.date_publication,
            "date_in_force": self.date_in_force,
            "web_date": self.web_date,
            "rank": self.rank,
            "history": [h.to_dict() for h in self.history],
            "citations": [c.to_dict() for c in self.citations],
            "parts": [p.to_dict() for p in self.parts],
            **(self.measures.to_dict() if self.measures else {}),
            "warnings": list(self.warnings),
            "evidence": dict(sorted(self.evidence.items())),
            "encoding": self.encoding,
            "kind": self.kind,
            "chars": self.chars,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocumentRecord:
        """A record as documents.jsonl holds it (to_dict's inverse)."""
        return cls(d["id"], d["source"], d.get("number"), d.get("title"), tuple(d.get("issuers", ())),
                   d.get("jurisdiction"), d.get("level"), d.get("date"), d.get("web_date"),
                   tuple(Citation.from_dict(c) for c in d.get("citations", ())),
                   tuple(Part.from_dict(p) for p in d.get("parts", ())), tuple(d.get("warnings", ())),
                   dict(d.get("evidence", {})), d.get("encoding", "utf-8"), d.get("kind", "txt"),
                   d.get("chars", 0), Measures.from_dict(d) if "provisions" in d else None,
                   d.get("date_publication"), d.get("date_in_force"), d.get("rank"),
                   tuple(HistoryEvent.from_dict(h) for h in d.get("history", ())))


@dataclass(frozen=True)
class Node:
    """One real document in the linked graph: in the corpus, embedded in a corpus file, or
    only cited. Cited-only documents carry what their citations tell, with `provenance`."""

    id: str
    kind: str  # document | embedded | cited | title
    number: str | None = None
    title: str | None = None
    titles: tuple[str, ...] = ()
    issuers: tuple[str, ...] = ()
    authority: str | None = None
    issuer_code: str | None = None
    level: str | None = None
    jurisdiction: str | None = None
    date: str | None = None
    year: int | None = None
    sources: tuple[str, ...] = ()
    embedded_in: tuple[str, ...] = ()
    provenance: tuple[str, ...] = ()
    rank: str | None = None  # a RANKS id
    date_publication: str | None = None
    date_in_force: str | None = None
    #: The work this node is a version of (its versions share it), and this version's place
    #: among them: its date, the version before it (a node id), and what made it (原文/修正/修订).
    work: str | None = None
    version_date: str | None = None
    previous_version: str | None = None
    version_kind: str | None = None  # original | amended | revised
    #: Its VALIDITY id on the build's reference date, and the evidence for it.
    validity: str | None = None
    validity_evidence: str = ""

    @property
    def in_corpus(self) -> bool:
        return self.kind in ("document", "embedded")


@dataclass(frozen=True)
class Edge:
    """A directed link child → parent: the child cites, implements, forwards … the parent.

    `via` says how the link is known: number | title | alias (stated by a citation),
    title-implied (stated by the child's title), probable (inferred; never in stated cascades).
    """

    source: str
    target: str
    relation: str
    via: str
    confidence: float
    evidence: str = ""
    origin: str = ""  # the input file whose text states it
    start: int | None = None
    end: int | None = None
    mentions: int = 1
    reason: str = ""
    part: str | None = None  # the cited fragment, as on the citation

    @property
    def stated(self) -> bool:
        return self.via != "probable"
