"""What ``drafter new`` writes above each key of a starter, and the sample value it shows.

A note says what the key is for and what drafter does with it (numbers headings, adds the
colon, prints the date in Chinese…); it is written in the user's language (``_()``). A note is
looked up as ``Record.key`` (the model's class name), then as ``key``. Samples are the values a
starter writes (required keys) or shows commented out (optional keys): Chinese text for the
Chinese kinds, English (``en:`` keys) for the English ones; the model's own ``example`` is the
fallback. ``FILLED`` keys are optional but written out, because the starter reads better (or
``check`` would warn) without them commented out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from drafter.i18n import N_

_GONGWEN_DATE = N_("The 成文日期, written 2025-07-18: drafter prints it under the signature as 2025年7月18日.")
_GONGWEN_ISSUER = N_("发文机关署名: the issuing body's name after the text.")
_POINTS_MARKER = N_("The word after the ordinal in points: 是 gives 一是, 要 gives 一要.")
_POINTS_EACH = N_("true: each point in a paragraph of its own; false: all points in one paragraph.")
_MINUTES_ISSUER = N_("Who issues the minutes, printed as the signature.")

NOTES: dict[str, str] = {
    "kind": N_("The kind of document: drafter chooses the template and page layout by it. Leave it as it is."),
    "title": N_("The title, without a full stop: drafter centres it in the title style and breaks a long one "
                "by meaning."),
    "PartyLecture.title": N_("The title of the lecture: drafter prints the label before it (党课：title)."),
    "Notice.title": N_("The title, usually 关于……的通知: drafter centres it under the red line and breaks a long "
                       "one by meaning."),
    "Request.title": N_("The title, usually 关于……的请示: one request asks about one matter."),
    "Letter.title": N_("The title, usually 关于……的函."),
    "MeetingMinutes.title": N_("A title under the red line; many minutes have none, so it may be left out."),
    "EnglishFront.title": N_("The English title, printed in the English block at the end of the article."),
    "Commentary.title": N_("The title of the commentary, in English."),
    "subtitle": N_("A line under the title."),
    "Speech.subtitle": N_("The occasion line under the title (在……上的讲话): drafter puts the dash —— before it, "
                          "do not type it."),
    "Article.subtitle": N_("The subtitle: drafter puts the dash —— before it, do not type it."),
    "speaker": N_("The speaker's name: drafter centres it under the title."),
    "PartyLecture.speaker": N_("The lecturer's name, printed under the title."),
    "date": N_("The date, written 2025-07-18: drafter prints it in Chinese, 2025年7月18日."),
    "Speech.date": N_("The day of the speech, written 2025-07-18: drafter prints it in brackets, （2025年7月18日）."),
    "Notice.date": _GONGWEN_DATE,
    "Request.date": _GONGWEN_DATE,
    "Letter.date": _GONGWEN_DATE,
    "Meeting.date": N_("The day of the meeting, written 2025-07-18."),
    "Commentary.date": N_("The day of publication, written 2025-07-18."),
    "salutation": N_("The salutation, such as 同志们: drafter adds the colon and puts it on its own line."),
    "opening": N_("Paragraphs before the first numbered section, one item a paragraph."),
    "Minutes.opening": N_("Opening paragraphs on the meeting and its theme."),
    "MeetingMinutes.opening": N_("Opening paragraphs: when and where the meeting was held, who chaired it, "
                                 "what it discussed."),
    "Article.opening": N_("The introduction before the first numbered section."),
    "sections": N_("The sections of the body: drafter numbers them 一、 （一） 1. （1） by level and order, so "
                   "do not type the numbers."),
    "Article.sections": N_("The numbered sections: drafter numbers them 一、 then 1. then （1）, so do not type "
                           "the numbers."),
    "Commentary.sections": N_("Sections with headings; a commentary's headings are not numbered."),
    "MeetingMinutes.sections": N_("What the meeting decided, in sections that drafter numbers 一、 （一） …."),
    "Section.sections": N_("Subsections, one level down: drafter numbers them too (（一） under 一、)."),
    "closing": N_("Closing paragraphs after the last section."),
    "footnotes": N_("Footnotes by name: write [^note1] in the text where the mark goes; drafter numbers the "
                    "footnotes in order."),
    "department": N_("The department pack to render with: its folder, relative to this outline. Left out: "
                     "drafter's built-in GB/T 9704 look."),
    "heading": N_("The heading without its number: drafter numbers it from its place (一、 （一） …), so do "
                  "not type 一、."),
    "paragraphs": N_("Body paragraphs, one item a paragraph: drafter indents each by two characters."),
    "Commentary.paragraphs": N_("Body paragraphs before the first headed section."),
    "points": N_("Parallel points: drafter joins them as 一是……；二是……。, so write each without 一是."),
    "Speaker.points": N_("The speaker's points: drafter joins them in one paragraph, 一是……；二是……。."),
    "points_marker": _POINTS_MARKER,
    "points_each": _POINTS_EACH,
    "body": N_("The section's content in the order written, instead of paragraphs, points and sections: "
               "text (a paragraph), or one of paragraph, points, table, figure, quote, section."),
    "inline": N_("true: the heading runs in as the lead sentence of its first paragraph; false: it stands "
                 "on its own line. Left out: the kind decides."),
    "label": N_("The label before the title: 党课 when left out, or 专题党课 and the like; false hides it."),
    "PartyLecture.source": N_("The source or occasion line under the title."),
    "Commentary.source": N_("The source line at the end."),
    "meeting": N_("The facts of the meeting: its name, date, place, host and organiser."),
    "Meeting.name": N_("The name of the meeting."),
    "place": N_("Where the meeting was held."),
    "host": N_("Who chaired the meeting."),
    "organiser": N_("Who organised the meeting."),
    "speakers": N_("One item per speaker, in the order they spoke: drafter prints who spoke, then what they "
                   "said."),
    "Speaker.name": N_("The speaker's name."),
    "Speaker.affiliation": N_("The speaker's organisation."),
    "position": N_("The speaker's posts, such as 副院长、研究员."),
    "topic": N_("The topic of the remarks: drafter prints it after the name and a colon."),
    "remarks": N_("What the speaker said, one item a paragraph."),
    "consensus": N_("The closing consensus, such as 与会专家一致认为……."),
    "attendance": N_("Who was present (出席), attending without a vote (列席) and excused (请假)."),
    "present": N_("出席: who was present, names or bodies; drafter joins them in one paragraph."),
    "attending": N_("列席: who attended without a vote."),
    "absent": N_("请假: who was excused."),
    "issuer": N_("The issuing body: drafter prints it as the signature."),
    "Notice.issuer": _GONGWEN_ISSUER,
    "Request.issuer": _GONGWEN_ISSUER,
    "Letter.issuer": _GONGWEN_ISSUER,
    "Minutes.issuer": _MINUTES_ISSUER,
    "MeetingMinutes.issuer": _MINUTES_ISSUER,
    "authors": N_("The authors with their institutions, in the order they sign."),
    "Author.name": N_("The author's name."),
    "Author.affiliation": N_("The author's institution."),
    "abstract": N_("摘要: the abstract; drafter prints the label 摘要：."),
    "keywords": N_("关键词: one keyword an item; drafter joins them with ；."),
    "EnglishFront.authors": N_("The authors' names in English."),
    "EnglishFront.abstract": N_("The abstract in English."),
    "EnglishFront.keywords": N_("The keywords in English."),
    "Article.classification": N_("The 中图分类号 line and similar identifiers."),
    "fund": N_("The 基金项目 note."),
    "author_note": N_("The 作者简介 note."),
    "references": N_("References in GB/T 7714 style: drafter numbers them [1], [2], …."),
    "english": N_("The English title, authors, abstract and keywords, printed at the end."),
    "author": N_("The author's name for the byline."),
    "Commentary.affiliation": N_("The author's affiliation or description for the byline."),
    "editor": N_("The editor line at the end."),
    "addressee": N_("主送机关: to whom it goes, such as 各区人民政府; drafter adds the colon."),
    "Request.addressee": N_("主送机关: the one superior body asked, such as 市人民政府."),
    "toc": N_("true: drafter puts a table of contents after the title."),
    "attachments": N_("附件: their titles, or items with title and paragraphs that get pages of their own; "
                      "drafter numbers them and writes the 附件说明."),
    "signature": N_("The signature at the end; the issuer when left out."),
    "copy_number": N_("份号: digits only; drafter prints six of them, 000012."),
    "classification": N_("密级和保密期限, such as 秘密★1年: printed at the top left of the first page."),
    "urgency": N_("紧急程度: 特急 or 加急, printed at the top left of the first page."),
    "issuer_mark": N_("发文机关标志: the red mark, such as ……文件; a list stacks joint issuers. Left out: the "
                      "department pack's."),
    "Letter.issuer_mark": N_("发文机关标志: the issuer's name in red (a letter's mark has no 文件)."),
    "MeetingMinutes.issuer_mark": N_("The red mark of the minutes, such as ……会议纪要."),
    "doc_number": N_("发文字号, such as 青政办发〔2025〕8号: drafter corrects [2025], (2025) or 08, and puts the "
                     "pack's prefix before a number given alone."),
    "MeetingMinutes.doc_number": N_("The number under the mark, such as 第3期."),
    "signer": N_("签发人: who signed it off; a 请示 must carry it."),
    "seal": N_("true: the document is sealed: drafter moves the date right and keeps room for the seal."),
    "note": N_("附注, such as 此件公开发布: drafter prints it in brackets below the date."),
    "contact": N_("联系人: the person to call about it, printed in the 附注."),
    "phone": N_("联系电话: printed in the 附注."),
    "cc": N_("抄送: who receives copies, printed in the 版记. Left out: the department pack's."),
    "printed_by": N_("印发机关: who printed it, in the 版记."),
    "Order.issuer_mark": N_("发文机关标志: the issuer's full name and 令, such as ……人民政府令, printed in red."),
    "Order.doc_number": N_("令号, such as 第12号: printed centred under the mark."),
    "Order.title": N_("A title under the 令号; most orders have none, so it may be left out."),
    "Order.opening": N_("The text of the order, one item a paragraph."),
    "Order.date": _GONGWEN_DATE,
    "signer_title": N_("签发人职务, such as 市长: printed before the signer's name."),
    "Order.signer": N_("签发人: who signs the order; drafter prints the name where the 签名章 goes."),
    "printed_on": N_("印发日期, written 2025-07-18: in the 版记; not before the date of the document."),
}
"""The note above each key of a starter (``Record.key`` first, then ``key``)."""

KIND_NAMES: dict[str, str] = {
    "speech": N_("speech (讲话稿)"),
    "party-lecture": N_("party lecture (党课讲稿)"),
    "minutes": N_("seminar minutes (座谈会纪要)"),
    "article": N_("research article (学术论文)"),
    "commentary": N_("English commentary"),
    "report": N_("report (报告)"),
    "notice": N_("notice (通知)"),
    "request": N_("request (请示)"),
    "letter": N_("letter (函)"),
    "meeting-minutes": N_("meeting minutes (会议纪要)"),
    "order": N_("order (命令/令)"),
}
"""What a starter's header calls each kind, in the user's language."""

_DAY = dt.date(2025, 3, 18)

SAMPLES: dict[str, Any] = {
    # -- the Chinese kinds -------------------------------------------------------------------------
    "Speech.title": "凝心聚力抓落实，奋力开创城市工作新局面",
    "Speech.subtitle": "在全市城市工作推进会上的讲话",
    "speaker": "李明",
    "PartyLecture.speaker": "王强",
    "date": _DAY,
    "salutation": "同志们",
    "opening": ["这里写开头部分，说明缘由和目的，一项一段。"],
    "Speech.opening": ["今天召开这次会议，主要是总结去年的工作，安排今年的任务。"],
    "PartyLecture.opening": ["今天，我围绕坚定理想信念这个主题，和大家作一次交流。"],
    "closing": ["谢谢大家！"],
    "Notice.closing": ["特此通知。"],
    "Request.closing": ["妥否，请批示。"],
    "Letter.closing": ["特此函商。"],
    "footnotes": {"note1": "脚注的内容写在这里。"},
    "department": "../我的部门",
    "heading": "提高思想认识，明确工作重点",
    "Section.paragraphs": ["这里写本节的正文，一项一段，段首不必空格。"],
    "points": ["加强组织领导", "完善工作机制"],
    "points_marker": "是",
    "points_each": True,
    "body": ["本节第一段正文[^note1]。",
             {"points": ["明确责任分工", {"lead": "加强督促检查", "text": "每月通报一次进展"}], "each": True},
             {"table": {"caption": "重点任务进度表", "rows": [["任务", "完成比例"], ["道路改造", "80%"]]}},
             {"figure": {"file": "figures/progress.png", "caption": "重点任务完成情况", "width": "80%"}},
             {"quote": "引用的原文写在这里。"},
             {"section": {"heading": "下一级标题", "body": ["小节的正文。"]}}],
    "inline": True,
    "PartyLecture.title": "坚定理想信念，永葆干事创业的精气神",
    "label": "专题党课",
    "PartyLecture.source": "在市局机关党员大会上的专题辅导",
    "Minutes.title": "推动老城区有机更新专家座谈会综述",
    "subtitle": "专家学者为城市更新建言献策",
    "Meeting.name": "老城区有机更新专家座谈会",
    "place": "青川市规划展览馆",
    "host": "青川市城市规划学会",
    "organiser": "青川市自然资源和规划局",
    "Minutes.opening": ["座谈会围绕老城区有机更新，听取了专家学者的意见和建议。"],
    "Speaker.name": "陈立",
    "Speaker.affiliation": "青川大学建筑学院",
    "position": "教授",
    "topic": "老城更新要留住烟火气",
    "remarks": ["发言的内容写在这里，一项一段。"],
    "Speaker.points": ["保护街巷肌理", "引导居民参与"],
    "consensus": ["与会专家一致认为，老城区更新要坚持保护优先、循序渐进。"],
    "present": ["市自然资源和规划局", "市住房和城乡建设局"],
    "attending": ["各区规划分局"],
    "absent": ["刘洋"],
    "Minutes.issuer": "青川市城市规划学会",
    "Article.title": "中小城市高质量发展的路径探析",
    "Article.subtitle": "以青川市为例",
    "Author.name": "周明",
    "Author.affiliation": "青川大学公共管理学院",
    "abstract": ["摘要写在这里，概括研究的问题、方法和结论。"],
    "keywords": ["中小城市", "高质量发展", "城市更新"],
    "Article.classification": "中图分类号：F299.2　文献标识码：A",
    "fund": "青川市社会科学基金项目（2025QC01）",
    "author_note": "周明，青川大学公共管理学院副教授，主要研究城市治理。",
    "Article.opening": ["引言写在这里，说明研究的缘起。"],
    "references": ["周明. 中小城市更新研究[M]. 青川: 青川大学出版社, 2024."],
    "EnglishFront.title": "Pathways to High-Quality Development of Small and Medium Cities",
    "EnglishFront.authors": ["Zhou Ming"],
    "EnglishFront.abstract": ["The English abstract goes here."],
    "EnglishFront.keywords": ["small and medium cities", "urban renewal"],
    "Report.title": "关于老旧小区改造工作进展情况的报告",
    "addressee": "市人民政府",
    "Notice.addressee": "各区人民政府，市政府各部门",
    "Letter.addressee": "青川市文化广电和旅游局",
    "issuer": "青川市住房和城乡建设局",
    "Notice.issuer": "青川市人民政府办公室",
    "Request.issuer": "青川市住房和城乡建设局",
    "Letter.issuer": "青川市自然资源和规划局",
    "MeetingMinutes.issuer": "青川市城市规划委员会办公室",
    "toc": True,
    "attachments": ["重点项目清单"],
    "signature": "青川市住房和城乡建设局",
    "Notice.title": "关于开展城市道路安全隐患排查的通知",
    "copy_number": "000012",
    "classification": "秘密★1年",
    "urgency": "加急",
    "issuer_mark": ["青川市人民政府办公室文件"],
    "Letter.issuer_mark": ["青川市自然资源和规划局"],
    "MeetingMinutes.issuer_mark": ["青川市城市规划委员会会议纪要"],
    "doc_number": "青政办发〔2025〕8号",
    "MeetingMinutes.doc_number": "第3期",
    "seal": True,
    "note": "此件公开发布",
    "cc": ["市委办公室", "市人大常委会办公室"],
    "printed_by": "青川市人民政府办公室",
    "printed_on": dt.date(2025, 3, 20),
    "Request.title": "关于增拨老旧小区改造补助资金的请示",
    "signer": ["张伟"],
    "Request.signer": ["张伟"],
    "contact": "刘敏",
    "phone": "0812-1234567",
    "Letter.title": "关于商请协助开展历史建筑普查的函",
    "MeetingMinutes.title": "关于审议老城区保护规划的会议纪要",
    "Order.issuer_mark": ["青川市人民政府令"],
    "Order.doc_number": "第12号",
    "Order.title": "青川市历史文化街区保护办法",
    "Order.opening": ["《青川市历史文化街区保护办法》已经2025年3月10日市人民政府第8次常务会议通过，现予公布，自2025年5月1日起施行。"],
    "signer_title": "市长",
    "Order.signer": ["王强"],
    "MeetingMinutes.opening": ["2025年3月18日，市城市规划委员会召开全体会议，审议了老城区保护规划。"],
    "title": "起始提纲的标题",
    # -- the English kind ----------------------------------------------------------------------------
    "en:Commentary.title": "What Small Cities Teach Us",
    "en:date": _DAY,
    "en:author": "Li Na",
    "en:Commentary.affiliation": "Research Fellow, Qingchuan Institute of Urban Studies",
    "en:Commentary.paragraphs": ["Write the opening paragraphs here, one item a paragraph."],
    "en:heading": "Lessons from the riverfront",
    "en:Section.paragraphs": ["Write the section's paragraphs here, one item a paragraph."],
    "en:points": ["Plan for people", "Keep the old streets"],
    "en:body": ["A paragraph of the section.", {"quote": "A quotation set apart from the text."}],
    "en:footnotes": {"note1": "The text of the footnote."},
    "en:editor": "Editor: Wang Fang",
    "en:source": "Qingchuan Urban Review",
    "en:department": "../my-department",
}
"""The sample value of each key (``Record.key`` first, then ``key``; ``en:`` for English kinds)."""

FILLED = frozenset({"Section.paragraphs", "en:Section.paragraphs", "Request.signer", "Order.signer", "Order.issuer_mark", "Order.doc_number", "Order.opening",
                    "Order.signer_title"})
"""Optional keys a starter writes out with their sample instead of commenting them out."""


def note_for(record: type, name: str) -> str | None:
    """The (untranslated) note for key ``name`` of ``record``; None when there is none."""
    return NOTES.get(f"{record.__name__}.{name}") or NOTES.get(name)


def sample_key(record: type, name: str, language: str) -> str | None:
    """The key of :data:`SAMPLES` that holds the sample of ``record.name`` in a kind of ``language``."""
    prefix = "" if language == "zh" else f"{language}:"
    for key in (f"{prefix}{record.__name__}.{name}", f"{prefix}{name}"):
        if key in SAMPLES:
            return key
    return None
