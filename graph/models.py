"""The records that flow between pipeline stages, all in one place.

Every stage takes and returns these plain, frozen values, so a stage can run in another
process, be cached by content hash, or be called by hand from a notebook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The measure records live beside, and are records of this module too (explicit re-exports).
from policygraph.measure_records import Deadline as Deadline
from policygraph.measure_records import MeasureMention as MeasureMention
from policygraph.measure_records import Measures as Measures
from policygraph.measure_records import MentionDeadline as MentionDeadline
from policygraph.measure_records import Money as Money
from policygraph.measure_records import ProvisionText as ProvisionText
from policygraph.measure_records import Target as Target

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
    found_by: str = "number"  # number | title | alias | name (without 《》)
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
