"""Line cleanup and page boilerplate: what a web page or PDF adds around the document's text.

Boilerplate is never dropped silently: every dropped line becomes a :class:`Dropped` record
that the command reports on stderr (and the library returns), with the reason it was dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.extraction.sources import Para
from drafter.i18n import N_, _


@dataclass(frozen=True)
class Dropped:
    """A source line left out of the outline, and why."""

    line: int
    text: str
    reason: str

    def __str__(self) -> str:
        return _("line {line}: {reason}: {text}").format(line=self.line, reason=self.reason, text=self.text)


_SPACES = re.compile(r"[\u00a0\u2002-\u200b\u202f\u205f\ufeff]")
_SPREAD_LABEL = re.compile(r"^[\[【]?(摘\s+要|关\s*键\s*词|关\s+键\s*字|引\s+言|前\s+言|结\s+语|作\s+者|目\s+录|附\s+件)(?=\s*[\]】:：]|\s*$)")


def clean_text(text: str) -> str:
    """One line's text with odd spaces made plain, ideographic spaces removed and ends trimmed.

    Spaces spread inside labels ("摘 要：", "关 键 词") are closed up; other spaces are kept.
    """
    text = _SPACES.sub(" ", text).strip(" \t\u3000")
    return _SPREAD_LABEL.sub(lambda m: re.sub(r"\s+", "", m.group()), text)


# (reason, pattern) — matched against the whole cleaned line.
_BOILERPLATE: tuple[tuple[str, re.Pattern[str]], ...] = tuple((reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in (
    (N_("truncation notice"), r".*(此处隐藏\s*\d*\s*字|下载后查看|下载后可查看|余下全文|全文未完|点击查看全文|阅读全文).*"),
    (N_("copy-button text"), r"(正文|全文)?复制(正文|全文)?|复制本文|下载(本文|文档|word)?"),
    (N_("source/date line"), r"(更新时间|发布时间|发布日期|发表时间|上传时间|时间|日期)\s*[:：].{0,40}(来源|作者|浏览|阅读|点击|字号|投稿)\s*[:：].{0,60}"),
    (N_("source/date line"), r"(来源|稿源|文章来源|信息来源)\s*[:：]\s*\S.{0,40}"),
    (N_("source/date line"), r"\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?\s*(\d{1,2}:\d{2}(:\d{2})?)?\s*"
                         r"(来源|作者|编辑|责任编辑|稿源)\s*[:：].{0,60}"),
    (N_("source/date line"), r"(浏览|阅读|点击)(次数|数|量)?\s*[:：]?\s*\d+\s*次?"),
    (N_("source/date line"), r"[（(【\[]\s*(来源|稿源|文章来源|信息来源|本文来源|转自|摘自|来自)\s*[:：]?\s*[^（）()【】\[\]]{1,40}[）)】\]]"),
    (N_("source/date line"), r"(发布时间|发布日期|发表时间|更新时间|上传时间|发布者|发布人|发布单位|供稿单位|供稿)\s*[:：].{0,40}"),
    (N_("download link"), r".{0,20}(点击|附件|文档|文件|全文|原文|资料)\s*下载.{0,60}|下载\s*[:：].{0,60}|.{0,20}\.(docx?|wps|pdf|xlsx?|zip|rar)\s*[（(]?\s*\d*(\.\d+)?\s*[kKmM]?[bB]?\s*[）)]?"),
    (N_("link line"), r"(原文|本文|相关|文章|网页|网址|阅读原文)?(链接|网址|地址)\s*[:：]\s*\S{0,200}|.{0,20}(https?://|www\.)\S+"),
    (N_("editor line"), r"[（(]?\s*(责任编辑|网络编辑|编辑|责编|编审)\s*[:：].{0,40}"),
    (N_("copyright line"), r"(copyright|©|版权所有|版权声明|免责声明|特别声明|本站声明|本网声明|special statement).*"),
    (N_("copyright line"), r"[^。！？]{0,80}(copyright|©|版权所有|all rights reserved)[^。！？]{0,80}"),
    (N_("ICP line"), r".{0,80}(icp\s*[备证]|公网安备|网安备).{0,80}"),
    (N_("navigation line"), r"(网站首页|首页|主页|当前位置|您的位置|您现在的位置|所在位置|现在位置)\s*[:：>»/→›＞].{0,60}|"
                        r".{0,30}(\s*(>>|[>»→›＞]|-->)\s*.{1,14}){2,}"),
    (N_("navigation line"), r"(返回列表|返回顶部|返回首页|上一篇|下一篇|上一页|下一页|打印本页|关闭窗口|分享到|扫一扫|收藏本文|举报|相关阅读|推荐阅读|相关文章|热门文章|友情链接|联系我们|网站地图|字号\s*[:：]?\s*大\s*中\s*小|【\s*字体\s*[:：].*|【\s*打印\s*】.*).{0,40}"),
    (N_("navigation line"), r"(【\s*(打印|关闭|关闭窗口|纠错|收藏|分享|返回|返回顶部|评论|推荐|大|中|小|字体[:：]?.{0,8}|打印本页)\s*】\s*){1,6}"),
    (N_("navigation line"), r"(return to list|back to top|recommended reading.*|related articles?|links|share( to)?|print|close|previous( article)?|next( article)?|home)"),
    (N_("share/QR line"), r".{0,20}(扫一扫|扫码|扫描二维码|长按识别|长按二维码|关注公众号|分享至|转发至|点击上方|点击蓝字|蓝字关注|"
                      r"预览时标签不可点|微信扫一扫|继续滑动看下一个|向上滑动看下一个|轻触阅读原文|轻点两下)[^。！？]{0,40}"),
    (N_("share/QR line"), r"((阅读原文|在看|点赞|赞赏|星标|分享|收藏|转发|留言|写留言|推荐)\s*[|｜/·、，,]?\s*){1,6}"),
    (N_("source/date line"), r"(原创\s+)?[^。！？]{0,40}\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}"
                         r"(:\d{2})?([^。！？]{0,20}发表于.{0,10})?"),
    (N_("contact line"), r"(submission mailbox|投稿邮箱|tel|e-?mail)\s*[:：].{0,80}"),
    (N_("stray markup (no words)"), r"[<>|/\\*#=~^_`'\"\-–•.,:;!?(){}\[\]+\s]{1,20}"),
    (N_("page number"), r"[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3}|page \d+( of \d+)?"),
))


_META_LABEL = re.compile(r"(文章来源|信息来源|来源|稿源|作者|发布时间|发布日期|发表时间|更新时间|时间|日期|点击数|点击量|点击率|"
                         r"浏览次数|浏览量|浏览|阅读量|阅读次数|阅读数|阅读|访问量|责任编辑|编辑|发布者|发布人|发布单位|供稿|"
                         r"审核|核稿|摄影|字号|访问次数)\s*[:：]")


def meta_line(text: str) -> bool:
    """A web page's meta line: two or more labels such as 文章来源： 作者： 发布时间： 点击数： on one short line."""
    if len(text) > 140 or re.search(r"[。！？]", text):
        return False
    return len({m.group(1) for m in _META_LABEL.finditer(text)}) >= 2


def boilerplate_reason(text: str) -> str | None:
    """Why the cleaned line ``text`` is page boilerplate, or None when it is content."""
    if meta_line(text):
        return _("source/date line")
    for reason, pattern in _BOILERPLATE:
        if pattern.fullmatch(text):
            return _(reason)
    return None


def clean(paras: list[Para]) -> tuple[list[Para], list[Dropped]]:
    """Paragraphs with cleaned text and boilerplate removed; blank items are kept for plain text."""
    kept: list[Para] = []
    dropped: list[Dropped] = []
    for para in paras:
        text = clean_text(para.text)
        if text and para.role is None:
            reason = para.furniture or boilerplate_reason(text)
            if reason:
                dropped.append(Dropped(para.line, text, reason))
                continue
        kept.append(para.with_text(text))
    return kept, dropped


def drop_running_headers(paras: list[Para], title: str, dropped: list[Dropped]) -> list[Para]:
    """Remove repeats of the title after the first (page headers of a PDF), recording each."""
    if not title:
        return paras
    key = re.sub(r"\s+", "", title)
    out, seen = [], False
    for para in paras:
        if para.text and re.sub(r"\s+", "", para.text) == key:
            if seen:
                dropped.append(Dropped(para.line, para.text, _("running header (repeats the title)")))
                continue
            seen = True
        out.append(para)
    return out


_CONTENTS = re.compile(r"目\s*录|目\s*次|contents|table of contents", re.IGNORECASE)
_CONTENTS_LINE = re.compile(r".{1,80}?(?:[.…·．_\-]{2,}|\s{2,}|\t)\s*\d{1,3}\s*$")


def drop_contents(paras: list[Para], dropped: list[Dropped]) -> tuple[list[Para], bool]:
    """Remove a table of contents ("目录" and lines ending in page numbers), recording each line;
    True when there was one."""
    for index, para in enumerate(paras):
        if not _CONTENTS.fullmatch(para.text.strip()):
            continue
        end = index + 1
        entries = 0
        while end < len(paras) and (not paras[end].text or _CONTENTS_LINE.fullmatch(paras[end].text)):
            entries += bool(paras[end].text)
            end += 1
        if entries >= 2 or para.role == "toc_heading":  # drafter's own 目录 over an unfilled field
            for gone in paras[index:end]:
                if gone.text:
                    dropped.append(Dropped(gone.line, gone.text, _("table of contents")))
            return paras[:index] + paras[end:], True
    return paras, False
