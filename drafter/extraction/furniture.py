"""Site furniture around a document's own head: what a web page, a WeChat article or a study
bulletin puts above the title and after the last paragraph.

Line patterns (:mod:`drafter.extraction.cleanup`) drop the furniture that looks the same
wherever it stands (meta lines, breadcrumbs, download and link lines). What is left needs its
place to be recognised: a column title (每周一学（…——…）) or a site name above the real title, an
editor's note (现摘录……，希全体……认真学习！), the title printed twice, and a source note closing
the last paragraph (……。（来源：新华社）). :func:`drop_head_furniture` finds where the document's
own head begins — the last run of title lines before its first occasion line, speaker, date,
salutation or body paragraph — and drops what stands before it; every line dropped is recorded.
"""

from __future__ import annotations

import re

from drafter.extraction.cleanup import Dropped
from drafter.extraction.head import title_like
from drafter.extraction.numbers import match_number
from drafter.extraction.patterns import date_line, occasion, salutation, speaker_byline
from drafter.extraction.sources import Para
from drafter.i18n import N_, _

HEAD_WINDOW = 16
"""Non-blank lines at the top where furniture is looked for."""

_COLUMN = re.compile(
    r"^.{1,24}?[（(【\[〔][^（）()]{0,8}(?:\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}|第\s*[\d一二三四五六七八九十百]+\s*期)"
    r"[^（）()]{0,30}[）)】\]〕]$|^.{1,24}?第\s*[\d一二三四五六七八九十百]+\s*期$|^.{1,24}?\d{4}\s*年\s*第\s*\d+\s*期.{0,10}$")
_COLUMN_NAMES = re.compile(
    r"^[【\[]?(网站首页|首页|学习园地|理论学习|理论园地|理论武装|每周一学|每日一学|每月一学|学习资料|学习材料|学习参考|专题学习|"
    r"学习专栏|党建工作|党建动态|党建园地|工作动态|新闻动态|新闻中心|通知公告|要闻|领导讲话|重要讲话|讲话稿|讲话材料|"
    r"正文|详情|文章详情|内容详情|资料下载|文章|新闻|学习|阅读)[】\]]?$")
_SITE_NAME = re.compile(r"^(?:[^，。：:！？\s]{2,20}(?:门户网站|网站|官网|官方网站|政府网|公众号|微信公众号|客户端|融媒体中心|"
                        r"新闻网)|[^，。：:！？\s]{1,4}网)$")
_EDITOR_NOTE = re.compile(r"^[【\[]?(?:编者按|编者的话|编辑按|编者|按语|导读|编者注|小编按)[】\]]?\s*[:：]?")
_EDITOR_REMARK = re.compile(r"^[（(【\[][^（）()]{0,30}(?:根据录音整理|据录音整理|有删节|略有删节|未经本人审阅|标题为编者所加|"
                            r"小标题为编者所加|本文系|本文为|本文是|原载|原文刊于|刊于|作者系|作者为|作者单位)[^（）()]{0,40}[）)】\]]$")
_EDITOR_INVITE = re.compile(r"(?:摘录|摘编|转载|转发|刊发|刊登|编发|推送|推荐|分享|印发|整理|节选|摘选|编选|选编)"
                            r"[^。]{0,80}(?:希|请|望|供|便于|以飨)[^。]{0,40}(?:学习|阅读|参阅|参考|借鉴|研读|领会|读者)")
_TAIL_NOTE = re.compile(r"\s*[（(【\[]\s*(?:来源|稿源|文章来源|信息来源|本文来源|转自|摘自|来自|责任编辑|编辑|责编)\s*[:：]?"
                        r"[^（）()【】\[\]]{1,40}[）)】\]]\s*$")
_FIELD = re.compile(r"^(?!.{0,10}党课)[^，。：:]{1,8}[：:]")
"""A labelled line (时间：, 地点：, 主持人：): the document's own facts, never a title."""
_PUNCT = re.compile(r"[\s\W_]+")


def squash(text: str) -> str:
    """Text without spaces and punctuation, for comparing two printings of one title."""
    return _PUNCT.sub("", text)


def editor_note(text: str) -> bool:
    """An editor's note over a reprinted text: 编者按：…, or 现摘录/转发……，希/请……学习."""
    if len(text) > 300:
        return False
    return (bool(_EDITOR_NOTE.match(text) and len(text) > 6) or bool(_EDITOR_INVITE.search(text))
            or bool(_EDITOR_REMARK.match(text)))


def column_title(text: str) -> bool:
    """A site column's or bulletin's title: 每周一学（2022年6月27日——7月3日）, 理论学习（第12期）, 学习园地."""
    return bool(_COLUMN.match(text) or _COLUMN_NAMES.match(text))


def site_name(text: str) -> bool:
    """A site's or account's name over its pages: 某某县人民政府门户网站, 某某发布公众号, 某某新闻网."""
    return bool(_SITE_NAME.match(text))


def _anchor(text: str, title_seen: bool) -> bool:
    """A line of the document's own head after its title: occasion, date, salutation, speaker
    (a name-like line before any title line is more likely a column's or site's name)."""
    return bool(occasion(text) or date_line(text) or salutation(text)
                or (title_seen and speaker_byline(text) and not column_title(text)))


def _body(para: Para) -> bool:
    """A paragraph of running text or a numbered heading: the head is over."""
    text = para.text
    return (match_number(text) is not None or len(text) > 80
            or (len(text) >= 16 and re.search(r"[。！？!?；;]", text) is not None))


def drop_head_furniture(paras: list[Para], dropped: list[Dropped]) -> tuple[list[Para], str]:
    """``paras`` without the furniture above the document's own title, and the title's first line.

    Lines are grouped into runs of title-like lines; a dropped boilerplate line (a meta line
    such as 发布时间：… 点击数：…) ends a run. The title is the last run before the first line of
    the head proper or of the body; runs before it are the title printed twice, a column title
    or a site name; column titles leading the title's own run are split off too.
    """
    gone = sorted(d.line for d in dropped)
    lines = [(index, p) for index, p in enumerate(paras) if p.text][:HEAD_WINDOW]
    runs: list[list[tuple[int, Para]]] = [[]]
    notes: list[tuple[int, str]] = []
    previous = 0
    for index, para in lines:
        if para.role not in (None, "title"):
            break
        if any(previous < line < para.line for line in gone) and runs[-1]:
            runs.append([])
        previous = para.line
        if para.role is None and editor_note(para.text):
            notes.append((index, N_("editor's note")))
            continue
        if para.role is None and not any(runs) and date_line(para.text) and not occasion(para.text):
            notes.append((index, N_("publication date above the title")))
            continue
        if para.role is None and (_anchor(para.text, any(runs)) or _body(para)):
            break
        if para.role is None and not any(runs) and site_name(para.text):
            notes.append((index, N_("site name")))
            continue
        if not (title_like(para) or column_title(para.text)) or (_FIELD.match(para.text) and para.role is None):
            break
        runs[-1].append((index, para))
    runs = [run for run in runs if run]
    title_run = runs[-1] if runs else []
    if not title_run:  # a "site name" with no title after it is the title (筑牢安全网)
        notes = [(index, why) for index, why in notes if why != "site name"]
    drop: dict[int, str] = dict(notes)
    if any(p.role == "title" for _, p in title_run):  # the document's markup says where its title is
        styled = [p.role for _, p in title_run].index("title")
        for index, para in title_run[:styled]:
            drop[index] = N_("column title") if column_title(para.text) else \
                N_("above the paragraph styled as the title")
        title_run = title_run[styled:]
    while len(title_run) > 1 and title_run[0][1].role is None and column_title(title_run[0][1].text):
        drop[title_run[0][0]] = N_("column title")
        title_run = title_run[1:]
    title = "".join(p.text for _, p in title_run)
    seen: list[str] = []
    for index, para in title_run:  # a line printed twice inside the title's own run
        if squash(para.text) in seen:
            drop[index] = N_("title printed twice")
        seen.append(squash(para.text))
    first = title_run[0][0] if title_run else 0
    for run in runs[:-1]:
        for index, para in run:
            text = squash(para.text)
            if index >= first:
                continue
            if column_title(para.text):
                drop[index] = N_("column title")
            elif text and (text in squash(title) or squash(title) in text):
                drop[index] = N_("title printed twice")
            else:
                drop[index] = N_("site or column name above the title (set off by the page's meta line)")
    if not drop:
        return paras, title_run[0][1].text if title_run else ""
    for index in sorted(drop):
        dropped.append(Dropped(paras[index].line, paras[index].text, _(drop[index])))
    dropped.sort(key=lambda d: d.line)
    kept = [p for index, p in enumerate(paras) if index not in drop]
    return kept, title_run[0][1].text if title_run else ""


def drop_tail_note(paras: list[Para], dropped: list[Dropped]) -> list[Para]:
    """The end without an editor's remark on its own line (（作者系……）, （根据录音整理）) and the
    last paragraph without a closing source or editor note: ……。（来源：新华社）."""
    while len(paras) > 1 and paras[-1].role is None and _EDITOR_REMARK.match(paras[-1].text):
        dropped.append(Dropped(paras[-1].line, paras[-1].text, _("editor's note")))
        paras = paras[:-1]
    if not paras:
        return paras
    last = paras[-1]
    match = _TAIL_NOTE.search(last.text)
    if not match or not last.text[:match.start()].strip() or last.role is not None:
        return paras
    dropped.append(Dropped(last.line, match.group().strip(), _("source note at the end")))
    return paras[:-1] + [last.with_text(last.text[:match.start()].rstrip())]
