"""Research articles: authors, 摘要/关键词 (any spacing), identifiers, numbered sections,
references, and the English title/author/abstract block (after the keywords or at the end)."""

from __future__ import annotations

import re
from typing import Any

from drafter.extract.head import read_head
from drafter.extract.notes import note
from drafter.extract.sections import SectionBuilder
from drafter.extract.sources import Para
from drafter.typography import has_chinese

_LABEL = re.compile(r"^[\[【]?\s*(摘要|内容摘要|内容提要|提要|关键词|关键字|中图分类号|文献标识码|文章编号|DOI|doi|基金项目|基金|"
                    r"作者简介|收稿日期)\s*[\]】]?\s*[：:]?\s*")
_EN_LABEL = re.compile(r"^\s*(abstract|key\s*words?|keywords)\s*[：:]\s*", re.IGNORECASE)
_REFERENCES = re.compile(r"^[\[【]?\s*(参考文献|参考资料|references)\s*[\]】]?\s*[：:]?$", re.IGNORECASE)
_REFERENCE_ITEM = re.compile(r"^\s*(?:[\[［【]\s*\d+\s*[\]］】]|\d+[.．、]\s*|[（(]\d+[）)])\s*")
_AUTHOR = re.compile(r"^[\u4e00-\u9fff]{2,4}\s*[\d,，*]*$")
_AFFILIATION = re.compile(r"^[（(].{4,}[）)]$")
_CLASSIFICATION = ("中图分类号", "文献标识码", "文章编号", "DOI", "doi", "收稿日期")
ARTICLE_LABEL = re.compile(r"^[\[【]?\s*(摘要|内容摘要|内容提要|关键词|参考文献)\s*[\]】]?\s*[：:]?|^\s*abstract\s*[：:]", re.IGNORECASE)


def _keywords(text: str) -> list[str]:
    return [k for k in (w.strip() for w in re.split(r"[；;，,、]+|\s{2,}", text.rstrip("。. "))) if k]


def _authors(text: str) -> list[str] | None:
    names = [n for n in re.split(r"[\s,，、;；]+", text) if n]
    if names and all(_AUTHOR.match(n) for n in names) and len(names) <= 8:
        return [re.sub(r"[\d,，*]+$", "", n) for n in names]
    return None


def _english_block(paras: list[Para]) -> tuple[dict[str, Any], set[int]]:
    """The English front block: title, authors, Abstract:, Key words:; and the indexes it used."""
    for index, para in enumerate(paras):
        if not _EN_LABEL.match(para.text) or not _EN_LABEL.match(para.text).group(1).lower().startswith("abs"):
            continue
        start = index
        while start > 0 and index - start < 4 and not has_chinese(paras[start - 1].text) \
                and not _REFERENCE_ITEM.match(paras[start - 1].text):
            start -= 1
        used = set(range(start, index + 1))
        english: dict[str, Any] = {}
        head = [p.text for p in paras[start:index]]
        if not head:
            return {}, set()  # no English title: leave the abstract in the body
        english["title"] = head[0]
        if head:
            authors = [a.strip() for line in head[1:] if not _AFFILIATION.match(line)
                       for a in re.split(r",|;| and ", line) if a.strip()]
            if authors:
                english["authors"] = authors
        english["abstract"] = [_EN_LABEL.sub("", para.text, count=1)]
        follow = index + 1
        while follow < len(paras) and not has_chinese(paras[follow].text):
            match = _EN_LABEL.match(paras[follow].text)
            if match and match.group(1).lower().startswith("key"):
                english["keywords"] = _keywords(_EN_LABEL.sub("", paras[follow].text, count=1))
            elif english.get("keywords") or _REFERENCE_ITEM.match(paras[follow].text):
                break
            else:
                english["abstract"].append(paras[follow].text)
            used.add(follow)
            follow += 1
        return english, used
    return {}, set()


def build_article(paras: list[Para]) -> dict[str, Any]:
    """Outline data for a research article."""
    english, used = _english_block(paras)
    paras = [p for i, p in enumerate(paras) if i not in used]
    head = read_head(paras, "article")
    data: dict[str, Any] = {"kind": "article", "title": head.fields.get("title", "")}
    if not data["title"]:
        data["title"] = "（无题）"
        note(data, "title", "no title line found; write the title")
    if "subtitle" in head.fields:
        data["subtitle"] = head.fields["subtitle"]
    authors: list[dict[str, str]] = []
    abstract: list[str] = []
    builder = SectionBuilder("article")
    references: list[str] = []
    in_references = False
    current: list[str] | None = None
    body_started = False
    for para in head.rest:
        text = para.text
        label = _LABEL.match(text)
        if in_references:
            references.append(_REFERENCE_ITEM.sub("", text, count=1).strip())
            continue
        if _REFERENCES.match(text):
            in_references = True
            continue
        if label and not body_started:
            name, value = label.group(1), text[label.end():].strip()
            current = None
            if name in ("摘要", "内容摘要", "内容提要", "提要"):
                abstract.append(value)
                current = abstract
            elif name in ("关键词", "关键字"):
                data["keywords"] = _keywords(value)
            elif name.startswith("基金"):
                data["fund"] = value
            elif name == "作者简介":
                data["author_note"] = value
            else:
                data["classification"] = (data.get("classification", "") + "  " + text).strip()
            continue
        if not body_started and not abstract and _authors(text):
            authors.extend({"name": n} for n in _authors(text) or [])
            continue
        if not body_started and authors and _AFFILIATION.match(text):
            for author in authors:
                author.setdefault("affiliation", text.strip("（）()"))
            continue
        body_started = True
        builder.feed(para)
    opening, sections, _ = builder.finish()
    for key, value in (("authors", authors), ("abstract", abstract)):
        if value:
            data[key] = value
    if "keywords" in data:  # keep model order: keywords after abstract
        data["keywords"] = data.pop("keywords")
    for key in ("classification", "fund", "author_note"):
        if key in data:
            data[key] = data.pop(key)
    if opening:
        data["opening"] = opening
    if sections:
        data["sections"] = sections
    if references:
        data["references"] = references
    if english:
        data["english"] = english
    return data
