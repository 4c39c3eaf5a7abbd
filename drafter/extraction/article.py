"""Research articles: authors, 摘要/关键词 (any spacing), identifiers, numbered sections,
references, and the English title/author/abstract block (after the keywords or at the end).

References and the English block keep their punctuation as typed (GB/T 7714 writes
references with half-width marks).
"""

from __future__ import annotations

import re
from typing import Any

from drafter.extraction.head import read_head
from drafter.extraction.notes import decide, note
from drafter.extraction.sections import SectionBuilder
from drafter.extraction.sources import Para
from drafter.i18n import _
from drafter.text.typography import has_chinese

_LABEL = re.compile(r"^[\[【]?\s*(摘要|内容摘要|内容提要|提要|关键词|关键字|中图分类号|文献标识码|文章编号|DOI|doi|基金项目|基金|"
                    r"作者简介|收稿日期|引用格式|引文格式)\s*[\]】]?\s*[：:]?\s*")
_EN_LABEL = re.compile(r"^\s*(abstract|key\s*words?|keywords)\s*[：:]\s*", re.IGNORECASE)
_REFERENCES = re.compile(r"^[\[【]?\s*(参考文献|参考资料|references)\s*[\]】]?\s*[：:]?$", re.IGNORECASE)
_REFERENCE_ITEM = re.compile(r"^\s*(?:[\[［【]\s*\d+\s*[\]］】]|\d+[.．、](?!\d)\s*|[（(]\d+[）)])\s*")
_REFERENCE_TYPE = re.compile(r"\[(?:J|M|D|C|N|R|S|P|G|Z|A|DB|CP|EB|EB/OL|J/OL|M/OL|N/OL|DB/OL)\]")
_MARKS = "0123456789⁰¹²³⁴⁵⁶⁷⁸⁹"
_AUTHOR = re.compile(rf"^([\u4e00-\u9fff]{{2,4}}|[\u4e00-\u9fff]{{1,3}}·[\u4e00-\u9fff]{{1,6}})([{_MARKS},，*]*)$")
_AFFILIATION = re.compile(r"^[（(].{4,}[）)]$")
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
ARTICLE_LABEL = re.compile(r"^[\[【]?\s*(摘要|内容摘要|内容提要|关键词|参考文献)\s*[\]】]?\s*[：:]?|^\s*abstract\s*[：:]", re.IGNORECASE)
_ENGLISH_ROLES = ("english_title", "english_authors", "english_abstract", "english_keywords")


def _keywords(text: str) -> list[str]:
    return [k for k in (w.strip() for w in re.split(r"[；;，,、]+|\s{2,}", text.rstrip("。. "))) if k]


def _authors(text: str) -> list[tuple[str, int | None]] | None:
    """Names on an author line, each with its affiliation mark (张三¹ → ("张三", 1));
    a leading "作者：" or "文/" is allowed."""
    text = re.sub(r"^(作者\s*[：:]|文\s*[/／|｜]|撰文\s*[：:]?)\s*", "", text)
    found = []
    for part in (n for n in re.split(r"[\s,，、;；]+", text) if n):
        match = _AUTHOR.match(part)
        if not match:
            return None
        mark = re.sub(r"\D", "", match.group(2).translate(_SUPER))
        found.append((match.group(1), int(mark[0]) if mark else None))
    return found if 0 < len(found) <= 8 else None


def _affiliations(text: str) -> list[str]:
    """（单位） → [单位]; （1. 单位甲；2. 单位乙） → [单位甲, 单位乙]."""
    inner = text.strip()[1:-1].strip()
    if re.match(r"^1\s*[.．、]", inner):
        return [re.sub(r"^\d+\s*[.．、]\s*", "", part).strip() for part in re.split(r"[；;]\s*(?=\d+\s*[.．、])", inner)]
    return [inner]


def _english_block(paras: list[Para]) -> tuple[dict[str, Any], set[int]]:
    """The English front block (title, authors, Abstract:, Key words:) and the indexes it used."""
    if any(p.role in _ENGLISH_ROLES for p in paras):
        return _english_by_role(paras)
    for index, para in enumerate(paras):
        label = _EN_LABEL.match(para.text)
        if not label or not label.group(1).lower().startswith("abs"):
            continue
        start = index
        while start > 0 and index - start < 4 and not has_chinese(paras[start - 1].text) \
                and not _REFERENCE_ITEM.match(paras[start - 1].text):
            start -= 1
        head = [_raw(p) for p in paras[start:index]]
        if not head:
            return {}, set()  # no English title: leave the abstract in the body
        used = set(range(start, index + 1))
        english: dict[str, Any] = {"title": head[0]}
        authors = [a.strip() for line in head[1:] if not _AFFILIATION.match(line)
                   for a in re.split(r",|;| and ", line) if a.strip()]
        if authors:
            english["authors"] = authors
        english["abstract"] = [_EN_LABEL.sub("", _raw(para), count=1)]
        follow = index + 1
        while follow < len(paras) and not has_chinese(paras[follow].text):
            match = _EN_LABEL.match(paras[follow].text)
            if match and match.group(1).lower().startswith("key"):
                english["keywords"] = _keywords(_EN_LABEL.sub("", _raw(paras[follow]), count=1))
            elif english.get("keywords") or _REFERENCE_ITEM.match(paras[follow].text):
                break
            else:
                english["abstract"].append(_raw(paras[follow]))
            used.add(follow)
            follow += 1
        return english, used
    return {}, set()


def _english_by_role(paras: list[Para]) -> tuple[dict[str, Any], set[int]]:
    english: dict[str, Any] = {}
    used = set()
    for index, para in enumerate(paras):
        text = _raw(para)
        if para.role == "english_title":
            english["title"] = text
        elif para.role == "english_authors":
            english["authors"] = [a.strip() for a in text.split(", ") if a.strip()]
        elif para.role == "english_abstract":
            english.setdefault("abstract", []).append(_EN_LABEL.sub("", text, count=1))
        elif para.role == "english_keywords":
            english["keywords"] = [k.strip() for k in _EN_LABEL.sub("", text, count=1).split(";") if k.strip()]
        else:
            continue
        used.add(index)
    if "title" not in english:
        return {}, set()
    return english, used


def _raw(para: Para) -> str:
    return (para.raw or para.text).strip()


def build_article(paras: list[Para]) -> dict[str, Any]:
    """Outline data for a research article."""
    english, used = _english_block(paras)
    paras = [p for i, p in enumerate(paras) if i not in used]
    head = read_head(paras, "article")
    data: dict[str, Any] = {"kind": "article", "title": head.fields.get("title", "")}
    decide(data, head.decisions)
    if not data["title"]:
        data["title"] = "（无题）"
        note(data, "title", _("no title line found; write the title"))
    if "subtitle" in head.fields:
        data["subtitle"] = head.fields["subtitle"]
    authors: list[tuple[str, int | None]] = []
    places: list[str] = []
    abstract: list[str] = []
    builder = SectionBuilder("article", body=head.rest)
    references: list[str] = []
    in_references = False
    in_abstract = False
    body_started = False
    for para in head.rest:
        if para.item is not None:  # a table or figure: the body has begun
            body_started, in_references, in_abstract = True, False, False
            builder.feed(para)
            continue
        text = para.text
        label = _LABEL.match(text)
        if para.role == "reference" or (in_references and (_REFERENCE_ITEM.match(text) or _REFERENCE_TYPE.search(text))):
            references.append(_REFERENCE_ITEM.sub("", _raw(para), count=1).strip())
            continue
        if in_references and not references:
            builder.feed(Para("参考文献", para.line))  # a heading without a list stays text
        in_references = False  # a line that is no reference ends the list
        if _REFERENCES.match(text) or para.role == "references_heading":
            in_references = True
            continue
        if para.role == "abstract" and not label and in_abstract:
            abstract.append(text)  # a further paragraph of the abstract
            continue
        in_abstract = False
        if para.role == "classification":
            data["classification"] = text
            continue
        if label and not body_started:
            name, value = label.group(1), text[label.end():].strip()
            if name in ("摘要", "内容摘要", "内容提要", "提要"):
                abstract.append(value)
                in_abstract = True
            elif name in ("关键词", "关键字"):
                data["keywords"] = data.get("keywords", []) + _keywords(value)
            elif name.startswith("基金"):
                data["fund"] = value
            elif name == "作者简介":
                data["author_note"] = value
            else:
                data["classification"] = (data.get("classification", "") + "  " + text).strip()
            continue
        found = _authors(text) if not body_started and not abstract and para.role in (None, "authors") else None
        if found:
            authors.extend(found)
            continue
        if not body_started and authors and not places and (_AFFILIATION.match(text) or para.role == "affiliation"):
            places = _affiliations(text)
            continue
        body_started = True
        builder.feed(para)
    opening, sections, _ = builder.finish()
    if authors:
        data["authors"] = [_author(name, mark, places) for name, mark in authors]
    data["abstract"] = abstract
    data["opening"] = opening
    data["sections"] = sections
    data["references"] = references
    data["english"] = english
    return data


def _author(name: str, mark: int | None, places: list[str]) -> dict[str, str]:
    author = {"name": name}
    if mark is not None and 0 < mark <= len(places):
        author["affiliation"] = places[mark - 1]
    elif len(places) == 1:
        author["affiliation"] = places[0]
    return author
