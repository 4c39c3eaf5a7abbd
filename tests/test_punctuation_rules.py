"""The punctuation rule groups of GB/T 15834-2011 / 15835-2011 / 9704-2012, case by case, and
``check`` and ``fix`` agreeing with the renderer on every case."""

import json

import pytest

from drafter.authoring.check import check_text
from drafter.authoring.fix import fix_text
from drafter.text.typography import normalise_punctuation, punctuation_review

KEPT = "kept"

CASES = {
    "range dash (一字线)": [
        ("2008年—2020年", KEPT),
        ("7月18日—20日", KEPT),
        ("第3—5条", KEPT),
        ("2010年—2015年间增长较快。", KEPT),
        ("一九四九年—二〇二五年", KEPT),
        ("城市--人民的城市", "城市——人民的城市"),
        ("城市———人民", "城市——人民"),
        ("这就是我们的目标——共同富裕。", KEPT),
    ],
    "interpunct (间隔号)": [
        ("马克.吐温是作家。", "马克·吐温是作家。"),
        ('"九.一八"事变', "“九·一八”事变"),
        ("一二.九运动", "一二·九运动"),
        ("列夫.托尔斯泰的小说", "列夫·托尔斯泰的小说"),
        ("爱因斯坦说过.我们要学习", "爱因斯坦说过。我们要学习"),
        ("卡尔•马克思", "卡尔·马克思"),
        ("约翰.史密斯先生来访", "约翰·史密斯先生来访"),
        ("工作完成了.下一步继续", "工作完成了。下一步继续"),
    ],
    "apostrophe": [
        ("I'm here,我们开始。", "I'm here，我们开始。"),
        ("参观Xi'an的'兵马俑'", "参观Xi'an的‘兵马俑’"),
        ("这是Tom's book,请归还", "这是Tom's book，请归还"),
        ("他说\"don't worry\",然后离开。", "他说“don't worry”，然后离开。"),
    ],
    "nested quotes": [
        ('他说:"我听到\'好\'了."', "他说：“我听到‘好’了。”"),
        ("“他说“好”。”", "“他说‘好’。”"),
        ('“他说"好"。”', "“他说‘好’。”"),
        ('"第一段的引文，', "“第一段的引文，"),
        ('"最后一段。"', "“最后一段。”"),
        ("“一层‘二层“三层”二层’一层”", KEPT),
    ],
    "sentence marks after Latin, digits, % and ]": [
        ("完成率达到100%.", "完成率达到100%。"),
        ("我们使用Python.", "我们使用Python。"),
        ("见文献[1].", "见文献[1]。"),
        ("你用过ChatGPT?", "你用过ChatGPT？"),
        ("真的是AI!", "真的是AI！"),
        ("GDP增长6.5%,CPI上涨2%", "GDP增长6.5%，CPI上涨2%"),
        ("2023年为120,2024年为150", "2023年为120，2024年为150"),
        ("第1,2,3条", "第1、2、3条"),
        ("共1,000人", KEPT),
        ("数量为１,０００台", KEPT),
        ("版本为Python 3.12。", KEPT),
        ("他说Hello, world，然后走了。", KEPT),
        ("比例1:2,时间9:30", "比例1:2，时间9:30"),
        ("比分为3:1.", "比分为3:1。"),
        ("附件：1.统计表", KEPT),
        ("附件：1. 2024年项目进展情况表", KEPT),
        ("Hello world. 你好", KEPT),
    ],
    "addresses": [
        ("详见https://www.gov.cn,请查阅", "详见https://www.gov.cn，请查阅"),
        ("请发至abc@mail.gov.cn.谢谢", "请发至abc@mail.gov.cn。谢谢"),
        ("网址www.gov.cn/a,b?c=1", KEPT),
        ("访问https://example.com/path.", "访问https://example.com/path。"),
    ],
    "brackets, file numbers and title marks": [
        ("(1)提高认识", "（1）提高认识"),
        ("(一)总体要求", "（一）总体要求"),
        ("国办发[2025]12号", "国办发〔2025〕12号"),
        ("国办发(2025)12号", "国办发〔2025〕12号"),
        ("国办发【2025】12号", "国办发〔2025〕12号"),
        ("国办发［2025］12号", "国办发〔2025〕12号"),
        ("根据京政发〔2024〕3号文件", KEPT),
        ("学习<宪法>和<<民法典>>", "学习《宪法》和《民法典》"),
        ("函数f(x)的值", KEPT),
    ],
    "ellipsis": [
        ("坚持学习...", "坚持学习……"),
        ("等等。。。", "等等……"),
        ("还有…", "还有……"),
        ("已经很好了……", KEPT),
    ],
}

ALL = [(group, typed, expected) for group, cases in CASES.items() for typed, expected in cases]


@pytest.mark.parametrize(("group", "typed", "expected"), ALL, ids=[f"{g}: {t}" for g, t, _ in ALL])
def test_renderer_punctuation(group: str, typed: str, expected: str) -> None:
    assert normalise_punctuation(typed) == (typed if expected == KEPT else expected)


AMBIGUOUS = [
    ("北京—上海", ("——", "—")),
    ("这是我们的目标—共同富裕", ("——", "—")),
    ("我们唱卡拉.马上出发", ("。", "·")),
]


@pytest.mark.parametrize(("typed", "choices"), AMBIGUOUS)
def test_an_ambiguous_mark_is_a_doubt_and_never_changed(typed: str, choices: tuple[str, ...]) -> None:
    review = punctuation_review(typed)
    assert [d.choices for d in review.doubts] == [choices]
    assert normalise_punctuation(typed) == typed


def _outline(paragraph: str) -> str:
    return ("kind: speech\ntitle: 讲话\nspeaker: 张三\ndate: 2025-07-18\nsections:\n"
            f"  - heading: 总体要求\n    paragraphs:\n      - {json.dumps(paragraph, ensure_ascii=False)}\n")


@pytest.mark.parametrize(("group", "typed", "expected"), ALL, ids=[f"{g}: {t}" for g, t, _ in ALL])
def test_fix_writes_what_the_renderer_writes(group: str, typed: str, expected: str) -> None:
    fixed = fix_text(_outline(typed), "t.yaml")
    assert fixed.text == _outline(normalise_punctuation(typed))
    punctuation = [f for f in fixed.remaining if f.code.startswith("W2")]
    assert punctuation == []


@pytest.mark.parametrize(("typed", "choices"), AMBIGUOUS)
def test_check_names_the_choices_and_fix_leaves_them(typed: str, choices: tuple[str, ...]) -> None:
    findings = [f for f in check_text(_outline(typed), "t.yaml").findings if f.code == "W205"]
    assert len(findings) == 1 and not findings[0].fixable
    assert all(f"`{choice}`" in findings[0].message for choice in choices)
    assert fix_text(_outline(typed), "t.yaml").text == _outline(typed)
