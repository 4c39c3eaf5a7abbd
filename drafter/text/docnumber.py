"""发文字号 (document numbers) as GB/T 9704 writes them: 江规发〔2025〕12号.

People type the year in whatever brackets their keyboard gives — ``[2025]``, ``(2025)``,
``（2025）``, ``【2025】`` — add 第 and leading zeros; the standard wants the full year in
六角括号 〔〕, no 第, no leading zeros, then 号. Shared by rendering and ``drafter check``.
"""

from __future__ import annotations

import re

_OPEN = "[［(（【〔{｛<〈"
_CLOSE = "]］)）】〕}｝>〉"
_NUMBER = re.compile(
    rf"^\s*(?P<prefix>[^\d{re.escape(_OPEN)}]*?)\s*"
    rf"(?:[{re.escape(_OPEN)}]\s*(?P<year>\d{{4}})\s*[{re.escape(_CLOSE)}]|(?P<bare>\d{{4}})\s*年?)\s*"
    r"第?\s*(?P<serial>\d+)\s*号?\s*$"
)


def parse_doc_number(text: str) -> tuple[str, int, int] | None:
    """(prefix, year, serial) of a document number however it was typed; None if it is not one."""
    match = _NUMBER.match(text)
    if not match:
        return None
    year = match.group("year") or match.group("bare")
    return match.group("prefix").strip(), int(year), int(match.group("serial"))


def normalise_doc_number(text: str, prefix: str = "") -> str:
    """``江规发[2025]012号`` → ``江规发〔2025〕12号``; ``prefix`` is used when the text has none.

    Text that is not recognisably a document number is returned as typed (stripped).
    """
    parsed = parse_doc_number(text)
    if parsed is None:
        return text.strip()
    own, year, serial = parsed
    return f"{own or prefix.strip()}〔{year}〕{serial}号"
