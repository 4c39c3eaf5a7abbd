"""The only module that writes WordprocessingML: parts of a DOCX package as XML text.

Every run carries all four font slots (ascii, hAnsi, eastAsia, cs): python-docx's ``font.name``
sets only two, and Word prefers theme fonts when a slot is missing, so no theme is written.
Child elements follow the schema's order (CT_PPr, CT_RPr, CT_SectPr, CT_Settings), which Word
enforces. Strings are built directly: for a few hundred paragraphs this is several times faster
than building trees, and the escaping below is the only place text enters XML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from drafter.docx.profile import Page, PageNumbers, Profile, Rule, Style

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both", "distribute": "distribute"}


def escape(text: str) -> str:
    """Text made safe for XML content and attribute values (illegal characters dropped)."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def style_id(element: str) -> str:
    """The style id of a profile element: body is Normal, heading1 is Heading1, lead3 is Lead3."""
    if element == "body":
        return "Normal"
    return "".join(part[:1].upper() + part[1:] for part in element.split("_"))


def _style_name(element: str) -> str:
    if element == "body":
        return "Normal"
    if element.startswith("heading") and element[7:].isdigit():
        return f"heading {element[7:]}"  # Word's built-in names: navigation pane, TOC
    if element.startswith("toc") and element[3:].isdigit():
        return f"toc {element[3:]}"  # Word's TOC entry styles (LibreOffice: Contents N)
    return {"title": "Title", "subtitle": "Subtitle"}.get(element, element)


def _char_style_name(element: str) -> str:
    name = _style_name(element)
    return ("Heading" + name[7:] if name.startswith("heading ") else name) + " Char"


def fonts(east_asian: str, latin: str) -> str:
    """``w:rFonts`` with all four slots set."""
    e, l = escape(east_asian), escape(latin)
    return f'<w:rFonts w:ascii="{l}" w:hAnsi="{l}" w:eastAsia="{e}" w:cs="{l}"/>'


def run_properties(style: Style, *, char_style: str | None = None) -> str:
    """``w:rPr`` content for a run in ``style`` (fonts always; the rest comes from the style)."""
    prefix = f'<w:rStyle w:val="{char_style}"/>' if char_style else ""
    return prefix + fonts(style.font, style.latin_font)


def _style_rpr(style: Style) -> str:
    parts = [fonts(style.font, style.latin_font)]
    if style.bold:
        parts.append("<w:b/><w:bCs/>")
    if style.italic:
        parts.append("<w:i/><w:iCs/>")
    if style.color:
        parts.append(f'<w:color w:val="{style.color}"/>')
    # Always explicit: styles are based on Normal, whose grid spacing must not leak into a title.
    parts.append(f'<w:spacing w:val="{style.spacing_twentieths}"/>')
    if style.scale is not None:
        parts.append(f'<w:w w:val="{style.scale}"/>')
    parts.append(f'<w:sz w:val="{style.half_points}"/><w:szCs w:val="{style.half_points}"/>')
    return "".join(parts)


def _style_ppr(style: Style, body_half_points: int) -> str:
    parts = []
    if style.keep_with_next:
        parts.append("<w:keepNext/>")
    # No punctuation hanging past the right margin (LibreOffice and Word both hang it by
    # default, and LibreOffice reads this only from paragraph styles): lines end inside the block.
    parts.append('<w:widowControl w:val="0"/>')
    if style.rule_above or style.rule_below:
        parts.append(paragraph_rules(style.rule_above, style.rule_below))
    if style.right_tab_tw is not None:
        parts.append(f'<w:tabs><w:tab w:val="right" w:pos="{style.right_tab_tw}"/></w:tabs>')
    parts.append('<w:overflowPunct w:val="0"/>')
    if style.half_points > body_half_points:
        # LibreOffice gives a line whose font is taller than the grid pitch two grid lines,
        # even at an exact line height (Word lets the exact height win); off the grid, both
        # give it the exact height.
        parts.append('<w:snapToGrid w:val="0"/>')
    spacing = f'<w:spacing w:before="{style.before_tw}" w:after="{style.after_tw}"'
    if style.line_tw:
        spacing += f' w:line="{style.line_tw}" w:lineRule="exact"'
    parts.append(spacing + "/>")
    parts.append(_indent(style.first_line_tw, style.first_line_chars, style.left_tw,
                         style.right_tw, style.hanging_tw))
    parts.append(f'<w:jc w:val="{_JC[style.align]}"/>')
    if style.level:
        parts.append(f'<w:outlineLvl w:val="{style.level - 1}"/>')
    return "".join(parts)


def border(side: str, rule: Rule) -> str:
    """One border edge (``top``, ``bottom``, ``insideH``…) drawn as ``rule``."""
    return (f'<w:{side} w:val="{rule.style}" w:sz="{rule.eighths}" w:space="{rule.space_pt}" '
            f'w:color="{rule.color}"/>')


def paragraph_rules(above: Rule | None, below: Rule | None) -> str:
    """``w:pBdr`` with a rule above and/or below the paragraph (schema order: top before bottom)."""
    edges = (border("top", above) if above else "") + (border("bottom", below) if below else "")
    return f"<w:pBdr>{edges}</w:pBdr>"


def _indent(first_tw: int, first_chars: int, left_tw: int, right_tw: int, hanging_tw: int) -> str:
    attrs = f'w:left="{left_tw}" w:right="{right_tw}"'
    if hanging_tw:
        attrs += f' w:hanging="{hanging_tw}"'
    else:
        # LibreOffice reads only w:firstLine; Word prefers w:firstLineChars. Write both.
        attrs += f' w:firstLineChars="{first_chars}" w:firstLine="{first_tw}"'
    return f"<w:ind {attrs}/>"


def styles_part(profile: Profile) -> str:
    """``word/styles.xml``: document defaults, then a paragraph and a character style per element."""
    body = profile.style("body")
    lang = escape(profile.language)
    out = [XML_HEADER, f'<w:styles xmlns:w="{W_NS}">',
           "<w:docDefaults><w:rPrDefault><w:rPr>", fonts(body.font, body.latin_font),
           f'<w:sz w:val="{body.half_points}"/><w:szCs w:val="{body.half_points}"/>',
           # w:val is the language of Latin text: a Chinese document's English words are English
           # (as Word's Chinese template writes it); zh-CN there makes LibreOffice break words anywhere.
           f'<w:lang w:val="{"en-US" if lang.startswith("zh") else lang}" '
           f'w:eastAsia="{lang if lang.startswith("zh") else "zh-CN"}" '
           'w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>',
           '<w:widowControl w:val="0"/><w:overflowPunct w:val="0"/></w:pPr></w:pPrDefault></w:docDefaults>',
           '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
           '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
           "<w:unhideWhenUsed/></w:style>"]
    for name, style in profile.styles.items():
        sid = style_id(name)
        default = ' w:default="1"' if name == "body" else ""
        based = "" if name == "body" else '<w:basedOn w:val="Normal"/>'
        out.append(
            f'<w:style w:type="paragraph"{default} w:styleId="{sid}"><w:name w:val="{escape(_style_name(name))}"/>'
            f'{based}<w:link w:val="{sid}Char"/><w:qFormat/><w:pPr>{_style_ppr(style, body.half_points)}</w:pPr>'
            f"<w:rPr>{_style_rpr(style)}</w:rPr></w:style>"
            f'<w:style w:type="character" w:customStyle="1" w:styleId="{sid}Char">'
            f'<w:name w:val="{escape(_char_style_name(name))}"/><w:basedOn w:val="DefaultParagraphFont"/>'
            f'<w:link w:val="{sid}"/><w:rPr>{_style_rpr(style)}</w:rPr></w:style>'
        )
    numbers = profile.page_numbers
    out.append(
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>'
        '<w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:left="0" w:right="0" w:firstLineChars="0" w:firstLine="0"/></w:pPr>'
        f"<w:rPr>{fonts(numbers.font, numbers.latin_font)}"
        f'<w:sz w:val="{numbers.half_points}"/><w:szCs w:val="{numbers.half_points}"/></w:rPr></w:style>'
    )
    out.append("</w:styles>")
    return "".join(out)


def paragraph(style_name: str, runs: Iterable[str], *, align: str | None = None,
              indent: tuple[int, int, int] | None = None, keep_next: bool = False,
              right_tw: int | None = None) -> str:
    """A ``w:p`` in a profile element's paragraph style, with already-built runs.

    ``keep_next`` keeps the paragraph on the page of the next one, whatever its style says.
    ``indent`` is (left, hanging) in twips, overriding the style's indents. A hanging indent is
    also written in character units (w:hangingChars, which Word prefers over a style's
    w:firstLineChars); LibreOffice reads w:hanging. Writing w:firstLine beside w:hanging would
    cancel the hang in LibreOffice, so it is written only when there is no hang.
    """
    ppr = "" if style_name == "body" else f'<w:pStyle w:val="{style_id(style_name)}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    right = "" if right_tw is None else f' w:right="{right_tw}"'
    if indent:
        left, hanging, hanging_chars = indent
        if hanging:
            ppr += f'<w:ind w:left="{left}"{right} w:hangingChars="{hanging_chars}" w:hanging="{hanging}"/>'
        else:
            ppr += f'<w:ind w:left="{left}"{right} w:firstLineChars="0" w:firstLine="0"/>'
    elif right:
        ppr += f"<w:ind{right}/>"
    if align:
        ppr += f'<w:jc w:val="{_JC[align]}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(runs)}</w:p>" if ppr else f"<w:p>{''.join(runs)}</w:p>"


def run(text: str, rpr: str) -> str:
    """A ``w:r`` of text (tabs kept) with ready-made run properties."""
    if "\t" in text:
        pieces = [f'<w:t xml:space="preserve">{escape(p)}</w:t>' if p else "" for p in text.split("\t")]
        body = "<w:tab/>".join(pieces)
    else:
        body = f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    return f"<w:r><w:rPr>{rpr}</w:rPr>{body}</w:r>"


def line_break(rpr: str) -> str:
    """A line break inside a paragraph."""
    return f"<w:r><w:rPr>{rpr}</w:rPr><w:br/></w:r>"


def page_break() -> str:
    """A paragraph holding a page break."""
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def field(instruction: str, placeholder: str, rpr: str, *, dirty: bool = False) -> str:
    """A complex field (PAGE, TOC, …) showing ``placeholder`` until it is updated."""
    flag = ' w:dirty="true"' if dirty else ""
    return (f'<w:r><w:rPr>{rpr}</w:rPr><w:fldChar w:fldCharType="begin"{flag}/></w:r>'
            f'<w:r><w:rPr>{rpr}</w:rPr><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
            f'<w:r><w:rPr>{rpr}</w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{escape(placeholder)}</w:t></w:r>'
            f'<w:r><w:rPr>{rpr}</w:rPr><w:fldChar w:fldCharType="end"/></w:r>')


TOC_INSTRUCTION = "TOC "
"""How a table-of-contents field's instruction starts (``TOC \\o "1-2" …``)."""


def has_toc_field(document_xml: str) -> bool:
    """Whether ``word/document.xml`` holds a table-of-contents field."""
    return f'<w:instrText xml:space="preserve"> {TOC_INSTRUCTION}' in document_xml


def toc_field(instruction: str, entries: list[tuple[str, str, str]], rpr: dict[str, str],
              tab_tw: int) -> str:
    """A TOC field whose result is already filled in: one paragraph per (style, text, page).

    The field begins in the first entry's paragraph and ends in the last one's, as Word writes
    it; each entry is its heading text, a right-aligned tab with a dot leader at ``tab_tw``,
    and the page number. Word and LibreOffice show it as it is and can update it again.
    """
    out = []
    last = len(entries) - 1
    for i, (style_name, text, page) in enumerate(entries):
        props = rpr[style_name]
        runs = []
        if i == 0:
            runs.append(f'<w:r><w:rPr>{props}</w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
                        f'<w:r><w:rPr>{props}</w:rPr><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
                        f'<w:r><w:rPr>{props}</w:rPr><w:fldChar w:fldCharType="separate"/></w:r>')
        runs.append(run(f"{text}\t{page}", props))
        if i == last:
            runs.append(f'<w:r><w:rPr>{props}</w:rPr><w:fldChar w:fldCharType="end"/></w:r>')
        out.append(f'<w:p><w:pPr><w:pStyle w:val="{style_id(style_name)}"/><w:tabs>'
                   f'<w:tab w:val="right" w:leader="dot" w:pos="{tab_tw}"/></w:tabs></w:pPr>{"".join(runs)}</w:p>')
    return "".join(out)


def document_part(body_xml: str, page: Page, *, footers: bool, blank_footer: bool = False) -> str:
    """``word/document.xml`` around the body's paragraphs, with the section's page setup.

    ``blank_footer``: the last section's pages carry no page number (a 公文's 版记 page).
    """
    if blank_footer:
        return (f'{XML_HEADER}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body_xml}'
                f"{section_properties(page, footers=footers, blank_footer=True)}</w:body></w:document>")
    refs = ('<w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
            '<w:footerReference w:type="even" r:id="rIdFooterEven"/>') if footers else ""
    grid = f'<w:docGrid w:type="lines" w:linePitch="{page.line_pitch}"/>' if page.line_pitch else ""
    return (f'{XML_HEADER}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body_xml}'
            f"<w:sectPr>{refs}"
            f'<w:pgSz w:w="{page.width}" w:h="{page.height}"/>'
            f'<w:pgMar w:top="{page.top}" w:right="{page.right}" w:bottom="{page.bottom}" '
            f'w:left="{page.left}" w:header="851" w:footer="{page.footer}" w:gutter="0"/>'
            f'<w:cols w:space="425"/>{grid}</w:sectPr></w:body></w:document>')


def footer_part(numbers: PageNumbers, side: str, lift_tw: int = 0) -> str:
    """A footer holding the page number field, placed ``side`` (left/center/right), ``lift_tw``
    above the footer's bottom (a letter's footers start lower, for its double line)."""
    rpr = fonts(numbers.font, numbers.latin_font) + \
        f'<w:sz w:val="{numbers.half_points}"/><w:szCs w:val="{numbers.half_points}"/>'
    indent = {"right": f'<w:ind w:right="{numbers.edge_tw}"/>',
              "left": f'<w:ind w:left="{numbers.edge_tw}"/>'}.get(side, "")
    lift = f'<w:spacing w:after="{lift_tw}"/>' if lift_tw > 0 else ""
    runs = []
    if numbers.before:
        runs.append(run(numbers.before, rpr))
    runs.append(field("PAGE", "1", rpr))
    if numbers.after:
        runs.append(run(numbers.after, rpr))
    return (f'{XML_HEADER}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/>'
            f'{lift}{indent}<w:jc w:val="{_JC[side]}"/></w:pPr>{"".join(runs)}</w:p></w:ftr>')


def settings_part(*, even_and_odd: bool, language: str, update_fields: bool = False) -> str:
    """``word/settings.xml``: odd/even footers, no punctuation compression, Word 2013+ mode."""
    east_asia = language if language.startswith("zh") else "zh-CN"
    return (f'{XML_HEADER}<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
            '<w:defaultTabStop w:val="420"/>'
            + ("<w:evenAndOddHeaders/>" if even_and_odd else "")
            + '<w:characterSpacingControl w:val="doNotCompress"/>'
            + ('<w:updateFields w:val="true"/>' if update_fields else "")
            + '<w:compat><w:compatSetting w:name="compatibilityMode" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            f'<w:themeFontLang w:val="{escape(language)}" w:eastAsia="{escape(east_asia)}"/>'
            '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


def content_types(*, footers: bool) -> str:
    """``[Content_Types].xml`` for the parts drafter writes."""
    footer_types = "".join(
        f'<Override PartName="/word/footer{n}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
        for n in (1, 2)) if footers else ""
    return (
    f'{XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    + footer_types +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
    )

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = (
    f'{XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
def document_rels(*, footers: bool) -> str:
    """``word/_rels/document.xml.rels``."""
    footer_rels = (
        f'<Relationship Id="rIdFooterOdd" Type="{_REL}/footer" Target="footer1.xml"/>'
        f'<Relationship Id="rIdFooterEven" Type="{_REL}/footer" Target="footer2.xml"/>'
    ) if footers else ""
    return (
    f'{XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rIdStyles" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{_REL}/settings" Target="settings.xml"/>'
    + footer_rels +
    "</Relationships>"
    )


def core_part(title: str, author: str, language: str, stamp: str) -> str:
    """``docProps/core.xml``; ``stamp`` is a W3CDTF time such as 2025-07-18T00:00:00Z."""
    return (f'{XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>"
            f"<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy><dc:language>{escape(language)}</dc:language>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')


def app_part(version: str) -> str:
    """``docProps/app.xml`` naming drafter as the producing application."""
    return (f'{XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>drafter {escape(version)}</Application></Properties>")


# -- the 公文's record (版记) and its unnumbered last section ----------------------------------------

BLANK_FOOTER_ID = "rIdFooterBlank"
BLANK_FOOTER_PART = "word/footer3.xml"


def blank_footer_part() -> str:
    """An empty footer: the blank page and the 版记 page carry no page number."""
    return f'{XML_HEADER}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr></w:p></w:ftr>'


def blank_footer_rel() -> str:
    """The relationship of :func:`blank_footer_part`, for ``word/_rels/document.xml.rels``."""
    return f'<Relationship Id="{BLANK_FOOTER_ID}" Type="{_REL}/footer" Target="footer3.xml"/>'


def blank_footer_type() -> str:
    """The content-type override of :func:`blank_footer_part`."""
    return ('<Override PartName="/word/footer3.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')


def section_properties(page: Page, *, footers: bool, blank_footer: bool = False) -> str:
    """A ``w:sectPr``: footers (numbered odd/even, or the blank one), page size, margins, grid."""
    if blank_footer:
        refs = (f'<w:footerReference w:type="default" r:id="{BLANK_FOOTER_ID}"/>'
                f'<w:footerReference w:type="even" r:id="{BLANK_FOOTER_ID}"/>')
    elif footers:
        refs = ('<w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
                '<w:footerReference w:type="even" r:id="rIdFooterEven"/>')
    else:
        refs = ""
    grid = f'<w:docGrid w:type="lines" w:linePitch="{page.line_pitch}"/>' if page.line_pitch else ""
    return (f"<w:sectPr>{refs}"
            f'<w:pgSz w:w="{page.width}" w:h="{page.height}"/>'
            f'<w:pgMar w:top="{page.top}" w:right="{page.right}" w:bottom="{page.bottom}" '
            f'w:left="{page.left}" w:header="851" w:footer="{page.footer}" w:gutter="0"/>'
            f'<w:cols w:space="425"/>{grid}</w:sectPr>')


def has_section_break(body_xml: str) -> bool:
    """Whether a body holds a section break (a ``w:sectPr`` inside a paragraph)."""
    return "<w:pPr><w:sectPr>" in body_xml


def section_break(section: str) -> str:
    """An empty paragraph ending a section (the next one starts on a new page)."""
    return f"<w:p><w:pPr>{section}</w:pPr></w:p>"


def spacer(height_tw: int) -> str:
    """An empty paragraph exactly ``height_tw`` high (it pushes what follows to the page's foot)."""
    return (f'<w:p><w:pPr><w:snapToGrid w:val="0"/>'
            f'<w:spacing w:before="0" w:after="0" w:line="{height_tw}" w:lineRule="exact"/></w:pPr></w:p>')


def closing_paragraph() -> str:
    """The paragraph a document must end with after a table: hidden and 1 point high, so that it
    never starts a page of its own (Word's own advice for a table that ends a full page)."""
    return ('<w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="20" '
            'w:lineRule="exact"/><w:rPr><w:vanish/><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')


def record_table(rows: list[tuple[str, int]], width_tw: int, thick: Rule | None, thin: Rule | None) -> str:
    """The 版记 as a one-column table: each row (paragraph XML, exact height), the first and last
    rules ``thick``, the rules between ``thin`` — editable in Word as an ordinary table."""
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{width_tw}" w:type="dxa"/><w:jc w:val="center"/>'
           + (f'<w:tblBorders>{border("top", thick)}{border("bottom", thick)}{border("insideH", thin)}</w:tblBorders>'
              if thick and thin else "") +
           '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
           '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
           f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="{width_tw}"/></w:tblGrid>']
    for xml, height in rows:
        out.append(f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="exact"/></w:trPr>'
                   f'<w:tc><w:tcPr><w:tcW w:w="{width_tw}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                   f"{xml}</w:tc></w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


# -- the letter's first page (信函格式): header and footer of page one only ---------------------------

FIRST_HEADER_ID, FIRST_FOOTER_ID = "rIdHeaderFirst", "rIdFooterFirst"
FIRST_HEADER_PART, FIRST_FOOTER_PART = "word/header1.xml", "word/footer4.xml"
FIRST_HEADER_RELS = "word/_rels/header1.xml.rels"


def relationships_part(relationships: str) -> str:
    """A part's relationships (``word/_rels/<part>.rels``) holding ready-made ``Relationship``s."""
    return (f'{XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{relationships}</Relationships>")


def header_footer_part(tag: str, paragraphs_xml: str) -> str:
    """A header (``hdr``) or footer (``ftr``) part holding ready-made paragraphs."""
    return f'{XML_HEADER}<w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{paragraphs_xml or "<w:p/>"}</w:{tag}>'


def first_page_rels() -> str:
    """Relationships of the first page's header and footer."""
    return (f'<Relationship Id="{FIRST_HEADER_ID}" Type="{_REL}/header" Target="header1.xml"/>'
            f'<Relationship Id="{FIRST_FOOTER_ID}" Type="{_REL}/footer" Target="footer4.xml"/>')


def first_page_types() -> str:
    """Content-type overrides of the first page's header and footer."""
    return ('<Override PartName="/word/header1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
            '<Override PartName="/word/footer4.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>')


def with_first_page(section: str, footer_tw: int | None = None) -> str:
    """A ``w:sectPr`` given its own first-page header and footer (``w:titlePg``), in schema order;
    ``footer_tw`` moves the footers (the letter's lower double line sits 20 mm above the edge)."""
    if footer_tw is not None:
        section = re.sub(r'w:footer="\d+"', f'w:footer="{footer_tw}"', section, count=1)
    refs = (f'<w:headerReference w:type="first" r:id="{FIRST_HEADER_ID}"/>'
            f'<w:footerReference w:type="first" r:id="{FIRST_FOOTER_ID}"/>')
    section = section.replace("<w:sectPr>", "<w:sectPr>" + refs, 1)
    return section.replace("<w:docGrid", "<w:titlePg/><w:docGrid", 1) if "<w:docGrid" in section \
        else section.replace("</w:sectPr>", "<w:titlePg/></w:sectPr>", 1)
