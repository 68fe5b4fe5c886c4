"""The records that flow between pipeline stages, all in one place.

Every stage takes and returns these plain, frozen values, so a stage can run in another
process, be cached by content hash, or be called by hand from a notebook.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Administrative levels, highest first: the layers of a drawing, the ranks of a cascade.
LEVELS: tuple[str, ...] = ("national", "provincial", "municipal", "county")
LEVEL_RANK: dict[str, int] = {lv: i for i, lv in enumerate(LEVELS)}
#: The jurisdiction (and "province") of national documents.
NATION = "中华人民共和国"

#: When one part cites the same document several times with different verbs, the strongest
#: relation is kept: an explicit act on the document beats a passing mention.
RELATION_PRIORITY: dict[str, int] = {
    "forwards": 6,
    "issues": 5,
    "repeals": 4,
    "amends": 3,
    "implements": 2,
    "cites": 1,
}


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

    def key(self) -> str:
        """Identity of the cited document inside one part: its number, else its title."""
        return self.number or f"title:{self.title}"

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "issuers": list(self.issuers),
            "jurisdiction": self.jurisdiction,
            "level": self.level,
            "date": self.date,
            "citations": [c.to_dict() for c in self.citations],
            **(self.measures.to_dict() if self.measures else {}),
            "evidence": dict(sorted(self.evidence.items())),
        }


@dataclass(frozen=True)
class Measures:
    """What a part sets, provision by provision (see measures.py): the provisions themselves
    (heading path, span, text), the scheme concepts they mention with their deadlines and
    agencies, quantitative targets, deadlines and sums of money. Offsets are original."""

    provisions: tuple[dict[str, Any], ...] = ()
    measures: tuple[dict[str, Any], ...] = ()
    targets: tuple[dict[str, Any], ...] = ()
    deadlines: tuple[dict[str, Any], ...] = ()
    money: tuple[dict[str, Any], ...] = ()
    #: Per provision, its word 3-gram shingles packed (see shingles.py); not part of the JSON.
    shingles: tuple[bytes, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"provisions": list(self.provisions), "measures": list(self.measures),
                "targets": list(self.targets), "deadlines": list(self.deadlines),
                "money": list(self.money)}


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
            "web_date": self.web_date,
            "citations": [c.to_dict() for c in self.citations],
            "parts": [p.to_dict() for p in self.parts],
            **(self.measures.to_dict() if self.measures else {}),
            "warnings": list(self.warnings),
            "evidence": dict(sorted(self.evidence.items())),
            "encoding": self.encoding,
            "kind": self.kind,
            "chars": self.chars,
        }


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

    @property
    def stated(self) -> bool:
        return self.via != "probable"
