"""What a source states about itself apart from its text: a JSON record's fields, or the YAML
front matter a Markdown file opens with (---\ntitle: …\nofficial_number: …\n---), mapped to the
fields extraction falls back on (title, number, issuer, date, web date, url).

Scraped collections keep a document's title, number and date there; the text below often
starts with a site's menus, so without them a document may have no title and so no plan year.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import yaml

META_KEYS = {
    "title": ("title", "标题", "name", "文件名称", "doc_title"),
    "number": ("number", "doc_number", "docno", "document_no", "document_number", "official_number", "文号",
               "发文字号", "文件编号", "file_num"),
    "issuer": ("issuer", "issuers", "publisher", "发文机关", "发布机构", "发文单位", "发布单位"),
    "date": ("date", "成文日期", "signed", "sign_date"),
    "web_date": ("web_date", "发布日期", "published", "publish_date", "published_at", "pubdate",
                 "release_date", "doc_rel_time", "发布时间"),
    "url": ("url", "link"),
}


def key_form(key: object) -> str:
    """A record's key as META_KEYS and the text keys spell it: collectors write documentNo,
    document_no and Document-No for one field (and TRS sites DOCTITLE, fileNum, DOCRELTIME)."""
    return re.sub(r"[\s_\-]", "", str(key)).lower()

#: JSON escapes can spell half a surrogate pair (a scraper that cut an emoji in two); such a
#: string cannot be written as UTF-8, so the half becomes U+FFFD, as a decoder would make it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: An issuer a collector wrote as a site (政府门户.www.example.gov.cn) names no organ.
_NOT_AN_ORGAN = re.compile(r"[A-Za-z]|\.")


def meta_of(rec: Mapping[object, object]) -> dict[str, str]:
    """The fields of META_KEYS a record gives, the first key of each that holds a value: a string
    or a number, or a flat list of them joined with 、; nothing nested, nothing longer than
    _MAX_VALUE (a YAML alias can stand for a list of lists millions of words long)."""
    meta: dict[str, str] = {}
    by_form: dict[str, object] = {}
    for k, v in rec.items():
        if v not in (None, "", []):
            by_form.setdefault(key_form(k), v)  # the first of keys spelt alike that holds a value
    for field, keys in META_KEYS.items():
        for k in keys:
            value = _scalar_text(by_form.get(key_form(k)), field)
            if value:
                meta[field] = LONE_SURROGATE.sub("\ufffd", value)
                break
    return meta


_MAX_VALUE = 1000


def _scalar_text(v: object, field: str) -> str | None:
    if isinstance(v, list):
        if len(v) > 50 or not all(isinstance(x, str | int) and not isinstance(x, bool) for x in v):
            return None
        v = "、".join(str(x) for x in v if not (field == "issuer" and _NOT_AN_ORGAN.search(str(x))))
    if not isinstance(v, str | int) or isinstance(v, bool):
        return None
    text = str(v).strip()
    if len(text) > _MAX_VALUE or (field == "issuer" and _NOT_AN_ORGAN.search(text)):
        return None
    return text


#: YAML front matter: a first line ---, the block, a line --- (within the first 20,000 characters).
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_MATTER_MAX = 20_000


def front_matter(text: str) -> tuple[str, dict[str, str]]:
    """The text without its YAML front matter, and the fields the front matter gives; the text
    as it is and no fields when it has none (or it is no YAML mapping)."""
    if not text.startswith("---"):
        return text, {}
    m = _FRONT_MATTER.match(text[:_FRONT_MATTER_MAX])
    if m is None:
        return text, {}
    try:  # every scalar a string, as written (0012 stays 0012, 2021-02-30 is no date to check here)
        data = yaml.load(m.group(1), Loader=yaml.BaseLoader)  # BaseLoader builds no objects
    except Exception:  # whatever the loader trips on, the file is still read as text
        return text, {}
    if not isinstance(data, dict):
        return text, {}
    return text[m.end():], meta_of(data)
