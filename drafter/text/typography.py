"""Chinese punctuation (GB/T 15834-2011, GB/T 15835-2011): find and fix marks typed wrongly in
Chinese text.

One function reviews a text (:func:`punctuation_review`): the *fixes* it is sure of and the
*doubts* it is not (a single ``—`` between two Chinese words is a 破折号 typed short or the 一字线
of ``北京—上海``). Rendering applies the fixes, ``check`` reports both (doubts with the choices
named, never with an edit) and ``fix`` applies the same fixes, so all three agree case by case.

ASCII punctuation is left alone inside Latin words (``I'm``, ``Node.js``), numbers (``3.5``,
``1:2``, ``1,000``), URLs and e-mail addresses; a mark is changed when the clause it belongs to
is Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))
_CJK_PUNCT_RANGES = ((0x3000, 0x303F), (0xFF01, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40),
                     (0xFF5B, 0xFF60))
_CJK_PUNCT_CHARS = frozenset("\u2018\u2019\u201c\u201d\u2026\u2014\u00b7")
# Code-point tests rather than regex classes: a class over ~28,000 code points costs ~3 ms per
# pattern at every start-up, and these are only ever asked about single characters.

_DIGITS = "0-9\uff10-\uff19"
_URL = re.compile(r"(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_NOTE_MARK = re.compile(r"\[(?:@[A-Za-z0-9_,\- ]+|\^[^\]\s]+)\]")
"""A citation ``[@2,3]`` or a footnote mark ``[^note]`` (see the outline's notes): markup, not prose."""
_URL_TAIL = ".,;:!?'"
"""Marks that end a sentence after an address rather than belong to it (as linkifiers decide)."""

_MARKS = re.compile("[,;:?!.\u2026\u2014(\"'<\\[\uff3b\u3010\uff08\u201c\u2018\u2022\u30fb-]|\u3002{3}")
"""Every character the rules below start from: text without any has nothing to review."""

_SIMPLE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_OPENERS = "（《“‘〔【「『〈"
_CLOSERS = "）》”’〕】」』〉"
_CLAUSE_ENDS = frozenset("，,；;：:。！!？?\n")

# Characters that make up nearly all transliterated foreign names (新华社译名用字): a "." between
# two runs of them is the 间隔号 of 马克·吐温, not a full stop.
_TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥巴拔白班邦保鲍贝本比彼毕波伯博布采策查柴彻茨达戴丹道德邓迪蒂丁杜敦多俄厄"
    "恩尔法凡范菲费芬丰佛弗福夫盖甘冈高戈格葛根古瓜圭哈海汉豪赫黑亨胡华怀惠霍基吉加贾杰金京"
    "久居卡凯坎康考柯科可克肯库夸奎拉莱兰朗劳勒雷累黎里理丽利连列林琳留卢鲁伦罗洛吕马玛迈麦"
    "曼芒梅门蒙米敏明莫默姆穆纳奈南内尼涅宁纽努诺欧帕派潘庞佩彭皮平坡珀普奇齐契乔切琴丘萨塞"
    "桑瑟森沙莎山尚什圣施史舒斯思苏索塔泰坦汤唐特滕提田图托瓦万旺威韦维温沃乌伍西希锡夏谢辛"
    "休雅亚扬耶伊因英尤于约泽扎詹朱兹佐宾冯汀娜娃薇茜莉妮黛蕾芙露丝缇萝吐翰姆赛伏霍堡钦"
    "沁宙迦侬裘琼蓓莲岚妲璐密逊斐瑞罕柏娅琪"
)
_ZH_NUMERALS = frozenset("一二三四五六七八九十〇")


@dataclass(frozen=True)
class Fix:
    """Replace ``text[start:end]`` with ``replacement``; ``code`` names the kind of fault."""

    start: int
    end: int
    replacement: str
    code: str


@dataclass(frozen=True)
class Doubt:
    """``text[start:end]`` may be wrong, but only the writer knows: ``choices`` are the readings."""

    start: int
    end: int
    choices: tuple[str, ...]
    code: str


@dataclass(frozen=True)
class Review:
    """What :func:`punctuation_review` found: the sure fixes and the doubts."""

    fixes: list[Fix]
    doubts: list[Doubt]


def _is_cjk(char: str) -> bool:
    """Whether one character is a CJK ideograph."""
    if not char:
        return False
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def has_chinese(text: str) -> bool:
    """Whether the text holds any CJK ideograph."""
    if text.isascii():
        return False
    return any(char >= "\u3400" and _is_cjk(char) for char in text)


def _is_chinese(char: str) -> bool:
    """Whether one character (or "") is a CJK ideograph or Chinese punctuation."""
    if not char:
        return False
    if _is_cjk(char) or char in _CJK_PUNCT_CHARS:
        return True
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_PUNCT_RANGES)


def _is_digit(char: str) -> bool:
    return bool(char) and ("0" <= char <= "9" or "\uff10" <= char <= "\uff19")


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The nearest characters before ``start`` and from ``end`` on, skipping spaces."""
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    j, size = end, len(text)
    while j < size and text[j] == " ":
        j += 1
    return (text[i] if i >= 0 else ""), (text[j] if j < size else "")


def _clause_before(text: str, i: int) -> str:
    """The text from the previous clause mark (or the start) up to ``i``."""
    j = i - 1
    while j >= 0 and text[j] not in _CLAUSE_ENDS:
        j -= 1
    return text[j + 1:i]


def _sentence_before(text: str, i: int) -> str:
    """The text from the previous sentence end (。！？.!? or a line break) up to ``i``."""
    j = i - 1
    while j >= 0 and text[j] not in "。！？!?\n" and not (text[j] == "." and not _is_digit(text[j + 1:j + 2])):
        j -= 1
    return text[j + 1:i]


def _clause_after(text: str, i: int) -> str:
    """The text after ``i`` up to the next clause mark (or the end)."""
    j = i + 1
    while j < len(text) and text[j] not in _CLAUSE_ENDS:
        j += 1
    return text[i + 1:j]


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Where URLs, e-mail addresses and note marks are: their punctuation is theirs, not the sentence's."""
    if "@" not in text and "://" not in text and "www." not in text and "[^" not in text:
        return []
    spans = [match.span() for match in _NOTE_MARK.finditer(text)]
    for pattern in (_URL, _EMAIL):
        for match in pattern.finditer(text):
            start, end = match.span()
            while end > start and text[end - 1] in _URL_TAIL:
                end -= 1
            spans.append((start, end))
    return spans


def punctuation_review(text: str) -> Review:
    """Every mark in Chinese context that is wrong (a fix) or may be wrong (a doubt)."""
    if _MARKS.search(text) is None or not has_chinese(text):
        return Review([], [])
    for start, end in protected_spans(text):  # an address reads as one Latin word to the rules
        text = text[:start] + "a" * (end - start) + text[end:]

    def free(i: int) -> bool:
        return True

    fixes: list[Fix] = []
    doubts: list[Doubt] = []
    fixes.extend(_file_number_fixes(text))
    fixes.extend(_simple_fixes(text, free))
    fixes.extend(_ellipsis_fixes(text, free))
    _dash_review(text, free, fixes, doubts)
    _period_review(text, free, fixes, doubts)
    fixes.extend(_interpunct_fixes(text))
    fixes.extend(_bracket_fixes(text, free))
    fixes.extend(_title_mark_fixes(text, free))
    fixes.extend(_quote_fixes(text, free))
    fixes.sort(key=lambda f: (f.start, -f.end))
    return Review(_without_overlaps(fixes), sorted(doubts, key=lambda d: d.start))


def punctuation_fixes(text: str) -> list[Fix]:
    """The sure fixes of :func:`punctuation_review` (what rendering and ``fix`` apply)."""
    return punctuation_review(text).fixes


# ---------------------------------------------------------------------------------------------
# , ; : ? !


def _simple_fixes(text: str, free: Callable[[int], bool]) -> list[Fix]:
    fixes = []
    for match in re.finditer(r"[,;:?!]", text):
        i, mark = match.start(), match.group()
        if not free(i):
            continue
        before, after = _neighbours(text, i, i + 1)
        if mark == ":" and _is_digit(before) and _is_digit(after):
            continue  # a ratio or a time: 1:2, 9:30
        if mark == "," and _is_digit(text[i - 1:i]) and _is_digit(text[i + 1:i + 2]):
            replacement = _comma_between_numbers(text, i)
            if replacement:
                fixes.append(Fix(i, i + 1, replacement, "half-width"))
            continue
        if _is_chinese(before) or _is_chinese(after) or _chinese_clause(text, i):
            fixes.append(_spaced_fix(text, i, i + 1, _SIMPLE[mark], "half-width"))
    return fixes


def _chinese_clause(text: str, i: int) -> bool:
    """Whether the mark at ``i`` (touching Latin, digits, %, ]) ends a Chinese clause.

    ``我们使用Python?`` and ``GDP增长6.5%,CPI上涨2%`` are Chinese on the side that matters;
    ``他说Hello, world`` is not (the clause after the comma holds no Chinese).
    """
    rest = text[i + 1:].strip()
    if not has_chinese(_sentence_before(text, i) if not rest else _clause_before(text, i)):
        return False
    return not rest or has_chinese(_clause_after(text, i)) or _is_chinese(rest[0])


def _comma_between_numbers(text: str, i: int) -> str | None:
    """A comma between digits: None for a thousands separator (1,000), else ， or 、.

    ``第1,2,3条`` and ``120,150,180万元`` are lists of numbers (、); ``2023年为120,2024年为150``
    is two clauses (，).
    """
    group = re.match(f"[{_DIGITS}]+", text[i + 1:])
    assert group is not None
    digits = group.group()
    following = text[i + 1 + len(digits):i + 2 + len(digits)]
    head = re.search(f"[{_DIGITS}]+$", text[:i])
    assert head is not None
    lead = text[:head.start()]
    if len(digits) == 3 and len(head.group()) <= 3:
        return None  # 1,000 and １,０００ keep their separator
    if following in "年月日时":
        return "，"  # 120,2024年… starts a new clause
    if lead.endswith("第") or re.search(f"[{_DIGITS}],$", lead) or re.match(f",[{_DIGITS}]", following):
        return "、"
    if not has_chinese(text):
        return None
    return "，"


# ---------------------------------------------------------------------------------------------
# ellipsis and dashes


def _ellipsis_fixes(text: str, free: Callable[[int], bool]) -> list[Fix]:
    fixes = []
    for match in re.finditer(r"\.{3,}|…+|。{3,}", text):
        if match.group() == "……" or not free(match.start()):
            continue
        before, after = _neighbours(text, match.start(), match.end())
        if _is_chinese(before) or _is_chinese(after) or has_chinese(_clause_before(text, match.start())):
            fixes.append(Fix(match.start(), match.end(), "……", "ellipsis"))
    return fixes


def _dash_review(text: str, free: Callable[[int], bool], fixes: list[Fix], doubts: list[Doubt]) -> None:
    """``--`` and ``———`` are a 破折号 typed wrongly; a single ``—`` is also the 一字线 range
    connector (2008年—2020年, 7月18日—20日, 北京—上海): kept between numbers, a doubt between words."""
    for match in re.finditer(r"-{2,}|—+", text):
        typed = match.group()
        if typed == "——" or not free(match.start()):
            continue
        before, after = _neighbours(text, match.start(), match.end())
        if not (_is_chinese(before) or _is_chinese(after)):
            continue
        if typed == "—":
            date_range = before in "年月日时号" and after in _ZH_NUMERALS
            if _is_digit(before) or _is_digit(after) or date_range or not before:
                continue  # a range of numbers or dates, or a dash opening a subtitle line
            doubts.append(Doubt(match.start(), match.end(), ("——", "—"), "dash"))
            continue
        fixes.append(_spaced_fix(text, match.start(), match.end(), "——", "dash"))


# ---------------------------------------------------------------------------------------------
# full stop and 间隔号


def _period_review(text: str, free: Callable[[int], bool], fixes: list[Fix], doubts: list[Doubt]) -> None:
    for match in re.finditer(r"(?<!\.)\.(?!\.)", text):
        i = match.start()
        if i == 0 or not free(i):
            continue
        before, after = text[i - 1], text[i + 1:i + 2]
        if _is_digit(after) or after.isascii() and after.isalpha():
            continue  # 3.5, Node.js, e.g.
        if _is_cjk(before) and _is_cjk(after):
            kind = _dot_between_words(text, i)
            if kind == "interpunct":
                fixes.append(Fix(i, i + 1, "·", "interpunct"))
                continue
            if kind == "doubt":
                doubts.append(Doubt(i, i + 1, ("。", "·"), "interpunct"))
                continue
        if _is_digit(before) and (_enumeration_number(text, i) or _is_cjk(after)):
            continue  # 1.提高认识, 附件：1.统计表: a number typed as a list label
        ends_sentence = after in ("", " ") or _is_chinese(after)
        chinese_before = _is_cjk(before) or before in _CLOSERS
        if ends_sentence and (chinese_before or has_chinese(_sentence_before(text, i))):
            fixes.append(_spaced_fix(text, i, i + 1, "。", "half-width"))


def _dot_between_words(text: str, i: int) -> str:
    """``interpunct`` (马克.吐温, 九.一八), ``doubt`` or ``stop`` for a dot between two ideographs."""
    left = _run(text, i - 1, -1, _ZH_NUMERALS)
    right = _run(text, i + 1, 1, _ZH_NUMERALS)
    if 1 <= len(left) <= 2 and 1 <= len(right) <= 3 and _is_date_name(left, right, text, i):
        return "interpunct"
    left = _run(text, i - 1, -1, _TRANSLITERATION)
    right = _run(text, i + 1, 1, _TRANSLITERATION)
    if len(left) >= 2 and len(right) >= 2:
        return "interpunct"
    if left and right and (len(left) >= 2 or len(right) >= 2):
        return "doubt"
    return "stop"


def _is_date_name(left: str, right: str, text: str, i: int) -> bool:
    """九.一八, 一二.九, 五.四: a month and a day in Chinese numerals, not 一.二 in a sentence."""
    month_ok = left in {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "一二"}
    start, end = i - len(left), i + 1 + len(right)
    edge_before = start == 0 or not _is_cjk(text[start - 1])
    edge_after = end >= len(text) or not _is_cjk(text[end]) or text[end] in "运事变起"
    return month_ok and edge_before and edge_after


def _run(text: str, i: int, step: int, chars: frozenset[str]) -> str:
    out = []
    while 0 <= i < len(text) and text[i] in chars:
        out.append(text[i])
        i += step
    return "".join(out[::step])


def _enumeration_number(text: str, i: int) -> bool:
    """Whether the digits before ``text[i]`` (a dot) stand at the start of the text or a line."""
    j = i - 1
    while j >= 0 and _is_digit(text[j]):
        j -= 1
    if j >= 0 and text[j] == ":" and _is_digit(text[j - 1:j]):
        return False  # 3:1. is a score, not a label
    return j < 0 or text[j] in " \n\t\u3000：:；;，,、（("  # at the start, after 附件： or ；


def _interpunct_fixes(text: str) -> list[Fix]:
    """• ・ typed between two ideographs (马克•吐温) are the 间隔号 ·."""
    return [Fix(m.start(), m.end(), "·", "interpunct")
            for m in re.finditer("[\u2022\u30fb\u2027\u2219]", text)
            if _is_cjk(text[m.start() - 1:m.start()]) and _is_cjk(text[m.end():m.end() + 1])]


# ---------------------------------------------------------------------------------------------
# brackets, file numbers and title marks

_FILE_NUMBER = re.compile(
    "(?<=[\u4e00-\u9fff])[\\[\uff3b\u3010(\uff08\u3014]\\s*((?:19|20)[0-9]{2}|(?:\uff11\uff19|\uff12\uff10)[\uff10-\uff19]{2})"
    "\\s*[\\]\uff3d\u3011)\uff09\u3015](?=\\s*[0-9\uff10-\uff19]+\\s*号)")
"""国办发[2025]12号, (2025), 【2025】, ［2025］: the year of a 发文字号 (GB/T 9704 7.2.4) takes 〔〕."""


def _file_number_fixes(text: str) -> list[Fix]:
    if "号" not in text:
        return []
    fixes = []
    for match in _FILE_NUMBER.finditer(text):
        typed = match.group()
        wanted = f"〔{match.group(1)}〕"
        if typed != wanted:
            fixes.append(Fix(match.start(), match.end(), wanted, "file-number"))
    return fixes


def _bracket_fixes(text: str, free: Callable[[int], bool]) -> list[Fix]:
    fixes: list[Fix] = []
    if "(" not in text:
        return fixes
    stack: list[int] = []
    for i, char in enumerate(text):
        if char == "(" and free(i):
            stack.append(i)
        elif char == ")" and stack and free(i):
            start = stack.pop()
            inside = text[start + 1:i]
            before = text[:start].rstrip(" ")[-1:]
            after = text[i + 1:].lstrip(" ")[:1]
            paragraph_label = start == 0 and re.fullmatch(f"[{_DIGITS}a-zA-Z一二三四五六七八九十]+", inside)
            if has_chinese(inside) or _is_chinese(before) or (paragraph_label and _is_chinese(after)) \
                    or (_is_chinese(after) and not (before.isascii() and before.isalnum())):
                opening = _spaced_fix(text, start, start + 1, "（", "half-width")
                if opening.end > start + 1:  # keep a space typed inside the bracket
                    opening = Fix(opening.start, start + 1, "（", "half-width")
                fixes.append(opening)
                fixes.append(Fix(i, i + 1, "）", "half-width"))
    return fixes


_ANGLE_TITLE = re.compile(r"<<([^<>=\n]{1,60})>>|<([^<>=\n]{1,60})>")


def _title_mark_fixes(text: str, free: Callable[[int], bool]) -> list[Fix]:
    """<宪法> and <<宪法>> are a book title typed with ASCII angles: 《宪法》."""
    if "<" not in text:
        return []
    fixes = []
    for match in _ANGLE_TITLE.finditer(text):
        inside = match.group(1) or match.group(2)
        if free(match.start()) and has_chinese(inside):
            fixes.append(Fix(match.start(), match.end(), f"《{inside}》", "half-width"))
    return fixes


# ---------------------------------------------------------------------------------------------
# quotation marks


def _is_apostrophe(text: str, i: int) -> bool:
    """I'm, Tom's, Xi'an, 90's: a ' between a Latin letter or digit and a Latin letter."""
    before, after = text[i - 1:i], text[i + 1:i + 2]
    return bool(before) and before.isascii() and before.isalnum() and after.isascii() and after.isalpha()


def _quote_fixes(text: str, free: Callable[[int], bool]) -> list[Fix]:
    """Straight quotes made curly, and nested quotations alternating “ ‘ ’ ” by depth.

    Curly marks give the structure; a straight mark closes the straight mark of its kind that is
    open on top, else opens. A straight mark left open opens a quotation that goes on into the
    next paragraph (GB/T 15834 4.3.3: each paragraph opens with “, only the last closes).
    """
    if not any(mark in text for mark in "\"'“‘”’"):
        return []
    stack: list[tuple[int, str, bool]] = []  # (position, "d" or "s", typed straight)
    pairs: list[tuple[int, int | None, str, bool, int]] = []  # open, close, kind, straight, depth
    for i, char in enumerate(text):
        if char not in "\"'“”‘’" or not free(i):
            continue
        if char == "'" and _is_apostrophe(text, i):
            continue
        kind = "d" if char in "\"“”" else "s"
        if char in "\"'":
            if stack and stack[-1][1] == kind and stack[-1][2]:
                start, _, _ = stack.pop()
                pairs.append((start, i, kind, True, len(stack) + 1))
            else:
                stack.append((i, kind, True))
        elif char in "“‘":
            stack.append((i, kind, False))
        else:  # a curly closer closes the nearest opener of its kind
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][1] == kind:
                    start, _, straight = stack[depth]
                    del stack[depth:]
                    pairs.append((start, i, kind, straight, depth + 1))
                    break
    for start, kind, straight in stack:
        if straight and kind == "d" and has_chinese(text[start + 1:]):
            pairs.append((start, None, kind, True, 1))  # a quotation continued in the next paragraph
    fixes = []
    for start, end, kind, straight, depth in pairs:
        inside = text[start + 1:end] if end is not None else text[start + 1:]
        if straight and kind == "s" and depth == 1 and not has_chinese(inside):
            continue  # 'OK' in a Chinese sentence may be meant literally
        if not straight and kind == "s" and depth == 1:
            continue  # a top-level ‘…’ typed on purpose
        outer = depth % 2 and not (kind == "s" and depth == 1)  # a typed '…' at the top stays single
        opening, closing = ("“", "”") if outer else ("‘", "’")
        if text[start] != opening:
            fixes.append(Fix(start, start + 1, opening, "quote"))
        if end is not None and text[end] != closing:
            fixes.append(Fix(end, end + 1, closing, "quote"))
    return fixes


# ---------------------------------------------------------------------------------------------
# applying


def _spaced_fix(text: str, start: int, end: int, replacement: str, code: str) -> Fix:
    """A fix that also swallows spaces around a full-width mark (full-width marks carry their own)."""
    while start > 0 and text[start - 1] == " ":
        start -= 1
    while end < len(text) and text[end] == " ":
        end += 1
    return Fix(start, end, replacement, code)


def _without_overlaps(fixes: list[Fix]) -> list[Fix]:
    kept: list[Fix] = []
    for fix in fixes:
        if kept and fix.start < kept[-1].end:
            continue
        kept.append(fix)
    return kept


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """The text with non-overlapping ``fixes`` applied."""
    out, last = [], 0
    for fix in fixes:
        out.append(text[last:fix.start])
        out.append(fix.replacement)
        last = fix.end
    out.append(text[last:])
    return "".join(out)


def normalise_punctuation(text: str) -> str:
    """Chinese text with every sure fix of :func:`punctuation_review` applied (doubts kept as typed)."""
    for _ in range(3):  # a fixed mark can give its neighbour Chinese context: "(附表)." → "（附表）。"
        fixes = punctuation_fixes(text)
        if not fixes:
            break
        text = apply_fixes(text, fixes)
    return text


def join_lines(text: str) -> str:
    """Join a paragraph typed over several lines: no space between Chinese characters."""
    if "\n" not in text:
        return text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        gap = "" if (_is_chinese(out[-1:]) or _is_chinese(line[:1])) else " "
        out += gap + line
    return out
